import { hkdfSync } from 'node:crypto';
import { hashRaw } from '@node-rs/argon2';
import pLimit from 'p-limit';
import { type SymmetricKey, symmetricKey } from './aead.js';

/*
 * One Argon2id call per login. Its raw output is never stored and never used as a key directly: HKDF splits it
 * into a login verifier (stored, compared in constant time) and a key-encryption key (never stored) that wraps
 * the user's master key. The server pepper enters through Argon2's own secret input, so a copy of the database
 * without the pepper allows no offline guessing.
 */

export interface Argon2Parameters {
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

/** OWASP's first recommendation for Argon2id (m = 64 MiB, t = 3, p = 1). */
export const defaultArgon2Parameters: Argon2Parameters = { memoryKiB: 65_536, iterations: 3, parallelism: 1 };

/** Parameters read back from the database are checked against these bounds before use. */
const bounds = {
  memoryKiB: [19_456, 262_144],
  iterations: [2, 10],
  parallelism: [1, 4],
} as const satisfies Record<keyof Argon2Parameters, readonly [number, number]>;

export class UnsafeParameters extends Error {
  constructor(detail: string) {
    super(`Argon2 parameters out of bounds: ${detail}`);
    this.name = 'UnsafeParameters';
  }
}

/** Refuses parameters a tampered database could use to make logins weak or to exhaust memory. */
export function checkedParameters(value: unknown): Argon2Parameters {
  const candidate = value as Partial<Argon2Parameters> | null;
  const checked: Partial<Argon2Parameters> = {};
  for (const name of Object.keys(bounds) as (keyof Argon2Parameters)[]) {
    const number = candidate?.[name];
    const [min, max] = bounds[name];
    if (typeof number !== 'number' || !Number.isInteger(number) || number < min || number > max) {
      throw new UnsafeParameters(`${name}=${String(number)}`);
    }
    checked[name] = number;
  }
  return checked as Argon2Parameters;
}

export const SALT_BYTES = 16;
export const PEPPER_BYTES = 32;

/** The passphrase as the user means it: "ideeën" typed with a precomposed or a combining ë is one passphrase. */
export function normalizePassphrase(passphrase: string): string {
  return passphrase.normalize('NFC');
}

export interface PassphraseKeys {
  /** Stored to check the passphrase at login. */
  verifier: Buffer;
  /** Never stored: unwraps the master key. */
  kek: SymmetricKey;
}

/** Caps concurrent Argon2 calls: each takes 64 MiB, so a login flood queues instead of exhausting memory. */
export function createPassphraseHasher(options: { pepper: Buffer; concurrency: number }) {
  if (options.pepper.length !== PEPPER_BYTES) throw new Error('the pepper must be 32 bytes');
  const limit = pLimit(options.concurrency);
  return {
    async derive(passphrase: string, salt: Buffer, parameters: Argon2Parameters): Promise<PassphraseKeys> {
      if (salt.length !== SALT_BYTES) throw new Error('the salt must be 16 bytes');
      const safe = checkedParameters(parameters);
      const raw = await limit(() =>
        hashRaw(normalizePassphrase(passphrase), {
          salt,
          secret: options.pepper,
          memoryCost: safe.memoryKiB,
          timeCost: safe.iterations,
          parallelism: safe.parallelism,
          outputLen: 32,
          // Argon2id (the package's Algorithm.Argon2id; its const enum cannot be imported with isolatedModules).
          algorithm: 2,
        }),
      );
      const verifier = Buffer.from(hkdfSync('sha256', raw, salt, 'nmk/v1/login-verifier', 32));
      const kek = symmetricKey('passphrase', Buffer.from(hkdfSync('sha256', raw, salt, 'nmk/v1/passphrase-kek', 32)));
      raw.fill(0);
      return { verifier, kek };
    },
    /** How many hashes are running and waiting, for metrics and tests. */
    load: () => ({ active: limit.activeCount, waiting: limit.pendingCount }),
  };
}

export type PassphraseHasher = ReturnType<typeof createPassphraseHasher>;
