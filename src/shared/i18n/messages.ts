import type { nl } from './nl.js';

/** Every message key; Dutch is the reference catalogue. */
export type MessageKey = keyof typeof nl;

/** A catalogue must hold every key of the Dutch one, and no other (a missing key fails the type check). */
export type Catalogue = { readonly [Key in MessageKey]: string };

export const locales = ['nl', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'nl';

export function isLocale(value: unknown): value is Locale {
  return value === 'nl' || value === 'en';
}
