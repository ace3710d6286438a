import type { PartialCatalogue } from '../shared/i18n/messages.js';

export const tr: PartialCatalogue = {};
