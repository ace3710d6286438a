import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { lockRow } from '../../shared/db/lock.js';
import type { AlsoInTransaction, Trx } from '../../shared/db/transaction.js';
import type { Database, FourEyesApprovalsTable } from '../../shared/db/schema.js';
import type { ProfessionalRole } from '../../shared/policy/actor.js';
import type { Scope } from '../../shared/policy/policy.js';
import { whereInScope } from '../../shared/db/scope.js';
import { enqueue } from '../../shared/jobs/jobs.repo.js';
import { invitationMail } from './professionals.jobs.js';

/** The default for repository tests, which record nothing; the service always passes its audit lines. */
const nothingToRecord = (): Promise<void> => Promise.resolve();

export type SubjectType = FourEyesApprovalsTable['subject_type'];
export type Capacity = FourEyesApprovalsTable['capacity'];

export interface OrganisationChoice {
  id: string;
  name: string;
  verified: boolean;
}

export interface StoredInvitation {
  id: string;
  email: string;
  organisationId: string;
  organisationName: string;
  role: ProfessionalRole;
  /** For the role 'police': the unit (a police_units name); null otherwise. */
  policeUnit: string | null;
  invitedBy: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  revokedAt: string | null;
}

export interface Approval {
  approverId: string;
  /** The approver's username; undefined when that account no longer exists. */
  approverName: string | undefined;
  capacity: Capacity;
  approvedAt: string;
}

export interface ProfessionalRecord {
  userId: string;
  username: string;
  email: string | undefined;
  organisationId: string;
  organisationName: string;
  role: ProfessionalRole;
  /** For the role 'police': the unit (a police_units name), by which the case space shows them; null otherwise. */
  policeUnit: string | null;
  status: 'pending' | 'active';
  createdAt: string;
  activatedAt: string | null;
}

export interface UnverifiedOrganisation {
  id: string;
  slug: string;
  name: string;
  approvals: Approval[];
}

/** What an approval did: counted and waiting, completed the four eyes, or nothing (and why). */
export type ApprovalOutcome = 'recorded' | 'completed' | 'duplicate' | 'not-pending' | 'missing';

/** The name inside an organisation's stored record (JSON, checked by the help feature when written). */
function nameOf(data: string): string {
  const parsed = JSON.parse(data) as { name?: unknown };
  return typeof parsed.name === 'string' ? parsed.name : '';
}

/** The version of an organisation an approval is for: a hash of its whole record, so an edit starts over. */
export const organisationVersion = (data: string): string => createHash('sha256').update(data).digest('hex');

/** Professional accounts have one version: approvals stay valid until the account is active. */
const PROFESSIONAL_VERSION = 'account';

