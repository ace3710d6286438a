import type { Translation } from '../../shared/i18n/messages.js';

/**
 * The pathway's messages: the public page that explains it (/samenwerken/hoe-het-werkt) and the per-track view
 * on a case page. The steps' own texts are data (content/pathway/). Merged into the one catalogue in
 * src/messages.ts.
 */
const nl = {
  'pathway.page.title': 'Samenwerken rond je kind: zo werkt het',
  'pathway.page.description':
    'Wat er kan gebeuren als hulp, Veilig Thuis, de Raad voor de Kinderbescherming en de politie bij je kind betrokken zijn. Per stap: wie het doet, wat je kunt verwachten en wat je kunt vragen.',
  'pathway.page.lead':
    'Als je je zorgen maakt over je kind, krijg je soms met veel mensen te maken. Hulpverleners, Veilig Thuis, de Raad voor de Kinderbescherming en de politie. Hier lees je welke stappen er kunnen komen. En wat jij kunt verwachten en vragen.',
  'pathway.page.urgent': 'Is er nu gevaar? Bel 112. Weet je niet wat je nu moet doen? Kijk bij',
  'pathway.page.urgentLink': 'Wat moet ik nu doen?',
  'pathway.page.tracks.title': 'Sporen die naast elkaar lopen',
  'pathway.page.tracks.text':
    'De stappen zijn verdeeld in zes sporen. Die sporen lopen vaak tegelijk. Er kan bijvoorbeeld een strafzaak zijn, en tegelijk hulp voor je kind. Een spoor kan ook opnieuw beginnen. Bijvoorbeeld als je je na de hulp weer zorgen maakt. Niet elk spoor komt bij elk kind voor.',
  'pathway.page.tracks.different': 'Elke situatie is anders. Vraag altijd hoe het bij jullie gaat.',
  'pathway.page.decide.title': 'Wat jij wel en niet beslist',
  'pathway.page.decide.police':
    'Je kunt een onderzoek van de politie, van Veilig Thuis of van de Raad voor de Kinderbescherming niet stoppen.',
  'pathway.page.decide.prosecutor':
    'Het Openbaar Ministerie beslist of een verdachte wordt vervolgd. Niet jij, en ook niet je kind.',
  'pathway.page.decide.mandate':
    'Veilig Thuis tijdens een onderzoek, de Raad en een jeugdbeschermer met een opdracht van de rechter kun je niet uit de samenwerking halen.',
  'pathway.page.decide.secrecy':
    'De politie en hulpverleners delen niet alles met jou. De politie mag gegevens alleen delen als de wet dat toestaat. Hulpverleners hebben een beroepsgeheim.',
  'pathway.page.decide.sixteen':
    'Is je kind 16 of 17? Dan beslist je kind zelf over hulp, en over wat jij te horen krijgt.',
  'pathway.page.decide.can':
    'Je kunt wel altijd vragen stellen, vragen om mee te praten, en zeggen wat jij weet en vindt. Jij kent je kind het best.',
  'pathway.page.space.title': 'Wat deze samenwerking is, en wat niet',
  'pathway.page.space.text':
    'In een samenwerking op deze site zetten ouders, hulpverleners en politie afspraken, volgende stappen en korte berichten. Hulpverleners en de politie houden hun eigen verslagen bij, in hun eigen systemen. Die staan hier niet.',
  'pathway.page.contents': 'De sporen',
  'pathway.page.reviewed':
    'Deze uitleg is niet nagekeken door Veilig Thuis, de politie of de Raad voor de Kinderbescherming. Bij elk spoor staat waar de informatie vandaan komt.',
  'pathway.track.steps': 'Stappen in dit spoor',
  'pathway.track.sources': 'Bronnen bij dit spoor',
  'pathway.track.readMore': 'Lees meer',
  'pathway.source.notCheckedSince': 'Niet gecontroleerd sinds {date, date, long}.',
  'pathway.source.notCheckedSinceYear': 'Niet gecontroleerd sinds {year}.',
  'pathway.source.checkedOn': 'Gecontroleerd op {date, date, long}.',
  'pathway.step.who': 'Wie doet dit meestal:',
  'pathway.step.others': 'Ook betrokken:',
  'pathway.step.expect': 'Wat je kunt verwachten',
  'pathway.step.ask': 'Wat je kunt vragen',
  'pathway.step.next': 'Wat daarna kan komen',
  'pathway.step.inTrack': '{step} (spoor: {track})',
  'pathway.step.canEnd': 'Hier kan dit spoor eindigen.',
  'pathway.role.parent': 'ouder',
  'pathway.role.care': 'hulpverlener',
  'pathway.role.coordinator': 'regisseur',
  'pathway.role.veilig-thuis': 'Veilig Thuis',
  'pathway.role.jeugdbeschermer': 'jeugdbeschermer',
  'pathway.role.raad': 'Raad voor de Kinderbescherming',
  'pathway.role.police': 'politie',
  'pathway.role.observer': 'school of huisarts',
  'pathway.case.status': 'Waar het nu staat:',
  'pathway.case.notStarted': 'Nog niet begonnen.',
  'pathway.case.finished': 'Afgerond.',
  'pathway.case.current': 'Nu: {step}',
  'pathway.case.done': 'Gedaan',
  'pathway.case.noneDone': 'Nog geen stap gedaan.',
  'pathway.case.next': 'Wat hierna kan komen',
  'pathway.case.noNext': 'Er staat geen volgende stap klaar.',
  'pathway.case.onIt': 'Wie hierbij betrokken zijn',
  'pathway.case.nobody': 'Nog niemand.',
  'pathway.case.aboutStep': 'Over deze stap',
  'pathway.case.explain': 'Zo werkt samenwerken',
} as const;

