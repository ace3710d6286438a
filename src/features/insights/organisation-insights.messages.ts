import type { Translation } from '../../shared/i18n/messages.js';

/** Figures per region for an organisation's own cases (issue 18 point 4). Merged in src/messages.ts. */
const nl = {
  'orgInsights.own.title': 'Cijfers van jullie zaken',
  'orgInsights.own.lead':
    'Hier zie je hoe het ging in de zaken van {organisation} in de lijn, per veiligheidsregio. Het zijn alleen aantallen. Er staat niets in over een kind, een gezin of een collega.',
  'orgInsights.own.fallbackName': 'jullie organisatie',
  'orgInsights.all.title': 'Cijfers van alle organisaties',
  'orgInsights.all.lead':
    'Hier zie je hoe het ging in de zaken van alle organisaties samen, per veiligheidsregio. Elke zaak telt één keer, ook als er meer organisaties in meedoen. Het zijn alleen aantallen. Er staat niets in over een kind, een gezin of een medewerker.',
  'orgInsights.description': 'Aantallen per veiligheidsregio over de zaken in de lijn, zonder namen.',
  'orgInsights.period':
    'Deze cijfers gaan over de weken {first} tot en met {last}: van {from, date, long} tot en met {through, date, long}. Elke 12 weken komen er nieuwe cijfers.',
  'orgInsights.small':
    'Aantallen onder de 10 laten we niet zien, ook niet als het 0 is. Soms laten we ook een ander aantal weg, zodat je een klein aantal niet kunt uitrekenen. Er staat dan “niet getoond”. Dat doen we hier net zo als op de openbare pagina met inzichten.',
  'orgInsights.methodLink': 'Hoe we tellen en wat we weglaten',
  'orgInsights.source':
    'Bron: de zaken in de lijn op dit platform. We tellen elke dag, per week, zonder namen of nummers van zaken. Een zaak telt mee voor jullie organisatie zodra iemand van jullie in de zaak meedoet.',
  'orgInsights.regionRule':
    'De regio van een zaak ligt vast vanaf de start. Volgt de zaak de lijn van een regio, dan is het die regio. Anders is het de regio van de organisatie die de zaak begon. Weten we die niet, dan staat er “Regio onbekend”.',
  'orgInsights.flowsAndStates':
    '“Begonnen”, “gesloten”, overleggen en eerste hulp tellen we over alle 12 weken. “Open”, “wacht nog op hulp”, afspraken en trajecten laten zien hoe het stond aan het eind van de laatste week.',
  'orgInsights.region': 'Veiligheidsregio',
  'orgInsights.unknownRegion': 'Regio onbekend',
  'orgInsights.withheld': 'niet getoond',
  'orgInsights.count': '{count, number}',
  'orgInsights.total': 'Totaal',
  'orgInsights.csv': 'Download de cijfers van deze tabel (CSV)',
  'orgInsights.back': 'Terug naar je account',

  'orgInsights.cases.title': 'Zaken',
  'orgInsights.cases.summary':
    '{started, select, withheld {Hoeveel zaken in deze weken begonnen, laten we niet zien.} other {In deze weken begonnen {started} zaken.}} {open, select, withheld {Hoeveel zaken aan het eind open waren, laten we niet zien.} other {Aan het eind waren {open} zaken open.}}',
  'orgInsights.cases.chartTitle': 'Zaken begonnen, per veiligheidsregio',
  'orgInsights.cases.chartDescription':
    'Staafdiagram met het aantal zaken dat begon, per regio. De tabel eronder geeft dezelfde cijfers, en ook gesloten en open zaken.',
  'orgInsights.cases.caption': 'Zaken per veiligheidsregio',
  'orgInsights.cases.started': 'Begonnen',
  'orgInsights.cases.closed': 'Gesloten',
  'orgInsights.cases.open': 'Open aan het eind',
  'orgInsights.cases.waiting': 'Wacht nog op hulp',

  'orgInsights.meetings.title': 'Overleggen en de ouder',
  'orgInsights.meetings.summary':
    '{meetings, select, withheld {Hoeveel overleggen er waren, laten we niet zien.} other {In deze weken waren er {meetings} overleggen.}} {invited, select, withheld {} other {Bij {invited} daarvan was de ouder uitgenodigd.}} {tookPart, select, withheld {} other {Bij {tookPart} deed de ouder mee.}}',
  'orgInsights.meetings.chartTitle': 'Overleggen, per veiligheidsregio',
  'orgInsights.meetings.chartDescription':
    'Staafdiagram met het aantal overleggen per regio. De tabel eronder geeft ook hoe vaak de ouder was uitgenodigd en meedeed.',
  'orgInsights.meetings.caption': 'Overleggen per veiligheidsregio',
  'orgInsights.meetings.meetings': 'Overleggen',
  'orgInsights.meetings.invited': 'Ouder uitgenodigd',
  'orgInsights.meetings.tookPart': 'Ouder deed mee',

  'orgInsights.firstHelp.title': 'Tijd tot de eerste hulp',
  'orgInsights.firstHelp.summary':
    '{total, select, withheld {In hoeveel zaken de eerste hulp kwam, laten we niet zien.} other {In deze weken kwam in {total} zaken de eerste hulp.}} De eerste hulp is de dag waarop een ouder en een hulpverlener allebei in de zaak zaten. We tellen hoeveel dagen dat na de start was.',
  'orgInsights.firstHelp.chartTitle': 'Zaken met eerste hulp, per veiligheidsregio',
  'orgInsights.firstHelp.chartDescription':
    'Staafdiagram met het aantal zaken per regio waarin de eerste hulp kwam. De tabel eronder verdeelt ze naar het aantal dagen.',
  'orgInsights.firstHelp.caption': 'Eerste hulp per veiligheidsregio, naar aantal dagen na de start',
  'orgInsights.firstHelp.0': 'Dezelfde dag',
  'orgInsights.firstHelp.1-7': '1 tot 7 dagen',
  'orgInsights.firstHelp.8-14': '8 tot 14 dagen',
  'orgInsights.firstHelp.15-28': '15 tot 28 dagen',
  'orgInsights.firstHelp.29-90': '29 tot 90 dagen',
  'orgInsights.firstHelp.over90': 'Meer dan 90 dagen',

  'orgInsights.agreements.title': 'Afspraken',
  'orgInsights.agreements.summary':
    '{open, select, withheld {Hoeveel afspraken open stonden, laten we niet zien.} other {Aan het eind stonden {open} afspraken open.}} {overdue, select, withheld {} other {Daarvan waren er {overdue} te laat.}}',
  'orgInsights.agreements.chartTitle': 'Open afspraken, per veiligheidsregio',
  'orgInsights.agreements.chartDescription':
    'Staafdiagram met het aantal open afspraken per regio aan het eind. De tabel eronder geeft ook hoeveel te laat waren.',
  'orgInsights.agreements.caption': 'Afspraken per veiligheidsregio, aan het eind',
  'orgInsights.agreements.open': 'Open',
  'orgInsights.agreements.overdue': 'Te laat',

  'orgInsights.tracks.title': 'Zaken per traject',
  'orgInsights.tracks.summary':
    'Hoeveel open zaken aan het eind een stap hadden lopen in elk traject. Een zaak kan in meer trajecten tegelijk zitten, dus de trajecten tellen we niet bij elkaar op.',
  'orgInsights.tracks.chartTitle': 'Open zaken per traject, alle regio’s samen',
  'orgInsights.tracks.chartDescription':
    'Staafdiagram met het aantal open zaken per traject. De tabel eronder verdeelt ze per regio.',
  'orgInsights.tracks.caption': 'Open zaken per traject en veiligheidsregio, aan het eind',
};

