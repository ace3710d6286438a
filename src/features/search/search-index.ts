import { setImmediate } from 'node:timers/promises';
import MiniSearch from 'minisearch';
import { type Language, isLanguage, isLocale, languageInfo, languages } from '../../shared/i18n/messages.js';
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
  /** The page's language: its title and snippet are in it. */
  lang: Language;
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
  /**
   * Whether pages written in the chosen language may be shown in it (default true): when not (ADR 0053, the
   * language lacks the information page's own texts), /informatie/<slug> shows the fallback, so only the fallback
   * locale's pages are searched.
   */
  translations?: boolean;
}

/**
 * The search over the pages, in process (ADR 0034). One index per language: nl and en, and the languages whose
 * pages are translations (makkelijk, ar, tr, pl), each read with its own stemmer and stop words.
 */
export interface SearchIndex {
  /**
   * Replaces what is searched by these pages: a new index is built in small steps (requests are served in
   * between), then swapped in. When a newer rebuild started meanwhile, this one is dropped.
   */
  rebuild(pages: readonly SearchablePage[]): Promise<void>;
  /**
   * Ranked hits for the query in this language, then, for a language that is not a locale, the hits in its
   * fallback locale (`languageInfo[language].locale`) of the pages not translated into it: a page is found by
   * its English or Dutch words until it is translated, and never twice. [] for a query without a searchable word.
   */
  search(query: string, language: Language, options: SearchOptions): SearchHit[];
  /** How many pages each language's index holds (languages without pages are left out). */
  size(): Partial<Record<Language, number>>;
}

/**
 * What a hit is made of: the page without its markdown, and its text. The words with their places (for snippets)
 * are worked out again for the few pages a search shows, not kept for every page: kept, they were most of the
 * index's memory once six languages were indexed (issue 17).
 */
interface IndexedPage {
  id: number;
  page: Omit<SearchablePage, 'bodyMarkdown'>;
  lang: Language;
  body: string;
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

function newIndex(lang: Language, known: (term: string) => boolean): MiniSearch<Document> {
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

/** What a search reads, swapped in at once by a rebuild. */
interface State {
  indexes: Record<Language, MiniSearch<Document>>;
  pages: Map<number, IndexedPage>;
  /** Per language, the pages it holds (`section/slug`): those the fallback leaves out. */
  held: Record<Language, ReadonlySet<string>>;
}

const perLanguage = <Value>(make: (language: Language) => Value): Record<Language, Value> =>
  Object.fromEntries(languages.map((language) => [language, make(language)])) as Record<Language, Value>;

const keyOf = (page: Pick<SearchablePage, 'section' | 'slug'>): string => `${page.section}/${page.slug}`;

export function createSearchIndex(): SearchIndex {
  const nothing = () => false;
  let state: State = {
    indexes: perLanguage((language) => newIndex(language, nothing)),
    pages: new Map(),
    held: perLanguage(() => new Set()),
  };
  let generation = 0;

  /** The ranked results of one language's index, best first. */
  function resultsIn(current: State, query: string, language: Language, options: SearchOptions) {
    const words = tokenize(query).slice(0, maxQueryWords);
    if (!words.some((word) => termOf(word, language) !== undefined)) return [];
    return current.indexes[language].search(words.join(' '), {
      filter: (result) => options.professional || current.pages.get(result.id as number)?.page.visibility === 'public',
    });
  }

  return {
    async rebuild(source) {
      generation += 1;
      const mine = generation;
      const nextPages = new Map<number, IndexedPage>();
      const documents = perLanguage<Document[]>(() => []);
      const terms = perLanguage(() => new Set<string>());
      const held = perLanguage(() => new Set<string>());
      for (const [id, page] of source.entries()) {
        if (id % pagesPerStep === pagesPerStep - 1) await setImmediate();
        if (!isLanguage(page.lang)) continue;
        const lang = page.lang;
        const { text, headings } = markdownText(page.bodyMarkdown);
        const document = { id, title: page.title, headings: headings.join('\n'), summary: page.summary, body: text };
        const { bodyMarkdown: _markdown, ...shown } = page;
        nextPages.set(id, { id, page: shown, lang, body: text });
        documents[lang].push(document);
        held[lang].add(keyOf(page));
        for (const word of [
          ...wordsOf(text, lang),
          ...wordsOf(page.summary, lang),
          ...wordsOf(`${page.title} ${document.headings}`, lang),
        ]) {
          if (word.term !== undefined) terms[lang].add(word.term);
        }
      }
      const nextIndexes = perLanguage((language) => newIndex(language, vocabulary(terms[language])));
      for (const lang of languages) await nextIndexes[lang].addAllAsync(documents[lang], { chunkSize: pagesPerStep });
      if (mine !== generation) return;
      // Swapped in at once: a search never sees half an index.
      state = { indexes: nextIndexes, pages: nextPages, held };
    },

    search(query, language, options) {
      const current = state;
      const { locale } = languageInfo[language];
      const own = isLocale(language) || options.translations !== false;
      const results = own ? resultsIn(current, query, language, options) : [];
      if (!isLocale(language)) {
        // The pages not (shown) in the chosen language, by their fallback's words: a page translated is skipped.
        const skip = own ? current.held[language] : new Set<string>();
        for (const result of resultsIn(current, query, locale, options)) {
          const indexed = current.pages.get(result.id as number);
          if (indexed !== undefined && !skip.has(keyOf(indexed.page))) results.push(result);
        }
      }
      return results.slice(0, options.limit ?? 20).flatMap((result) => {
        const indexed = current.pages.get(result.id as number);
        if (indexed === undefined) return [];
        const matched = new Set(result.terms);
        const { page } = indexed;
        const summaryWords = () => wordsOf(page.summary, indexed.lang);
        const snippet =
          snippetOf(indexed.body, wordsOf(indexed.body, indexed.lang), matched) ??
          snippetOf(page.summary, summaryWords(), matched) ??
          beginning(page.summary, summaryWords());
        return [
          {
            section: page.section,
            slug: page.slug,
            lang: page.lang as Language,
            title: page.title,
            summary: page.summary,
            visibility: page.visibility,
            score: result.score,
            snippet,
          },
        ];
      });
    },

    size: () => {
      const sizes: Partial<Record<Language, number>> = {};
      for (const language of languages) {
        const count = state.indexes[language].documentCount;
        if (count > 0) sizes[language] = count;
      }
      return sizes;
    },
  };
}
