// Account costs for `npm run bench`: Argon2id time per login at the production parameters, logins per second
// with the concurrency cap, and the per-request cost of opening a session's sealed master key.
// Runs in-process, bounded in time; prints a small table. `--check` exits 1 when unsealing misses < 1 ms median.
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { generateKey } from '../src/shared/crypto/aead.js';
import { createPassphraseHasher, defaultArgon2Parameters } from '../src/shared/crypto/passphrase.js';
import {
  newSessionToken,
  openMasterKeyFromSession,
  sealMasterKeyForSession,
  sessionIdHash,
} from '../src/shared/crypto/session-key.js';
import { defaultArgon2Concurrency } from '../src/shared/config/config.js';
import { median, percentile, verdict } from './report.js';

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const concurrency = Number(process.env.ARGON2_CONCURRENCY ?? defaultArgon2Concurrency());
  const hasher = createPassphraseHasher({ pepper: randomBytes(32), concurrency });
  const salt = randomBytes(16);

  // 1. One login's Argon2id call, sequentially.
  const single: number[] = [];
  for (let index = 0; index < 8; index += 1) {
    const start = performance.now();
    await hasher.derive(`zin nummer ${index} voor de meting`, salt, defaultArgon2Parameters);
    single.push(performance.now() - start);
  }

  // 2. A flood of 24 logins at once: the cap queues them; logins per second is what the machine sustains.
  const flood = 24;
  const floodStart = performance.now();
  await Promise.all(
    Array.from({ length: flood }, (_, index) => hasher.derive(`flood ${index}`, salt, defaultArgon2Parameters)),
  );
  const floodSeconds = (performance.now() - floodStart) / 1000;

  // 3. Opening the session's sealed master key, as a request that needs it does.
  const master = generateKey('master-1');
  const token = newSessionToken();
  const idHash = sessionIdHash(token.id);
  const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
  const sealed = sealMasterKeyForSession(master, token.secret, idHash, 'user-1', expiresAt);
  for (let index = 0; index < 2_000; index += 1)
    openMasterKeyFromSession(sealed, token.secret, idHash, 'user-1', expiresAt);
  const unseal: number[] = [];
  const deadline = performance.now() + 2_000;
  while (unseal.length < 20_000 && performance.now() < deadline) {
    const start = performance.now();
    openMasterKeyFromSession(sealed, token.secret, idHash, 'user-1', expiresAt);
    unseal.push(performance.now() - start);
  }

  const unsealMedian = median(unseal);
  const lines = [
    `Accounts: Argon2id m=${defaultArgon2Parameters.memoryKiB} KiB, t=${defaultArgon2Parameters.iterations}, p=${defaultArgon2Parameters.parallelism}; concurrency cap ${concurrency}`,
    `  one login (Argon2id + HKDF):      median ${median(single).toFixed(1)} ms, max ${Math.max(...single).toFixed(1)} ms (${single.length} runs)`,
    `  ${flood} logins at once with the cap: ${(flood / floodSeconds).toFixed(1)} logins/s (${floodSeconds.toFixed(2)} s in all; peak memory ≈ ${concurrency} × 64 MiB)`,
    `  unseal the session's master key:   median ${(unsealMedian * 1000).toFixed(1)} µs, p99 ${(percentile(Float64Array.from(unseal).sort(), 0.99) * 1000).toFixed(1)} µs (${unseal.length} runs) — ${verdict(unsealMedian < 1)} (median < 1 ms)`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  if (check && unsealMedian >= 1) process.exitCode = 1;
}

void main();
