import type { Translation } from '../../shared/i18n/messages.js';

/**
 * The pathway's messages: the public page that explains it (/samenwerken/hoe-het-werkt) and the per-track view
 * on a case page; the same for young people (/samenwerken/jongeren and the young person's home). The steps' own
 * texts are data (content/pathway/). Merged into the one catalogue in src/messages.ts.
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
  'pathway.page.forYoung': 'Is je kind 12 jaar of ouder? Er is ook een uitleg in woorden voor jongeren.',
  'pathway.page.forYoungLink': 'Uitleg voor jongeren',
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
  // The pathway told to young people (12 to 17): the page /samenwerken/jongeren and the young person's home.
  'pathway.young.page.title': 'Samenwerken rond jou: uitleg voor jongeren',
  'pathway.young.page.description':
    'Wat er kan gebeuren als hulpverleners, Veilig Thuis, de politie en je ouders samenwerken. Per stap: wat er gebeurt, wie het doet en wat jij kunt vragen. En waar je zelf terecht kunt.',
  'pathway.young.page.lead':
    'Maken mensen zich zorgen over jou? Dan werken hulpverleners, Veilig Thuis, de politie en je ouders soms samen. Hier lees je welke stappen er kunnen komen. En wat jij kunt vragen en zeggen.',
  'pathway.young.page.urgent': 'Ben je nu in gevaar? Bel 112.',
  'pathway.young.page.safeUse': 'Kijkt iemand mee op je telefoon of computer?',
  'pathway.young.page.safeUseLink': 'Zo gebruik je deze site veiliger',
  'pathway.young.page.fault.title': 'Het is niet jouw schuld',
  'pathway.young.page.fault.text':
    'Wat er ook is gebeurd: het is niet jouw schuld. Je hoeft het niet alleen op te lossen. Vertel het aan een volwassene die je vertrouwt.',
  'pathway.young.page.decide.title': 'Wat jij mag beslissen',
  'pathway.young.page.decide.twelve': 'Ben je 12 tot 16 jaar? Dan beslis je samen met je ouders over hulp.',
  'pathway.young.page.decide.sixteen':
    'Ben je 16 of 17? Dan beslis je zelf over hulp. En over wat je ouders daarover te horen krijgen.',
  'pathway.young.page.decide.judge': 'Moet je naar de kinderrechter? Vanaf 12 jaar hoort de rechter ook jou.',
  'pathway.young.page.decide.eighteen':
    'Op je 18e hebben je ouders geen gezag meer. Jeugdhulp kan dan doorgaan tot je 23e, als jij dat wilt.',
  'pathway.young.page.decide.cannot':
    'Sommige dingen kun je niet tegenhouden, en je ouders ook niet. Bijvoorbeeld een onderzoek van de politie, van Veilig Thuis of van de Raad voor de Kinderbescherming. Het Openbaar Ministerie beslist of iemand voor de rechter komt.',
  'pathway.young.page.decide.can':
    'Je mag altijd vragen stellen. Je mag zeggen wat jij vindt en wat jij wilt. Snap je iets niet? Vraag dan om uitleg.',
  'pathway.young.page.tell.title': 'Als je iets vertelt aan een hulpverlener',
  'pathway.young.page.tell.text':
    'Hulpverleners en school werken met een stappenplan: de meldcode. Denken ze dat jij niet veilig bent? Dan moeten ze Veilig Thuis inschakelen, ook als jij dat niet wilt. Vraag gerust wat ze doen met wat jij vertelt.',
  'pathway.young.page.space.title': 'Jouw eigen plek op deze site',
  'pathway.young.page.space.invite':
    'Een hulpverlener kan je uitnodigen op deze site. Je krijgt dan een code van die hulpverlener zelf. Met die code maak je een account.',
  'pathway.young.page.space.codeLink': 'Ik heb een code gekregen',
  'pathway.young.page.space.channel':
    'Daarna kun je berichten sturen aan de hulpverlener die jou uitnodigde. Je ouders kunnen die berichten niet lezen. Andere hulpverleners ook niet. Je ziet ook welke stappen er al zijn gezet.',
  'pathway.young.page.space.sixteen':
    'Ben je 16 of ouder? Dan vraagt de site jou om toestemming voor sommige dingen. Bijvoorbeeld voordat er iemand nieuw bij de samenwerking komt. Zeg je nee? Dan kan dat niet via deze site.',
  'pathway.young.page.tracks.title': 'De stappen die kunnen komen',
  'pathway.young.page.tracks.text':
    'De stappen horen bij zes onderdelen. Die lopen vaak tegelijk. Niet alles gebeurt bij iedereen. Vraag altijd hoe het bij jou gaat.',
  'pathway.young.page.contents': 'De onderdelen',
  'pathway.young.page.help.title': 'Hier kun je zelf terecht',
  'pathway.young.page.help.text':
    'Je kunt ook zelf hulp zoeken, met of zonder je ouders. Deze nummers zijn niet opnieuw nagekeken bij de organisaties zelf. Bij elke plek staat waar de informatie vandaan komt.',
  'pathway.young.page.sources': 'Bronnen bij deze uitleg',
  'pathway.young.page.reviewed':
    'Deze uitleg is niet nagekeken door jongeren, hulpverleners, Veilig Thuis, de politie of de organisaties hierboven.',
  'pathway.young.page.forParents': 'Uitleg voor ouders',
  'pathway.young.help.phone': 'Bel',
  'pathway.young.help.web': 'Website:',
  'pathway.young.help.sources': 'Bron:',
  'pathway.young.step.who': 'Wie doet dit:',
  'pathway.young.step.ask': 'Wat je kunt vragen of zeggen',
  'pathway.young.track.steps': 'Stappen in dit onderdeel',
  'pathway.young.track.sources': 'Bronnen bij dit onderdeel',
  'pathway.young.case.none': 'Er is nog geen stap gezet.',
  'pathway.young.case.status': 'Waar het nu staat:',
  'pathway.young.case.current': 'Nu: {step}',
  'pathway.young.case.finished': 'Dit onderdeel is klaar.',
  'pathway.young.case.aboutStep': 'Over deze stap',
  'pathway.young.case.done': 'Al gedaan',
  'pathway.young.case.next': 'Wat hierna kan komen',
  'pathway.young.case.onIt': 'Wie helpen hierbij',
  'pathway.young.case.others': 'Andere onderdelen zijn niet begonnen. Niet alles gebeurt bij iedereen.',
  'pathway.young.case.explain': 'Uitleg over alle stappen, en waar je zelf terecht kunt',
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
  'pathway.page.forYoung': 'Is your child 12 or older? There is also an explanation in words for young people.',
  'pathway.page.forYoungLink': 'Explanation for young people',
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
  // The pathway told to young people (12 to 17): the page /samenwerken/jongeren and the young person's home.
  'pathway.young.page.title': 'Working together around you: explained for young people',
  'pathway.young.page.description':
    'What can happen when care workers, Veilig Thuis, the police and your parents work together. For each step: what happens, who does it and what you can ask. And where you can go yourself.',
  'pathway.young.page.lead':
    'Are people worried about you? Then care workers, Veilig Thuis, the police and your parents sometimes work together. Here you read which steps may come, and what you can ask and say.',
  'pathway.young.page.urgent': 'Are you in danger now? Call 112.',
  'pathway.young.page.safeUse': 'Is someone looking at your phone or computer?',
  'pathway.young.page.safeUseLink': 'How to use this site more safely',
  'pathway.young.page.fault.title': 'It is not your fault',
  'pathway.young.page.fault.text':
    'Whatever happened, it is not your fault. You do not have to sort it out on your own. Tell an adult you trust.',
  'pathway.young.page.decide.title': 'What you may decide',
  'pathway.young.page.decide.twelve': 'If you are 12 to 16, you and your parents decide about help together.',
  'pathway.young.page.decide.sixteen':
    'If you are 16 or 17, you decide about help yourself. And about what your parents are told about it.',
  'pathway.young.page.decide.judge': 'Do you have to go to the juvenile court? From 12, the judge hears you too.',
  'pathway.young.page.decide.eighteen':
    'At 18, your parents no longer have custody. Youth care can then go on until you are 23, if you want it.',
  'pathway.young.page.decide.cannot':
    'Some things you cannot stop, and neither can your parents. For example an investigation by the police, by Veilig Thuis or by the Raad voor de Kinderbescherming (child protection board). The public prosecutor decides whether someone goes to court.',
  'pathway.young.page.decide.can':
    'You may always ask questions. You may say what you think and what you want. If you do not understand something, ask them to explain.',
  'pathway.young.page.tell.title': 'When you tell a care worker something',
  'pathway.young.page.tell.text':
    'Care workers and schools work with a set of steps: the meldcode. If they think you are not safe, they must bring in Veilig Thuis, even if you do not want that. Feel free to ask what they will do with what you tell them.',
  'pathway.young.page.space.title': 'Your own place on this site',
  'pathway.young.page.space.invite':
    'A care worker can invite you to this site. You then get a code from that care worker in person. With that code you make an account.',
  'pathway.young.page.space.codeLink': 'I have been given a code',
  'pathway.young.page.space.channel':
    'After that you can send messages to the care worker who invited you. Your parents cannot read those messages. Other care workers cannot either. You also see which steps have been taken.',
  'pathway.young.page.space.sixteen':
    'If you are 16 or older, the site asks for your consent for some things. For example before someone new joins the shared space. If you say no, that cannot happen through this site.',
  'pathway.young.page.tracks.title': 'The steps that may come',
  'pathway.young.page.tracks.text':
    'The steps belong to six parts. These often run at the same time. Not everything happens to everyone. Always ask how it works for you.',
  'pathway.young.page.contents': 'The parts',
  'pathway.young.page.help.title': 'Where you can go yourself',
  'pathway.young.page.help.text':
    'You can also look for help yourself, with or without your parents. These numbers have not been checked again with the organisations themselves. Each place says where its information comes from.',
  'pathway.young.page.sources': 'Sources for this explanation',
  'pathway.young.page.reviewed':
    'This explanation has not been reviewed by young people, care workers, Veilig Thuis, the police or the organisations above.',
  'pathway.young.page.forParents': 'Explanation for parents',
  'pathway.young.help.phone': 'Call',
  'pathway.young.help.web': 'Website:',
  'pathway.young.help.sources': 'Source:',
  'pathway.young.step.who': 'Who does this:',
  'pathway.young.step.ask': 'What you can ask or say',
  'pathway.young.track.steps': 'Steps in this part',
  'pathway.young.track.sources': 'Sources for this part',
  'pathway.young.case.none': 'No step has been taken yet.',
  'pathway.young.case.status': 'Where it stands:',
  'pathway.young.case.current': 'Now: {step}',
  'pathway.young.case.finished': 'This part is finished.',
  'pathway.young.case.aboutStep': 'About this step',
  'pathway.young.case.done': 'Already done',
  'pathway.young.case.next': 'What can come next',
  'pathway.young.case.onIt': 'Who is helping with this',
  'pathway.young.case.others': 'Other parts have not started. Not everything happens to everyone.',
  'pathway.young.case.explain': 'About all the steps, and where you can go yourself',
};

export const pathwayMessages = { nl, en };
