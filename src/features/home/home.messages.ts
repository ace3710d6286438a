import type { Translation } from '../../shared/i18n/messages.js';

/** The home page's messages. Merged into the one catalogue in src/messages.ts. */
const nl = {
  'home.title': 'Zorgen over je kind?',
  'home.intro':
    'Is je kind veranderd? Heeft ze ineens nieuwe spullen, een oudere "vriend", of is ze soms nachten weg? Je onderbuikgevoel is belangrijk. Hier lees je wat er aan de hand kan zijn en wat je kunt doen.',
  'home.worried.title': 'Ik maak me zorgen',
  'home.worried.text': 'Lees wat seksuele uitbuiting is, hoe daders werken en wat je nu kunt doen.',
  'home.worried.link': 'Naar de informatie',
  'home.help.title': 'Ik zoek hulp',
  'home.help.text':
    'Bel Veilig Thuis voor advies. Dat is gratis en kan dag en nacht. Je mag ook eerst alleen om advies vragen.',
  'home.help.call': 'Bel Veilig Thuis: {number}',
  'home.help.danger': 'Is je kind in gevaar of nu vermist? Bel',
  'home.professional.title': 'Ik ben professional',
  'home.professional.text':
    'Werk je in de zorg, bij de politie, op school of als huisarts? Lees voor wie deze site is en hoe je ouders kunt helpen.',
  'home.professional.link': 'Over deze site',
  'home.safe.title': 'Veilig deze site gebruiken',
  'home.safe.text':
    'Deel je een telefoon of computer met anderen? Gebruik de knop "Snel weg" bovenaan. Lees hoe je je bezoek verborgen houdt.',
  'home.safe.link': 'Veilig gebruik',

  'home.now.link': 'Wat moet ik nu doen?',
  'home.now.text': 'Is je kind vermist, in gevaar of net terug? Lees wat je nu meteen kunt doen.',
  'home.check.title': 'Check je zorgen',
  'home.check.text':
    'Een paar vragen helpen je om je zorgen op een rij te zetten. Je krijgt advies over de volgende stap. Er wordt niets bewaard.',
  'home.check.link': 'Begin de check',
} as const;

const en: Translation<typeof nl> = {
  'home.title': 'Worried about your child?',
  'home.intro':
    'Has your child changed? Does she suddenly have new things, an older "friend", or is she away some nights? Your gut feeling matters. Here you can read what may be going on and what you can do.',
  'home.worried.title': 'I am worried',
  'home.worried.text': 'Read what sexual exploitation is, how exploiters work and what you can do now.',
  'home.worried.link': 'Go to the information',
  'home.help.title': 'I am looking for help',
  'home.help.text':
    'Call Veilig Thuis for advice. It is free and open day and night. You can ask for advice only, without reporting.',
  'home.help.call': 'Call Veilig Thuis: {number}',
  'home.help.danger': 'Is your child in danger or missing right now? Call',
  'home.professional.title': 'I am a professional',
  'home.professional.text':
    'Do you work in care, for the police, at a school or as a GP? Read who this site is for and how you can help parents.',
  'home.professional.link': 'About this site',
  'home.safe.title': 'Using this site safely',
  'home.safe.text':
    'Do you share a phone or computer with others? Use the "Quick exit" button at the top. Read how to keep your visit private.',
  'home.safe.link': 'Using this site safely',

  'home.now.link': 'What should I do now?',
  'home.now.text': 'Is your child missing, in danger or just back? Read what you can do straight away.',
  'home.check.title': 'Check your worries',
  'home.check.text':
    'A few questions help you put your worries in order. You get advice on the next step. Nothing is stored.',
  'home.check.link': 'Start the check',
};

export const homeMessages = { nl, en };
