import { setImmediate } from 'node:timers/promises';
import MiniSearch from 'minisearch';
import { type Locale, locales } from '../../shared/i18n/messages.js';
import { markdownText, termOf, tokenize, type Word, wordsOf } from './search-text.js';

/** A published information page or knowledge article as the index reads it (content.repo.ts searchablePages). */
export interface SearchablePage {
  section: 'informatie' | 'kennisbank';
  slug: string;
  lang: string;
  title: string;
  summary: string;
  bodyMarkdown: string;
  visibility: 'public' | 'professionals';
}

/** A piece of a snippet: text, and whether it is a word that matched (drawn inside <mark>). */
export interface SnippetPart {
  text: string;
  mark: boolean;
}

export interface SearchHit {
  section: SearchablePage['section'];
  slug: string;
  title: string;
  summary: string;
  visibility: SearchablePage['visibility'];
  score: number;
  /** Text around the best match in the body (or the summary), with the matched words marked. */
  snippet: SnippetPart[];
}

export interface SearchOptions {
  /** Whether professionals-only knowledge articles may be in the results (decided by the caller's policy). */
  professional: boolean;
  /** At most this many results (default 20). */
  limit?: number;
}

/** The search over the pages, in process (ADR 0034). One index per language. */
export interface SearchIndex {
  /**
   * Replaces what is searched by these pages: a new index is built in small steps (requests are served in
   * between), then swapped in. When a newer rebuild started meanwhile, this one is dropped.
   */
  rebuild(pages: readonly SearchablePage[]): Promise<void>;
  /** Ranked hits for the query in this language; [] for a query without a searchable word. */
  search(query: string, lang: Locale, options: SearchOptions): SearchHit[];
  /** How many pages each language's index holds. */
  size(): Record<Locale, number>;
}

interface IndexedPage {
  id: number;
  page: SearchablePage;
  body: string;
  bodyWords: Word[];
  summaryWords: Word[];
}

interface Document {
  id: number;
  title: string;
  headings: string;
  summary: string;
  body: string;
}

/** A title match counts most, then a heading or the summary, then the body. */
const boost = { title: 4, headings: 2, summary: 2 };
/** Words of a query that are searched (a longer query is cut: it only makes the search slower). */
const maxQueryWords = 12;
const snippetWords = 32;
const wordsBeforeMatch = 8;
/** Pages indexed between two turns of the event loop while rebuilding. */
const pagesPerStep = 4;

/** The terms of an index, sorted: is a query term in the pages, as a word or the start of one? */
function vocabulary(terms: ReadonlySet<string>): (term: string) => boolean {
  const sorted = [...terms].sort();
  return (term) => {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((sorted[middle] as string) < term) low = middle + 1;
      else high = middle;
    }
    return sorted[low]?.startsWith(term) ?? false;
  };
}

function newIndex(lang: Locale, known: (term: string) => boolean): MiniSearch<Document> {
  return new MiniSearch<Document>({
    fields: ['title', 'headings', 'summary', 'body'],
    storeFields: [],
    tokenize,
    processTerm: (word) => termOf(word, lang),
    searchOptions: {
      boost,
      // "kind" finds "kinderen" (stem "kinder"); short words only exactly.
      prefix: (term) => term.length >= 3,
      // Typos: only for a word the pages do not have (as a word or the start of one), so "kinderen" does not
      // also find "minder"; one wrong letter from five letters on, two from ten ("sextorsion" finds "sextortion").
      fuzzy: (term) => (term.length >= 5 && !known(term) ? 0.2 : false),
      maxFuzzy: 2,
      combineWith: 'OR',
    },
  });
}

