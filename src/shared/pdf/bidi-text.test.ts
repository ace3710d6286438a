import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import PDFDocument from 'pdfkit';
import { fontsDir } from '../paths.js';
import {
  type TextDocument,
  hasRightToLeft,
  paragraphDirection,
  visualRuns,
  wrapLines,
  writeText,
} from './bidi-text.js';

const texts = (runs: readonly { text: string }[]) => runs.map((run) => run.text);

describe('visual order of one line (UAX #9 by bidi-js)', () => {
  test('text without right-to-left letters is one run, as typed', () => {
    assert.deepEqual(visualRuns('Bel 112 of 0800-2000.', 'ltr'), [
      { text: 'Bel 112 of 0800-2000.', rightToLeft: false },
    ]);
    assert.equal(hasRightToLeft('Ĳsselmeer, € 12 ‑ “quotes”'), false);
  });

  test('a number in an Arabic sentence keeps its digits in order, between the words around it', () => {
    const line = 'اتصل بـ 112 الآن';
    assert.equal(paragraphDirection(line), 'rtl');
    const runs = visualRuns(line, 'rtl');
    // Left to right on the page: the last words, then the number, then the first words (read from the right).
    assert.deepEqual(texts(runs), [' الآن', '112', 'اتصل بـ ']);
    assert.deepEqual(
      runs.map((run) => run.rightToLeft),
      [true, false, true],
    );
  });

  test('a Dutch name and a phone number with a dash stay whole and left to right inside Arabic', () => {
    const runs = visualRuns('اتصل بـ Veilig Thuis على \u20660800-2000\u2069 الآن', 'rtl');
    assert.ok(texts(runs).includes('Veilig Thuis'));
    assert.ok(texts(runs).includes('0800-2000'), 'the isolates are dropped, the number whole');
    assert.ok(
      texts(runs).indexOf('0800-2000') < texts(runs).indexOf('Veilig Thuis'),
      'the later number is further left',
    );
  });

  test('Arabic words inside a Dutch sentence are one right-to-left run in the middle', () => {
    assert.deepEqual(visualRuns('Ze zei: أنا بخير يا أمي en ging weg.', 'ltr'), [
      { text: 'Ze zei: ', rightToLeft: false },
      { text: 'أنا بخير يا أمي', rightToLeft: true },
      { text: ' en ging weg.', rightToLeft: false },
    ]);
  });

  test('brackets in right-to-left text are mirrored, so they open on the right', () => {
    assert.deepEqual(texts(visualRuns('(مجاناً)', 'rtl')), [')مجاناً(']);
  });

  test('property: every character is drawn exactly once (brackets mirrored, directional marks dropped)', () => {
    const alphabet = fc.constantFrom(...'ابتثجحخدذرسشصضطظعغفقكلمنهوي abcXYZ0123456789.,:-()!?\u2066\u2069\u200F');
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 60 }),
        fc.constantFrom('ltr' as const, 'rtl' as const),
        (chars, dir) => {
          const line = chars.join('');
          const normal = (value: string) =>
            [...value.replace(/[\u2066\u2069\u200F]/g, '').replace(/[()]/g, 'b')].sort().join('');
          assert.equal(normal(texts(visualRuns(line, dir)).join('')), normal(line));
        },
      ),
    );
  });

  test('property: digits are never reversed — every number, and every isolated number with a dash, is whole in one run', () => {
    const word = fc.oneof(
      fc.constantFrom('اتصل', 'بـ', 'الآن', 'على', 'Veilig', 'Thuis', 'en'),
      fc.integer({ min: 100, max: 99_999 }).map(String),
      fc
        .tuple(fc.integer({ min: 100, max: 9999 }), fc.integer({ min: 100, max: 9999 }))
        .map(([a, b]) => `\u2066${a}-${b}\u2069`),
    );
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 12 }),
        fc.constantFrom('ltr' as const, 'rtl' as const),
        (words, dir) => {
          const line = words.join(' ');
          const runs = texts(visualRuns(line, dir));
          for (const number of line.match(/\d+(?:-\d+)*/g) ?? []) {
            assert.ok(
              runs.some((run) => run.includes(number)),
              `${number} whole in ${JSON.stringify(runs)}`,
            );
          }
        },
      ),
    );
  });
});

