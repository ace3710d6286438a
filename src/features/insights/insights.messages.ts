import type { Translation } from '../../shared/i18n/messages.js';

/** /inzichten: anonymous figures for policy (issue 18). Merged in src/messages.ts. */
const nl = {
  'insights.title': 'Inzichten',
  'insights.description':
    'Anonieme cijfers over de signalencheck, de hulpzoeker, samenwerken in de lijn en wat ouders zelf vinden.',
  'insights.lead':
    'Hoe vaak gebruiken ouders de signalencheck en de hulpzoeker? Hoe gaat het samenwerken met ouders in de lijn? En wat vinden ouders zelf? Hier zie je de aantallen. Er staat niets in over een persoon of een gezin.',
  'insights.period':
    'Deze cijfers gaan over de weken {first} tot en met {last}: van {from, date, long} tot en met {through, date, long}.',
  'insights.small':
    'Aantallen onder de 10 laten we niet zien. Soms laten we ook een ander aantal weg, zodat je een klein aantal niet kunt uitrekenen. Er staat dan “niet getoond”.',
  'insights.methodLink': 'Hoe we tellen en wat we weglaten',
  'insights.withheld': 'niet getoond',
  'insights.total': 'Totaal',
  'insights.week': 'Week',
  'insights.csv': 'Download de cijfers van deze tabel (CSV)',
  'insights.chart.count': '{count, number}',
  'insights.checks.title': 'Signalencheck afgerond',
  'insights.checks.summary':
    '{total, select, withheld {In deze weken is de signalencheck minder dan 10 keer afgerond, of we laten het totaal weg.} other {In deze weken is de signalencheck {total} keer helemaal ingevuld.}} We tellen alleen het advies dat ouders kregen. De antwoorden zelf bewaren we niet.',
  'insights.checks.chartTitle': 'Signalencheck afgerond, per week',
  'insights.checks.chartDescription':
    'Staafdiagram met het aantal keer per week. De tabel eronder geeft dezelfde cijfers per advies.',
  'insights.checks.tableCaption': 'Signalencheck afgerond, per week en per advies',
  'insights.checks.versionsCaption': 'Signalencheck afgerond, per versie van de vragenlijst',
  'insights.checks.version': 'Versie {version}',
  'insights.checks.versionColumn': 'Versie',
  'insights.checks.count': 'Aantal',
  'insights.level.bel-112': 'Bel 112',
  'insights.level.bel-vandaag': 'Bel vandaag',
  'insights.level.vraag-advies': 'Vraag advies',
  'insights.level.blijf-in-gesprek': 'Blijf in gesprek',
  'insights.lookups.title': 'Hulpzoeker gebruikt',
  'insights.lookups.summary':
    '{total, select, withheld {In deze weken is de hulpzoeker minder dan 10 keer gebruikt, of we laten het totaal weg.} other {In deze weken zochten mensen {total} keer hulp in hun buurt.}} We tellen per veiligheidsregio, niet per postcode.',
  'insights.lookups.chartTitle': 'Hulpzoeker gebruikt, per week',
  'insights.lookups.chartDescription':
    'Staafdiagram met het aantal keer per week. Een tabel per veiligheidsregio staat eronder.',
  'insights.lookups.weeksCaption': 'Hulpzoeker gebruikt, per week',
  'insights.lookups.regionsCaption': 'Hulpzoeker gebruikt, per veiligheidsregio (alle weken samen)',
  'insights.lookups.region': 'Veiligheidsregio',
  'insights.share': 'Deel',
  'insights.share.whole': 'alles',
  'insights.share.value': '{share, number} procent',
  'insights.checkLookups.title': 'Signalencheck en daarna hulp gezocht, per regio',
  'insights.checkLookups.regionOnly':
    'Let op: de signalencheck vraagt niet waar je woont. We weten de regio alleen als een ouder na de uitslag hulp zocht met de postcode, via de knop op de uitslag. Deze cijfers gaan dus alleen over die ouders, niet over alle checks.',
  'insights.checkLookups.summary':
    '{total, select, withheld {In deze weken is minder dan 10 keer na de check hulp gezocht, of we laten het totaal weg.} other {In deze weken zochten ouders {total} keer hulp vanaf de uitslag van de check.}}',
  'insights.checkLookups.chartTitle': 'Signalencheck en daarna hulp gezocht, per veiligheidsregio',
  'insights.checkLookups.chartDescription':
    'Staafdiagram met het aantal per veiligheidsregio. De tabellen eronder geven dezelfde cijfers, en de cijfers per advies.',
  'insights.checkLookups.regionsCaption':
    'Signalencheck en daarna hulp gezocht, per veiligheidsregio (alle weken samen)',
  'insights.checkLookups.levelsCaption': 'Signalencheck en daarna hulp gezocht, per advies (alle weken samen)',
  'insights.checkLookups.level': 'Advies',
  'insights.cases.title': 'Samenwerken in de lijn',
  'insights.cases.period':
    'Deze cijfers gaan over de weken {first} tot en met {last}: van {from, date, long} tot en met {through, date, long}. Van {counted, number} van de {weeks, number} weken zijn er volledige cijfers. Alleen die weken tellen mee.',
  'insights.cases.lead':
    'Ouders en hulpverleners werken samen in een gedeelde ruimte op deze site. Wij tellen alleen wat er gebeurt, zonder namen en zonder inhoud.',
  'insights.meetings.title': 'Overleg en de ouder',
  'insights.meetings.summary':
    'Hoeveel overleggen zijn vastgelegd in zaken met ouders? Hoe vaak was de ouder uitgenodigd, en hoe vaak deed de ouder mee? Het deel in procent rekenen we alleen uit getoonde aantallen.',
  'insights.meetings.chartTitle': 'Overleg in zaken met ouders',
  'insights.meetings.chartDescription':
    'Staafdiagram met het aantal overleggen, hoe vaak de ouder was uitgenodigd en hoe vaak de ouder meedeed. De tabel eronder geeft ook het deel in procent.',
  'insights.meetings.caption': 'Overleg in zaken met ouders (alle weken samen)',
  'insights.meetings.measure': 'Wat we tellen',
  'insights.meetings.meetings': 'Overleggen vastgelegd',
  'insights.meetings.parent_invited': 'Ouder uitgenodigd',
  'insights.meetings.parent_took_part': 'Ouder deed mee',
  'insights.firstHelp.title': 'Tijd tot de eerste hulp',
  'insights.firstHelp.summary':
    'Hoeveel dagen na de start van een zaak kon de hulp het gezin bereiken? Dat is de eerste dag dat zowel een ouder als een hulpverlener in de zaak zat. We tellen zaken waarbij dat in deze weken gebeurde.',
  'insights.firstHelp.chartTitle': 'Tijd van de start van een zaak tot de eerste hulp',
  'insights.firstHelp.chartDescription':
    'Staafdiagram met het aantal zaken per aantal dagen. De tabel eronder geeft dezelfde cijfers.',
  'insights.firstHelp.caption': 'Zaken per aantal dagen tot de eerste hulp (alle weken samen)',
  'insights.firstHelp.days': 'Dagen',
  'insights.firstHelp.bucket': '{bucket} dagen',
  'insights.firstHelp.sameDay': 'Dezelfde dag',
  'insights.agreements.title': 'Afspraken over tijd',
  'insights.agreements.summary':
    'Hoeveel afspraken in open zaken stonden nog open aan het eind van de laatste week? En hoeveel daarvan waren over de afgesproken datum heen?',
  'insights.agreements.chartTitle': 'Open afspraken en afspraken over tijd, aan het eind van de laatste week',
  'insights.agreements.chartDescription':
    'Staafdiagram met het aantal open afspraken en het aantal dat over tijd is. De tabel eronder geeft ook het deel in procent.',
  'insights.agreements.caption': 'Afspraken aan het eind van de laatste week',
  'insights.agreements.open': 'Open afspraken',
  'insights.agreements.overdue': 'Over tijd',
  'insights.tracks.title': 'Zaken per spoor',
  'insights.tracks.summary':
    'De lijn heeft sporen, bijvoorbeeld zorg en politie. We tellen open zaken met een stap die loopt in een spoor, aan het eind van de laatste week. Een zaak kan in meer sporen tegelijk zijn. Daarom is er geen totaal.',
  'insights.tracks.none': 'Er zijn nog geen cijfers over de sporen voor deze weken.',
  'insights.tracks.chartTitle': 'Open zaken per spoor, aan het eind van de laatste week',
  'insights.tracks.chartDescription':
    'Staafdiagram met het aantal zaken per spoor. De tabel eronder geeft dezelfde cijfers.',
  'insights.tracks.caption': 'Open zaken per spoor, aan het eind van de laatste week',
  'insights.tracks.track': 'Spoor',
  'insights.survey.title': 'Ouders aan het woord',
  'insights.survey.lead':
    'Ouders met een account krijgen soms een korte vragenlijst. Dat gebeurt op belangrijke momenten, bijvoorbeeld als een zaak sluit. Ze geven een cijfer van 1 (helemaal niet) tot 5 (heel erg). Een vraag overslaan mag. We bewaren de antwoorden zonder account.',
  'insights.survey.summary':
    '{total, select, withheld {In deze weken is de vragenlijst minder dan 10 keer ingevuld, of we laten het totaal weg.} other {In deze weken is de vragenlijst {total} keer ingevuld.}}',
  'insights.survey.chartTitle': 'Vragenlijst ouders: {question}',
  'insights.survey.chartDescription':
    'Staafdiagram met het aantal ouders per cijfer, van 1 tot 5, en hoe vaak de vraag is overgeslagen. De tabel eronder geeft dezelfde cijfers.',
  'insights.survey.caption': 'Vragenlijst ouders: aantal antwoorden per cijfer (alle weken samen)',
  'insights.survey.question': 'Vraag',
  'insights.survey.question.care': 'Voelde je je gesteund door de zorg?',
  'insights.survey.question.police': 'Voelde je je gesteund door de politie?',
  'insights.survey.question.understood': 'Begreep je wat er gebeurde?',
  'insights.survey.question.next_step': 'Wist je wat je daarna kon doen?',
  'insights.survey.none': 'Geen antwoord',
  'insights.method.title': 'Inzichten: hoe we tellen',
  'insights.method.description': 'Bronnen, definities en wat we weglaten in de cijfers op Inzichten.',
  'insights.method.sourcesTitle': 'Waar de cijfers vandaan komen',
  'insights.method.sources':
    'We tellen op deze site zelf. Als iemand de signalencheck helemaal invult, tellen we 1 bij de dag, de versie van de vragenlijst en het advies. Als iemand de hulpzoeker gebruikt, tellen we 1 bij de dag en de veiligheidsregio van de postcode of gemeente. We bewaren geen antwoorden, postcodes, namen of andere gegevens van de persoon. Hoe we samenwerken in de lijn tellen en de vragenlijst voor ouders staan verderop.',
  'insights.method.weeksTitle': 'Welke weken',
  'insights.method.weeks':
    'We laten steeds een blok van 12 hele weken zien (weken volgens ISO 8601, van maandag tot en met zondag, in Nederlandse tijd). De blokken liggen vast en overlappen niet. Een nieuw blok komt op de dinsdag nadat de laatste week ervan is afgelopen. Daarna verandert het niet meer. Zo kun je ook met twee versies van deze pagina geen weggelaten aantal uitrekenen.',
  'insights.method.smallTitle': 'Wat we weglaten, en waarom',
  'insights.method.small':
    'Een klein aantal kan iets zeggen over één gezin. Daarom laten we elk aantal onder de 10 weg, ook 0. Een totaal staat soms naast de losse aantallen, of op een andere plek op deze pagina. Dan zou je een weggelaten aantal kunnen uitrekenen. Daarom laten we dan nog een aantal weg: het kleinste dat het weggelaten aantal verbergt. De computer controleert elke keer dat geen weggelaten aantal uit de andere cijfers te berekenen is.',
  'insights.method.csv':
    'In de CSV-bestanden is een weggelaten aantal een leeg veld. De kolommen hebben vaste Engelse namen, zodat je ze met een programma kunt lezen.',
  'insights.method.checkLookupsTitle': 'Signalencheck per regio',
  'insights.method.checkLookups':
    'De signalencheck vraagt niet waar je woont. Op de uitslag kun je met je postcode hulp zoeken. Dan tellen we 1 bij de dag, het advies en de veiligheidsregio van die postcode. Het advies gaat niet mee in het adres van de pagina met hulp. Zo staat het niet in de geschiedenis van je browser. Ouders die geen hulp zoeken, of die de gewone hulpzoeker gebruiken, tellen hier niet mee. Een postcode die in meer regio’s ligt, tellen we niet. We laten de aantallen per regio en per advies apart zien. Per regio én per advies samen zouden bijna alle aantallen onder de 10 zijn.',
  'insights.method.casesTitle': 'Samenwerken in de lijn',
  'insights.method.cases':
    'Deze cijfers komen uit de gedeelde ruimte voor ouders en hulpverleners. Elke dag tellen we per week, zonder namen, zonder inhoud en zonder nummer van een zaak. We gebruiken alleen hele weken.',
  'insights.method.cases.meetings':
    'Overleg: elk overleg dat in een zaak met ouders is vastgelegd, in de week dat het is vastgelegd. Erbij staat of de ouder was uitgenodigd en of de ouder meedeed. Zaken zonder ouders tellen hier niet mee. Daar doen ouders met opzet niet mee. Het deel in procent rekenen we alleen uit getoonde aantallen. Laten we een aantal weg, dan ook het deel.',
  'insights.method.cases.firstHelp':
    'Tijd tot de eerste hulp: het aantal dagen van de start van een zaak tot de eerste dag dat zowel een ouder als een hulpverlener (zorg, regisseur, Veilig Thuis of jeugdbescherming) in de zaak zat. Politie of school telt niet als hulp. We tellen in groepen van dagen.',
  'insights.method.cases.agreements':
    'Afspraken over tijd: open afspraken in open zaken aan het eind van de laatste week, en hoeveel daarvan over de afgesproken datum heen zijn. Dit is een stand op één moment. Per week optellen zou dezelfde afspraak elke week opnieuw tellen.',
  'insights.method.cases.tracks':
    'Zaken per spoor: open zaken met een stap die loopt in een spoor van de lijn, aan het eind van de laatste week. Een zaak kan in meer sporen zijn, dus de aantallen tellen niet op tot een totaal.',
  'insights.method.cases.weeks':
    'Een week kan nog een week na afloop veranderen, bijvoorbeeld als een overleg later wordt vastgelegd. Daarom komen deze cijfers een week later dan de andere. Ze gaan over hetzelfde soort blok van 12 weken. In de eerste week van een nieuw blok zie je hier nog het vorige blok.',
  'insights.method.surveyTitle': 'Ouders aan het woord',
  'insights.method.survey':
    'Ouders met een account krijgen op een paar momenten een korte vragenlijst, niet vaker dan eens per kwartaal. Bijvoorbeeld als een zaak in een nieuw spoor komt of sluit. Invullen is niet verplicht. We bewaren de antwoorden zonder account en alleen met de week. We tellen per vraag hoe vaak elk cijfer is gegeven. Een overgeslagen vraag telt als geen antwoord. Wat ouders zelf schrijven, staat hier niet.',
  'insights.method.noiseTitle': 'Ruis',
  'insights.method.noise':
    'Bij elk getal dat we laten zien, tellen we een klein willekeurig getal op of af. Dat heet Laplace-ruis, met ε = {epsilon, number} per getal. Zo kun je uit een getal nooit precies halen wat één persoon deed. De getallen zijn daardoor niet precies: een totaal en zijn delen tellen soms niet precies op. Percentages rekenen we uit met de getallen met ruis. De ruis van een getal blijft de hele periode hetzelfde. Een getal met ruis is nooit lager dan 10.',
  'insights.method.noNoiseTitle': 'Geen ruis',
  'insights.method.noNoise':
    'We tellen precies. We voegen geen willekeurige ruis toe aan de aantallen. Kleine aantallen beschermen we door ze weg te laten, zoals hierboven staat.',
  'insights.method.back': 'Terug naar Inzichten',
} as const;

