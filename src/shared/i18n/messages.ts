/**
 * The message catalogue is assembled at the top (src/messages.ts) from a shared part (src/shared/i18n/nl.ts,
 * en.ts) and one part per feature (<feature>.messages.ts). src/shared/ cannot import those, so the top registers
 * the merged Dutch catalogue here by augmenting this interface with `catalogue: <its type>`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by declaration merging
export interface MessageRegistry {}

/** The merged Dutch catalogue, the reference for every language. */
type RegisteredCatalogue = MessageRegistry extends { catalogue: infer Registered } ? Registered : never;

/** Every message key of every part; Dutch is the reference catalogue. */
export type MessageKey = Extract<keyof RegisteredCatalogue, string>;

/** A catalogue must hold every key of the Dutch one, and no other (a missing key fails the type check). */
export type Catalogue = { readonly [Key in MessageKey]: string };

/**
 * A language still being translated (src/translations/<language>.ts): any keys of the Dutch catalogue and no
 * other (an unknown key fails the type check). Which pages are complete is declared beside it and tested
 * (src/translations/translations.test.ts), not left to the type.
 */
export type PartialCatalogue = { readonly [Key in MessageKey]?: string };

/** One part's translation: exactly the keys of its Dutch part (a missing or extra key fails the type check). */
export type Translation<DutchPart> = { readonly [Key in keyof DutchPart]: string };

/** One part of the catalogue: the shared messages or one feature's, in every language. */
export interface CataloguePart {
  readonly nl: Readonly<Record<string, string>>;
  readonly en: Readonly<Record<string, string>>;
}

/**
 * The complete languages: every key in every catalogue part, checked by the type. Content from the database
 * and the content folder exists in these; every other language falls back to one of them (`locale`).
 */
export const locales = ['nl', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'nl';

export function isLocale(value: unknown): value is Locale {
  return value === 'nl' || value === 'en';
}

/**
 * Every language a visitor can choose, in the order the language switch shows them. `makkelijk` is easy-read
 * Dutch (A2): an internal id, deliberately not shaped like a BCP 47 tag; its pages say lang="nl" (docs/adr/0050).
 */
export const languages = ['nl', 'makkelijk', 'en', 'ar', 'tr', 'pl'] as const;
export type Language = (typeof languages)[number];

export interface LanguageInfo {
  /** The BCP 47 tag for `lang` and hreflang. */
  readonly tag: string;
  readonly dir: 'ltr' | 'rtl';
  /** The language's name in that language (an endonym: the same in every catalogue, so not a message). */
  readonly name: string;
  /** The complete language whose pages and content are shown where this one has no translation yet. */
  readonly locale: Locale;
  /** The locale given to Intl (plurals, numbers): Arabic with Latin digits, like the phone numbers. */
  readonly intl: string;
}

export const languageInfo: { readonly [Code in Language]: LanguageInfo } = {
  nl: { tag: 'nl', dir: 'ltr', name: 'Nederlands', locale: 'nl', intl: 'nl' },
  makkelijk: { tag: 'nl', dir: 'ltr', name: 'Makkelijk lezen', locale: 'nl', intl: 'nl' },
  en: { tag: 'en', dir: 'ltr', name: 'English', locale: 'en', intl: 'en' },
  ar: { tag: 'ar', dir: 'rtl', name: 'العربية', locale: 'en', intl: 'ar-u-nu-latn' },
  tr: { tag: 'tr', dir: 'ltr', name: 'Türkçe', locale: 'en', intl: 'tr' },
  pl: { tag: 'pl', dir: 'ltr', name: 'Polski', locale: 'en', intl: 'pl' },
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}
