import type { Translation } from '../../shared/i18n/messages.js';

/** The /nu page's messages (what to do right now). Merged into the one catalogue in src/messages.ts. */
const nl = {
  'nu.title': 'Wat moet ik nu doen?',
  'nu.lead':
    'Kies hieronder wat er nu met je kind aan de hand is. Elke situatie heeft een eigen eerste nummer. Is er direct gevaar? Bel dan altijd 112.',
  'nu.call112': 'Bel 112',
  'nu.jump.label': 'Wat is er aan de hand?',
  'nu.offline': 'Deze pagina werkt ook zonder internet, als je hem al eens hebt geopend.',
  'nu.sources':
    'Bronnen: Nationale Ombudsman (Kind vermist, 2013), Centrum Seksueel Geweld, 113 Zelfmoordpreventie, Helpwanted, politie en Veilig Thuis. Meer uitleg en bronnen staan op de informatiepagina’s.',
  'nu.missing.title': 'Je kind is nu vermist',
  'nu.missing.call': 'Bel 112, niet 0900-8844.',
  'nu.missing.why': 'Zeg dat je denkt dat je kind wordt uitgebuit. Dan weet de politie dat het dringend is.',
  'nu.missing.ready': 'Houd dit klaar:',
  'nu.missing.ready.photo': 'een recente foto van je kind',
  'nu.missing.ready.phone': 'het telefoonnummer van je kind',
  'nu.missing.ready.accounts': 'de accounts van je kind op sociale media en in games',
  'nu.missing.ready.nicknames': 'bijnamen van je kind, en namen en bijnamen van mensen met wie je kind omgaat',
  'nu.missing.ready.plates': 'kentekens van auto’s of scooters die je hebt gezien',
  'nu.missing.ready.places': 'plekken en adressen waar je kind kan zijn',
  'nu.missing.noPhoto':
    'Zet zelf geen foto of oproep online. Wat online staat, blijft online. De politie beslist of een oproep helpt.',
  'nu.danger.title': 'Je kind is nu in gevaar',
  'nu.danger.call': 'Bel 112. Zeg waar je kind is, als je dat weet.',
  'nu.danger.alone':
    'Ga er niet alleen naartoe. Spreek de uitbuiter niet aan en bedreig niemand. Dat maakt het gevaarlijker, voor je kind en voor jou. Geef de politie het adres of het kenteken.',
  'nu.assault.title': 'Je kind is de afgelopen 7 dagen seksueel misbruikt of aangerand',
  'nu.assault.call': 'Bel eerst het Centrum Seksueel Geweld:',
  'nu.assault.callNote':
    'Gratis, dag en nacht. Medische zorg, onderzoek en steun op één plek. Is het langer dan 7 dagen geleden? Ook dan kun je bellen.',
  'nu.assault.danger': 'Is er nu nog gevaar? Bel dan 112.',
  'nu.assault.traces': 'Sporen kunnen later helpen. Als het kan:',
  'nu.assault.traces.wash': 'je kind wast of doucht zich nog niet;',
  'nu.assault.traces.clothes': 'doe de kleren van je kind in een papieren zak en bewaar die.',
  'nu.assault.traces.force':
    'Dwing je kind nergens toe. Wil je kind zich toch wassen of omkleden? Dat is goed. Bel het Centrum Seksueel Geweld dan ook.',
  'nu.suicide.title': 'Je kind praat over niet meer willen leven',
  'nu.suicide.call': 'Bel 113 Zelfmoordpreventie:',
  'nu.suicide.or': 'of',
  'nu.suicide.note':
    'Gratis, dag en nacht. Je kunt ook chatten via 113.nl. Ook als ouder kun je bellen als je je zorgen maakt om je kind.',
  'nu.suicide.danger':
    'Heeft je kind zichzelf iets aangedaan, of is er een plan voor nu? Bel 112 en blijf bij je kind.',
  'nu.suicide.ask':
    'Je mag het gewoon vragen: “Denk je erover om dood te gaan?” Daarmee breng je je kind niet op het idee. Luister, en laat je kind niet alleen.',
  'nu.blackmail.title': 'Je kind wordt nu afgeperst met naaktbeelden',
  'nu.blackmail.pay': 'Niet betalen. Ook geen nieuwe beelden sturen. Betalen houdt het niet tegen.',
  'nu.blackmail.delete': 'Niets wissen. Laat de chats en het account van je kind staan.',
  'nu.blackmail.stop': 'Stop het contact. Je kind reageert niet meer, en jij ook niet.',
  'nu.blackmail.report': 'Meld het bij de politie:',
  'nu.blackmail.helpwanted': 'Of vraag hulp aan Helpwanted, ook om beelden te laten verwijderen:',
  'nu.blackmail.noImages':
    'Bewaar of stuur nooit zelf een naaktbeeld, ook niet als bewijs. Schrijf liever de gebruikersnaam, het platform en de tijden op. Maak je een schermafbeelding van een dreigbericht? Kijk of er geen naaktbeeld op staat, ook niet als klein plaatje in de chat.',
  'nu.blackmail.suicide':
    'Kinderen die worden afgeperst, kunnen zo wanhopig worden dat ze zichzelf iets willen aandoen. Bang dat dat gebeurt? Bel 113:',
  'nu.blackmail.more': 'Lees meer over sextortion',
  'nu.back.title': 'Je kind is net terug',
  'nu.back.calm': 'Geen straf en geen verhoor. Zeg dat je blij bent dat je kind er is. Zorg voor eten, rust en warmte.',
  'nu.back.assault': 'Misschien is je kind seksueel misbruikt? Kijk bij',
  'nu.back.write':
    'Schrijf op wat je kind uit zichzelf vertelt: letterlijk, met datum en tijd, en wat jij net daarvoor vroeg. Vraag niet door: dat doen later speciaal opgeleide mensen.',
  'nu.threat.title': 'Jij of je gezin wordt bedreigd, maar er is nu geen gevaar',
  'nu.threat.call': 'Bel de politie:',
  'nu.threat.now': 'Gebeurt het nu, of is er direct gevaar? Bel dan 112.',
  'nu.threat.plan':
    'Maak met je gezin een veiligheidsplan: wie belt wie, waar kun je heen, hoe komen de andere kinderen veilig naar school.',
  'nu.threat.more': 'Lees wat je kunt doen als je gezin wordt bedreigd',
  'nu.advice.title': 'Advies nodig, maar geen direct gevaar?',
  'nu.advice.text': 'Bel Veilig Thuis. Gratis, dag en nacht. Je hoeft niets te bewijzen: een zorg is genoeg.',
  'nu.more': 'Wil je eerst je zorgen op een rij zetten?',
  'nu.more.check': 'Doe de check',
} as const;

