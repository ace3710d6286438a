import { createHash, type KeyObject } from 'node:crypto';
import {
  type Ciphertext,
  lengthPrefixed,
  open,
  type SealContext,
  seal,
  type SymmetricKey,
  symmetricKey,
} from '../../shared/crypto/aead.js';
import { encapsulatedKeyFrom, hpkeCiphertextFrom, openBase, sealBase } from '../../shared/crypto/hpke.js';
import { pepperSubkey } from '../../shared/crypto/keyed-hash.js';
import { publicKeyFrom } from '../../shared/crypto/signing.js';

/*
 * The owner's master key for their trusted person (ADR 0049). Pure: no database, no request. Two layers:
 * - inside, an HPKE message (RFC 9180 base mode, hpke.ts, as the case keys of ADR 0027) to the trusted person's
 *   X25519 key, whose `info` binds owner, trusted person, the owner's key epoch and the recipient key's id; only the
 *   trusted person's private key (opened from their key ring in their own session) opens it;
 * - outside, a seal (aead.ts) under a release key the server derives from its pepper and never stores, bound to
 *   owner, trusted person and epoch. The server removes this layer only for a granted request; a copy of the
 *   database, even together with the trusted person's own passphrase and keys, opens nothing without the pepper.
 * Only the outer seal is stored. An operator holding the pepper and running changed code can open both layers
 * while the trusted person is signed in: ADR 0049 says so, and what the audit log and the notices do against it.
 */

/** One answer for every wrap that does not open — changed, moved, for other keys, or released too early. */
export class TrustedWrapRefused extends Error {
  constructor() {
    super('The trusted person wrap was refused');
    this.name = 'TrustedWrapRefused';
  }
}

const INFO_LABEL = 'nmk/trusted-person-wrap/v1';
const ENC_BYTES = 32;
const KEY_BYTES = 32;

/** The server's release key: derived from the pepper (HKDF, own label), never stored, the same on every instance. */
export function releaseKeyFrom(pepper: Buffer): SymmetricKey {
  const bytes = pepperSubkey(pepper, 'nmk/v1/trusted-person-release');
  try {
    return symmetricKey('trusted-release-1', bytes);
  } finally {
    bytes.fill(0);
  }
}

/** The id of an X25519 public key (SPKI DER): hex SHA-256, so a wrap names the key it was sealed to. */
export const recipientKeyIdOf = (x25519Public: Uint8Array): string =>
  createHash('sha256').update(x25519Public).digest('hex');

/** Whose wrap it is: owner, trusted person, the owner's key epoch, and the key the wrap is sealed to. */
export interface WrapPlace {
  ownerId: string;
  trustedId: string;
  epoch: number;
  recipientKeyId: string;
}

const infoOf = (place: WrapPlace): Buffer =>
  lengthPrefixed([INFO_LABEL, place.ownerId, place.trustedId, String(place.epoch), place.recipientKeyId]);

const outerPlace = (place: WrapPlace): SealContext => ({
  purpose: 'trusted-person/wrap',
  ownerId: place.ownerId,
  recordId: `${place.trustedId}/${place.recipientKeyId}`,
  epoch: place.epoch,
});

/** Wraps the owner's master key for the trusted person: HPKE to their X25519 key, sealed under the release key. */
export function wrapForTrustedPerson(input: {
  ownerId: string;
  trustedId: string;
  epoch: number;
  masterKey: SymmetricKey;
  /** The trusted person's X25519 public key, SPKI DER. */
  recipientPublic: Uint8Array;
  releaseKey: SymmetricKey;
}): { wrap: Ciphertext; recipientKeyId: string } {
  const recipient = publicKeyFrom(input.recipientPublic);
  if (recipient.asymmetricKeyType !== 'x25519') throw new Error('an X25519 public key is needed');
  const place: WrapPlace = { ...input, recipientKeyId: recipientKeyIdOf(input.recipientPublic) };
  const keyBytes = input.masterKey.key.export();
  const plaintext = Buffer.concat([keyBytes, Buffer.from(input.masterKey.id, 'utf8')]);
  try {
    const { enc, ciphertext } = sealBase(recipient, infoOf(place), plaintext);
    const wrap = seal(input.releaseKey, Buffer.concat([enc, ciphertext]), outerPlace(place));
    return { wrap, recipientKeyId: place.recipientKeyId };
  } finally {
    keyBytes.fill(0);
    plaintext.fill(0);
  }
}

/**
 * Opens a wrap: the release layer with the server's key, then HPKE with the trusted person's private key. Throws
 * TrustedWrapRefused whatever the reason. The caller checks the key against the owner's sealed keys.
 */
export function unwrapAsTrustedPerson(input: {
  wrap: string;
  place: WrapPlace;
  releaseKey: SymmetricKey;
  /** The trusted person's X25519 private key (their key ring's sharingKey()). */
  recipientPrivate: KeyObject;
}): SymmetricKey {
  let inner: Buffer | undefined;
  let plaintext: Buffer | undefined;
  try {
    inner = open(input.releaseKey, input.wrap as Ciphertext, outerPlace(input.place));
    if (inner.length <= ENC_BYTES) throw new TrustedWrapRefused();
    plaintext = openBase(
      encapsulatedKeyFrom(inner.subarray(0, ENC_BYTES)),
      input.recipientPrivate,
      infoOf(input.place),
      hpkeCiphertextFrom(inner.subarray(ENC_BYTES)),
    );
    if (plaintext.length <= KEY_BYTES) throw new TrustedWrapRefused();
    return symmetricKey(plaintext.subarray(KEY_BYTES).toString('utf8'), plaintext.subarray(0, KEY_BYTES));
  } catch {
    throw new TrustedWrapRefused();
  } finally {
    inner?.fill(0);
    plaintext?.fill(0);
  }
}
