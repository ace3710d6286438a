import type { PartialCatalogue } from '../shared/i18n/messages.js';

/**
 * One language's messages, written in parts by different people at once (the frame and /nu, the public and
 * parents' pages, the professionals' pages, ...). A key in two parts is a mistake that would silently let the
 * later part win, so it fails at start-up, like a key in two feature parts (src/shared/i18n/i18n.ts).
 */
export function mergeParts(language: string, ...parts: readonly PartialCatalogue[]): PartialCatalogue {
  const merged: Record<string, string> = {};
  for (const part of parts) {
    for (const [key, message] of Object.entries(part)) {
      if (Object.hasOwn(merged, key)) throw new Error(`${language}: the key ${key} is in two translation parts`);
      merged[key] = message;
    }
  }
  return merged;
}