const en: Translation<typeof nl> = {
  'orgInsights.own.title': 'Figures of your cases',
  'orgInsights.own.lead':
    'How the cases of {organisation} in de lijn went, per safety region. These are counts only. Nothing here is about a child, a family or a colleague.',
  'orgInsights.own.fallbackName': 'your organisation',
  'orgInsights.all.title': 'Figures of all organisations',
  'orgInsights.all.lead':
    'How the cases of all organisations together went, per safety region. Each case counts once, even when several organisations take part. These are counts only. Nothing here is about a child, a family or a staff member.',
  'orgInsights.description': 'Counts per safety region of the cases in de lijn, without names.',
  'orgInsights.period':
    'These figures cover weeks {first} to {last}: from {from, date, long} to {through, date, long}. New figures come every 12 weeks.',
  'orgInsights.small':
    'We do not show counts under 10, not even 0. Sometimes we also leave out another count, so that a small one cannot be worked out. It then says “not shown”. We do this here just as on the public insights page.',
  'orgInsights.methodLink': 'How we count and what we leave out',
  'orgInsights.source':
    'Source: the cases in de lijn on this platform. We count every day, by week, without names or numbers of cases. A case counts for your organisation as soon as someone from it takes part in the case.',
  'orgInsights.regionRule':
    'A case’s region is fixed at its start. If the case follows the line of a region, it is that region. Otherwise it is the region of the organisation that started the case. If we do not know that, it says “Region unknown”.',
  'orgInsights.flowsAndStates':
    '“Started”, “closed”, meetings and first help are counted over all 12 weeks. “Open”, “still waiting for help”, agreements and tracks show how things stood at the end of the last week.',
  'orgInsights.region': 'Safety region',
  'orgInsights.unknownRegion': 'Region unknown',
  'orgInsights.withheld': 'not shown',
  'orgInsights.count': '{count, number}',
  'orgInsights.total': 'Total',
  'orgInsights.csv': 'Download the figures of this table (CSV)',
  'orgInsights.back': 'Back to your account',

  'orgInsights.cases.title': 'Cases',
  'orgInsights.cases.summary':
    '{started, select, withheld {We do not show how many cases started in these weeks.} other {In these weeks {started} cases started.}} {open, select, withheld {We do not show how many cases were open at the end.} other {At the end {open} cases were open.}}',
  'orgInsights.cases.chartTitle': 'Cases started, per safety region',
  'orgInsights.cases.chartDescription':
    'Bar chart of the number of cases that started, per region. The table below gives the same figures, and closed and open cases too.',
  'orgInsights.cases.caption': 'Cases per safety region',
  'orgInsights.cases.started': 'Started',
  'orgInsights.cases.closed': 'Closed',
  'orgInsights.cases.open': 'Open at the end',
  'orgInsights.cases.waiting': 'Still waiting for help',

  'orgInsights.meetings.title': 'Meetings and the parent',
  'orgInsights.meetings.summary':
    '{meetings, select, withheld {We do not show how many meetings there were.} other {In these weeks there were {meetings} meetings.}} {invited, select, withheld {} other {The parent was invited to {invited} of them.}} {tookPart, select, withheld {} other {The parent took part in {tookPart}.}}',
  'orgInsights.meetings.chartTitle': 'Meetings, per safety region',
  'orgInsights.meetings.chartDescription':
    'Bar chart of the number of meetings per region. The table below also gives how often the parent was invited and took part.',
  'orgInsights.meetings.caption': 'Meetings per safety region',
  'orgInsights.meetings.meetings': 'Meetings',
  'orgInsights.meetings.invited': 'Parent invited',
  'orgInsights.meetings.tookPart': 'Parent took part',

  'orgInsights.firstHelp.title': 'Time to first help',
  'orgInsights.firstHelp.summary':
    '{total, select, withheld {We do not show in how many cases first help came.} other {In these weeks first help came in {total} cases.}} First help is the day on which a parent and a care worker were both in the case. We count how many days after the start that was.',
  'orgInsights.firstHelp.chartTitle': 'Cases with first help, per safety region',
  'orgInsights.firstHelp.chartDescription':
    'Bar chart of the number of cases per region in which first help came. The table below splits them by the number of days.',
  'orgInsights.firstHelp.caption': 'First help per safety region, by days after the start',
  'orgInsights.firstHelp.0': 'The same day',
  'orgInsights.firstHelp.1-7': '1 to 7 days',
  'orgInsights.firstHelp.8-14': '8 to 14 days',
  'orgInsights.firstHelp.15-28': '15 to 28 days',
  'orgInsights.firstHelp.29-90': '29 to 90 days',
  'orgInsights.firstHelp.over90': 'More than 90 days',

  'orgInsights.agreements.title': 'Agreements',
  'orgInsights.agreements.summary':
    '{open, select, withheld {We do not show how many agreements were open.} other {At the end {open} agreements were open.}} {overdue, select, withheld {} other {{overdue} of them were late.}}',
  'orgInsights.agreements.chartTitle': 'Open agreements, per safety region',
  'orgInsights.agreements.chartDescription':
    'Bar chart of the number of open agreements per region at the end. The table below also gives how many were late.',
  'orgInsights.agreements.caption': 'Agreements per safety region, at the end',
  'orgInsights.agreements.open': 'Open',
  'orgInsights.agreements.overdue': 'Late',

  'orgInsights.tracks.title': 'Cases per track',
  'orgInsights.tracks.summary':
    'How many open cases had a step going on in each track at the end. A case can be in several tracks at once, so we do not add the tracks up.',
  'orgInsights.tracks.chartTitle': 'Open cases per track, all regions together',
  'orgInsights.tracks.chartDescription':
    'Bar chart of the number of open cases per track. The table below splits them by region.',
  'orgInsights.tracks.caption': 'Open cases per track and safety region, at the end',
};

export const organisationInsightsMessages = { nl, en };
