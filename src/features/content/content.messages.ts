import type { Translation } from '../../shared/i18n/messages.js';

/** The information pages' messages (index, page, feedback). Merged into the one catalogue in src/messages.ts. */
const nl = {
  'info.index.title': 'Informatie',
  'info.index.intro': 'Uitleg over seksuele uitbuiting, voor ouders en voor professionals.',
  'info.index.count': '{count, plural, =0 {Nog geen pagina’s} one {# pagina} other {# pagina’s}}',
  'info.index.group.begrijpen': 'Begrijpen wat er gebeurt',
  'info.index.group.handelen': 'Wat je kunt doen',
  'info.index.group.steun': 'Als het lang duurt, en steun voor jou',
  'info.index.group.over': 'Over deze site',
  'info.page.onThisPage': 'Op deze pagina',
  'info.page.sources': 'Bronnen',
  'info.page.lastReviewed': 'Laatst gecontroleerd op {date, date, long}',
  'info.page.allPages': 'Alle informatie',
  'info.feedback.question': 'Heb je iets aan deze pagina?',
  'info.feedback.yes': 'Ja',
  'info.feedback.no': 'Nee',
  'info.feedback.privacy': 'We bewaren alleen het aantal antwoorden per dag. Niets over jou.',
  'info.feedback.thanks': 'Dank je wel. Je antwoord helpt ons de informatie beter te maken.',
  'info.feedback.invalid': 'Kies Ja of Nee.',
} as const;

const en: Translation<typeof nl> = {
  'info.index.title': 'Information',
  'info.index.intro': 'Explanations about sexual exploitation, for parents and for professionals.',
  'info.index.count': '{count, plural, =0 {No pages yet} one {# page} other {# pages}}',
  'info.index.group.begrijpen': 'Understanding what is happening',
  'info.index.group.handelen': 'What you can do',
  'info.index.group.steun': 'When it goes on, and support for you',
  'info.index.group.over': 'About this site',
  'info.page.onThisPage': 'On this page',
  'info.page.sources': 'Sources',
  'info.page.lastReviewed': 'Last reviewed on {date, date, long}',
  'info.page.allPages': 'All information',
  'info.feedback.question': 'Was this page useful to you?',
  'info.feedback.yes': 'Yes',
  'info.feedback.no': 'No',
  'info.feedback.privacy': 'We only keep the number of answers per day. Nothing about you.',
  'info.feedback.thanks': 'Thank you. Your answer helps us improve the information.',
  'info.feedback.invalid': 'Choose Yes or No.',
};

export const contentMessages = { nl, en };
