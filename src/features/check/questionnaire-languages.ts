import { type Language, type Locale, languageInfo } from '../../shared/i18n/i18n.js';
import { translationProblems } from '../../shared/i18n/message-rules.js';
import type { Questionnaire } from './check.schema.js';

/*
 * The questionnaire's languages (docs/adr/0054). Every text is `{ nl, en }`, the complete languages, and may have
 * easy-read Dutch, Arabic, Turkish and Polish beside them. A language is either in every text of a version or in
 * none: a half-translated questionnaire is never shown (the check then falls back, like any untranslated page). A
 * text in a language keeps its Dutch text's numbers of three or more digits and its ICU placeholders (the rule of
 * the interface catalogue, src/shared/i18n/message-rules.ts). The language never touches the scoring: texts are
 * only read by the views (scoring.ts reads values, points and rules).
 */

/** The languages a questionnaire may hold beside nl and en (docs/adr/0050's partial languages). */
export const questionnaireExtraLanguages = ['makkelijk', 'ar', 'tr', 'pl'] as const satisfies readonly Exclude<
  Language,
  Locale
>[];
export type QuestionnaireExtraLanguage = (typeof questionnaireExtraLanguages)[number];

/** A text of the questionnaire: Dutch and English always, the other languages where the version has them. */
export type LanguageText = { readonly nl: string; readonly en: string } & {
  readonly [Code in QuestionnaireExtraLanguage]?: string | undefined;
};

const isText = (value: unknown): value is LanguageText =>
  value !== null &&
  typeof value === 'object' &&
  !Array.isArray(value) &&
  typeof (value as Record<string, unknown>).nl === 'string' &&
  typeof (value as Record<string, unknown>).en === 'string';

/** Every text of a (parsed or raw) questionnaire with where it is ("groups.1.questions.0.text"), in file order. */
export function textsOf(value: unknown, at: string[] = []): { path: string; text: LanguageText }[] {
  if (isText(value)) return [{ path: at.join('.'), text: value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => textsOf(item, [...at, String(index)]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([name, item]) => textsOf(item, [...at, name]));
  }
  return [];
}

/** The languages every text of the version has, besides nl and en (which every text has). */
export function completeLanguages(questionnaire: Questionnaire): readonly QuestionnaireExtraLanguage[] {
  let languages = complete.get(questionnaire);
  if (languages === undefined) {
    const texts = textsOf(questionnaire);
    languages = questionnaireExtraLanguages.filter(
      (language) => texts.length > 0 && texts.every(({ text }) => text[language] !== undefined),
    );
    complete.set(questionnaire, languages);
  }
  return languages;
}
/** Worked out once per version (the registry keeps the same objects until the next publish). */
const complete = new WeakMap<Questionnaire, readonly QuestionnaireExtraLanguage[]>();

export type LanguageProblem =
  | { kind: 'incomplete'; language: QuestionnaireExtraLanguage; missing: string[]; has: number; of: number }
  | { kind: 'numbers' | 'placeholders' | 'icu' | 'empty'; language: QuestionnaireExtraLanguage; path: string };

/** What breaks the language rules above: a language in some texts but not all, a text that loses a number. */
export function languageProblems(value: unknown): LanguageProblem[] {
  const texts = textsOf(value);
  const problems: LanguageProblem[] = [];
  for (const language of questionnaireExtraLanguages) {
    const missing = texts.filter(({ text }) => text[language] === undefined).map(({ path }) => path);
    if (missing.length > 0 && missing.length < texts.length) {
      problems.push({ kind: 'incomplete', language, missing, has: texts.length - missing.length, of: texts.length });
    }
    for (const { path, text } of texts) {
      const translated = text[language];
      if (translated === undefined) continue;
      if (typeof translated !== 'string' || translated.trim() === '') {
        problems.push({ kind: 'empty', language, path });
        continue;
      }
      for (const kind of translationProblems(translated, text.nl, languageInfo[language].intl)) {
        problems.push({ kind, language, path });
      }
    }
  }
  return problems;
}

/** A problem in plain English, for the files checked at start (questionnaires.ts). */
export function describeLanguageProblem(problem: LanguageProblem): string {
  if (problem.kind === 'incomplete') {
    const shown = problem.missing.slice(0, 5).join(', ');
    const more = problem.missing.length > 5 ? ` and ${problem.missing.length - 5} more` : '';
    return `language ${problem.language} is in ${problem.has} of ${problem.of} texts: add it to every text or to none (missing: ${shown}${more})`;
  }
  const what = {
    numbers: 'does not keep the numbers (3+ digits) of the Dutch text',
    placeholders: 'does not keep the {placeholders} of the Dutch text',
    icu: 'is not valid ICU (a brace { } that is not a placeholder)',
    empty: 'is empty',
  }[problem.kind];
  return `${problem.path}.${problem.language} ${what}`;
}

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
  if (page === undefined || !page.translated || page.language === 'nl' || page.language === 'en') return locale;
  return completeLanguages(questionnaire).includes(page.language) ? page.language : locale;
}

/** A text in a language the version is complete in (questionnaireLanguage), else in the locale. */
export function textIn(text: LanguageText, language: Locale | QuestionnaireExtraLanguage): string {
  return text[language] ?? text[languageInfo[language].locale];
}
