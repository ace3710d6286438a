import { AppError } from '../../shared/errors.js';
import { createHash, createPublicKey, type KeyObject, randomBytes } from 'node:crypto';
import {
  type Ciphertext,
  DecryptionFailed,
  open,
  type SealContext,
  seal,
  type SymmetricKey,
  symmetricKey,
  unwrapKey,
  type WrappedKey,
  wrapKey,
} from '../../shared/crypto/aead.js';
import { encapsulatedKeyFrom, hpkeCiphertextFrom, openBase, sealBase } from '../../shared/crypto/hpke.js';
import { publicKeyFrom, signMessage, verifyMessage } from '../../shared/crypto/signing.js';
import { keyId as signingKeyId } from '../../shared/evidence/format.js';
import type { Compartment, CompartmentKey } from './cases.types.js';

/*
 * The keys of a case (DESIGN §4, docs/adr/0027-case-space.md). Pure: no database, no request. A compartment key is
 * a random 256-bit key for aead.ts, one per compartment and epoch. It reaches a member as a wrap: an HPKE message
 * (RFC 9180 base mode, hpke.ts) to the member's X25519 key whose `info` binds case, compartment, epoch, member and
 * member key, signed by the granter's Ed25519 key (purpose 'case-key-wrap'), so a wrap moved to another case,
 * compartment, epoch or recipient, or signed by anyone else, does not open. Only wraps are stored, never a key.
 */

/** One error for every wrap that does not open — forged, replayed, changed or for another key. No detail. */
export class KeyWrapRefused extends AppError {
  // A wrap that does not check out is not the member's fault: a 409 that tells them whom to ask, never a 500.
  readonly status = 409;
  readonly messageKey = 'cases.problem.keysRefused';
  constructor() {
    super('The key wrap was refused');
  }
}

/** A wrap as stored (table case_key_wraps): text and numbers only; the key is inside `ciphertext`. */
export interface StoredKeyWrap {
  caseId: string;
  compartment: Compartment;
  epoch: number;
  /** The recipient member. */
  memberId: string;
  /** memberKeyId of the recipient's public keys the wrap was sealed to. */
  recipientKeyId: string;
  /** base64url of the HPKE `enc` (32 bytes). */
  enc: string;
  /** base64url of the HPKE ciphertext (the key and its id, sealed). */
  ciphertext: string;
  granterMemberId: string;
  /** hex(SHA-256(SPKI DER)) of the granter's Ed25519 key: the signing key's id (key-ring AccountSigningKey.id). */
  granterKeyId: string;
  /** base64url of the Ed25519 signature over enc ‖ ciphertext ‖ binding ‖ granter ids. */
  signature: string;
}

/** Who a key is wrapped to: a member, their X25519 public key (SPKI DER) and memberKeyId of their public keys. */
export interface WrapRecipient {
  memberId: string;
  x25519Public: Uint8Array;
  keyId: string;
}

/** Who grants: a member and their account's Ed25519 private key; keyId is that key's id (hex SHA-256 of SPKI). */
export interface WrapGranter {
  memberId: string;
  signingKey: KeyObject;
  keyId: string;
}

/** What the reader expects a wrap to be; anything else is refused. */
export interface UnwrapExpectation {
  caseId: string;
  compartment: Compartment;
  epoch: number;
  recipient: {
    memberId: string;
    /** The member's confirmed key id (memberKeyId): a wrap sealed to earlier keys is refused. */
    keyId: string;
    /** The member's X25519 private key (key ring sharingKey().privateKey). */
    x25519Private: KeyObject;
  };
  granter: {
    /** SPKI DER of the Ed25519 key that signed: look it up by the wrap's granterKeyId (current or retired). */
    ed25519Public: Uint8Array;
    /** When given, the wrap must name this granter (e.g. only the parent grants their share compartment). */
    memberId?: string;
  };
}

const WRAP_INFO_LABEL = 'nmk/case-key-wrap/v1';
const MEMBER_KEY_LABEL = 'nmk/member-key/v1';
const KEY_BYTES = 32;

/** Length-prefixed fields (4-byte big-endian length, then the bytes): different fields never give the same bytes. */
function lengthPrefixed(fields: readonly (string | Uint8Array)[]): Buffer {
  return Buffer.concat(
    fields.flatMap((field) => {
      const bytes = typeof field === 'string' ? Buffer.from(field, 'utf8') : Buffer.from(field);
      const length = Buffer.alloc(4);
      length.writeUInt32BE(bytes.length);
      return [length, bytes];
    }),
  );
}

