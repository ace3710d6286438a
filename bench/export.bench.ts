// The whole export for `npm run bench`, as the progress page's job does it: open every entry (disclose),
// make the PDF and the ZIP (buildBundle), for journals of 1,000 and 10,000 entries of which every 500th has a
// 12 MP photo kept with its original. In-process on a temporary SQLite database through the real services; the
// time of each step comes from the same progress reports the page shows. Then verifies the bundle. Sizes can be
// overridden: BENCH_EXPORT_SIZES=1000. `--check` exits 1 when the 10,000-entry export takes more than 10× the
// 1,000-entry one (the export must stay about linear; it once built a Merkle tree per entry).
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { inspectAttachment } from '../src/features/journal/attachments.js';
import { buildBundle, type ExportPhase } from '../src/features/journal/export/bundle.js';
import { verifyBundle } from '../src/shared/evidence/verify.js';
import { translatorFor } from '../src/messages.js';
import { observation, openBenchJournal } from './journal-fixture.js';
import { table, verdict } from './report.js';

const PHOTO_EVERY = 500;

interface Row {
  size: number;
  photos: number;
  reading: number;
  pdf: number;
  zip: number;
  total: number;
  megabytes: number;
  verify: number;
}

async function measure(size: number, photo: Buffer): Promise<Row> {
  const fixture = await openBenchJournal('export');
  try {
    const { services, who } = fixture;
    let photos = 0;
    for (let index = 0; index < size; index += 1) {
      if (index % PHOTO_EVERY === PHOTO_EVERY - 1) {
        const inspected = await inspectAttachment(photo, { keepMetadata: true });
        if (!inspected.ok) throw new Error(`the bench photo was refused: ${inspected.problem}`);
        await services.journal.addObservation(who, observation(index), [inspected.attachment]);
        photos += 1;
      } else {
        await services.journal.addObservation(who, observation(index));
      }
    }

    // The job of POST /logboek/export, timed by its own progress reports.
    const marks: Partial<Record<ExportPhase | 'end', number>> = {};
    const start = performance.now();
    marks.reading = start;
    const disclosure = await services.journal.disclose(who, () => true);
    const checkpoint = JSON.parse(disclosure.checkpoint.bytes) as { size: number };
    const zip = await buildBundle({
      disclosure,
      global: await services.log.inclusionOf(disclosure.journalId, checkpoint.size),
      logKey: services.logKey,
      label: 'S.',
      exportedAt: Date.now(),
      locale: 'nl',
      t: translatorFor('nl'),
      progress: (phase) => {
        marks[phase] ??= performance.now();
      },
    });
    marks.end = performance.now();
    const verifyStart = performance.now();
    const report = await verifyBundle(zip, {
      extraLogKey: services.logKey.publicKey.toString('base64'),
    });
    const verify = performance.now() - verifyStart;
    if (!report.valid) throw new Error(`the export does not verify: ${JSON.stringify(report.failures.slice(0, 3))}`);
    return {
      size,
      photos,
      reading: marks.pdf! - marks.reading,
      pdf: marks.zip! - marks.pdf!,
      zip: marks.end - marks.zip!,
      total: marks.end - start,
      megabytes: zip.length / 1_048_576,
      verify,
    };
  } finally {
    await fixture.close();
  }
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const sizes = (process.env.BENCH_EXPORT_SIZES ?? '1000,10000').split(',').map(Number);
  // A 12 MP phone photo: noise, so it does not compress to nothing.
  const photo = await sharp({
    create: {
      width: 4000,
      height: 3000,
      channels: 3,
      background: '#777',
      noise: { type: 'gaussian', mean: 120, sigma: 30 },
    },
  })
    .jpeg({ quality: 85 })
    .toBuffer();
  const rows: Row[] = [];
  for (const size of sizes) rows.push(await measure(size, photo));
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  const ratio = last.total / first.total;
  const linear = ratio <= (last.size / first.size) * 1;
  process.stdout.write(
    `\nExport (SQLite, in-process; one run each; steps as the progress page reports them)\n${table(
      ['entries', 'photos', 'open (ms)', 'PDF (ms)', 'ZIP (ms)', 'total (ms)', 'ZIP size', 'verify (ms)'],
      rows.map((row) => [
        row.size.toLocaleString('en'),
        String(row.photos),
        row.reading.toFixed(0),
        row.pdf.toFixed(0),
        row.zip.toFixed(0),
        row.total.toFixed(0),
        `${row.megabytes.toFixed(1)} MB`,
        row.verify.toFixed(0),
      ]),
    )}\n  total at ${last.size.toLocaleString('en')} vs ${first.size.toLocaleString('en')} entries: ${ratio.toFixed(2)}× — ${verdict(linear)} (about linear: ≤ ${(last.size / first.size).toFixed(0)}×)\n`,
  );
  if (check && !linear) process.exit(1);
}

main().catch((error: unknown) => {
  process.stderr.write(`export bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
