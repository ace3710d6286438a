import type { Actor } from '../../shared/policy/actor.js';
import type { UserDataHolder } from '../../shared/user-data.js';
import type { NotificationFrequency } from './case-notifications.js';
import type { CasesService } from './cases.service.js';

/**
 * The case space as user data (ADR 0017). Key rotation: the account's new keys are not the ones its memberships
 * were confirmed with, so each active membership waits for confirmation again (its wraps, sealed to the old key,
 * are deleted and the epochs it held move on); the wraps themselves are never re-wrapped here. "Download my
 * data": my cases with my role, state, the label as I read it and my choice of e-mail about news. Account deletion: every membership leaves the
 * keys like a removal (epochs bumped), its row stays as history without the account.
 */
export function casesUserData(
  cases: CasesService,
  notificationsOf: (
    actor: Actor,
    userId: string,
    caseId: string,
  ) => Promise<{ frequency: NotificationFrequency; isDefault: boolean } | undefined>,
): UserDataHolder {
  return {
    feature: 'cases',

    async rewrapKeys(trx, userId) {
      return { caseMemberships: await cases.keysChanged(trx, userId) };
    },

    async exportData(session, actor) {
      const mine = await cases.listMine({ actor, userId: session.userId, keys: session.keys });
      const rows = [];
      for (const row of mine) {
        const setting = await notificationsOf(actor, session.userId, row.caseId);
        rows.push({
          label: row.label ?? null,
          role: row.role,
          state: row.state,
          startedAt: row.createdAt,
          // 'now', 'daily' or 'never'; null where I may not choose (not an active member).
          emailAboutNews: setting === undefined ? null : { frequency: setting.frequency, chosen: !setting.isDefault },
        });
      }
      return { cases: rows };
    },

    deleteData: (trx, userId) => cases.deleteMemberships(trx, userId),

    // Nothing is kept per session.
    forgetSession: () => undefined,
  };
}
