import type { PartialCatalogue } from '../shared/i18n/messages.js';

/*
 * pl: the professional part of the interface catalogue (docs/adr/0050; the keys of this part are listed in
 * scripts/translation-todo.ts). Not yet reviewed by a native speaker: translations.ts.
 */
export const plProfessional: PartialCatalogue = {};