function checkEpoch(epoch: number): void {
  if (!Number.isSafeInteger(epoch) || epoch < 0) throw new Error('the epoch must be a whole number');
}

/** A new random compartment key at `epoch`; its id is random too, so two keys never share one. */
export function newCompartmentKey(caseId: string, compartment: Compartment, epoch: number): CompartmentKey {
  checkEpoch(epoch);
  const bytes = randomBytes(KEY_BYTES);
  try {
    return { caseId, compartment, epoch, key: symmetricKey(randomBytes(16).toString('base64url'), bytes) };
  } finally {
    bytes.fill(0);
  }
}

/** The HPKE info of a wrap: what it is for, and for whom. */
function wrapInfo(caseId: string, compartment: Compartment, epoch: number, memberId: string, keyId: string): Buffer {
  return lengthPrefixed([WRAP_INFO_LABEL, caseId, compartment, String(epoch), memberId, keyId]);
}

function signedWrapBytes(enc: Uint8Array, ciphertext: Uint8Array, info: Uint8Array, granter: string, keyId: string) {
  return lengthPrefixed([enc, ciphertext, info, granter, keyId]);
}

const x25519 = (der: Uint8Array): KeyObject => {
  const key = publicKeyFrom(der);
  if (key.asymmetricKeyType !== 'x25519') throw new Error('an X25519 public key is needed');
  return key;
};

const spkiOf = (key: KeyObject): Buffer =>
  (key.type === 'public' ? key : createPublicKey(key)).export({ type: 'spki', format: 'der' });

/** Wraps a compartment key to one member: HPKE to their X25519 key, signed by the granter. */
export function wrapCompartmentKey(input: {
  key: CompartmentKey;
  recipient: WrapRecipient;
  granter: WrapGranter;
}): StoredKeyWrap {
  const { key, recipient, granter } = input;
  checkEpoch(key.epoch);
  if (granter.signingKey.asymmetricKeyType !== 'ed25519') throw new Error('the granter signs with an Ed25519 key');
  if (signingKeyId(spkiOf(granter.signingKey)) !== granter.keyId) {
    throw new Error("the granter's key id is not the id of its signing key");
  }
  const info = wrapInfo(key.caseId, key.compartment, key.epoch, recipient.memberId, recipient.keyId);
  const keyBytes = key.key.key.export();
  const plaintext = Buffer.concat([keyBytes, Buffer.from(key.key.id, 'utf8')]);
  try {
    const { enc, ciphertext } = sealBase(x25519(recipient.x25519Public), info, plaintext);
    const signature = signMessage(
      granter.signingKey,
      'case-key-wrap',
      signedWrapBytes(enc, ciphertext, info, granter.memberId, granter.keyId),
    );
    return {
      caseId: key.caseId,
      compartment: key.compartment,
      epoch: key.epoch,
      memberId: recipient.memberId,
      recipientKeyId: recipient.keyId,
      enc: enc.toString('base64url'),
      ciphertext: ciphertext.toString('base64url'),
      granterMemberId: granter.memberId,
      granterKeyId: granter.keyId,
      signature: signature.toString('base64url'),
    };
  } finally {
    keyBytes.fill(0);
    plaintext.fill(0);
  }
}

/** Strict base64url: only the one spelling of the bytes, so no changed character goes unnoticed. */
function decodeStrict(text: string): Buffer {
  const bytes = Buffer.from(text, 'base64url');
  if (bytes.toString('base64url') !== text) throw new KeyWrapRefused();
  return bytes;
}

/**
 * Granters' signing keys as key objects, by their SPKI: reading a key (OpenSSL 3) costs about as much as checking
 * the signature, and the same few granters' keys are read on every opening of a case. Public values; bounded.
 */
const granterKeys = new Map<string, KeyObject>();
const GRANTER_KEYS_MAX = 4096;

function granterKeyObject(spki: Uint8Array): KeyObject {
  const id = Buffer.from(spki).toString('base64');
  let key = granterKeys.get(id);
  if (key === undefined) {
    key = publicKeyFrom(spki);
    if (granterKeys.size >= GRANTER_KEYS_MAX) granterKeys.clear();
    granterKeys.set(id, key);
  }
  return key;
}

