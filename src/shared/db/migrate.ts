import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import * as createContentPages from './migrations/0001-create-content-pages.js';
import * as createCheckOutcomes from './migrations/0002-create-check-outcomes.js';
import * as addContentPageTopic from './migrations/0003-add-content-page-topic.js';
import * as createRegionsAndOrganisations from './migrations/0004-create-regions-and-organisations.js';
import * as createAccounts from './migrations/0005-create-accounts.js';
import * as createLoginThrottle from './migrations/0006-create-login-throttle.js';
import * as createAuditLog from './migrations/0007-create-audit-log.js';
import * as addTotp from './migrations/0008-add-totp.js';
import * as createSetupLinks from './migrations/0009-create-setup-links.js';
import * as createJournal from './migrations/0010-create-journal.js';
import * as createProfessionals from './migrations/0012-create-professionals.js';
import * as addPasskeys from './migrations/0011-add-passkeys.js';
import * as addEvidenceLog from './migrations/0013-add-evidence-log.js';
import * as addReauthentication from './migrations/0014-add-reauthentication.js';
import * as createRetiredSigningKeys from './migrations/0015-create-retired-signing-keys.js';
import * as replaceOrganisationLastChecked from './migrations/0016-replace-organisation-last-checked.js';
import * as hashLoginThrottleKeys from './migrations/0017-hash-login-throttle-keys.js';
import * as createJobs from './migrations/0018-create-jobs.js';
import * as createJournalExports from './migrations/0019-create-journal-exports.js';
import * as createCases from './migrations/0020-create-cases.js';
import * as createCaseItems from './migrations/0021-create-case-items.js';
import * as createCaseShares from './migrations/0022-create-case-shares.js';
import * as addProfessionalPoliceUnit from './migrations/0023-add-professional-police-unit.js';
import * as addCaseMemberSigningKeys from './migrations/0024-add-case-member-signing-keys.js';
import * as indexCaseEventsByItem from './migrations/0025-index-case-events-by-item.js';
import * as createCaseNotifications from './migrations/0026-create-case-notifications.js';
import * as addYoungMembers from './migrations/0027-add-young-members.js';
import * as addCaseClosing from './migrations/0028-add-case-closing.js';
import * as createMeasures from './migrations/0029-create-measures.js';
import * as createCasePoliceBundles from './migrations/0030-create-case-police-bundles.js';
import * as addNoticeLanguage from './migrations/0031-add-notice-language.js';
import * as createEditorial from './migrations/0032-create-editorial.js';
import * as addContentSections from './migrations/0033-add-content-sections.js';
import * as addCasePathwayKey from './migrations/0037-add-case-pathway-key.js';
import * as createPageFeedbackTexts from './migrations/0038-create-page-feedback-texts.js';
import * as addRevisionContributors from './migrations/0039-add-revision-contributors.js';
import * as createRateLimits from './migrations/0040-create-rate-limits.js';
import * as createGlobalRootTimestamps from './migrations/0041-create-global-root-timestamps.js';
import * as createWitnessCosignatures from './migrations/0042-create-witness-cosignatures.js';
import * as createSurvey from './migrations/0043-create-survey.js';
import * as createOrganisationMeasures from './migrations/0044-create-organisation-measures.js';
import * as createCheckLookups from './migrations/0045-create-check-lookups.js';
import * as createTrustedPersons from './migrations/0046-create-trusted-persons.js';
import * as createSurveyOffers from './migrations/0048-create-survey-offers.js';
import * as createTranslationReviews from './migrations/0049-create-translation-reviews.js';
import type { Database } from './schema.js';

/*
 * Migrations are listed here explicitly rather than read from the file system, so the same list works under
 * tsx (src/*.ts) and compiled (dist/*.js), and a missing import fails the type check.
 */
const migrations: Record<string, Migration> = {
  '0001-create-content-pages': createContentPages,
  '0002-create-check-outcomes': createCheckOutcomes,
  '0003-add-content-page-topic': addContentPageTopic,
  '0004-create-regions-and-organisations': createRegionsAndOrganisations,
  '0005-create-accounts': createAccounts,
  '0006-create-login-throttle': createLoginThrottle,
  '0007-create-audit-log': createAuditLog,
  '0008-add-totp': addTotp,
  '0009-create-setup-links': createSetupLinks,
  '0010-create-journal': createJournal,
  '0012-create-professionals': createProfessionals,
  '0013-add-evidence-log': addEvidenceLog,
  '0014-add-reauthentication': addReauthentication,
  '0011-add-passkeys': addPasskeys,
  '0015-create-retired-signing-keys': createRetiredSigningKeys,
  '0016-replace-organisation-last-checked': replaceOrganisationLastChecked,
  '0017-hash-login-throttle-keys': hashLoginThrottleKeys,
  '0018-create-jobs': createJobs,
  '0019-create-journal-exports': createJournalExports,
  '0020-create-cases': createCases,
  '0021-create-case-items': createCaseItems,
  '0022-create-case-shares': createCaseShares,
  '0023-add-professional-police-unit': addProfessionalPoliceUnit,
  '0024-add-case-member-signing-keys': addCaseMemberSigningKeys,
  '0025-index-case-events-by-item': indexCaseEventsByItem,
  '0026-create-case-notifications': createCaseNotifications,
  '0027-add-young-members': addYoungMembers,
  '0028-add-case-closing': addCaseClosing,
  '0029-create-measures': createMeasures,
  '0030-create-case-police-bundles': createCasePoliceBundles,
  '0031-add-notice-language': addNoticeLanguage,
  '0032-create-editorial': createEditorial,
  '0033-add-content-sections': addContentSections,
  '0037-add-case-pathway-key': addCasePathwayKey,
  '0038-create-page-feedback-texts': createPageFeedbackTexts,
  '0039-add-revision-contributors': addRevisionContributors,
  '0040-create-rate-limits': createRateLimits,
  '0041-create-global-root-timestamps': createGlobalRootTimestamps,
  '0042-create-witness-cosignatures': createWitnessCosignatures,
  '0043-create-survey': createSurvey,
  '0044-create-organisation-measures': createOrganisationMeasures,
  '0045-create-check-lookups': createCheckLookups,
  '0046-create-trusted-persons': createTrustedPersons,
  '0048-create-survey-offers': createSurveyOffers,
  '0049-create-translation-reviews': createTranslationReviews,
};

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations) };

/** Applies every pending migration; throws with the failing migration's name if one fails. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error !== undefined || failed !== undefined) {
    const cause = error instanceof Error ? error.message : String(error);
    const what = failed === undefined ? 'Migrating the database failed' : `Migration ${failed.migrationName} failed`;
    throw new Error(`${what}: ${cause}`, { cause: error });
  }
  return (results ?? []).map((result) => result.migrationName);
}
