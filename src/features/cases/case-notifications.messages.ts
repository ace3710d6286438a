import type { Translation } from '../../shared/i18n/messages.js';

/** Notifications of a case: the per-member choice on the case page (ADR 0028). Merged in src/messages.ts. */
const nl = {
  'caseNotifications.heading': 'E-mail over nieuws',
  'caseNotifications.lead':
    'Is er iets nieuws voor jou in deze samenwerking? Dan kun je een e-mail krijgen. In die e-mail staat alleen dat er iets nieuws is. Er staat niet in wat het is of over wie het gaat, en er staat geen link in.',
  'caseNotifications.legend': 'Hoe vaak wil je een e-mail?',
  'caseNotifications.now': 'Meteen',
  'caseNotifications.daily': 'Eén keer per dag',
  'caseNotifications.never': 'Nooit',
  'caseNotifications.noAddress':
    'Je hebt geen e-mailadres voor berichten opgegeven. Zonder adres krijg je geen e-mail. Je kunt een adres opgeven op de pagina van je account.',
  'caseNotifications.submit': 'Opslaan',
  'caseNotifications.saved': 'Je keuze voor e-mail is opgeslagen.',
  'caseNotifications.problem.choose': 'Kies meteen, één keer per dag of nooit.',
  'caseNotifications.page.title': 'E-mail over nieuws',
  'caseNotifications.back': 'Terug naar de samenwerking',
  'caseItems.event.agreementDue': 'Een afspraak moet vandaag af zijn of is te laat',
};

const en: Translation<typeof nl> = {
  'caseNotifications.heading': 'E-mail about news',
  'caseNotifications.lead':
    'Is there something new for you in this case? Then you can get an e-mail. It only says that there is something new. It does not say what it is or who it is about, and it has no link.',
  'caseNotifications.legend': 'How often do you want an e-mail?',
  'caseNotifications.now': 'At once',
  'caseNotifications.daily': 'Once a day',
  'caseNotifications.never': 'Never',
  'caseNotifications.noAddress':
    'You have not given an e-mail address for messages. Without an address you get no e-mail. You can add one on your account page.',
  'caseNotifications.submit': 'Save',
  'caseNotifications.saved': 'Your choice for e-mail has been saved.',
  'caseNotifications.problem.choose': 'Choose at once, once a day or never.',
  'caseNotifications.page.title': 'E-mail about news',
  'caseNotifications.back': 'Back to the case',
  'caseItems.event.agreementDue': 'An agreement is due today or late',
};

export const caseNotificationsMessages = { nl, en };
