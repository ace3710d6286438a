import type { UserDataHolder } from '../../shared/user-data.js';
import type { CaseExportsRepository } from './case-exports.repo.js';

/**
 * The police bundles of a parent's shares as user data (ADR 0017, 0029). Key rotation: nothing is wrapped under the
 * master key (a bundle is sealed under the case's share key; a ticket still waiting carries the old master key and
 * its epoch, which the worker then refuses). "Download my data": nothing of its own — a bundle is a copy of shared
 * journal entries, which the journal's part carries. Account deletion: the bundles of the account's parent
 * memberships go, in the deletion's transaction, before the memberships lose their account. Nothing per session.
 */
export function caseExportsUserData(repo: Pick<CaseExportsRepository, 'deleteBundlesOfUser'>): UserDataHolder {
  return {
    feature: 'case-exports',
    rewrapKeys: () => Promise.resolve({}),
    exportData: () => Promise.resolve({}),
    deleteData: (trx, userId) => repo.deleteBundlesOfUser(trx, userId),
    forgetSession: () => undefined,
  };
}
