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

/** A file for an entry form: its bytes, its name and (default application/octet-stream) its type. */
export interface FormFile {
  bytes: Buffer;
  name: string;
  type?: string;
}

/**
 * A journal entry form as a browser sends it: multipart/form-data with the fields, and the files under
 * "bijlagen". Spread the result into app.inject({ method: 'POST', url, cookies, ...body }).
 */
export async function entryFormBody(
  fields: Record<string, string>,
  files: FormFile[] = [],
): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const file of files) {
    form.append(
      'bijlagen',
      new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'application/octet-stream' }),
      file.name,
    );
  }
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return {
    payload: Buffer.from(await request.arrayBuffer()),
    headers: { 'content-type': request.headers.get('content-type')! },
  };
}
