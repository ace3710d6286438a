import { IntlMessageFormat, type PrimitiveType } from 'intl-messageformat';
import Negotiator from 'negotiator';
import { en } from './en.js';
import { type Catalogue, type Locale, type MessageKey, defaultLocale, isLocale, locales } from './messages.js';
import { nl } from './nl.js';

export type { Locale, MessageKey } from './messages.js';
export { defaultLocale, isLocale, locales } from './messages.js';

const catalogues: Record<Locale, Catalogue> = { nl, en };

/** Dates on this site are Dutch dates: format them in Amsterdam time whatever the server's zone. */
const formats = {
  date: {
    long: { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' },
    short: { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'Europe/Amsterdam' },
  },
} as const;

export type MessageValues = Record<string, PrimitiveType>;
export type Translate = (key: MessageKey, values?: MessageValues) => string;

/** Returns a translator for one locale; compiled messages are cached, so pages pay for parsing once. */
export function createTranslator(locale: Locale): Translate {
  const catalogue = catalogues[locale];
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

const translators: Record<Locale, Translate> = { nl: createTranslator('nl'), en: createTranslator('en') };

export function translatorFor(locale: Locale): Translate {
  return translators[locale];
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
