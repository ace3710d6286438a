import { stemmer as dutchStemmer } from '@orama/stemmers/dutch';
import { stemmer as englishStemmer } from '@orama/stemmers/english';
import MarkdownIt from 'markdown-it';
import type { Locale } from '../../shared/i18n/messages.js';

/*
 * How text becomes search terms, the same for the pages (when the index is built) and for the query (ADR 0034):
 * words are runs of letters and digits; a term is the word in lower case without accents, with the stop words
 * of the language left out, a separable Dutch participle folded ("uitgebuit" → "uitbuit", see below), then the
 * Snowball stemmer of the language (@orama/stemmers).
 */

/** A word of a text and where it stands in it (for snippets). */
export interface Word {
  start: number;
  end: number;
  /** Its search term, or undefined for a stop word or a single letter. */
  term: string | undefined;
}

const wordPattern = /[\p{L}\p{N}]+/gu;

/** Common words that say nothing about a page; they would match every page. */
const stopWords: Record<Locale, ReadonlySet<string>> = {
  nl: new Set(
    (
      'de het een en of in op aan van voor met bij tot om uit als dan dat die dit deze er is zijn was waren ' +
      'je jij jou jouw u uw ik mij me mijn we wij ons onze hij hem zij ze haar hun hen wat wie waar hoe niet ' +
      'geen ook wel nog maar naar door over te al dus zo'
    ).split(' '),
  ),
  en: new Set(
    (
      'the a an and or in on at of for with by to from as than that this these those is are was were be been ' +
      'it its you your i me my we our he him his she her they them their what who where how not no do does ' +
      'can if so'
    ).split(' '),
  ),
};

/*
 * Dutch separable verbs put "ge" between the particle and the verb in the past participle: "uitgebuit" (of
 * "uitbuiten"), "aangemeld" (of "aanmelden"), "opgeleid". Snowball leaves the "ge" in ("uitgebuit" stays
 * "uitgebuit" while "uitbuiting" and "uitbuiten" become "uitbuit"), so a search for the one would miss the other.
 * A word that starts with a common particle + "ge" and ends like a weak participle (-t, -d, -te, -de) loses the
 * "ge". The ending check keeps infinitives whole ("aangeven", not "aanven"). It is a small rule, not a grammar: a
 * rare noun such as "overgewicht" folds to "overwicht" — harmless for finding pages.
 */
const separableParticiple =
  /^(aan|af|bij|door|in|los|mee|na|om|onder|op|over|terug|toe|uit|vast|voor|weg)ge(\p{L}{2,}(?:t|d|te|de))$/u;

export function foldDutchParticiple(word: string): string {
  const match = separableParticiple.exec(word);
  return match === null ? word : `${match[1]}${match[2]}`;
}

const stemmers: Record<Locale, (word: string) => string> = { nl: dutchStemmer, en: englishStemmer };

/** Lower case, no accents ("geïnformeerd" → "geinformeerd"), NFC in between. */
function plain(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** Terms already made, per language (a page has few distinct words; stemming each occurrence again is waste). */
const made: Record<Locale, Map<string, string | undefined>> = { nl: new Map(), en: new Map() };
const maxRemembered = 200_000;

/** The search term of one word in a language, or undefined for a word that is not searched on. */
export function termOf(word: string, lang: Locale): string | undefined {
  const memory = made[lang];
  if (memory.has(word)) return memory.get(word);
  if (memory.size >= maxRemembered) memory.clear();
  const term = makeTerm(word, lang);
  memory.set(word, term);
  return term;
}

function makeTerm(word: string, lang: Locale): string | undefined {
  const lower = plain(word);
  if (lower.length < 2 || stopWords[lang].has(lower)) return undefined;
  const folded = lang === 'nl' ? foldDutchParticiple(lower) : lower;
  return stemmers[lang](folded);
}

/** Every word of a text with its place and term. */
export function wordsOf(text: string, lang: Locale): Word[] {
  const words: Word[] = [];
  for (const match of text.matchAll(wordPattern)) {
    const start = match.index;
    words.push({ start, end: start + match[0].length, term: termOf(match[0], lang) });
  }
  return words;
}

/** The words of a text, for MiniSearch's tokenizer (terms are made by termOf, its processTerm). */
export function tokenize(text: string): string[] {
  return text.match(wordPattern) ?? [];
}

// The same settings as the page renderer (raw HTML is not markup, it is left out); only the text is used.
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });
type Token = ReturnType<MarkdownIt['parse']>[number];

function inlineText(token: Token): string {
  return (token.children ?? [])
    .map((child) =>
      child.type === 'text' || child.type === 'code_inline' ? child.content : child.type.endsWith('break') ? ' ' : '',
    )
    .join('');
}

/** A page's markdown as plain text (paragraphs and list items as lines) and its headings. */
export function markdownText(source: string): { text: string; headings: string[] } {
  const lines: string[] = [];
  const headings: string[] = [];
  const tokens = markdown.parse(source, {});
  tokens.forEach((token, index) => {
    if (token.type === 'inline') {
      const text = inlineText(token).replace(/\s+/g, ' ').trim();
      if (text === '') return;
      if (tokens[index - 1]?.type === 'heading_open') headings.push(text);
      else lines.push(text);
    } else if (token.type === 'code_block' || token.type === 'fence') {
      lines.push(token.content.replace(/\s+/g, ' ').trim());
    }
  });
  return { text: lines.join('\n'), headings };
}
