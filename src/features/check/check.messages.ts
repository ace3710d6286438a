import type { Translation } from '../../shared/i18n/messages.js';

/** The check's messages (/check: questions, outcome). Merged into the one catalogue in src/messages.ts. */
const nl = {
  'check.submit': 'Bekijk het advies',
  'check.required': 'Beantwoord alle vragen. Weet je iets niet? Kies dan "Weet ik niet".',
  'check.notStored': 'Je antwoorden worden niet bewaard en niet doorgestuurd.',
  'check.acuteHint': 'Gevaar? Wacht niet op deze vragen. Bel',
  'check.errorSummary.title': 'Er ontbreken antwoorden',
  'check.errorSummary.missing': '{count, plural, one {Er ontbreekt # antwoord.} other {Er ontbreken # antwoorden.}}',
  'check.missingAnswer': 'Kies een antwoord.',
  'check.rejected.title': 'Dit formulier klopt niet',
  'check.rejected.version':
    'De vragenlijst is intussen veranderd of bestaat niet meer. Begin opnieuw; het duurt maar een paar minuten.',
  'check.rejected.form': 'We konden je antwoorden niet lezen. Begin opnieuw met de vragenlijst.',
  'check.rejected.startAgain': 'Opnieuw beginnen',
  'check.outcome.pageTitle': 'Advies',
  'check.outcome.yourAdvice': 'Ons advies',
  'check.outcome.whyTitle': 'Waarom dit advies?',
  'check.outcome.weighedIntro': 'Deze antwoorden wogen mee:',
  'check.outcome.noneWeighed': 'Je gaf geen antwoorden die op signalen wijzen.',
  'check.outcome.notesTitle': 'Goed om te weten',
  'check.outcome.today': 'Wat je vandaag kunt doen',
  'check.outcome.thisWeek': 'Wat je deze week kunt doen',
  'check.outcome.dont': 'Wat je beter niet doet',
  'check.outcome.contact': 'Contact houden met je kind',
  'check.outcome.services': 'Wie kun je bellen?',
  'check.outcome.worryEnough':
    'Een zorg is genoeg om Veilig Thuis (0800-2000) te bellen voor advies. Je hoeft niets te bewijzen. En weinig signalen betekent niet dat er niets aan de hand is: uitbuiters werken soms snel en online.',
  'check.outcome.notDiagnosis':
    'Dit advies is geen diagnose en geen oordeel over je kind. Het helpt je bij de volgende stap.',
  'check.outcome.assaultTitle': 'Seksueel misbruik in de afgelopen 7 dagen',
  'check.outcome.print': 'Print dit advies',
  'check.outcome.notStored': 'Je antwoorden zijn niet bewaard. Wil je dit advies houden? Print het of schrijf het op.',
  'check.outcome.startAgain': 'De vragen opnieuw invullen',
  'check.outcome.readSignals': 'Lees meer over de signalen',
  'check.outcome.readWhatToDo': 'Lees wat je kunt doen, en wat beter niet',
  'check.outcome.yourAnswer': 'Jouw antwoord: {answer}',
  'check.notValidated':
    'Let op: deze vragen zijn niet getest of wetenschappelijk onderzocht. Ze geven geen zekerheid. Ze helpen je alleen om een volgende stap te kiezen.',
  'check.outcome.notValidated':
    'Dit advies komt uit vragen die niet getest of wetenschappelijk onderzocht zijn. Het is alleen een hulp om een volgende stap te kiezen. Twijfel je? Bel Veilig Thuis (0800-2000) voor advies.',
  'check.outcome.doNow': 'Doe dit nu',
  'check.outcome.sourcesTitle': 'Bronnen van dit advies',
  'check.outcome.callFirst': 'Bel eerst',
  'check.outcome.alsoTitle': 'Je gaf ook aan:',
  'check.outcome.nextTitle': 'Wat je daarna kunt doen',
  'check.outcome.readFamilySafety': 'Lees wat je doet als jij of je gezin bedreigd wordt',
} as const;

const en: Translation<typeof nl> = {
  'check.submit': 'See the advice',
  'check.required': 'Please answer every question. Not sure? Choose "Not sure".',
  'check.notStored': 'Your answers are not stored and not passed on.',
  'check.acuteHint': 'Danger? Do not wait for these questions. Call',
  'check.errorSummary.title': 'Some answers are missing',
  'check.errorSummary.missing': '{count, plural, one {# answer is missing.} other {# answers are missing.}}',
  'check.missingAnswer': 'Choose an answer.',
  'check.rejected.title': 'This form is not valid',
  'check.rejected.version':
    'The questionnaire has changed or no longer exists. Please start again; it only takes a few minutes.',
  'check.rejected.form': 'We could not read your answers. Please start the questionnaire again.',
  'check.rejected.startAgain': 'Start again',
  'check.outcome.pageTitle': 'Advice',
  'check.outcome.yourAdvice': 'Our advice',
  'check.outcome.whyTitle': 'Why this advice?',
  'check.outcome.weighedIntro': 'These answers weighed in:',
  'check.outcome.noneWeighed': 'You gave no answers that point to signals.',
  'check.outcome.notesTitle': 'Good to know',
  'check.outcome.today': 'What you can do today',
  'check.outcome.thisWeek': 'What you can do this week',
  'check.outcome.dont': 'What you had better not do',
  'check.outcome.contact': 'Staying in contact with your child',
  'check.outcome.services': 'Who can you call?',
  'check.outcome.worryEnough':
    'A worry is enough to call Veilig Thuis (0800-2000) for advice. You do not need proof. And few signals do not mean nothing is wrong: exploiters sometimes work fast and online.',
  'check.outcome.notDiagnosis':
    'This advice is not a diagnosis and not a judgement about your child. It helps you with the next step.',
  'check.outcome.assaultTitle': 'Sexual abuse in the last 7 days',
  'check.outcome.print': 'Print this advice',
  'check.outcome.notStored': 'Your answers were not stored. Want to keep this advice? Print it or write it down.',
  'check.outcome.startAgain': 'Answer the questions again',
  'check.outcome.readSignals': 'Read more about the signals',
  'check.outcome.readWhatToDo': 'Read what you can do, and what not to do',
  'check.outcome.yourAnswer': 'Your answer: {answer}',
  'check.notValidated':
    'Please note: these questions have not been tested or scientifically validated. They give no certainty. They only help you choose a next step.',
  'check.outcome.notValidated':
    'This advice comes from questions that have not been tested or scientifically validated. It is only a help to choose a next step. In doubt? Call Veilig Thuis (0800-2000) for advice.',
  'check.outcome.doNow': 'Do this now',
  'check.outcome.sourcesTitle': 'Sources of this advice',
  'check.outcome.callFirst': 'Call first',
  'check.outcome.alsoTitle': 'You also said:',
  'check.outcome.nextTitle': 'What you can do next',
  'check.outcome.readFamilySafety': 'Read what to do if you or your family are threatened',
};

export const checkMessages = { nl, en };
