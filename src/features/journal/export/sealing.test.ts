import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { generateKey } from '../../../shared/crypto/aead.js';
import { deriveKeyPair, HpkeFailed } from '../../../shared/crypto/hpke.js';
import { jobKeyPair } from '../../../shared/crypto/job-key.js';
import { bundleOpener, CHUNK_BYTES, type ExportChoice, openTicket, sealBundle, sealTicket } from './sealing.js';

const session = () => deriveKeyPair(randomBytes(32));
const choice: ExportChoice = {
  label: 'S.',
  entries: { mode: 'reeks', from: 1, to: 3 },
  attachments: { mode: 'geen' },
  locale: 'nl',
};

/** Opens `chunks` in the order given, with the count the row claims. */
function openAll(
  privateKey: ReturnType<typeof session>['privateKey'],
  exportId: string,
  enc: string,
  count: number,
  chunks: { index: number; data: string }[],
): Buffer {
  const open = bundleOpener(privateKey, exportId, enc, count);
  return Buffer.concat(chunks.map((chunk) => open(chunk.index, chunk.data)));
}

test('a bundle sealed in chunks opens whole, in order, for the session it was sealed to', () => {
  const pair = session();
  const exportId = randomUUID();
  const bytes = randomBytes(CHUNK_BYTES * 2 + 17);
  const sealed = sealBundle(pair.publicKey, exportId, bytes);
  const chunks = [...sealed.chunks];
  assert.equal(sealed.count, 3);
  assert.equal(chunks.length, 3);
  assert.deepEqual(openAll(pair.privateKey, exportId, sealed.enc, sealed.count, chunks), bytes);
});

test('reordered, missing, cut-off, moved or foreign chunks do not open', () => {
  const pair = session();
  const exportId = randomUUID();
  const sealed = sealBundle(pair.publicKey, exportId, randomBytes(CHUNK_BYTES * 2 + 1));
  const [first, second, third] = [...sealed.chunks];
  const fails = (chunks: { index: number; data: string }[], count = sealed.count, id = exportId, key = pair) =>
    assert.throws(() => openAll(key.privateKey, id, sealed.enc, count, chunks), HpkeFailed);
  // Swapped data under the right indices.
  fails([first!, { index: 1, data: third!.data }, { index: 2, data: second!.data }]);
  // The last chunk left out, with the row's count cut to match: the new last one was not sealed as the last.
  fails([first!, second!], 2);
  // A chunk skipped.
  fails([first!, third!]);
  // Another export's id, another session's key.
  fails([first!, second!, third!], sealed.count, randomUUID());
  fails([first!, second!, third!], sealed.count, exportId, session());
  // One flipped bit.
  const flipped = Buffer.from(second!.data, 'base64');
  flipped[100]! ^= 1;
  fails([first!, { index: 1, data: flipped.toString('base64') }, third!]);
});

test('an empty bundle still has its one, last chunk', () => {
  const pair = session();
  const exportId = randomUUID();
  const sealed = sealBundle(pair.publicKey, exportId, new Uint8Array(0));
  const chunks = [...sealed.chunks];
  assert.equal(chunks.length, 1);
  assert.equal(openAll(pair.privateKey, exportId, sealed.enc, 1, chunks).length, 0);
});

test('a ticket opens with the job key for its export, account and session only', () => {
  const job = jobKeyPair(randomBytes(32));
  const masterKey = generateKey('mk-1');
  const place = { exportId: randomUUID(), userId: randomUUID(), sessionIdHash: 'a'.repeat(64) };
  const sealed = sealTicket(job.publicKey, place, { masterKey, epoch: 2, choice });
  const opened = openTicket(job.privateKey, place, sealed);
  assert.equal(opened.epoch, 2);
  assert.deepEqual(opened.choice, choice);
  assert.equal(opened.masterKey.id, 'mk-1');
  assert.deepEqual(opened.masterKey.key.export(), masterKey.key.export());
  assert.ok(!Buffer.from(sealed.ciphertext, 'base64').toString('latin1').includes('S.'), 'the choice is sealed');
  for (const moved of [
    { ...place, exportId: randomUUID() },
    { ...place, userId: randomUUID() },
    { ...place, sessionIdHash: 'b'.repeat(64) },
  ]) {
    assert.throws(() => openTicket(job.privateKey, moved, sealed), HpkeFailed);
  }
  assert.throws(() => openTicket(jobKeyPair(randomBytes(32)).privateKey, place, sealed), HpkeFailed);
});

test('every instance derives the same job key from the same pepper, and another from another', () => {
  const pepper = randomBytes(32);
  const raw = (key: ReturnType<typeof jobKeyPair>['publicKey']) => key.export({ type: 'spki', format: 'der' });
  assert.deepEqual(raw(jobKeyPair(pepper).publicKey), raw(jobKeyPair(Buffer.from(pepper)).publicKey));
  assert.notDeepEqual(raw(jobKeyPair(pepper).publicKey), raw(jobKeyPair(randomBytes(32)).publicKey));
});
