import type { Translation } from '../../shared/i18n/messages.js';

/** Parents' survey at milestones (issue 18 point 2, ADR 0047). Merged in src/messages.ts. */
const nl = {
  'survey.offer.title': 'Wil je ons iets vertellen?',
  'survey.offer.text':
    'We willen weten of ouders zich geholpen voelen. Het zijn 4 korte vragen. Je antwoord is anoniem: we bewaren het zonder je naam of account.',
  'survey.offer.when': 'We vragen dit hoogstens één keer in de drie maanden.',
  'survey.offer.yes': 'Ja, 4 vragen',
  'survey.offer.no': 'Nee, dank je',
  'survey.page.title': 'Vier vragen over de hulp',
  'survey.page.intro':
    'Kies bij elke vraag een getal van 1 (helemaal niet) tot 5 (helemaal wel). Je mag een vraag overslaan.',
  'survey.page.anonymous':
    'We bewaren je antwoord zonder je naam of account, en alleen met de week waarin je antwoordde. Niemand kan zien dat dit jouw antwoord is. Ook de hulpverleners en de politie niet.',
  'survey.question.care': 'Hoe gesteund voelde je je door de hulpverlening?',
  'survey.question.police': 'Hoe gesteund voelde je je door de politie?',
  'survey.question.understood': 'Begreep je wat er gebeurde?',
  'survey.question.nextStep': 'Wist je wat je daarna kon doen?',
  'survey.scale.1': '1 – helemaal niet',
  'survey.scale.2': '2',
  'survey.scale.3': '3',
  'survey.scale.4': '4',
  'survey.scale.5': '5 – helemaal wel',
  'survey.scale.skip': 'Sla ik over',
  'survey.text.label': 'Wil je nog iets kwijt? (mag leeg blijven)',
  'survey.text.hint':
    'Hoogstens 1.000 tekens. Schrijf geen namen, adressen of telefoonnummers. Een redacteur leest je tekst eerst. Alleen als die hem goedkeurt, bewaren we hem. Anders gooien we hem weg.',
  'survey.submit': 'Versturen',
  'survey.cancel': 'Toch niet? Ga terug naar je account',
  'survey.thanks.title': 'Dank je wel',
  'survey.thanks.text': 'We vragen het je niet vaker dan één keer in de drie maanden.',
  'survey.thanks.helpNow': 'Heb je nu hulp nodig? Kijk bij Nu hulp',
  'survey.thanks.back': 'Terug naar je account',
  'survey.problem.score': 'Kies een getal van 1 tot 5, of “Sla ik over”.',
  'survey.problem.text': 'Schrijf je tekst in het vak en verstuur het formulier één keer.',
  'survey.problem.tooLong': 'Je tekst is te lang. Gebruik hoogstens 1.000 tekens. We halen zelf niets weg.',
  'survey.problem.control': 'Je tekst bevat tekens die we niet kunnen lezen. Typ hem opnieuw, zonder te kopiëren.',
  'survey.problem.markup': 'Schrijf gewone tekst, zonder HTML of code.',
  'survey.problem.contact':
    'Haal e-mailadressen, telefoonnummers en postcodes uit je tekst. Zo blijft je antwoord anoniem.',
  'survey.problem.nothing':
    'Je hebt niets ingevuld. Beantwoord minstens één vraag, of kies “Nee, dank je” als je niet wilt meedoen.',
  'survey.milestone.newTrack': 'zaak in een nieuwe fase',
  'survey.milestone.caseClosed': 'zaak afgesloten',
  'survey.milestone.journal': 'drie maanden logboek',
  'survey.admin.title': 'Teksten van ouders (vragenlijst)',
  'survey.admin.intro':
    'Ouders kunnen na de vier vragen iets opschrijven. Een tekst wordt alleen bewaard als een controleur of beheerder hem goedkeurt. Afgewezen teksten worden meteen verwijderd. Een tekst die niemand beoordeelt, wordt na 30 dagen verwijderd.',
  'survey.admin.check':
    'Keur een tekst alleen goed als niemand er een kind, gezin, hulpverlener of plaats in kan herkennen.',
  'survey.admin.pending': 'Nog te beoordelen ({count})',
  'survey.admin.pendingEmpty': 'Er wachten geen teksten.',
  'survey.admin.accepted': 'Goedgekeurd ({count})',
  'survey.admin.acceptedEmpty': 'Nog geen goedgekeurde teksten.',
  'survey.admin.meta': 'Week {week} · {milestone}',
  'survey.admin.accept': 'Goedkeuren',
  'survey.admin.reject': 'Afwijzen en verwijderen',
  'survey.admin.done.accepted': 'De tekst is goedgekeurd.',
  'survey.admin.done.rejected': 'De tekst is verwijderd.',
  'survey.admin.waiting':
    '{count, plural, =0 {Geen teksten van ouders (vragenlijst) wachten} one {1 tekst van een ouder (vragenlijst) wacht} other {# teksten van ouders (vragenlijst) wachten}}',
};

