import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { render } from 'preact-render-to-string';
import { appForSuite } from '../../../test/helpers/app.js';
import { dialects } from '../../../test/helpers/databases.js';
import { testPageContext } from '../../../test/helpers/page-context.js';
import { publishUntranslatedPage, untranslatedSlug } from '../../../test/helpers/untranslated.js';
import { translatorFor } from '../../messages.js';
import { type Language, type MessageKey, type Translate, languageInfo } from '../../shared/i18n/i18n.js';
import { contentDir } from '../../shared/paths.js';
import type { ContentPage } from './content.repo.js';
import { pageLix, pageTranslationProblems } from './content-translations.js';
import { pageLanguages } from './page.kind.js';
import { type FeedbackState, ContentPageView, contentPageKeys } from './views/content-page.view.js';

/*
 * Information pages in the languages being translated (content/<language>/<slug>.md, ADR 0053): each is a
 * translation of the Dutch page with its slug and keeps its facts (sources, date of the last check, numbers);
 * easy-read pages are A2. Over HTTP on both databases: a translation is shown in its language, lang and dir, with
 * the notice that it is not yet reviewed; a page without one falls back with the notice that it is not translated.
 */

const translatedLanguages = pageLanguages.filter((language) => language !== 'nl' && language !== 'en');
const dutchText = (slug: string): string | undefined => {
  const file = path.join(contentDir, 'nl', `${slug}.md`);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
};

describe('every translated information page keeps its Dutch page’s facts', () => {
  let files = 0;
  for (const language of translatedLanguages) {
    const folder = path.join(contentDir, language);
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder).filter((file) => file.endsWith('.md'))) {
      files += 1;
      const slug = name.slice(0, -'.md'.length);
      test(`content/${language}/${name}: a Dutch page with its slug, the same sources, date of check and numbers${language === 'makkelijk' ? ', LIX at most 20' : ''}`, () => {
        const problems = pageTranslationProblems(language, readFileSync(path.join(folder, name), 'utf8'), dutchText(slug));
        assert.deepEqual(problems, []);
      });
    }
  }
  test('the folders hold only page files of the translated languages', () => {
    for (const entry of readdirSync(contentDir, { withFileTypes: true })) {
      if (!entry.isDirectory() || !translatedLanguages.includes(entry.name)) continue;
      for (const name of readdirSync(path.join(contentDir, entry.name))) assert.match(name, /^[a-z0-9]+(?:-[a-z0-9]+)*\.md$/);
    }
    assert.ok(files >= 0);
  });
});

describe('the rules a translation is checked by (each one seen failing)', () => {
  const dutch = [
    '---',
    'title: Hulp',
    'summary: Bel Veilig Thuis.',
    'audience: [parents]',
    'topic: handelen',
    'sources:',
    '  - title: Veilig Thuis',
    '    url: https://veiligthuis.nl/',
    '  - title: Van kwaad tot erger (2025)',
    'lastReviewed: 2026-11-29',
    'order: 10',
    '---',
    '',
    'Bel 0800-2000. Bel bij gevaar 112.',
    '',
  ].join('\n');
  const arabic = dutch
    .replace('title: Hulp', 'title: مساعدة')
    .replace('summary: Bel Veilig Thuis.', 'summary: اتصل بـ Veilig Thuis.')
    .replace('Bel 0800-2000. Bel bij gevaar 112.', 'اتصل على \u20660800-2000\u2069. في حالة الخطر اتصل على 112.');

  test('a faithful translation has no problems', () => {
    assert.deepEqual(pageTranslationProblems('ar', arabic, dutch), []);
  });
  test('no Dutch page, or a language that is not being translated', () => {
    assert.deepEqual(pageTranslationProblems('ar', arabic, undefined), [{ problem: 'noDutchPage' }]);
    assert.deepEqual(pageTranslationProblems('en', arabic, dutch), [{ problem: 'language', language: 'en' }]);
    assert.deepEqual(pageTranslationProblems('fa', arabic, dutch), [{ problem: 'language', language: 'fa' }]);
  });
  test('a changed, dropped or added number (a phone number, a year) is found', () => {
    const changed = pageTranslationProblems('ar', arabic.replace('0800-2000', '0800-2001'), dutch);
    assert.deepEqual(changed.map((problem) => problem.problem), ['numbers']);
    const dropped = pageTranslationProblems('ar', arabic.replace(' 112.', '.'), dutch);
    assert.deepEqual(dropped.map((problem) => problem.problem), ['numbers']);
    const added = pageTranslationProblems('tr', arabic.replace('112.', '112 veya 113.'), dutch);
    assert.deepEqual(added.map((problem) => problem.problem), ['numbers']);
    const year = pageTranslationProblems('tr', arabic.replace('112.', '112 (2024).'), dutch);
    assert.deepEqual(year.map((problem) => problem.problem), ['numbers']);
  });
  test('other sources (a title or an address), or another date of check', () => {
    const source = pageTranslationProblems('pl', arabic.replace('https://veiligthuis.nl/', 'https://example.org/'), dutch);
    assert.deepEqual(source.map((problem) => problem.problem), ['sources']);
    const title = pageTranslationProblems('pl', arabic.replace('title: Veilig Thuis', 'title: Safe Home'), dutch);
    assert.deepEqual(title.map((problem) => problem.problem), ['sources']);
    const date = pageTranslationProblems('pl', arabic.replace('lastReviewed: 2026-11-29', 'lastReviewed: 2026-12-07'), dutch);
    assert.deepEqual(date, [{ problem: 'lastReviewed', dutch: '2026-11-29', translation: '2026-12-07' }]);
    const broken = pageTranslationProblems('pl', arabic.replace('topic: handelen', 'topic: iets'), dutch);
    assert.deepEqual(broken.map((problem) => problem.problem), ['frontMatter']);
  });
  test('an easy-read page over LIX 20 is refused; one of short lines and short words passes', () => {
    const hard = dutch.replace(
      'Bel 0800-2000. Bel bij gevaar 112.',
      'Raadpleeg bij vermoedens van seksuele uitbuiting onmiddellijk gespecialiseerde hulpverleningsinstanties via 0800-2000 of bij acuut gevaar 112.',
    );
    assert.deepEqual(pageTranslationProblems('makkelijk', hard, dutch).map((problem) => problem.problem), ['readability']);
    assert.ok(pageLix(hard) > 20);
    assert.deepEqual(pageTranslationProblems('makkelijk', dutch, dutch), []);
  });
});

