import type { Translation } from '../../shared/i18n/messages.js';

/** /inzichten: anonymous figures for policy (issue 18). Merged in src/messages.ts. */
const nl = {
  'insights.title': 'Inzichten',
  'insights.description': 'Anonieme cijfers over de signalencheck en de hulpzoeker, per week.',
  'insights.lead':
    'Hoe vaak gebruiken ouders de signalencheck en de hulpzoeker? Hier zie je de aantallen per week. Er staat niets in over een persoon of een gezin.',
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
  'insights.method.title': 'Inzichten: hoe we tellen',
  'insights.method.description': 'Bronnen, definities en wat we weglaten in de cijfers op Inzichten.',
  'insights.method.sourcesTitle': 'Waar de cijfers vandaan komen',
  'insights.method.sources':
    'We tellen op deze site zelf. Als iemand de signalencheck helemaal invult, tellen we 1 bij de dag, de versie van de vragenlijst en het advies. Als iemand de hulpzoeker gebruikt, tellen we 1 bij de dag en de veiligheidsregio van de postcode of gemeente. We bewaren geen antwoorden, postcodes, namen of andere gegevens van de persoon.',
  'insights.method.weeksTitle': 'Welke weken',
  'insights.method.weeks':
    'We laten steeds een blok van 12 hele weken zien (weken volgens ISO 8601, van maandag tot en met zondag, in Nederlandse tijd). De blokken liggen vast en overlappen niet. Een nieuw blok komt op de dinsdag nadat de laatste week ervan is afgelopen. Daarna verandert het niet meer. Zo kun je ook met twee versies van deze pagina geen weggelaten aantal uitrekenen.',
  'insights.method.smallTitle': 'Wat we weglaten, en waarom',
  'insights.method.small':
    'Een klein aantal kan iets zeggen over één gezin. Daarom laten we elk aantal onder de 10 weg, ook 0. Een totaal staat soms naast de losse aantallen, of op een andere plek op deze pagina. Dan zou je een weggelaten aantal kunnen uitrekenen. Daarom laten we dan nog een aantal weg: het kleinste dat het weggelaten aantal verbergt. De computer controleert elke keer dat geen weggelaten aantal uit de andere cijfers te berekenen is.',
  'insights.method.csv':
    'In de CSV-bestanden is een weggelaten aantal een leeg veld. De kolommen hebben vaste Engelse namen, zodat je ze met een programma kunt lezen.',
  'insights.method.notYetTitle': 'Wat hier nog niet staat',
  'insights.method.notYet':
    'Cijfers over samenwerken in de lijn (uitnodigingen voor overleg, de tijd tot de eerste hulp, afspraken die over tijd zijn) en wat ouders zelf vinden van de hulp komen later. De signalencheck tellen we niet per regio: we weten niet waar iemand woont die de check invult.',
  'insights.method.back': 'Terug naar Inzichten',
} as const;

const en: Translation<typeof nl> = {
  'insights.title': 'Insights',
  'insights.description': 'Anonymous figures about the signals check and the help finder, by week.',
  'insights.lead':
    'How often do parents use the signals check and the help finder? Here you see the numbers by week. Nothing here is about a person or a family.',
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
  'insights.method.title': 'Insights: how we count',
  'insights.method.description': 'Sources, definitions and what we leave out in the figures on Insights.',
  'insights.method.sourcesTitle': 'Where the figures come from',
  'insights.method.sources':
    'We count on this site itself. When someone completes the signals check, we add 1 to the day, the version of the questionnaire and the advice. When someone uses the help finder, we add 1 to the day and the safety region of the postcode or municipality. We keep no answers, postcodes, names or other details of the person.',
  'insights.method.weeksTitle': 'Which weeks',
  'insights.method.weeks':
    'We always show one block of 12 whole weeks (ISO 8601 weeks, Monday to Sunday, Dutch time). The blocks are fixed and do not overlap. A new block appears on the Tuesday after its last week ended. After that it does not change. So even two versions of this page together cannot be used to work out a number left out.',
  'insights.method.smallTitle': 'What we leave out, and why',
  'insights.method.small':
    'A small number can say something about one family. So we leave out every number under 10, 0 included. A total is sometimes shown next to the separate numbers, or elsewhere on this page. Then a number left out could be worked out. So we leave out one more number: the smallest that hides the one left out. Each time, the computer checks that no number left out can be calculated from the other figures.',
  'insights.method.csv':
    'In the CSV files a number left out is an empty field. The columns have fixed English names, so programs can read them.',
  'insights.method.notYetTitle': 'What is not here yet',
  'insights.method.notYet':
    'Figures about working together in the pathway (invitations to meetings, the time to the first help, agreements that are overdue) and what parents themselves think of the help come later. We do not count the signals check by region: we do not know where someone who fills in the check lives.',
  'insights.method.back': 'Back to Insights',
};

export const insightsMessages = { nl, en };