const en: Translation<typeof nl> = {
  'survey.offer.title': 'Would you tell us something?',
  'survey.offer.text':
    'We want to know whether parents feel helped. There are 4 short questions. Your answer is anonymous: we keep it without your name or account.',
  'survey.offer.when': 'We ask this at most once every three months.',
  'survey.offer.yes': 'Yes, 4 questions',
  'survey.offer.no': 'No, thank you',
  'survey.page.title': 'Four questions about the help',
  'survey.page.intro':
    'For each question choose a number from 1 (not at all) to 5 (completely). You may skip a question.',
  'survey.page.anonymous':
    'We keep your answer without your name or account, and only with the week you answered in. Nobody can see that this is your answer. Not the care workers or the police either.',
  'survey.question.care': 'How supported did you feel by the care workers?',
  'survey.question.police': 'How supported did you feel by the police?',
  'survey.question.understood': 'Did you understand what happened?',
  'survey.question.nextStep': 'Did you know what you could do next?',
  'survey.scale.1': '1 – not at all',
  'survey.scale.2': '2',
  'survey.scale.3': '3',
  'survey.scale.4': '4',
  'survey.scale.5': '5 – completely',
  'survey.scale.skip': 'I skip this one',
  'survey.text.label': 'Anything else you want to say? (may stay empty)',
  'survey.text.hint':
    'At most 1,000 characters. Write no names, addresses or phone numbers. An editor reads your text first. We keep it only if they approve it. Otherwise we throw it away.',
  'survey.submit': 'Send',
  'survey.cancel': 'Rather not? Back to your account',
  'survey.thanks.title': 'Thank you',
  'survey.thanks.text': 'We will not ask you more than once every three months.',
  'survey.thanks.helpNow': 'Do you need help now? See Help now',
  'survey.thanks.back': 'Back to your account',
  'survey.problem.score': 'Choose a number from 1 to 5, or “I skip this one”.',
  'survey.problem.text': 'Write your text in the box and send the form once.',
  'survey.problem.tooLong': 'Your text is too long. Use at most 1,000 characters. We do not cut anything ourselves.',
  'survey.problem.control': 'Your text contains characters we cannot read. Type it again, without copying.',
  'survey.problem.markup': 'Write plain text, without HTML or code.',
  'survey.problem.contact':
    'Take e-mail addresses, phone numbers and postcodes out of your text. That keeps your answer anonymous.',
  'survey.problem.nothing':
    'You did not fill in anything. Answer at least one question, or choose “No, thank you” if you do not want to take part.',
  'survey.milestone.newTrack': 'case in a new phase',
  'survey.milestone.caseClosed': 'case closed',
  'survey.milestone.journal': 'three months of journal',
  'survey.admin.title': "Parents' texts (survey)",
  'survey.admin.intro':
    'After the four questions parents may write something. A text is kept only when a reviewer or admin approves it. Rejected texts are deleted at once. A text nobody reviews is deleted after 30 days.',
  'survey.admin.check': 'Approve a text only when nobody can recognise a child, family, care worker or place in it.',
  'survey.admin.pending': 'Waiting for review ({count})',
  'survey.admin.pendingEmpty': 'No texts are waiting.',
  'survey.admin.accepted': 'Approved ({count})',
  'survey.admin.acceptedEmpty': 'No approved texts yet.',
  'survey.admin.meta': 'Week {week} · {milestone}',
  'survey.admin.accept': 'Approve',
  'survey.admin.reject': 'Reject and delete',
  'survey.admin.done.accepted': 'The text was approved.',
  'survey.admin.done.rejected': 'The text was deleted.',
  'survey.admin.waiting':
    '{count, plural, =0 {No parents’ texts (survey) wait} one {1 parent’s text (survey) waits} other {# parents’ texts (survey) wait}}',
};

export const surveyMessages = { nl, en };
