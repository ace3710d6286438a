import type { Kysely } from 'kysely';

/*
 * The case space's core (issue 14, ADR 0027): cases, their key compartments and epochs, members, invitation
 * codes, key wraps and consent records. Nothing here is readable without a member's private key: the child's
 * label and a police reference are sealed under the case's 'members' key, which reaches members only as HPKE
 * wraps to their X25519 keys; codes are keyed hashes under the pepper.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (column) => column.primaryKey())
    // 'with-parents' | 'professional-only'
    .addColumn('mode', 'text', (column) => column.notNull())
    // 'none' | 'proposed' | 'confirmed' (four eyes: proposed by one professional, confirmed by another)
    .addColumn('risk_in_family', 'text', (column) => column.notNull())
    .addColumn('risk_proposed_by', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    // An account id, set null when that account is deleted.
    .addColumn('created_by_user', 'text')
    // The label (a first name or nickname), sealed under the 'members' key at label_epoch.
    .addColumn('label_ciphertext', 'text', (column) => column.notNull())
    .addColumn('label_epoch', 'integer', (column) => column.notNull())
    .execute();

  await db.schema
    .createTable('case_compartments')
    .addColumn('case_id', 'text', (column) => column.notNull().references('cases.id').onDelete('cascade'))
    // 'professionals' | 'members' | 'share:<member id>'
    .addColumn('compartment', 'text', (column) => column.notNull())
    .addColumn('epoch', 'integer', (column) => column.notNull())
    .addPrimaryKeyConstraint('case_compartments_pk', ['case_id', 'compartment'])
    .execute();

  await db.schema
    .createTable('case_members')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('case_id', 'text', (column) => column.notNull().references('cases.id').onDelete('cascade'))
    // Null while invited (nobody used the code yet) and after the account was deleted.
    .addColumn('user_id', 'text', (column) => column.references('users.id').onDelete('set null'))
    .addColumn('role', 'text', (column) => column.notNull())
    .addColumn('state', 'text', (column) => column.notNull())
    .addColumn('mandate', 'text', (column) => column.notNull())
    // The professional's organisation when they joined; null for parents.
    .addColumn('organisation_id', 'text')
    .addColumn('police_unit', 'text')
    // A police reference, sealed under the 'members' key at reference_epoch.
    .addColumn('reference_ciphertext', 'text')
    .addColumn('reference_epoch', 'integer')
    .addColumn('invited_by_member_id', 'text')
    .addColumn('confirmed_by_member_id', 'text')
    // The key id of the member's public keys when confirmed: a key rotation changes it (confirm again).
    .addColumn('confirmed_key_id', 'text')
    .addColumn('suspension_proposed_by', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addColumn('state_changed_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('case_members_case').on('case_members').column('case_id').execute();
  await db.schema.createIndex('case_members_user').on('case_members').column('user_id').execute();

  await db.schema
    .createTable('case_invitations')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('case_id', 'text', (column) => column.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('member_id', 'text', (column) => column.notNull().references('case_members.id').onDelete('cascade'))
    // HMAC-SHA-256 of the code under a key derived from the pepper: a dump alone cannot be used to join.
    .addColumn('code_hash', 'text', (column) => column.notNull().unique())
    .addColumn('expires_at', 'text', (column) => column.notNull())
    .addColumn('used_at', 'text')
    .addColumn('withdrawn_at', 'text')
    .addColumn('created_by_member_id', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('case_invitations_case').on('case_invitations').column('case_id').execute();

  await db.schema
    .createTable('case_key_wraps')
    .addColumn('case_id', 'text', (column) => column.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('compartment', 'text', (column) => column.notNull())
    .addColumn('epoch', 'integer', (column) => column.notNull())
    .addColumn('member_id', 'text', (column) => column.notNull().references('case_members.id').onDelete('cascade'))
    .addColumn('recipient_key_id', 'text', (column) => column.notNull())
    // base64 of the HPKE encapsulated key and ciphertext; the signature is the granter's (Ed25519).
    .addColumn('enc', 'text', (column) => column.notNull())
    .addColumn('ciphertext', 'text', (column) => column.notNull())
    .addColumn('granter_member_id', 'text', (column) => column.notNull())
    .addColumn('granter_key_id', 'text', (column) => column.notNull())
    .addColumn('signature', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('case_key_wraps_pk', ['case_id', 'compartment', 'epoch', 'member_id'])
    .execute();
  await db.schema.createIndex('case_key_wraps_member').on('case_key_wraps').column('member_id').execute();

  await db.schema
    .createTable('case_consents')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('case_id', 'text', (column) => column.notNull().references('cases.id').onDelete('cascade'))
    // 'start' | 'share-entries' | 'add-member' | 'export'
    .addColumn('flow', 'text', (column) => column.notNull())
    // What the flow is about: a member id, a share, the case itself.
    .addColumn('subject_id', 'text', (column) => column.notNull())
    .addColumn('basis', 'text', (column) => column.notNull())
    .addColumn('child_knows', 'text', (column) => column.notNull())
    .addColumn('recorded_by_member_id', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('case_consents_case').on('case_consents').column('case_id').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('case_consents').execute();
  await db.schema.dropTable('case_key_wraps').execute();
  await db.schema.dropTable('case_invitations').execute();
  await db.schema.dropTable('case_members').execute();
  await db.schema.dropTable('case_compartments').execute();
  await db.schema.dropTable('cases').execute();
}
