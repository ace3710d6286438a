import { pepperSubkey } from './keyed-hash.js';
import { deriveKeyPair, type X25519KeyPair } from './hpke.js';

/*
 * The server's job key: an X25519 pair that every instance holds and the database does not. A request seals to
 * its public half what a job must have but may not store readable (the journal export's master key, ADR 0025);
 * the worker that runs the job opens it. It is derived from the pepper under its own label, so there is no
 * second secret to deploy to every instance and keep in step, and it stays apart from the database as the pepper
 * does. Whoever holds the pepper and a copy of the database taken while such a job waited can open what it
 * carries.
 */
export function jobKeyPair(pepper: Buffer): X25519KeyPair {
  const seed = pepperSubkey(pepper, 'nmk/v1/job-key');
  try {
    return deriveKeyPair(seed);
  } finally {
    seed.fill(0);
  }
}
