import type { UserDataHolder } from '../../../shared/user-data.js';
import type { ExportsRepository } from './export.repo.js';
import type { ExportService } from './export.service.js';

/**
 * The journal export as user data (ADR 0017, 0025): it belongs to the session that asked for it and is deleted
 * when that session ends (also by the database: the row goes with the session's row) or the account is deleted.
 * Its ticket holds a master key of one epoch and is destroyed when its job ends; a rotation leaves it be (the
 * worker refuses a ticket of an older epoch). It is not part of "download my data": that carries the journal.
 */
export function exportUserData(
  exports: Pick<ExportService, 'drop'>,
  repo: Pick<ExportsRepository, 'deleteOfUser'>,
): UserDataHolder {
  return {
    feature: 'journal-export',
    rewrapKeys: () => Promise.resolve({}),
    exportData: () => Promise.resolve({}),
    deleteData: (trx, userId) => repo.deleteOfUser(trx, userId),
    forgetSession: (sessionIdHash) => exports.drop(sessionIdHash),
  };
}
