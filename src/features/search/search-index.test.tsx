import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import matter from 'gray-matter';
import { renderToString } from 'preact-render-to-string';
import { contentDir } from '../../shared/paths.js';
import type { Language } from '../../shared/i18n/messages.js';
import { createSearchIndex, type SearchablePage, type SearchHit } from './search-index.js';
import { foldDutchParticiple, termOf } from './search-text.js';
import { Snippet } from './views/search.view.js';

/**
 * The information pages as content/ holds them (the real texts the site shows), by default Dutch and English;
 * `folders` may add the translations (content/<language>/) and the knowledge base (content/kennisbank/<locale>/).
 */
async function contentPages(
  folders: readonly { folder: string; lang: string; section?: SearchablePage['section'] }[] = [
    { folder: 'nl', lang: 'nl' },
    { folder: 'en', lang: 'en' },
  ],
): Promise<SearchablePage[]> {
  const pages: SearchablePage[] = [];
  for (const { folder, lang, section = 'informatie' } of folders) {
    for (const name of (await readdir(path.join(contentDir, folder))).filter((file) => file.endsWith('.md')).sort()) {
      const parsed = matter(await readFile(path.join(contentDir, folder, name), 'utf8'));
      const data = parsed.data as { title: string; summary: string; professionalsOnly?: boolean };
      pages.push({
        section,
        slug: path.basename(name, '.md'),
        lang,
        title: data.title,
        summary: data.summary,
        bodyMarkdown: parsed.content,
        visibility: data.professionalsOnly === true ? 'professionals' : 'public',
      });
    }
  }
  return pages;
}

const marked = (hit: SearchHit): string[] =>
  hit.snippet.filter((part) => part.mark).map((part) => part.text.toLowerCase());

describe('search terms', () => {
  test('Dutch: "kind" and "kinderen" share their start, "uitgebuit" and "uitbuiting" one term', () => {
    assert.ok(termOf('kinderen', 'nl')?.startsWith(termOf('kind', 'nl') ?? '-'));
    assert.equal(termOf('uitgebuit', 'nl'), termOf('uitbuiting', 'nl'));
    assert.equal(termOf('uitgebuite', 'nl'), termOf('uitbuiten', 'nl'));
    assert.equal(termOf('aangemeld', 'nl'), termOf('aanmelden', 'nl'));
  });

  test('the participle rule leaves infinitives and other words whole', () => {
    assert.equal(foldDutchParticiple('uitgebuit'), 'uitbuit');
    assert.equal(foldDutchParticiple('aangeven'), 'aangeven');
    assert.equal(foldDutchParticiple('aangifte'), 'aangifte');
    assert.equal(foldDutchParticiple('gemeld'), 'gemeld');
  });

  test('English: "exploited" and "exploitation", "parents" and "parent"', () => {
    assert.equal(termOf('exploited', 'en'), termOf('exploitation', 'en'));
    assert.equal(termOf('parents', 'en'), termOf('parent', 'en'));
  });

  test('case and accents do not matter; stop words and single letters are no terms', () => {
    assert.equal(termOf('Geïnformeerd', 'nl'), termOf('geinformeerd', 'nl'));
    assert.equal(termOf('de', 'nl'), undefined);
    assert.equal(termOf('the', 'en'), undefined);
    assert.equal(termOf('a', 'en'), undefined);
  });
});

describe('search over the information pages', () => {
  const index = createSearchIndex();
  before(async () => {
    await index.rebuild(await contentPages());
  });
  const search = (query: string, lang: 'nl' | 'en') => index.search(query, lang, { professional: false });

  test('"kind" finds pages with "kinderen", marked in the snippet', () => {
    const hits = search('kind', 'nl');
    assert.ok(hits.length > 3);
    assert.ok(
      hits.some((hit) => marked(hit).includes('kinderen')),
      'a snippet marks "kinderen"',
    );
  });

  test('"uitgebuit" finds the pages about "uitbuiting", the one that explains it near the top', () => {
    const hits = search('uitgebuit', 'nl');
    const slugs = hits.map((hit) => hit.slug);
    assert.ok(slugs.slice(0, 3).includes('wat-is-seksuele-uitbuiting'), slugs.join(', '));
    assert.ok(hits.some((hit) => marked(hit).includes('uitbuiting')));
  });

  test('a typo: "sextorsion" finds the sextortion page first, in both languages', () => {
    assert.equal(search('sextorsion', 'en')[0]?.slug, 'sextortion');
    assert.equal(search('sextorsion', 'nl')[0]?.slug, 'sextortion');
    assert.equal(search('loverbooy', 'nl')[0]?.slug, 'hoe-uitbuiters-werken');
  });

  test('English stemming: "child" finds "children", "exploited" finds "exploitation"', () => {
    assert.ok(search('child', 'en').some((hit) => marked(hit).includes('children')));
    assert.ok(search('exploited', 'en').some((hit) => marked(hit).includes('exploitation')));
  });

  test('ranking: a page whose title is the query comes first', () => {
    assert.equal(search('signalen', 'nl')[0]?.slug, 'signalen');
    assert.equal(search('aangifte', 'nl')[0]?.slug, 'na-een-aangifte');
    assert.equal(search('signals', 'en')[0]?.slug, 'signalen');
  });

  test('an existing word is not also taken as a typo of another ("kinderen" does not find "minder")', () => {
    for (const hit of search('kinderen', 'nl')) assert.ok(!marked(hit).includes('minder'), hit.slug);
  });

  test('markup and regex characters are just text; a query of only signs finds nothing', () => {
    assert.deepEqual(search('.*(a+)+$', 'nl'), []);
    assert.deepEqual(search('[]{}()*+?|^$\\', 'en'), []);
    assert.doesNotThrow(() => search('<script>alert(1)</script>', 'nl'));
    assert.deepEqual(search('de het een', 'nl'), []);
  });

  test('each language searches its own pages', () => {
    for (const hit of search('kinderen', 'nl')) assert.ok(hit.title !== '' && hit.section === 'informatie');
    assert.deepEqual(index.size(), { nl: 22, en: 22 });
  });
});

