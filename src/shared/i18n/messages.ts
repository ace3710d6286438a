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

/** One part's translation: exactly the keys of its Dutch part (a missing or extra key fails the type check). */
export type Translation<DutchPart> = { readonly [Key in keyof DutchPart]: string };

/** One part of the catalogue: the shared messages or one feature's, in every language. */
export interface CataloguePart {
  readonly nl: Readonly<Record<string, string>>;
  readonly en: Readonly<Record<string, string>>;
}

export const locales = ['nl', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'nl';

export function isLocale(value: unknown): value is Locale {
  return value === 'nl' || value === 'en';
}
