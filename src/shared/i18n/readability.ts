/**
 * LIX (läsbarhetsindex, Björnsson 1968), the readability score used for Dutch text in CI (docs/adr/0050):
 *
 *   LIX = words / sentences + 100 × long words / words,   a long word having more than 6 letters.
 *
 * It needs no syllable counting, which is unreliable for Dutch (Flesch-Douma needs it), and it punishes the
 * two things that make Dutch hard to read: long sentences and long (compound) words. Lower is easier.
 */
/** The ceilings (docs/adr/0050): B1 pages at most 30, easy-read (A2) pages at most 20. */
export const lixThresholds = { b1: 30, a2: 20 } as const;

export interface Readability {
  readonly lix: number;
  readonly words: number;
  readonly sentences: number;
  readonly longWords: number;
}

/** A word: letters and digits, with inner hyphens and apostrophes ("e-mail", "auto’s") kept in one word. */
const wordPattern = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

/**
 * Scores plain text. Sentences end at . ! ? (also before a closing quote) and at the end of every block: a line
 * break ends a sentence too, as a heading, a list item or an easy-read line is read as one.
 */
export function readability(text: string): Readability {
  const sentences = text
    .split(/[.!?]+["”’)]*(?=\s|$)|\n+/u)
    .map((sentence) => sentence.match(wordPattern) ?? [])
    .filter((words) => words.length > 0);
  const words = sentences.flat();
  // Letters only: a phone number or a year is a word, but never a long one.
  const longWords = words.filter((word) => word.replace(/[^\p{L}]/gu, '').length > 6).length;
  if (words.length === 0) return { lix: 0, words: 0, sentences: 0, longWords: 0 };
  return {
    lix: words.length / sentences.length + (100 * longWords) / words.length,
    words: words.length,
    sentences: sentences.length,
    longWords,
  };
}

/**
 * The reader's text of a content page's markdown: without front matter, comments, code, link targets, and
 * markup; each block (paragraph line, heading, list item, table row) on its own line.
 */
export function plainTextOfMarkdown(markdown: string): string {
  return markdown
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/```[\s\S]*?```/g, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .split('\n')
    .map((line) =>
      line
        .replace(/^\s*(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s*)/, '')
        .replace(/[|*_`]/g, ' ')
        .trim(),
    )
    .filter((line) => line !== '' && !/^[-:\s]+$/.test(line))
    .join('\n');
}