export function createProfessionalsRepository(db: Kysely<Database>) {
  const invitationQuery = (executor: Kysely<Database>) =>
    executor
      .selectFrom('professional_invitations as i')
      .innerJoin('organisations as o', 'o.id', 'i.organisation_id')
      .select([
        'i.id',
        'i.email',
        'i.organisation_id',
        'o.data',
        'i.professional_role',
        'i.police_unit',
        'i.invited_by',
        'i.created_at',
        'i.expires_at',
        'i.used_at',
        'i.revoked_at',
      ]);
  type InvitationRow = Awaited<ReturnType<ReturnType<typeof invitationQuery>['executeTakeFirstOrThrow']>>;
  const toInvitation = (row: InvitationRow): StoredInvitation => ({
    id: row.id,
    email: row.email,
    organisationId: row.organisation_id,
    organisationName: nameOf(row.data),
    role: row.professional_role,
    policeUnit: row.police_unit,
    invitedBy: row.invited_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    usedAt: row.used_at,
    revokedAt: row.revoked_at,
  });

  async function approvalsFor(
    executor: Kysely<Database>,
    type: SubjectType,
    id: string,
    version: string,
  ): Promise<Approval[]> {
    const rows = await executor
      .selectFrom('four_eyes_approvals as a')
      .leftJoin('users as u', 'u.id', 'a.approver_id')
      .select(['a.approver_id', 'u.username', 'a.capacity', 'a.approved_at'])
      .where('a.subject_type', '=', type)
      .where('a.subject_id', '=', id)
      .where('a.subject_version', '=', version)
      .orderBy('a.approved_at')
      .execute();
    return rows.map((row) => ({
      approverId: row.approver_id,
      approverName: row.username ?? undefined,
      capacity: row.capacity,
      approvedAt: row.approved_at,
    }));
  }

  const professionalQuery = (executor: Kysely<Database>) =>
    executor
      .selectFrom('professionals as p')
      .innerJoin('users as u', 'u.id', 'p.user_id')
      .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
      .select([
        'p.user_id',
        'u.username',
        'u.email',
        'p.organisation_id',
        'o.data',
        'p.professional_role',
        'p.police_unit',
        'p.status',
        'p.created_at',
        'p.activated_at',
      ]);
  type ProfessionalRow = Awaited<ReturnType<ReturnType<typeof professionalQuery>['executeTakeFirstOrThrow']>>;
  const toProfessional = (row: ProfessionalRow): ProfessionalRecord => ({
    userId: row.user_id,
    username: row.username,
    email: row.email ?? undefined,
    organisationId: row.organisation_id,
    organisationName: nameOf(row.data),
    role: row.professional_role,
    policeUnit: row.police_unit,
    status: row.status,
    createdAt: row.created_at,
    activatedAt: row.activated_at,
  });

  /**
   * Locks the subject's row for the rest of the transaction (lockRow), so a second approval of the same subject
   * waits for the first to commit and then counts it. Returns the version approvals are for, or why there is
   * nothing to approve.
   */
  async function lockSubject(
    trx: Transaction<Database>,
    type: SubjectType,
    id: string,
  ): Promise<{ version: string } | 'missing' | 'not-pending'> {
    if (type === 'professional') {
      await lockRow(trx, 'professionals', id);
      const row = await trx.selectFrom('professionals').select('status').where('user_id', '=', id).executeTakeFirst();
      if (row === undefined) return 'missing';
      return row.status === 'pending' ? { version: PROFESSIONAL_VERSION } : 'not-pending';
    }
    await lockRow(trx, 'organisations', id);
    const row = await trx
      .selectFrom('organisations')
      .select(['data', 'verified'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (row === undefined) return 'missing';
    return Number(row.verified) === 1 ? 'not-pending' : { version: organisationVersion(row.data) };
  }

  async function complete(trx: Transaction<Database>, type: SubjectType, id: string, nowIso: string): Promise<void> {
    if (type === 'professional') {
      await trx
        .updateTable('professionals')
        .set({ status: 'active', activated_at: nowIso })
        .where('user_id', '=', id)
        .where('status', '=', 'pending')
        .execute();
      return;
    }
    const row = await trx.selectFrom('organisations').select('data').where('id', '=', id).executeTakeFirstOrThrow();
    // The record says verified too: the help finder reads the record (the key keeps its place in the JSON).
    const data = JSON.stringify({ ...(JSON.parse(row.data) as Record<string, unknown>), verified: true });
    await trx
      .updateTable('organisations')
      .set({ verified: 1, data, updated_at: nowIso })
      .where('id', '=', id)
      .where('verified', '=', 0)
      .execute();
  }

  return {
    async listOrganisationChoices(): Promise<OrganisationChoice[]> {
      const rows = await db.selectFrom('organisations').select(['id', 'data', 'verified']).execute();
      return rows
        .map((row) => ({ id: row.id, name: nameOf(row.data), verified: Number(row.verified) === 1 }))
        .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
    },

    /** The police units a police professional can belong to (reference data, see import-regions). */
    async listPoliceUnits(): Promise<string[]> {
      const rows = await db.selectFrom('police_units').select('name').orderBy('name').execute();
      return rows.map((row) => row.name);
    },

    async insertInvitation(
      invitation: {
        id: string;
        tokenHash: string;
        email: string;
        organisationId: string;
        role: ProfessionalRole;
        /** For the role 'police': the unit; null (or absent) otherwise. */
        policeUnit?: string | null;
        invitedBy: string;
        createdAt: string;
        expiresAt: string;
        /** The language of the e-mail that carries the link. */
        language: 'nl' | 'en';
      },
      also: AlsoInTransaction = nothingToRecord,
    ): Promise<void> {
      // The e-mail is a job in the same transaction: there is an invitation exactly when its mail is on its way.
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('professional_invitations')
          .values({
            id: invitation.id,
            token_hash: invitation.tokenHash,
            email: invitation.email,
            organisation_id: invitation.organisationId,
            professional_role: invitation.role,
            police_unit: invitation.policeUnit ?? null,
            invited_by: invitation.invitedBy,
            created_at: invitation.createdAt,
            expires_at: invitation.expiresAt,
          })
          .execute();
        await enqueue(trx, invitationMail, { invitationId: invitation.id, language: invitation.language });
        await also(trx);
      });
    },

    async findInvitationByTokenHash(tokenHash: string): Promise<StoredInvitation | undefined> {
      const row = await invitationQuery(db).where('i.token_hash', '=', tokenHash).executeTakeFirst();
      return row === undefined ? undefined : toInvitation(row);
    },

    async findInvitation(id: string): Promise<StoredInvitation | undefined> {
      const row = await invitationQuery(db).where('i.id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : toInvitation(row);
    },

    /** Invitations not used and not withdrawn (expired ones included, so an admin sees them run out). */
    async listUnusedInvitations(): Promise<StoredInvitation[]> {
      const rows = await invitationQuery(db)
        .where('i.used_at', 'is', null)
        .where('i.revoked_at', 'is', null)
        .orderBy('i.created_at', 'desc')
        .limit(200)
        .execute();
      return rows.map(toInvitation);
    },

    /** Withdraws an invitation that is neither used nor withdrawn yet; false when it was. */
    /** Withdraws an unused invitation and runs `also` (its audit line) in the same transaction. */
    async revokeInvitation(
      id: string,
      by: string,
      nowIso: string,
      also: AlsoInTransaction = nothingToRecord,
    ): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable('professional_invitations')
          .set({ revoked_at: nowIso, revoked_by: by })
          .where('id', '=', id)
          .where('used_at', 'is', null)
          .where('revoked_at', 'is', null)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1) return false;
        await also(trx);
        return true;
      });
    },

    /**
     * Claims an invitation for the account being made in `trx` (the transaction that creates it): marked used
     * only if it is unused, not withdrawn and not expired (one statement, so two claims at once cannot both
     * succeed); then the account gets its organisation and role (pending) and the invitation's e-mail address.
     * False, changing nothing, when the claim fails.
     */
    async claimInvitation(trx: Trx, tokenHash: string, userId: string, nowIso: string): Promise<boolean> {
      const claimed = await trx
        .updateTable('professional_invitations')
        .set({ used_at: nowIso, used_by: userId })
        .where('token_hash', '=', tokenHash)
        .where('used_at', 'is', null)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', nowIso)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return false;
      const invitation = await trx
        .selectFrom('professional_invitations')
        .select(['id', 'email', 'organisation_id', 'professional_role', 'police_unit'])
        .where('token_hash', '=', tokenHash)
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('professionals')
        .values({
          user_id: userId,
          organisation_id: invitation.organisation_id,
          professional_role: invitation.professional_role,
          police_unit: invitation.police_unit,
          invitation_id: invitation.id,
          status: 'pending',
          created_at: nowIso,
        })
        .execute();
      await trx.updateTable('users').set({ email: invitation.email }).where('id', '=', userId).execute();
      return true;
    },

    async findProfessional(userId: string): Promise<ProfessionalRecord | undefined> {
      const row = await professionalQuery(db).where('p.user_id', '=', userId).executeTakeFirst();
      return row === undefined ? undefined : toProfessional(row);
    },

    /** The accounts waiting for activation, narrowed in SQL to those the scope lets the actor see. */
    async listPendingProfessionals(scope: Scope<'userId' | 'organisationId'>): Promise<ProfessionalRecord[]> {
      const query = whereInScope(professionalQuery(db).where('p.status', '=', 'pending'), scope, {
        userId: 'p.user_id',
        organisationId: 'p.organisation_id',
      });
      return (await query.orderBy('p.created_at').execute()).map(toProfessional);
    },

    /** The approvals of a professional account: while pending, and afterwards who activated it. */
    professionalApprovals: (userId: string) => approvalsFor(db, 'professional', userId, PROFESSIONAL_VERSION),

    async listUnverifiedOrganisations(): Promise<UnverifiedOrganisation[]> {
      const rows = await db
        .selectFrom('organisations')
        .select(['id', 'slug', 'data'])
        .where('verified', '=', 0)
        .orderBy('slug')
        .execute();
      return Promise.all(
        rows.map(async (row) => ({
          id: row.id,
          slug: row.slug,
          name: nameOf(row.data),
          approvals: await approvalsFor(db, 'organisation', row.id, organisationVersion(row.data)),
        })),
      );
    },

    async findOrganisationForVerification(
      id: string,
    ): Promise<{ id: string; name: string; verified: boolean } | undefined> {
      const row = await db
        .selectFrom('organisations')
        .select(['id', 'data', 'verified'])
        .where('id', '=', id)
        .executeTakeFirst();
      return row === undefined
        ? undefined
        : { id: row.id, name: nameOf(row.data), verified: Number(row.verified) === 1 };
    },

    /**
     * Records one approval of a subject and, when `isComplete` says the approvals now suffice, completes it
     * (activates the account, verifies the organisation), all in one transaction on the locked subject row. The
     * primary key (subject, version, approver) refuses a second approval by the same person in the database too.
     * `recordIn` writes the audit lines in that transaction, knowing whether the approval completed the subject.
     */
    async approve(
      type: SubjectType,
      subjectId: string,
      approver: { id: string; capacity: Capacity },
      nowIso: string,
      isComplete: (approvals: readonly Approval[]) => boolean,
      recordIn: (trx: Trx, completed: boolean) => Promise<unknown> = nothingToRecord,
    ): Promise<ApprovalOutcome> {
      return db.transaction().execute(async (trx) => {
        const subject = await lockSubject(trx, type, subjectId);
        if (typeof subject === 'string') return subject;
        const existing = await trx
          .selectFrom('four_eyes_approvals')
          .select('approver_id')
          .where('subject_type', '=', type)
          .where('subject_id', '=', subjectId)
          .where('subject_version', '=', subject.version)
          .where('approver_id', '=', approver.id)
          .executeTakeFirst();
        if (existing !== undefined) return 'duplicate';
        await trx
          .insertInto('four_eyes_approvals')
          .values({
            subject_type: type,
            subject_id: subjectId,
            subject_version: subject.version,
            approver_id: approver.id,
            capacity: approver.capacity,
            approved_at: nowIso,
          })
          .execute();
        if (!isComplete(await approvalsFor(trx, type, subjectId, subject.version))) {
          await recordIn(trx, false);
          return 'recorded';
        }
        await complete(trx, type, subjectId, nowIso);
        await recordIn(trx, true);
        return 'completed';
      });
    },
  };
}

export type ProfessionalsRepository = ReturnType<typeof createProfessionalsRepository>;
