import {
  type DocumentExtraLanguage,
  documentExtraLanguages,
  documentLanguage,
} from '../../shared/i18n/document-languages.js';
import type { Language, Locale } from '../../shared/i18n/i18n.js';
import type { Questionnaire } from './check.schema.js';

/*
 * The questionnaire's languages (docs/adr/0054). The rule is the editorial documents' one
 * (src/shared/i18n/document-languages.ts, shared with the pathway, ADR 0056): every text is `{ nl, en }` and may have
 * easy-read Dutch, Arabic, Turkish and Polish beside them, each in every text of a version or in none, every text
 * keeping its Dutch numbers of three or more digits and its ICU placeholders. The language never touches the
 * scoring: texts are only read by the views (scoring.ts reads values, points and rules).
 */

export {
  completeLanguages,
  describeLanguageProblem,
  type LanguageProblem,
  type LanguageText,
  languageProblems,
  textIn,
  textsOf,
} from '../../shared/i18n/document-languages.js';

/** The languages a questionnaire may hold beside nl and en (docs/adr/0050's partial languages). */
export const questionnaireExtraLanguages = documentExtraLanguages;
export type QuestionnaireExtraLanguage = DocumentExtraLanguage;

/**
 * The language a page shows the questionnaire in: the chosen language when the page is translated in it and the
 * version is complete in it, else the page's content locale (nl or en). `translated` is the page's declaration
 * (src/translations/translations.ts): a language the interface of the check does not have cannot be chosen.
 */
export function questionnaireLanguage(
  questionnaire: Questionnaire,
  page: { readonly language: Language; readonly translated: boolean } | undefined,
  locale: Locale,
): Locale | QuestionnaireExtraLanguage {
  return documentLanguage(questionnaire, page, locale);
}
