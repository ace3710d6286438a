import type { Translation } from '../../shared/i18n/messages.js';

/**
 * The measures' part of the case page (ADR 0032), shown to the case's professionals only. Merged into the one
 * catalogue in src/messages.ts.
 */
const nl = {
  'caseMeasures.heading': 'Cijfers over deze samenwerking',
  'caseMeasures.lead':
    'Alleen professionals zien dit. De cijfers komen uit datums en keuzes in de samenwerking, niet uit wat iemand schreef. Ze tellen ook mee in cijfers per week, zonder namen of nummers van zaken of mensen.',
  'caseMeasures.meetings': 'Overleggen vastgelegd',
  'caseMeasures.parentInvited': 'Ouder uitgenodigd',
  'caseMeasures.parentTookPart': 'Ouder deed mee',
  'caseMeasures.ofMeetings': '{count} van {total}',
  'caseMeasures.firstHelp': 'Tijd tot het eerste hulpcontact',
  'caseMeasures.firstHelp.days': '{days, plural, =0 {dezelfde dag} one {# dag} other {# dagen}}',
  'caseMeasures.firstHelp.none': 'Nog niet: er is nog geen ouder én hulpverlener in de samenwerking.',
  'caseMeasures.firstHelp.notApplicable': 'Telt niet bij een samenwerking zonder ouders.',
  'caseMeasures.firstHelp.explain':
    'Het eerste hulpcontact is de dag waarop een ouder en een hulpverlener (zorg, regie, Veilig Thuis of jeugdbescherming) allebei in de samenwerking zitten.',
  'caseMeasures.agreements': 'Afspraken die nog open staan',
  'caseMeasures.agreements.value': '{open}, waarvan {overdue} te laat',
  'caseMeasures.tracks': 'Sporen met een stap die nu loopt',
  'caseMeasures.tracks.none': 'Geen',
};

const en: Translation<typeof nl> = {
  'caseMeasures.heading': 'Figures about this case',
  'caseMeasures.lead':
    'Only professionals see this. The figures come from dates and choices in the case, not from what anyone wrote. They also count in weekly figures, without names or numbers of cases or people.',
  'caseMeasures.meetings': 'Meetings recorded',
  'caseMeasures.parentInvited': 'Parent invited',
  'caseMeasures.parentTookPart': 'Parent took part',
  'caseMeasures.ofMeetings': '{count} of {total}',
  'caseMeasures.firstHelp': 'Time to the first help contact',
  'caseMeasures.firstHelp.days': '{days, plural, =0 {the same day} one {# day} other {# days}}',
  'caseMeasures.firstHelp.none': 'Not yet: there is not yet both a parent and a care professional in the case.',
  'caseMeasures.firstHelp.notApplicable': 'Not counted for a case without parents.',
  'caseMeasures.firstHelp.explain':
    'The first help contact is the day on which a parent and a care professional (care, coordination, Veilig Thuis or child protection) are both in the case.',
  'caseMeasures.agreements': 'Agreements still open',
  'caseMeasures.agreements.value': '{open}, of which {overdue} late',
  'caseMeasures.tracks': 'Tracks with a step in progress',
  'caseMeasures.tracks.none': 'None',
};

export const caseMeasuresMessages = { nl, en };
