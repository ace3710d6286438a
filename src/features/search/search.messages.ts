import type { Translation } from '../../shared/i18n/messages.js';

/** The search page's messages (/zoeken); the menu link's is the layout's (layout.nav.search). Merged into the one catalogue in src/messages.ts. */
const nl = {
  'search.title': 'Zoeken',
  'search.lead': 'Zoek in de informatie voor ouders en in de kennisbank voor professionals.',
  'search.form.label': 'Waar zoek je naar?',
  'search.form.hint': 'Bijvoorbeeld: signalen, aangifte of sextortion.',
  'search.form.submit': 'Zoeken',
  'search.privacy':
    'Wat je zoekt, bewaren we niet. Het komt niet in het adres van de pagina en niet in je geschiedenis.',
  'search.problem.empty': 'Typ een woord om naar te zoeken.',
  'search.problem.tooLong': 'Je zoekvraag is te lang. Gebruik een paar woorden (hoogstens 200 tekens).',
  'search.problem.noWords': 'Zoek op een woord met letters of cijfers, bijvoorbeeld: signalen.',
  'search.results.title': 'Resultaten',
  'search.results.count': '{count, plural, one {# pagina gevonden} other {# pagina’s gevonden}}',
  'search.results.none': 'We hebben niets gevonden. Probeer een ander woord, of kijk bij alle informatie.',
  'search.results.allInformation': 'Alle informatie',
  'search.section.informatie': 'Informatie',
  'search.section.kennisbank': 'Kennisbank',
  'search.professionalsOnly': 'Alleen voor professionals',
};

const en: Translation<typeof nl> = {
  'search.title': 'Search',
  'search.lead': 'Search the information for parents and the knowledge base for professionals.',
  'search.form.label': 'What are you looking for?',
  'search.form.hint': 'For example: signs, reporting or sextortion.',
  'search.form.submit': 'Search',
  'search.privacy': 'We do not keep what you search for. It is not put in the page address or in your history.',
  'search.problem.empty': 'Type a word to search for.',
  'search.problem.tooLong': 'Your search is too long. Use a few words (200 characters at most).',
  'search.problem.noWords': 'Search for a word with letters or digits, for example: signs.',
  'search.results.title': 'Results',
  'search.results.count': '{count, plural, one {# page found} other {# pages found}}',
  'search.results.none': 'We found nothing. Try another word, or look at all information.',
  'search.results.allInformation': 'All information',
  'search.section.informatie': 'Information',
  'search.section.kennisbank': 'Knowledge base',
  'search.professionalsOnly': 'For professionals only',
};

export const searchMessages = { nl, en };