const en: Translation<typeof nl> = {
  'insights.title': 'Insights',
  'insights.description':
    'Anonymous figures about the signals check, the help finder, working together in the pathway and what parents themselves think.',
  'insights.lead':
    'How often do parents use the signals check and the help finder? How does working together with parents in the pathway go? And what do parents themselves think? Here you see the numbers. Nothing here is about a person or a family.',
  'insights.period': 'These figures cover weeks {first} to {last}: from {from, date, long} to {through, date, long}.',
  'insights.small':
    'We do not show numbers under 10. Sometimes we also leave out another number, so that a small number cannot be worked out. It then says “not shown”.',
  'insights.methodLink': 'How we count and what we leave out',
  'insights.withheld': 'not shown',
  'insights.total': 'Total',
  'insights.week': 'Week',
  'insights.csv': 'Download the figures of this table (CSV)',
  'insights.chart.count': '{count, number}',
  'insights.checks.title': 'Signals check completed',
  'insights.checks.summary':
    '{total, select, withheld {In these weeks the signals check was completed fewer than 10 times, or we leave out the total.} other {In these weeks the signals check was completed {total} times.}} We only count the advice parents got. We do not keep the answers.',
  'insights.checks.chartTitle': 'Signals check completed, by week',
  'insights.checks.chartDescription':
    'Bar chart of the number of times per week. The table below gives the same figures by advice.',
  'insights.checks.tableCaption': 'Signals check completed, by week and by advice',
  'insights.checks.versionsCaption': 'Signals check completed, by version of the questionnaire',
  'insights.checks.version': 'Version {version}',
  'insights.checks.versionColumn': 'Version',
  'insights.checks.count': 'Number',
  'insights.level.bel-112': 'Call 112',
  'insights.level.bel-vandaag': 'Call today',
  'insights.level.vraag-advies': 'Ask for advice',
  'insights.level.blijf-in-gesprek': 'Keep talking',
  'insights.lookups.title': 'Help finder used',
  'insights.lookups.summary':
    '{total, select, withheld {In these weeks the help finder was used fewer than 10 times, or we leave out the total.} other {In these weeks people looked for help near them {total} times.}} We count by safety region, not by postcode.',
  'insights.lookups.chartTitle': 'Help finder used, by week',
  'insights.lookups.chartDescription': 'Bar chart of the number of times per week. A table by safety region is below.',
  'insights.lookups.weeksCaption': 'Help finder used, by week',
  'insights.lookups.regionsCaption': 'Help finder used, by safety region (all weeks together)',
  'insights.lookups.region': 'Safety region',
  'insights.share': 'Share',
  'insights.share.whole': 'all',
  'insights.share.value': '{share, number} percent',
  'insights.checkLookups.title': 'Signals check followed by a help lookup, by region',
  'insights.checkLookups.regionOnly':
    'Please note: the signals check does not ask where you live. We only know the region when a parent looked up help by postcode after the result, with the button on the result. So these figures are only about those parents, not about all checks.',
  'insights.checkLookups.summary':
    '{total, select, withheld {In these weeks help was looked up from the check fewer than 10 times, or we leave out the total.} other {In these weeks parents looked up help from the check result {total} times.}}',
  'insights.checkLookups.chartTitle': 'Signals check followed by a help lookup, by safety region',
  'insights.checkLookups.chartDescription':
    'Bar chart of the number per safety region. The tables below give the same figures, and the figures by advice.',
  'insights.checkLookups.regionsCaption':
    'Signals check followed by a help lookup, by safety region (all weeks together)',
  'insights.checkLookups.levelsCaption': 'Signals check followed by a help lookup, by advice (all weeks together)',
  'insights.checkLookups.level': 'Advice',
  'insights.cases.title': 'Working together in the pathway',
  'insights.cases.period':
    'These figures cover weeks {first} to {last}: from {from, date, long} to {through, date, long}. {counted, number} of the {weeks, number} weeks have complete figures. Only those weeks count.',
  'insights.cases.lead':
    'Parents and professionals work together in a shared space on this site. We only count what happens, without names and without content.',
  'insights.meetings.title': 'Meetings and the parent',
  'insights.meetings.summary':
    'How many meetings were recorded in cases with parents? How often was the parent invited, and how often did the parent take part? We work out the share in percent from shown numbers only.',
  'insights.meetings.chartTitle': 'Meetings in cases with parents',
  'insights.meetings.chartDescription':
    'Bar chart of the number of meetings, how often the parent was invited and how often the parent took part. The table below also gives the share in percent.',
  'insights.meetings.caption': 'Meetings in cases with parents (all weeks together)',
  'insights.meetings.measure': 'What we count',
  'insights.meetings.meetings': 'Meetings recorded',
  'insights.meetings.parent_invited': 'Parent invited',
  'insights.meetings.parent_took_part': 'Parent took part',
  'insights.firstHelp.title': 'Time to the first help',
  'insights.firstHelp.summary':
    'How many days after a case started could help reach the family? That is the first day on which both a parent and a professional who helps were in the case. We count cases where that happened in these weeks.',
  'insights.firstHelp.chartTitle': 'Time from the start of a case to the first help',
  'insights.firstHelp.chartDescription':
    'Bar chart of the number of cases by number of days. The table below gives the same figures.',
  'insights.firstHelp.caption': 'Cases by number of days to the first help (all weeks together)',
  'insights.firstHelp.days': 'Days',
  'insights.firstHelp.bucket': '{bucket} days',
  'insights.firstHelp.sameDay': 'The same day',
  'insights.agreements.title': 'Agreements overdue',
  'insights.agreements.summary':
    'How many agreements in open cases were still open at the end of the last week? And how many of those were past the agreed date?',
  'insights.agreements.chartTitle': 'Open agreements and agreements overdue, at the end of the last week',
  'insights.agreements.chartDescription':
    'Bar chart of the number of open agreements and the number overdue. The table below also gives the share in percent.',
  'insights.agreements.caption': 'Agreements at the end of the last week',
  'insights.agreements.open': 'Open agreements',
  'insights.agreements.overdue': 'Overdue',
  'insights.tracks.title': 'Cases by track',
  'insights.tracks.summary':
    'The pathway has tracks, for example care and police. We count open cases with a step in progress in a track, at the end of the last week. A case can be in several tracks at once. So there is no total.',
  'insights.tracks.none': 'There are no figures about the tracks for these weeks yet.',
  'insights.tracks.chartTitle': 'Open cases by track, at the end of the last week',
  'insights.tracks.chartDescription':
    'Bar chart of the number of cases by track. The table below gives the same figures.',
  'insights.tracks.caption': 'Open cases by track, at the end of the last week',
  'insights.tracks.track': 'Track',
  'insights.survey.title': 'Parents speak',
  'insights.survey.lead':
    'Parents with an account are sometimes offered a short survey. That happens at important moments, for example when a case closes. They give a score from 1 (not at all) to 5 (very much). Skipping a question is fine. We keep the answers without the account.',
  'insights.survey.summary':
    '{total, select, withheld {In these weeks the survey was filled in fewer than 10 times, or we leave out the total.} other {In these weeks the survey was filled in {total} times.}}',
  'insights.survey.chartTitle': 'Parents survey: {question}',
  'insights.survey.chartDescription':
    'Bar chart of the number of parents by score, from 1 to 5, and how often the question was skipped. The table below gives the same figures.',
  'insights.survey.caption': 'Parents survey: number of answers by score (all weeks together)',
  'insights.survey.question': 'Question',
  'insights.survey.question.care': 'Did you feel supported by care?',
  'insights.survey.question.police': 'Did you feel supported by the police?',
  'insights.survey.question.understood': 'Did you understand what happened?',
  'insights.survey.question.next_step': 'Did you know what you could do next?',
  'insights.survey.none': 'No answer',
  'insights.method.title': 'Insights: how we count',
  'insights.method.description': 'Sources, definitions and what we leave out in the figures on Insights.',
  'insights.method.sourcesTitle': 'Where the figures come from',
  'insights.method.sources':
    'We count on this site itself. When someone completes the signals check, we add 1 to the day, the version of the questionnaire and the advice. When someone uses the help finder, we add 1 to the day and the safety region of the postcode or municipality. We keep no answers, postcodes, names or other details of the person. How we count working together in the pathway and the parents survey is described further down.',
  'insights.method.weeksTitle': 'Which weeks',
  'insights.method.weeks':
    'We always show one block of 12 whole weeks (ISO 8601 weeks, Monday to Sunday, Dutch time). The blocks are fixed and do not overlap. A new block appears on the Tuesday after its last week ended. After that it does not change. So even two versions of this page together cannot be used to work out a number left out.',
  'insights.method.smallTitle': 'What we leave out, and why',
  'insights.method.small':
    'A small number can say something about one family. So we leave out every number under 10, 0 included. A total is sometimes shown next to the separate numbers, or elsewhere on this page. Then a number left out could be worked out. So we leave out one more number: the smallest that hides the one left out. Each time, the computer checks that no number left out can be calculated from the other figures.',
  'insights.method.csv':
    'In the CSV files a number left out is an empty field. The columns have fixed English names, so programs can read them.',
  'insights.method.checkLookupsTitle': 'Signals check by region',
  'insights.method.checkLookups':
    'The signals check does not ask where you live. On the result you can look up help with your postcode. Then we add 1 to the day, the advice and the safety region of that postcode. The advice is not put in the address of the help page. So it is not in your browser history. Parents who do not look up help, or who use the ordinary help finder, do not count here. A postcode that lies in more than one region is not counted. We show the numbers by region and by advice separately. By region and advice together almost all numbers would be under 10.',
  'insights.method.casesTitle': 'Working together in the pathway',
  'insights.method.cases':
    'These figures come from the shared space for parents and professionals. Every day we count per week, without names, without content and without a case number. We use whole weeks only.',
  'insights.method.cases.meetings':
    'Meetings: every meeting recorded in a case with parents, in the week it was recorded. With it, whether the parent was invited and whether the parent took part. Cases without parents do not count here. Parents are kept out of those on purpose. We work out the share in percent from shown numbers only. If we leave out a number, we leave out the share too.',
  'insights.method.cases.firstHelp':
    'Time to the first help: the number of days from the start of a case to the first day on which both a parent and a professional who helps (care, coordinator, Veilig Thuis or child protection) were in the case. Police or a school do not count as help. We count in groups of days.',
  'insights.method.cases.agreements':
    'Agreements overdue: open agreements in open cases at the end of the last week, and how many of those are past the agreed date. This is the state at one moment. Adding up weeks would count the same agreement again every week.',
  'insights.method.cases.tracks':
    'Cases by track: open cases with a step in progress in a track of the pathway, at the end of the last week. A case can be in several tracks, so the numbers do not add up to a total.',
  'insights.method.cases.weeks':
    'A week can still change for a week after it ends, for example when a meeting is recorded later. So these figures come a week later than the others. They cover the same kind of block of 12 weeks. In the first week of a new block you still see the block before here.',
  'insights.method.surveyTitle': 'Parents speak',
  'insights.method.survey':
    'Parents with an account are offered a short survey at a few moments, not more than once a quarter. For example when a case enters a new track or closes. Filling it in is optional. We keep the answers without the account and with the week only. We count per question how often each score was given. A skipped question counts as no answer. What parents write themselves is not shown here.',
  'insights.method.noiseTitle': 'Noise',
  'insights.method.noise':
    'We add or subtract a small random number to every figure we show: Laplace noise, with ε = {epsilon, number} per figure. That way no figure tells exactly what one person did. The figures are therefore not exact: a total and its parts may not add up exactly. Percentages are computed from the figures with noise. The noise of a figure stays the same for the whole period. A figure with noise is never below 10.',
  'insights.method.noNoiseTitle': 'No noise',
  'insights.method.noNoise':
    'We count exactly. We do not add random noise to the numbers. We protect small numbers by leaving them out, as described above.',
  'insights.method.back': 'Back to Insights',
};

export const insightsMessages = { nl, en };
