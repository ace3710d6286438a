import { type Language, type Locale, languageInfo, type Translate } from './i18n.js';
import { translationProblems } from './message-rules.js';

/*
 * The languages of an editorial document whose texts are `{ nl, en }` objects (docs/adr/0054, 0056): the check's
 * questionnaire (content/check/vN.json) and the pathway of de lijn (content/pathway/vN.json). Every text has Dutch
 * and English, the complete languages, and may have easy-read Dutch, Arabic, Turkish and Polish beside them. A
 * language is either in every text of a version or in none: a half-translated document is never shown (the page
 * then falls back to nl or en). A text in a language keeps its Dutch text's numbers of three or more digits and its
 * ICU placeholders (the rule of the interface catalogue, message-rules.ts). One rule, used by both documents.
 */

/** The languages a document may hold beside nl and en (docs/adr/0050's partial languages). */
export const documentExtraLanguages = ['makkelijk', 'ar', 'tr', 'pl'] as const satisfies readonly Exclude<
  Language,
  Locale
>[];
export type DocumentExtraLanguage = (typeof documentExtraLanguages)[number];

/** A text of a document: Dutch and English always, the other languages where the version has them. */
export type LanguageText = { readonly nl: string; readonly en: string } & {
  readonly [Code in DocumentExtraLanguage]?: string | undefined;
};

const isText = (value: unknown): value is LanguageText =>
  value !== null &&
  typeof value === 'object' &&
  !Array.isArray(value) &&
  typeof (value as Record<string, unknown>).nl === 'string' &&
  typeof (value as Record<string, unknown>).en === 'string';

/** Every text of a (parsed or raw) document with where it is ("tracks.0.steps.1.what"), in file order. */
export function textsOf(value: unknown, at: string[] = []): { path: string; text: LanguageText }[] {
  if (isText(value)) return [{ path: at.join('.'), text: value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => textsOf(item, [...at, String(index)]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([name, item]) => textsOf(item, [...at, name]));
  }
  return [];
}

/** The languages every text of the version has, besides nl and en (which every text has). */
export function completeLanguages(document: object): readonly DocumentExtraLanguage[] {
  let languages = complete.get(document);
  if (languages === undefined) {
    const texts = textsOf(document);
    languages = documentExtraLanguages.filter(
      (language) => texts.length > 0 && texts.every(({ text }) => text[language] !== undefined),
    );
    complete.set(document, languages);
  }
  return languages;
}
/** Worked out once per version (the registries keep the same objects until the next publish). */
const complete = new WeakMap<object, readonly DocumentExtraLanguage[]>();

export type LanguageProblem =
  | { kind: 'incomplete'; language: DocumentExtraLanguage; missing: string[]; has: number; of: number }
  | { kind: 'numbers' | 'placeholders' | 'icu' | 'empty'; language: DocumentExtraLanguage; path: string };

/** What breaks the language rules above: a language in some texts but not all, a text that loses a number. */
export function languageProblems(value: unknown): LanguageProblem[] {
  const texts = textsOf(value);
  const problems: LanguageProblem[] = [];
  for (const language of documentExtraLanguages) {
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

/** A problem in plain English, for the files checked at start and the scripts. */
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
 * A problem in the editor's language, for the CMS (the questionnaire and pathway kinds refuse such a draft). The
 * messages were written for the check's editor (check.messages.ts) and say nothing of the check: both kinds use them.
 */
export function languageProblemText(problem: LanguageProblem, t: Translate): string {
  if (problem.kind === 'incomplete') {
    const more = problem.missing.length > 5 ? ' …' : '';
    return t('document.languageIncomplete', {
      language: problem.language,
      has: problem.has,
      of: problem.of,
      missing: problem.missing.slice(0, 5).join(', ') + more,
    });
  }
  return t('document.languageRule', { path: problem.path, language: problem.language, problem: problem.kind });
}

/**
 * The language a page shows a document in: the chosen language when the page is translated in it and the version
 * is complete in it, else the page's content locale (nl or en). `translated` is the page's declaration
 * (src/translations/translations.ts, or a complete language).
 */
export function documentLanguage(
  document: object,
  page: { readonly language: Language; readonly translated: boolean } | undefined,
  locale: Locale,
): Locale | DocumentExtraLanguage {
  if (page === undefined || !page.translated || page.language === 'nl' || page.language === 'en') return locale;
  return completeLanguages(document).includes(page.language) ? page.language : locale;
}

/** A text in a language the version is complete in (documentLanguage), else in the locale. */
export function textIn(text: LanguageText, language: Locale | DocumentExtraLanguage): string {
  return text[language] ?? text[languageInfo[language].locale];
}
