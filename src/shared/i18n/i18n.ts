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

/** A translated page's state in one language: a reviewer flips `reviewed` once a native speaker has checked it. */
export interface PageTranslation {
  readonly reviewed: boolean;
}

/**
 * The pages a language is translated for, by route pattern (as Fastify names the route, e.g. '/nu'), and
 * `frame` for what every page has around it: site name, menu, language switch, quick exit, the footer's
 * emergency lines, and the error pages.
 */
export type TranslatedPages = { readonly frame: PageTranslation } & Readonly<Record<string, PageTranslation>>;

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

export interface TranslatorFor {
  /** The translator for a language; for a language still being translated, missing keys use its `locale`. */
  (language: Language): Translate;
  /** How the page with this route pattern is shown in a language (no route: an error page, frame only). */
  pageIn(language: Language, route: string | undefined): PageLanguage;
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
  const translatorFor = (language: Language): Translate => translators[language];
  translatorFor.pageIn = (language: Language, route: string | undefined): PageLanguage => {
    if (language === 'nl' || language === 'en') return { language, translated: true, reviewed: true };
    const { pages } = translations[language];
    const page = route === undefined ? pages.frame : Object.hasOwn(pages, route) ? pages[route] : undefined;
    return {
      language,
      translated: page !== undefined,
      reviewed: pages.frame.reviewed && (page === undefined || page.reviewed),
    };
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
