import type { Translation } from '../../shared/i18n/messages.js';

/** The accounts' messages (sign-up, login, recovery, second factor, passkeys, sessions, own data). Merged into the one catalogue in src/messages.ts. */
const nl = {
  'account.username.missing': 'Vul een gebruikersnaam in.',
  'account.username.length': 'Een gebruikersnaam heeft 3 tot 40 tekens.',
  'account.username.characters':
    'Gebruik alleen letters, cijfers, punten, streepjes en liggende streepjes. Geen spaties.',
  'account.username.taken': 'Deze gebruikersnaam is al in gebruik. Kies een andere.',
  'account.passphrase.missing': 'Vul een wachtwoordzin in.',
  'account.passphrase.tooShort': 'Een wachtwoordzin heeft minstens 12 tekens. Tip: kies 4 losse woorden.',
  'account.passphrase.tooLong': 'Deze wachtwoordzin is te lang. Kies een kortere.',
  'account.passphrase.mismatch': 'De twee wachtwoordzinnen zijn niet gelijk.',
  'account.passphrase.weak':
    'Deze wachtwoordzin is te makkelijk te raden of staat in lijsten van gelekte wachtwoorden. Kies 4 losse woorden die niet bij elkaar horen.',
  'account.register.title': 'Account maken',
  'account.register.intro':
    'Met een account kun je later een veilig logboek bijhouden. Je hebt alleen een gebruikersnaam en een wachtwoordzin nodig. Je e-mailadres hoeft niet.',
  'account.register.warningTitle': 'Let op: niemand kan je wachtwoordzin terugzetten',
  'account.register.warning':
    'Alles in je account wordt versleuteld met je wachtwoordzin. Ben je je wachtwoordzin én je herstelcode kwijt? Dan kan niemand je gegevens terughalen, wij ook niet.',
  'account.register.username': 'Gebruikersnaam',
  'account.register.usernameHint': 'Kies een naam die niets over jou of je kind zegt.',
  'account.register.passphrase': 'Wachtwoordzin',
  'account.register.passphraseHint':
    'Minstens 12 tekens. Tip: 4 losse woorden, zoals "lamp fiets regen appel". Plakken mag.',
  'account.register.again': 'Wachtwoordzin nog een keer',
  'account.register.submit': 'Account maken',
  'account.register.haveAccount': 'Heb je al een account? Log in',
  // Sign-up throttling (per address)
  'account.register.throttled':
    'Vanaf dit adres zijn te veel namen geprobeerd die al in gebruik zijn. Probeer het opnieuw om {time}.',
  'account.recovery.title': 'Je herstelcode',
  'account.recovery.intro': 'Je account is klaar. Dit is je herstelcode. Je ziet hem maar één keer.',
  'account.recovery.why':
    'Ben je je wachtwoordzin vergeten? Dan kun je met deze code weer in je account. Zonder wachtwoordzin én zonder deze code kan niemand je gegevens terughalen.',
  'account.recovery.keep':
    'Schrijf de code op papier of print deze pagina, en bewaar het op een plek waar niemand anders bij kan. Let op: een geprinte of gedownloade pagina blijft op dit apparaat of de printer staan.',
  'account.recovery.fingerprint': 'Vingerafdruk van je ondertekeningssleutel',
  'account.recovery.fingerprintHint':
    'Hiermee kan de politie later controleren dat je logboek van jouw account komt. Je hoeft er nu niets mee.',
  'account.recovery.print': 'Print deze pagina',
  'account.recovery.done': 'Ik heb de code bewaard, ga verder',
  'account.login.title': 'Inloggen',
  'account.login.username': 'Gebruikersnaam',
  'account.login.passphrase': 'Wachtwoordzin',
  'account.login.submit': 'Inloggen',
  'account.login.failed': 'Deze gebruikersnaam en wachtwoordzin horen niet bij elkaar. Probeer het opnieuw.',
  'account.login.noAccount': 'Nog geen account? Maak er een',
  'account.title': 'Mijn account',
  'account.signedInAs': 'Je bent ingelogd als {name}.',
  'account.sessions.title': 'Waar je bent ingelogd',
  'account.sessions.intro': 'Zie je een apparaat dat je niet kent? Log het uit.',
  'account.sessions.this': 'Dit apparaat',
  'account.sessions.lastActive': 'Laatst actief: {date, date, long} om {time}',
  'account.sessions.end': 'Uitloggen op dit apparaat',
  'account.sessions.endOthers': 'Overal anders uitloggen',
  'account.logout': 'Uitloggen',
  'account.idle': 'Je wordt automatisch uitgelogd als je {minutes} minuten niets doet.',
  'account.login.throttled':
    'Te veel pogingen. Probeer het opnieuw om {time}. Wachtwoordzin vergeten? Gebruik je herstelcode.',
  'account.recover.title': 'Inloggen met je herstelcode',
  'account.recover.intro':
    'Wachtwoordzin vergeten? Vul je gebruikersnaam en je herstelcode in, en kies een nieuwe wachtwoordzin. Je krijgt daarna een nieuwe herstelcode: de oude werkt dan niet meer. Je wordt op alle apparaten uitgelogd.',
  'account.recover.code': 'Herstelcode',
  'account.recover.codeHint': '28 tekens, bijvoorbeeld ABCD-EFGH-… Hoofdletters en streepjes maken niet uit.',
  'account.recover.newPassphrase': 'Nieuwe wachtwoordzin',
  'account.recover.submit': 'Herstellen',
  'account.recover.failed': 'Deze gebruikersnaam en herstelcode horen niet bij elkaar.',
  'account.recover.code.length': 'Een herstelcode heeft 28 tekens (zonder streepjes).',
  'account.recover.code.characters': 'Een herstelcode bevat alleen cijfers en letters, geen U.',
  'account.recover.code.checksum': 'Deze herstelcode klopt niet. Controleer of je hem goed hebt overgenomen.',
  'account.login.forgot': 'Wachtwoordzin vergeten? Log in met je herstelcode',
  'account.code.title': 'Code uit je app',
  'account.code.intro': 'Open de app met je inlogcodes en vul de code van 6 cijfers in.',
  'account.code.label': 'Code van 6 cijfers',
  'account.code.submit': 'Inloggen',
  'account.code.failed':
    'Deze code klopt niet, is verlopen of is al gebruikt. Wacht op de volgende code en probeer het opnieuw.',
  'account.totp.title': 'Tweede stap bij inloggen',
  'account.totp.intro':
    'Met een tweede stap heeft iemand die je wachtwoordzin kent nog niet genoeg om in te loggen. Zet de sleutel hieronder in een app voor inlogcodes (bijvoorbeeld een authenticator-app) en vul daarna de code uit die app in.',
  'account.totp.key': 'Sleutel voor je app:',
  'account.totp.confirm': 'Tweede stap aanzetten',
  'account.totp.again': 'Vul de code in die de app nu laat zien.',
  'account.totp.done': 'De tweede stap staat aan. Bij inloggen vragen we voortaan ook de code uit je app.',
  'account.passkey.title': 'Toegangssleutels',
  'account.passkey.link': 'Toegangssleutels (passkeys)',
  'account.passkey.intro':
    'Een toegangssleutel (passkey) is een tweede stap bij inloggen, net als een code uit een app. De sleutel staat op je telefoon, computer of beveiligingssleutel. Na je wachtwoordzin bevestig je met je vingerafdruk, je gezicht, een pincode of een druk op de knop.',
  'account.passkey.listTitle': 'Je toegangssleutels',
  'account.passkey.none': 'Je hebt nog geen toegangssleutel.',
  'account.passkey.added': 'Toegevoegd op {date, date, long}',
  'account.passkey.lastUsed': 'Laatst gebruikt: {date, date, long} om {time}',
  'account.passkey.neverUsed': 'Nog niet gebruikt',
  'account.passkey.addTitle': 'Toegangssleutel toevoegen',
  'account.passkey.nickname': 'Naam voor deze toegangssleutel (niet verplicht)',
  'account.passkey.nicknameHint': 'Bijvoorbeeld "telefoon". Kies een naam die niets over jou of je kind zegt.',
  'account.passkey.add': 'Toegangssleutel toevoegen',
  'account.passkey.needsJs':
    'Voor een toegangssleutel is JavaScript nodig. Zet JavaScript aan in je browser, of gebruik een code uit een app.',
  'account.passkey.unsupported':
    'Deze browser kan geen toegangssleutels gebruiken. Probeer een andere browser, of gebruik een code uit een app.',
  'account.passkey.cancelled':
    'Dat is niet gelukt. Misschien is het afgebroken of duurde het te lang. Probeer het opnieuw.',
  'account.passkey.malformed': 'We konden het antwoord van je toegangssleutel niet lezen. Probeer het opnieuw.',
  'account.passkey.refused':
    'Deze toegangssleutel is niet geaccepteerd. Misschien was de vraag verlopen of al gebruikt. Probeer het opnieuw.',
  'account.passkey.duplicate': 'Deze toegangssleutel is al toegevoegd.',
  'account.passkey.nicknameTooLong': 'Een naam heeft hoogstens 50 tekens.',
  'account.passkey.removeLabel': 'Je wachtwoordzin, om "{name}" te verwijderen',
  'account.passkey.remove': 'Verwijderen',
  'account.secondStep.title': 'Tweede stap',
  'account.secondStep.intro': 'Laat zien dat jij het bent. Kies een van de manieren hieronder.',
  'account.secondStep.passkeyTitle': 'Met je toegangssleutel',
  'account.secondStep.passkeyButton': 'Gebruik je toegangssleutel',
  'account.secondStep.codeTitle': 'Met een code uit je app',
  'account.data.title': 'Je gegevens',
  'account.data.downloadTitle': 'Download je gegevens',
  'account.data.downloadText':
    'Je krijgt een bestand met alles wat we over je account bewaren, leesbaar. Let op: dat bestand staat daarna op dit apparaat.',
  'account.data.download': 'Download mijn gegevens',
  'account.data.deleteTitle': 'Account verwijderen',
  'account.data.deleteText':
    'Alles in je account wordt vernietigd, ook je sleutels: niemand kan het daarna nog openen, ook wij niet. Wat je voor de politie had bijgehouden is dan ook weg. Dit kan niet ongedaan worden gemaakt.',
  'account.data.delete': 'Verwijder mijn account',
  'account.data.confirmLabel': 'Je wachtwoordzin, ter bevestiging',
  'account.data.wrong': 'Deze wachtwoordzin klopt niet.',
  'account.data.deleted': 'Je account is verwijderd.',
  'account.email.title': 'E-mail voor meldingen (niet verplicht)',
  'account.email.text':
    'Vul je een e-mailadres in, dan sturen we een korte melding als er iets verandert in je account, bijvoorbeeld als iemand je herstelcode gebruikt. Het bericht zegt nooit waar deze site over gaat. Laat het veld leeg om je adres te verwijderen.',
  'account.email.label': 'E-mailadres',
  'account.email.save': 'Bewaren',
  'account.email.invalid': 'Dit is geen geldig e-mailadres.',
  'account.passphrase.title': 'Wachtwoordzin wijzigen',
  'account.passphrase.text':
    'Je gegevens blijven gewoon leesbaar: alleen de sleutel die ze opent krijgt een nieuw slot. Op alle andere apparaten word je uitgelogd.',
  'account.passphrase.current': 'Je huidige wachtwoordzin',
  'account.passphrase.save': 'Wachtwoordzin wijzigen',
  'account.passphrase.throttled': 'Te veel pogingen. Probeer het later opnieuw.',
  'account.rotate.link': 'Kent iemand misschien je wachtwoordzin? Maak nieuwe sleutels',
  'account.rotate.title': 'Nieuwe sleutels maken',
  'account.rotate.intro':
    'Denk je dat iemand je wachtwoordzin kent, of je herstelcode heeft gezien? Maak dan nieuwe sleutels. Daarna kan die persoon niet meer in je account.',
  'account.rotate.when':
    'Doe dit bijvoorbeeld als iemand over je schouder meekeek, als je de code ergens hebt laten liggen, of als je het gewoon niet zeker weet.',
  'account.rotate.whatTitle': 'Wat gebeurt er?',
  'account.rotate.whatKeys':
    'Je account krijgt nieuwe sleutels en een nieuwe wachtwoordzin. Je logboek en dagboek blijven gewoon leesbaar.',
  'account.rotate.whatCode': 'Je krijgt een nieuwe herstelcode. Je oude herstelcode werkt daarna niet meer.',
  'account.rotate.whatSessions': 'Op alle andere apparaten word je uitgelogd. Hier blijf je ingelogd.',
  'account.rotate.whatFingerprint':
    'Je ondertekeningssleutel krijgt een nieuwe vingerafdruk. De oude blijft geldig voor wat je eerder schreef.',
  'account.rotate.submit': 'Nieuwe sleutels maken',
  'account.rotate.back': 'Terug naar je account',
  'account.rotate.conflict':
    'Je sleutels zijn net al vernieuwd, bijvoorbeeld in een ander tabblad. Log opnieuw in en probeer het dan nog eens.',
  'account.rotate.doneIntro':
    'Je account heeft nieuwe sleutels. Dit is je nieuwe herstelcode. Je ziet hem maar één keer.',
  'account.rotate.oldGone':
    'Je oude wachtwoordzin en je oude herstelcode werken niet meer. Op alle andere apparaten ben je uitgelogd.',
  'account.rotate.previousFingerprint': 'Vingerafdruk van je vorige ondertekeningssleutel',
  'account.rotate.previousFingerprintHint':
    'Heb je deze eerder aan de politie gegeven? Dan blijft die geldig: de vorige sleutel heeft de nieuwe ondertekend.',
} as const;