describe('who finds what, and escaping', () => {
  const page = (overrides: Partial<SearchablePage>): SearchablePage => ({
    section: 'kennisbank',
    slug: 'proef',
    lang: 'nl',
    title: 'Proef',
    summary: 'Een proefpagina.',
    bodyMarkdown: 'Tekst over het afwegingskader.',
    visibility: 'public',
    ...overrides,
  });
  const index = createSearchIndex();
  before(async () => {
    await index.rebuild([
      page({ slug: 'open', title: 'Afwegingskader voor iedereen' }),
      page({ slug: 'vak', title: 'Afwegingskader voor het vak', visibility: 'professionals' }),
      page({
        slug: 'script',
        title: '<script>alert("titel")</script>',
        bodyMarkdown: 'Een <b>vet</b> woord en <script>alert("tekst")</script> in de tekst over scripts.',
      }),
    ]);
  });

  test('a professionals-only article is found only when the caller may read it', () => {
    const slugs = (professional: boolean) =>
      index.search('afwegingskader', 'nl', { professional }).map((hit) => hit.slug);
    assert.deepEqual(slugs(false).sort(), ['open']);
    assert.deepEqual(slugs(true).sort(), ['open', 'vak']);
  });

  test('a snippet is text with <mark> around matches: markup in a page comes out escaped', () => {
    const [hit] = index.search('script', 'nl', { professional: false });
    assert.ok(hit !== undefined);
    assert.equal(hit.title, '<script>alert("titel")</script>');
    const html = renderToString(<Snippet parts={hit.snippet} />);
    assert.doesNotMatch(html, /<script|<b>/);
    assert.match(html, /&lt;<mark>script<\/mark>>alert/);
    assert.match(html, /<mark>scripts<\/mark>/);
  });
});