describe('line breaking', () => {
  const measure = (value: string) => [...value].length;

  test('property: lines fit, keep every word in order, and break a too-long word between characters', () => {
    const word = fc.stringMatching(/^[a-zابت]{1,14}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 20 }), (words, width) => {
        const lines = wrapLines(words.join(' '), width, measure);
        for (const line of lines) assert.ok(measure(line) <= width, `${line} fits ${width}`);
        assert.equal(lines.join('').replace(/ /g, ''), words.join(''));
      }),
    );
  });
});

/** A real pdfkit document whose text calls are written down. */
function recordingDocument() {
  const doc = new PDFDocument({ size: 'A4', font: path.join(fontsDir, 'DejaVuSans.ttf') });
  doc.on('data', () => undefined);
  const drawn: { text: string; x: number; y: number; page: number }[] = [];
  let page = 1;
  doc.on('pageAdded', () => (page += 1));
  const original = doc.text.bind(doc);
  const recorder: TextDocument = Object.assign(doc, {
    text: (text: string, x: number, y: number, options: Record<string, unknown>) => {
      drawn.push({ text, x, y, page });
      return original(text, x, y, options);
    },
  });
  return { doc, recorder, drawn };
}

describe('writing into a real PDF with the embedded DejaVu font', () => {
  const box = { x: 56, width: 483, lineGap: 2, bottom: 773 };

  test('an Arabic paragraph is set against the right edge, its runs side by side without gaps', () => {
    const { doc, recorder, drawn } = recordingDocument();
    writeText(recorder, 'اتصل بـ 112 الآن', box);
    assert.equal(drawn.length, 3);
    const widthOf = (text: string) => doc.widthOfString(text, { features: [] });
    const last = drawn.at(-1);
    assert.ok(last !== undefined);
    assert.ok(Math.abs(last.x + widthOf(last.text) - (box.x + box.width)) < 0.01, 'ends at the right margin');
    for (let index = 1; index < drawn.length; index += 1) {
      const before = drawn[index - 1];
      const current = drawn[index];
      assert.ok(before !== undefined && current !== undefined);
      assert.ok(Math.abs(before.x + widthOf(before.text) - current.x) < 0.01, 'no gap, no overlap');
      assert.equal(current.y, before.y, 'on one line');
    }
    doc.end();
  });

  test('the font shapes Arabic: joined letters take their initial, medial and final forms', () => {
    const { doc } = recordingDocument();
    // pdfkit keeps the fontkit font it lays text out with; its glyphs are what the PDF contains.
    const font = (doc as unknown as { _font: { font: { layout(text: string): { glyphs: { name: string }[] } } } })._font
      .font;
    const joined = font.layout('مرحبا').glyphs.map((glyph) => glyph.name);
    const alone = [...'مرحبا'].map((letter) => font.layout(letter).glyphs[0]?.name);
    assert.deepEqual(joined, ['uniFE8E', 'uniFE92', 'uniFEA3', 'uniFEAE', 'uniFEE3'], 'shaped and in visual order');
    assert.notDeepEqual([...joined].reverse(), alone, 'not the isolated letters');
    doc.end();
  });

  test('long Arabic text wraps within the box and goes on to a new page at the bottom', () => {
    const { doc, recorder, drawn } = recordingDocument();
    doc.y = 700;
    writeText(recorder, 'ابنتي لم تعد إلى البيت منذ يومين. '.repeat(40), box);
    for (const { text, x } of drawn) {
      assert.ok(x >= box.x - 0.01 && x + doc.widthOfString(text, { features: [] }) <= box.x + box.width + 0.01);
    }
    assert.ok(
      drawn.some((call) => call.page === 2),
      'a second page',
    );
    const lineHeight = doc.currentLineHeight(true);
    assert.ok(
      drawn.every((call) => call.y + lineHeight <= box.bottom),
      'no line below the bottom',
    );
    assert.equal(drawn.find((call) => call.page === 2)?.y, doc.page.margins.top, 'the next page starts at its top');
    doc.end();
  });

  test('text without right-to-left letters is left to pdfkit exactly as before', () => {
    const { doc, recorder, drawn } = recordingDocument();
    writeText(recorder, 'Bel 112 als je kind nu in gevaar is.', box);
    assert.deepEqual(
      drawn.map(({ text, x }) => ({ text, x })),
      [{ text: 'Bel 112 als je kind nu in gevaar is.', x: box.x }],
    );
    doc.end();
  });
});
