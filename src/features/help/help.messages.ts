import type { Translation } from '../../shared/i18n/messages.js';

/** The help finder's messages (/hulp). Merged into the one catalogue in src/messages.ts. */
const nl = {
  'help.title': 'Hulp in de buurt',
  'help.intro':
    'Vul je postcode of gemeente in. Je ziet dan wie je kan helpen, hoe je ze bereikt en of ze nu open zijn.',
  'help.field.label': 'Postcode of gemeente',
  'help.field.hint': 'Bijvoorbeeld 9711, 9711 AB of Groningen.',
  'help.submit': 'Zoek hulp',
  'help.dangerTitle': 'Gevaar? Bel meteen',
  'help.localTitle': 'Wie helpt er in {place}?',
  'help.placeFacts': '{place} ligt in de provincie {province}, veiligheidsregio {region}. Politie-eenheid: {unit}.',
  'help.policeUnit': 'Politie-eenheid {unit}',
  'help.veiligThuisRegion': 'Je komt bij Veilig Thuis in jouw regio ({region}).',
  'help.nationalTitle': 'Landelijke hulplijnen',
  'help.nationalIntro': 'Deze lijnen helpen in heel Nederland.',
  'help.noLocal':
    'We kunnen voor deze plek nog geen regionale organisaties laten zien. Veilig Thuis en de politie helpen overal.',
  'help.choose.title': 'Welke gemeente bedoel je?',
  'help.choose.text': 'Deze postcode of naam hoort bij meer dan één gemeente. Kies de jouwe.',
  'help.unknown.title': 'Deze plaats kennen we niet',
  'help.unknown.text':
    'We konden "{query}" niet vinden. Controleer de spelling, of probeer je postcode. De landelijke hulplijnen hieronder helpen altijd.',
  'help.unknown.suggestions': 'Bedoel je misschien:',
  'help.invalid.too-long': 'Dit is te lang. Vul alleen je postcode of de naam van je gemeente in.',
  'help.invalid.postcode-format':
    'Een postcode heeft 4 cijfers (en soms 2 letters), en begint niet met 0. Bijvoorbeeld 9711 of 9711 AB.',
  'help.invalid.characters': 'Gebruik alleen letters of cijfers. Vul je postcode of de naam van je gemeente in.',
  'help.invalid.missing': 'Je hebt niets ingevuld. Vul je postcode of de naam van je gemeente in.',
  'help.errorTitle': 'Er is iets mis met wat je invulde',
  'help.hours.always': 'Dag en nacht bereikbaar',
  'help.hours.openUntil': 'Nu open, tot {time}',
  'help.hours.closedOpens':
    'Nu gesloten. Weer open {day, select, today {vandaag} tomorrow {morgen} mon {maandag} tue {dinsdag} wed {woensdag} thu {donderdag} fri {vrijdag} sat {zaterdag} sun {zondag} other {}} om {time}',
  'help.hours.closed': 'Nu gesloten',
  'help.hours.unknown': 'Openingstijden: kijk op de website of bel',
  'help.chat': 'Chat',
  'help.chatHours': 'Chat: {state}',
  'help.website': 'Website',
  'help.email': 'E-mail',
  'help.interpreter': 'Je kunt om een tolk vragen.',
  'help.interpreter.no': 'Volgens de bron kan hier geen tolk komen.',
  'help.interpreter.unknown': 'Tolk: dat weten we niet. Vraag ernaar als je belt.',
  'help.interpreter.languages': 'Ze spreken ook: {languages}.',
  'help.source': 'Bron:',
  'help.checkedOn': 'Gecontroleerd op {date, date, long}.',
  'help.notCheckedSince': 'Niet gecontroleerd sinds {date, date, long}.',
  'help.notCheckedSinceYear': 'Niet gecontroleerd sinds {year}.',
  'help.unverified': 'Nog niet goedgekeurd',
  'help.attribution': 'Postcodes en gemeenten: CBS (CC BY 4.0) en GeoNames (CC BY 4.0).',
  'help.checkLink': 'Zoek hulp bij jou in de buurt',
  'help.offlineNote':
    'Je laatste zoekresultaat blijft op dit apparaat bewaard, zodat je het ook zonder internet kunt zien. Met "Snel weg" wis je het.',
} as const;

const en: Translation<typeof nl> = {
  'help.title': 'Help near you',
  'help.intro':
    'Enter your postcode or municipality. You will see who can help you, how to reach them and whether they are open now.',
  'help.field.label': 'Postcode or municipality',
  'help.field.hint': 'For example 9711, 9711 AB or Groningen.',
  'help.submit': 'Find help',
  'help.dangerTitle': 'Danger? Call straight away',
  'help.localTitle': 'Who helps in {place}?',
  'help.placeFacts': '{place} is in the province of {province}, safety region {region}. Police unit: {unit}.',
  'help.policeUnit': 'Police unit {unit}',
  'help.veiligThuisRegion': 'You are put through to Veilig Thuis in your region ({region}).',
  'help.nationalTitle': 'National helplines',
  'help.nationalIntro': 'These lines help everywhere in the Netherlands.',
  'help.noLocal':
    'We cannot show regional organisations for this place yet. Veilig Thuis and the police help everywhere.',
  'help.choose.title': 'Which municipality do you mean?',
  'help.choose.text': 'This postcode or name belongs to more than one municipality. Choose yours.',
  'help.unknown.title': 'We do not know this place',
  'help.unknown.text':
    'We could not find "{query}". Check the spelling, or try your postcode. The national helplines below always help.',
  'help.unknown.suggestions': 'Did you mean:',
  'help.invalid.too-long': 'This is too long. Enter only your postcode or the name of your municipality.',
  'help.invalid.postcode-format':
    'A postcode has 4 digits (and sometimes 2 letters), and does not start with 0. For example 9711 or 9711 AB.',
  'help.invalid.characters': 'Use only letters or digits. Enter your postcode or the name of your municipality.',
  'help.invalid.missing': 'You did not enter anything. Enter your postcode or the name of your municipality.',
  'help.errorTitle': 'Something is wrong with what you entered',
  'help.hours.always': 'Available day and night',
  'help.hours.openUntil': 'Open now, until {time}',
  'help.hours.closedOpens':
    'Closed now. Opens again {day, select, today {today} tomorrow {tomorrow} mon {on Monday} tue {on Tuesday} wed {on Wednesday} thu {on Thursday} fri {on Friday} sat {on Saturday} sun {on Sunday} other {}} at {time}',
  'help.hours.closed': 'Closed now',
  'help.hours.unknown': 'Opening hours: see the website or call',
  'help.chat': 'Chat',
  'help.chatHours': 'Chat: {state}',
  'help.website': 'Website',
  'help.email': 'E-mail',
  'help.interpreter': 'You can ask for an interpreter.',
  'help.interpreter.no': 'According to the source, no interpreter can be arranged here.',
  'help.interpreter.unknown': 'Interpreter: we do not know. Ask when you call.',
  'help.interpreter.languages': 'They also speak: {languages}.',
  'help.source': 'Source:',
  'help.checkedOn': 'Checked on {date, date, long}.',
  'help.notCheckedSince': 'Not checked since {date, date, long}.',
  'help.notCheckedSinceYear': 'Not checked since {year}.',
  'help.unverified': 'Not approved yet',
  'help.attribution': 'Postcodes and municipalities: CBS (CC BY 4.0) and GeoNames (CC BY 4.0).',
  'help.checkLink': 'Find help near you',
  'help.offlineNote':
    'Your last search result stays on this device, so you can see it without internet. "Quick exit" deletes it.',
};

export const helpMessages = { nl, en };