const en: Translation<typeof nl> = {
  'account.username.missing': 'Enter a username.',
  'account.username.length': 'A username has 3 to 40 characters.',
  'account.username.characters': 'Use only letters, digits, dots, dashes and underscores. No spaces.',
  'account.username.taken': 'This username is already taken. Choose another.',
  'account.passphrase.missing': 'Enter a passphrase.',
  'account.passphrase.tooShort': 'A passphrase has at least 12 characters. Tip: choose 4 separate words.',
  'account.passphrase.tooLong': 'This passphrase is too long. Choose a shorter one.',
  'account.passphrase.mismatch': 'The two passphrases are not the same.',
  'account.passphrase.weak':
    'This passphrase is too easy to guess or appears in lists of leaked passwords. Choose 4 words that do not belong together.',
  'account.register.title': 'Create an account',
  'account.register.intro':
    'With an account you can keep a safe journal later. You only need a username and a passphrase. No e-mail address needed.',
  'account.register.warningTitle': 'Note: nobody can reset your passphrase',
  'account.register.warning':
    'Everything in your account is encrypted with your passphrase. If you lose your passphrase and your recovery code, nobody can get your data back, not even us.',
  'account.register.username': 'Username',
  'account.register.usernameHint': 'Choose a name that says nothing about you or your child.',
  'account.register.passphrase': 'Passphrase',
  'account.register.passphraseHint':
    'At least 12 characters. Tip: 4 separate words, such as "lamp bicycle rain apple". Pasting is allowed.',
  'account.register.again': 'Passphrase again',
  'account.register.submit': 'Create account',
  'account.register.haveAccount': 'Already have an account? Log in',
  // Sign-up throttling (per address)
  'account.register.throttled':
    'Too many names that are already taken were tried from this address. Try again at {time}.',
  'account.recovery.title': 'Your recovery code',
  'account.recovery.intro': 'Your account is ready. This is your recovery code. You see it only once.',
  'account.recovery.why':
    'Forgot your passphrase? With this code you can get back into your account. Without your passphrase and without this code, nobody can get your data back.',
  'account.recovery.keep':
    'Write the code on paper or print this page, and keep it where nobody else can reach it. Note: a printed or downloaded page stays on this device or the printer.',
  'account.recovery.fingerprint': 'Fingerprint of your signing key',
  'account.recovery.fingerprintHint':
    'Later, the police can use it to check that your journal comes from your account. You do not need to do anything with it now.',
  'account.recovery.print': 'Print this page',
  'account.recovery.done': 'I have kept the code, continue',
  'account.login.title': 'Log in',
  'account.login.username': 'Username',
  'account.login.passphrase': 'Passphrase',
  'account.login.submit': 'Log in',
  'account.login.failed': 'This username and passphrase do not match. Please try again.',
  'account.login.noAccount': 'No account yet? Create one',
  'account.title': 'My account',
  'account.signedInAs': 'You are logged in as {name}.',
  'account.sessions.title': 'Where you are logged in',
  'account.sessions.intro': 'See a device you do not know? Log it out.',
  'account.sessions.this': 'This device',
  'account.sessions.lastActive': 'Last active: {date, date, long} at {time}',
  'account.sessions.end': 'Log out on this device',
  'account.sessions.endOthers': 'Log out everywhere else',
  'account.logout': 'Log out',
  'account.idle': 'You are logged out automatically after {minutes} minutes without activity.',
  'account.login.throttled': 'Too many attempts. Try again at {time}. Forgot your passphrase? Use your recovery code.',
  'account.recover.title': 'Log in with your recovery code',
  'account.recover.intro':
    'Forgot your passphrase? Enter your username and your recovery code, and choose a new passphrase. You then get a new recovery code: the old one stops working. You are logged out on all devices.',
  'account.recover.code': 'Recovery code',
  'account.recover.codeHint': '28 characters, for example ABCD-EFGH-… Capitals and dashes do not matter.',
  'account.recover.newPassphrase': 'New passphrase',
  'account.recover.submit': 'Recover',
  'account.recover.failed': 'This username and recovery code do not match.',
  'account.recover.code.length': 'A recovery code has 28 characters (without dashes).',
  'account.recover.code.characters': 'A recovery code only has digits and letters, no U.',
  'account.recover.code.checksum': 'This recovery code is not right. Check that you copied it correctly.',
  'account.login.forgot': 'Forgot your passphrase? Log in with your recovery code',
  'account.code.title': 'Code from your app',
  'account.code.intro': 'Open the app with your login codes and enter the 6-digit code.',
  'account.code.label': '6-digit code',
  'account.code.submit': 'Log in',
  'account.code.failed':
    'This code is not right, has expired or was already used. Wait for the next code and try again.',
  'account.totp.title': 'Second step when logging in',
  'account.totp.intro':
    'With a second step, someone who knows your passphrase still cannot log in. Put the key below in an app for login codes (an authenticator app) and then enter the code from that app.',
  'account.totp.key': 'Key for your app:',
  'account.totp.confirm': 'Turn on the second step',
  'account.totp.again': 'Enter the code the app shows now.',
  'account.totp.done': 'The second step is on. From now on, logging in also asks for the code from your app.',
  'account.passkey.title': 'Passkeys',
  'account.passkey.link': 'Passkeys',
  'account.passkey.intro':
    'A passkey is a second step when you log in, just like a code from an app. The key is kept on your phone, computer or security key. After your passphrase you confirm with your fingerprint, your face, a PIN or a press of the button.',
  'account.passkey.listTitle': 'Your passkeys',
  'account.passkey.none': 'You do not have a passkey yet.',
  'account.passkey.added': 'Added on {date, date, long}',
  'account.passkey.lastUsed': 'Last used: {date, date, long} at {time}',
  'account.passkey.neverUsed': 'Not used yet',
  'account.passkey.addTitle': 'Add a passkey',
  'account.passkey.nickname': 'Name for this passkey (optional)',
  'account.passkey.nicknameHint': 'For example "phone". Choose a name that says nothing about you or your child.',
  'account.passkey.add': 'Add a passkey',
  'account.passkey.needsJs':
    'A passkey needs JavaScript. Turn on JavaScript in your browser, or use a code from an app.',
  'account.passkey.unsupported': 'This browser cannot use passkeys. Try another browser, or use a code from an app.',
  'account.passkey.cancelled': 'That did not work. Maybe it was cancelled or took too long. Please try again.',
  'account.passkey.malformed': 'We could not read the answer from your passkey. Please try again.',
  'account.passkey.refused':
    'This passkey was not accepted. Maybe the request had expired or was already used. Please try again.',
  'account.passkey.duplicate': 'This passkey has already been added.',
  'account.passkey.nicknameTooLong': 'A name has at most 50 characters.',
  'account.passkey.removeLabel': 'Your passphrase, to remove "{name}"',
  'account.passkey.remove': 'Remove',
  'account.secondStep.title': 'Second step',
  'account.secondStep.intro': 'Show that it is you. Choose one of the ways below.',
  'account.secondStep.passkeyTitle': 'With your passkey',
  'account.secondStep.passkeyButton': 'Use your passkey',
  'account.secondStep.codeTitle': 'With a code from your app',
  'account.data.title': 'Your data',
  'account.data.downloadTitle': 'Download your data',
  'account.data.downloadText':
    'You get a file with everything we keep about your account, readable. Note: that file is then on this device.',
  'account.data.download': 'Download my data',
  'account.data.deleteTitle': 'Delete account',
  'account.data.deleteText':
    'Everything in your account is destroyed, your keys too: nobody can open it afterwards, not even us. What you kept for the police is gone as well. This cannot be undone.',
  'account.data.delete': 'Delete my account',
  'account.data.confirmLabel': 'Your passphrase, to confirm',
  'account.data.wrong': 'This passphrase is not right.',
  'account.data.deleted': 'Your account has been deleted.',
  'account.email.title': 'E-mail for notices (optional)',
  'account.email.text':
    'If you enter an e-mail address, we send a short notice when something changes in your account, for example when someone uses your recovery code. The message never says what this site is about. Leave the field empty to remove your address.',
  'account.email.label': 'E-mail address',
  'account.email.save': 'Save',
  'account.email.invalid': 'This is not a valid e-mail address.',
  'account.passphrase.title': 'Change passphrase',
  'account.passphrase.text':
    'Your data stays readable: only the key that opens it gets a new lock. You are logged out on all other devices.',
  'account.passphrase.current': 'Your current passphrase',
  'account.passphrase.save': 'Change passphrase',
  'account.passphrase.throttled': 'Too many attempts. Please try again later.',
  'account.rotate.link': 'Might someone know your passphrase? Make new keys',
  'account.rotate.title': 'Make new keys',
  'account.rotate.intro':
    'Do you think someone knows your passphrase, or has seen your recovery code? Then make new keys. After that, that person cannot get into your account any more.',
  'account.rotate.when':
    'Do this, for example, if someone looked over your shoulder, if you left the code lying somewhere, or if you are simply not sure.',
  'account.rotate.whatTitle': 'What happens?',
  'account.rotate.whatKeys':
    'Your account gets new keys and a new passphrase. Your journal and diary stay readable as they are.',
  'account.rotate.whatCode': 'You get a new recovery code. Your old recovery code stops working.',
  'account.rotate.whatSessions': 'You are logged out on all other devices. You stay logged in here.',
  'account.rotate.whatFingerprint':
    'Your signing key gets a new fingerprint. The old one stays valid for what you wrote before.',
  'account.rotate.submit': 'Make new keys',
  'account.rotate.back': 'Back to your account',
  'account.rotate.conflict':
    'Your keys were just renewed, for example in another tab. Log in again and then try once more.',
  'account.rotate.doneIntro': 'Your account has new keys. This is your new recovery code. You see it only once.',
  'account.rotate.oldGone':
    'Your old passphrase and your old recovery code no longer work. You are logged out on all other devices.',
  'account.rotate.previousFingerprint': 'Fingerprint of your previous signing key',
  'account.rotate.previousFingerprintHint':
    'Did you give this one to the police before? It stays valid: the previous key signed the new one.',
};

export const accountsMessages = { nl, en };
