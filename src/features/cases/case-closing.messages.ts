import type { Translation } from '../../shared/i18n/messages.js';

/** Closing and keeping a case (ADR 0031): the case page's part, the confirmation, the refusals, the timeline. */
const nl = {
  'caseClosing.section.heading': 'Afsluiten en bewaren',
  'caseClosing.closed':
    'Deze samenwerking is afgesloten op {closed, date, long}. Je kunt alles nog lezen, maar niemand kan nog iets toevoegen of veranderen.',
  'caseClosing.deleteOn':
    'Op {date, date, long} wordt alles van deze samenwerking verwijderd. Daarna kan niemand het nog openen, ook wij niet.',
  'caseClosing.deleteSoon': 'Dat is over minder dan een maand.',
  'caseClosing.ownCopy.text':
    'Wil je bewaren wat je hier kunt lezen? Download dan vóór die datum je eigen kopie. Je eigen logboek blijft altijd van jou.',
  'caseClosing.ownCopy.link': 'Download je eigen kopie',
  'caseClosing.open.text':
    'Is de nazorg afgerond? Dan kun je deze samenwerking afsluiten. Daarna kan iedereen alles nog een tijd lezen.',
  'caseClosing.open.button': 'Samenwerking afsluiten',
  'caseClosing.confirm.title': 'Samenwerking afsluiten',
  'caseClosing.confirm.intro': 'Als je de samenwerking afsluit:',
  'caseClosing.confirm.readOnly': 'kan niemand nog iets toevoegen of veranderen. Iedereen kan alles nog lezen.',
  'caseClosing.confirm.told': 'krijgen alle leden bericht dat de samenwerking is afgesloten, ook de ouders.',
  'caseClosing.confirm.deleted':
    'wordt alles op {date, date, long} verwijderd. Een maand eerder krijgen alle leden nog een bericht. Tot die datum kunnen ouders een eigen kopie downloaden.',
  'caseClosing.confirm.final': 'Afsluiten kun je niet terugdraaien.',
  'caseClosing.confirm.aftercare': 'De nazorg is afgerond',
  'caseClosing.confirm.submit': 'Ja, sluit de samenwerking af',
  'caseClosing.confirm.back': 'Terug naar de samenwerking',
  'caseClosing.problem.aftercare': 'Vink aan dat de nazorg is afgerond. Alleen dan kun je de samenwerking afsluiten.',
  'caseClosing.notice.closed': 'De samenwerking is afgesloten. Alle leden krijgen bericht.',
  'caseClosing.refused.title': 'Deze samenwerking is afgesloten',
  'caseClosing.refused.text':
    'Deze samenwerking is afgesloten. Je kunt alles nog lezen, maar je kunt niets meer toevoegen of veranderen.',
  'caseClosing.refused.back': 'Terug naar de samenwerking',
  'caseClosing.deleted.title': 'Deze samenwerking is verwijderd',
  'caseClosing.deleted.text':
    'Deze samenwerking is op {date, date, long} verwijderd, zoals was afgesproken na het afsluiten. Niemand kan haar nog openen.',
  'caseClosing.deleted.back': 'Naar je samenwerkingen',
  'caseClosing.event.closed': '{who} sloot deze samenwerking af',
  'caseClosing.event.deletionSoon': 'Over een maand wordt deze samenwerking verwijderd',
} as const;

const en: Translation<typeof nl> = {
  'caseClosing.section.heading': 'Closing and keeping',
  'caseClosing.closed':
    'This cooperation was closed on {closed, date, long}. You can still read everything, but nobody can add or change anything.',
  'caseClosing.deleteOn':
    'On {date, date, long} everything in this cooperation will be deleted. After that nobody can open it, not even we.',
  'caseClosing.deleteSoon': 'That is less than a month from now.',
  'caseClosing.ownCopy.text':
    'Do you want to keep what you can read here? Then download your own copy before that date. Your own journal always stays yours.',
  'caseClosing.ownCopy.link': 'Download your own copy',
  'caseClosing.open.text':
    'Is the aftercare done? Then you can close this cooperation. Everyone can still read everything for a while after that.',
  'caseClosing.open.button': 'Close the cooperation',
  'caseClosing.confirm.title': 'Close the cooperation',
  'caseClosing.confirm.intro': 'When you close the cooperation:',
  'caseClosing.confirm.readOnly': 'nobody can add or change anything. Everyone can still read everything.',
  'caseClosing.confirm.told': 'all members are told that the cooperation was closed, the parents too.',
  'caseClosing.confirm.deleted':
    'everything is deleted on {date, date, long}. A month before, all members are told again. Until that date parents can download their own copy.',
  'caseClosing.confirm.final': 'You cannot undo closing.',
  'caseClosing.confirm.aftercare': 'The aftercare is done',
  'caseClosing.confirm.submit': 'Yes, close the cooperation',
  'caseClosing.confirm.back': 'Back to the cooperation',
  'caseClosing.problem.aftercare': 'Tick that the aftercare is done. Only then can you close the cooperation.',
  'caseClosing.notice.closed': 'The cooperation is closed. All members are told.',
  'caseClosing.refused.title': 'This cooperation is closed',
  'caseClosing.refused.text':
    'This cooperation is closed. You can still read everything, but you can no longer add or change anything.',
  'caseClosing.refused.back': 'Back to the cooperation',
  'caseClosing.deleted.title': 'This cooperation was deleted',
  'caseClosing.deleted.text':
    'This cooperation was deleted on {date, date, long}, as agreed when it was closed. Nobody can open it any more.',
  'caseClosing.deleted.back': 'To your cooperations',
  'caseClosing.event.closed': '{who} closed this cooperation',
  'caseClosing.event.deletionSoon': 'This cooperation will be deleted in a month',
};

export const caseClosingMessages = { nl, en };
