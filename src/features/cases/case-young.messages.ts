import type { Translation } from '../../shared/i18n/messages.js';

/** The child's own voice (ADR 0030): inviting a young person, their home, their channel, their consent. */
const nl = {
  'cases.role.young': 'Jongere',
  'caseShares.role.young': 'Jongere',
  'pathway.role.young': 'jongere',
};

const en: Translation<typeof nl> = {
  'cases.role.young': 'Young person',
  'caseShares.role.young': 'Young person',
  'pathway.role.young': 'young person',
};

export const caseYoungMessages = { nl, en };
