/*
 * The shared messages: what src/shared/ shows (site name, layout, footer, error pages, form words, mail, the
 * national lines). Each feature's messages live in its own <feature>.messages.ts; src/messages.ts merges them.
 * Dutch is the default language (B1 level: short sentences, common words); en.ts must have exactly the same
 * keys. Messages use ICU syntax (plurals, dates).
 */
export const nl = {
  'site.name': 'Niet mijn kind',
  'site.description':
    'Informatie en hulp voor ouders die bang zijn dat hun kind seksueel wordt uitgebuit, en voor professionals die met hen werken.',

  'layout.skipLink': 'Naar de inhoud',
  'layout.homeLink': 'Niet mijn kind, naar de startpagina',
  'layout.nav.label': 'Hoofdmenu',
  'layout.nav.home': 'Start',
  'layout.nav.information': 'Informatie',
  'layout.language.label': 'Taal',
  'layout.language.listLabel': 'Kies een taal',
  // Shown only in the languages beside nl and en (src/translations/): each says which language is shown instead.
  'layout.translation.missing': 'Deze pagina is nog niet vertaald.',
  'layout.translation.unreviewed': 'Deze vertaling is nog niet nagekeken door iemand met deze taal als moedertaal.',
  'layout.translation.readDutch': 'Lees deze pagina in het Nederlands',
  'layout.footer.emergencyTitle': 'Direct hulp nodig?',
  'layout.footer.call112': 'Gevaar of spoed, bel',
  'layout.footer.callPolice': 'Politie, geen spoed',
  'layout.footer.callVeiligThuis': 'Veilig Thuis, advies en melden',
  'layout.footer.veiligThuisNote': 'Gratis, dag en nacht. Je hoeft niets te bewijzen: een zorg is genoeg.',
  'layout.footer.aboutTitle': 'Over deze site',
  'layout.footer.about': 'Over deze site',
  'layout.footer.safeUse': 'Veilig gebruik',
  'layout.footer.insights': 'Inzichten',
  'layout.footer.notEmergency': 'Deze site is geen meldpunt en geen noodlijn. In gevaar? Bel altijd 112.',
  'layout.footer.openSource': 'Open source. Geen tracking, geen cookies van anderen.',

  'quickExit.button': 'Snel weg',
  'quickExit.hiddenLabel': 'Verlaat deze site direct',
  'quickExit.hint': 'Of druk 3 keer op Shift',
  'quickExit.pressesLeft':
    '{count, plural, one {Druk nog # keer op Shift om de site te verlaten} other {Druk nog # keer op Shift om de site te verlaten}}',
  'quickExit.leaving': 'De site wordt verlaten',

  'service.alarm.name': 'Alarmnummer',
  'service.alarm.text': 'Bij gevaar of als je kind nu vermist is.',
  'service.politie.name': 'Politie, geen spoed',
  'service.politie.text': 'Voor een informatief gesprek of aangifte. Vraag naar de zedenpolitie.',
  'service.veilig-thuis.name': 'Veilig Thuis',
  'service.veilig-thuis.text': 'Advies en melden, ook anoniem. Gratis, dag en nacht.',
  'service.csg.name': 'Centrum Seksueel Geweld',
  'service.csg.text': 'Na seksueel misbruik of aanranding in de afgelopen 7 dagen. Gratis, dag en nacht.',
  'service.helpwanted.name': 'Helpwanted',
  'service.helpwanted.text': 'Hulp bij online misbruik, sextortion en het laten verwijderen van beelden.',
  'service.meld-misdaad-anoniem.name': 'Meld Misdaad Anoniem',
  'service.meld-misdaad-anoniem.text': 'Anoniem een tip geven over een misdrijf.',
  'service.slachtofferhulp.name': 'Slachtofferhulp Nederland',
  'service.slachtofferhulp.text':
    'Steun en praktische hulp, ook voor ouders en familie. De hulp is gratis; bellen kost het lokale tarief.',
  'service.akj.name': 'AKJ vertrouwenspersoon',
  'service.akj.text': 'Hulp bij vragen of klachten over jeugdhulp.',
  'service.zelfmoordpreventie.name': '113 Zelfmoordpreventie',
  'service.zelfmoordpreventie.text':
    'Als je kind (of jij) niet meer wil leven. Of bel gratis 0800-0113. Dag en nacht, ook met vragen als ouder.',

  'layout.nav.now': 'Nu hulp',
  'layout.nav.check': 'Check',

  'layout.nav.cases': 'Samenwerken',
  'layout.nav.journal': 'Logboek',
  'layout.nav.help': 'Hulp zoeken',
  'layout.nav.knowledge': 'Kennisbank',
  'layout.nav.search': 'Zoeken',

  'layout.nav.account': 'Account',
  'layout.nav.login': 'Inloggen',
  'account.idleWarning': 'Je doet een tijdje niets. Over 2 minuten word je uitgelogd om je gegevens te beschermen.',
  'account.stayLoggedIn': 'Ingelogd blijven',
  'mail.accountChanged.subject': 'Er is iets gewijzigd in je account',
  'mail.accountChanged.text':
    'Hallo,\n\nEr is zojuist iets gewijzigd in je account. Was jij dit? Dan hoef je niets te doen.\nWas jij dit niet? Log in en kijk op de pagina van je account.\n',
  'mail.caseNews.subject': 'Er is iets nieuws voor je',
  'mail.caseNews.text':
    'Hallo,\n\nEr is iets nieuws voor je. Log in op de site om het te zien.\n\nHoe vaak je dit bericht krijgt, kies je zelf na het inloggen.\n',
  // A trusted person's request waits for the owner (ADR 0049): nothing of the site's subject, no name, no link.
  'mail.requestWaiting.subject': 'Er wacht een verzoek op je antwoord',
  'mail.requestWaiting.text':
    'Hallo,\n\nEr is een verzoek gedaan voor je account. Log in en kijk op de pagina van je account.\nDoe je niets, dan gaat het verzoek na de wachttijd door.\n',
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
  'error.429.text': 'Er kwamen te veel verzoeken tegelijk. Wacht even en probeer het opnieuw. In gevaar? Bel 112.',
  'error.500.title': 'Er ging iets mis bij ons',
  'error.500.text': 'Dit is onze fout, niet de jouwe. Probeer het later opnieuw.',
  // Reliability (issue 17): the database or the disk is away for a moment.
  'error.503.title': 'Even niet bereikbaar',
  'error.503.text':
    'We kunnen je gegevens nu even niet ophalen of opslaan. Wat je eerder hebt opgeslagen, blijft bewaard. Probeer het over een paar minuten opnieuw. In gevaar? Bel 112.',
  'error.id': 'Foutcode: {id}. Noem deze code als je contact met ons opneemt.',
  'error.homeLink': 'Naar de startpagina',
  'mail.invitation.subject': 'Je uitnodiging voor een account',
  'mail.invitation.text':
    'Hallo,\n\nJe bent uitgenodigd om een account te maken. Open deze link om te beginnen:\n\n{link}\n\nDe link werkt maar één keer en is een paar dagen geldig. Verwachtte je deze e-mail niet? Dan kun je hem negeren.\n',

  // Forms (src/shared/http/forms.ts): a field whose schema names no message of its own.
  'form.problem.invalid': 'Dit veld klopt niet. Kijk nog eens wat je hebt ingevuld.',

  // Languages of editorial documents (src/shared/i18n/document-languages.ts): the CMS's refusals.
  'document.languageIncomplete':
    'De taal {language} staat in {has} van de {of} teksten. Zet hem in elke tekst, of in geen enkele. Hij ontbreekt bij: {missing}',
  'document.languageRule':
    '{path} ({language}): {problem, select, numbers {de nummers (3 of meer cijfers) zijn niet die van de Nederlandse tekst} placeholders {de placeholders tussen accolades zijn niet die van de Nederlandse tekst} icu {een accolade die geen placeholder is} other {de tekst is leeg}}.',
} as const;
