import { stemmer as arabicStemmer } from '@orama/stemmers/arabic';
import { stemmer as dutchStemmer } from '@orama/stemmers/dutch';
import { stemmer as englishStemmer } from '@orama/stemmers/english';
import { stemmer as turkishStemmer } from '@orama/stemmers/turkish';
import MarkdownIt from 'markdown-it';
import type { Language } from '../../shared/i18n/messages.js';

/*
 * How text becomes search terms, the same for the pages (when the index is built) and for the query (ADR 0034):
 * words are runs of letters and digits; a term is the word in lower case without accents, with the stop words
 * of the language left out, a separable Dutch participle folded ("uitgebuit" → "uitbuit", see below), then the
 * Snowball stemmer of the language (@orama/stemmers). Easy-read Dutch is Dutch. Arabic: removing the marks also
 * removes the harakat (short vowels, shadda, tanwin) and the hamza on an alef (أ, إ, آ → ا), as people often
 * type without them. Turkish is lower-cased the Turkish way (I → ı, İ → i) and stemmed with its own letters;
 * the stem then loses its accents and ı becomes i, so a query typed without Turkish letters meets it. Polish has
 * no stemmer in @orama/stemmers: its term is the word itself, lower case, accents and ł folded; prefix matching
 * (search-index.ts) finds "pomocy" from "pomoc".
 */

/** A word of a text and where it stands in it (for snippets). */
export interface Word {
  start: number;
  end: number;
  /** Its search term, or undefined for a stop word or a single letter. */
  term: string | undefined;
}

const wordPattern = /[\p{L}\p{N}]+/gu;

/** The way a language's words become terms: easy-read Dutch is Dutch. */
type Analysis = 'nl' | 'en' | 'ar' | 'tr' | 'pl';
const analysisOf: Record<Language, Analysis> = { nl: 'nl', makkelijk: 'nl', en: 'en', ar: 'ar', tr: 'tr', pl: 'pl' };

/** Common words that say nothing about a page; they would match every page. Compared folded (see `fold`). */
const stopWordList: Record<Analysis, string> = {
  nl:
    'de het een en of in op aan van voor met bij tot om uit als dan dat die dit deze er is zijn was waren ' +
    'je jij jou jouw u uw ik mij me mijn we wij ons onze hij hem zij ze haar hun hen wat wie waar hoe niet ' +
    'geen ook wel nog maar naar door over te al dus zo',
  en:
    'the a an and or in on at of for with by to from as than that this these those is are was were be been ' +
    'it its you your i me my we our he him his she her they them their what who where how not no do does ' +
    'can if so',
  ar:
    'في من على إلى عن مع أن إن أو ثم هذا هذه ذلك تلك الذي التي الذين هو هي هم أنت أنا نحن كان كانت يكون ' +
    'ما لا لم لن قد كل بعض عند إذا حتى هل بين لكن أي',
  tr:
    've veya ile bir bu şu da de ki mi mı mu mü ne için gibi daha çok en ama fakat ya her hiç olan olarak ' +
    'ise değil ben sen biz siz onlar bunu bunlar kadar sonra önce',
  pl:
    'w z na do nie się że to jest od po za jak co czy ale lub albo dla przez jego jej ich ten ta te tym ' +
    'tego jako tak już są być ze we ma',
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

/** Lower case, no accents or other marks ("geïnformeerd" → "geinformeerd", "الطِّفْلُ" → "الطفل"). */
export function plain(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/**
 * A word as its language compares it: plain, and for Turkish dotless ı as i (a query typed on a keyboard without
 * Turkish letters), for Polish ł as l (ł has no decomposition, so `plain` keeps it).
 */
function fold(word: string, analysis: Analysis): string {
  const plainWord = plain(word);
  if (analysis === 'tr') return plainWord.replace(/ı/g, 'i');
  if (analysis === 'pl') return plainWord.replace(/ł/g, 'l');
  return plainWord;
}

const stopWordsOf = (analysis: Analysis): ReadonlySet<string> =>
  new Set(stopWordList[analysis].split(' ').map((word) => fold(word, analysis)));
const stopWords: Record<Analysis, ReadonlySet<string>> = {
  nl: stopWordsOf('nl'),
  en: stopWordsOf('en'),
  ar: stopWordsOf('ar'),
  tr: stopWordsOf('tr'),
  pl: stopWordsOf('pl'),
};

/** Terms already made, per language (a page has few distinct words; stemming each occurrence again is waste). */
const made: Record<Analysis, Map<string, string | undefined>> = {
  nl: new Map(),
  en: new Map(),
  ar: new Map(),
  tr: new Map(),
  pl: new Map(),
};
const maxRemembered = 200_000;

/** The search term of one word in a language, or undefined for a word that is not searched on. */
export function termOf(word: string, lang: Language): string | undefined {
  const analysis = analysisOf[lang];
  const memory = made[analysis];
  if (memory.has(word)) return memory.get(word);
  if (memory.size >= maxRemembered) memory.clear();
  const term = makeTerm(word, analysis);
  memory.set(word, term);
  return term;
}

function makeTerm(word: string, analysis: Analysis): string | undefined {
  const folded = fold(word, analysis);
  if (folded.length < 2 || stopWords[analysis].has(folded)) return undefined;
  switch (analysis) {
    case 'nl':
      return dutchStemmer(foldDutchParticiple(folded));
    case 'en':
      return englishStemmer(folded);
    case 'ar':
      return arabicStemmer(folded);
    case 'tr':
      // The Turkish stemmer reads the suffixes by their own letters ("çocuğunuz" → "çocuk"); its stem is folded.
      return fold(turkishStemmer(word.normalize('NFC').toLocaleLowerCase('tr')), 'tr');
    case 'pl':
      return folded;
  }
}

/** Every word of a text with its place and term. */
export function wordsOf(text: string, lang: Language): Word[] {
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
