/*
 * Dutch is the default language. Every user-visible string lives here (B1 level: short sentences, common
 * words) and in en.ts, which must have exactly the same keys. Messages use ICU syntax (plurals, dates).
 */
export const nl = {
  'site.name': 'Niet mijn kind',
  'site.tagline': 'Voor ouders die zich zorgen maken over seksuele uitbuiting van hun kind',
  'site.description':
    'Informatie en hulp voor ouders die bang zijn dat hun kind seksueel wordt uitgebuit, en voor professionals die met hen werken.',

  'layout.skipLink': 'Naar de inhoud',
  'layout.homeLink': 'Niet mijn kind, naar de startpagina',
  'layout.nav.label': 'Hoofdmenu',
  'layout.nav.home': 'Start',
  'layout.nav.information': 'Informatie',
  'layout.language.label': 'Taal',
  'layout.language.other': 'English',
  'layout.language.otherName': 'Read this page in English',
  'layout.footer.emergencyTitle': 'Direct hulp nodig?',
  'layout.footer.call112': 'Gevaar of spoed, bel',
  'layout.footer.callPolice': 'Politie, geen spoed',
  'layout.footer.callVeiligThuis': 'Veilig Thuis, advies en melden',
  'layout.footer.veiligThuisNote': 'Gratis, dag en nacht. Je hoeft niets te bewijzen: een zorg is genoeg.',
  'layout.footer.aboutTitle': 'Over deze site',
  'layout.footer.about': 'Over deze site',
  'layout.footer.safeUse': 'Veilig gebruik',
  'layout.footer.notEmergency': 'Deze site is geen meldpunt en geen noodlijn. In gevaar? Bel altijd 112.',
  'layout.footer.openSource': 'Open source. Geen tracking, geen cookies van anderen.',

  'quickExit.button': 'Snel weg',
  'quickExit.hiddenLabel': 'Verlaat deze site direct',
  'quickExit.hint': 'Of druk 3 keer op Shift',
  'quickExit.pressesLeft':
    '{count, plural, one {Druk nog # keer op Shift om de site te verlaten} other {Druk nog # keer op Shift om de site te verlaten}}',
  'quickExit.leaving': 'De site wordt verlaten',

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

  'info.index.title': 'Informatie',
  'info.index.intro': 'Uitleg over seksuele uitbuiting, voor ouders en voor professionals.',
  'info.index.count': '{count, plural, =0 {Nog geen pagina’s} one {# pagina} other {# pagina’s}}',
  'info.index.group.parents': 'Voor ouders',
  'info.index.group.professionals': 'Voor professionals',
  'info.index.group.everyone': 'Over deze site',
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

  'error.title': 'Er ging iets mis',
  'error.400.title': 'Dit verzoek klopt niet',
  'error.400.text': 'We konden je verzoek niet lezen. Probeer het opnieuw vanaf de vorige pagina.',
  'error.403.title': 'Geen toegang',
  'error.403.text': 'Je hebt geen toegang tot deze pagina.',
  'error.csrf.title': 'Het formulier is verlopen',
  'error.csrf.text':
    'Het formulier was te lang open, of je cookies zijn gewist. Ga terug, laad de pagina opnieuw en probeer het nog een keer. Er is niets opgeslagen.',
  'error.404.title': 'Pagina niet gevonden',
  'error.404.text': 'Deze pagina bestaat niet (meer). Controleer het adres of ga naar de startpagina.',
  'error.405.title': 'Dit kan hier niet',
  'error.405.text': 'Deze pagina kan niet op deze manier gebruikt worden.',
  'error.409.title': 'Dit is al veranderd',
  'error.409.text': 'Iemand anders heeft dit ondertussen veranderd. Laad de pagina opnieuw.',
  'error.413.title': 'Te veel gegevens',
  'error.413.text': 'Je stuurde meer gegevens dan we kunnen aannemen. Maak het korter en probeer het opnieuw.',
  'error.415.title': 'Dit formaat kennen we niet',
  'error.415.text': 'Je stuurde gegevens in een vorm die we niet kunnen lezen. Gebruik het formulier op de site.',
  'error.429.title': 'Even wachten',
  'error.429.text':
    'Er kwamen te veel verzoeken tegelijk. Wacht een minuut en probeer het opnieuw. In gevaar? Bel 112.',
  'error.500.title': 'Er ging iets mis bij ons',
  'error.500.text': 'Dit is onze fout, niet de jouwe. Probeer het later opnieuw.',
  'error.id': 'Foutcode: {id}. Noem deze code als je contact met ons opneemt.',
  'error.homeLink': 'Naar de startpagina',
} as const;
