import type { Kysely } from 'kysely';
import type { Ciphertext, WrappedKey } from '../../shared/crypto/aead.js';
import type { StoredUserKeys } from '../../shared/crypto/user-keys.js';
import type { Database } from '../../shared/db/schema.js';
import type { AlsoInTransaction, Trx } from '../../shared/db/transaction.js';
import { enqueue } from '../../shared/jobs/jobs.repo.js';
import { accountChangedNotice } from './accounts.jobs.js';
import { trustedRequestNotice } from './trusted-person.jobs.js';

/*
 * The only code that queries trusted_persons and trusted_person_offers (migration 0046, ADR 0049). The wrap is read
 * by one query only, releaseGrantedWrap, whose SQL itself demands a granted request: no other query selects it.
 */

/** An arrangement as the pages see it: never the wrap. */
export interface TrustedArrangement {
  ownerId: string;
  ownerUsername: string;
  trustedId: string;
  trustedUsername: string;
  waitingDays: number;
  ownerEpoch: number;
  recipientKeyId: string;
  /** False once the trusted person's keys changed: the owner must wrap again (renew). */
  hasWrap: boolean;
  namedAt: string;
  requestedAt: string | null;
  grantAfter: string | null;
  refusedAt: string | null;
  usedAt: string | null;
}

/** A parent account as naming needs it: its id, role and public sharing key. */
export interface NamingCandidate {
  id: string;
  role: string;
  x25519Public: Buffer;
}

export interface NewArrangement {
  ownerId: string;
  trustedId: string;
  waitingDays: number;
  ownerEpoch: number;
  recipientKeyId: string;
  wrap: Ciphertext;
  namedAt: string;
}

