import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { before, describe, test } from 'node:test';
import { csrfTokenFrom, withCookiesOf } from '../../../test/helpers/app.js';
import { caseProfessional, prepareCaseWorld } from '../../../test/helpers/case-factories.js';
import { caseAppForSuite } from '../../../test/helpers/case-setup.js';
import { dialects } from '../../../test/helpers/databases.js';
import { assertNotInDump, databaseDump } from '../../../test/helpers/dump.js';
import { buildParent } from '../../../test/helpers/factories.js';
import { mainOf, textOf } from '../../../test/helpers/html-text.js';
import { createApp } from '../../app.js';
import { translatorFor } from '../../messages.js';
import type { Language } from '../../shared/i18n/messages.js';
import type { Pathway } from '../cases/pathway.schema.js';
import { contentDir } from '../../shared/paths.js';

type Jar = Record<string, string>;

for (const dialect of dialects) {
  void describe(`search over HTTP [${dialect}]`, () => {
    const { target, sink } = caseAppForSuite(dialect);
    const browsers: Record<'anonymous' | 'parent' | 'professional', Jar> = {
      anonymous: {},
      parent: {},
      professional: {},
    };

    /** A test page written straight into content_pages (as a publish would), then the index rebuilt. */
    const insertPage = async (page: {
      slug: string;
      title: string;
      body: string;
      section: string;
      visibility: string;
    }) => {
      const now = new Date().toISOString();
      await target.database.handle.db
        .insertInto('content_pages')
        .values({
          id: randomUUID(),
          slug: page.slug,
          lang: 'nl',
          status: 'published',
          title: page.title,
          summary: 'Een pagina voor de zoektest.',
          audience: JSON.stringify(['care']),
          topic: 'signalen',
          sources: '[]',
          headings: '[]',
          last_reviewed: '2026-12-01',
          sort_order: 0,
          body_markdown: page.body,
          body_html: '<p>proef</p>',
          source_hash: randomUUID(),
          section: page.section,
          visibility: page.visibility,
          reviewed_by: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
    };

    before(async () => {
      const world = await prepareCaseWorld(target, sink());
      const professional = await caseProfessional(world, 'care', `zoek.hulp.${process.pid}.${dialect}`);
      const parent = await buildParent(target);
      browsers.parent = parent.cookies;
      browsers.professional = professional.cookies;
      await insertPage({
        slug: 'zoektest-vak',
        title: 'Afwegingskader zoektest voor het vak',
        body: 'Alleen voor professionals: het vakwoord kwartelkoning.',
        section: 'kennisbank',
        visibility: 'professionals',
      });
      await insertPage({
        slug: 'zoektest-script',
        title: '<script>alert("zoektest")</script> Scripttitel',
        body: 'Een tekst met <img src=x onerror=alert(1)> en het woord reigerbek.',
        section: 'informatie',
        visibility: 'public',
      });
      await target.services.search.rebuild();
    });

    /** GET /zoeken for the token, then POST the query as that browser (language by the taal cookie). */
    const searchAs = async (jar: Jar, query: unknown, lang: Language = 'nl') => {
      const cookies = { ...jar, taal: lang };
      const form = await target.app.inject({ method: 'GET', url: '/zoeken', cookies });
      assert.equal(form.statusCode, 200);
      return target.app.inject({
        method: 'POST',
        url: '/zoeken',
        cookies: withCookiesOf(cookies, form.headers),
        payload: { _csrf: csrfTokenFrom(form.body), ...(query === undefined ? {} : { zoekterm: query }) },
      });
    };

    test('the form is posted, so the query never goes into an address', async () => {
      const page = await target.app.inject({ method: 'GET', url: '/zoeken' });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<form method="post" action="\/zoeken" role="search"/);
      assert.match(page.body, /name="zoekterm"/);
      assert.match(page.body, /href="\/zoeken"/, 'the header links to search');
    });

    test('"kind" finds pages about children, with the match marked, not stored by the browser (no-store)', async () => {
      const response = await searchAs({}, 'kind');
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['cache-control'], 'no-store');
      const main = mainOf(response.body);
      assert.match(main, /href="\/informatie\/praten-met-je-kind"/);
      assert.match(main, /<mark>kinderen<\/mark>/i);
      assert.match(main, /value="kind"/, 'the query stays in the field');
    });

    test('"uitgebuit" finds "uitbuiting", "sextorsion" the sextortion page, in both languages', async () => {
      const dutch = mainOf((await searchAs({}, 'uitgebuit')).body);
      assert.match(dutch, /href="\/informatie\/wat-is-seksuele-uitbuiting"/);
      assert.match(dutch, /<mark>uitbuiting<\/mark>/i);
      for (const lang of ['nl', 'en'] as const) {
        const main = mainOf((await searchAs({}, 'sextorsion', lang)).body);
        const first = /<li[^>]*class="[^"]*app-search-results__item"[\s\S]*?href="([^"]+)"/.exec(main)?.[1];
        assert.equal(first, '/informatie/sextortion', lang);
      }
    });

    test('a professionals-only article is found by a professional, not by a visitor or a parent', async () => {
      for (const [who, found] of [
        ['anonymous', false],
        ['parent', false],
        ['professional', true],
      ] as const) {
        const response = await searchAs(browsers[who], 'kwartelkoning');
        assert.equal(response.statusCode, 200, who);
        assert.equal(mainOf(response.body).includes('/kennisbank/zoektest-vak'), found, who);
      }
    });

    test('a page title and text with markup come out escaped', async () => {
      const response = await searchAs({}, 'reigerbek');
      const main = mainOf(response.body);
      assert.match(main, /href="\/informatie\/zoektest-script"/);
      assert.match(main, /&lt;script>alert\(&quot;zoektest&quot;\)&lt;\/script> Scripttitel/);
      assert.doesNotMatch(main, /<script|<img/);
      assert.match(main, /<mark>reigerbek<\/mark>/);
    });

    test('hostile queries: a clear 400 or a page of results, never a 500, for every kind of visitor', async () => {
      const huge = 'uitbuiting '.repeat(1000);
      for (const who of ['anonymous', 'parent', 'professional'] as const) {
        const tooLong = await searchAs(browsers[who], huge);
        assert.equal(tooLong.statusCode, 400, `${who}: 10 KB`);
        assert.match(textOf(tooLong.body), /Je zoekvraag is te lang/);
        assert.ok(!tooLong.body.includes(huge.slice(0, 400)), 'the long text is not echoed whole');
        const tooLongEn = await searchAs(browsers[who], huge, 'en');
        assert.equal(tooLongEn.statusCode, 400);
        assert.match(textOf(tooLongEn.body), /Your search is too long/);

        const empty = await searchAs(browsers[who], '   ');
        assert.equal(empty.statusCode, 400, `${who}: empty`);
        assert.match(textOf(empty.body), /Typ een woord om naar te zoeken/);
        const missing = await searchAs(browsers[who], undefined);
        assert.equal(missing.statusCode, 400, `${who}: no field`);
        const list = await searchAs(browsers[who], ['kind', 'ouder']);
        assert.equal(list.statusCode, 400, `${who}: a list`);
        const signs = await searchAs(browsers[who], '.*+?^${}()|[]\\/');
        assert.equal(signs.statusCode, 400, `${who}: only signs`);
        assert.match(textOf(signs.body), /Zoek op een woord met letters of cijfers/);

        for (const query of [
          '<script>alert(1)</script>',
          '"><img src=x onerror=alert(1)>',
          '(kind|ouder)*[',
          '.*(a+)+$',
          '\\u0000 kind %00',
        ]) {
          const response = await searchAs(browsers[who], query);
          assert.equal(response.statusCode, 200, `${who}: ${query}`);
          assert.doesNotMatch(mainOf(response.body), /<script|<img/);
        }
      }
    });

    test('a page published through the editorial store is found at once (the index is rebuilt on publish)', async () => {
      const file = await readFile(path.join(contentDir, 'nl', 'signalen.md'), 'utf8');
      const text = file
        .replace(/^title: .*$/m, 'title: Zoektest na publiceren')
        .concat('\n\nHier staat het woord grutto, alleen op deze pagina.\n');
      assert.equal(mainOf((await searchAs({}, 'grutto')).body).includes('/informatie/zoektest-gepubliceerd'), false);
      const imported = await target.services.editorial.importDocuments('page', [
        { key: 'nl/zoektest-gepubliceerd', text },
      ]);
      assert.equal(imported.created, 1);
      const main = mainOf((await searchAs({}, 'grutto')).body);
      assert.match(main, /href="\/informatie\/zoektest-gepubliceerd"/);
      assert.match(main, /Zoektest na publiceren/);
    });

    test('the pathway articles of the knowledge base are found by a track name, in both languages', async () => {
      for (const [lang, query, label] of [
        ['nl', 'Strafzaak', 'Kennisbank'],
        ['en', 'criminal case', 'Knowledge base'],
      ] as const) {
        const main = mainOf((await searchAs({}, query, lang)).body);
        assert.match(main, /href="\/kennisbank\/de-lijn-strafzaak"/, lang);
        assert.ok(textOf(main).includes(label), `${lang}: says it is in the knowledge base`);
      }
    });

    test('a word only in a pathway step finds its track article, and follows a newly published national pathway', async () => {
      const registry = target.services.pathway;
      /** Publishes the next national version with the first step of the criminal-case track saying these words. */
      const publishWith = async (nl: string, en: string) => {
        const next: Pathway = structuredClone(registry.current);
        next.version = Math.max(...registry.all.map((version) => version.version)) + 1;
        const track = next.tracks.find((candidate) => candidate.id === 'strafzaak')!;
        const step = track.steps[0]!;
        const original = registry.version(1)!.tracks.find((candidate) => candidate.id === 'strafzaak')!.steps[0]!;
        // Every language the text has keeps it (a language is in every text of a version or in none).
        step.what = Object.fromEntries(
          Object.entries(original.what).map(([lang, text]) => [
            lang,
            `${text} ${lang === 'nl' ? 'Zoekwoord' : 'Search word'}: ${lang === 'nl' ? nl : en}.`,
          ]),
        ) as typeof step.what;
        const result = await target.services.editorial.importDocuments('pathway', [
          { key: 'national', text: `${JSON.stringify(next, null, 2)}\n` },
        ]);
        assert.equal(result.created + result.updated, 1, 'the version is published');
        assert.equal(registry.current.version, next.version);
      };
      const found = async (query: string, lang: 'nl' | 'en') =>
        mainOf((await searchAs({}, query, lang)).body).includes('href="/kennisbank/de-lijn-strafzaak"');

      assert.equal(await found('roerdomp', 'nl'), false, 'not before the publish');
      await publishWith('roerdomp', 'bittern');
      assert.equal(await found('roerdomp', 'nl'), true, 'nl: the step word finds the track article');
      assert.equal(await found('bittern', 'en'), true, 'en: the step word finds the track article');

      await publishWith('tureluur', 'redshank');
      assert.equal(await found('tureluur', 'nl'), true, 'nl: the new word');
      assert.equal(await found('redshank', 'en'), true, 'en: the new word');
      assert.equal(await found('roerdomp', 'nl'), false, 'nl: the old word is gone');
      assert.equal(await found('bittern', 'en'), false, 'en: the old word is gone');
    });

    /** The results: each hit's link, and the attributes of its title (h3) and snippet. */
    const resultsOf = (html: string) =>
      [
        ...mainOf(html).matchAll(
          /<h3 class="app-search-results__title"([^>]*)><a[^>]*href="([^"]+)"[^>]*>([^<]*)<\/a><\/h3>[\s\S]*?<p class="app-search-results__snippet"([^>]*)>/g,
        ),
      ].map(([, title = '', href = '', text = '', snippet = '']) => ({ href, text, title, snippet }));

    test('an Arabic visitor searching an Arabic word finds the Arabic page, in an Arabic page without extra marks', async () => {
      const file = await readFile(path.join(contentDir, 'ar', 'sextortion.md'), 'utf8');
      const title = /^title: (.*)$/m.exec(file)?.[1] ?? '';
      assert.match(title, /الابتزاز/);
      const response = await searchAs({}, 'الابتزاز', 'ar');
      assert.equal(response.statusCode, 200);
      assert.match(response.body, /<html lang="ar" dir="rtl"/);
      const results = resultsOf(response.body);
      assert.deepEqual(results[0], { href: '/informatie/sextortion', text: title, title: '', snippet: '' });
      assert.ok(results.length > 3);
      // Every information page is in Arabic: none says another language.
      assert.doesNotMatch(mainOf(response.body), / lang="/);
      assert.match(mainOf(response.body), /<mark>الابتزاز<\/mark>/);

      // The same word in Dutch or English: nothing.
      for (const lang of ['nl', 'en'] as const) {
        const other = await searchAs({}, 'الابتزاز', lang);
        assert.equal(other.statusCode, 200);
        assert.deepEqual(resultsOf(other.body), [], lang);
      }
    });

    test('a page in another language than the results page says so: an English article in Arabic results', async () => {
      const response = await searchAs({}, 'meldcode', 'ar');
      const results = resultsOf(response.body);
      const article = results.find((result) => result.href === '/kennisbank/meldcode-vijf-stappen');
      assert.ok(article !== undefined, JSON.stringify(results));
      assert.equal(article.title, ' lang="en" dir="ltr"');
      assert.equal(article.snippet, ' lang="en" dir="ltr"');
      for (const result of results.filter((one) => one.href.startsWith('/informatie/'))) {
        assert.equal(result.title, '', `${result.href}: the Arabic page carries nothing`);
      }
      // A Dutch visitor sees the Dutch article, unmarked.
      const dutch = resultsOf((await searchAs({}, 'meldcode', 'nl')).body);
      assert.ok(dutch.some((result) => result.href === '/kennisbank/meldcode-vijf-stappen' && result.title === ''));
    });

    test('a Turkish visitor searching English words finds the English pathway article (the fallback), once', async () => {
      const results = resultsOf((await searchAs({}, 'criminal case', 'tr')).body);
      const track = results.filter((result) => result.href === '/kennisbank/de-lijn-strafzaak');
      assert.equal(track.length, 1, JSON.stringify(results));
      assert.equal(track[0]?.title, ' lang="en" dir="ltr"');
      // A translated page is listed once, in Turkish: its English version is skipped.
      const sextortion = resultsOf((await searchAs({}, 'sextortion', 'tr')).body).filter(
        (result) => result.href === '/informatie/sextortion',
      );
      assert.equal(sextortion.length, 1);
      assert.equal(sextortion[0]?.title, '', 'the Turkish page, in a Turkish page');
      assert.match(sextortion[0]?.text ?? '', /şantaj/);
    });

    test("hostile queries in Arabic, Turkish and Polish: a 400 in the visitor's language, or results, never a 500", async () => {
      const huge = 'الابتزاز '.repeat(1000);
      for (const lang of ['ar', 'tr', 'pl'] as const) {
        const t = translatorFor(lang);
        for (const who of ['anonymous', 'parent', 'professional'] as const) {
          const tooLong = await searchAs(browsers[who], huge, lang);
          assert.equal(tooLong.statusCode, 400, `${lang} ${who}: 10 KB`);
          assert.ok(textOf(tooLong.body).includes(t('search.problem.tooLong')), `${lang} ${who}: the message`);
          assert.doesNotMatch(textOf(tooLong.body), /Your search is too long|Je zoekvraag is te lang/);
          assert.ok(!tooLong.body.includes(huge.slice(0, 400)), 'the long text is not echoed whole');
          const empty = await searchAs(browsers[who], '   ', lang);
          assert.equal(empty.statusCode, 400);
          assert.ok(textOf(empty.body).includes(t('search.problem.empty')), `${lang} ${who}: empty`);
          for (const query of ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'الابتزاز <b>ا</b>']) {
            const response = await searchAs(browsers[who], query, lang);
            assert.equal(response.statusCode, 200, `${lang} ${who}: ${query}`);
            assert.doesNotMatch(mainOf(response.body), /<script|<img|<b>/);
          }
        }
      }
    });

    test('a post without the form token is refused, not searched', async () => {
      const response = await target.app.inject({ method: 'POST', url: '/zoeken', payload: { zoekterm: 'kind' } });
      assert.equal(response.statusCode, 403);
    });

    test('the query is in no log line and in no table', async () => {
      const query = 'uitbuiting zoekgeheimpje';
      const lines: string[] = [];
      const stream = new PassThrough();
      stream.on('data', (chunk: Buffer) => lines.push(chunk.toString('utf8')));
      const logged = await createApp(target.services, { logStream: stream });
      try {
        const form = await logged.inject({ method: 'GET', url: '/zoeken' });
        const response = await logged.inject({
          method: 'POST',
          url: '/zoeken',
          cookies: withCookiesOf({}, form.headers),
          payload: { _csrf: csrfTokenFrom(form.body), zoekterm: query },
        });
        assert.equal(response.statusCode, 200);
      } finally {
        await logged.close();
      }
      const text = lines.join('');
      assert.match(text, /\/zoeken/, 'the request was logged, by its route');
      assert.doesNotMatch(text, /zoekgeheimpje/);
      assertNotInDump(await databaseDump(target), [['the query', Buffer.from('zoekgeheimpje')]]);
    });
  });
}
