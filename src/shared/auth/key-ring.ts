import type { KeyObject } from 'node:crypto';
import type { SymmetricKey } from '../crypto/aead.js';
import { deriveKeyPair, type X25519KeyPair } from '../crypto/hpke.js';
import { type RetiredSigningKey, type StoredUserKeys, sharingKey, signingKey } from '../crypto/user-keys.js';
import { keyId } from '../evidence/format.js';

/*
 * The keys of the signed-in account, for one request. Nothing is opened when the ring is made: most requests
 * (a page, a form that touches no encrypted data) never ask. The first ask opens the key — the master key from
 * the session row with the cookie's secret, a private key from its seal under the master key — and the ring
 * keeps it until the request ends, so a request that signs a leaf and wraps three data keys opens the master key
 * once. Features take their keys from here and carry none of their own (ADR 0019).
 */

/** The account's Ed25519 key: it signs journal leaves, checkpoints and exports. */
export interface AccountSigningKey {
  privateKey: KeyObject;
  /** SPKI DER */
  publicKey: Buffer;
  /** hex(SHA-256(SPKI DER)) */
  id: string;
}

/** The account's X25519 key: others seal keys to its public half with HPKE (hpke.ts); this half opens them. */
export interface AccountSharingKey {
  privateKey: KeyObject;
  /** SPKI DER */
  publicKey: Buffer;
}

export interface KeyRing {
  readonly userId: string;
  /** The epoch of the keys: data keys are wrapped under the master key of this epoch. */
  readonly epoch: number;
  masterKey(): SymmetricKey;
  signingKey(): AccountSigningKey;
  sharingKey(): AccountSharingKey;
  /** The account's earlier public signing keys (after key rotations), oldest first. */
  retiredSigningKeys(): Promise<RetiredSigningKey[]>;
  /**
   * An X25519 pair that only this session can derive (from its cookie's secret), one per `purpose`: what is sealed
   * to its public key opens for this session and no other, not even another session of the account. Throws on a
   * ring not made from a session (a job's).
   */
  sessionKeyPair(purpose: string): X25519KeyPair;
}

/** What a ring is made from: the account's stored (sealed) keys and a way to open its master key. */
export interface KeyRingSource {
  userId: string;
  stored: StoredUserKeys;
  /** Opens the master key, e.g. from the session row with the cookie's secret. */
  openMasterKey: () => SymmetricKey;
  loadRetiredSigningKeys: () => Promise<RetiredSigningKey[]>;
  /** 32 bytes only this session can make for `purpose` (session-key.ts); absent when the ring has no session. */
  sessionSecret?: (purpose: string) => Buffer;
}

/** Remembers the first successful answer; a failure is not remembered (the next ask tries again). */
function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

/** A ring over the account's keys; each key is opened on first use and at most once. */
export function createKeyRing(source: KeyRingSource): KeyRing {
  const { userId, stored } = source;
  const masterKey = once(source.openMasterKey);
  const signing = once((): AccountSigningKey => ({
    privateKey: signingKey(userId, stored, masterKey()),
    publicKey: stored.ed25519Public,
    id: keyId(stored.ed25519Public),
  }));
  const sharing = once((): AccountSharingKey => ({
    privateKey: sharingKey(userId, stored, masterKey()),
    publicKey: stored.x25519Public,
  }));
  let retired: Promise<RetiredSigningKey[]> | undefined;
  return {
    userId,
    epoch: stored.epoch,
    masterKey,
    signingKey: signing,
    sharingKey: sharing,
    sessionKeyPair: (purpose) => {
      if (source.sessionSecret === undefined) throw new Error('this key ring belongs to no session');
      const secret = source.sessionSecret(purpose);
      try {
        return deriveKeyPair(secret);
      } finally {
        secret.fill(0);
      }
    },
    retiredSigningKeys: () =>
      (retired ??= source.loadRetiredSigningKeys().catch((error: unknown) => {
        retired = undefined;
        throw error;
      })),
  };
}
