import type { Kysely } from 'kysely';
import type { Database } from '../../shared/db/schema.js';
import type { UserDataHolder } from '../../shared/user-data.js';
import { deleteSurveyScheduleOf, surveyNotBeforeOf } from './survey.repo.js';

/**
 * The survey as user data (ADR 0017, ADR 0047): the one thing kept about a parent is the day before which they
 * are not asked again. "Download my data" shows it; account deletion removes it (and an offer open in one of the
 * account's sessions). The answers hold no account, so there is nothing of them to show or delete per account.
 */
export function surveyUserData(db: Kysely<Database>): UserDataHolder {
  return {
    feature: 'survey',

    // Nothing is sealed under the account's keys.
    rewrapKeys: () => Promise.resolve({}),

    async exportData(session) {
      const notBefore = await surveyNotBeforeOf(db, session.userId);
      return { survey: { notAskedBefore: notBefore ?? null } };
    },

    deleteData: (trx, userId) => deleteSurveyScheduleOf(trx, userId),

    // An open offer is deleted with its session row (migration 0048: on delete cascade).
    forgetSession: () => undefined,
  };
}