const en: Translation<typeof nl> = {
  'nu.title': 'What should I do now?',
  'nu.lead':
    'Choose below what is happening with your child now. Each situation has its own first number. Is there immediate danger? Then always call 112.',
  'nu.call112': 'Call 112',
  'nu.jump.label': 'What is happening?',
  'nu.offline': 'This page also works without internet, once you have opened it before.',
  'nu.sources':
    'Sources: Nationale Ombudsman (Kind vermist, 2013), Centrum Seksueel Geweld, 113 Zelfmoordpreventie, Helpwanted, police and Veilig Thuis. The information pages have more explanation and sources.',
  'nu.missing.title': 'Your child is missing now',
  'nu.missing.call': 'Call 112, not 0900-8844.',
  'nu.missing.why': 'Say that you think your child is being exploited. Then the police know it is urgent.',
  'nu.missing.ready': 'Have this ready:',
  'nu.missing.ready.photo': 'a recent photo of your child',
  'nu.missing.ready.phone': 'your child’s phone number',
  'nu.missing.ready.accounts': 'your child’s accounts on social media and in games',
  'nu.missing.ready.nicknames': 'your child’s nicknames, and names and nicknames of people your child spends time with',
  'nu.missing.ready.plates': 'licence plates of cars or scooters you have seen',
  'nu.missing.ready.places': 'places and addresses where your child may be',
  'nu.missing.noPhoto':
    'Do not post a photo or appeal online yourself. What is online stays online. The police decide whether an appeal helps.',
  'nu.danger.title': 'Your child is in danger now',
  'nu.danger.call': 'Call 112. Say where your child is, if you know.',
  'nu.danger.alone':
    'Do not go there alone. Do not confront the exploiter and do not threaten anyone. That makes it more dangerous, for your child and for you. Give the police the address or the licence plate.',
  'nu.assault.title': 'Your child was sexually abused or assaulted in the last 7 days',
  'nu.assault.call': 'First call the Centrum Seksueel Geweld (Sexual Assault Centre):',
  'nu.assault.callNote':
    'Free, day and night. Medical care, examination and support in one place. Was it more than 7 days ago? You can call then too.',
  'nu.assault.danger': 'Is there still danger now? Then call 112.',
  'nu.assault.traces': 'Traces can help later. If possible:',
  'nu.assault.traces.wash': 'your child does not wash or shower yet;',
  'nu.assault.traces.clothes': 'put your child’s clothes in a paper bag and keep it.',
  'nu.assault.traces.force':
    'Never force your child. Does your child want to wash or change anyway? That is all right. Call the Centrum Seksueel Geweld all the same.',
  'nu.suicide.title': 'Your child talks about not wanting to live',
  'nu.suicide.call': 'Call 113 Zelfmoordpreventie (suicide prevention):',
  'nu.suicide.or': 'or',
  'nu.suicide.note':
    'Free, day and night. You can also chat at 113.nl. You can call as a parent too, when you are worried about your child.',
  'nu.suicide.danger': 'Has your child hurt themself, or is there a plan for now? Call 112 and stay with your child.',
  'nu.suicide.ask':
    'You can simply ask: “Are you thinking about killing yourself?” Asking does not give your child the idea. Listen, and do not leave your child alone.',
  'nu.blackmail.title': 'Your child is being blackmailed with nude images now',
  'nu.blackmail.pay': 'Do not pay. Do not send new images either. Paying does not stop it.',
  'nu.blackmail.delete': 'Do not delete anything. Leave your child’s chats and account as they are.',
  'nu.blackmail.stop': 'Stop the contact. Your child no longer replies, and neither do you.',
  'nu.blackmail.report': 'Report it to the police:',
  'nu.blackmail.helpwanted': 'Or ask Helpwanted for help, also to get images removed:',
  'nu.blackmail.noImages':
    'Never keep or send a nude image yourself, not even as evidence. Write down the username, the platform and the times instead. Taking a screenshot of a threat? Check that no nude image is in it, not even as a small picture in the chat.',
  'nu.blackmail.suicide':
    'Children who are blackmailed can become so desperate that they want to hurt themselves. Afraid that might happen? Call 113:',
  'nu.blackmail.more': 'Read more about sextortion',
  'nu.back.title': 'Your child has just come back',
  'nu.back.calm':
    'No punishment and no interrogation. Say you are glad your child is there. Offer food, rest and warmth.',
  'nu.back.assault': 'Might your child have been sexually abused? See',
  'nu.back.write':
    'Write down what your child tells you on their own: word for word, with date and time, and what you asked just before. Do not keep asking: specially trained people do that later.',
  'nu.threat.title': 'You or your family are threatened, but there is no danger now',
  'nu.threat.call': 'Call the police:',
  'nu.threat.now': 'Is it happening now, or is there immediate danger? Then call 112.',
  'nu.threat.plan':
    'Make a safety plan with your family: who calls whom, where you can go, how the other children get to school safely.',
  'nu.threat.more': 'Read what you can do when your family is threatened',
  'nu.advice.title': 'Need advice, but no immediate danger?',
  'nu.advice.text': 'Call Veilig Thuis. Free, day and night. You do not need proof: a worry is enough.',
  'nu.more': 'Want to put your worries in order first?',
  'nu.more.check': 'Take the check',
};

export const rightNowMessages = { nl, en };
