import { createHash, type KeyObject } from 'node:crypto';
import {
  type Ciphertext,
  generateKey,
  open,
  type SealContext,
  seal,
  type SymmetricKey,
  unwrapKey,
  type WrappedKey,
  wrapKey,
} from './aead.js';
import { generateKeyPair, privateKeyFrom, publicKeyFrom } from './signing.js';

/*
 * Each user's key hierarchy (DESIGN §4): a random 256-bit master key, wrapped once under the passphrase's key
 * and once under the recovery code's key; an X25519 pair (sharing, later by HPKE) and an Ed25519 pair (account
 * signatures), whose private halves are sealed under the master key. Only wrapped and sealed values are stored.
 */

export interface StoredUserKeys {
  epoch: number;
  masterKeyId: string;
  masterByPassphrase: WrappedKey;
  masterByRecovery: WrappedKey;
  x25519Public: Buffer;
  x25519Private: Ciphertext;
  ed25519Public: Buffer;
  ed25519Private: Ciphertext;
}

const placeFor = (userId: string, purpose: SealContext['purpose'], epoch: number): SealContext => ({
  purpose,
  ownerId: userId,
  recordId: userId,
  epoch,
});

/** Makes a user's keys; the caller stores the result and forgets the kek values. */
export function createUserKeys(
  userId: string,
  passphraseKek: SymmetricKey,
  recoveryKek: SymmetricKey,
  epoch = 1,
): { stored: StoredUserKeys; masterKey: SymmetricKey } {
  const masterKey = generateKey(`master-${epoch}`);
  const x25519 = generateKeyPair('x25519');
  const ed25519 = generateKeyPair('ed25519');
  const stored: StoredUserKeys = {
    epoch,
    masterKeyId: masterKey.id,
    masterByPassphrase: wrapKey(passphraseKek, masterKey, placeFor(userId, 'master-key/passphrase', epoch)),
    masterByRecovery: wrapKey(recoveryKek, masterKey, placeFor(userId, 'master-key/recovery', epoch)),
    x25519Public: x25519.publicKey,
    x25519Private: seal(masterKey, x25519.privateKey, placeFor(userId, 'private-key/x25519', epoch)),
    ed25519Public: ed25519.publicKey,
    ed25519Private: seal(masterKey, ed25519.privateKey, placeFor(userId, 'private-key/ed25519', epoch)),
  };
  x25519.privateKey.fill(0);
  ed25519.privateKey.fill(0);
  return { stored, masterKey };
}

/**
 * "Someone may know my passphrase": a new master key, X25519 and Ed25519 pairs at the next epoch, wrapped under
 * a new passphrase key and a new recovery code key. The caller re-wraps data keys and keeps the old public key.
 */
export function rotateUserKeys(
  userId: string,
  current: StoredUserKeys,
  passphraseKek: SymmetricKey,
  recoveryKek: SymmetricKey,
): { stored: StoredUserKeys; masterKey: SymmetricKey } {
  return createUserKeys(userId, passphraseKek, recoveryKek, current.epoch + 1);
}

/** An earlier signing key of an account, with the statement by which it handed over to the next key. */
export interface RetiredSigningKey {
  epoch: number;
  /** SPKI DER */
  publicKey: Buffer;
  /** hex(SHA-256(SPKI DER)) */
  id: string;
  retiredAt: string;
  /** JCS text of {v, old, new, time} and its signature (base64) by this key, purpose 'key-rotation'. */
  rotation: { bytes: string; signature: string };
}

export function unlockWithPassphrase(userId: string, stored: StoredUserKeys, kek: SymmetricKey): SymmetricKey {
  return unwrapKey(
    kek,
    stored.masterByPassphrase,
    stored.masterKeyId,
    placeFor(userId, 'master-key/passphrase', stored.epoch),
  );
}

export function unlockWithRecovery(userId: string, stored: StoredUserKeys, kek: SymmetricKey): SymmetricKey {
  return unwrapKey(
    kek,
    stored.masterByRecovery,
    stored.masterKeyId,
    placeFor(userId, 'master-key/recovery', stored.epoch),
  );
}

/** A passphrase change: the same master key under a new passphrase key; nothing else changes. */
export function rewrapForPassphrase(
  userId: string,
  stored: StoredUserKeys,
  masterKey: SymmetricKey,
  kek: SymmetricKey,
): StoredUserKeys {
  return {
    ...stored,
    masterByPassphrase: wrapKey(kek, masterKey, placeFor(userId, 'master-key/passphrase', stored.epoch)),
  };
}

/** A new recovery code: the same master key under the new code's key; the old code no longer opens it. */
export function rewrapForRecovery(
  userId: string,
  stored: StoredUserKeys,
  masterKey: SymmetricKey,
  kek: SymmetricKey,
): StoredUserKeys {
  return {
    ...stored,
    masterByRecovery: wrapKey(kek, masterKey, placeFor(userId, 'master-key/recovery', stored.epoch)),
  };
}

export function signingKey(userId: string, stored: StoredUserKeys, masterKey: SymmetricKey): KeyObject {
  return privateKeyFrom(open(masterKey, stored.ed25519Private, placeFor(userId, 'private-key/ed25519', stored.epoch)));
}

export function sharingKey(userId: string, stored: StoredUserKeys, masterKey: SymmetricKey): KeyObject {
  return privateKeyFrom(open(masterKey, stored.x25519Private, placeFor(userId, 'private-key/x25519', stored.epoch)));
}

/** The signing key's fingerprint as people compare it: SHA-256 of the public key, 16 groups of 4 hex digits. */
export function fingerprint(publicKeyDer: Uint8Array): string {
  publicKeyFrom(publicKeyDer); // refuses anything that is not a public key
  return createHash('sha256').update(publicKeyDer).digest('hex').match(/.{4}/g)!.join(' ');
}
