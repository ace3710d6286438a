import type { Translation } from './messages.js';
import type { nl } from './nl.js';

export const en: Translation<typeof nl> = {
  'site.name': 'Niet mijn kind',
  'site.description':
    'Information and help for parents who fear that their child is being sexually exploited, and for the professionals who work with them.',

  'layout.skipLink': 'Skip to main content',
  'layout.homeLink': 'Niet mijn kind, to the home page',
  'layout.nav.label': 'Main menu',
  'layout.nav.home': 'Home',
  'layout.nav.information': 'Information',
  'layout.language.label': 'Language',
  'layout.language.listLabel': 'Choose a language',
  'layout.translation.missing': 'This page has not been translated yet.',
  'layout.translation.unreviewed': 'This translation has not yet been checked by a native speaker.',
  'layout.translation.readDutch': 'Read this page in Dutch',
  'layout.footer.emergencyTitle': 'Need help right now?',
  'layout.footer.call112': 'Danger or emergency, call',
  'layout.footer.callPolice': 'Police, non-emergency',
  'layout.footer.callVeiligThuis': 'Veilig Thuis, advice and reports',
  'layout.footer.veiligThuisNote': 'Free, day and night. You do not need proof: a worry is enough.',
  'layout.footer.aboutTitle': 'About this site',
  'layout.footer.about': 'About this site',
  'layout.footer.safeUse': 'Using this site safely',
  'layout.footer.insights': 'Insights',
  'layout.footer.notEmergency': 'This site is not a reporting point or an emergency line. In danger? Always call 112.',
  'layout.footer.openSource': 'Open source. No tracking, no third-party cookies.',

  'quickExit.button': 'Quick exit',
  'quickExit.hiddenLabel': 'Leave this site now',
  'quickExit.hint': 'Or press Shift 3 times',
  'quickExit.pressesLeft':
    '{count, plural, one {Press Shift # more time to leave the site} other {Press Shift # more times to leave the site}}',
  'quickExit.leaving': 'Leaving the site',

  'service.alarm.name': 'Emergency number',
  'service.alarm.text': 'In danger, or if your child is missing now.',
  'service.politie.name': 'Police, non-emergency',
  'service.politie.text':
    'For an informative conversation or to report a crime. Ask for the vice squad (zedenpolitie).',
  'service.veilig-thuis.name': 'Veilig Thuis',
  'service.veilig-thuis.text': 'Advice and reports, also anonymously. Free, day and night.',
  'service.csg.name': 'Centrum Seksueel Geweld (Sexual Assault Centre)',
  'service.csg.text': 'After sexual abuse or assault in the last 7 days. Free, day and night.',
  'service.helpwanted.name': 'Helpwanted',
  'service.helpwanted.text': 'Help with online abuse, sextortion and getting images removed.',
  'service.meld-misdaad-anoniem.name': 'Meld Misdaad Anoniem (Crime Stoppers)',
  'service.meld-misdaad-anoniem.text': 'Give an anonymous tip about a crime.',
  'service.slachtofferhulp.name': 'Slachtofferhulp Nederland (Victim Support)',
  'service.slachtofferhulp.text':
    'Support and practical help, also for parents and family. The help is free; the call costs the local rate.',
  'service.akj.name': 'AKJ confidential adviser',
  'service.akj.text': 'Help with questions or complaints about youth care.',
  'service.zelfmoordpreventie.name': '113 Zelfmoordpreventie (suicide prevention)',
  'service.zelfmoordpreventie.text':
    'If your child (or you) no longer wants to live. Or call 0800-0113 for free. Day and night, also with questions as a parent.',

  'layout.nav.now': 'Help now',
  'layout.nav.check': 'Check',

  'layout.nav.cases': 'Working together',
  'layout.nav.journal': 'Journal',
  'layout.nav.help': 'Find help',
  'layout.nav.knowledge': 'Knowledge base',
  'layout.nav.search': 'Search',

  'layout.nav.account': 'Account',
  'layout.nav.login': 'Log in',
  'account.idleWarning':
    'You have not done anything for a while. In 2 minutes you will be logged out to protect your data.',
  'account.stayLoggedIn': 'Stay logged in',
  'mail.accountChanged.subject': 'Something changed in your account',
  'mail.accountChanged.text':
    'Hello,\n\nSomething has just changed in your account. Was this you? Then you do not need to do anything.\nWas this not you? Log in and look at your account page.\n',
  'mail.caseNews.subject': 'There is something new for you',
  'mail.caseNews.text':
    'Hello,\n\nThere is something new for you. Log in on the site to see it.\n\nHow often you get this message is up to you: choose after logging in.\n',
  // A trusted person's request waits for the owner (ADR 0049): nothing of the site's subject, no name, no link.
  'mail.requestWaiting.subject': 'A request is waiting for your answer',
  'mail.requestWaiting.text':
    'Hello,\n\nA request was made for your account. Log in and look at your account page.\nIf you do nothing, the request goes ahead after the waiting period.\n',
  'error.title': 'Something went wrong',
  'error.400.title': 'This request is not valid',
  'error.400.text': 'We could not read your request. Please try again from the previous page.',
  'error.403.title': 'No access',
  'error.403.text': 'You do not have access to this page.',
  'error.csrf.title': 'The form has expired',
  'error.csrf.text':
    'The form was open too long, or your cookies were cleared. Go back, reload the page and try again. Nothing was saved.',
  'error.404.title': 'Page not found',
  'error.404.text': 'This page does not exist (any more). Check the address or go to the home page.',
  'error.405.title': 'This is not possible here',
  'error.405.text': 'This page cannot be used in this way.',
  'error.409.title': 'This has already changed',
  'error.409.text': 'Someone else changed this in the meantime. Please reload the page.',
  'error.413.title': 'Too much data',
  'error.413.text': 'You sent more data than we can accept. Please make it shorter and try again.',
  'error.415.title': 'We do not know this format',
  'error.415.text': 'You sent data in a form we cannot read. Please use the form on the site.',
  'error.429.title': 'Please wait a moment',
  'error.429.text': 'There were too many requests at once. Wait a moment and try again. In danger? Call 112.',
  'error.500.title': 'Something went wrong on our side',
  'error.500.text': 'This is our fault, not yours. Please try again later.',
  // Reliability (issue 17): the database or the disk is away for a moment.
  'error.503.title': 'Briefly unavailable',
  'error.503.text':
    'We cannot fetch or save your data right now. What you saved before is kept. Please try again in a few minutes. In danger? Call 112.',
  'error.id': 'Error code: {id}. Mention this code if you contact us.',
  'error.homeLink': 'Go to the home page',
  'mail.invitation.subject': 'Your invitation for an account',
  'mail.invitation.text':
    'Hello,\n\nYou have been invited to create an account. Open this link to start:\n\n{link}\n\nThe link works only once and is valid for a few days. Not expecting this e-mail? Then you can ignore it.\n',

  // Forms (src/shared/http/forms.ts): a field whose schema names no message of its own.
  'form.problem.invalid': 'This field is not right. Please check what you entered.',

  // Languages of editorial documents (src/shared/i18n/document-languages.ts): the CMS's refusals.
  'document.languageIncomplete':
    'The language {language} is in {has} of the {of} texts. Put it in every text, or in none. It is missing at: {missing}',
  'document.languageRule':
    '{path} ({language}): {problem, select, numbers {the numbers (3 or more digits) are not those of the Dutch text} placeholders {the placeholders in braces are not those of the Dutch text} icu {a brace that is not a placeholder} other {the text is empty}}.',
};
