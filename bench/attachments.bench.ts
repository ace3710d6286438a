// Attachment costs for `npm run bench`: inspectAttachment on a 12-megapixel phone photo (JPEG, EXIF orientation 6,
// so it is rotated) and on a 1080 × 2400 phone screenshot (PNG), both generated here; the time includes the
// header check, re-encoding without metadata and the thumbnail. Runs in-process, bounded in time; prints a small
// table. `--check` exits 1 when the photo's median exceeds 1,000 ms or the screenshot's 300 ms.
import { performance } from 'node:perf_hooks';
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
  if (check && missed) process.exitCode = 1;
}

void main();
