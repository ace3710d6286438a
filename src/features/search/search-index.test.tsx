import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import matter from 'gray-matter';
import { renderToString } from 'preact-render-to-string';
import { contentDir } from '../../shared/paths.js';
import { createSearchIndex, type SearchablePage, type SearchHit } from './search-index.js';
import { foldDutchParticiple, termOf } from './search-text.js';
import { Snippet } from './views/search.view.js';

/** The information pages as content/ holds them (the real texts the site shows). */
async function contentPages(): Promise<SearchablePage[]> {
  const pages: SearchablePage[] = [];
  for (const lang of ['nl', 'en']) {
    for (const name of (await readdir(path.join(contentDir, lang))).filter((file) => file.endsWith('.md')).sort()) {
      const parsed = matter(await readFile(path.join(contentDir, lang, name), 'utf8'));
      const data = parsed.data as { title: string; summary: string };
      pages.push({
        section: 'informatie',
        slug: path.basename(name, '.md'),
        lang,
        title: data.title,
        summary: data.summary,
        bodyMarkdown: parsed.content,
        visibility: 'public',
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
