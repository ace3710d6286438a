// The export PDF for `npm run bench`: renderJournalPdf on a journal of 1,000 entries with typical texts (a few
// sentences, now and then the child's words and structured details) and 5 thumbnails, three times in one
// process; prints the median and the page count. `--check` exits 1 when the median exceeds 5,000 ms.
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { type JournalPdfModel, type PdfEntry, renderJournalPdf } from '../src/features/journal/export/pdf.js';
import { categories } from '../src/features/journal/journal.schema.js';
import { translatorFor } from '../src/messages.js';
import { median, table, verdict } from './report.js';

const ENTRIES = 1_000;
const RUNS = 3;
const TARGET_MS = 5_000;

const SENTENCES = [
  'Ze kwam om half twaalf thuis en zei dat ze bij een vriendin was geweest.',
  'Ze had een nieuwe telefoon die wij niet gekocht hebben.',
  'Er stond een auto met twee mannen voor de deur; ze stapte snel in.',
  'Op haar kamer lag een tas met kleren die ik niet ken, en €120 in contanten.',
  'Ze wilde niet zeggen waar ze was. Ze was moe en ging meteen slapen.',
  'School belde: ze was er vandaag niet, en vrijdag ook niet.',
  'Ze kreeg de hele avond berichten van een nummer zonder naam.',
  'Ze had een blauwe plek op haar arm en zei dat ze gevallen was.',
];

/** A deterministic pseudo-random sequence, so every run renders the same journal. */
function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1_103_515_245 + 12_345) & 0x7fffffff) / 0x7fffffff;
}

async function buildModel(): Promise<JournalPdfModel> {
  const thumbnail = await sharp({
    create: {
      width: 320,
      height: 240,
      channels: 3,
      background: '#000',
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  })
    .blur(1)
    .jpeg({ quality: 80 })
    .toBuffer();
  const next = random(7);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const start = Date.UTC(2026, 0, 1, 9);
  const entries: PdfEntry[] = [];
  for (let index = 0; index < ENTRIES; index += 1) {
    const sentences = 2 + Math.floor(next() * 6);
    const text = Array.from({ length: sentences }, () => pick(SENTENCES)).join(' ');
    const day = new Date(start + index * 8 * 3_600_000).toISOString().slice(0, 10);
    const entry: PdfEntry = {
      number: index + 1,
      index,
      receivedAt: start + index * 8 * 3_600_000 + 600_000,
      leafHash: (index * 2_654_435_761).toString(16).padStart(8, '0').repeat(8).slice(0, 64),
      kind: 'entry',
      observation: {
        date: day,
        time: '22:30',
        approximate: next() < 0.2,
        category: pick(categories),
        text,
        people: next() < 0.3 ? [{ name: 'Kees', description: 'lange man, rode scooter' }] : [],
        online: next() < 0.2 ? ['snapchat: kees_2009'] : [],
        phones: next() < 0.1 ? [{ value: '06-1234', recognised: false }] : [],
        plates: next() < 0.1 ? [{ value: 'AB-123-C', recognised: true }] : [],
        places: next() < 0.2 ? ['Utrecht Centraal, bij de fietsenstalling'] : [],
        agencies: [],
      },
      correctedBy: [],
      attachments: [],
    };
    if (next() < 0.15 && entry.observation !== undefined) {
      entry.observation.question = 'Ik vroeg: “Hoe was het?”';
      entry.observation.words = 'Gewoon. Hij is aardig, hij geeft me dingen.';
    }
    if (index % 200 === 10) {
      entry.attachments = [
        {
          number: 1,
          mediaType: 'image/jpeg',
          size: 840_000,
          thumbnail,
          path: `attachments/${index}-1.jpg`,
          withheld: false,
        },
      ];
    }
    entries.push(entry);
  }
  return {
    locale: 'nl',
    label: 'Logboek S.',
    period: { from: '2026-01-01', to: new Date(start + (ENTRIES - 1) * 8 * 3_600_000).toISOString().slice(0, 10) },
    counts: { disclosed: ENTRIES, withheld: 0, redacted: 0, size: ENTRIES },
    authorFingerprint: '3f2a9c0177deb4e5'.repeat(4),
    logKeyId: 'b'.repeat(64),
    checkpoint: { size: ENTRIES, root: 'c'.repeat(64), time: start + ENTRIES * 8 * 3_600_000 },
    exportedAt: start + ENTRIES * 8 * 3_600_000 + 60_000,
    entries,
    withheldIndices: [],
  };
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const model = await buildModel();
  const t = translatorFor('nl');
  const timings: number[] = [];
  let size = 0;
  let pages = 0;
  for (let run = 0; run < RUNS; run += 1) {
    const begin = performance.now();
    const pdf = await renderJournalPdf(model, t);
    timings.push(performance.now() - begin);
    size = pdf.length;
    pages = Number(/\/Type \/Pages\s*\/Count (\d+)/.exec(pdf.toString('latin1'))?.[1] ?? 0);
  }
  const middle = median(timings);
  process.stdout.write(
    `Export PDF: renderJournalPdf, ${ENTRIES.toLocaleString('en')} entries, 5 thumbnails\n${table(
      ['input', 'pages', 'size', 'median', 'max', 'runs', 'target'],
      [
        [
          `${ENTRIES} entries`,
          String(pages),
          `${(size / 1_048_576).toFixed(1)} MB`,
          `${middle.toFixed(0)} ms`,
          `${Math.max(...timings).toFixed(0)} ms`,
          String(timings.length),
          `${verdict(middle <= TARGET_MS)} (≤ ${TARGET_MS} ms)`,
        ],
      ],
      [0, 6],
    )}\n`,
  );
  if (check && middle > TARGET_MS) process.exitCode = 1;
}

void main();
