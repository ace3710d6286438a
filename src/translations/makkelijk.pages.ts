import type { PartialCatalogue } from '../shared/i18n/messages.js';

/*
 * Easy-read Dutch (A2) for the check, its outcomes and the help finder (docs/adr/0050, 0054): short sentences,
 * one idea per line (`\n`), common words, who does what. Every number of the Dutch message stays. Not yet tested
 * with readers: translations.ts.
 */
export const makkelijkPages: PartialCatalogue = {
  // The national lines the check's outcomes list (NationalLines).
  'service.alarm.name': 'Alarmnummer',
  'service.alarm.text': 'Bel bij gevaar.\nOf als je kind nu vermist is.',
  'service.politie.name': 'Politie, geen haast',
  'service.politie.text':
    'Voor een gesprek om informatie te krijgen.\nOf om aangifte te doen.\nVraag naar de zedenpolitie.',
  'service.veilig-thuis.name': 'Veilig Thuis',
  'service.veilig-thuis.text':
    'Voor advies. Of om iets te melden.\nJe hoeft je naam niet te zeggen.\nGratis. Dag en nacht.',
  'service.csg.name': 'Centrum Seksueel Geweld',
  'service.csg.text': 'Na seksueel misbruik in de laatste 7 dagen.\nGratis. Dag en nacht.',
  'service.helpwanted.name': 'Helpwanted',
  'service.helpwanted.text':
    'Hulp bij misbruik online en sextortion.\nZij helpen ook om beelden van internet te halen.',
  'service.meld-misdaad-anoniem.name': 'Meld Misdaad Anoniem',
  'service.meld-misdaad-anoniem.text': 'Vertel iets over een misdaad.\nJe hoeft je naam niet te zeggen.',
  'service.slachtofferhulp.name': 'Slachtofferhulp Nederland',
  'service.akj.name': 'AKJ vertrouwenspersoon',
  'service.akj.text': 'Hulp bij vragen of klachten over jeugdhulp.',
  'service.zelfmoordpreventie.name': '113 Zelfmoordpreventie',
  'service.zelfmoordpreventie.text':
    'Wil je kind niet meer leven? Of jij?\nBel ze. Of bel gratis 0800-0113.\nDag en nacht.\nOok als je vragen hebt als ouder.',
  'service.slachtofferhulp.text':
    'Steun en hulp, ook voor ouders en familie.\nDe hulp is gratis.\nBellen kost wat een gewoon telefoontje kost.',
  // The check: the form.
  'check.submit': 'Bekijk het advies',
  'check.required': 'Geef op elke vraag een antwoord.\nWeet je het niet? Kies dan "Weet ik niet".',
  'check.notStored': 'Wij bewaren je antwoorden niet.\nWij sturen ze ook niet door.',
  'check.acuteHint': 'Is er nu gevaar?\nWacht niet. Bel',
  'check.errorSummary.title': 'Je bent een paar vragen vergeten',
  'check.errorSummary.missing':
    '{count, plural, one {Je hebt # vraag nog niet beantwoord.} other {Je hebt # vragen nog niet beantwoord.}}',
  'check.missingAnswer': 'Kies een antwoord.',
  'check.notValidated':
    'Let op: niemand heeft deze vragen getest.\nDe vragen geven geen zekerheid.\nZe helpen je alleen om te kiezen wat je nu doet.',
  'check.rejected.title': 'Dit ging mis',
  'check.rejected.version': 'De vragen zijn veranderd.\nBegin opnieuw.\nDat duurt maar een paar minuten.',
  'check.rejected.form': 'Wij konden je antwoorden niet lezen.\nBegin opnieuw met de vragen.',
  'check.rejected.startAgain': 'Opnieuw beginnen',
  // The check: the outcome.
  'check.outcome.pageTitle': 'Advies',
  'check.outcome.yourAdvice': 'Ons advies',
  'check.outcome.whyTitle': 'Waarom krijg je dit advies?',
  'check.outcome.weighedIntro': 'Deze antwoorden telden mee:',
  'check.outcome.noneWeighed': 'Je antwoorden wijzen niet op signalen.',
  'check.outcome.notesTitle': 'Goed om te weten',
  'check.outcome.today': 'Doe dit vandaag',
  'check.outcome.thisWeek': 'Doe dit deze week',
  'check.outcome.dont': 'Doe dit liever niet',
  'check.outcome.contact': 'Blijf praten met je kind',
  'check.outcome.services': 'Wie kun je bellen?',
  'check.outcome.findHelpCounted':
    'Zoek je hier hulp?\nDan tellen wij 1 bij je advies en je regio.\nZo zien wij hoe vaak ouders hulp zoeken.\nJe advies staat niet in het adres van de pagina.\nHet komt ook niet in je geschiedenis.',
  'check.outcome.worryEnough':
    'Maak je je zorgen? Dat is genoeg om Veilig Thuis te bellen.\nHet nummer is 0800-2000.\nJe hoeft niets te bewijzen.\nZie je weinig signalen? Dan kan er toch iets mis zijn.\nDaders werken soms snel en online.',
  'check.outcome.notDiagnosis':
    'Dit advies is geen diagnose.\nHet zegt niets over wie je kind is.\nHet helpt je bij de volgende stap.',
  'check.outcome.assaultTitle': 'Seksueel misbruik in de laatste 7 dagen',
  'check.outcome.print': 'Print dit advies',
  'check.outcome.notStored':
    'Wij bewaren je antwoorden niet.\nWil je dit advies houden?\nPrint het. Of schrijf het op.',
  'check.outcome.startAgain': 'Doe de vragen opnieuw',
  'check.outcome.readSignals': 'Lees meer over signalen',
  'check.outcome.readWhatToDo': 'Lees wat je kunt doen, en wat niet',
  'check.outcome.yourAnswer': 'Jouw antwoord: {answer}',
  'check.outcome.notValidated':
    'Niemand heeft deze vragen getest.\nHet advies helpt je alleen kiezen wat je nu doet.\nTwijfel je? Bel Veilig Thuis: 0800-2000.',
  'check.outcome.doNow': 'Doe dit nu',
  'check.outcome.sourcesTitle': 'Waar komt dit advies vandaan?',
  'check.outcome.callFirst': 'Bel eerst',
  'check.outcome.alsoTitle': 'Je zei ook:',
  'check.outcome.nextTitle': 'Wat kun je daarna doen?',
  'check.outcome.readFamilySafety': 'Lees wat je doet als jij of je gezin bedreigd wordt',
  // The help finder.
  'help.title': 'Hulp bij jou in de buurt',
  'help.intro':
    'Vul je postcode in. Of de naam van je gemeente.\nDan zie je wie je kan helpen.\nJe ziet ook hoe je ze belt.\nEn of ze nu open zijn.',
  'help.field.label': 'Postcode of gemeente',
  'help.field.hint': 'Bijvoorbeeld 9711, 9711 AB of Groningen.',
  'help.submit': 'Zoek hulp',
  'help.dangerTitle': 'Gevaar? Bel meteen',
  'help.localTitle': 'Wie helpt er in {place}?',
  'help.placeFacts': '{place} ligt in de provincie {province}.\nDe regio is {region}.\nDe politie heet hier: {unit}.',
  'help.policeUnit': 'Politie {unit}',
  'help.veiligThuisRegion': 'Je belt met Veilig Thuis in jouw regio ({region}).',
  'help.nationalTitle': 'Hulp in heel Nederland',
  'help.nationalIntro': 'Deze lijnen helpen overal in Nederland.',
  'help.noLocal': 'Wij weten nog niet welke hulp er bij jou in de buurt is.\nVeilig Thuis en de politie helpen overal.',
  'help.choose.title': 'Welke gemeente bedoel je?',
  'help.choose.text': 'Deze postcode of naam hoort bij meer gemeenten.\nKies jouw gemeente.',
  'help.unknown.title': 'Deze plaats kennen wij niet',
  'help.unknown.text':
    'Wij vinden "{query}" niet.\nKijk of je het goed schreef.\nOf probeer je postcode.\nDe lijnen hieronder helpen altijd.',
  'help.unknown.suggestions': 'Bedoel je:',
  'help.invalid.too-long': 'Dit is te lang.\nVul alleen je postcode in. Of de naam van je gemeente.',
  'help.invalid.postcode-format':
    'Een postcode heeft 4 cijfers.\nSoms staan er 2 letters achter.\nDe postcode begint niet met 0.\nBijvoorbeeld 9711 of 9711 AB.',
  'help.invalid.characters': 'Gebruik alleen letters en cijfers.\nVul je postcode in. Of de naam van je gemeente.',
  'help.invalid.missing': 'Je hebt niets ingevuld.\nVul je postcode in. Of de naam van je gemeente.',
  'help.errorTitle': 'Er gaat iets mis met wat je invulde',
  'help.hours.always': 'Dag en nacht open',
  'help.hours.openUntil': 'Nu open, tot {time}',
  'help.hours.closedOpens':
    'Nu dicht. Weer open {day, select, today {vandaag} tomorrow {morgen} mon {maandag} tue {dinsdag} wed {woensdag} thu {donderdag} fri {vrijdag} sat {zaterdag} sun {zondag} other {}} om {time}',
  'help.hours.closed': 'Nu dicht',
  'help.hours.unknown': 'Wanneer zijn ze open? Kijk op de website of bel.',
  'help.chat': 'Chat',
  'help.chatHours': 'Chat: {state}',
  'help.website': 'Website',
  'help.email': 'E-mail',
  'help.interpreter': 'Je kunt vragen om een tolk.',
  'help.source': 'Bron:',
  'help.checkedOn': 'Wij keken dit na op {date, date, long}.',
  'help.notCheckedSince': 'Niet meer nagekeken sinds {date, date, long}.',
  'help.notCheckedSinceYear': 'Niet meer nagekeken sinds {year}.',
  'help.unverified': 'Nog niet goedgekeurd',
  'help.attribution': 'Postcodes en gemeenten: CBS (CC BY 4.0) en GeoNames (CC BY 4.0).',
  'help.checkLink': 'Zoek hulp bij jou in de buurt',
  'help.offlineNote':
    'Je laatste zoekresultaat blijft op dit apparaat.\nZo kun je het ook zien zonder internet.\nDruk op "Snel weg". Dan is het weg.',
  // The help finder's interpreter line (ADR 0054), developer-written.
  'help.interpreter.no': 'Hier kan geen tolk komen. Dat zegt de bron.',
  'help.interpreter.unknown': 'Kan er een tolk komen? Dat weten we niet.\nVraag het als je belt.',
  'help.interpreter.languages': 'Ze spreken ook: {languages}.',
};
