import type { PartialCatalogue } from '../shared/i18n/messages.js';

/*
 * ar: the public part of the interface catalogue (docs/adr/0050; the keys of this part are listed in
 * scripts/translation-todo.ts). Not yet reviewed by a native speaker: translations.ts.
 */
export const arPublic: PartialCatalogue = {};
