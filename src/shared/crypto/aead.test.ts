import assert from 'node:assert/strict';
import { createDecipheriv } from 'node:crypto';
import { test } from 'node:test';
import {
  type Ciphertext,
  DecryptionFailed,
  generateKey,
  open,
  type SealContext,
  seal,
  symmetricKey,
  unwrapKey,
  type WrappedKey,
  wrapKey,
} from './aead.js';

const key = symmetricKey('k1', Buffer.alloc(32, 7));
const context: SealContext = { purpose: 'journal/entry', ownerId: 'user-1', recordId: 'entry-1', epoch: 1 };
const fixedNonce = (size: number) => Buffer.alloc(size, 9);

test('known answer: a fixed key, nonce and place give the same ciphertext every time', () => {
  const sealed = seal(key, Buffer.from('Ze kwam om 23:10 thuis.'), context, fixedNonce);
  assert.equal(sealed, seal(key, Buffer.from('Ze kwam om 23:10 thuis.'), context, fixedNonce));
  assert.equal(sealed, 'v1.A256GCM.k1.CQkJCQkJCQkJCQkJ.feCk_8mRrEHPD-sK1dCS7_TEC4Zdndk_KQ0ttNtJ2WSGBMDfl1b9');
  // Independently: plain AES-256-GCM with the documented associated data opens it.
  const [, , , nonce, body] = sealed.split('.') as [string, string, string, string, string];
  const bytes = Buffer.from(body, 'base64url');
  const fields = ['v1', 'journal/entry', 'user-1', 'entry-1', 'k1', 'A256GCM', '1'];
  const aad = Buffer.concat(
    fields.flatMap((field) => {
      const length = Buffer.alloc(4);
      length.writeUInt32BE(Buffer.byteLength(field));
      return [length, Buffer.from(field)];
    }),
  );
  const decipher = createDecipheriv('aes-256-gcm', Buffer.alloc(32, 7), Buffer.from(nonce, 'base64url'), {
    authTagLength: 16,
  });
  decipher.setAAD(aad);
  decipher.setAuthTag(bytes.subarray(bytes.length - 16));
  assert.equal(
    Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]).toString(),
    'Ze kwam om 23:10 thuis.',
  );
});

test('a value opens with the same key and place', () => {
  const sealed = seal(key, Buffer.from('kenteken 12-ABC-3'), context);
  assert.equal(open(key, sealed, context).toString(), 'kenteken 12-ABC-3');
});

test('the nonce is random: sealing twice gives different ciphertexts', () => {
  assert.notEqual(seal(key, Buffer.from('x'), context), seal(key, Buffer.from('x'), context));
});

test('any flipped byte in nonce, body or tag makes opening fail', () => {
  const sealed = seal(key, Buffer.from('gevoelige tekst'), context);
  const parts = sealed.split('.');
  for (const index of [3, 4]) {
    const bytes = Buffer.from(parts[index]!, 'base64url');
    for (let position = 0; position < bytes.length; position += 1) {
      const flipped = Buffer.from(bytes);
      flipped[position]! ^= 0x01;
      const changed = [...parts];
      changed[index] = flipped.toString('base64url');
      assert.throws(
        () => open(key, changed.join('.') as Ciphertext, context),
        DecryptionFailed,
        `part ${index} byte ${position}`,
      );
    }
  }
});

test('a value moved to another row, user, purpose or epoch does not open', () => {
  const sealed = seal(key, Buffer.from('x'), context);
  for (const moved of [
    { ...context, recordId: 'entry-2' },
    { ...context, ownerId: 'user-2' },
    { ...context, purpose: 'diary/entry' as const },
    { ...context, epoch: 2 },
  ]) {
    assert.throws(() => open(key, sealed, moved), DecryptionFailed, JSON.stringify(moved));
  }
});

test('a wrong key, a truncated tag, another algorithm or a malformed value fails the same way', () => {
  const sealed = seal(key, Buffer.from('x'), context);
  assert.throws(() => open(symmetricKey('k1', Buffer.alloc(32, 8)), sealed, context), DecryptionFailed);
  assert.throws(() => open(symmetricKey('k2', Buffer.alloc(32, 7)), sealed, context), DecryptionFailed);
  const parts = sealed.split('.');
  const body = Buffer.from(parts[4]!, 'base64url');
  const shortTag = [...parts.slice(0, 4), body.subarray(0, body.length - 4).toString('base64url')].join('.');
  assert.throws(() => open(key, shortTag as Ciphertext, context), DecryptionFailed);
  const otherAlgorithm = ['v1', 'A128GCM', ...parts.slice(2)].join('.');
  assert.throws(() => open(key, otherAlgorithm as Ciphertext, context), DecryptionFailed);
  for (const junk of ['', 'v1', 'v1.A256GCM.k1..', 'plain text', 'v2.A256GCM.k1.AAAA.AAAA']) {
    assert.throws(() => open(key, junk as Ciphertext, context), DecryptionFailed, junk);
  }
});

test('a wrapped key unwraps only under its key-encryption key, for its own user and key id', () => {
  const kek = generateKey('kek-1');
  const master = generateKey('master-1');
  const place: SealContext = { purpose: 'master-key/passphrase', ownerId: 'user-1', recordId: 'user-1', epoch: 1 };
  const wrapped = wrapKey(kek, master, place);
  const unwrapped = unwrapKey(kek, wrapped, 'master-1', place);
  assert.deepEqual(unwrapped.key.export(), master.key.export());
  assert.throws(() => unwrapKey(kek, wrapped, 'master-1', { ...place, ownerId: 'user-2' }), DecryptionFailed);
  assert.throws(() => unwrapKey(kek, wrapped, 'master-2', place), DecryptionFailed);
  assert.throws(() => unwrapKey(generateKey('kek-1'), wrapped, 'master-1', place), DecryptionFailed);
  assert.throws(
    () => unwrapKey(kek, wrapped, 'master-1', { ...place, purpose: 'master-key/recovery' }),
    DecryptionFailed,
  );
  const notAKey = seal(kek, Buffer.alloc(5), { ...place, recordId: 'user-1/master-1' });
  assert.throws(() => unwrapKey(kek, notAKey as unknown as WrappedKey, 'master-1', place), DecryptionFailed);
});

test('storing plaintext where a ciphertext belongs is a type error', () => {
  // @ts-expect-error a plain string is not a Ciphertext
  const mistaken: Ciphertext = 'plain text';
  assert.equal(typeof mistaken, 'string');
});
