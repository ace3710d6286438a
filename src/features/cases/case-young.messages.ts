import type { Translation } from '../../shared/i18n/messages.js';

/** The child's own voice (ADR 0030): inviting a young person, their sign-up, home, channel and consent. */
const nl = {
  'cases.role.young': 'Jongere',
  'caseShares.role.young': 'Jongere',
  'pathway.role.young': 'jongere',
  // Refusals
  'caseYoung.problem.refused':
    'Dit kan nu niet. De jongere heeft hier geen toestemming voor gegeven. Praat erover met de hulpverlener die contact heeft met de jongere.',
  'caseYoung.problem.refusedNeutral':
    'Dit kan nu niet, want er is geen toestemming voor. Vraag de hulpverlener van deze samenwerking wat je kunt doen.',
  'caseYoung.problem.forbidden':
    'Alleen een hulpverlener in deze samenwerking kan een jongere uitnodigen. Ouders kunnen dat niet.',
  'caseYoung.problem.code-unknown': 'Deze code kennen we niet. Kijk of je hem goed hebt overgetypt.',
  'caseYoung.problem.code-used': 'Deze code is al gebruikt. Vraag je hulpverlener om een nieuwe code.',
  'caseYoung.problem.code-expired': 'Deze code is verlopen. Vraag je hulpverlener om een nieuwe code.',
  'caseYoung.problem.code-withdrawn': 'Deze code werkt niet meer. Vraag je hulpverlener om een nieuwe code.',
  'caseYoung.problem.key-changed':
    'De sleutels van de jongere zijn veranderd. Vergelijk het nieuwe veiligheidsnummer en bevestig opnieuw.',
  'caseYoung.problem.not-now': 'Dat kan nu niet. Laad de pagina opnieuw.',
  'caseYoung.problem.throttled': 'Te veel pogingen. Wacht even en probeer het dan opnieuw.',
  // Forms
  'caseYoung.form.month': 'Kies de maand waarin de jongere geboren is.',
  'caseYoung.form.year': 'Vul het geboortejaar in met vier cijfers, bijvoorbeeld 2012.',
  'caseYoung.form.tooYoung': 'Een kind kan pas vanaf 12 jaar een eigen account krijgen. Dit kind is jonger dan 12.',
  'caseYoung.form.tooOld': 'Vanaf 18 jaar is iemand volwassen. Nodig hem of haar uit zoals andere leden.',
  'caseYoung.form.flow': 'Kies waar je antwoord over gaat.',
  'caseYoung.form.answer': 'Kies ja of nee.',
  'caseYoung.form.keyChanged': 'Het veiligheidsnummer is veranderd. Laad de pagina opnieuw en vergelijk opnieuw.',
  // Case page section (the inviting professional only)
  'caseYoung.section.title': 'Jongere',
  'caseYoung.section.intro':
    'Een kind vanaf 12 jaar kan een eigen, besloten kanaal met jou krijgen. Alleen jij en de jongere lezen het. Ouders en andere leden zien niets van de jongere.',
  'caseYoung.section.invite': 'Een jongere uitnodigen',
  'caseYoung.section.none': 'Je hebt nog geen jongere uitgenodigd.',
  'caseYoung.section.state.invited': 'Uitgenodigd, de code is nog niet gebruikt',
  'caseYoung.section.state.accepted': 'Wacht op jouw bevestiging',
  'caseYoung.section.state.active': 'Kanaal open',
  'caseYoung.section.open': 'Naar het kanaal',
  'caseYoung.section.confirm': 'Veiligheidsnummer vergelijken en bevestigen',
  'caseYoung.section.withdraw': 'Uitnodiging intrekken',
  'caseYoung.section.close': 'Kanaal sluiten',
  'caseYoung.section.item': 'Jongere: {state}',
  // Invitation
  'caseYoung.invite.title': 'Een jongere uitnodigen',
  'caseYoung.invite.intro':
    'De jongere krijgt een code waarmee hij of zij een eigen account maakt. Daarna praat de jongere alleen met jou, in een besloten kanaal. Ouders zien hier niets van.',
  'caseYoung.invite.birth': 'Geboortemaand en -jaar van de jongere',
  'caseYoung.invite.birthHint':
    'Alleen maand en jaar. We hebben dit nodig voor de regels: vanaf 12 jaar een account, vanaf 16 jaar vragen we de jongere zelf om toestemming.',
  'caseYoung.invite.month': 'Maand',
  'caseYoung.invite.year': 'Jaar',
  'caseYoung.invite.submit': 'Code maken',
  'caseYoung.invite.back': 'Terug naar de samenwerking',
  'caseYoung.code.title': 'De code voor de jongere',
  'caseYoung.code.intro':
    'Geef deze code persoonlijk aan de jongere. Stuur hem niet per mail of app. De code werkt één keer en tot {expires, date, long} {expires, time, short}.',
  'caseYoung.code.where': 'De jongere gaat naar deze pagina en typt de code over:',
  'caseYoung.code.once': 'Je ziet deze code maar één keer.',
  // Sign-up
  'caseYoung.join.title': 'Meedoen als jongere',
  'caseYoung.join.intro':
    'Heb je een code gekregen van je hulpverlener? Dan maak je hier je eigen account. Alleen jij en je hulpverlener lezen wat je schrijft. Je ouders zien het niet.',
  'caseYoung.join.code': 'Je code',
  'caseYoung.join.codeHint': 'Zestien tekens. De streepjes mag je weglaten.',
  'caseYoung.join.username': 'Kies een gebruikersnaam',
  'caseYoung.join.usernameHint': 'Niet je echte naam. Bedenk iets wat niemand aan jou kan koppelen.',
  'caseYoung.join.passphrase': 'Kies een wachtwoordzin',
  'caseYoung.join.passphraseHint': 'Minstens vier woorden die je kunt onthouden, maar die een ander niet raadt.',
  'caseYoung.join.repeat': 'Typ je wachtwoordzin nog een keer',
  'caseYoung.join.submit': 'Account maken',
  'caseYoung.join.explain': 'Wat gebeurt er allemaal? Lees het uitgelegd voor jongeren',
  // Home
  'caseYoung.home.title': 'Jouw kanaal',
  'caseYoung.home.intro':
    'Hier praat je met je hulpverlener. Alleen jullie twee lezen het. Je ouders en anderen zien het niet.',
  'caseYoung.home.none': 'Je doet nog nergens aan mee.',
  'caseYoung.home.waiting': 'Wacht tot je hulpverlener ({role}) je bevestigt',
  'caseYoung.home.active': 'Kanaal met je hulpverlener ({role})',
  'caseYoung.home.org': '{role}, {organisation}',
  // Channel
  'caseYoung.channel.title': 'Besloten kanaal',
  'caseYoung.channel.withProfessional':
    'Dit is jouw kanaal met je hulpverlener ({role}). Alleen jullie twee lezen dit.',
  'caseYoung.channel.withYoung':
    'Dit kanaal is alleen van jou en de jongere. Ouders en andere leden van de samenwerking zien het niet.',
  'caseYoung.channel.empty': 'Er zijn nog geen berichten.',
  'caseYoung.channel.unreadable': 'Dit bericht kun je niet meer lezen.',
  'caseYoung.channel.me': 'Jij',
  'caseYoung.channel.young': 'Jongere',
  'caseYoung.channel.message': 'Je bericht',
  'caseYoung.channel.messageHint': 'Hoogstens 2000 tekens.',
  'caseYoung.channel.send': 'Versturen',
  'caseYoung.channel.closed': 'Deze samenwerking is afgesloten. Je kunt de berichten nog lezen.',
  'caseYoung.channel.keyMissing':
    'Het kanaal is nog niet klaar. Je hulpverlener moet het eerst openen. Kijk straks nog eens.',
  'caseYoung.channel.back': 'Terug naar de samenwerking',
  'caseYoung.channel.home': 'Terug naar je overzicht',
  'caseYoung.channel.posted': 'Je bericht is verstuurd.',
  'caseYoung.pathway.title': 'Waar staat het nu?',
  'caseYoung.pathway.intro':
    'Zo ver zijn de volwassenen met de stappen. Vraag je hulpverlener als iets niet duidelijk is.',
  // Waiting
  'caseYoung.waiting.title': 'Even wachten',
  'caseYoung.waiting.young':
    'Je hulpverlener ({role}) moet je nog bevestigen. Vergelijk samen, als jullie elkaar zien, dit veiligheidsnummer. Het moet bij jullie allebei hetzelfde zijn.',
  'caseYoung.waiting.professional':
    'De jongere heeft de code gebruikt. Vergelijk dit veiligheidsnummer persoonlijk met het nummer op het scherm van de jongere. Zijn ze gelijk? Bevestig dan.',
  'caseYoung.waiting.number': 'Veiligheidsnummer',
  'caseYoung.waiting.noNumber': 'Het veiligheidsnummer is er nog niet. Kijk straks nog eens.',
  'caseYoung.waiting.confirm': 'Ze zijn gelijk: bevestigen',
  // Consent (16+)
  'caseYoung.consent.title': 'Toestemming',
  'caseYoung.consent.intro':
    'Je bent 16 of ouder. Daarom vragen we jou zelf of informatie over jou gedeeld mag worden. Je mag nee zeggen. Je kunt je antwoord later veranderen.',
  'caseYoung.consent.flow.share-entries':
    'Mogen notities die je ouder bijhoudt over jou gedeeld worden met de hulpverleners?',
  'caseYoung.consent.flow.add-member': 'Mogen er nieuwe mensen bij de samenwerking komen?',
  'caseYoung.consent.flow.export': 'Mogen hulpverleners of politie een overzicht van de samenwerking maken?',
  'caseYoung.consent.answer.given': 'Jouw antwoord nu: ja',
  'caseYoung.consent.answer.refused': 'Jouw antwoord nu: nee',
  'caseYoung.consent.answer.none': 'Je hebt nog niet geantwoord.',
  'caseYoung.consent.yes': 'Ja, dat mag',
  'caseYoung.consent.no': 'Nee, dat wil ik niet',
  'caseYoung.consent.saved': 'Je antwoord is bewaard.',
};