/** The snippet around the part of the text with the most different matched terms; undefined if none is in it. */
export function snippetOf(
  text: string,
  words: readonly Word[],
  matched: ReadonlySet<string>,
): SnippetPart[] | undefined {
  const positions: number[] = [];
  words.forEach((word, index) => {
    if (word.term !== undefined && matched.has(word.term)) positions.push(index);
  });
  if (positions.length === 0) return undefined;
  let bestStart = 0;
  let bestCount = -1;
  for (const position of positions) {
    const start = Math.max(0, position - wordsBeforeMatch);
    const seen = new Set<string>();
    for (let index = start; index < Math.min(words.length, start + snippetWords); index += 1) {
      const term = words[index]?.term;
      if (term !== undefined && matched.has(term)) seen.add(term);
    }
    if (seen.size > bestCount) {
      bestCount = seen.size;
      bestStart = start;
    }
    if (bestCount === matched.size) break;
  }
  const end = Math.min(words.length, bestStart + snippetWords);
  const parts: SnippetPart[] = [];
  const push = (part: SnippetPart) => {
    const last = parts.at(-1);
    if (last !== undefined && !last.mark && !part.mark) last.text += part.text;
    else if (part.text !== '') parts.push(part);
  };
  if (bestStart > 0) push({ text: '… ', mark: false });
  let cursor = words[bestStart]?.start ?? 0;
  for (let index = bestStart; index < end; index += 1) {
    const word = words[index];
    if (word === undefined) continue;
    push({ text: text.slice(cursor, word.start).replace(/\s+/g, ' '), mark: false });
    push({ text: text.slice(word.start, word.end), mark: word.term !== undefined && matched.has(word.term) });
    cursor = word.end;
  }
  if (end < words.length) push({ text: ' …', mark: false });
  return parts;
}

function beginning(text: string, words: readonly Word[]): SnippetPart[] {
  if (words.length <= snippetWords) return [{ text, mark: false }];
  const cut = words[snippetWords - 1]?.end ?? text.length;
  return [{ text: `${text.slice(0, cut)} …`, mark: false }];
}

export function createSearchIndex(): SearchIndex {
  const nothing = () => false;
  let indexes: Record<Locale, MiniSearch<Document>> = { nl: newIndex('nl', nothing), en: newIndex('en', nothing) };
  let pages = new Map<number, IndexedPage>();
  let generation = 0;

  return {
    async rebuild(source) {
      generation += 1;
      const mine = generation;
      const nextPages = new Map<number, IndexedPage>();
      const documents: Record<Locale, Document[]> = { nl: [], en: [] };
      const terms: Record<Locale, Set<string>> = { nl: new Set(), en: new Set() };
      for (const [id, page] of source.entries()) {
        if (id % pagesPerStep === pagesPerStep - 1) await setImmediate();
        if (!(locales as readonly string[]).includes(page.lang)) continue;
        const lang = page.lang as Locale;
        const { text, headings } = markdownText(page.bodyMarkdown);
        const document = { id, title: page.title, headings: headings.join('\n'), summary: page.summary, body: text };
        const indexed = {
          id,
          page,
          body: text,
          bodyWords: wordsOf(text, lang),
          summaryWords: wordsOf(page.summary, lang),
        };
        nextPages.set(id, indexed);
        documents[lang].push(document);
        for (const word of [
          ...indexed.bodyWords,
          ...indexed.summaryWords,
          ...wordsOf(`${page.title} ${document.headings}`, lang),
        ]) {
          if (word.term !== undefined) terms[lang].add(word.term);
        }
      }
      const nextIndexes = {
        nl: newIndex('nl', vocabulary(terms.nl)),
        en: newIndex('en', vocabulary(terms.en)),
      };
      for (const lang of locales) await nextIndexes[lang].addAllAsync(documents[lang], { chunkSize: pagesPerStep });
      if (mine !== generation) return;
      // Swapped in at once: a search never sees half an index.
      indexes = nextIndexes;
      pages = nextPages;
    },

    search(query, lang, options) {
      const words = tokenize(query).slice(0, maxQueryWords);
      if (!words.some((word) => termOf(word, lang) !== undefined)) return [];
      const current = pages;
      const results = indexes[lang].search(words.join(' '), {
        filter: (result) => options.professional || current.get(result.id as number)?.page.visibility === 'public',
      });
      return results.slice(0, options.limit ?? 20).flatMap((result) => {
        const indexed = current.get(result.id as number);
        if (indexed === undefined) return [];
        const matched = new Set(result.terms);
        const { page } = indexed;
        const snippet =
          snippetOf(indexed.body, indexed.bodyWords, matched) ??
          snippetOf(page.summary, indexed.summaryWords, matched) ??
          beginning(page.summary, indexed.summaryWords);
        return [
          {
            section: page.section,
            slug: page.slug,
            title: page.title,
            summary: page.summary,
            visibility: page.visibility,
            score: result.score,
            snippet,
          },
        ];
      });
    },

    size: () => ({ nl: indexes.nl.documentCount, en: indexes.en.documentCount }),
  };
}
