import { accountsMessages } from './features/accounts/accounts.messages.js';
import { caseClosingMessages } from './features/cases/case-closing.messages.js';
import { caseExportsMessages } from './features/cases/case-exports.messages.js';
import { caseItemsMessages } from './features/cases/case-items.messages.js';
import { caseMeasuresMessages } from './features/cases/case-measures.messages.js';
import { caseNotificationsMessages } from './features/cases/case-notifications.messages.js';
import { caseSharesMessages } from './features/cases/case-shares.messages.js';
import { casesMessages } from './features/cases/cases.messages.js';
import { caseYoungMessages } from './features/cases/case-young.messages.js';
import { checkMessages } from './features/check/check.messages.js';
import { contentMessages } from './features/content/content.messages.js';
import { editorialMessages } from './features/editorial/editorial.messages.js';
import { feedbackMessages } from './features/feedback/feedback.messages.js';
import { helpMessages } from './features/help/help.messages.js';
import { organisationKindMessages } from './features/help/organisation-kind.messages.js';
import { homeMessages } from './features/home/home.messages.js';
import { insightsMessages } from './features/insights/insights.messages.js';
import { organisationInsightsMessages } from './features/insights/organisation-insights.messages.js';
import { surveyMessages } from './features/survey/survey.messages.js';
import { trustedPersonMessages } from './features/accounts/trusted-person.messages.js';
import { translationReviewMessages } from './features/translation-review/translation-review.messages.js';
import { knowledgeMessages } from './features/knowledge/knowledge.messages.js';
import { journalPdfMessages } from './features/journal/export/pdf.messages.js';
import { journalMessages } from './features/journal/journal.messages.js';
import { pathwayKindMessages } from './features/cases/pathway-kind.messages.js';
import { pathwayMessages } from './features/cases/pathway.messages.js';
import { professionalsMessages } from './features/professionals/professionals.messages.js';
import { searchMessages } from './features/search/search.messages.js';
import { rightNowMessages } from './features/right-now/right-now.messages.js';
import { verifyMessages } from './features/verify/verify.messages.js';
import { en as sharedEn } from './shared/i18n/en.js';
import { createTranslators, mergeCatalogues } from './shared/i18n/i18n.js';
import { nl as sharedNl } from './shared/i18n/nl.js';
import { translations } from './translations/translations.js';

/**
 * The message catalogue, assembled here at the top like the policy map (src/policies.ts), so src/shared/ never
 * imports a feature: the shared messages (site, layout, footer, errors, form words, mail, the national lines)
 * and one part per feature, `<feature>.messages.ts`, each exporting its Dutch and English messages. A feature's
 * part is listed here; a key in two parts fails at start-up.
 */
export const catalogues = mergeCatalogues([
  { nl: sharedNl, en: sharedEn },
  homeMessages,
  rightNowMessages,
  contentMessages,
  feedbackMessages,
  insightsMessages,
  knowledgeMessages,
  helpMessages,
  organisationKindMessages,
  checkMessages,
  verifyMessages,
  professionalsMessages,
  accountsMessages,
  journalMessages,
  journalPdfMessages,
  caseSharesMessages,
  pathwayMessages,
  pathwayKindMessages,
  caseItemsMessages,
  caseMeasuresMessages,
  caseNotificationsMessages,
  casesMessages,
  caseExportsMessages,
  caseClosingMessages,
  caseYoungMessages,
  searchMessages,
  editorialMessages,
  surveyMessages,
  organisationInsightsMessages,
  trustedPersonMessages,
  translationReviewMessages,
]);

declare module './shared/i18n/messages.js' {
  /** MessageKey (src/shared/i18n/messages.ts) is every key of the merged Dutch catalogue. */
  interface MessageRegistry {
    catalogue: (typeof catalogues)['nl'];
  }
}

/**
 * The translator for a language (compiled messages are cached per language). The languages beside nl and en
 * are translated outside the feature parts, one file per language (src/translations/, docs/adr/0050).
 */
export const translatorFor = createTranslators(catalogues, translations);
