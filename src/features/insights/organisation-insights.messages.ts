import type { Translation } from '../../shared/i18n/messages.js';

/** Figures per region for an organisation's own cases (issue 18 point 4). Merged in src/messages.ts. */
const nl = {};

const en: Translation<typeof nl> = {};

export const organisationInsightsMessages = { nl, en };
