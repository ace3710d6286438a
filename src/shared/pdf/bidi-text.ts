import bidiModule from 'bidi-js';

/*
 * Right-to-left text in PDFs (issue 19, ADR 0055). pdfkit lays a string out with fontkit, which shapes Arabic
 * (initial, medial, final and isolated forms, the lam-alef ligature) and reverses the glyphs of a run whose
 * script is right to left — but it treats a whole string as one run, so "اتصل بـ 112" came out with the number
 * reversed ("211") and a Latin name in an Arabic sentence backwards, and it breaks lines with the left-to-right
 * wrapper. Here a paragraph that contains right-to-left letters is broken into lines in logical order, each line
 * is split by the Unicode Bidirectional Algorithm (bidi-js, UAX #9) into runs of one direction, the runs are put
 * in visual order (rule L2), and each run is drawn on its own, so fontkit shapes and reverses only the
 * right-to-left runs. Text without right-to-left letters takes pdfkit's own path, unchanged.
 */

// bidi-js is CommonJS whose module.exports is the factory; its types describe an ES module's default export.
const bidiFactory = bidiModule as unknown as typeof bidiModule.default;
const bidi = bidiFactory();

/** Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic and the Hebrew and Arabic presentation forms. */
const rightToLeftLetter = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;

/** Directional formatting characters: they steer the algorithm, but have no glyph to draw. */
const formattingCharacters = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

/**
 * Given any features, pdfkit lays a string out whole instead of word by word; fontkit still applies every
 * feature the script requires (Arabic joining forms, ligatures, kerning). Word by word, each word's trailing
 * space was reversed to its far side, so the space between a run's last word and the next run disappeared.
 */
const wholeRun: string[] = [];

export const hasRightToLeft = (text: string): boolean => rightToLeftLetter.test(text);

/** A piece of one line in one direction; `rightToLeft` runs are given in logical order (fontkit reverses them). */
export interface VisualRun {
  readonly text: string;
  readonly rightToLeft: boolean;
}

/** The paragraph's own direction, from its first strong letter (UAX #9 rules P2 and P3); left to right if none. */
export function paragraphDirection(paragraph: string): 'ltr' | 'rtl' {
  const { paragraphs } = bidi.getEmbeddingLevels(paragraph);
  return (paragraphs[0]?.level ?? 0) % 2 === 1 ? 'rtl' : 'ltr';
}

/**
 * One line of text (logical order, no line break in it) as runs from left to right on the page. Mirrored
 * characters (brackets) in right-to-left runs are swapped, and formatting characters dropped.
 */
export function visualRuns(line: string, direction: 'ltr' | 'rtl'): VisualRun[] {
  if (line.length === 0) return [];
  const embedding = bidi.getEmbeddingLevels(line, direction);
  const { levels } = embedding;
  const mirrored = bidi.getMirroredCharactersMap(line, levels);
  const baseLevel = direction === 'rtl' ? 1 : 0;
  // Rule L1: whitespace at the end of the line takes the paragraph's level.
  for (let index = line.length - 1; index >= 0 && /\s/u.test(line.charAt(index)); index -= 1) {
    levels[index] = baseLevel;
  }
  const runs: { start: number; end: number; level: number }[] = [];
  for (let index = 0; index < line.length; index += 1) {
    const level = levels[index] ?? baseLevel;
    const last = runs.at(-1);
    if (last !== undefined && last.level === level) last.end = index;
    else runs.push({ start: index, end: index, level });
  }
  // Rule L2: from the highest level down to the lowest odd one, reverse every sequence of runs at that level or
  // higher.
  const highest = Math.max(...runs.map((run) => run.level));
  const lowestOdd = Math.min(...runs.map((run) => (run.level % 2 === 1 ? run.level : Infinity)));
  for (let level = highest; level >= lowestOdd && Number.isFinite(lowestOdd); level -= 1) {
    for (let start = 0; start < runs.length;) {
      if ((runs[start]?.level ?? 0) < level) {
        start += 1;
        continue;
      }
      let end = start;
      while (end + 1 < runs.length && (runs[end + 1]?.level ?? 0) >= level) end += 1;
      const reversed = runs.slice(start, end + 1).reverse();
      runs.splice(start, reversed.length, ...reversed);
      start = end + 1;
    }
  }
  const visual: VisualRun[] = [];
  for (const run of runs) {
    let text = '';
    for (let index = run.start; index <= run.end; index += 1) text += mirrored.get(index) ?? line.charAt(index);
    text = text.replace(formattingCharacters, '');
    if (text.length > 0) visual.push({ text, rightToLeft: run.level % 2 === 1 });
  }
  return visual;
}

