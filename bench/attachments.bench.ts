// Attachment costs for `npm run bench`: inspectAttachment on a 12-megapixel phone photo (JPEG, EXIF orientation 6,
// so it is rotated) and on a 1080 × 2400 phone screenshot (PNG), both generated here; the time includes the
// header check, re-encoding without metadata and the thumbnail. Runs in-process, bounded in time; prints a small
// table. `--check` exits 1 when the photo's median exceeds 1,000 ms or the screenshot's 300 ms, or when a refusal
// (a 50 MB upload, an image bomb) takes longer than 50 ms / 500 ms or grows the process by 200 MB or more.
import { performance } from 'node:perf_hooks';
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { inspectAttachment } from '../src/features/journal/attachments.js';
import { median, table, verdict } from './report.js';

/** A photo-like 4032 × 3024 JPEG: smoothed noise compresses like a real photo (≈ 3 MB at quality 92). */
function photo(): Promise<Buffer> {
  return sharp({
    create: {
      width: 4032,
      height: 3024,
      channels: 3,
      background: '#000',
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  })
    .blur(1.2)
    .jpeg({ quality: 92 })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

/** A chat screenshot: white, with grey and blue bubbles holding lines of "text" (random dark dashes). */
function screenshot(): Promise<Buffer> {
  const width = 1080;
  const height = 2400;
  const pixels = Buffer.alloc(width * height * 3, 255);
  let seed = 1;
  const random = (): number => (seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff) / 0x7fffffff;
  const paint = (x: number, y: number, [red, green, blue]: readonly number[]): void => {
    const offset = (y * width + x) * 3;
    pixels[offset] = red ?? 0;
    pixels[offset + 1] = green ?? 0;
    pixels[offset + 2] = blue ?? 0;
  };
  for (let top = 200; top < height - 200; top += 140) {
    const incoming = random() < 0.5;
    const [left, right] = incoming ? [40, 780] : [300, 1040];
    const bubble = incoming ? [233, 233, 235] : [0, 132, 255];
    const ink = incoming ? [20, 20, 20] : [255, 255, 255];
    for (let y = top; y < top + 110; y += 1) for (let x = left; x < right; x += 1) paint(x, y, bubble);
    for (let line = 0; line < 3; line += 1) {
      const baseline = top + 15 + line * 30;
      for (let x = left + 20; x < right - 20; x += 1) {
        if (random() >= 0.45) continue;
        for (let y = baseline; y < baseline + 18; y += 1) if (random() < 0.6) paint(x, y, ink);
      }
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}

async function measure(input: Buffer, runs: number, budgetMs: number): Promise<number[]> {
  const timings: number[] = [];
  const deadline = performance.now() + budgetMs;
  await inspectAttachment(input, { keepMetadata: false }); // warm-up
  while (timings.length < runs && performance.now() < deadline) {
    const start = performance.now();
    const result = await inspectAttachment(input, { keepMetadata: false });
    timings.push(performance.now() - start);
    if (!result.ok) throw new Error(`the bench input was refused: ${result.problem}`);
  }
  return timings;
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const cases = [
    { label: '12 MP photo (JPEG, rotated)', input: await photo(), targetMs: 1_000 },
    { label: '1080 × 2400 screenshot (PNG)', input: await screenshot(), targetMs: 300 },
  ];
  const rows: string[][] = [];
  let missed = false;
  for (const { label, input, targetMs } of cases) {
    const timings = await measure(input, 9, 10_000);
    const middle = median(timings);
    missed ||= middle > targetMs;
    rows.push([
      label,
      `${(input.length / 1_048_576).toFixed(1)} MB`,
      `${middle.toFixed(0)} ms`,
      `${Math.max(...timings).toFixed(0)} ms`,
      String(timings.length),
      `${verdict(middle <= targetMs)} (≤ ${targetMs} ms)`,
    ]);
  }
  process.stdout.write(
    `Attachments: inspectAttachment (re-encode without metadata + thumbnail), one libvips thread\n${table(
      ['input', 'size', 'median', 'max', 'runs', 'target'],
      rows,
      [0, 5],
    )}\n`,
  );
  missed = (await refusals()) || missed;
  if (check && missed) process.exitCode = 1;
}

/** A PNG of a few hundred bytes whose header claims 100,000 × 100,000 pixels (30 GB decoded). */
function imageBomb(): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typeAndData));
    return Buffer.concat([length, typeAndData, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(100_000, 0);
  header.writeUInt32BE(100_000, 4);
  header[8] = 8;
  header[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.alloc(4096))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * What refusing costs: a 50 MB upload is refused by its length (target 50 ms), an image bomb from its header
 * (target 500 ms, and the process grows by less than 200 MB). The tests check that these are refused without
 * reading or decoding; the time and memory are measured here, not there.
 */
async function refusals(): Promise<boolean> {
  const huge = Buffer.alloc(50 * 1024 * 1024);
  huge.set([0xff, 0xd8, 0xff]);
  const cases = [
    { label: '50 MB upload (too large)', input: huge, problem: 'too-large', targetMs: 50 },
    { label: 'PNG claiming 100,000² pixels', input: imageBomb(), problem: 'too-many-pixels', targetMs: 500 },
  ];
  const rssLimit = 200 * 1024 * 1024;
  const rows: string[][] = [];
  let missed = false;
  for (const { label, input, problem, targetMs } of cases) {
    const rssBefore = process.memoryUsage().rss;
    const timings: number[] = [];
    for (let run = 0; run < 7; run += 1) {
      const start = performance.now();
      const result = await inspectAttachment(input, { keepMetadata: false });
      timings.push(performance.now() - start);
      if (result.ok || result.problem !== problem) throw new Error(`${label}: not refused as ${problem}`);
    }
    const grown = process.memoryUsage().rss - rssBefore;
    const middle = median(timings);
    const ok = middle <= targetMs && grown < rssLimit;
    missed ||= !ok;
    rows.push([
      label,
      input.length < 1_048_576 ? `${input.length} B` : `${(input.length / 1_048_576).toFixed(1)} MB`,
      `${middle.toFixed(1)} ms`,
      `${Math.max(...timings).toFixed(1)} ms`,
      `${(grown / 1_048_576).toFixed(0)} MB`,
      `${verdict(ok)} (≤ ${targetMs} ms, < ${rssLimit / 1_048_576} MB)`,
    ]);
  }
  process.stdout.write(
    `Attachments: refusals before decoding\n${table(['input', 'size', 'median', 'max', 'RSS growth', 'target'], rows, [0, 5])}\n`,
  );
  return missed;
}

void main();
