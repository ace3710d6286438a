import assert from 'node:assert/strict';
import { type KeyObject, randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { DecryptionFailed, generateKey, type SymmetricKey } from '../crypto/aead.js';
import { openBase, sealBase } from '../crypto/hpke.js';
import { signMessage, verifyMessage, publicKeyFrom } from '../crypto/signing.js';
import { createUserKeys, type RetiredSigningKey, unlockWithPassphrase } from '../crypto/user-keys.js';
import { sessionBoundSecret } from '../crypto/session-key.js';
import { keyId } from '../evidence/format.js';
import { createKeyRing } from './key-ring.js';

const passphraseKek = generateKey('passphrase');
const { stored } = createUserKeys('user-1', passphraseKek, generateKey('recovery'));

/** A ring over user-1's keys that counts how often the master key and the retired keys are fetched. */
function countedRing(openMaster: () => SymmetricKey = () => unlockWithPassphrase('user-1', stored, passphraseKek)) {
  const counts = { master: 0, retired: 0 };
  const ring = createKeyRing({
    userId: 'user-1',
    stored,
    openMasterKey: () => {
      counts.master += 1;
      return openMaster();
    },
    loadRetiredSigningKeys: () => {
      counts.retired += 1;
      return Promise.resolve([] as RetiredSigningKey[]);
    },
  });
  return { ring, counts };
}

test('making a ring opens nothing; the first key asked for opens the master key, and only once', async () => {
  const { ring, counts } = countedRing();
  assert.deepEqual(counts, { master: 0, retired: 0 });
  assert.equal(ring.epoch, 1);
  assert.equal(ring.userId, 'user-1');
  const signing = ring.signingKey();
  ring.sharingKey();
  ring.masterKey();
  assert.equal(ring.signingKey(), signing, 'the same opened key for the rest of the request');
  await ring.retiredSigningKeys();
  await ring.retiredSigningKeys();
  assert.deepEqual(counts, { master: 1, retired: 1 });
});

test('the ring gives the account’s own keys: its signatures verify under the stored public key', () => {
  const { ring } = countedRing();
  const signing = ring.signingKey();
  assert.equal(signing.id, keyId(stored.ed25519Public));
  const signature = signMessage(signing.privateKey, 'test', Buffer.from('x'));
  assert.ok(verifyMessage(publicKeyFrom(stored.ed25519Public), 'test', Buffer.from('x'), signature));
  assert.equal(ring.masterKey().id, stored.masterKeyId);
});

test('what is sealed to the account’s X25519 public key with HPKE opens with the ring’s sharing key', () => {
  const { ring } = countedRing();
  const info = Buffer.from('nmk/v1/test');
  const { enc, ciphertext } = sealBase(publicKeyFrom(stored.x25519Public), info, Buffer.from('sleutel van de zaak'));
  assert.equal(openBase(enc, ring.sharingKey().privateKey, info, ciphertext).toString(), 'sleutel van de zaak');
  assert.deepEqual(ring.sharingKey().publicKey, stored.x25519Public);
});

test('a master key that does not open is not remembered: every ask fails the same way', () => {
  const { ring, counts } = countedRing(() => unlockWithPassphrase('user-1', stored, generateKey('passphrase')));
  assert.throws(() => ring.signingKey(), DecryptionFailed);
  assert.throws(() => ring.masterKey(), DecryptionFailed);
  assert.equal(counts.master, 2);
});

test("a session's key pair: the same for the same session and purpose, another for another; none without a session", () => {
  const ringOf = (secret: Buffer, idHash: string) =>
    createKeyRing({
      userId: 'user-1',
      stored,
      openMasterKey: () => unlockWithPassphrase('user-1', stored, passphraseKek),
      loadRetiredSigningKeys: () => Promise.resolve([]),
      sessionSecret: (purpose) => sessionBoundSecret(secret, idHash, purpose),
    });
  const raw = (pair: { publicKey: KeyObject }) => pair.publicKey.export({ type: 'spki', format: 'der' });
  const secret = randomBytes(32);
  const mine = ringOf(secret, 'a'.repeat(64));
  assert.deepEqual(
    raw(mine.sessionKeyPair('export/1')),
    raw(ringOf(secret, 'a'.repeat(64)).sessionKeyPair('export/1')),
  );
  assert.notDeepEqual(raw(mine.sessionKeyPair('export/1')), raw(mine.sessionKeyPair('export/2')));
  // Another session of the account: another cookie secret and id.
  assert.notDeepEqual(
    raw(mine.sessionKeyPair('export/1')),
    raw(ringOf(randomBytes(32), 'b'.repeat(64)).sessionKeyPair('export/1')),
  );
  const { ring } = countedRing();
  assert.throws(() => ring.sessionKeyPair('export/1'), /no session/);
});