/** Opens a member's wrap, or throws KeyWrapRefused (whatever the reason). */
export function unwrapCompartmentKey(wrap: StoredKeyWrap, expected: UnwrapExpectation): CompartmentKey {
  const { recipient, granter } = expected;
  if (
    wrap.caseId !== expected.caseId ||
    wrap.compartment !== expected.compartment ||
    wrap.epoch !== expected.epoch ||
    wrap.memberId !== recipient.memberId ||
    wrap.recipientKeyId !== recipient.keyId ||
    (granter.memberId !== undefined && wrap.granterMemberId !== granter.memberId) ||
    !Number.isSafeInteger(expected.epoch) ||
    expected.epoch < 0
  ) {
    throw new KeyWrapRefused();
  }
  let plaintext: Buffer | undefined;
  try {
    if (signingKeyId(granter.ed25519Public) !== wrap.granterKeyId) throw new KeyWrapRefused();
    const enc = decodeStrict(wrap.enc);
    const ciphertext = decodeStrict(wrap.ciphertext);
    const signature = decodeStrict(wrap.signature);
    // The binding is made from what the reader expects, never from the stored fields.
    const info = wrapInfo(expected.caseId, expected.compartment, expected.epoch, recipient.memberId, recipient.keyId);
    const signed = signedWrapBytes(enc, ciphertext, info, wrap.granterMemberId, wrap.granterKeyId);
    if (!verifyMessage(granterKeyObject(granter.ed25519Public), 'case-key-wrap', signed, signature)) {
      throw new KeyWrapRefused();
    }
    plaintext = openBase(encapsulatedKeyFrom(enc), recipient.x25519Private, info, hpkeCiphertextFrom(ciphertext));
    if (plaintext.length <= KEY_BYTES) throw new KeyWrapRefused();
    const key = symmetricKey(plaintext.subarray(KEY_BYTES).toString('utf8'), plaintext.subarray(0, KEY_BYTES));
    return { caseId: expected.caseId, compartment: expected.compartment, epoch: expected.epoch, key };
  } catch {
    // HpkeFailed, a malformed public key, a key id that is not one: all the same to the caller.
    throw new KeyWrapRefused();
  } finally {
    plaintext?.fill(0);
  }
}

/**
 * A compartment's next epoch when a member leaves it (removed, suspended, unshared): a fresh key at epoch + 1 and
 * a wrap for each remaining holder. The caller stores both in one transaction, with the epoch bump and the
 * deletion of the departed member's wraps, and keeps the remaining holders' wraps of older epochs.
 */
export function rotateCompartment(input: {
  previous: Pick<CompartmentKey, 'caseId' | 'compartment' | 'epoch'>;
  holders: readonly WrapRecipient[];
  granter: WrapGranter;
}): { key: CompartmentKey; wraps: StoredKeyWrap[] } {
  const { previous, holders, granter } = input;
  if (new Set(holders.map((holder) => holder.memberId)).size !== holders.length) {
    throw new Error('each holder once');
  }
  const key = newCompartmentKey(previous.caseId, previous.compartment, previous.epoch + 1);
  return { key, wraps: holders.map((recipient) => wrapCompartmentKey({ key, recipient, granter })) };
}

/** What case content is sealed as: the case's label (child's name or nickname) or an item (agreement, message …). */
export type CaseContentPurpose = 'case/label' | 'case/item';

const contentPlace = (key: CompartmentKey, purpose: SealContext['purpose'], recordId: string): SealContext => ({
  purpose,
  ownerId: key.caseId,
  recordId,
  epoch: key.epoch,
});

/** Seals case content under a compartment key at its epoch, bound to the case and the row `recordId`. */
export function sealCaseContent(
  key: CompartmentKey,
  purpose: CaseContentPurpose,
  recordId: string,
  plaintext: Uint8Array | string,
): Ciphertext {
  const bytes = typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext;
  return seal(key.key, bytes, contentPlace(key, purpose, recordId));
}

/** Opens case content; throws DecryptionFailed for another key or epoch, row, case, purpose or a changed byte. */
export function openCaseContent(
  key: CompartmentKey,
  purpose: CaseContentPurpose,
  recordId: string,
  ciphertext: Ciphertext,
): Buffer {
  return open(key.key, ciphertext, contentPlace(key, purpose, recordId));
}

/** openCaseContent as text (UTF-8). */
export function openCaseText(
  key: CompartmentKey,
  purpose: CaseContentPurpose,
  recordId: string,
  ciphertext: Ciphertext,
): string {
  return openCaseContent(key, purpose, recordId, ciphertext).toString('utf8');
}

function shareKeyOnly(key: CompartmentKey): void {
  if (!key.compartment.startsWith('share:')) throw new Error("a journal entry's key goes under a share compartment");
}