describe('search in every language (one index per language, the fallback for what is not translated)', () => {
  const folders = [
    ...(['nl', 'en', 'makkelijk', 'ar', 'tr', 'pl'] as const).map((lang) => ({ folder: lang, lang })),
    { folder: 'kennisbank/nl', lang: 'nl', section: 'kennisbank' as const },
    { folder: 'kennisbank/en', lang: 'en', section: 'kennisbank' as const },
  ];
  const index = createSearchIndex();
  const dutchAndEnglish = createSearchIndex();
  let arabicTitle = '';
  before(async () => {
    const pages = await contentPages(folders);
    await index.rebuild(pages);
    await dutchAndEnglish.rebuild(pages.filter((page) => page.lang === 'nl' || page.lang === 'en'));
    arabicTitle = pages.find((page) => page.lang === 'ar' && page.slug === 'sextortion')?.title ?? '';
  });
  const search = (query: string, language: Language, translations?: boolean) =>
    index.search(query, language, { professional: false, ...(translations === undefined ? {} : { translations }) });
  const keys = (hits: readonly SearchHit[]) => hits.map((hit) => `${hit.lang} ${hit.section}/${hit.slug}`);

  test('every language has its own index of its pages', () => {
    const size = index.size();
    assert.equal(size.ar, 22);
    assert.equal(size.tr, 22);
    assert.equal(size.pl, 22);
    assert.equal(size.makkelijk, 5);
    assert.ok((size.nl ?? 0) > 22 && (size.en ?? 0) > 22, 'nl and en: the information pages and the articles');
  });

  test("a word from the Arabic sextortion page's title finds that page first, in Arabic; in Dutch nothing", () => {
    assert.match(arabicTitle, /الابتزاز/);
    const hits = search('الابتزاز', 'ar');
    assert.equal(hits[0]?.slug, 'sextortion');
    assert.equal(hits[0]?.lang, 'ar');
    assert.equal(hits[0]?.title, arabicTitle);
    assert.ok(
      hits[0]?.snippet.some((part) => part.mark && /ابتزاز/.test(part.text)),
      'the snippet is Arabic text with the match marked',
    );
    // Another form of the word, with harakat: the same page.
    assert.equal(search('ابتِزاز', 'ar')[0]?.slug, 'sextortion');
    assert.deepEqual(search('الابتزاز', 'nl'), []);
    assert.deepEqual(search('الابتزاز', 'en'), []);
  });

  test('Turkish and Polish words find their pages, with or without their own letters', () => {
    for (const query of ['şantaj', 'santaj', 'ŞANTAJ']) {
      const [first] = search(query, 'tr');
      assert.equal(`${first?.lang} ${first?.slug}`, 'tr sextortion', query);
    }
    for (const query of ['szantaż', 'szantaz', 'Szantaż']) {
      const [first] = search(query, 'pl');
      assert.equal(`${first?.lang} ${first?.slug}`, 'pl sextortion', query);
    }
    assert.deepEqual(keys(search('Pomoc', 'pl')), keys(search('pomoc', 'pl')));
    assert.ok(search('pomoc', 'pl').length > 3);
  });

  test('a Turkish visitor searching an English word finds the English knowledge article (the fallback)', () => {
    const hits = search('meldcode', 'tr');
    const article = hits.find((hit) => hit.slug === 'meldcode-vijf-stappen');
    assert.ok(article !== undefined, keys(hits).join(', '));
    assert.equal(article.lang, 'en');
    assert.equal(article.section, 'kennisbank');
    // Turkish pages come first, then the fallback.
    const firstEnglish = hits.findIndex((hit) => hit.lang === 'en');
    assert.ok(
      hits.slice(firstEnglish).every((hit) => hit.lang === 'en'),
      keys(hits).join(', '),
    );
    assert.ok(
      hits.slice(0, firstEnglish).every((hit) => hit.lang === 'tr'),
      keys(hits).join(', '),
    );
  });

  test('a translated page is listed once, in the chosen language: its English version is skipped', () => {
    for (const [language, query] of [
      ['tr', 'sextortion'],
      ['ar', 'sextortion'],
      ['pl', 'sextortion'],
      ['makkelijk', 'signalen'],
    ] as const) {
      const hits = search(query, language);
      const listed = hits.map((hit) => `${hit.section}/${hit.slug}`);
      assert.equal(new Set(listed).size, listed.length, `${language}: ${listed.join(', ')}`);
      const informatie = hits.filter((hit) => hit.section === 'informatie');
      // Every information page is translated into ar, tr and pl: none comes from the fallback.
      if (language !== 'makkelijk')
        assert.ok(
          informatie.every((hit) => hit.lang === language),
          keys(hits).join(),
        );
    }
    // Easy-read Dutch has five pages: its signalen page, then Dutch pages it does not have.
    const easy = search('signalen', 'makkelijk');
    assert.equal(`${easy[0]?.lang} ${easy[0]?.slug}`, 'makkelijk signalen');
    assert.ok(!easy.some((hit) => hit.lang === 'nl' && hit.slug === 'signalen' && hit.section === 'informatie'));
    assert.ok(
      easy.some((hit) => hit.lang === 'nl' && hit.slug === 'sextortion'),
      'an untranslated page, in Dutch',
    );
  });

  test('a page not translated is found in the fallback by its own words', async () => {
    const partial = createSearchIndex();
    const pages = await contentPages(folders);
    // Turkish without its sextortion page.
    await partial.rebuild(pages.filter((page) => !(page.lang === 'tr' && page.slug === 'sextortion')));
    const hits = partial.search('sextortion', 'tr', { professional: false });
    const english = hits.filter((hit) => hit.section === 'informatie' && hit.lang === 'en');
    assert.deepEqual(
      english.map((hit) => hit.slug),
      ['sextortion'],
    );
  });

  test("when the language's pages are not shown in it, only the fallback is searched", () => {
    const hits = search('sextortion', 'ar', false);
    assert.ok(hits.length > 0);
    assert.ok(
      hits.every((hit) => hit.lang === 'en'),
      keys(hits).join(', '),
    );
    assert.deepEqual(search('الابتزاز', 'ar', false), []);
  });

  test('Dutch and English find exactly what they found with only Dutch and English pages', () => {
    for (const [language, query] of [
      ['nl', 'kind'],
      ['nl', 'uitgebuit'],
      ['nl', 'sextorsion'],
      ['nl', 'meldcode afwegingskader'],
      ['en', 'child'],
      ['en', 'exploited'],
      ['en', 'signals'],
      ['en', 'sextortion'],
    ] as const) {
      const alone = dutchAndEnglish.search(query, language, { professional: true });
      assert.deepEqual(index.search(query, language, { professional: true }), alone, `${language}: ${query}`);
      assert.ok(alone.length > 0, `${language}: ${query}`);
    }
  });
});
