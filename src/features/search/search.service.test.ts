import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { anonymous } from '../../shared/policy/actor.js';
import type { SearchablePage } from './search-index.js';
import { createSearchService } from './search.service.js';

const page = (slug: string, body: string): SearchablePage => ({
  section: 'informatie',
  slug,
  lang: 'nl',
  title: slug,
  summary: 'Samenvatting.',
  bodyMarkdown: body,
  visibility: 'public',
});

describe('search service', () => {
  test('many publishes in a row give few rebuilds, and a search right after finds what was published', async () => {
    let pages = [page('eerste', 'Over de klokkenluider.')];
    let reads = 0;
    const search = createSearchService({
      loadPages: () => {
        reads += 1;
        return Promise.resolve(pages);
      },
    });
    await search.rebuild();
    assert.equal(reads, 1);
    for (let count = 0; count < 50; count += 1) {
      pages = [...pages, page(`pagina-${count}`, `Over de waterhoen nummer ${count}.`)];
      search.rebuildSoon();
    }
    const hits = await search.search(anonymous, 'waterhoen 49', 'nl');
    assert.equal(hits[0]?.slug, 'pagina-49', 'the last page published is found');
    assert.ok(reads <= 3, `${reads} rebuilds`);
  });

  test('a failed rebuild is reported and the old index keeps serving', async () => {
    let fail = false;
    const errors: unknown[] = [];
    const search = createSearchService({
      loadPages: () =>
        fail ? Promise.reject(new Error('database gone')) : Promise.resolve([page('een', 'Tekst over reigers.')]),
      onError: (error) => errors.push(error),
    });
    await search.rebuild();
    fail = true;
    search.rebuildSoon();
    assert.equal((await search.search(anonymous, 'reigers', 'nl')).length, 1);
    assert.equal(errors.length, 1);
  });

  test('without a rebuild at start, the first search builds the index', async () => {
    const search = createSearchService({ loadPages: () => Promise.resolve([page('een', 'Tekst over reigers.')]) });
    assert.equal((await search.search(anonymous, 'reiger', 'nl')).length, 1);
  });
});

describe('search service, an old index', () => {
  test('is refreshed in the background at a search once older than its maximum age', async () => {
    let now = 0;
    let pages = [page('een', 'Tekst over reigers.')];
    const search = createSearchService({ loadPages: () => Promise.resolve(pages), maxAgeMs: 1000, clock: () => now });
    await search.rebuild();
    // Another instance published: this one was not told.
    pages = [...pages, page('twee', 'Tekst over reigers en ooievaars.')];
    now = 500;
    assert.equal((await search.search(anonymous, 'ooievaars', 'nl')).length, 0);
    now = 1500;
    assert.equal((await search.search(anonymous, 'ooievaars', 'nl')).length, 0, 'the old index answers at once');
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal((await search.search(anonymous, 'ooievaars', 'nl')).length, 1);
  });
});

describe('search service, languages', () => {
  const translated = (lang: string, slug: string, title: string, body: string): SearchablePage => ({
    ...page(slug, body),
    lang,
    title,
  });
  const pages = [
    translated('en', 'reigers', 'Herons', 'Herons stand in the water.'),
    translated('ar', 'reigers', 'مالك الحزين', 'يقف مالك الحزين في الماء.'),
    translated('en', 'ooievaars', 'Storks', 'Storks stand in the water too.'),
  ];

  test('searches the chosen language, then the fallback for the pages not translated into it', async () => {
    const search = createSearchService({ loadPages: () => Promise.resolve(pages) });
    const arabic = await search.search(anonymous, 'الماء', 'ar');
    assert.deepEqual(
      arabic.map((hit) => `${hit.lang} ${hit.slug}`),
      ['ar reigers'],
    );
    const english = await search.search(anonymous, 'water', 'ar');
    assert.deepEqual(
      english.map((hit) => `${hit.lang} ${hit.slug}`),
      ['en ooievaars'],
      'the English heron page is skipped: it is translated',
    );
    assert.deepEqual((await search.search(anonymous, 'water', 'en')).map((hit) => hit.slug).sort(), [
      'ooievaars',
      'reigers',
    ]);
  });

  test('a language whose pages are not shown in it searches its fallback only', async () => {
    const asked: string[] = [];
    const search = createSearchService({
      loadPages: () => Promise.resolve(pages),
      showsTranslations: (language) => {
        asked.push(language);
        return false;
      },
    });
    assert.deepEqual(await search.search(anonymous, 'الماء', 'ar'), []);
    assert.deepEqual((await search.search(anonymous, 'water', 'ar')).map((hit) => `${hit.lang} ${hit.slug}`).sort(), [
      'en ooievaars',
      'en reigers',
    ]);
    assert.deepEqual(asked, ['ar', 'ar']);
  });
});