/**
 * Wraps a shared journal entry's data key under the parent's share compartment key (purpose 'case/entry-key'),
 * bound to the case, the entry (`entryId`), the data key's id and the epoch.
 */
export function wrapEntryKey(shareKey: CompartmentKey, entryId: string, dataKey: SymmetricKey): WrappedKey {
  shareKeyOnly(shareKey);
  return wrapKey(shareKey.key, dataKey, contentPlace(shareKey, 'case/entry-key', entryId));
}

/** Opens a shared entry's data key; throws KeyWrapRefused for another key, epoch, case, entry or a changed byte. */
export function unwrapEntryKey(
  shareKey: CompartmentKey,
  entryId: string,
  dataKeyId: string,
  wrapped: WrappedKey,
): SymmetricKey {
  shareKeyOnly(shareKey);
  try {
    return unwrapKey(shareKey.key, wrapped, dataKeyId, contentPlace(shareKey, 'case/entry-key', entryId));
  } catch (error) {
    if (error instanceof DecryptionFailed) throw new KeyWrapRefused();
    throw error;
  }
}

function checkedSpki(der: Uint8Array, type: 'x25519' | 'ed25519'): Buffer {
  const key = publicKeyFrom(der);
  if (key.asymmetricKeyType !== type) throw new Error(`an ${type} public key is needed`);
  return spkiOf(key);
}

/**
 * The id of a member's pair of public keys (X25519 for wraps, Ed25519 for signatures): hex SHA-256 over both SPKI,
 * length-prefixed. Stored as the member's confirmed key id; a key rotation changes it.
 */
export function memberKeyId(x25519Public: Uint8Array, ed25519Public: Uint8Array): string {
  const fields = lengthPrefixed([
    MEMBER_KEY_LABEL,
    checkedSpki(x25519Public, 'x25519'),
    checkedSpki(ed25519Public, 'ed25519'),
  ]);
  return createHash('sha256').update(fields).digest('hex');
}

/** One side of a safety number: a member's public keys and a stable id (the member id). */
export interface SafetyNumberParty {
  x25519Public: Uint8Array;
  ed25519Public: Uint8Array;
  id: string;
}

/**
 * Iterations of SHA-512 per side. Signal's NumericFingerprint uses 5,200 for 30 digits per side; here both sides
 * are hashed together into one 30-digit number (about 99.7 bits), so matching it by grinding keys is out of reach
 * without iterations, which only make each guess dearer. 1,024 keeps that margin (10 bits) at a few milliseconds
 * per number on the server (5,200 took 15–35 ms on the development machine), as a case page shows one per member.
 */
export const SAFETY_NUMBER_ITERATIONS = 1024;
const SAFETY_NUMBER_VERSION = Buffer.from([0, 1]);

/** Signal's per-side fingerprint: SHA-512 iterated over (version ‖ key ‖ id), then (hash ‖ key). */
function sideFingerprint(party: SafetyNumberParty): Buffer {
  const publicKey = lengthPrefixed([
    checkedSpki(party.x25519Public, 'x25519'),
    checkedSpki(party.ed25519Public, 'ed25519'),
  ]);
  let hash = Buffer.concat([SAFETY_NUMBER_VERSION, publicKey, lengthPrefixed([party.id])]);
  for (let round = 0; round < SAFETY_NUMBER_ITERATIONS; round += 1) {
    hash = createHash('sha512').update(hash).update(publicKey).digest();
  }
  return hash;
}

/**
 * The number two members compare out of band before keys flow: 30 digits in six groups of five, the same whichever
 * side computes it, and different when any of the four public keys (or either id) changes. Unlike Signal's 60
 * digits (30 per side, side by side), both sides' fingerprints are hashed together, so all 30 digits depend on
 * both members (about 99 bits).
 */
export function safetyNumber(a: SafetyNumberParty, b: SafetyNumberParty): string {
  const sides = [sideFingerprint(a), sideFingerprint(b)].sort((first, second) => Buffer.compare(first, second));
  const joint = createHash('sha512').update(SAFETY_NUMBER_VERSION).update(lengthPrefixed(sides)).digest();
  const groups: string[] = [];
  for (let offset = 0; offset < 30; offset += 5) {
    // Five bytes as a 40-bit number, modulo 100000, as Signal's getEncodedChunk.
    const chunk = joint.readUIntBE(offset, 5) % 100_000;
    groups.push(String(chunk).padStart(5, '0'));
  }
  return groups.join(' ');
}