export function createTrustedPersonRepository(db: Kysely<Database>) {
  const arrangements = (executor: Kysely<Database>) =>
    executor
      .selectFrom('trusted_persons as t')
      .innerJoin('users as o', 'o.id', 't.owner_id')
      .innerJoin('users as p', 'p.id', 't.trusted_id')
      .select([
        't.owner_id',
        'o.username as owner_username',
        't.trusted_id',
        'p.username as trusted_username',
        't.waiting_days',
        't.owner_epoch',
        't.recipient_key_id',
        't.named_at',
        't.requested_at',
        't.grant_after',
        't.refused_at',
        't.used_at',
      ])
      // Whether a wrap exists, never the wrap itself.
      .select((eb) => eb.case().when('t.wrap', 'is', null).then(0).else(1).end().as('has_wrap'));

  type Row = Awaited<ReturnType<ReturnType<typeof arrangements>['executeTakeFirst']>>;
  const toArrangement = (row: NonNullable<Row>): TrustedArrangement => ({
    ownerId: row.owner_id,
    ownerUsername: row.owner_username,
    trustedId: row.trusted_id,
    trustedUsername: row.trusted_username,
    waitingDays: Number(row.waiting_days),
    ownerEpoch: Number(row.owner_epoch),
    recipientKeyId: row.recipient_key_id,
    hasWrap: Number(row.has_wrap) === 1,
    namedAt: row.named_at,
    requestedAt: row.requested_at,
    grantAfter: row.grant_after,
    refusedAt: row.refused_at,
    usedAt: row.used_at,
  });

  return {
    async forOwner(ownerId: string): Promise<TrustedArrangement | undefined> {
      const row = await arrangements(db).where('t.owner_id', '=', ownerId).executeTakeFirst();
      return row === undefined ? undefined : toArrangement(row);
    },

    async forTrusted(trustedId: string): Promise<TrustedArrangement[]> {
      const rows = await arrangements(db).where('t.trusted_id', '=', trustedId).orderBy('t.named_at').execute();
      return rows.map(toArrangement);
    },

    async between(ownerId: string, trustedId: string): Promise<TrustedArrangement | undefined> {
      const row = await arrangements(db)
        .where('t.owner_id', '=', ownerId)
        .where('t.trusted_id', '=', trustedId)
        .executeTakeFirst();
      return row === undefined ? undefined : toArrangement(row);
    },

    async findByUsernameKey(usernameKey: string): Promise<NamingCandidate | undefined> {
      const row = await db
        .selectFrom('users')
        .select(['id', 'role', 'x25519_public'])
        .where('username_key', '=', usernameKey)
        .executeTakeFirst();
      return row === undefined
        ? undefined
        : { id: row.id, role: row.role, x25519Public: Buffer.from(row.x25519_public, 'base64') };
    },

    async publicSharingKey(userId: string): Promise<Buffer | undefined> {
      const row = await db.selectFrom('users').select('x25519_public').where('id', '=', userId).executeTakeFirst();
      return row === undefined ? undefined : Buffer.from(row.x25519_public, 'base64');
    },

    /** The owner's stored keys (sealed and wrapped only), for checking a released key and making a recovery code. */
    async ownerKeys(ownerId: string): Promise<StoredUserKeys | undefined> {
      const row = await db.selectFrom('users').selectAll().where('id', '=', ownerId).executeTakeFirst();
      if (row === undefined) return undefined;
      return {
        epoch: Number(row.key_epoch),
        masterKeyId: row.master_key_id,
        masterByPassphrase: row.master_by_passphrase as WrappedKey,
        masterByRecovery: row.master_by_recovery as WrappedKey,
        x25519Public: Buffer.from(row.x25519_public, 'base64'),
        x25519Private: row.x25519_private as Ciphertext,
        ed25519Public: Buffer.from(row.ed25519_public, 'base64'),
        ed25519Private: row.ed25519_private as Ciphertext,
      };
    },

    /** A new offer replaces the account's earlier one. */
    async putOffer(userId: string, codeHash: string, expiresAt: string, also: AlsoInTransaction): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('trusted_person_offers').where('user_id', '=', userId).execute();
        await trx
          .insertInto('trusted_person_offers')
          .values({ user_id: userId, code_hash: codeHash, expires_at: expiresAt })
          .execute();
        await also(trx);
      });
    },

    async findOffer(userId: string): Promise<{ codeHash: string; expiresAt: string } | undefined> {
      const row = await db
        .selectFrom('trusted_person_offers')
        .select(['code_hash', 'expires_at'])
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return row === undefined ? undefined : { codeHash: row.code_hash, expiresAt: row.expires_at };
    },

    /**
     * Names (or replaces) the owner's trusted person and uses up the offer, in one transaction with the audit
     * lines. False when the offer was used or replaced in the meantime (nothing is kept).
     */
    async name(row: NewArrangement, codeHash: string, also: AlsoInTransaction): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const used = await trx
          .deleteFrom('trusted_person_offers')
          .where('user_id', '=', row.trustedId)
          .where('code_hash', '=', codeHash)
          .where('expires_at', '>', row.namedAt)
          .executeTakeFirst();
        if (Number(used.numDeletedRows) !== 1) return false;
        await trx.deleteFrom('trusted_persons').where('owner_id', '=', row.ownerId).execute();
        await trx
          .insertInto('trusted_persons')
          .values({
            owner_id: row.ownerId,
            trusted_id: row.trustedId,
            waiting_days: row.waitingDays,
            owner_epoch: row.ownerEpoch,
            recipient_key_id: row.recipientKeyId,
            wrap: row.wrap,
            named_at: row.namedAt,
            requested_at: null,
            grant_after: null,
            refused_at: null,
            used_at: null,
          })
          .execute();
        await also(trx);
        return true;
      });
    },

    /** Removes the owner's trusted person (and the wrap with it). False when there was none. */
    async remove(ownerId: string, trustedId: string, also: AlsoInTransaction): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const result = await trx
          .deleteFrom('trusted_persons')
          .where('owner_id', '=', ownerId)
          .where('trusted_id', '=', trustedId)
          .executeTakeFirst();
        if (Number(result.numDeletedRows) !== 1) return false;
        await also(trx);
        return true;
      });
    },

    /** A new wrap for the trusted person's current key (after their key rotation). */
    async renew(
      ownerId: string,
      trustedId: string,
      wrap: { wrap: Ciphertext; recipientKeyId: string; epoch: number },
      also: AlsoInTransaction,
    ): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable('trusted_persons')
          .set({ wrap: wrap.wrap, recipient_key_id: wrap.recipientKeyId, owner_epoch: wrap.epoch })
          .where('owner_id', '=', ownerId)
          .where('trusted_id', '=', trustedId)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1) return false;
        await also(trx);
        return true;
      });
    },

    /**
     * The trusted person asks: the waiting period starts, and the owner's neutral notice is queued, in one
     * transaction with the audit line. Only when no request is open (none yet, or the last one refused or used).
     */
    async request(
      ownerId: string,
      trustedId: string,
      at: string,
      grantAfter: string,
      also: AlsoInTransaction,
    ): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable('trusted_persons')
          .set({ requested_at: at, grant_after: grantAfter, refused_at: null })
          .where('owner_id', '=', ownerId)
          .where('trusted_id', '=', trustedId)
          .where('wrap', 'is not', null)
          .where((eb) => eb.or([eb('requested_at', 'is', null), eb('refused_at', 'is not', null)]))
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1) return false;
        const language = await noticeLanguage(trx, ownerId);
        await enqueue(trx, trustedRequestNotice, { userId: ownerId, language });
        await also(trx);
        return true;
      });
    },

    /** The owner refuses the open request (waiting, or granted and not yet used). */
    async refuse(ownerId: string, at: string, also: AlsoInTransaction): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable('trusted_persons')
          .set({ refused_at: at })
          .where('owner_id', '=', ownerId)
          .where('requested_at', 'is not', null)
          .where('refused_at', 'is', null)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1) return false;
        await also(trx);
        return true;
      });
    },

    /**
     * The one query that reads a wrap, and only for a granted request: asked, not refused, the waiting period over
     * at `now`. Undefined otherwise — the server code has no other way to the wrap.
     */
    async releaseGrantedWrap(
      ownerId: string,
      trustedId: string,
      now: string,
    ): Promise<{ wrap: string; ownerEpoch: number; recipientKeyId: string } | undefined> {
      const row = await db
        .selectFrom('trusted_persons')
        .select(['wrap', 'owner_epoch', 'recipient_key_id'])
        .where('owner_id', '=', ownerId)
        .where('trusted_id', '=', trustedId)
        .where('requested_at', 'is not', null)
        .where('refused_at', 'is', null)
        .where('grant_after', '<=', now)
        .where('wrap', 'is not', null)
        .executeTakeFirst();
      if (row?.wrap === undefined || row.wrap === null) return undefined;
      return { wrap: row.wrap, ownerEpoch: Number(row.owner_epoch), recipientKeyId: row.recipient_key_id };
    },

    /**
     * Uses a granted request: the owner's recovery wrap is replaced (the new code's), the request is closed, and the
     * owner's neutral "account changed" notice is queued, in one transaction with the audit line. False when the
     * request is no longer granted or the owner's keys changed in the meantime (nothing is kept).
     */
    async useGrant(
      ownerId: string,
      trustedId: string,
      epoch: number,
      masterByRecovery: WrappedKey,
      now: string,
      also: AlsoInTransaction,
    ): Promise<boolean> {
      return db
        .transaction()
        .execute(async (trx) => {
          const closed = await trx
            .updateTable('trusted_persons')
            .set({ used_at: now, requested_at: null, grant_after: null })
            .where('owner_id', '=', ownerId)
            .where('trusted_id', '=', trustedId)
            .where('owner_epoch', '=', epoch)
            .where('requested_at', 'is not', null)
            .where('refused_at', 'is', null)
            .where('grant_after', '<=', now)
            .executeTakeFirst();
          if (Number(closed.numUpdatedRows) !== 1) return false;
          const replaced = await trx
            .updateTable('users')
            .set({ master_by_recovery: masterByRecovery })
            .where('id', '=', ownerId)
            .where('key_epoch', '=', epoch)
            .executeTakeFirst();
          if (Number(replaced.numUpdatedRows) !== 1) throw new ConcurrentKeyChange();
          const language = await noticeLanguage(trx, ownerId);
          await enqueue(trx, accountChangedNotice, { userId: ownerId, language });
          await also(trx);
          return true;
        })
        .catch((error: unknown) => {
          if (error instanceof ConcurrentKeyChange) return false;
          throw error;
        });
    },

    /** Key rotation of the owner: the arrangement's wrap, to be made again under the new master key. */
    async ownerArrangement(
      trx: Trx,
      ownerId: string,
    ): Promise<{ trustedId: string; recipientKeyId: string; hasWrap: boolean } | undefined> {
      const row = await trx
        .selectFrom('trusted_persons')
        .select(['trusted_id', 'recipient_key_id', 'wrap'])
        .where('owner_id', '=', ownerId)
        .executeTakeFirst();
      return row === undefined
        ? undefined
        : { trustedId: row.trusted_id, recipientKeyId: row.recipient_key_id, hasWrap: row.wrap !== null };
    },

    async replaceWrap(
      trx: Trx,
      ownerId: string,
      wrap: string | null,
      epoch: number,
      recipientKeyId: string,
    ): Promise<void> {
      await trx
        .updateTable('trusted_persons')
        .set({ wrap, owner_epoch: epoch, recipient_key_id: recipientKeyId })
        .where('owner_id', '=', ownerId)
        .execute();
    },

    /** Key rotation of a trusted person: every wrap sealed to their old key is dropped; its owners must renew. */
    async dropWrapsTo(trx: Trx, trustedId: string): Promise<number> {
      const result = await trx
        .updateTable('trusted_persons')
        .set({ wrap: null })
        .where('trusted_id', '=', trustedId)
        .where('wrap', 'is not', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    /** Account deletion of either party: every arrangement and the offer of the account. */
    async deleteFor(trx: Trx, userId: string): Promise<void> {
      await trx
        .deleteFrom('trusted_persons')
        .where((eb) => eb.or([eb('owner_id', '=', userId), eb('trusted_id', '=', userId)]))
        .execute();
      await trx.deleteFrom('trusted_person_offers').where('user_id', '=', userId).execute();
    },
  };
}

class ConcurrentKeyChange extends Error {}

async function noticeLanguage(trx: Kysely<Database>, userId: string): Promise<'nl' | 'en'> {
  const row = await trx.selectFrom('users').select('notice_language').where('id', '=', userId).executeTakeFirst();
  return row?.notice_language ?? 'nl';
}

export type TrustedPersonRepository = ReturnType<typeof createTrustedPersonRepository>;
