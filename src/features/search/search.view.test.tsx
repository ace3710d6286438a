import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { renderToString } from 'preact-render-to-string';
import { testPageContext } from '../../../test/helpers/page-context.js';
import { blankForm } from '../../shared/http/forms.js';
import type { Language } from '../../shared/i18n/messages.js';
import type { PageContext } from '../../shared/views/context.js';
import type { SearchHit } from './search-index.js';
import { SearchPage } from './views/search.view.js';

const hit = (lang: Language, slug: string, title: string, text: string): SearchHit => ({
  section: 'informatie',
  slug,
  lang,
  title,
  summary: text,
  visibility: 'public',
  score: 1,
  snippet: [{ text, mark: true }],
});

const arabic = hit('ar', 'sextortion', 'الابتزاز الجنسي', 'الابتزاز');
const english = hit('en', 'signalen', 'Signs', 'signs');
const easyRead = hit('makkelijk', 'signalen', 'Signalen', 'signalen');

/** The opening tags of each result's title and snippet, in order. */
function marks(ctx: PageContext, hits: readonly SearchHit[]): string[] {
  const html = renderToString(<SearchPage ctx={ctx} form={blankForm} hits={hits} />);
  return [...html.matchAll(/<(?:h3|p) class="app-search-results__(?:title|snippet)"[^>]*>/g)].map((match) =>
    match[0].replace(/ class="[^"]*"/, ''),
  );
}

const contextIn = (locale: 'nl' | 'en', language: Language, translated: boolean) =>
  testPageContext(locale, {
    path: '/zoeken',
    csrfToken: () => 'token',
    pageLanguage: { language, translated, reviewed: false },
  });

describe('search results say the language of a hit written in another language than the page (WCAG 3.1.2)', () => {
  test('in an Arabic page, an Arabic hit carries nothing; an English one says lang="en" dir="ltr"', () => {
    assert.deepEqual(marks(contextIn('en', 'ar', true), [arabic, english]), [
      '<h3>',
      '<p>',
      '<h3 lang="en" dir="ltr">',
      '<p lang="en" dir="ltr">',
    ]);
  });

  test('in a Dutch or English page (or a fallback page), an Arabic hit says lang="ar" dir="rtl"', () => {
    for (const ctx of [
      testPageContext('nl', { path: '/zoeken', csrfToken: () => 'token' }),
      contextIn('en', 'en', true),
      contextIn('en', 'ar', false),
    ]) {
      assert.deepEqual(marks(ctx, [arabic]), ['<h3 lang="ar" dir="rtl">', '<p lang="ar" dir="rtl">']);
    }
  });

  test('easy-read Dutch is Dutch: no mark in a Dutch page, lang="nl" in an English one', () => {
    assert.deepEqual(marks(contextIn('nl', 'makkelijk', false), [easyRead]), ['<h3>', '<p>']);
    assert.deepEqual(marks(contextIn('en', 'en', true), [easyRead]), [
      '<h3 lang="nl" dir="ltr">',
      '<p lang="nl" dir="ltr">',
    ]);
  });
});
