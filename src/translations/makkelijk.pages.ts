import type { PartialCatalogue } from '../shared/i18n/messages.js';

/*
 * Easy-read Dutch (A2) for the check, its outcomes and the help finder (docs/adr/0050): short sentences, one idea
 * per line (`\n`). Not yet tested with readers: translations.ts.
 */
export const makkelijkPages: PartialCatalogue = {};
