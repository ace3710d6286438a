import { generateKeyPairSync } from 'node:crypto';
import type { Observation } from '../../src/features/journal/journal.schema.js';
import type { LogKey } from '../../src/shared/crypto/log-key.js';
import { keyId } from '../../src/shared/evidence/format.js';

/** A log key for one test process, as resolveLogKey makes it (an Ed25519 pair and the SPKI's id). */
export function throwawayLogKey(): LogKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  return { privateKey, publicKey: spki, id: keyId(spki) };
}

/** A plain observation, with only what a test names changed. */
export function testObservation(fields: Partial<Observation> = {}): Observation {
  return {
    date: '2026-11-20',
    approximate: false,
    category: 'behaviour',
    text: 'Kwam om 23:00 thuis met een nieuwe jas.',
    people: [],
    online: [],
    phones: [],
    plates: [],
    places: [],
    agencies: [],
    ...fields,
  };
}
