// Verifier cost for `npm run bench`: verifyBundle on a 10,000-entry bundle made by the test bundle builder (one
// attachment with its original, a correction, a redaction, a withheld entry), as the CLI and /verifieer run it:
// ZIP reading, strict parsing, 10,000 Ed25519 signatures through WebCrypto, inclusion proofs and commitments.
// Prints a small table; `--check` exits 1 when the median exceeds 1,000 ms.
import { performance } from 'node:perf_hooks';
import { useNodeNatives } from '../src/shared/crypto/node-natives.js';
import { verifyBundle } from '../src/shared/evidence/verify.js';
import { buildBundle } from '../test/helpers/bundle-builder.js';
import { median, table, verdict } from './report.js';

// As `npm run cli -- verify-export` runs it: with Node's native SHA-256, base64 and zlib.
useNodeNatives();

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const entries = 10_000;
  const targetMs = 1_000;
  const bundle = buildBundle({ size: entries });
  const options = { pinnedLogKeys: bundle.pinnedLogKeys };
  const warm = await verifyBundle(bundle.zip, options);
  if (!warm.valid) throw new Error(`the bench bundle does not verify: ${JSON.stringify(warm.failures.slice(0, 3))}`);
  const timings: number[] = [];
  const deadline = performance.now() + 20_000;
  while (timings.length < 7 && performance.now() < deadline) {
    const start = performance.now();
    await verifyBundle(bundle.zip, options);
    timings.push(performance.now() - start);
  }
  const middle = median(timings);
  process.stdout.write(
    `Verifier: verifyBundle on a ${entries.toLocaleString('en')}-entry bundle\n${table(
      ['bundle', 'size', 'median', 'max', 'runs', 'target'],
      [
        [
          `${entries.toLocaleString('en')} entries`,
          `${(bundle.zip.length / 1_048_576).toFixed(1)} MB`,
          `${middle.toFixed(0)} ms`,
          `${Math.max(...timings).toFixed(0)} ms`,
          String(timings.length),
          `${verdict(middle <= targetMs)} (≤ ${targetMs} ms)`,
        ],
      ],
      [0, 5],
    )}\n`,
  );
  if (check && middle > targetMs) process.exitCode = 1;
}

void main();
