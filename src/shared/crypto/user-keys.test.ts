import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DecryptionFailed, generateKey } from './aead.js';
import { publicKeyFrom, signMessage, verifyMessage } from './signing.js';
import {
  createUserKeys,
  fingerprint,
  rewrapForPassphrase,
  sharingKey,
  signingKey,
  unlockWithPassphrase,
  unlockWithRecovery,
} from './user-keys.js';

const passphraseKek = generateKey('passphrase');
const recoveryKek = generateKey('recovery');

test('the master key opens with the passphrase key and with the recovery key, and unlocks the private keys', () => {
  const { stored, masterKey } = createUserKeys('user-1', passphraseKek, recoveryKek);
  const byPassphrase = unlockWithPassphrase('user-1', stored, passphraseKek);
  const byRecovery = unlockWithRecovery('user-1', stored, recoveryKek);
  assert.deepEqual(byPassphrase.key.export(), masterKey.key.export());
  assert.deepEqual(byRecovery.key.export(), masterKey.key.export());
  const signer = signingKey('user-1', stored, byPassphrase);
  const signature = signMessage(signer, 'test', Buffer.from('x'));
  assert.ok(verifyMessage(publicKeyFrom(stored.ed25519Public), 'test', Buffer.from('x'), signature));
  assert.equal(sharingKey('user-1', stored, byRecovery).asymmetricKeyType, 'x25519');
});

test("another user's keys, a wrong key or a swapped wrap do not open", () => {
  const first = createUserKeys('user-1', passphraseKek, recoveryKek).stored;
  const second = createUserKeys('user-2', passphraseKek, recoveryKek).stored;
  assert.throws(() => unlockWithPassphrase('user-2', first, passphraseKek), DecryptionFailed, 'moved to another user');
  assert.throws(() => unlockWithPassphrase('user-1', first, generateKey('passphrase')), DecryptionFailed);
  assert.throws(
    () => unlockWithPassphrase('user-1', { ...first, masterByPassphrase: first.masterByRecovery }, recoveryKek),
    DecryptionFailed,
  );
  assert.throws(
    () => unlockWithPassphrase('user-1', { ...first, masterByPassphrase: second.masterByPassphrase }, passphraseKek),
    DecryptionFailed,
  );
  const master = unlockWithPassphrase('user-1', first, passphraseKek);
  assert.throws(
    () => signingKey('user-1', { ...first, ed25519Private: first.x25519Private }, master),
    DecryptionFailed,
  );
});

test('a passphrase change re-wraps the same master key; the old passphrase key no longer opens it', () => {
  const { stored, masterKey } = createUserKeys('user-1', passphraseKek, recoveryKek);
  const newKek = generateKey('passphrase');
  const changed = rewrapForPassphrase('user-1', stored, masterKey, newKek);
  assert.deepEqual(unlockWithPassphrase('user-1', changed, newKek).key.export(), masterKey.key.export());
  assert.throws(() => unlockWithPassphrase('user-1', changed, passphraseKek), DecryptionFailed);
  assert.equal(changed.ed25519Private, stored.ed25519Private);
});

test('a fingerprint is 16 groups of 4 hex digits and differs per key', () => {
  const a = createUserKeys('user-1', passphraseKek, recoveryKek).stored;
  const b = createUserKeys('user-1', passphraseKek, recoveryKek).stored;
  assert.match(fingerprint(a.ed25519Public), /^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
  assert.notEqual(fingerprint(a.ed25519Public), fingerprint(b.ed25519Public));
});
