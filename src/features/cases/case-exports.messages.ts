import type { Translation } from '../../shared/i18n/messages.js';

/**
 * Exports of a case (issue 15, ADR 0029): the summary PDF for professionals, a parent's own copy, and the police
 * bundle of the entries a parent shared. Merged into the one catalogue in src/messages.ts.
 */
const nl = {
  'caseExports.nav.summary': 'Samenvatting als pdf',
  'caseExports.nav.ownCopy': 'Je eigen kopie',
  'caseExports.nav.police': 'Bundel voor de politie',
  'caseExports.back': 'Terug naar de samenwerking',
  'caseExports.passphrase': 'Uw wachtwoordzin, nog een keer',
  'caseExports.passphraseParent': 'Je wachtwoordzin, nog een keer',
  'caseExports.passphraseHint':
    'Zo weten we dat u het zelf bent. Binnen 5 minuten na de vorige keer mag het leeg blijven.',
  'caseExports.passphraseHintParent':
    'Zo weten we dat jij het zelf bent. Binnen 5 minuten na de vorige keer mag het leeg blijven.',
  'caseExports.summary.title': 'Samenvatting van de samenwerking',
  'caseExports.summary.lead':
    'U krijgt een pdf met waar het traject staat, de afspraken, de overleggen, wat gepland is en de tijdlijn. Er staat alleen in wat u in deze samenwerking mag lezen. Berichten van de jongere staan er nooit in.',
  'caseExports.summary.visible':
    'De ouder ziet in de tijdlijn dat u een samenvatting maakte, met uw rol (niet uw naam). Bewaar de pdf zoals uw organisatie dat voor dossiers voorschrijft.',
  'caseExports.summary.submit': 'Samenvatting downloaden',
  'caseExports.ownCopy.title': 'Je eigen kopie',
  'caseExports.ownCopy.lead':
    'Je krijgt een pdf met alles wat jij in deze samenwerking kunt lezen: waar het traject staat, de afspraken, de overleggen, wat gepland is en de tijdlijn. Bewaar hem op een plek waar niemand anders bij kan.',
  'caseExports.ownCopy.visible': 'De anderen in de samenwerking zien in de tijdlijn dat je een kopie hebt gemaakt.',
  'caseExports.ownCopy.submit': 'Kopie downloaden',
  'caseExports.police.title': 'Gedeelde notities als bundel voor de politie',
  'caseExports.police.lead':
    'Als een ouder notities uit het logboek deelt, maakt de site daarvan een bundel in het vaste exportformaat. De ouder heeft de bundel ondertekend, met de toestemming bij het delen erin. U kunt hem zelf controleren met verify-export of op /verifieer.',
  'caseExports.police.visible':
    'De ouder ziet in de tijdlijn en bij "wie heeft gelezen" dat de politie de bundel downloadde.',
  'caseExports.police.none': 'Er zijn in deze samenwerking nog geen notities gedeeld.',
  'caseExports.police.parent':
    '{count, plural, one {1 notitie gedeeld door een ouder} other {# notities gedeeld door een ouder}}',
  'caseExports.police.ready': 'De bundel is klaar.',
  'caseExports.police.making': 'De bundel wordt nog gemaakt. Kijk over een minuut opnieuw.',
  'caseExports.police.stale':
    'De bundel past niet meer bij wat nu gedeeld is. Hij wordt opnieuw gemaakt zodra de ouder de gedeelde notities bekijkt of opnieuw deelt.',
  'caseExports.police.failed':
    'Het maken van de bundel is mislukt. Hij wordt opnieuw gemaakt als de ouder iets deelt of stopt met delen.',
  'caseExports.police.tooLarge':
    'De bundel werd te groot door foto’s of bestanden. Vraag de ouder om minder te delen, of om zelf een export te maken.',
  'caseExports.police.submit': 'Bundel downloaden',
  'caseExports.problem.passphrase': 'Deze wachtwoordzin klopt niet. Probeer het nog een keer.',
  'caseExports.problem.throttled':
    'Te vaak een verkeerde wachtwoordzin. Wacht een paar minuten en probeer het dan opnieuw.',
  'caseExports.problem.notReady': 'Deze bundel is nu niet klaar. Kijk op de pagina hoe het ervoor staat.',
  'caseExports.problem.youngRefused': 'De jongere heeft hier geen toestemming voor gegeven.',
  'caseExports.event.summary': '{who} maakte een samenvatting van de samenwerking',
  'caseExports.event.policeBundle': '{who} downloadde de gedeelde notities als bundel',
  'caseExports.event.ownCopy': '{who} maakte een eigen kopie',
  'caseExports.share.policeBundle':
    'Van wat je deelt maakt de site ook een bundel die jouw account ondertekent, met wat je hieronder over toestemming invult. Alleen de politie in deze samenwerking kan die bundel downloaden. Jij ziet in de tijdlijn als dat gebeurt.',
  'caseExports.bundle.label': 'Gedeeld in een samenwerking',
  'caseExports.bundle.consent.title': 'Gedeeld in een samenwerking, met toestemming',
  'caseExports.bundle.consent.intro':
    'De ouder deelde deze notities in een samenwerking op de site. Bij het delen is vastgelegd waarop dat rust:',
  'caseExports.bundle.consent.item': '{date}: {basis}. Weet het kind ervan: {knows}.',
  'caseExports.pdf.title': 'Samenvatting van de samenwerking',
  'caseExports.pdf.ownTitle': 'Eigen kopie van de samenwerking',
  'caseExports.pdf.about': 'Over: {label}',
  'caseExports.pdf.madeAt': 'Gemaakt op {date} door {who}.',
  'caseExports.pdf.scope':
    'Hierin staat alleen wat {who} in deze samenwerking mag lezen. Wat niet te lezen was, staat er als zodanig in.',
  'caseExports.pdf.closed': 'Deze samenwerking is afgesloten.',
  'caseExports.pdf.pathway': 'Waar het traject staat',
  'caseExports.pdf.track': '{track}: {step}',
  'caseExports.pdf.trackNotStarted': 'nog niet begonnen',
  'caseExports.pdf.trackFinished': 'afgerond',
  'caseExports.pdf.agreements': 'Afspraken',
  'caseExports.pdf.agreementLine': '{status}{due}',
  'caseExports.pdf.due': ', uiterlijk {day}',
  'caseExports.pdf.meetings': 'Overleggen',
  'caseExports.pdf.meetingLine': 'Overleg op {day}. Ouder uitgenodigd: {invited}. Ouder was erbij: {tookPart}.',
  'caseExports.pdf.upcoming': 'Gepland',
  'caseExports.pdf.timeline': 'Tijdlijn',
  'caseExports.pdf.none': 'Niets.',
  'caseExports.pdf.unreadable': '(niet te lezen: geen sleutel voor dit deel)',
  'caseExports.pdf.professionalsOnly': '(alleen voor professionals)',
  'caseExports.pdf.yes': 'ja',
  'caseExports.pdf.no': 'nee',
  'caseExports.pdf.more': 'Oudere gebeurtenissen staan niet in deze pdf (meer dan {count}).',
  'caseExports.pdf.page': 'Pagina {page} van {pages}',
} as const;

