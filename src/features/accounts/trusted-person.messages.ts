import type { Translation } from '../../shared/i18n/messages.js';

/** A trusted person as a way back in (issue 19 point 3, ADR 0049). Merged in src/messages.ts. */
const nl = {
  'trustedPerson.link': 'Vertrouwenspersoon: een weg terug als je alles kwijt bent',
  'trustedPerson.title': 'Vertrouwenspersoon',
  'trustedPerson.intro':
    'Ben je je wachtwoordzin én je herstelcode kwijt? Dan kan een vertrouwenspersoon je helpen om weer in je account te komen. Dat is iemand die je goed kent en die hier zelf een account als ouder heeft.',
  'trustedPerson.how.title': 'Zo werkt het',
  'trustedPerson.how.offer':
    'Je vertrouwenspersoon maakt op deze pagina een koppelcode en geeft die persoonlijk aan jou.',
  'trustedPerson.how.name': 'Jij vult de gebruikersnaam en de koppelcode hieronder in, en kiest een wachttijd.',
  'trustedPerson.how.request':
    'Ben je alles kwijt? Dan vraagt je vertrouwenspersoon om toegang. Jij krijgt bericht: op deze pagina, en per e-mail als je een adres hebt opgegeven. Je kunt dan weigeren.',
  'trustedPerson.how.grant':
    'Heb je na de wachttijd niet geweigerd? Dan maakt je vertrouwenspersoon een nieuwe herstelcode voor je. Daarmee kies je zelf een nieuwe wachtwoordzin, via "Wachtwoordzin vergeten".',
  'trustedPerson.how.trust':
    'Je vertrouwenspersoon kan je logboek niet lezen. Maar na de wachttijd kan hij of zij wel in je account komen. Kies dus iemand die je echt vertrouwt.',

  'trustedPerson.mine.title': 'Jouw vertrouwenspersoon',
  'trustedPerson.mine.none': 'Je hebt nog geen vertrouwenspersoon.',
  'trustedPerson.mine.named':
    'Je vertrouwenspersoon is {name}, sinds {date, date, long}. De wachttijd is {days} dagen.',
  'trustedPerson.mine.renewNeeded':
    'De sleutels van {name} zijn vernieuwd. Bevestig {name} opnieuw, anders kan {name} je niet helpen.',
  'trustedPerson.mine.renew': 'Opnieuw bevestigen',
  'trustedPerson.mine.waiting':
    '{name} heeft op {date, date, long} om toegang tot je account gevraagd. Weiger je niet, dan kan {name} vanaf {until, date, long} een nieuwe herstelcode voor je maken.',
  'trustedPerson.mine.granted':
    'De wachttijd is voorbij. {name} kan nu een nieuwe herstelcode voor je maken. Wil je dat niet? Weiger dan nu.',
  'trustedPerson.mine.refused': 'Je hebt het verzoek van {name} geweigerd op {date, date, long}.',
  'trustedPerson.mine.used':
    '{name} heeft op {date, date, long} een nieuwe herstelcode voor je gemaakt. Had je dat niet afgesproken? Vernieuw dan je sleutels en kies een andere vertrouwenspersoon.',
  'trustedPerson.mine.rotate': 'Sleutels vernieuwen',
  'trustedPerson.mine.refuse': 'Verzoek weigeren',
  'trustedPerson.mine.remove': 'Vertrouwenspersoon verwijderen',
  'trustedPerson.mine.removeHint':
    'Je kunt je vertrouwenspersoon altijd verwijderen. Hij of zij krijgt daar geen bericht van.',

  'trustedPerson.name.title': 'Een vertrouwenspersoon kiezen',
  'trustedPerson.name.username': 'Gebruikersnaam van je vertrouwenspersoon',
  'trustedPerson.name.code': 'Koppelcode',
  'trustedPerson.name.codeHint': 'Deze code heb je persoonlijk gekregen. Hij werkt 24 uur en één keer.',
  'trustedPerson.name.days': 'Wachttijd in dagen',
  'trustedPerson.name.daysHint': 'Tussen 2 en 30 dagen. Wij raden 7 dagen aan.',
  'trustedPerson.name.passphrase': 'Je wachtwoordzin',
  'trustedPerson.name.submit': 'Vertrouwenspersoon kiezen',
  'trustedPerson.name.usernameMissing': 'Vul de gebruikersnaam van je vertrouwenspersoon in.',
  'trustedPerson.name.codeMissing': 'Vul de koppelcode in.',
  'trustedPerson.name.codeMalformed': 'Deze koppelcode klopt niet. Kijk of je hem goed hebt overgenomen.',
  'trustedPerson.name.daysInvalid': 'Kies een wachttijd van 2 tot en met 30 dagen.',
  'trustedPerson.name.mismatch':
    'De gebruikersnaam en de koppelcode horen niet bij elkaar. Vraag je vertrouwenspersoon om een nieuwe code.',

  'trustedPerson.trustedBy.title': 'Mensen die jou vertrouwen',
  'trustedPerson.trustedBy.named': '{name} heeft jou gekozen als vertrouwenspersoon, sinds {date, date, long}.',
  'trustedPerson.trustedBy.renewNeeded':
    'Jouw sleutels zijn vernieuwd. {name} moet jou opnieuw bevestigen voordat je kunt helpen.',
  'trustedPerson.trustedBy.requestHint':
    'Vraag alleen om toegang als {name} je daarom vraagt. {name} krijgt bericht en kan weigeren. Na {days} dagen kun je helpen.',
  'trustedPerson.trustedBy.request': 'Toegang vragen',
  'trustedPerson.trustedBy.refused': '{name} heeft je verzoek geweigerd op {date, date, long}.',
  'trustedPerson.trustedBy.waiting':
    'Je hebt toegang gevraagd op {date, date, long}. Weigert {name} niet, dan kun je vanaf {until, date, long} een nieuwe herstelcode maken.',
  'trustedPerson.trustedBy.granted':
    'De wachttijd is voorbij. Maak een nieuwe herstelcode voor {name} en geef die persoonlijk.',
  'trustedPerson.trustedBy.passphrase': 'Je eigen wachtwoordzin',
  'trustedPerson.trustedBy.makeCode': 'Nieuwe herstelcode maken',
  'trustedPerson.trustedBy.wrong': 'Je wachtwoordzin klopt niet.',
  'trustedPerson.trustedBy.refusedNow': 'Dit lukt nu niet. Misschien is het verzoek geweigerd. Laad de pagina opnieuw.',

  'trustedPerson.offer.title': 'Wil iemand jou kiezen als vertrouwenspersoon?',
  'trustedPerson.offer.intro':
    'Maak een koppelcode en geef die persoonlijk aan die persoon, samen met je gebruikersnaam. De code werkt 24 uur en één keer.',
  'trustedPerson.offer.open': 'Je hebt een koppelcode gemaakt. Die werkt tot {date, date, long} om {time}.',
  'trustedPerson.offer.submit': 'Koppelcode maken',
  'trustedPerson.offer.codeTitle': 'Je koppelcode',
  'trustedPerson.offer.codeIntro':
    'Geef deze code en je gebruikersnaam ({name}) persoonlijk aan de persoon die jou wil kiezen. Je ziet de code maar één keer.',

  'trustedPerson.code.title': 'Nieuwe herstelcode voor {name}',
  'trustedPerson.code.intro':
    'Geef deze code persoonlijk aan {name}. Stuur hem niet per app of e-mail. Je ziet de code maar één keer.',
  'trustedPerson.code.how':
    'Met de gebruikersnaam {name} en deze code kiest {name} een nieuwe wachtwoordzin, op de pagina "Wachtwoordzin vergeten". De oude herstelcode van {name} werkt niet meer.',
  'trustedPerson.code.recoverLink': 'Naar "Wachtwoordzin vergeten"',

  'trustedPerson.accountNotice':
    'Er wacht een verzoek van je vertrouwenspersoon op je antwoord. Kijk wat je wilt doen.',
  'trustedPerson.back': 'Terug naar je account',
};

