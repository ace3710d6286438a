import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IntlMessageFormat } from 'intl-messageformat';
import { catalogues, translatorFor } from '../../messages.js';
import fc from 'fast-check';
import { translations } from '../../translations/translations.js';
import { placeholdersIn } from './message-rules.js';
import {
  type ReviewMarks,
  contentPageId,
  createTranslators,
  interfacePage,
  isLanguage,
  languageInfo,
  mergeCatalogues,
  negotiateLanguage,
  noReviewMarks,
} from './i18n.js';

// The merged catalogue (src/messages.ts): the shared part and every feature's part.
const { nl, en } = catalogues;

test('the English catalogue has exactly the keys of the Dutch one', () => {
  assert.deepEqual(Object.keys(en).sort(), Object.keys(nl).sort());
});

test('every message in both catalogues is valid ICU and uses the same placeholders', () => {
  // Argument names from the parsed message (select and plural branches are not arguments): the shared rule.
  const placeholders = (message: string) => placeholdersIn(message, 'nl');
  for (const [key, message] of Object.entries(nl)) {
    assert.doesNotThrow(() => new IntlMessageFormat(message, 'nl'), `nl ${key}`);
    const english = en[key as keyof typeof en];
    assert.doesNotThrow(() => new IntlMessageFormat(english, 'en'), `en ${key}`);
    assert.deepEqual(placeholders(english), placeholders(message), `placeholders of ${key}`);
    assert.notEqual(english.trim(), '', `en ${key} is empty`);
  }
});

test('a key in two parts of the catalogue is refused, so one part cannot replace another part’s message', () => {
  const journal = { nl: { 'journal.title': 'Logboek' }, en: { 'journal.title': 'Journal' } };
  const copy = { nl: { 'journal.title': 'Dagboek' }, en: { 'journal.title': 'Diary' } };
  assert.throws(() => mergeCatalogues([journal, copy]), /journal\.title is in two catalogue parts/);
  assert.deepEqual(mergeCatalogues([journal]).en, { 'journal.title': 'Journal' });
});

test('plurals follow the language', () => {
  const english = translatorFor('en');
  assert.equal(english('quickExit.pressesLeft', { count: 1 }), 'Press Shift 1 more time to leave the site');
  assert.equal(english('quickExit.pressesLeft', { count: 2 }), 'Press Shift 2 more times to leave the site');
  assert.equal(translatorFor('nl')('info.index.count', { count: 1 }), '1 pagina');
  assert.equal(translatorFor('nl')('info.index.count', { count: 3 }), '3 pagina’s');
});

test('dates are written in Dutch in Amsterdam time', () => {
  // 23:30 UTC on 31 December is already 1 January in Amsterdam.
  const date = new Date('2025-12-31T23:30:00Z');
  assert.equal(translatorFor('nl')('info.page.lastReviewed', { date }), 'Laatst gecontroleerd op 1 januari 2026');
  assert.equal(translatorFor('en')('info.page.lastReviewed', { date }), 'Last reviewed on January 1, 2026');
});

test('the language cookie wins over Accept-Language', () => {
  assert.equal(negotiateLanguage('en', 'nl-NL,nl;q=0.9'), 'en');
  assert.equal(negotiateLanguage('nl', 'en-GB'), 'nl');
});

test('without a cookie, Accept-Language decides, with quality values', () => {
  assert.equal(negotiateLanguage(undefined, 'en-GB,en;q=0.9'), 'en');
  assert.equal(negotiateLanguage(undefined, 'de;q=1, en;q=0.5, nl;q=0.8'), 'nl');
  assert.equal(negotiateLanguage(undefined, 'fr-FR, en;q=0.3'), 'en');
});

test('unknown, malformed or absent language preferences fall back to Dutch', () => {
  for (const header of [undefined, '', 'de-DE', '*', ';;;', 'en;q=abc', 'x'.repeat(2000), '\u0000\u0001']) {
    assert.equal(negotiateLanguage(undefined, header), 'nl', JSON.stringify(header));
  }
  assert.equal(negotiateLanguage('klingon', undefined), 'nl');
  assert.equal(negotiateLanguage('EN', undefined), 'nl');
});

test('Accept-Language can pick Arabic, Turkish and Polish, never easy-read Dutch; the cookie can pick any language', () => {
  assert.equal(negotiateLanguage(undefined, 'ar-EG,ar;q=0.9,en;q=0.8'), 'ar');
  assert.equal(negotiateLanguage(undefined, 'tr'), 'tr');
  assert.equal(negotiateLanguage(undefined, 'pl-PL'), 'pl');
  assert.equal(negotiateLanguage(undefined, 'makkelijk'), 'nl');
  assert.equal(negotiateLanguage('makkelijk', 'en'), 'makkelijk');
  assert.equal(negotiateLanguage('ar', 'nl'), 'ar');
  // The content of a language still being translated is in its fallback.
  assert.equal(languageInfo[negotiateLanguage('ar', undefined)].locale, 'en');
  assert.equal(languageInfo[negotiateLanguage('makkelijk', undefined)].locale, 'nl');
});

test('any cookie value and any Accept-Language give one of the languages, never an error (property)', () => {
  fc.assert(
    fc.property(
      fc.option(fc.string(), { nil: undefined }),
      fc.option(fc.string(), { nil: undefined }),
      (cookie, header) => isLanguage(negotiateLanguage(cookie, header)),
    ),
  );
});

