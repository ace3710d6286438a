/**
 * The form of a place name used for matching: lower case, no accents, no apostrophes, other punctuation as
 * spaces. "'s-Gravenhage" → "s gravenhage", "Súdwest-Fryslân" → "sudwest fryslan", "Bergen (NH.)" → "bergen nh".
 */
export function placeKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Common names that are not the official CBS name. Keys are place keys; values are official CBS names.
 * Kept small on purpose: the datalist offers the official names, and a near miss gets suggestions.
 */
export const placeAliases: Readonly<Record<string, string>> = {
  'den haag': "'s-Gravenhage",
  'the hague': "'s-Gravenhage",
  'den bosch': "'s-Hertogenbosch",
  hertogenbosch: "'s-Hertogenbosch",
  's hertogenbosch': "'s-Hertogenbosch",
  'bergen op zoom': 'Bergen op Zoom',
  hengelo: 'Hengelo (O.)',
  middelburg: 'Middelburg (Z.)',
  rijswijk: 'Rijswijk (ZH.)',
  beek: 'Beek (L.)',
  stein: 'Stein (L.)',
  laren: 'Laren (NH.)',
  'sudwest friesland': 'Súdwest-Fryslân',
  'de fryske marren': 'De Fryske Marren',
};
