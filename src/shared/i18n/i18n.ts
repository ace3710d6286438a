import { IntlMessageFormat, type PrimitiveType } from 'intl-messageformat';
import Negotiator from 'negotiator';
import {
  type Catalogue,
  type CataloguePart,
  type Language,
  type Locale,
  type MessageKey,
  type PartialCatalogue,
  defaultLocale,
  isLanguage,
  isLocale,
  languageInfo,
  languages,
  locales,
} from './messages.js';

export type { Language, Locale, MessageKey } from './messages.js';
export { defaultLocale, isLanguage, isLocale, languageInfo, languages, locales } from './messages.js';

/** Dates on this site are Dutch dates: format them in Amsterdam time whatever the server's zone. */
const formats = {
  date: {
    long: { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' },
    short: { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'Europe/Amsterdam' },
  },
} as const;

export type MessageValues = Record<string, PrimitiveType>;
export type Translate = (key: MessageKey, values?: MessageValues) => string;

type UnionToIntersection<Union> = (Union extends unknown ? (part: Union) => void : never) extends (
  part: infer Intersection,
) => void
  ? Intersection
  : never;

/**
 * Joins the parts of the catalogue into one per language. The result's type holds every key of every part;
 * a key found in two parts throws, so one part cannot silently replace another's message.
 */
export function mergeCatalogues<const Parts extends readonly CataloguePart[]>(
  parts: Parts,
): Record<Locale, UnionToIntersection<Parts[number]['nl']>> {
  const merged: Record<Locale, Record<string, string>> = { nl: {}, en: {} };
  for (const part of parts) {
    for (const locale of locales) {
      for (const [key, message] of Object.entries(part[locale])) {
        if (Object.hasOwn(merged[locale], key)) throw new Error(`message key ${key} is in two catalogue parts`);
        merged[locale][key] = message;
      }
    }
  }
  return merged as Record<Locale, UnionToIntersection<Parts[number]['nl']>>;
}

/** Returns a translator for one catalogue; compiled messages are cached, so pages pay for parsing once. */
export function createTranslator(catalogue: Catalogue, locale: string): Translate {
  const compiled = new Map<MessageKey, IntlMessageFormat>();
  return (key, values) => {
    let format = compiled.get(key);
    if (format === undefined) {
      format = new IntlMessageFormat(catalogue[key], locale, formats);
      compiled.set(key, format);
    }
    const result = format.format(values);
    return typeof result === 'string' ? result : String(result);
  };
}

/**
 * The pages a language is declared translated for, by route pattern (as Fastify names the route, e.g. '/nu'),
 * and `frame` for what every page has around it: site name, menu, language switch, quick exit, the footer's
 * emergency lines, and the error pages. Every language lists `frame` (translations.test.tsx).
 */
export type TranslatedPages = readonly string[];

/** A language being translated: its messages so far and the pages declared complete in it. */
export interface LanguageTranslation {
  readonly messages: PartialCatalogue;
  readonly pages: TranslatedPages;
}

/** Every chosen language that is not a complete catalogue. */
export type Translations = { readonly [Code in Exclude<Language, Locale>]: LanguageTranslation };

/** How one page is shown to someone who chose a language. */
export interface PageLanguage {
  /** The visitor's choice: the frame (menu, quick exit, footer) is always in it. */
  readonly language: Language;
  /** Whether this page's own text is in the chosen language; if not, it is in `languageInfo[language].locale`. */
  readonly translated: boolean;
  /** Whether everything shown in the chosen language was reviewed by a native speaker (nl and en: always). */
  readonly reviewed: boolean;
}

/**
 * The reviewers' marks (ADR 0053): which pages of a language a native speaker has checked, by page: `frame`, a
 * route pattern, or `/informatie/<slug>` for an information page. Kept in memory by the translation review
 * feature, so the per-request check reads no database.
 */
export interface ReviewMarks {
  isReviewed(language: Language, page: string): boolean;
}

/** No page marked reviewed (the translators without a review store: scripts, mail, tests of views). */
export const noReviewMarks: ReviewMarks = { isReviewed: () => false };

/** The page id of an information page for review marks: its path, so it cannot be taken for `frame`. */
export const contentPageId = (slug: string): string => `/informatie/${slug}`;

export interface TranslatorFor {
  /** The translator for a language; for a language still being translated, missing keys use its `locale`. */
  (language: Language): Translate;
  /**
   * How the page with this route pattern is shown in a language (no route: an error page, frame only): translated
   * when declared, or when the language holds every key of the catalogue (a complete language, ADR 0053);
   * reviewed when the frame and the page are marked so.
   */
  pageIn(language: Language, route: string | undefined, marks?: ReviewMarks): PageLanguage;
  /**
   * How an information page written in `language` is shown (`page`: contentPageId(slug)): translated when
   * showsContentIn(language, keys), reviewed when the frame and the page are marked; else undefined, and the route
   * shows the fallback.
   */
  contentPageIn(
    language: Language,
    page: string,
    keys: readonly MessageKey[],
    marks?: ReviewMarks,
  ): PageLanguage | undefined;
  /**
   * Whether information pages written in `language` may be shown in it: it holds every key of `keys` (the page's
   * own texts around the markdown), or its fallback is the same language (easy-read Dutch: the labels are Dutch).
   */
  showsContentIn(language: Language, keys: readonly MessageKey[]): boolean;
  /** Whether a language holds every key of the catalogue (nl and en always). */
  isComplete(language: Language): boolean;
  /** The pages declared translated in a language (nl and en: frame only, they are complete). */
  declaredPages(language: Language): TranslatedPages;
  /** The same translators, whose pageIn and contentPageIn read these marks when given none (one per app). */
  withMarks(marks: ReviewMarks): TranslatorFor;
}

/**
 * The review mark for every page of a complete language that is not declared on its own (the account, journal,
 * case and professionals' pages): a reviewer marks the rest of the interface at once, as its translators wrote it
 * (ADR 0053). Not a route pattern (those start with '/'), so it can never be taken for one.
 */
export const interfacePage = 'interface';

/** A page not translated in a partial language: only the frame is in it, so only the frame's mark counts. */
export function untranslatedPageIn(language: Language, marks: ReviewMarks = noReviewMarks): PageLanguage {
  if (isLocale(language)) return { language, translated: true, reviewed: true };
  return { language, translated: false, reviewed: marks.isReviewed(language, 'frame') };
}

/** One translator per language, made once; the translations' pages say where each is used. */
export function createTranslators(
  catalogues: Readonly<Record<Locale, Catalogue>>,
  translations: Translations,
): TranslatorFor {
  const partial = (code: Exclude<Language, Locale>): Translate => {
    const info = languageInfo[code];
    // Missing keys fall back per key; a page declared translated has none (translations.test.ts).
    const catalogue = { ...catalogues[info.locale], ...translations[code].messages } as Catalogue;
    return createTranslator(catalogue, info.intl);
  };
  const translators: Record<Language, Translate> = {
    nl: createTranslator(catalogues.nl, 'nl'),
    en: createTranslator(catalogues.en, 'en'),
    makkelijk: partial('makkelijk'),
    ar: partial('ar'),
    tr: partial('tr'),
    pl: partial('pl'),
  };
  const allKeys = Object.keys(catalogues.nl) as MessageKey[];
  const holds = (language: Language, keys: readonly MessageKey[]): boolean => {
    if (isLocale(language)) return true;
    const { messages } = translations[language];
    return keys.every((key) => messages[key] !== undefined);
  };
  // Counted once: the catalogues do not change while the process runs.
  const complete = Object.fromEntries(languages.map((language) => [language, holds(language, allKeys)])) as Record<
    Language,
    boolean
  >;
  const translatorFor = (language: Language): Translate => translators[language];
  translatorFor.isComplete = (language: Language): boolean => complete[language];
  translatorFor.showsContentIn = (language: Language, keys: readonly MessageKey[]): boolean =>
    languageInfo[language].tag === languageInfo[languageInfo[language].locale].tag || holds(language, keys);
  translatorFor.declaredPages = (language: Language): TranslatedPages =>
    isLocale(language) ? ['frame'] : translations[language].pages;
  translatorFor.pageIn = (
    language: Language,
    route: string | undefined,
    marks: ReviewMarks = noReviewMarks,
  ): PageLanguage => {
    if (isLocale(language)) return { language, translated: true, reviewed: true };
    const page = route ?? 'frame';
    const declared = translations[language].pages.includes(page);
    const translated = complete[language] || declared;
    const frameReviewed = marks.isReviewed(language, 'frame');
    // A page translated because its language is complete, not declared on its own, is also reviewed by the mark
    // on the rest of the interface (interfacePage).
    const pageReviewed = marks.isReviewed(language, page) || (!declared && marks.isReviewed(language, interfacePage));
    return {
      language,
      translated,
      // A page not translated shows only the frame in the chosen language.
      reviewed: frameReviewed && (!translated || page === 'frame' || pageReviewed),
    };
  };
  translatorFor.contentPageIn = (
    language: Language,
    page: string,
    keys: readonly MessageKey[],
    marks: ReviewMarks = noReviewMarks,
  ): PageLanguage | undefined => {
    if (isLocale(language)) return { language, translated: true, reviewed: true };
    if (!translatorFor.showsContentIn(language, keys)) return undefined;
    return {
      language,
      translated: true,
      reviewed: marks.isReviewed(language, 'frame') && marks.isReviewed(language, page),
    };
  };
  translatorFor.withMarks = (marks: ReviewMarks): TranslatorFor => {
    const bound = (language: Language): Translate => translators[language];
    bound.isComplete = translatorFor.isComplete;
    bound.showsContentIn = translatorFor.showsContentIn;
    bound.declaredPages = translatorFor.declaredPages;
    bound.pageIn = (language: Language, route: string | undefined, given: ReviewMarks = marks) =>
      translatorFor.pageIn(language, route, given);
    bound.contentPageIn = (language: Language, page: string, keys: readonly MessageKey[], given: ReviewMarks = marks) =>
      translatorFor.contentPageIn(language, page, keys, given);
    bound.withMarks = translatorFor.withMarks;
    return bound;
  };
  return translatorFor;
}

export const languageCookie = 'taal';

/** The languages a browser can ask for; easy-read Dutch is only ever a choice made on the site. */
const negotiable = languages.filter((language) => language !== 'makkelijk');

/**
 * Picks the visitor's language: an explicit choice (remembered in a cookie) wins, then the browser's
 * Accept-Language; anything unknown or malformed falls back to Dutch.
 */
export function negotiateLanguage(cookieValue: string | undefined, acceptLanguage: string | undefined): Language {
  if (isLanguage(cookieValue)) return cookieValue;
  if (acceptLanguage === undefined || acceptLanguage.length > 500) return defaultLocale;
  try {
    const preferred = new Negotiator({ headers: { 'accept-language': acceptLanguage } }).language(negotiable);
    return isLanguage(preferred) ? preferred : defaultLocale;
  } catch {
    return defaultLocale;
  }
}
