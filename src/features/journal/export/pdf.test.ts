import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { translatorFor } from '../../../messages.js';
import type { Observation } from '../journal.schema.js';
import { type JournalPdfModel, numberRanges, type PdfEntry, renderJournalPdf } from './pdf.js';

// The PDF is read back with poppler (poppler-utils): what pdftotext extracts is what a reader's viewer shows
// and what a search finds. `npm test` installs poppler-utils when it is missing.
const POPPLER = ['pdftotext', 'pdfinfo', 'pdffonts', 'pdfimages'];

const DUTCH = 'Zoë zei: “Ik ging naar Ĳsselstein, naar het café.” Ze kreeg €50 van ‘Kees’ — dat is ’s avonds‑laat.';
const WORDS = 'Hij zei dat ik mooi ben en dat ik niks tegen mama mag zeggen. Het is óns geheim.';
const QUESTION = 'Ik vroeg: “Waar was je vannacht?”';
const FINGERPRINT = '3f2a 9c01 77de b4e5 0a1b 2c3d 4e5f 6071 8293 a4b5 c6d7 e8f9 0011 2233 4455 6677';
const LABEL = 'Logboek S.';
const LONG_ENTRY = 2;
const CORRECTED = 3;
const CORRECTION = 5;
const REDACTED = 7;
const REDACTION = 9;
const WITH_THUMBNAIL = 4;

/** 10,000 characters of numbered Dutch sentences, so order and completeness can be checked. */
function longText(): string {
  let text = '';
  for (let sentence = 1; text.length < 10_000; sentence += 1) {
    text += `Zin ${sentence}: ik zag hem weer bij de ingang van het station staan, met een nieuwe telefoon. `;
  }
  return text.slice(0, 9_990).trimEnd() + ' EINDE.';
}

function observation(number: number, overrides: Partial<Observation> = {}): Observation {
  return {
    date: `2026-10-${String((number % 28) + 1).padStart(2, '0')}`,
    time: '21:15',
    approximate: number % 3 === 0,
    category: 'contact',
    text: `Notitie-tekst ${number}. ${DUTCH}`,
    people: [{ name: 'Kees', description: 'lange man, rode scooter' }],
    online: ['snapchat: kees_2009'],
    phones: [{ value: '06-12345678', recognised: true }],
    plates: [],
    places: [],
    agencies: [],
    ...overrides,
  };
}

async function buildModel(locale: 'nl' | 'en'): Promise<JournalPdfModel> {
  const thumbnail = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#4a7bb0' } })
    .jpeg()
    .toBuffer();
  const start = Date.UTC(2026, 9, 1, 8, 0, 0);
  const entries: PdfEntry[] = [];
  for (let index = 0; index < 63; index += 1) {
    const number = index + 1;
    if (number >= 61) continue; // 61–63 are withheld
    const entry: PdfEntry = {
      number,
      index,
      receivedAt: start + index * 3_600_000,
      leafHash: index.toString(16).padStart(2, '0').repeat(32),
      kind: 'entry',
      observation: observation(number),
      correctedBy: [],
      attachments: [],
    };
    if (number === LONG_ENTRY) entry.observation = observation(number, { text: longText() });
    if (number === CORRECTED) {
      entry.correctedBy = [CORRECTION];
      entry.observation = observation(number, {
        question: QUESTION,
        words: WORDS,
        phones: [{ value: '06-1234', recognised: false }],
        plates: [{ value: 'B-XY 1234', recognised: false }],
        missingFrom: '2026-10-03T22:00',
        missingUntil: '2026-10-04T07:30',
        agencies: [{ who: 'Veilig Thuis', reference: 'VT-2026-0042' }],
      });
    }
    if (number === CORRECTION) {
      entry.kind = 'correction';
      entry.target = { number: CORRECTED };
    }
    if (number === REDACTED) {
      delete entry.observation;
      entry.redacted = { at: start + REDACTION * 3_600_000 };
    }
    if (number === REDACTION) {
      delete entry.observation;
      entry.kind = 'redaction';
      entry.target = { number: REDACTED };
    }
    if (number === WITH_THUMBNAIL) {
      entry.attachments = [
        { number: 1, mediaType: 'image/jpeg', size: 48_213, thumbnail, path: 'attachments/3-1.jpg', withheld: false },
        // A thumbnail passed for a withheld attachment must not be printed.
        { number: 2, mediaType: 'image/png', size: 2_400_000, thumbnail, withheld: true },
      ];
    }
    entries.push(entry);
  }
  return {
    locale,
    label: LABEL,
    period: { from: '2026-10-02', to: '2026-10-28' },
    counts: { disclosed: 59, withheld: 3, redacted: 1, size: 63 },
    authorFingerprint: FINGERPRINT,
    logKeyId: 'b'.repeat(64),
    checkpoint: { size: 63, root: 'c0ffee'.repeat(10) + 'abcd', time: start + 70 * 3_600_000 },
    exportedAt: start + 71 * 3_600_000,
    entries,
    withheldIndices: [60, 61, 62],
  };
}

