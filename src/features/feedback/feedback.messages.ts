import type { Translation } from '../../shared/i18n/messages.js';

/** Readers' texts under "what was missing?" and the editors' list (ADR 0038). Merged in src/messages.ts. */
const nl = {
  'feedback.form.title': 'Wat miste je?',
  'feedback.form.label': 'Wat miste je op deze pagina, of wat was niet duidelijk?',
  'feedback.form.hint': 'Hoogstens 1.000 tekens. Je hoeft dit niet in te vullen.',
  'feedback.form.warning':
    'Schrijf geen namen, adressen, telefoonnummers of iets anders waaraan iemand jouw kind of jullie gezin kan herkennen.',
  'feedback.form.whoReads':
    'Alleen de redactie leest wat je schrijft. Je krijgt geen antwoord. We gebruiken je tekst om de informatie beter te maken.',
  'feedback.form.helpNow': 'Heb je nu hulp nodig?',
  'feedback.form.helpNowLink': 'Kijk bij Nu hulp',
  'feedback.form.veiligThuis': 'of bel Veilig Thuis (gratis, dag en nacht):',
  'feedback.form.submit': 'Versturen',
  'feedback.form.back': 'Terug naar “{title}”',
  'feedback.sent.title': 'Dank je wel',
  'feedback.sent.text': 'De redactie leest je tekst. Je krijgt geen antwoord.',
  'feedback.text.invalid': 'Schrijf je tekst in het vak en verstuur het één keer.',
  'feedback.text.missing': 'Het vak is leeg. Schrijf wat je miste, of ga terug naar de pagina.',
  'feedback.text.tooLong': 'Je tekst is te lang. Gebruik hoogstens 1.000 tekens.',
  'feedback.text.control': 'Je tekst bevat tekens die we niet kunnen lezen. Typ hem opnieuw, zonder te kopiëren.',
  'feedback.text.markup': 'Schrijf gewone tekst, zonder HTML of code.',
  'feedback.text.contact': 'Haal e-mailadressen, telefoonnummers en postcodes uit je tekst.',
  'feedback.admin.title': 'Reacties van lezers',
  'feedback.admin.intro':
    'Per pagina: hoe vaak lezers zeiden dat ze er wel of niets aan hadden, en de teksten die de redactie heeft goedgekeurd.',
  'feedback.admin.retention':
    'Teksten die niemand beoordeelt, worden na 30 dagen verwijderd. Goedgekeurde teksten na 12 maanden.',
  'feedback.admin.queue.title': 'Nog te beoordelen ({count})',
  'feedback.admin.queue.hint':
    'Keur een tekst alleen goed als er niets in staat waaraan iemand een kind of gezin kan herkennen. Verwijder hem anders.',
  'feedback.admin.queue.empty': 'Er wachten geen teksten.',
  'feedback.admin.received': 'Ontvangen op {date, date, long}',
  'feedback.admin.accept': 'Goedkeuren',
  'feedback.admin.discard': 'Verwijderen',
  'feedback.admin.pages.title': 'Per pagina',
  'feedback.admin.pages.empty': 'Nog geen reacties.',
  'feedback.admin.pages.helpful': 'Wel iets aan: {count}',
  'feedback.admin.pages.notHelpful': 'Niets aan: {count}',
  'feedback.admin.pages.texts': 'Goedgekeurde teksten',
  'feedback.admin.pages.unknown': 'Pagina bestaat niet meer',
  'feedback.admin.accepted': 'De tekst is goedgekeurd.',
  'feedback.admin.discarded': 'De tekst is verwijderd.',
} as const;

const en: Translation<typeof nl> = {
  'feedback.form.title': 'What was missing?',
  'feedback.form.label': 'What was missing on this page, or what was unclear?',
  'feedback.form.hint': 'At most 1,000 characters. You do not have to fill this in.',
  'feedback.form.warning':
    'Do not write names, addresses, phone numbers or anything else that could let someone recognise your child or your family.',
  'feedback.form.whoReads':
    'Only the editors read what you write. You will not get an answer. We use your text to improve the information.',
  'feedback.form.helpNow': 'Do you need help now?',
  'feedback.form.helpNowLink': 'See Help now',
  'feedback.form.veiligThuis': 'or call Veilig Thuis (free, day and night):',
  'feedback.form.submit': 'Send',
  'feedback.form.back': 'Back to “{title}”',
  'feedback.sent.title': 'Thank you',
  'feedback.sent.text': 'The editors will read your text. You will not get an answer.',
  'feedback.text.invalid': 'Write your text in the box and send it once.',
  'feedback.text.missing': 'The box is empty. Write what you missed, or go back to the page.',
  'feedback.text.tooLong': 'Your text is too long. Use at most 1,000 characters.',
  'feedback.text.control': 'Your text contains characters we cannot read. Type it again, without copying.',
  'feedback.text.markup': 'Write plain text, without HTML or code.',
  'feedback.text.contact': 'Remove e-mail addresses, phone numbers and postcodes from your text.',
  'feedback.admin.title': 'Readers’ feedback',
  'feedback.admin.intro':
    'Per page: how often readers said it was useful or not, and the texts the editors have accepted.',
  'feedback.admin.retention': 'Texts nobody reviews are deleted after 30 days. Accepted texts after 12 months.',
  'feedback.admin.queue.title': 'Waiting for review ({count})',
  'feedback.admin.queue.hint':
    'Accept a text only if nothing in it could let someone recognise a child or a family. Otherwise delete it.',
  'feedback.admin.queue.empty': 'No texts are waiting.',
  'feedback.admin.received': 'Received on {date, date, long}',
  'feedback.admin.accept': 'Accept',
  'feedback.admin.discard': 'Delete',
  'feedback.admin.pages.title': 'Per page',
  'feedback.admin.pages.empty': 'No feedback yet.',
  'feedback.admin.pages.helpful': 'Useful: {count}',
  'feedback.admin.pages.notHelpful': 'Not useful: {count}',
  'feedback.admin.pages.texts': 'Accepted texts',
  'feedback.admin.pages.unknown': 'Page no longer exists',
  'feedback.admin.accepted': 'The text has been accepted.',
  'feedback.admin.discarded': 'The text has been deleted.',
};

export const feedbackMessages = { nl, en };
