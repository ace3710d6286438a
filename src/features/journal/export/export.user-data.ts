import type { UserDataHolder } from '../../../shared/user-data.js';
import type { ExportJobs } from './jobs.js';

/**
 * The journal export waiting for its download as user data (ADR 0017): it belongs to the session that asked
 * for it and is forgotten when that session ends. It holds no keys of its own (the bundle is made with the
 * session's key ring), is not part of "download my data" (that carries the journal itself) and is never stored
 * with the account, so rotation and deletion have nothing to do here.
 */
export function exportUserData(exports: Pick<ExportJobs, 'drop'>): UserDataHolder {
  return {
    feature: 'journal-export',
    rewrapKeys: () => Promise.resolve({}),
    exportData: () => Promise.resolve({}),
    deleteData: () => Promise.resolve(),
    forgetSession: (sessionIdHash) => exports.drop(sessionIdHash),
  };
}