test('contentPageKeys are exactly the keys the page view asks for, in every feedback state', () => {
  const used = new Set<MessageKey>();
  const dutchT = translatorFor('nl');
  const recording: Translate = (key, values) => {
    used.add(key);
    return dutchT(key, values);
  };
  const frameKeys = new Set<MessageKey>();
  const frameRecording: Translate = (key, values) => {
    frameKeys.add(key);
    return dutchT(key, values);
  };
  const page: ContentPage = {
    id: 'x', section: 'informatie', visibility: 'public', slug: 'signalen', lang: 'nl', status: 'published',
    title: 'Titel', summary: 'Samenvatting', audience: ['parents'], topic: 'begrijpen', reviewedBy: null,
    sources: [{ title: 'Bron' }], headings: [
      { id: 'a', text: 'A' },
      { id: 'b', text: 'B' },
    ],
    lastReviewed: '2026-11-29', order: 1, bodyHtml: '<p>x</p>',
  };
  for (const feedback of ['ask', 'thanks', 'invalid'] as FeedbackState[]) {
    const ctx = testPageContext('nl', { t: recording, frameT: frameRecording, csrfToken: () => 'token' });
    render(<ContentPageView ctx={ctx} page={page} fallback={false} feedback={feedback} />);
  }
  assert.deepEqual([...used].sort(), [...contentPageKeys].sort());
});

/** A translation of content/nl/veilig-gebruik.md for the HTTP tests: its front matter with a translated title. */
function translationOf(slug: string, title: string, body: string): string {
  const dutch = dutchText(slug);
  assert.ok(dutch !== undefined);
  const [, front = ''] = /^---\n([\s\S]*?)\n---\n/.exec(dutch) ?? [];
  return `---\n${front.replace(/^title: .*$/m, `title: ${title}`)}\n---\n\n${body}\n`;
}

