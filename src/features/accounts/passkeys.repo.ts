import type { Kysely } from 'kysely';
import type { AlsoInTransaction } from '../../shared/db/transaction.js';
import type { Ciphertext } from '../../shared/crypto/aead.js';
import type { Database, WebauthnChallengesTable } from '../../shared/db/schema.js';

export type CeremonyPurpose = WebauthnChallengesTable['purpose'];

export interface StoredPasskey {
  id: string;
  userId: string;
  /** base64url, as the authenticator chose it. */
  credentialId: string;
  /** The COSE public key, base64url. */
  publicKey: string;
  counter: number;
  transports: string[];
  /** Sealed under the user's master key. */
  nickname: Ciphertext;
  createdAt: string;
  lastUsedAt: string | undefined;
}

export interface NewChallenge {
  challengeHash: string;
  purpose: CeremonyPurpose;
  userId: string;
  sessionIdHash: string;
  createdAt: string;
  expiresAt: string;
}

function transportsOf(json: string): string[] {
  const parsed = JSON.parse(json) as unknown;
  return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : [];
}

export function createPasskeyRepository(db: Kysely<Database>) {
  const toPasskey = (row: {
    id: string;
    user_id: string;
    credential_id: string;
    public_key: string;
    counter: number | string;
    transports: string;
    nickname: string;
    created_at: string;
    last_used_at: string | null;
  }): StoredPasskey => ({
    id: row.id,
    userId: row.user_id,
    credentialId: row.credential_id,
    publicKey: row.public_key,
    counter: Number(row.counter),
    transports: transportsOf(row.transports),
    nickname: row.nickname as Ciphertext,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at ?? undefined,
  });

  return {
    /** Stores a new challenge; expired ones of every user are cleared on the way (no job needed). */
    async insertChallenge(challenge: NewChallenge): Promise<void> {
      await db.deleteFrom('webauthn_challenges').where('expires_at', '<=', challenge.createdAt).execute();
      await db
        .insertInto('webauthn_challenges')
        .values({
          challenge_hash: challenge.challengeHash,
          purpose: challenge.purpose,
          user_id: challenge.userId,
          session_id_hash: challenge.sessionIdHash,
          created_at: challenge.createdAt,
          expires_at: challenge.expiresAt,
        })
        .execute();
    },

    /**
     * Uses up a challenge in one statement: only a challenge issued for this purpose, user and session, and not
     * yet expired, is deleted. Of two requests with the same challenge only one gets true.
     */
    async takeChallenge(
      challengeHash: string,
      purpose: CeremonyPurpose,
      userId: string,
      sessionIdHash: string,
      nowIso: string,
    ): Promise<boolean> {
      const result = await db
        .deleteFrom('webauthn_challenges')
        .where('challenge_hash', '=', challengeHash)
        .where('purpose', '=', purpose)
        .where('user_id', '=', userId)
        .where('session_id_hash', '=', sessionIdHash)
        .where('expires_at', '>', nowIso)
        .executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },

    async listForUser(userId: string): Promise<StoredPasskey[]> {
      const rows = await db
        .selectFrom('passkeys')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('created_at', 'asc')
        .orderBy('id', 'asc')
        .execute();
      return rows.map(toPasskey);
    },

    /** A passkey by its row id, whoever owns it: the caller asks the policy whether the actor may see it. */
    async findById(id: string): Promise<StoredPasskey | undefined> {
      const row = await db.selectFrom('passkeys').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : toPasskey(row);
    },

    /** A credential only as one of this user's: another user's credential id finds nothing. */
    async findByCredentialId(userId: string, credentialId: string): Promise<StoredPasskey | undefined> {
      const row = await db
        .selectFrom('passkeys')
        .selectAll()
        .where('user_id', '=', userId)
        .where('credential_id', '=', credentialId)
        .executeTakeFirst();
      return row === undefined ? undefined : toPasskey(row);
    },

    /**
     * False when the credential is registered already (to this or another account). `also` (the audit line)
     * runs in the same transaction when the passkey was added.
     */
    async insert(passkey: Omit<StoredPasskey, 'lastUsedAt'>, also?: AlsoInTransaction): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const result = await trx
          .insertInto('passkeys')
          .values({
            id: passkey.id,
            user_id: passkey.userId,
            credential_id: passkey.credentialId,
            public_key: passkey.publicKey,
            counter: passkey.counter,
            transports: JSON.stringify(passkey.transports),
            nickname: passkey.nickname,
            created_at: passkey.createdAt,
            last_used_at: null,
          })
          .onConflict((conflict) => conflict.column('credential_id').doNothing())
          .executeTakeFirst();
        const inserted = Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
        if (inserted) await also?.(trx);
        return inserted;
      });
    },

    /**
     * Records a use with the authenticator's new counter, in one statement and only if the counter still is what
     * the signature was checked against and the new one is higher (or both are 0: authenticators without a
     * counter). Of two requests with the same assertion only one gets true.
     */
    async recordUse(id: string, userId: string, checkedCounter: number, newCounter: number, nowIso: string) {
      const result = await db
        .updateTable('passkeys')
        .set({ counter: newCounter, last_used_at: nowIso })
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .where('counter', '=', checkedCounter)
        .where((eb) => (newCounter === 0 ? eb('counter', '=', 0) : eb('counter', '<', newCounter)))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** A nickname sealed again (key rotation: the same text under the new master key). */
    async setNickname(id: string, userId: string, nickname: Ciphertext): Promise<void> {
      await db.updateTable('passkeys').set({ nickname }).where('id', '=', id).where('user_id', '=', userId).execute();
    },

    /** Removes one passkey of the user; `also` (the audit line) runs in the same transaction when it was there. */
    async delete(id: string, userId: string, also?: AlsoInTransaction): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const result = await trx
          .deleteFrom('passkeys')
          .where('id', '=', id)
          .where('user_id', '=', userId)
          .executeTakeFirst();
        const deleted = Number(result.numDeletedRows) === 1;
        if (deleted) await also?.(trx);
        return deleted;
      });
    },

    /** Every passkey of the user and its ceremonies in progress (account deletion). */
    async deleteForUser(userId: string): Promise<void> {
      await db.deleteFrom('webauthn_challenges').where('user_id', '=', userId).execute();
      await db.deleteFrom('passkeys').where('user_id', '=', userId).execute();
    },
  };
}

export type PasskeyRepository = ReturnType<typeof createPasskeyRepository>;