const en: Translation<typeof nl> = {
  'pathway.page.title': 'Working together around your child: how it works',
  'pathway.page.description':
    'What can happen when help, Veilig Thuis, the child protection board and the police are involved with your child. For each step: who does it, what you can expect and what you can ask.',
  'pathway.page.lead':
    'When you are worried about your child, you may deal with many people: care workers, Veilig Thuis, the Raad voor de Kinderbescherming (the child protection board) and the police. Here you read which steps may come, and what you can expect and ask.',
  'pathway.page.urgent': 'Is there danger now? Call 112. Not sure what to do right now? See',
  'pathway.page.urgentLink': 'What should I do now?',
  'pathway.page.tracks.title': 'Tracks that run side by side',
  'pathway.page.tracks.text':
    'The steps are grouped in six tracks. These tracks often run at the same time. For example, there can be a criminal case and, at the same time, help for your child. A track can also start again, for example when you worry again after the help has ended. Not every track happens for every child.',
  'pathway.page.tracks.different': 'Every situation is different. Always ask how it works for you.',
  'pathway.page.decide.title': 'What you decide, and what you do not',
  'pathway.page.decide.police':
    'You cannot stop an investigation by the police, by Veilig Thuis or by the Raad voor de Kinderbescherming.',
  'pathway.page.decide.prosecutor':
    'The public prosecutor (Openbaar Ministerie) decides whether a suspect is prosecuted. Not you, and not your child.',
  'pathway.page.decide.mandate':
    'You cannot remove Veilig Thuis during an investigation, the Raad, or a jeugdbeschermer working under a court order from the shared space.',
  'pathway.page.decide.secrecy':
    'The police and care workers do not share everything with you. The police may share information only where the law allows it. Care workers have professional secrecy.',
  'pathway.page.decide.sixteen':
    'If your child is 16 or 17, your child decides about help, and about what you are told.',
  'pathway.page.decide.can':
    'You can always ask questions, ask to take part in meetings, and say what you know and think. You know your child best.',
  'pathway.page.space.title': 'What this shared space is, and what it is not',
  'pathway.page.space.text':
    'In a shared space on this site, parents, care workers and the police post agreements, next steps and short messages. Care workers and the police keep their own records, in their own systems. Those are not here.',
  'pathway.page.contents': 'The tracks',
  'pathway.page.reviewed':
    'This explanation has not been reviewed by Veilig Thuis, the police or the child protection board. Each track says where its information comes from.',
  'pathway.track.steps': 'Steps in this track',
  'pathway.track.sources': 'Sources for this track',
  'pathway.track.readMore': 'Read more',
  'pathway.source.notCheckedSince': 'Not checked since {date, date, long}.',
  'pathway.source.notCheckedSinceYear': 'Not checked since {year}.',
  'pathway.source.checkedOn': 'Checked on {date, date, long}.',
  'pathway.step.who': 'Who usually does this:',
  'pathway.step.others': 'Also involved:',
  'pathway.step.expect': 'What you can expect',
  'pathway.step.ask': 'What you can ask',
  'pathway.step.next': 'What can come next',
  'pathway.step.inTrack': '{step} (track: {track})',
  'pathway.step.canEnd': 'This track can end here.',
  'pathway.role.parent': 'parent',
  'pathway.role.care': 'care worker',
  'pathway.role.coordinator': 'coordinator',
  'pathway.role.veilig-thuis': 'Veilig Thuis',
  'pathway.role.jeugdbeschermer': 'jeugdbeschermer (child protection worker)',
  'pathway.role.raad': 'child protection board (Raad voor de Kinderbescherming)',
  'pathway.role.police': 'police',
  'pathway.role.observer': 'school or GP',
  'pathway.case.status': 'Where it stands:',
  'pathway.case.notStarted': 'Not started.',
  'pathway.case.finished': 'Finished.',
  'pathway.case.current': 'Now: {step}',
  'pathway.case.done': 'Done',
  'pathway.case.noneDone': 'No step done yet.',
  'pathway.case.next': 'What can come next',
  'pathway.case.noNext': 'No next step is lined up.',
  'pathway.case.onIt': 'Who is involved',
  'pathway.case.nobody': 'Nobody yet.',
  'pathway.case.aboutStep': 'About this step',
  'pathway.case.explain': 'How working together works',
};

export const pathwayMessages = { nl, en };