/** Breaks a paragraph into lines no wider than `width` by `measure`, in logical order, at spaces where it can. */
export function wrapLines(paragraph: string, width: number, measure: (text: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(/(?<= )/u)) {
    if (line !== '' && measure((line + word).trimEnd()) > width) {
      lines.push(line.trimEnd());
      line = '';
    }
    line += word;
    // One word wider than the line: break it between characters, at least one per line.
    while (measure(line.trimEnd()) > width) {
      const characters = [...line];
      let fits = 1;
      while (fits < characters.length && measure(characters.slice(0, fits + 1).join('')) <= width) fits += 1;
      lines.push(characters.slice(0, fits).join(''));
      line = characters.slice(fits).join('');
    }
  }
  if (line.trimEnd() !== '' || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}

/** What the PDF writers need of a pdfkit document (its real type, narrowed so tests can record calls). */
export interface TextDocument {
  x: number;
  y: number;
  text(text: string, x: number, y: number, options: Record<string, unknown>): unknown;
  widthOfString(text: string, options?: Record<string, unknown>): number;
  currentLineHeight(includeGap?: boolean): number;
  addPage(): unknown;
}

export interface TextBox {
  readonly x: number;
  readonly width: number;
  readonly lineGap: number;
  /** Where a page ends: a line that would go below it starts a new page. */
  readonly bottom: number;
  /** For left-to-right text; a right-to-left paragraph is set against the right edge unless centred. */
  readonly align?: 'left' | 'right' | 'center';
}

/**
 * Writes text at the document's current position, wrapping and starting new pages like pdfkit's `text`; a
 * paragraph with right-to-left letters is shaped, ordered and set right by the rules above.
 */
export function writeText(doc: TextDocument, text: string, box: TextBox): void {
  if (!hasRightToLeft(text)) {
    doc.text(text, box.x, doc.y, { width: box.width, lineGap: box.lineGap, align: box.align ?? 'left' });
    return;
  }
  for (const paragraph of text.split(/\r\n|\r|\n/u)) {
    const direction = paragraphDirection(paragraph);
    for (const line of wrapLines(paragraph, box.width, (value) => doc.widthOfString(value, { features: wholeRun }))) {
      const height = doc.currentLineHeight(true) + box.lineGap;
      if (doc.y + height > box.bottom) doc.addPage();
      const y = doc.y;
      const runs = visualRuns(line, direction);
      const widths = runs.map((run) => doc.widthOfString(run.text, { features: wholeRun }));
      const lineWidth = widths.reduce((sum, value) => sum + value, 0);
      const align = box.align === 'center' ? 'center' : direction === 'rtl' ? 'right' : (box.align ?? 'left');
      let x =
        box.x + (align === 'right' ? box.width - lineWidth : align === 'center' ? (box.width - lineWidth) / 2 : 0);
      runs.forEach((run, index) => {
        // A right-to-left run without right-to-left letters (spaces, punctuation) is not reversed by fontkit.
        const drawn = run.rightToLeft && !hasRightToLeft(run.text) ? [...run.text].reverse().join('') : run.text;
        doc.text(drawn, x, y, { lineBreak: false, features: wholeRun });
        x += widths[index] ?? 0;
      });
      doc.x = box.x;
      doc.y = y + height;
    }
  }
}