for (const dialect of dialects) {
  describe(`information pages in the chosen language over HTTP [${dialect}]`, () => {
    const suite = appForSuite(dialect);
    const htmlTag = (body: string) => /<html[^>]*>/.exec(body)?.[0] ?? '';
    const get = (url: string, language: Language) =>
      suite.app.inject({ method: 'GET', url, headers: { cookie: `taal=${language}` } });
    before(async () => {
      await publishUntranslatedPage(suite.services);
    });
    const arabicTitle = 'الاستخدام الآمن لهذا الموقع';
    const easyTitle = 'Veilig deze site lezen';
    const publish = async () => {
      await suite.services.editorial.importDocuments('page', [
        { key: 'ar/veilig-gebruik', text: translationOf('veilig-gebruik', arabicTitle, 'نص عربي قصير.') },
        { key: 'makkelijk/veilig-gebruik', text: translationOf('veilig-gebruik', easyTitle, 'Je leest hier veilig.\nNiemand ziet het.') },
      ]);
    };

    test('ar: a translated page is in Arabic, right to left, without the fallback wrapper, and says it is not yet reviewed', async () => {
      await publish();
      const response = await get('/informatie/veilig-gebruik', 'ar');
      assert.equal(response.statusCode, 200);
      assert.equal(htmlTag(response.body), '<html lang="ar" dir="rtl">');
      assert.ok(response.body.includes(`<h1>${arabicTitle}</h1>`));
      assert.doesNotMatch(response.body, /app-untranslated/);
      assert.ok(response.body.includes(translatorFor('ar')('layout.translation.unreviewed')));
      assert.ok(!response.body.includes(translatorFor('ar')('layout.translation.missing')));
      // The page's own labels are Arabic, not English.
      assert.ok(response.body.includes(translatorFor('ar')('info.page.sources')));
      assert.ok(!response.body.includes('>Sources<'));
      // The Dutch page's sources.
      assert.ok(response.body.includes('https://helpwanted.nl/en'));
    });

    test('ar: a page without a translation falls back to English in the wrapper, with the notice in Arabic', async () => {
      const response = await get(`/informatie/${untranslatedSlug}`, 'ar');
      assert.equal(response.statusCode, 200);
      assert.equal(htmlTag(response.body), '<html lang="ar" dir="rtl">');
      assert.ok(response.body.includes('<div lang="en" dir="ltr" class="app-untranslated">'));
      assert.ok(response.body.includes(translatorFor('ar')('layout.translation.missing')));
    });

    test('easy-read: a translated page says lang="nl", reads one idea per line, and is not in the wrapper', async () => {
      await publish();
      const response = await get('/informatie/veilig-gebruik', 'makkelijk');
      assert.equal(htmlTag(response.body), '<html lang="nl">');
      assert.ok(response.body.includes(`<h1>${easyTitle}</h1>`));
      assert.match(response.body, /app-body--easy/);
      assert.doesNotMatch(response.body, /app-untranslated/);
      assert.ok(response.body.includes(translatorFor('makkelijk')('layout.translation.unreviewed')));
    });

    test('the stored pages are kept per language: Dutch, English and Arabic visitors each get their own page', async () => {
      await publish();
      for (let round = 0; round < 2; round += 1) {
        assert.match((await get('/informatie/veilig-gebruik', 'nl')).body, /<h1>Veilig gebruik van deze site<\/h1>/);
        assert.doesNotMatch((await get('/informatie/veilig-gebruik', 'en')).body, new RegExp(arabicTitle));
        assert.ok((await get('/informatie/veilig-gebruik', 'ar')).body.includes(`<h1>${arabicTitle}</h1>`));
        assert.ok((await get('/informatie/veilig-gebruik', 'makkelijk')).body.includes(`<h1>${easyTitle}</h1>`));
      }
    });

    test('the index lists the translation in Arabic and the other pages in English, each marked with its language', async () => {
      await publish();
      const response = await get('/informatie', 'ar');
      assert.equal(response.statusCode, 200);
      const items = response.body.match(/<li [^>]*class="app-page-list__item"[^>]*>[\s\S]*?<\/li>/g) ?? [];
      const arabic = items.find((item) => item.includes(arabicTitle));
      const english = items.find((item) => item.includes(`href="/informatie/${untranslatedSlug}"`));
      assert.ok(arabic !== undefined && english !== undefined);
      // Inside the English wrapper an Arabic entry says so; on a page in Arabic an English entry does.
      if (response.body.includes('class="app-untranslated"')) {
        assert.match(arabic, /lang="ar" dir="rtl"/);
        assert.doesNotMatch(english, /lang=/);
      } else {
        assert.doesNotMatch(arabic, /lang=/);
        assert.match(english, /lang="en" dir="ltr"/);
      }
      assert.equal(items.filter((item) => item.includes('href="/informatie/veilig-gebruik"')).length, 1);
    });

    test('a translation with other sources or another date of check is not published (the CMS refuses it)', async () => {
      const good = translationOf('veilig-gebruik', 'Tytuł próbny strony', 'Krótki tekst.');
      await assert.rejects(
        suite.services.editorial.importDocuments('page', [
          { key: 'pl/veilig-gebruik', text: good.replace(/lastReviewed: .*/, 'lastReviewed: 2026-12-07') },
        ]),
        (error: Error) => /content\.edit\.problem\.translation|translation/.test(error.message),
      );
      await assert.rejects(
        suite.services.editorial.importDocuments('page', [
          { key: 'tr/bestaat-niet-in-het-nederlands', text: good },
        ]),
      );
      const response = await get('/informatie/veilig-gebruik', 'pl');
      assert.ok(!response.body.includes('Tytuł próbny strony'));
      assert.equal(languageInfo.pl.locale, 'en');
    });
  });
}