const run = (command: string, args: string[]) => execFileSync(command, args, { encoding: 'utf8' });
const flat = (text: string) => text.replace(/\s+/g, ' ');

interface Rendered {
  file: string;
  pages: string[];
  pageCount: number;
}

describe('journal.pdf', () => {
  let dir: string;
  let dutch: Rendered;
  let english: Rendered;

  const render = async (locale: 'nl' | 'en'): Promise<Rendered> => {
    const pdf = await renderJournalPdf(await buildModel(locale), translatorFor(locale));
    const file = path.join(dir, `${locale}.pdf`);
    writeFileSync(file, pdf);
    const pageCount = Number(/^Pages:\s+(\d+)$/m.exec(run('pdfinfo', [file]))?.[1]);
    // pdftotext ends every page with a form feed.
    const pages = run('pdftotext', ['-enc', 'UTF-8', file, '-']).split('\f').slice(0, -1);
    return { file, pages, pageCount };
  };

  before(async () => {
    const missing = POPPLER.filter((tool) => !existsSync(path.join('/usr/bin', tool)));
    assert.deepEqual(missing, [], 'these tests need poppler-utils: apt-get install -y poppler-utils');
    dir = mkdtempSync(path.join(tmpdir(), 'nmk-pdf-'));
    [dutch, english] = await Promise.all([render('nl'), render('en')]);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('prints Dutch characters exactly as typed (ë, é, Ĳ, €, ‑, curly quotes)', () => {
    const text = flat(dutch.pages.join('\n'));
    assert.ok(text.includes(`Notitie-tekst 1. ${DUTCH}`), 'the sentence comes out character for character');
    for (const character of ['ë', 'é', 'Ĳ', '€', '‑', '“', '”', '‘', '’', 'ó']) {
      assert.ok(text.includes(character), `${character} is in the text`);
    }
    assert.ok(!text.includes('\uFFFD'), 'no replacement characters');
  });

  test('numbers every page "Pagina X van N" with the right N, and writes a neutral footer on each', () => {
    assert.ok(dutch.pageCount > 5, `a 60-entry journal with a long text takes several pages (${dutch.pageCount})`);
    assert.equal(dutch.pages.length, dutch.pageCount);
    dutch.pages.forEach((page, index) => {
      assert.ok(page.includes(`Pagina ${index + 1} van ${dutch.pageCount}`), `page ${index + 1} has its number`);
      assert.ok(page.includes(`${LABEL} · export van`), `page ${index + 1} has the footer`);
    });
    english.pages.forEach((page, index) => {
      assert.ok(page.includes(`Page ${index + 1} of ${english.pageCount}`), `English page ${index + 1}`);
    });
  });

  test('puts the fingerprint, counts, checkpoint, honest wording and how to verify on the cover', () => {
    const cover = flat(dutch.pages[0] ?? '');
    const [firstRow, secondRow] = [FINGERPRINT.split(' ').slice(0, 8), FINGERPRINT.split(' ').slice(8)];
    assert.ok(cover.includes(firstRow.join(' ')) && cover.includes(secondRow.join(' ')), 'fingerprint in 2 rows');
    assert.ok(cover.includes('Over: Logboek S.'));
    assert.ok(cover.includes('Periode: 2 oktober 2026 tot en met 28 oktober 2026'));
    assert.ok(cover.includes('Getoond: 59 notities'));
    assert.ok(cover.includes('Achtergehouden door de ouder: 3 notities'));
    assert.ok(cover.includes('Gewist: 1 notitie'));
    assert.ok(cover.includes('Totaal in het logboek: 63 notities'));
    assert.ok(cover.includes('c0ffee'.repeat(10) + 'abcd'), 'root hash');
    assert.ok(cover.includes('b'.repeat(64)), 'log key id');
    assert.ok(
      cover.includes(
        'Een accounthandtekening bewijst dat een notitie is geschreven in een sessie van dit account, niet wie hem typte.',
      ),
    );
    assert.ok(cover.includes('nooit dat het waar is.'));
    assert.ok(cover.includes('manifest.json'));
    assert.ok(cover.includes('npm run cli -- verify-export'));
    assert.ok(cover.includes('/verifieer'));
  });

  test('embeds its fonts (DejaVu) and uses no built-in PDF font', () => {
    const rows = run('pdffonts', [dutch.file]).trim().split('\n').slice(2);
    assert.ok(rows.length >= 2, 'body, bold and mono fonts are listed');
    for (const row of rows) {
      assert.match(row, /DejaVuSans/);
      // Columns: name type encoding emb sub uni object ID
      const [emb] = row.replace(/^\S+\s+.*?(Identity-H|WinAnsi|Custom|Builtin)\s+/, '').split(/\s+/);
      assert.equal(emb, 'yes', `embedded: ${row}`);
    }
  });

  test('prints the 10,000-character text whole and in order, across pages', () => {
    // Drop the footers that interrupt the text at each page break, then compare without line breaks.
    const body = dutch.pages
      .map((page) =>
        page
          .split('\n')
          .filter((line) => !line.includes(`${LABEL} · export van`) && !/Pagina \d+ van \d+/.test(line))
          .join(' '),
      )
      .join(' ');
    const squeeze = (text: string) => text.replace(/\s+/g, '');
    assert.ok(squeeze(body).includes(squeeze(longText())));
    const longPages = dutch.pages.filter((page) => flat(page).includes('met een nieuwe telefoon. Zin'));
    assert.ok(longPages.length >= 2, 'the long text breaks over pages');
  });

  test('shows the child’s words after the question, and every structured field with flags', () => {
    const text = flat(dutch.pages.join('\n'));
    const question = text.indexOf(QUESTION);
    const words = text.indexOf(WORDS);
    assert.ok(question > 0 && words > question, 'question first, then the words');
    assert.ok(text.includes('Wat er vlak daarvoor gevraagd of gezegd werd'));
    assert.ok(text.includes('De woorden van het kind, letterlijk'));
    assert.ok(text.includes('06-1234 (lijkt geen geldig nummer; bewaard zoals de ouder het schreef)'));
    assert.ok(text.includes('B-XY 1234 (geen Nederlands kenteken; bewaard zoals de ouder het schreef)'));
    assert.ok(text.includes('Kees – lange man, rode scooter'));
    assert.ok(text.includes('snapchat: kees_2009'));
    assert.ok(text.includes('vanaf 3 oktober 2026 22:00 tot 4 oktober 2026 07:30'));
    assert.ok(text.includes('Veilig Thuis (kenmerk: VT-2026-0042)'));
    assert.ok(text.includes('(ongeveer)'), 'approximate dates are marked');
    assert.ok(text.includes('Contact met verdachte personen'), 'the category is translated');
  });

  test('marks corrections, redactions and withheld entries', () => {
    const text = flat(dutch.pages.join('\n'));
    assert.ok(text.includes(`Verbeterd in notitie ${CORRECTION}`));
    assert.ok(text.includes(`Verbetering van notitie ${CORRECTED}`));
    assert.ok(text.includes(`Notitie ${REDACTED}`) && text.includes('De inhoud is vernietigd.'));
    assert.ok(text.includes(`Met deze notitie heeft de ouder notitie ${REDACTED} gewist.`));
    assert.ok(text.includes('Achtergehouden notities'));
    assert.ok(text.includes('61–63'));
    // Receipt times are Amsterdam time: 08:00 UTC on 1 October is 10:00 in summer time.
    assert.ok(text.includes('Ontvangen door de server: 1 oktober 2026 om 10:00:00 (Nederlandse tijd)'));
    assert.ok(text.includes(`Leaf-hash: ${'00'.repeat(32)}`));
  });

  test('embeds the thumbnail of a disclosed attachment as a JPEG, and no picture of a withheld one', () => {
    const images = run('pdfimages', ['-list', dutch.file]).trim().split('\n').slice(2);
    assert.equal(images.length, 1);
    assert.match(images[0] ?? '', /\s320\s+240\s+rgb\s.*\sjpeg\s/);
    const text = flat(dutch.pages.join('\n'));
    assert.ok(text.includes('In de ZIP: attachments/3-1.jpg'));
    assert.ok(text.includes('Bijlage 2: PNG-afbeelding, 2,3 MB Achtergehouden: niet in deze export'));
  });

  test('names the document by its label only in the metadata', () => {
    const info = run('pdfinfo', [dutch.file]);
    assert.match(info, /^Title:\s+Logboek S\.$/m);
    assert.doesNotMatch(info, /^(Subject|Keywords|Author):/m);
    assert.match(info, /^Page size:\s+595\.28 x 841\.89 pts \(A4\)$/m);
  });

  test('renders an English model in English', () => {
    const text = flat(english.pages.join('\n'));
    assert.ok(text.includes('A parent’s journal'));
    assert.ok(
      text.includes(
        'An account signature proves an entry was written in a session of this account, not who typed it. The log proves when something was recorded and that nothing changed since — never that it is true.',
      ),
    );
    assert.ok(text.includes(`Correction of entry ${CORRECTED}`));
    assert.ok(text.includes('Received by the server: 1 October 2026 at 10:00:00 (Netherlands time)'));
    assert.ok(text.includes(DUTCH), 'the parent’s text stays as written');
    assert.ok(!text.includes('Pagina') && !text.includes('Notitie '), 'no Dutch interface text');
  });
});

test('a damaged or non-JPEG thumbnail does not stop the PDF', async () => {
  const model = await buildModel('nl');
  const entry = model.entries.find((candidate) => candidate.number === WITH_THUMBNAIL);
  assert.ok(entry?.attachments[0]);
  entry.attachments[0].thumbnail = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
  model.entries = [entry];
  const pdf = await renderJournalPdf(model, translatorFor('nl'));
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
});

test('numberRanges writes runs of numbers as ranges', () => {
  assert.equal(numberRanges([]), '');
  assert.equal(numberRanges([3]), '3');
  assert.equal(numberRanges([12, 3, 13, 14, 15, 7, 8]), '3, 7, 8, 12–15');
});

test('a parent’s Arabic text is printed shaped, right to left from the right margin, the number in order', async () => {
  const model = await buildModel('en');
  const entry = model.entries[0];
  assert.ok(entry?.observation);
  // Words without lam-alef: that ligature is one glyph whose text poppler writes back in its own order.
  const words = [
    'ابنتي',
    'لم',
    'تعد',
    'إلى',
    'البيت',
    'منذ',
    'يومين.',
    'اتصلت',
    'بـ',
    '112',
    'وبـ',
    'Veilig',
    'Thuis',
    'اليوم.',
  ];
  entry.observation = observation(1, { text: words.join(' ') });
  model.entries = [entry];
  const dir = mkdtempSync(path.join(tmpdir(), 'nmk-pdf-ar-'));
  try {
    const file = path.join(dir, 'ar.pdf');
    writeFileSync(file, await renderJournalPdf(model, translatorFor('en')));
    // pdftotext -bbox gives every word with its place on the page, its letters in the order they are drawn.
    const placed = [
      ...run('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-']).matchAll(
        /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>([^<]*)<\/word>/g,
      ),
    ].map(([, xMin, yMin, xMax, text]) => ({
      xMin: Number(xMin),
      yMin: Number(yMin),
      xMax: Number(xMax),
      text: text ?? '',
    }));
    const reading = (text: string) => (/[\u0600-\u06FF]/.test(text) ? [...text].reverse().join('') : text);
    const first = placed.find((word) => reading(word.text) === 'ابنتي');
    assert.ok(first, 'the first word is printed, with its own letters (no boxes, no replacement characters)');
    assert.ok(Math.abs(first.xMax - (595.28 - 56)) < 1, `it starts at the right margin (${first.xMax})`);
    const line = placed
      .filter((word) => Math.abs(word.yMin - first.yMin) < 3)
      .sort((a, b) => b.xMin - a.xMin)
      .map((word) => reading(word.text));
    // Scanned from the right: the Arabic words in the order written, the Dutch name as a left-to-right block.
    assert.deepEqual(line, [...words.slice(0, 11), 'Thuis', 'Veilig', 'اليوم.']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
