import assert from 'node:assert/strict';
import type { TestApp } from './app.js';

/*
 * Reading a rendered page as a visitor would: the visible text, and the page's main element. For tests of public
 * pages that check words and sources, not markup.
 */

/** The visible text, without tags, entities read as plain characters, spaces collapsed. */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** The inside of the page's <main> element, asserting there is one. */
export function mainOf(html: string): string {
  const found = /<main\b[^>]*>([\s\S]*?)<\/main>/.exec(html)?.[1];
  assert.ok(found !== undefined, 'the page has a main element');
  return found;
}

export interface FetchedPage {
  status: number;
  body: string;
  type: string;
}

/** What a page holds before its suite's `before` fetched it. */
export const notFetched: FetchedPage = { status: 0, body: '', type: '' };

/** A page fetched without an account, once in Dutch and once in English (the taal cookie). */
export async function fetchInBothLanguages(testApp: TestApp, url: string): Promise<Record<'nl' | 'en', FetchedPage>> {
  const fetchIn = async (lang: 'nl' | 'en'): Promise<FetchedPage> => {
    const response = await testApp.app.inject({ method: 'GET', url, cookies: { taal: lang } });
    return { status: response.statusCode, body: response.body, type: String(response.headers['content-type']) };
  };
  return { nl: await fetchIn('nl'), en: await fetchIn('en') };
}
