import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';
import { buildTestApp, type TestApp } from '../../test/helpers/app.js';
import { checkAndHelpPageViews } from '../../test/helpers/check-and-help-views.js';
import { dialects } from '../../test/helpers/databases.js';
import { registeredRoutes } from '../../test/helpers/routes.js';
import { publishUntranslatedPage, untranslatedSlug } from '../../test/helpers/untranslated.js';
import { testPageContext } from '../../test/helpers/page-context.js';
import { RightNowPage } from '../features/right-now/right-now.view.js';
import { catalogues, translatorFor } from '../messages.js';
import { type Language, type MessageKey, type Translate, languageInfo, languages } from '../shared/i18n/i18n.js';
import { numbersIn, placeholdersIn as placeholders } from '../shared/i18n/message-rules.js';
import type { PageContext } from '../shared/views/context.js';
import { ErrorPage } from '../shared/views/error-page.js';
import { Layout } from '../shared/views/layout.js';
import { translations } from './translations.js';

/*
 * Catalogue completeness for the languages beside nl and en (docs/adr/0050): a page declared translated in a
 * language has every key it uses in that language. "Uses" is read from the page itself, rendered with a
 * translator that writes down every key asked for, so a key added to a view later is caught too. As more pages
 * are declared, the required keys grow towards the whole catalogue.
 */

const dutch = catalogues.nl as Readonly<Record<MessageKey, string>>;
const allKeys = Object.keys(dutch) as MessageKey[];
const newLanguages = Object.keys(translations) as (keyof typeof translations)[];

/** Every key a view asks for, rendered with everything optional shown (signed in, notices, time-out warning). */
function keysUsedBy(view: (ctx: PageContext) => VNode): Set<MessageKey> {
  const used = new Set<MessageKey>();
  const dutchT = translatorFor('nl');
  const recording: Translate = (key, values) => {
    used.add(key);
    return dutchT(key, values);
  };
  const ctx = testPageContext('nl', {
    t: recording,
    frameT: recording,
    signedIn: true,
    ownSpace: 'journal',
    professional: true,
    idleUntil: '2026-12-07T20:00:00.000Z',
    csrfToken: () => 'token',
    pageLanguage: { language: 'ar', translated: false, reviewed: false },
  });
  render(view(ctx));
  return used;
}

/** The error pages are part of the frame: every error title and text (src/shared/http/error-handler.tsx). */
const errorKeys = allKeys.filter((key) => key.startsWith('error.'));

/**
 * How each page that may be declared translated is drawn. Declaring a route in translations.ts without a line
 * here fails the test below, so no page can be declared translated without being checked.
 */
const pageViews: Readonly<Record<string, (ctx: PageContext) => VNode>> = {
  frame: (ctx) => (
    <Layout ctx={ctx} title="x">
      <ErrorPage ctx={ctx} titleKey="error.404.title" textKey="error.404.text" errorId="x" />
    </Layout>
  ),
  '/nu': (ctx) => <RightNowPage ctx={ctx} />,
  // The check and the help finder, every state of each (test/helpers/check-and-help-views.tsx).
  ...checkAndHelpPageViews,
};

function keysOfPage(page: string): Set<MessageKey> {
  const view = pageViews[page];
  assert.ok(view !== undefined, `${page} is declared translated, so translations.test.tsx must draw it`);
  const keys = keysUsedBy(view);
  if (page === 'frame') for (const key of errorKeys) keys.add(key);
  return keys;
}

describe('catalogue completeness for every language beside nl and en', () => {
  for (const language of newLanguages) {
    const { messages, pages } = translations[language];
    for (const page of pages) {
      test(`${language}: ${page} is declared translated and has every key it uses`, () => {
        const missing = [...keysOfPage(page)].filter((key) => messages[key] === undefined);
        assert.deepEqual(missing, [], `${language} lacks keys of ${page}`);
      });
    }
  }

  // Issue 19: the whole interface catalogue in Arabic, Turkish and Polish. As for nl and en, a key added to a feature
  // without its Arabic, Turkish and Polish message fails here (scripts/translation-todo.ts lists what is missing).
  for (const language of ['ar', 'tr', 'pl'] as const) {
    test(`${language} holds every key of the catalogue, so every page is in ${language}`, () => {
      const missing = allKeys.filter((key) => translations[language].messages[key] === undefined);
      assert.deepEqual(
        missing,
        [],
        `${language} lacks: npx tsx scripts/translation-todo.ts ${language} public|professional`,
      );
      assert.equal(translatorFor.isComplete(language), true);
    });
  }

  test('every language has its frame (menu, quick exit, footer, errors), so every page has them in it', () => {
    for (const language of newLanguages) assert.ok(translations[language].pages.includes('frame'), language);
  });

  test('the frame and /nu use keys of their own (the check is not vacuous)', () => {
    assert.ok(keysOfPage('frame').has('quickExit.button'));
    assert.ok(keysOfPage('frame').has('layout.footer.call112'));
    assert.ok(keysOfPage('/nu').has('nu.missing.call'));
  });
});

