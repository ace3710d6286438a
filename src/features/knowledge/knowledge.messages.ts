import type { Translation } from '../../shared/i18n/messages.js';

/** The knowledge base's messages (index, filters, articles, the articles about de lijn). See src/messages.ts. */
const nl = {
  'knowledge.index.title': 'Kennisbank voor professionals',
  'knowledge.index.intro':
    'Kennis over seksuele uitbuiting van kinderen voor zorg, politie, school en huisarts: hoe de lijn werkt, de meldcode, signalen en samenwerken met ouders.',
  'knowledge.index.count': '{count, plural, =0 {Geen artikelen gevonden} one {# artikel} other {# artikelen}}',
  'knowledge.index.none': 'Er zijn geen artikelen met deze keuze. Kies een andere doelgroep of een ander onderwerp.',
  'knowledge.index.professionalsNote':
    'Sommige artikelen zijn alleen te lezen voor professionals die zijn ingelogd met een geactiveerd account.',
  'knowledge.filter.legend': 'Artikelen kiezen',
  'knowledge.filter.audience': 'Doelgroep',
  'knowledge.filter.topic': 'Onderwerp',
  'knowledge.filter.all': 'Alle',
  'knowledge.filter.submit': 'Toon artikelen',
  'knowledge.filter.reset': 'Alle artikelen',
  'knowledge.filter.badAudience':
    'Deze doelgroep kennen we niet. Kies er een uit de lijst. We tonen nu alle doelgroepen.',
  'knowledge.filter.badTopic': 'Dit onderwerp kennen we niet. Kies er een uit de lijst. We tonen nu alle onderwerpen.',
  'knowledge.audience.care': 'Zorg en hulpverlening',
  'knowledge.audience.police': 'Politie',
  'knowledge.audience.school': 'School',
  'knowledge.audience.gp': 'Huisarts',
  'knowledge.topic.de-lijn': 'De lijn',
  'knowledge.topic.meldcode': 'Meldcode',
  'knowledge.topic.signalen': 'Signalen',
  'knowledge.topic.ouders': 'Samenwerken met ouders',
  'knowledge.topic.jongeren': 'Praten met jongeren',
  'knowledge.topic.organisaties': 'Organisaties: wie doet wat',
  'knowledge.topic.onderzoek': 'Onderzoek',
  'knowledge.article.for': 'Voor:',
  'knowledge.article.topic': 'Onderwerp:',
  'knowledge.article.professionalsOnly': 'Alleen voor professionals',
  'knowledge.article.reviewed': 'Laatst gecontroleerd op {date, date, long} door {who}',
  'knowledge.article.notTranslated': 'Dit artikel is nog niet in het Engels geschreven. Je leest de Nederlandse tekst.',
  'knowledge.article.inDutch': '(in het Nederlands)',
  'knowledge.article.sources': 'Bronnen',
  'knowledge.article.print': 'Afdrukken',
  'knowledge.article.onThisPage': 'Op deze pagina',
  'knowledge.article.back': 'Terug naar de kennisbank',
  'knowledge.lijn.title': 'De lijn: alle sporen op een rij',
  'knowledge.lijn.summary':
    'Hoe zorg, Veilig Thuis, politie, justitie en jeugdbescherming samen optrekken rond een kind dat mogelijk wordt uitgebuit: elk spoor met zijn stappen.',
  'knowledge.lijn.intro':
    'De lijn bestaat uit sporen die naast elkaar kunnen lopen. Een stap zegt wat er gebeurt, wie het meestal doet en wat ouders mogen verwachten. Deze tekst komt uit dezelfde gegevens als de uitleg voor ouders en de stappen in een samenwerking.',
  'knowledge.lijn.forParents': 'De uitleg voor ouders staat op',
  'knowledge.lijn.forParentsLink': 'Samenwerken rond je kind: zo werkt het',
  'knowledge.lijn.trackLink': 'Lees het spoor {track}',
  'knowledge.lijn.steps': 'Stappen',
  'knowledge.lijn.reviewedBy':
    'Redactie Niet mijn kind, uit de gegevens van de lijn (versie {version}); niet getoetst door een vakorganisatie',
  'knowledge.track.title': 'De lijn: {track}',
  'knowledge.track.intro':
    'Dit spoor is een deel van de lijn. Per stap: wat er gebeurt, wie het doet, wat ouders kunnen verwachten en wat ze kunnen vragen. Zo kun je ouders vertellen wat er komt.',
  'knowledge.track.overview': 'Alle sporen van de lijn',
  'knowledge.step.who': 'Wie doet dit meestal:',
  'knowledge.step.others': 'Verder:',
  'knowledge.step.expect': 'Wat ouders kunnen verwachten',
  'knowledge.step.ask': 'Wat ouders kunnen vragen',
  'knowledge.step.next': 'Daarna kan komen',
  'knowledge.step.canEnd': 'Het spoor kan na deze stap klaar zijn.',
  'knowledge.track.readMore': 'Informatie voor ouders',
  'knowledge.edit.reviewedBy': 'Gecontroleerd door',
  'knowledge.edit.reviewedByHint':
    'Wie de tekst heeft gecontroleerd, eerlijk. Bijvoorbeeld: Redactie Niet mijn kind; nog niet getoetst door een vakorganisatie.',
  'knowledge.edit.professionalsOnly': 'Alleen voor professionals',
  'knowledge.edit.professionalsOnlyHint':
    'Alleen ingelogde professionals met een geactiveerd account zien dit artikel. Voor anderen bestaat het niet.',
  'knowledge.edit.problem.reservedSlug':
    'Het adres {slug} is voor de artikelen die uit de gegevens van de lijn komen. Kies een ander adres.',
} as const;