const en: Translation<typeof nl> = {
  'caseExports.nav.summary': 'Summary as PDF',
  'caseExports.nav.ownCopy': 'Your own copy',
  'caseExports.nav.police': 'Bundle for the police',
  'caseExports.back': 'Back to the cooperation',
  'caseExports.passphrase': 'Your passphrase, once more',
  'caseExports.passphraseParent': 'Your passphrase, once more',
  'caseExports.passphraseHint': 'So we know it is you. Within 5 minutes of the last time you may leave it empty.',
  'caseExports.passphraseHintParent': 'So we know it is you. Within 5 minutes of the last time you may leave it empty.',
  'caseExports.summary.title': 'Summary of the cooperation',
  'caseExports.summary.lead':
    'You get a PDF with where the pathway stands, the agreements, the meetings, what is planned and the timeline. It holds only what you may read in this cooperation. Messages of the young person are never in it.',
  'caseExports.summary.visible':
    'The parent sees in the timeline that you made a summary, with your role (not your name). Keep the PDF as your organisation requires for case files.',
  'caseExports.summary.submit': 'Download summary',
  'caseExports.ownCopy.title': 'Your own copy',
  'caseExports.ownCopy.lead':
    'You get a PDF with everything you can read in this cooperation: where the pathway stands, the agreements, the meetings, what is planned and the timeline. Keep it where nobody else can get at it.',
  'caseExports.ownCopy.visible': 'The others in the cooperation see in the timeline that you made a copy.',
  'caseExports.ownCopy.submit': 'Download copy',
  'caseExports.police.title': 'Shared notes as a bundle for the police',
  'caseExports.police.lead':
    'When a parent shares notes from their journal, the site makes a bundle of them in the fixed export format. The parent signed the bundle, with the consent given when sharing in it. You can check it yourself with verify-export or at /verifieer.',
  'caseExports.police.visible':
    'The parent sees in the timeline and under "who read" that the police downloaded the bundle.',
  'caseExports.police.none': 'No notes have been shared in this cooperation yet.',
  'caseExports.police.parent': '{count, plural, one {1 note shared by a parent} other {# notes shared by a parent}}',
  'caseExports.police.ready': 'The bundle is ready.',
  'caseExports.police.making': 'The bundle is still being made. Look again in a minute.',
  'caseExports.police.stale':
    'The bundle no longer fits what is shared now. It is made again as soon as the parent looks at their shared notes or shares again.',
  'caseExports.police.failed':
    'Making the bundle failed. It is made again when the parent shares something or stops sharing.',
  'caseExports.police.tooLarge':
    'The bundle became too large because of photos or files. Ask the parent to share less, or to make an export themselves.',
  'caseExports.police.submit': 'Download bundle',
  'caseExports.problem.passphrase': 'This passphrase is not right. Please try again.',
  'caseExports.problem.throttled': 'Too many wrong passphrases. Wait a few minutes, then try again.',
  'caseExports.problem.notReady': 'This bundle is not ready now. See the page for where it stands.',
  'caseExports.problem.youngRefused': 'The young person has not given consent for this.',
  'caseExports.event.summary': '{who} made a summary of the cooperation',
  'caseExports.event.policeBundle': '{who} downloaded the shared notes as a bundle',
  'caseExports.event.ownCopy': '{who} made their own copy',
  'caseExports.share.policeBundle':
    'From what you share the site also makes a bundle that your account signs, with what you fill in about consent below. Only the police in this cooperation can download that bundle. You see it in the timeline when that happens.',
  'caseExports.bundle.label': 'Shared in a cooperation',
  'caseExports.bundle.consent.title': 'Shared in a cooperation, with consent',
  'caseExports.bundle.consent.intro':
    'The parent shared these notes in a cooperation on the site. When sharing, what it rests on was recorded:',
  'caseExports.bundle.consent.item': '{date}: {basis}. Does the child know: {knows}.',
  'caseExports.pdf.title': 'Summary of the cooperation',
  'caseExports.pdf.ownTitle': 'Own copy of the cooperation',
  'caseExports.pdf.about': 'About: {label}',
  'caseExports.pdf.madeAt': 'Made on {date} by {who}.',
  'caseExports.pdf.scope':
    'This holds only what {who} may read in this cooperation. What could not be read is marked as such.',
  'caseExports.pdf.closed': 'This cooperation is closed.',
  'caseExports.pdf.pathway': 'Where the pathway stands',
  'caseExports.pdf.track': '{track}: {step}',
  'caseExports.pdf.trackNotStarted': 'not started yet',
  'caseExports.pdf.trackFinished': 'finished',
  'caseExports.pdf.agreements': 'Agreements',
  'caseExports.pdf.agreementLine': '{status}{due}',
  'caseExports.pdf.due': ', due {day}',
  'caseExports.pdf.meetings': 'Meetings',
  'caseExports.pdf.meetingLine': 'Meeting on {day}. Parent invited: {invited}. Parent took part: {tookPart}.',
  'caseExports.pdf.upcoming': 'Planned',
  'caseExports.pdf.timeline': 'Timeline',
  'caseExports.pdf.none': 'Nothing.',
  'caseExports.pdf.unreadable': '(cannot be read: no key for this part)',
  'caseExports.pdf.professionalsOnly': '(professionals only)',
  'caseExports.pdf.yes': 'yes',
  'caseExports.pdf.no': 'no',
  'caseExports.pdf.more': 'Older events are not in this PDF (more than {count}).',
  'caseExports.pdf.page': 'Page {page} of {pages}',
};

export const caseExportsMessages = { nl, en };
