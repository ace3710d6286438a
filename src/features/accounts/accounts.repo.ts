import { type Kysely, type Selectable, sql } from 'kysely';
import type { Ciphertext, WrappedKey } from '../../shared/crypto/aead.js';
import type { Argon2Parameters } from '../../shared/crypto/passphrase.js';
import type { RetiredSigningKey, StoredUserKeys } from '../../shared/crypto/user-keys.js';
import { keyId } from '../../shared/evidence/format.js';
import type { AlsoInTransaction, Trx } from '../../shared/db/transaction.js';
import type { Database, UsersTable } from '../../shared/db/schema.js';

export type AccountRole = UsersTable['role'];

export interface StoredUser {
  id: string;
  username: string;
  role: AccountRole;
  argon2: unknown;
  salt: Buffer;
  verifier: Buffer;
  keys: StoredUserKeys;
  /** The TOTP secret (sealed under the master key) once a second factor is confirmed. */
  totpSecret: Ciphertext | undefined;
  totpPending: Ciphertext | undefined;
  totpLastStep: number | undefined;
  /** Whether at least one passkey is registered (a second factor, like a confirmed TOTP secret). */
  hasPasskey: boolean;
  /** Optional: only for notices that something changed. */
  email: string | undefined;
  /** The language of those notices (the page's when the address was given). */
  noticeLanguage: 'nl' | 'en';
}

export interface NewUser {
  id: string;
  username: string;
  usernameKey: string;
  role: AccountRole;
  argon2: Argon2Parameters;
  salt: Buffer;
  verifier: Buffer;
  keys: StoredUserKeys;
}

export interface StoredSession {
  idHash: string;
  userId: string;
  masterKey: Ciphertext;
  deviceHint: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  /** Passed the passphrase, still owes the second factor: grants nothing yet. */
  secondFactorPending: boolean;
  /** When the passphrase was last given again in this session (re-authentication). */
  reauthenticatedAt: string | null;
}

function toUser(row: Selectable<UsersTable> & { passkey_count: number | string | bigint }): StoredUser {
  return {
    id: row.id,
    username: row.username,
    role: row.role,
    // Parsed here, checked against bounds by the passphrase module before use.
    argon2: JSON.parse(row.argon2_params) as unknown,
    salt: Buffer.from(row.salt, 'base64'),
    verifier: Buffer.from(row.verifier, 'base64'),
    keys: {
      epoch: row.key_epoch,
      masterKeyId: row.master_key_id,
      masterByPassphrase: row.master_by_passphrase as WrappedKey,
      masterByRecovery: row.master_by_recovery as WrappedKey,
      x25519Public: Buffer.from(row.x25519_public, 'base64'),
      x25519Private: row.x25519_private as Ciphertext,
      ed25519Public: Buffer.from(row.ed25519_public, 'base64'),
      ed25519Private: row.ed25519_private as Ciphertext,
    },
    totpSecret: (row.totp_secret ?? undefined) as Ciphertext | undefined,
    totpPending: (row.totp_pending ?? undefined) as Ciphertext | undefined,
    totpLastStep: row.totp_last_step === null ? undefined : Number(row.totp_last_step),
    hasPasskey: Number(row.passkey_count) > 0,
    email: row.email ?? undefined,
    noticeLanguage: row.notice_language ?? 'nl',
  };
}

