import { IntlMessageFormat, type PrimitiveType } from 'intl-messageformat';
import Negotiator from 'negotiator';
import {
  type Catalogue,
  type CataloguePart,
  type Locale,
  type MessageKey,
  defaultLocale,
  isLocale,
  locales,
} from './messages.js';

export type { Locale, MessageKey } from './messages.js';
export { defaultLocale, isLocale, locales } from './messages.js';

/** Dates on this site are Dutch dates: format them in Amsterdam time whatever the server's zone. */
const formats = {
  date: {
    long: { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' },
    short: { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'Europe/Amsterdam' },
  },
} as const;

export type MessageValues = Record<string, PrimitiveType>;
export type Translate = (key: MessageKey, values?: MessageValues) => string;
export type TranslatorFor = (locale: Locale) => Translate;

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
export function createTranslator(catalogue: Catalogue, locale: Locale): Translate {
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

/** One translator per language, made once. */
export function createTranslators(catalogues: Readonly<Record<Locale, Catalogue>>): TranslatorFor {
  const translators: Record<Locale, Translate> = {
    nl: createTranslator(catalogues.nl, 'nl'),
    en: createTranslator(catalogues.en, 'en'),
  };
  return (locale) => translators[locale];
}

export const languageCookie = 'taal';

/**
 * Picks the page language: an explicit choice (remembered in a cookie) wins, then the browser's
 * Accept-Language; anything unknown or malformed falls back to Dutch.
 */
export function negotiateLocale(cookieValue: string | undefined, acceptLanguage: string | undefined): Locale {
  if (isLocale(cookieValue)) return cookieValue;
  if (acceptLanguage === undefined || acceptLanguage.length > 500) return defaultLocale;
  try {
    const preferred = new Negotiator({ headers: { 'accept-language': acceptLanguage } }).language([...locales]);
    return isLocale(preferred) ? preferred : defaultLocale;
  } catch {
    return defaultLocale;
  }
}
