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
  // Editing markdown pages and articles in the CMS (content.kind.tsx, issue 16).
  'content.edit.title': 'Titel',
  'content.edit.summary': 'Samenvatting',
  'content.edit.summaryHint': 'Eén of twee zinnen. Die staan onder de titel en in de lijst met pagina’s.',
  'content.edit.audience': 'Voor wie',
  'content.edit.topic': 'Onderwerp',
  'content.edit.sources': 'Bronnen',
  'content.edit.sourcesHint': 'Eén bron per regel: titel | uitgever | adres. Uitgever en adres mogen leeg blijven.',
  'content.edit.lastReviewed': 'Laatst gecontroleerd op',
  'content.edit.order': 'Volgorde in de lijst',
  'content.edit.orderHint': 'Een getal van 0 tot 10000. Lager staat hoger.',
  'content.edit.body': 'Tekst (markdown)',
  'content.edit.bodyHint':
    'Koppen met ## en ###, lijsten met -, links als [tekst](https://…). HTML wordt niet getoond. Tabellen: hoogstens 200 rijen en 12 kolommen.',
  'content.edit.yes': 'ja',
  'content.edit.no': 'nee',
  'content.edit.audience.parents': 'Ouders',
  'content.edit.audience.professionals': 'Professionals',
  'content.edit.audience.everyone': 'Iedereen',
  'content.edit.problem.frontMatter': 'De gegevens boven de tekst zijn niet te lezen: {message}',
  'content.edit.problem.field': '{field}: {message}',
  'content.edit.problem.key': 'De sleutel moet taal/naam zijn, zoals nl/veilig-gebruik (kleine letters, cijfers en streepjes).',
  'content.edit.problem.translation':
    'Een vertaling hoort bij de Nederlandse pagina met dezelfde naam, en heeft dezelfde bronnen en dezelfde datum van controle als die pagina. Er is niets gepubliceerd.',
  'content.edit.problem.slugInUse':
    'Deze naam is in deze taal al in gebruik bij een andere soort pagina. Er is niets gepubliceerd.',
  'content.edit.problem.tooLong': 'De tekst is {characters} tekens lang. Het maximum is 100.000.',
  'content.edit.problem.tableTooLarge':
    'Een tabel heeft {rows} rijen en {columns} kolommen. Het maximum is 200 rijen en 12 kolommen.',
  'content.edit.problem.linkScheme':
    'De link {href} kan niet. Gebruik https://, http://, mailto:, tel: of een adres op deze site (zoals /informatie/…).',
  'content.edit.problem.rawHtml': 'De tekst bevat HTML (de tag {tag}). HTML wordt niet getoond. Gebruik markdown.',
  'content.edit.problem.source': 'Bron op regel {line}: schrijf titel | uitgever | adres.',
  'content.edit.problem.number': 'De volgorde moet een heel getal zijn.',
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
  // Editing markdown pages and articles in the CMS (content.kind.tsx, issue 16).
  'content.edit.title': 'Title',
  'content.edit.summary': 'Summary',
  'content.edit.summaryHint': 'One or two sentences. They appear under the title and in the list of pages.',
  'content.edit.audience': 'For whom',
  'content.edit.topic': 'Topic',
  'content.edit.sources': 'Sources',
  'content.edit.sourcesHint': 'One source per line: title | publisher | address. Publisher and address may be left empty.',
  'content.edit.lastReviewed': 'Last reviewed on',
  'content.edit.order': 'Position in the list',
  'content.edit.orderHint': 'A number from 0 to 10000. Lower comes first.',
  'content.edit.body': 'Text (markdown)',
  'content.edit.bodyHint':
    'Headings with ## and ###, lists with -, links as [text](https://…). HTML is not shown. Tables: at most 200 rows and 12 columns.',
  'content.edit.yes': 'yes',
  'content.edit.no': 'no',
  'content.edit.audience.parents': 'Parents',
  'content.edit.audience.professionals': 'Professionals',
  'content.edit.audience.everyone': 'Everyone',
  'content.edit.problem.frontMatter': 'The details above the text cannot be read: {message}',
  'content.edit.problem.field': '{field}: {message}',
  'content.edit.problem.key': 'The key must be language/name, like nl/veilig-gebruik (lower-case letters, digits and dashes).',
  'content.edit.problem.translation':
    'A translation belongs to the Dutch page with the same name, and has the same sources and the same date of the last check as that page. Nothing was published.',
  'content.edit.problem.slugInUse':
    'This name is already used by another kind of page in this language. Nothing was published.',
  'content.edit.problem.tooLong': 'The text is {characters} characters long. The maximum is 100,000.',
  'content.edit.problem.tableTooLarge':
    'A table has {rows} rows and {columns} columns. The maximum is 200 rows and 12 columns.',
  'content.edit.problem.linkScheme':
    'The link {href} is not allowed. Use https://, http://, mailto:, tel: or an address on this site (like /informatie/…).',
  'content.edit.problem.rawHtml': 'The text contains HTML (the tag {tag}). HTML is not shown. Use markdown.',
  'content.edit.problem.source': 'Source on line {line}: write title | publisher | address.',
  'content.edit.problem.number': 'The position must be a whole number.',
};

export const contentMessages = { nl, en };