export function createAccountsRepository(db: Kysely<Database>) {
  /** A user row with the number of its passkeys (whether it has a second factor is asked on every request). */
  const selectUser = () =>
    db
      .selectFrom('users')
      .selectAll('users')
      .select((eb) =>
        eb
          .selectFrom('passkeys')
          .select(eb.fn.countAll().as('n'))
          .whereRef('passkeys.user_id', '=', 'users.id')
          .as('passkey_count'),
      );

  return {
    /**
     * Inserts a user: 'taken' when the username (by its key) is; 'unclaimed' when `claim` (an admin's set-up
     * link or a professional's invitation, claimed in the same transaction) says no, and then nothing is kept.
     * `also` (the audit lines) runs last in the same transaction.
     */
    async insertUser(
      user: NewUser,
      now: Date,
      also?: AlsoInTransaction,
      claim?: (trx: Trx) => Promise<boolean>,
    ): Promise<'inserted' | 'taken' | 'unclaimed'> {
      const unclaimed = new Error('unclaimed: the transaction is rolled back');
      return db
        .transaction()
        .execute(async (trx) => {
          const result = await trx
            .insertInto('users')
            .values({
              id: user.id,
              username: user.username,
              username_key: user.usernameKey,
              role: user.role,
              email: null,
              argon2_params: JSON.stringify(user.argon2),
              salt: user.salt.toString('base64'),
              verifier: user.verifier.toString('base64'),
              key_epoch: user.keys.epoch,
              master_key_id: user.keys.masterKeyId,
              master_by_passphrase: user.keys.masterByPassphrase,
              master_by_recovery: user.keys.masterByRecovery,
              x25519_public: user.keys.x25519Public.toString('base64'),
              x25519_private: user.keys.x25519Private,
              ed25519_public: user.keys.ed25519Public.toString('base64'),
              ed25519_private: user.keys.ed25519Private,
              created_at: now.toISOString(),
            })
            .onConflict((conflict) => conflict.column('username_key').doNothing())
            .executeTakeFirst();
          if (Number(result.numInsertedOrUpdatedRows ?? 0) !== 1) return 'taken' as const;
          if (claim !== undefined && !(await claim(trx))) throw unclaimed;
          await also?.(trx);
          return 'inserted' as const;
        })
        .catch((error: unknown) => {
          if (error === unclaimed) return 'unclaimed' as const;
          throw error;
        });
    },

    async findUserByUsernameKey(usernameKey: string): Promise<StoredUser | undefined> {
      const row = await selectUser().where('username_key', '=', usernameKey).executeTakeFirst();
      return row === undefined ? undefined : toUser({ ...row, passkey_count: row.passkey_count ?? 0 });
    },

    /** The usernames of these accounts (by id); an id without an account is left out. */
    async usernamesOf(ids: readonly string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map();
      const rows = await db
        .selectFrom('users')
        .select(['id', 'username'])
        .where('id', 'in', [...ids])
        .execute();
      return new Map(rows.map((row) => [row.id, row.username]));
    },

    async findUserById(id: string): Promise<StoredUser | undefined> {
      const row = await selectUser().where('users.id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : toUser({ ...row, passkey_count: row.passkey_count ?? 0 });
    },

    /**
     * New passphrase and recovery wraps after a recovery, and every session ended, in one transaction: the old
     * recovery wrap is gone (a code works once) and no device stays signed in with the old credentials.
     */
    async replaceCredentials(
      userId: string,
      credentials: {
        argon2: Argon2Parameters;
        salt: Buffer;
        verifier: Buffer;
        masterByPassphrase: WrappedKey;
        masterByRecovery: WrappedKey;
      },
      /** The session to keep (a passphrase change from this device); all others end. */
      keepSession?: string,
      /** The change's audit line, written in the same transaction. */
      also?: AlsoInTransaction,
    ): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('users')
          .set({
            argon2_params: JSON.stringify(credentials.argon2),
            salt: credentials.salt.toString('base64'),
            verifier: credentials.verifier.toString('base64'),
            master_by_passphrase: credentials.masterByPassphrase,
            master_by_recovery: credentials.masterByRecovery,
          })
          .where('id', '=', userId)
          .execute();
        await trx
          .deleteFrom('sessions')
          .where('user_id', '=', userId)
          .where('id_hash', '!=', keepSession ?? '')
          .execute();
        await also?.(trx);
      });
    },

    /**
     * A key rotation's new keys and credentials (call inside the rotation's transaction, on a repository built on
     * it): the new epoch, master key wraps, key pairs, and the TOTP values sealed again under the new master key.
     */
    async replaceKeys(
      userId: string,
      expectedEpoch: number,
      credentials: { argon2: Argon2Parameters; salt: Buffer; verifier: Buffer },
      keys: StoredUserKeys,
      totp: { secret: Ciphertext | undefined; pending: Ciphertext | undefined },
    ): Promise<boolean> {
      const result = await db
        .updateTable('users')
        .set({
          argon2_params: JSON.stringify(credentials.argon2),
          salt: credentials.salt.toString('base64'),
          verifier: credentials.verifier.toString('base64'),
          key_epoch: keys.epoch,
          master_key_id: keys.masterKeyId,
          master_by_passphrase: keys.masterByPassphrase,
          master_by_recovery: keys.masterByRecovery,
          x25519_public: keys.x25519Public.toString('base64'),
          x25519_private: keys.x25519Private,
          ed25519_public: keys.ed25519Public.toString('base64'),
          ed25519_private: keys.ed25519Private,
          totp_secret: totp.secret ?? null,
          totp_pending: totp.pending ?? null,
        })
        .where('id', '=', userId)
        .where('key_epoch', '=', expectedEpoch)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** Keeps a retired public signing key with the statement it signed to hand over to its successor. */
    async insertRetiredSigningKey(userId: string, key: RetiredSigningKey): Promise<void> {
      await db
        .insertInto('retired_signing_keys')
        .values({
          user_id: userId,
          epoch: key.epoch,
          public_key: key.publicKey.toString('base64'),
          retired_at: key.retiredAt,
          rotation_bytes: key.rotation.bytes,
          rotation_signature: key.rotation.signature,
        })
        .execute();
    },

    /** The account's earlier public signing keys, oldest first. */
    async retiredSigningKeys(userId: string): Promise<RetiredSigningKey[]> {
      const rows = await db
        .selectFrom('retired_signing_keys')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('epoch')
        .execute();
      return rows.map((row) => {
        const publicKey = Buffer.from(row.public_key, 'base64');
        return {
          epoch: Number(row.epoch),
          publicKey,
          id: keyId(publicKey),
          retiredAt: row.retired_at,
          rotation: { bytes: row.rotation_bytes, signature: row.rotation_signature },
        };
      });
    },

    /** Ends every session of the user (their sealed copies of the master key go with them). */
    async deleteAllSessions(userId: string): Promise<number> {
      const result = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    /**
     * A new session; `also` (the login's audit line) in the same transaction. Without it, no transaction of
     * its own: key rotation inserts the session of this browser in the rotation's.
     */
    async insertSession(session: StoredSession, also?: AlsoInTransaction): Promise<void> {
      const insert = (into: Kysely<Database>) =>
        into
          .insertInto('sessions')
          .values({
            id_hash: session.idHash,
            user_id: session.userId,
            master_key: session.masterKey,
            device_hint: session.deviceHint,
            created_at: session.createdAt,
            last_seen_at: session.lastSeenAt,
            expires_at: session.expiresAt,
            second_factor_pending: session.secondFactorPending ? 1 : 0,
            reauthenticated_at: session.reauthenticatedAt,
          })
          .execute();
      if (also === undefined) {
        await insert(db);
        return;
      }
      await db.transaction().execute(async (trx) => {
        await insert(trx);
        await also(trx);
      });
    },

    /**
     * Ends a session that still owes its second factor and starts its successor under a new id, in one
     * transaction. Only one request can do this for a pending session: the second finds nothing to end and
     * changes nothing. Returns whether the new session was started. `also` (the audit line) runs with it.
     */
    async replacePendingSession(
      pendingIdHash: string,
      next: StoredSession,
      also?: AlsoInTransaction,
    ): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const ended = await trx
          .deleteFrom('sessions')
          .where('id_hash', '=', pendingIdHash)
          .where('user_id', '=', next.userId)
          .where('second_factor_pending', '=', 1)
          .executeTakeFirst();
        if (Number(ended.numDeletedRows) !== 1) return false;
        await trx
          .insertInto('sessions')
          .values({
            id_hash: next.idHash,
            user_id: next.userId,
            master_key: next.masterKey,
            device_hint: next.deviceHint,
            created_at: next.createdAt,
            last_seen_at: next.lastSeenAt,
            expires_at: next.expiresAt,
            second_factor_pending: next.secondFactorPending ? 1 : 0,
            reauthenticated_at: next.reauthenticatedAt,
          })
          .execute();
        await also?.(trx);
        return true;
      });
    },

    async setTotpPending(userId: string, sealed: Ciphertext): Promise<void> {
      await db.updateTable('users').set({ totp_pending: sealed }).where('id', '=', userId).execute();
    },

    /**
     * Makes the pending secret the active one, remembering the step of the code that confirmed it; `also` (the
     * audit line) in the same transaction.
     */
    async confirmTotp(userId: string, sealed: Ciphertext, step: number, also?: AlsoInTransaction): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('users')
          .set({ totp_secret: sealed, totp_pending: null, totp_last_step: step })
          .where('id', '=', userId)
          .execute();
        await also?.(trx);
      });
    },

    /**
     * Accepts a code's time step only if it is later than the last one accepted, in one statement, so two
     * requests with the same code cannot both pass. Returns whether this step was taken.
     */
    async takeTotpStep(userId: string, step: number): Promise<boolean> {
      const result = await db
        .updateTable('users')
        .set({ totp_last_step: step })
        .where('id', '=', userId)
        .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async findSession(idHash: string): Promise<StoredSession | undefined> {
      const row = await db.selectFrom('sessions').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
      return row === undefined
        ? undefined
        : {
            idHash: row.id_hash,
            userId: row.user_id,
            masterKey: row.master_key as Ciphertext,
            deviceHint: row.device_hint,
            createdAt: row.created_at,
            lastSeenAt: row.last_seen_at,
            expiresAt: row.expires_at,
            secondFactorPending: Number(row.second_factor_pending) === 1,
            reauthenticatedAt: row.reauthenticated_at,
          };
    },

    async markReauthenticated(idHash: string, at: string): Promise<void> {
      await db.updateTable('sessions').set({ reauthenticated_at: at }).where('id_hash', '=', idHash).execute();
    },

    async touchSession(idHash: string, lastSeenAt: string): Promise<void> {
      await db.updateTable('sessions').set({ last_seen_at: lastSeenAt }).where('id_hash', '=', idHash).execute();
    },

    async listSessions(
      userId: string,
    ): Promise<Omit<StoredSession, 'masterKey' | 'secondFactorPending' | 'reauthenticatedAt'>[]> {
      const rows = await db
        .selectFrom('sessions')
        .select(['id_hash', 'user_id', 'device_hint', 'created_at', 'last_seen_at', 'expires_at'])
        .where('user_id', '=', userId)
        .where('second_factor_pending', '=', 0)
        .orderBy('last_seen_at', 'desc')
        .execute();
      return rows.map((row) => ({
        idHash: row.id_hash,
        userId: row.user_id,
        deviceHint: row.device_hint,
        createdAt: row.created_at,
        lastSeenAt: row.last_seen_at,
        expiresAt: row.expires_at,
      }));
    },

    /** Deleting the row destroys the sealed master key with it. */
    /** Ends one session of the user; `also` (the audit line) in the same transaction when there was one. */
    async deleteSession(idHash: string, userId: string, also?: AlsoInTransaction): Promise<number> {
      return db.transaction().execute(async (trx) => {
        const result = await trx
          .deleteFrom('sessions')
          .where('id_hash', '=', idHash)
          .where('user_id', '=', userId)
          .executeTakeFirst();
        const deleted = Number(result.numDeletedRows);
        if (deleted > 0) await also?.(trx);
        return deleted;
      });
    },

    /** Ends every session of the user but one; `also` (the audit line) in the same transaction. */
    async deleteOtherSessions(userId: string, keepIdHash: string, also?: AlsoInTransaction): Promise<number> {
      return db.transaction().execute(async (trx) => {
        const result = await trx
          .deleteFrom('sessions')
          .where('user_id', '=', userId)
          .where('id_hash', '!=', keepIdHash)
          .executeTakeFirst();
        await also?.(trx);
        return Number(result.numDeletedRows);
      });
    },

    /** The throttle rows for these keys that are still current (a failure after `staleBefore`). */
    async findThrottle(
      keys: readonly string[],
      staleBefore: Date,
    ): Promise<{ key: string; failures: number; blockedUntil: string }[]> {
      if (keys.length === 0) return [];
      const rows = await db
        .selectFrom('login_throttle')
        .selectAll()
        .where('key', 'in', keys)
        .where('updated_at', '>=', staleBefore.toISOString())
        .execute();
      return rows.map((row) => ({ key: row.key, failures: Number(row.failures), blockedUntil: row.blocked_until }));
    },

    /**
     * Counts one more failure on each key and sets the block the caller computes from the new count. Rows whose
     * last failure is older than `staleBefore` are deleted first, so counts start again and nothing is kept
     * longer than the window. The count is raised in the database (an upsert), so parallel failures all count.
     */
    async recordFailures(
      failures: readonly { key: string; blockFor: (failures: number) => number }[],
      now: Date,
      staleBefore: Date,
    ): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('login_throttle').where('updated_at', '<', staleBefore.toISOString()).execute();
        for (const { key, blockFor } of failures) {
          const row = await trx
            .insertInto('login_throttle')
            .values({ key, failures: 1, blocked_until: now.toISOString(), updated_at: now.toISOString() })
            .onConflict((conflict) =>
              conflict.column('key').doUpdateSet({
                failures: sql<number>`login_throttle.failures + 1`,
                updated_at: now.toISOString(),
              }),
            )
            .returning('failures')
            .executeTakeFirstOrThrow();
          const blockedUntil = new Date(now.getTime() + blockFor(Number(row.failures))).toISOString();
          await trx.updateTable('login_throttle').set({ blocked_until: blockedUntil }).where('key', '=', key).execute();
        }
      });
    },

    /** Forgets these keys (a success), and every row that is past the window. */
    async clearThrottle(keys: readonly string[], staleBefore: Date): Promise<void> {
      await db.transaction().execute(async (trx) => {
        if (keys.length > 0) await trx.deleteFrom('login_throttle').where('key', 'in', keys).execute();
        await trx.deleteFrom('login_throttle').where('updated_at', '<', staleBefore.toISOString()).execute();
      });
    },

    /** Deletes every throttle row past the window; returns how many. */
    async sweepThrottle(staleBefore: Date): Promise<number> {
      const result = await db
        .deleteFrom('login_throttle')
        .where('updated_at', '<', staleBefore.toISOString())
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    /**
     * Deletes the account: the user row with every wrapped key and sealed value, its passkeys, its sessions and
     * the throttle rows named (they are keyed hashes the caller derives).
     * Without the keys nothing the user encrypted can be opened again (crypto-shredding). The audit log keeps
     * its pseudonymous rows.
     */
    /**
     * Deletes the user row, its sessions, retired signing keys and throttle rows, after `also` has deleted what
     * the features hold of the user (their rows refer to the user row), all in one transaction.
     */
    async deleteUser(
      userId: string,
      throttleKeys: readonly string[] = [],
      also: AlsoInTransaction = () => Promise.resolve(),
    ): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await also(trx);
        await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
        await trx.deleteFrom('retired_signing_keys').where('user_id', '=', userId).execute();
        if (throttleKeys.length > 0) await trx.deleteFrom('login_throttle').where('key', 'in', throttleKeys).execute();
        await trx.deleteFrom('users').where('id', '=', userId).execute();
      });
    },

    async userCreatedAt(userId: string): Promise<string | undefined> {
      const row = await db.selectFrom('users').select('created_at').where('id', '=', userId).executeTakeFirst();
      return row?.created_at;
    },

    async insertSetupLink(link: {
      tokenHash: string;
      email: string;
      role?: 'admin' | 'editor' | 'reviewer';
      createdAt: string;
      expiresAt: string;
    }): Promise<void> {
      await db
        .insertInto('setup_links')
        .values({
          token_hash: link.tokenHash,
          role: link.role ?? 'admin',
          email: link.email,
          created_at: link.createdAt,
          expires_at: link.expiresAt,
        })
        .execute();
    },

    async findSetupLink(
      tokenHash: string,
    ): Promise<
      { email: string; role: 'admin' | 'editor' | 'reviewer'; expiresAt: string; usedAt: string | null } | undefined
    > {
      const row = await db.selectFrom('setup_links').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
      return row === undefined
        ? undefined
        : { email: row.email, role: row.role, expiresAt: row.expires_at, usedAt: row.used_at };
    },

    /**
     * Marks a link used, only if it was not yet (two claims at once cannot both succeed), and gives the new
     * admin account the link's e-mail address — in the transaction that creates the account.
     */
    async claimSetupLink(trx: Trx, tokenHash: string, userId: string, nowIso: string): Promise<boolean> {
      const result = await trx
        .updateTable('setup_links')
        .set({ used_at: nowIso })
        .where('token_hash', '=', tokenHash)
        .where('used_at', 'is', null)
        .where('expires_at', '>', nowIso)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return false;
      const link = await trx
        .selectFrom('setup_links')
        .select('email')
        .where('token_hash', '=', tokenHash)
        .executeTakeFirstOrThrow();
      await trx.updateTable('users').set({ email: link.email }).where('id', '=', userId).execute();
      return true;
    },

    async setEmail(userId: string, email: string | null, language: 'nl' | 'en' | null = null): Promise<void> {
      await db
        .updateTable('users')
        .set({ email, notice_language: email === null ? null : language })
        .where('id', '=', userId)
        .execute();
    },

    async deleteExpiredSessions(nowIso: string): Promise<number> {
      const result = await db.deleteFrom('sessions').where('expires_at', '<=', nowIso).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

export type AccountsRepository = ReturnType<typeof createAccountsRepository>;