const en: Translation<typeof nl> = {
  'cases.role.young': 'Young person',
  'caseShares.role.young': 'Young person',
  'pathway.role.young': 'young person',
  'caseYoung.problem.refused':
    'This is not possible now. The young person has not given consent for it. Talk about it with the professional who is in contact with the young person.',
  'caseYoung.problem.refusedNeutral':
    'This is not possible now, because there is no consent for it. Ask the professional of this case what you can do.',
  'caseYoung.problem.forbidden': 'Only a professional in this case can invite a young person. Parents cannot.',
  'caseYoung.problem.code-unknown': 'We do not know this code. Check that you typed it correctly.',
  'caseYoung.problem.code-used': 'This code has already been used. Ask your professional for a new code.',
  'caseYoung.problem.code-expired': 'This code has expired. Ask your professional for a new code.',
  'caseYoung.problem.code-withdrawn': 'This code no longer works. Ask your professional for a new code.',
  'caseYoung.problem.key-changed':
    "The young person's keys have changed. Compare the new safety number and confirm again.",
  'caseYoung.problem.not-now': 'That is not possible now. Reload the page.',
  'caseYoung.problem.throttled': 'Too many attempts. Wait a while and then try again.',
  'caseYoung.form.month': 'Choose the month the young person was born in.',
  'caseYoung.form.year': 'Enter the year of birth in four digits, for example 2012.',
  'caseYoung.form.tooYoung': 'A child can have an account of their own from 12. This child is younger than 12.',
  'caseYoung.form.tooOld': 'From 18 a person is an adult. Invite them like other members.',
  'caseYoung.form.flow': 'Choose what your answer is about.',
  'caseYoung.form.answer': 'Choose yes or no.',
  'caseYoung.form.keyChanged': 'The safety number has changed. Reload the page and compare again.',
  'caseYoung.section.title': 'Young person',
  'caseYoung.section.intro':
    'A child of 12 or older can have a private channel with you. Only you and the young person read it. Parents and other members see nothing of the young person.',
  'caseYoung.section.invite': 'Invite a young person',
  'caseYoung.section.none': 'You have not invited a young person yet.',
  'caseYoung.section.state.invited': 'Invited, the code has not been used yet',
  'caseYoung.section.state.accepted': 'Waiting for your confirmation',
  'caseYoung.section.state.active': 'Channel open',
  'caseYoung.section.open': 'Go to the channel',
  'caseYoung.section.confirm': 'Compare the safety number and confirm',
  'caseYoung.section.withdraw': 'Withdraw the invitation',
  'caseYoung.section.close': 'Close the channel',
  'caseYoung.section.item': 'Young person: {state}',
  'caseYoung.invite.title': 'Invite a young person',
  'caseYoung.invite.intro':
    'The young person gets a code to make an account of their own. Then the young person talks only with you, in a private channel. Parents see nothing of it.',
  'caseYoung.invite.birth': "The young person's month and year of birth",
  'caseYoung.invite.birthHint':
    'Only month and year. We need this for the rules: an account from 12, and from 16 we ask the young person for consent themselves.',
  'caseYoung.invite.month': 'Month',
  'caseYoung.invite.year': 'Year',
  'caseYoung.invite.submit': 'Make a code',
  'caseYoung.invite.back': 'Back to the case',
  'caseYoung.code.title': 'The code for the young person',
  'caseYoung.code.intro':
    'Give this code to the young person in person. Do not send it by e-mail or app. The code works once, until {expires, date, long} {expires, time, short}.',
  'caseYoung.code.where': 'The young person goes to this page and types the code:',
  'caseYoung.code.once': 'You see this code only once.',
  'caseYoung.join.title': 'Join as a young person',
  'caseYoung.join.intro':
    'Did your professional give you a code? Then make your own account here. Only you and your professional read what you write. Your parents do not see it.',
  'caseYoung.join.code': 'Your code',
  'caseYoung.join.codeHint': 'Sixteen characters. You may leave out the dashes.',
  'caseYoung.join.username': 'Choose a username',
  'caseYoung.join.usernameHint': 'Not your real name. Think of something nobody can link to you.',
  'caseYoung.join.passphrase': 'Choose a passphrase',
  'caseYoung.join.passphraseHint': 'At least four words you can remember but others will not guess.',
  'caseYoung.join.repeat': 'Type your passphrase again',
  'caseYoung.join.submit': 'Make my account',
  'caseYoung.join.explain': 'What happens? Read it explained for young people',
  'caseYoung.home.title': 'Your channel',
  'caseYoung.home.intro':
    'Here you talk with your professional. Only the two of you read it. Your parents and others do not see it.',
  'caseYoung.home.none': 'You are not taking part in anything yet.',
  'caseYoung.home.waiting': 'Waiting for your professional ({role}) to confirm you',
  'caseYoung.home.active': 'Channel with your professional ({role})',
  'caseYoung.home.org': '{role}, {organisation}',
  'caseYoung.channel.title': 'Private channel',
  'caseYoung.channel.withProfessional':
    'This is your channel with your professional ({role}). Only the two of you read it.',
  'caseYoung.channel.withYoung':
    'This channel belongs only to you and the young person. Parents and other members of the case do not see it.',
  'caseYoung.channel.empty': 'There are no messages yet.',
  'caseYoung.channel.unreadable': 'You can no longer read this message.',
  'caseYoung.channel.me': 'You',
  'caseYoung.channel.young': 'Young person',
  'caseYoung.channel.message': 'Your message',
  'caseYoung.channel.messageHint': 'At most 2,000 characters.',
  'caseYoung.channel.send': 'Send',
  'caseYoung.channel.closed': 'This case is closed. You can still read the messages.',
  'caseYoung.channel.keyMissing':
    'The channel is not ready yet. Your professional has to open it first. Look again later.',
  'caseYoung.channel.back': 'Back to the case',
  'caseYoung.channel.home': 'Back to your overview',
  'caseYoung.channel.posted': 'Your message has been sent.',
  'caseYoung.pathway.title': 'Where do things stand?',
  'caseYoung.pathway.intro':
    'This is how far the adults are with the steps. Ask your professional if something is unclear.',
  'caseYoung.waiting.title': 'Please wait',
  'caseYoung.waiting.young':
    'Your professional ({role}) still has to confirm you. When you meet, compare this safety number together. It must be the same for both of you.',
  'caseYoung.waiting.professional':
    "The young person used the code. Compare this safety number in person with the number on the young person's screen. Are they the same? Then confirm.",
  'caseYoung.waiting.number': 'Safety number',
  'caseYoung.waiting.noNumber': 'The safety number is not there yet. Look again later.',
  'caseYoung.waiting.confirm': 'They are the same: confirm',
  'caseYoung.consent.title': 'Consent',
  'caseYoung.consent.intro':
    'You are 16 or older. That is why we ask you yourself whether information about you may be shared. You may say no. You can change your answer later.',
  'caseYoung.consent.flow.share-entries': 'May notes your parent keeps about you be shared with the professionals?',
  'caseYoung.consent.flow.add-member': 'May new people join the case?',
  'caseYoung.consent.flow.export': 'May professionals or police make an overview of the case?',
  'caseYoung.consent.answer.given': 'Your answer now: yes',
  'caseYoung.consent.answer.refused': 'Your answer now: no',
  'caseYoung.consent.answer.none': 'You have not answered yet.',
  'caseYoung.consent.yes': 'Yes, that is fine',
  'caseYoung.consent.no': 'No, I do not want that',
  'caseYoung.consent.saved': 'Your answer has been saved.',
};

export const caseYoungMessages = { nl, en };
