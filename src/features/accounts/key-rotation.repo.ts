import type { Kysely } from 'kysely';
import { lockRow } from '../../shared/db/lock.js';
import type { Database } from '../../shared/db/schema.js';
import type { Trx } from '../../shared/db/transaction.js';
import { type AccountsRepository, createAccountsRepository, type StoredUser } from './accounts.repo.js';

/*
 * A key rotation touches the user row, the sessions and every feature that holds the user's data; all of it
 * must happen in one transaction, so a crash never leaves data keys of two epochs. This module opens that
 * transaction after locking the user row, and hands it out: the features that hold user data re-wrap their keys
 * in it with their own repositories (UserDataHolder.rewrapKeys; the journal locks its row there, and appends that
 * take the journal lock find the new epoch once they get it).
 */

export interface RotationUnit {
  /** The user as stored now, its row locked until the transaction ends. */
  user: StoredUser;
  accounts: AccountsRepository;
  /** The rotation's transaction, for the features' re-wrapping and the audit line. */
  transaction: Trx;
}

export function createKeyRotationRepository(db: Kysely<Database>) {
  return {
    /** Runs `work` in one transaction holding the user's row lock; undefined when the user does not exist. */
    async withUserLocked<T>(userId: string, work: (unit: RotationUnit) => Promise<T>): Promise<T | undefined> {
      return db.transaction().execute(async (trx) => {
        await lockRow(trx, 'users', userId);
        const accounts = createAccountsRepository(trx);
        const user = await accounts.findUserById(userId);
        if (user === undefined) return undefined;
        return work({ user, accounts, transaction: trx });
      });
    },
  };
}

export type KeyRotationRepository = ReturnType<typeof createKeyRotationRepository>;