const en: Translation<typeof nl> = {
  'knowledge.index.title': 'Knowledge base for professionals',
  'knowledge.index.intro':
    'Knowledge about the sexual exploitation of children for care, police, school and GP: how de lijn works, the reporting code, signals and working with parents.',
  'knowledge.index.count': '{count, plural, =0 {No articles found} one {# article} other {# articles}}',
  'knowledge.index.none': 'There are no articles for this choice. Choose another audience or another topic.',
  'knowledge.index.professionalsNote':
    'Some articles can only be read by professionals who are signed in with an activated account.',
  'knowledge.filter.legend': 'Choose articles',
  'knowledge.filter.audience': 'Audience',
  'knowledge.filter.topic': 'Topic',
  'knowledge.filter.all': 'All',
  'knowledge.filter.submit': 'Show articles',
  'knowledge.filter.reset': 'All articles',
  'knowledge.filter.badAudience':
    'We do not know this audience. Choose one from the list. All audiences are shown now.',
  'knowledge.filter.badTopic': 'We do not know this topic. Choose one from the list. All topics are shown now.',
  'knowledge.audience.care': 'Care and social work',
  'knowledge.audience.police': 'Police',
  'knowledge.audience.school': 'School',
  'knowledge.audience.gp': 'GP',
  'knowledge.topic.de-lijn': 'De lijn',
  'knowledge.topic.meldcode': 'Reporting code (meldcode)',
  'knowledge.topic.signalen': 'Signals',
  'knowledge.topic.ouders': 'Working with parents',
  'knowledge.topic.jongeren': 'Talking with young people',
  'knowledge.topic.organisaties': 'Organisations: who does what',
  'knowledge.topic.onderzoek': 'Research',
  'knowledge.article.for': 'For:',
  'knowledge.article.topic': 'Topic:',
  'knowledge.article.professionalsOnly': 'Professionals only',
  'knowledge.article.reviewed': 'Last reviewed on {date, date, long} by {who}',
  'knowledge.article.notTranslated':
    'This article has not been written in English yet. You are reading the Dutch text.',
  'knowledge.article.inDutch': '(in Dutch)',
  'knowledge.article.sources': 'Sources',
  'knowledge.article.print': 'Print',
  'knowledge.article.onThisPage': 'On this page',
  'knowledge.article.back': 'Back to the knowledge base',
  'knowledge.lijn.title': 'De lijn: all tracks at a glance',
  'knowledge.lijn.summary':
    'How care, Veilig Thuis, police, justice and child protection work together around a child who may be exploited: each track with its steps.',
  'knowledge.lijn.intro':
    'De lijn is made of tracks that can run side by side. A step says what happens, who usually does it and what parents can expect. This text comes from the same data as the explanation for parents and the steps in a case.',
  'knowledge.lijn.forParents': 'The explanation for parents is at',
  'knowledge.lijn.forParentsLink': 'Working together around your child: how it works',
  'knowledge.lijn.trackLink': 'Read the track {track}',
  'knowledge.lijn.steps': 'Steps',
  'knowledge.lijn.reviewedBy':
    'The Niet mijn kind editors, from the data of de lijn (version {version}); not reviewed by a professional body',
  'knowledge.track.title': 'De lijn: {track}',
  'knowledge.track.intro':
    'This track is part of de lijn. For each step: what happens, who does it, what parents can expect and what they can ask. So you can tell parents what is coming.',
  'knowledge.track.overview': 'All tracks of de lijn',
  'knowledge.step.who': 'Who usually does this:',
  'knowledge.step.others': 'Also:',
  'knowledge.step.expect': 'What parents can expect',
  'knowledge.step.ask': 'What parents can ask',
  'knowledge.step.next': 'What can come next',
  'knowledge.step.canEnd': 'The track can be finished after this step.',
  'knowledge.track.readMore': 'Information for parents',
  'knowledge.edit.reviewedBy': 'Reviewed by',
  'knowledge.edit.reviewedByHint':
    'Who checked the text, honestly. For example: Redactie Niet mijn kind; nog niet getoetst door een vakorganisatie.',
  'knowledge.edit.professionalsOnly': 'Professionals only',
  'knowledge.edit.professionalsOnlyHint':
    'Only signed-in professionals with an activated account see this article. For others it does not exist.',
  'knowledge.edit.problem.reservedSlug':
    'The address {slug} belongs to the articles drawn from the data of de lijn. Choose another address.',
};

export const knowledgeMessages = { nl, en };
