import type { UserDataHolder } from '../../shared/user-data.js';
import type { CasesService } from './cases.service.js';

/**
 * The case space as user data (ADR 0017). Key rotation: the account's new keys are not the ones its memberships
 * were confirmed with, so each active membership waits for confirmation again (its wraps, sealed to the old key,
 * are deleted and the epochs it held move on); the wraps themselves are never re-wrapped here. "Download my
 * data": my cases with my role, state and the label as I read it. Account deletion: every membership leaves the
 * keys like a removal (epochs bumped), its row stays as history without the account.
 */
export function casesUserData(cases: CasesService): UserDataHolder {
  return {
    feature: 'cases',

    async rewrapKeys(trx, userId) {
      return { caseMemberships: await cases.keysChanged(trx, userId) };
    },

    async exportData(session, actor) {
      const mine = await cases.listMine({ actor, userId: session.userId, keys: session.keys });
      return {
        cases: mine.map((row) => ({
          label: row.label ?? null,
          role: row.role,
          state: row.state,
          startedAt: row.createdAt,
        })),
      };
    },

    deleteData: (trx, userId) => cases.deleteMemberships(trx, userId),

    // Nothing is kept per session.
    forgetSession: () => undefined,
  };
}