describe('every translated message', () => {
  for (const language of newLanguages) {
    test(`${language}: keeps exactly the Dutch message’s numbers, is valid ICU with its placeholders, and is not empty`, () => {
      const intl = languageInfo[language].intl;
      for (const [key, message] of Object.entries(translations[language].messages) as [MessageKey, string][]) {
        assert.ok(Object.hasOwn(dutch, key), `${language} ${key} is a key of the catalogue`);
        assert.notEqual(message.trim(), '', `${language} ${key} is empty`);
        assert.deepEqual(numbersIn(message), numbersIn(dutch[key]), `${language} ${key}: the numbers`);
        assert.deepEqual(
          placeholders(message, intl),
          placeholders(dutch[key], 'nl'),
          `${language} ${key}: placeholders`,
        );
      }
    });
  }

  test('in right-to-left languages every number with a dash is isolated left to right (else 0900-8844 shows as 8844-0900)', () => {
    for (const language of newLanguages) {
      if (languageInfo[language].dir !== 'rtl') continue;
      for (const [key, message] of Object.entries(translations[language].messages)) {
        for (const match of message.matchAll(/\d+(?:-\d+)+/g)) {
          const before = message[match.index - 1];
          const after = message[match.index + match[0].length];
          assert.ok(before === '\u2066' && after === '\u2069', `${language} ${key}: ${match[0]} is not isolated`);
        }
      }
    }
  });

  test('the number check is not vacuous: it sees a changed emergency number', () => {
    assert.notDeepEqual(numbersIn('Bel 112, niet 0900-8844.'), numbersIn('Bel 112, niet 0900-8484.'));
    assert.deepEqual(numbersIn('Bel 112, niet 0900-8844.'), ['0900-8844', '112']);
  });

  test('plurals follow each language, with Latin digits in Arabic', () => {
    assert.equal(
      translatorFor('ar')('quickExit.pressesLeft', { count: 2 }),
      'اضغط على Shift مرتين أخريين لمغادرة الموقع',
    );
    assert.equal(
      translatorFor('ar')('quickExit.pressesLeft', { count: 3 }),
      'اضغط على Shift 3 مرات أخرى لمغادرة الموقع',
    );
    assert.equal(
      translatorFor('pl')('quickExit.pressesLeft', { count: 1 }),
      'Naciśnij Shift jeszcze 1 raz, aby opuścić stronę',
    );
    assert.equal(
      translatorFor('pl')('quickExit.pressesLeft', { count: 2 }),
      'Naciśnij Shift jeszcze 2 razy, aby opuścić stronę',
    );
  });
});