test('a route is translated only where declared; the frame and pages without a route are in every language', () => {
  // A partial Arabic (the real one may be complete by now, which translates every route).
  const partial = createTranslators(catalogues, {
    ...translations,
    ar: { messages: { 'quickExit.button': 'اخرج بسرعة' }, pages: ['frame', '/nu'] },
  });
  assert.deepEqual(partial.pageIn('ar', '/nu'), { language: 'ar', translated: true, reviewed: false });
  assert.equal(partial.pageIn('ar', '/informatie').translated, false);
  assert.equal(partial.pageIn('ar', undefined).translated, true);
  assert.deepEqual(partial.pageIn('en', '/informatie'), { language: 'en', translated: true, reviewed: true });
  // A key missing in a partial language falls back to its complete language, per key.
  assert.equal(partial('ar')('info.index.count', { count: 3 }), partial('en')('info.index.count', { count: 3 }));
  assert.equal(partial('ar')('quickExit.button'), 'اخرج بسرعة');
});

/** Review marks as a reviewer set them: `language page` pairs. */
const marked = (...pairs: string[]): ReviewMarks => ({
  isReviewed: (language, page) => pairs.includes(`${language} ${page}`),
});

test('a page is reviewed when its frame and the page itself are marked; a page not translated needs the frame only', () => {
  // A partial Arabic (the real one may be complete by now, which translates every route).
  const translatorFor = createTranslators(catalogues, {
    ...translations,
    ar: { messages: { 'quickExit.button': 'اخرج بسرعة' }, pages: ['frame', '/nu'] },
  });
  const frameOnly = marked('ar frame');
  assert.equal(translatorFor.pageIn('ar', '/nu', frameOnly).reviewed, false);
  assert.equal(translatorFor.pageIn('ar', '/nu', marked('ar /nu')).reviewed, false);
  assert.equal(translatorFor.pageIn('ar', '/nu', marked('ar frame', 'ar /nu')).reviewed, true);
  assert.equal(translatorFor.pageIn('ar', '/nu', marked('tr frame', 'tr /nu')).reviewed, false);
  // Not translated: the page is in English, only the frame is in Arabic.
  assert.deepEqual(translatorFor.pageIn('ar', '/informatie', frameOnly), {
    language: 'ar',
    translated: false,
    reviewed: true,
  });
  assert.equal(translatorFor.pageIn('ar', undefined, frameOnly).reviewed, true);
  // Without marks nothing is reviewed; nl and en need none.
  assert.equal(translatorFor.pageIn('ar', undefined).reviewed, false);
  assert.equal(translatorFor.pageIn('nl', '/nu', noReviewMarks).reviewed, true);
});

test('a language holding every key of the catalogue has every route translated without listing it (ADR 0053)', () => {
  // A synthetic complete Turkish: every key (the English messages), only the frame declared.
  const complete = createTranslators(catalogues, {
    ...translations,
    tr: { messages: { ...catalogues.en }, pages: ['frame'] },
  });
  assert.equal(complete.isComplete('tr'), true);
  for (const route of ['/nu', '/hulp', '/informatie', '/check', '/beheer/vertalingen']) {
    assert.equal(complete.pageIn('tr', route).translated, true, route);
  }
  assert.equal(complete.pageIn('tr', '/hulp', marked('tr frame', 'tr /hulp')).reviewed, true);
  assert.equal(complete.pageIn('tr', '/hulp', marked('tr frame')).reviewed, false);
  // A route not declared on its own is reviewed with the rest of the interface: frame and interface marked.
  for (const route of ['/beheer/vertalingen', '/logboek', '/account']) {
    assert.equal(complete.pageIn('tr', route, marked('tr frame', `tr ${interfacePage}`)).reviewed, true, route);
    assert.equal(complete.pageIn('tr', route, marked(`tr ${interfacePage}`)).reviewed, false, route);
    assert.equal(complete.pageIn('tr', route, marked('tr frame', `ar ${interfacePage}`)).reviewed, false, route);
  }
  // One key short of complete: only what is declared.
  const [dropped = ''] = Object.keys(catalogues.nl);
  const { [dropped]: _left, ...almost } = catalogues.en as Record<string, string>;
  const partial = createTranslators(catalogues, { ...translations, tr: { messages: almost, pages: ['frame', '/nu'] } });
  assert.equal(partial.isComplete('tr'), false);
  assert.equal(partial.pageIn('tr', '/hulp').translated, false);
  assert.equal(partial.pageIn('tr', '/nu').translated, true);
  assert.equal(translatorFor.isComplete('nl'), true);
});

test('an information page in a language is shown translated only when the language has the page’s own texts', () => {
  const keys = ['info.page.sources', 'info.page.onThisPage'] as const;
  const page = contentPageId('veilig-gebruik');
  assert.equal(page, '/informatie/veilig-gebruik');
  const without = createTranslators(catalogues, { ...translations, ar: { messages: {}, pages: ['frame'] } });
  assert.equal(without.contentPageIn('ar', page, keys), undefined);
  const withKeys = createTranslators(catalogues, {
    ...translations,
    ar: { messages: { 'info.page.sources': 'المصادر', 'info.page.onThisPage': 'في هذه الصفحة' }, pages: ['frame'] },
  });
  assert.deepEqual(withKeys.contentPageIn('ar', page, keys), { language: 'ar', translated: true, reviewed: false });
  assert.deepEqual(withKeys.contentPageIn('ar', page, keys, marked('ar frame', `ar ${page}`)), {
    language: 'ar',
    translated: true,
    reviewed: true,
  });
  // Easy-read Dutch falls back to Dutch: its labels are Dutch either way, so its pages show without its own labels.
  const easy = createTranslators(catalogues, { ...translations, makkelijk: { messages: {}, pages: ['frame'] } });
  assert.equal(easy.contentPageIn('makkelijk', page, keys)?.translated, true);
});
