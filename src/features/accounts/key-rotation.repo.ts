import type { Kysely } from 'kysely';
import type { Dialect } from '../../shared/db/database.js';
import { lockRow } from '../../shared/db/lock.js';
import type { Database } from '../../shared/db/schema.js';
import { createJournalRepository, type JournalRepository } from '../journal/journal.repo.js';
import { type AccountsRepository, createAccountsRepository, type StoredUser } from './accounts.repo.js';
import { createPasskeyRepository, type PasskeyRepository } from './passkeys.repo.js';

/*
 * A key rotation touches the user row, the journal and the diary, the passkeys and the sessions; all of it must
 * happen in one transaction, so a crash never leaves data keys of two epochs. This module opens that transaction
 * and hands out the features' own repositories built on it (a Kysely Transaction is a Kysely), after locking the
 * user row and the journal row in that order: appends take the journal lock, and find the new epoch once they
 * get it.
 */

export interface RotationUnit {
  /** The user as stored now, its row locked until the transaction ends. */
  user: StoredUser;
  accounts: AccountsRepository;
  journal: JournalRepository;
  passkeys: PasskeyRepository;
}

export function createKeyRotationRepository(db: Kysely<Database>, dialect: Dialect) {
  return {
    /** Runs `work` in one transaction holding the user's row lock; undefined when the user does not exist. */
    async withUserLocked<T>(userId: string, work: (unit: RotationUnit) => Promise<T>): Promise<T | undefined> {
      return db.transaction().execute(async (trx) => {
        await lockRow(trx, 'users', userId);
        const accounts = createAccountsRepository(trx);
        const user = await accounts.findUserById(userId);
        if (user === undefined) return undefined;
        return work({
          user,
          accounts,
          journal: createJournalRepository(trx, dialect),
          passkeys: createPasskeyRepository(trx),
        });
      });
    },
  };
}

export type KeyRotationRepository = ReturnType<typeof createKeyRotationRepository>;