for (const dialect of dialects) {
  describe(`pages in every language over HTTP [${dialect}]`, () => {
    let testApp: TestApp | undefined;
    before(async () => {
      testApp = await buildTestApp(dialect);
      await publishUntranslatedPage(testApp.services);
    });
    after(async () => {
      await testApp?.close();
    });
    const get = async (url: string, headers: Record<string, string>) => {
      if (testApp === undefined) throw new Error('the app did not start');
      return testApp.app.inject({ method: 'GET', url, headers });
    };
    const htmlTag = (body: string) => /<html[^>]*>/.exec(body)?.[0] ?? '';

    const expected: Record<Exclude<Language, 'nl' | 'en'>, { lang: string; title: string; unreviewed: string }> = {
      makkelijk: { lang: 'nl', title: 'Wat moet ik nu doen?', unreviewed: 'De tekst is nog niet getest met lezers.' },
      ar: { lang: 'ar', title: 'ماذا أفعل الآن؟', unreviewed: 'هذه الترجمة لم يراجعها بعد شخص لغته الأم العربية.' },
      tr: { lang: 'tr', title: 'Şimdi ne yapmalıyım?', unreviewed: 'Bu çeviri henüz anadili Türkçe olan biri' },
      pl: { lang: 'pl', title: 'Co mam teraz zrobić?', unreviewed: 'To tłumaczenie nie zostało jeszcze sprawdzone' },
    };

    for (const [language, { lang, title, unreviewed }] of Object.entries(expected)) {
      const dir = languageInfo[language as Language].dir;
      test(`${language}: /nu is in the language, with lang and dir, and says it is not yet reviewed`, async () => {
        const response = await get('/nu', { cookie: `taal=${language}` });
        assert.equal(response.statusCode, 200);
        assert.equal(
          htmlTag(response.body),
          dir === 'rtl' ? `<html lang="${lang}" dir="rtl">` : `<html lang="${lang}">`,
        );
        assert.match(response.body, new RegExp(`<h1>${title.replace(/[?]/g, '\\?')}</h1>`));
        assert.ok(response.body.includes(unreviewed), 'the notice that the translation is not yet reviewed');
        assert.match(response.body, /href="\/taal\/nl\?terug=%2Fnu"/, 'a way to the Dutch page');
        assert.doesNotMatch(response.body, /class="app-untranslated"/);
      });

      test(`${language}: a page not yet translated says so in the language and is shown in its fallback`, async () => {
        // A complete language has every route translated (ADR 0053): its untranslated pages are information pages
        // without a file in its folder.
        const url = translatorFor.isComplete(language as Language) ? `/informatie/${untranslatedSlug}` : '/informatie';
        const response = await get(url, { cookie: `taal=${language}` });
        assert.equal(response.statusCode, 200);
        assert.equal(
          htmlTag(response.body),
          dir === 'rtl' ? `<html lang="${lang}" dir="rtl">` : `<html lang="${lang}">`,
        );
        const missing = translatorFor(language as Language)('layout.translation.missing');
        assert.ok(response.body.includes(missing.replace(/\n/g, '\n')), 'the notice in the chosen language');
        const fallback = languageInfo[languageInfo[language as Language].locale];
        assert.ok(response.body.includes(`<div lang="${fallback.tag}" dir="ltr" class="app-untranslated">`));
        // The frame stays in the chosen language: the quick exit and the footer's lines.
        assert.ok(response.body.includes(translatorFor(language as Language)('quickExit.button')));
        assert.ok(response.body.includes(translatorFor(language as Language)('layout.footer.emergencyTitle')));
      });
    }

    test('Accept-Language picks Arabic, Turkish and Polish; easy-read Dutch is only ever chosen on the site', async () => {
      const cases: [string, string][] = [
        ['ar-MA,ar;q=0.9', '<html lang="ar" dir="rtl">'],
        ['tr-TR', '<html lang="tr">'],
        ['pl-PL,pl;q=0.9,en;q=0.5', '<html lang="pl">'],
        ['nl-NL', '<html lang="nl">'],
        ['makkelijk', '<html lang="nl">'],
        ['de-DE', '<html lang="nl">'],
      ];
      for (const [header, tag] of cases) {
        const response = await get('/nu', { 'accept-language': header });
        assert.equal(htmlTag(response.body), tag, header);
        assert.doesNotMatch(response.body, /app-body--easy/, header);
      }
      const chosen = await get('/nu', { cookie: 'taal=makkelijk', 'accept-language': 'en' });
      assert.match(chosen.body, /app-body app-body--easy/);
    });

    test('the switch offers every language, each named in its own language, and remembers the choice', async () => {
      const page = await get('/nu', { cookie: 'taal=tr' });
      for (const [code, name] of [
        ['nl', 'Nederlands'],
        ['makkelijk', 'Makkelijk lezen'],
        ['en', 'English'],
        ['ar', 'العربية'],
        ['tr', 'Türkçe'],
        ['pl', 'Polski'],
      ]) {
        assert.match(page.body, new RegExp(`href="/taal/${code}\\?terug=%2Fnu"[^>]*>${name}</a>`), code);
      }
      const chosen = await get('/taal/ar?terug=%2Fnu', {});
      assert.equal(chosen.statusCode, 303);
      assert.equal(chosen.headers.location, '/nu');
      const cookie = String(chosen.headers['set-cookie']);
      assert.match(cookie, /^taal=ar;/);
      assert.match(cookie, /HttpOnly/);
      assert.match(cookie, /SameSite=Lax/);
      assert.equal((await get('/taal/fa', {})).statusCode, 404);
    });

    test('every page without a parameter, and a 404, has lang and dir of the chosen language; fallback content its own', async () => {
      if (testApp === undefined) throw new Error('the app did not start');
      const urls = registeredRoutes(testApp.app)
        .filter((route) => route.method === 'GET' && !route.path.includes(':') && !route.path.includes('*'))
        .map((route) => route.path);
      let pages = 0;
      let wrapped = 0;
      for (const language of languages) {
        const { tag, dir, locale } = languageInfo[language];
        const html = dir === 'rtl' ? `<html lang="${tag}" dir="rtl">` : `<html lang="${tag}">`;
        const fallback = `<div lang="${languageInfo[locale].tag}" dir="ltr" class="app-untranslated">`;
        for (const url of [...urls, '/bestaat-niet']) {
          const response = await get(url, { cookie: `taal=${language}` });
          if (!String(response.headers['content-type']).startsWith('text/html')) continue;
          if (!response.body.includes('<html')) continue;
          pages += 1;
          assert.equal(htmlTag(response.body), html, `${language} ${url}`);
          for (const wrapper of response.body.match(/<div [^>]*class="app-untranslated"[^>]*>/g) ?? []) {
            assert.equal(wrapper, fallback, `${language} ${url}`);
            wrapped += 1;
          }
        }
      }
      assert.ok(pages > languages.length * 20, `pages checked: ${pages}`);
      assert.ok(wrapped > 0, 'fallback content was seen and checked');
    });

    test('stored pages are kept per chosen language: Arabic and English visitors each get their own /nu', async () => {
      // English first, then Arabic (whose fallback is English): the second must not be served the first's page.
      const english = await get('/nu', { cookie: 'taal=en' });
      const arabic = await get('/nu', { cookie: 'taal=ar' });
      assert.match(htmlTag(english.body), /lang="en"/);
      assert.match(htmlTag(arabic.body), /lang="ar"/);
    });
  });
}
