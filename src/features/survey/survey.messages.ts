import type { Translation } from '../../shared/i18n/messages.js';

/** Parents' survey at milestones (issue 18 point 2). Merged in src/messages.ts. */
const nl = {};

const en: Translation<typeof nl> = {};

export const surveyMessages = { nl, en };