const en: Translation<typeof nl> = {
  'trustedPerson.link': 'Trusted person: a way back in if you lose everything',
  'trustedPerson.title': 'Trusted person',
  'trustedPerson.intro':
    'Lost both your passphrase and your recovery code? A trusted person can help you back into your account. That is someone who knows you well and has a parent account here themselves.',
  'trustedPerson.how.title': 'How it works',
  'trustedPerson.how.offer': 'Your trusted person makes a link code on this page and gives it to you in person.',
  'trustedPerson.how.name': 'You enter their username and the link code below, and choose a waiting period.',
  'trustedPerson.how.request':
    'Lost everything? Then your trusted person asks for access. You are told: on this page, and by e-mail if you gave an address. You can refuse.',
  'trustedPerson.how.grant':
    'Did you not refuse within the waiting period? Then your trusted person makes a new recovery code for you. With it you choose a new passphrase yourself, through "Forgot your passphrase".',
  'trustedPerson.how.trust':
    'Your trusted person cannot read your journal. But after the waiting period they can get into your account. So choose someone you really trust.',

  'trustedPerson.mine.title': 'Your trusted person',
  'trustedPerson.mine.none': 'You have no trusted person yet.',
  'trustedPerson.mine.named':
    'Your trusted person is {name}, since {date, date, long}. The waiting period is {days} days.',
  'trustedPerson.mine.renewNeeded': "{name}'s keys were renewed. Confirm {name} again, or {name} cannot help you.",
  'trustedPerson.mine.renew': 'Confirm again',
  'trustedPerson.mine.waiting':
    '{name} asked for access to your account on {date, date, long}. If you do not refuse, {name} can make a new recovery code for you from {until, date, long}.',
  'trustedPerson.mine.granted':
    'The waiting period is over. {name} can now make a new recovery code for you. Do you not want that? Refuse now.',
  'trustedPerson.mine.refused': "You refused {name}'s request on {date, date, long}.",
  'trustedPerson.mine.used':
    '{name} made a new recovery code for you on {date, date, long}. Had you not agreed to this? Renew your keys and choose another trusted person.',
  'trustedPerson.mine.rotate': 'Renew keys',
  'trustedPerson.mine.refuse': 'Refuse the request',
  'trustedPerson.mine.remove': 'Remove trusted person',
  'trustedPerson.mine.removeHint': 'You can remove your trusted person at any time. They are not told.',

  'trustedPerson.name.title': 'Choose a trusted person',
  'trustedPerson.name.username': "Your trusted person's username",
  'trustedPerson.name.code': 'Link code',
  'trustedPerson.name.codeHint': 'You got this code in person. It works for 24 hours and once.',
  'trustedPerson.name.days': 'Waiting period in days',
  'trustedPerson.name.daysHint': 'Between 2 and 30 days. We advise 7 days.',
  'trustedPerson.name.passphrase': 'Your passphrase',
  'trustedPerson.name.submit': 'Choose trusted person',
  'trustedPerson.name.usernameMissing': "Enter your trusted person's username.",
  'trustedPerson.name.codeMissing': 'Enter the link code.',
  'trustedPerson.name.codeMalformed': 'This link code is not right. Check that you copied it correctly.',
  'trustedPerson.name.daysInvalid': 'Choose a waiting period of 2 to 30 days.',
  'trustedPerson.name.mismatch':
    'The username and the link code do not belong together. Ask your trusted person for a new code.',

  'trustedPerson.trustedBy.title': 'People who trust you',
  'trustedPerson.trustedBy.named': '{name} chose you as their trusted person, since {date, date, long}.',
  'trustedPerson.trustedBy.renewNeeded': 'Your keys were renewed. {name} must confirm you again before you can help.',
  'trustedPerson.trustedBy.requestHint':
    'Only ask for access if {name} asks you to. {name} is told and can refuse. After {days} days you can help.',
  'trustedPerson.trustedBy.request': 'Ask for access',
  'trustedPerson.trustedBy.refused': '{name} refused your request on {date, date, long}.',
  'trustedPerson.trustedBy.waiting':
    'You asked for access on {date, date, long}. If {name} does not refuse, you can make a new recovery code from {until, date, long}.',
  'trustedPerson.trustedBy.granted':
    'The waiting period is over. Make a new recovery code for {name} and hand it over in person.',
  'trustedPerson.trustedBy.passphrase': 'Your own passphrase',
  'trustedPerson.trustedBy.makeCode': 'Make a new recovery code',
  'trustedPerson.trustedBy.wrong': 'Your passphrase is not right.',
  'trustedPerson.trustedBy.refusedNow':
    'This is not possible now. Perhaps the request was refused. Load the page again.',

  'trustedPerson.offer.title': 'Does someone want to choose you as their trusted person?',
  'trustedPerson.offer.intro':
    'Make a link code and give it in person to that person, together with your username. The code works for 24 hours and once.',
  'trustedPerson.offer.open': 'You made a link code. It works until {date, date, long} at {time}.',
  'trustedPerson.offer.submit': 'Make a link code',
  'trustedPerson.offer.codeTitle': 'Your link code',
  'trustedPerson.offer.codeIntro':
    'Give this code and your username ({name}) in person to the person who wants to choose you. You see the code only once.',

  'trustedPerson.code.title': 'New recovery code for {name}',
  'trustedPerson.code.intro':
    'Give this code to {name} in person. Do not send it by app or e-mail. You see the code only once.',
  'trustedPerson.code.how':
    'With the username {name} and this code, {name} chooses a new passphrase on the "Forgot your passphrase" page. The old recovery code of {name} no longer works.',
  'trustedPerson.code.recoverLink': 'To "Forgot your passphrase"',

  'trustedPerson.accountNotice':
    'A request from your trusted person is waiting for your answer. See what you want to do.',
  'trustedPerson.back': 'Back to your account',
};

export const trustedPersonMessages = { nl, en };
