import matter from 'gray-matter';
import { languageInfo, isLanguage } from '../../shared/i18n/i18n.js';
import { numbersIn } from '../../shared/i18n/message-rules.js';
import { lixThresholds, plainTextOfMarkdown, readability } from '../../shared/i18n/readability.js';
import { noCodeEngines } from './content.kind.js';
import { frontMatterSchema, type FrontMatter } from './content.schema.js';
import { sameSources } from './page.kind.js';

/*
 * What a translated information page (content/<language>/<slug>.md, ADR 0053) must keep of its Dutch page: it is
 * the Dutch page's facts in another language, so the same sources, the same date of the last check of the facts
 * (a translation does not check them again), and exactly the same numbers of three or more digits (phone numbers,
 * years: the rule of the catalogue's translations, src/shared/i18n/message-rules.ts). Easy-read pages (A2) are
 * also at most the A2 readability ceiling.
 */

export type PageTranslationProblem =
  | { problem: 'noDutchPage' }
  | { problem: 'frontMatter'; message: string }
  | { problem: 'sources' }
  | { problem: 'lastReviewed'; dutch: string; translation: string }
  | { problem: 'numbers'; dutch: string[]; translation: string[] }
  | { problem: 'readability'; lix: number; ceiling: number }
  | { problem: 'language'; language: string };

function parsePage(text: string): { front: FrontMatter; body: string } | string {
  try {
    const parsed = matter(text, { engines: noCodeEngines });
    const front = frontMatterSchema.safeParse(parsed.data);
    if (!front.success) return front.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    return { front: front.data, body: parsed.content };
  } catch (error) {
    return (error as Error).message;
  }
}

/** The numbers of three or more digits a reader sees on the page: title, summary and text. */
const pageNumbers = (page: { front: FrontMatter; body: string }): string[] =>
  numbersIn([page.front.title, page.front.summary, page.body].join('\n'));

/** The LIX of a page as the readability test scores the Dutch pages: its markdown's reader's text. */
export const pageLix = (text: string): number => readability(plainTextOfMarkdown(text)).lix;

/**
 * Everything a translation breaks of its Dutch page (`dutch`: the Dutch file's text, undefined when there is
 * none); empty when it keeps it all.
 */
export function pageTranslationProblems(
  language: string,
  translation: string,
  dutch: string | undefined,
): PageTranslationProblem[] {
  if (!isLanguage(language) || languageInfo[language].locale === language) return [{ problem: 'language', language }];
  if (dutch === undefined) return [{ problem: 'noDutchPage' }];
  const theirs = parsePage(translation);
  if (typeof theirs === 'string') return [{ problem: 'frontMatter', message: theirs }];
  const ours = parsePage(dutch);
  if (typeof ours === 'string') return [{ problem: 'frontMatter', message: `the Dutch page: ${ours}` }];
  const problems: PageTranslationProblem[] = [];
  if (!sameSources(theirs.front.sources, ours.front.sources)) problems.push({ problem: 'sources' });
  if (theirs.front.lastReviewed !== ours.front.lastReviewed) {
    problems.push({ problem: 'lastReviewed', dutch: ours.front.lastReviewed, translation: theirs.front.lastReviewed });
  }
  const [dutchNumbers, translatedNumbers] = [pageNumbers(ours), pageNumbers(theirs)];
  if (dutchNumbers.join(' ') !== translatedNumbers.join(' ')) {
    problems.push({ problem: 'numbers', dutch: dutchNumbers, translation: translatedNumbers });
  }
  if (language === 'makkelijk') {
    const lix = pageLix(translation);
    if (lix > lixThresholds.a2) problems.push({ problem: 'readability', lix, ceiling: lixThresholds.a2 });
  }
  return problems;
}
