import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';

/*
 * The functions of RFC 9180 (HPKE) for one suite — DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20Poly1305 —
 * in mode base, written after the RFC's pseudo-code over node:crypto's X25519, HMAC-SHA-256 and
 * ChaCha20-Poly1305. Bytes in, bytes out: this is the layer the RFC's test vectors check. Application code uses
 * hpke.ts, whose values are typed and whose secrets stay inside a context; only hpke.ts and the tests import
 * this file.
 */

export const KEM_ID = 0x0020;
export const KDF_ID = 0x0001;
export const AEAD_ID = 0x0003;
const MODE_BASE = 0x00;

/** Sizes from RFC 9180 §7.1–7.3 for this suite. */
export const sizes = { secret: 32, enc: 32, publicKey: 32, privateKey: 32, hash: 32, key: 32, nonce: 12, tag: 16 };

/** Raised for every failure that depends on a secret or on what a peer sent: no detail on purpose. */
export class HpkeFailed extends Error {
  constructor() {
    super('HPKE: the value could not be opened or the key was not acceptable');
    this.name = 'HpkeFailed';
  }
}

function i2osp(value: number, length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let rest = value;
  for (let index = length - 1; index >= 0 && rest > 0; index -= 1) {
    bytes[index] = rest % 256;
    rest = Math.floor(rest / 256);
  }
  return bytes;
}

const ascii = (text: string): Buffer => Buffer.from(text, 'ascii');
const KEM_SUITE_ID = Buffer.concat([ascii('KEM'), i2osp(KEM_ID, 2)]);
const HPKE_SUITE_ID = Buffer.concat([ascii('HPKE'), i2osp(KEM_ID, 2), i2osp(KDF_ID, 2), i2osp(AEAD_ID, 2)]);
const VERSION_LABEL = ascii('HPKE-v1');
const EMPTY = Buffer.alloc(0);

/** HKDF-Extract (RFC 5869 §2.2); an empty salt is HMAC's zero-filled key, as HKDF specifies. */
function extract(salt: Uint8Array, ikm: Uint8Array): Buffer {
  return createHmac('sha256', salt).update(ikm).digest();
}

/** HKDF-Expand (RFC 5869 §2.3). */
function expand(prk: Uint8Array, info: Uint8Array, length: number): Buffer {
  if (!Number.isInteger(length) || length < 0 || length > 255 * sizes.hash) throw new RangeError('HKDF length');
  const blocks: Buffer[] = [];
  let previous = EMPTY;
  for (let counter = 1; blocks.length * sizes.hash < length; counter += 1) {
    previous = createHmac('sha256', prk).update(previous).update(info).update(Uint8Array.of(counter)).digest();
    blocks.push(previous);
  }
  return Buffer.concat(blocks).subarray(0, length);
}

function labeledExtract(suiteId: Buffer, salt: Uint8Array, label: string, ikm: Uint8Array): Buffer {
  return extract(salt, Buffer.concat([VERSION_LABEL, suiteId, ascii(label), ikm]));
}

function labeledExpand(suiteId: Buffer, prk: Uint8Array, label: string, info: Uint8Array, length: number): Buffer {
  if (length > 0xffff) throw new RangeError('HKDF length');
  return expand(prk, Buffer.concat([i2osp(length, 2), VERSION_LABEL, suiteId, ascii(label), info]), length);
}

// DER wrappers around the raw 32-byte X25519 keys (RFC 8410): Node 20 imports X25519 keys only as DER or JWK.
const SPKI_PREFIX = Buffer.from('302a300506032b656e032100', 'hex');
const PKCS8_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');

const derOf = {
  public: { prefix: SPKI_PREFIX, type: 'spki' },
  private: { prefix: PKCS8_PREFIX, type: 'pkcs8' },
} as const;

function requireX25519(key: KeyObject, kind: keyof typeof derOf): void {
  if (key.type !== kind || key.asymmetricKeyType !== 'x25519') throw new TypeError(`an X25519 ${kind} key is needed`);
}

/** The raw 32 bytes of an X25519 key (SerializePublicKey, and its private twin for the tests). */
function rawBytes(key: KeyObject, kind: keyof typeof derOf): Buffer {
  requireX25519(key, kind);
  return key.export({ type: derOf[kind].type, format: 'der' }).subarray(derOf[kind].prefix.length);
}

/** An X25519 key from its raw 32 bytes (DeserializePublicKey), or HpkeFailed. */
function fromRawBytes(bytes: Uint8Array, kind: keyof typeof derOf): KeyObject {
  if (bytes.length !== sizes.publicKey) throw new HpkeFailed();
  const key = Buffer.concat([derOf[kind].prefix, bytes]);
  return kind === 'public'
    ? createPublicKey({ key, format: 'der', type: 'spki' })
    : createPrivateKey({ key, format: 'der', type: 'pkcs8' });
}

export const serializePublicKey = (publicKey: KeyObject): Buffer => rawBytes(publicKey, 'public');
export const deserializePublicKey = (bytes: Uint8Array): KeyObject => fromRawBytes(bytes, 'public');
export const serializePrivateKey = (privateKey: KeyObject): Buffer => rawBytes(privateKey, 'private');
export const deserializePrivateKey = (bytes: Uint8Array): KeyObject => fromRawBytes(bytes, 'private');

export interface X25519KeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** DeriveKeyPair for X25519 (RFC 9180 §7.1.3): the expanded bytes are the private key; X25519 clamps them. */
export function deriveKeyPair(ikm: Uint8Array): X25519KeyPair {
  const prk = labeledExtract(KEM_SUITE_ID, EMPTY, 'dkp_prk', ikm);
  const bytes = labeledExpand(KEM_SUITE_ID, prk, 'sk', EMPTY, sizes.privateKey);
  const privateKey = deserializePrivateKey(bytes);
  bytes.fill(0);
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

/** X25519, refusing the all-zero output of a small-order public key (RFC 9180 §7.1.4). */
function dh(privateKey: KeyObject, publicKey: KeyObject): Buffer {
  let shared: Buffer;
  try {
    // OpenSSL already refuses an all-zero result; the check below does not rely on that.
    shared = diffieHellman({ privateKey, publicKey });
  } catch {
    throw new HpkeFailed();
  }
  if (shared.every((byte) => byte === 0)) throw new HpkeFailed();
  return shared;
}

function extractAndExpand(dhOutput: Buffer, kemContext: Buffer): Buffer {
  const prk = labeledExtract(KEM_SUITE_ID, EMPTY, 'eae_prk', dhOutput);
  return labeledExpand(KEM_SUITE_ID, prk, 'shared_secret', kemContext, sizes.secret);
}

/** Encap(pkR); the ephemeral key is fresh unless a known-answer test gives one. */
export function encap(recipientPublicKey: KeyObject, ephemeral?: X25519KeyPair): { sharedSecret: Buffer; enc: Buffer } {
  requireX25519(recipientPublicKey, 'public');
  const pair = ephemeral ?? generateKeyPairSync('x25519');
  const dhOutput = dh(pair.privateKey, recipientPublicKey);
  const enc = serializePublicKey(pair.publicKey);
  const sharedSecret = extractAndExpand(dhOutput, Buffer.concat([enc, serializePublicKey(recipientPublicKey)]));
  dhOutput.fill(0);
  return { sharedSecret, enc };
}

/**
 * What decap imports and exports, kept: with OpenSSL 3 reading a key costs more than the DH itself, a stored `enc`
 * (a case key wrap's) is opened again on every request, and one private key opens several in a request. Public
 * values only; the map of `enc` keys is bounded (emptied when full).
 */
const encKeys = new Map<string, KeyObject>();
const ENC_KEYS_MAX = 4096;
const publicOfPrivate = new WeakMap<KeyObject, Buffer>();

function encKey(enc: Uint8Array): KeyObject {
  const id = Buffer.from(enc).toString('base64');
  let key = encKeys.get(id);
  if (key === undefined) {
    key = deserializePublicKey(enc);
    if (encKeys.size >= ENC_KEYS_MAX) encKeys.clear();
    encKeys.set(id, key);
  }
  return key;
}

function publicOf(privateKey: KeyObject): Buffer {
  let bytes = publicOfPrivate.get(privateKey);
  if (bytes === undefined) {
    bytes = serializePublicKey(createPublicKey(privateKey));
    publicOfPrivate.set(privateKey, bytes);
  }
  return bytes;
}

/** Decap(enc, skR). */
export function decap(enc: Uint8Array, recipientPrivateKey: KeyObject): Buffer {
  requireX25519(recipientPrivateKey, 'private');
  const dhOutput = dh(recipientPrivateKey, encKey(enc));
  const recipientPublic = publicOf(recipientPrivateKey);
  const sharedSecret = extractAndExpand(dhOutput, Buffer.concat([enc, recipientPublic]));
  dhOutput.fill(0);
  return sharedSecret;
}

export interface KeySchedule {
  key: Buffer;
  baseNonce: Buffer;
  exporterSecret: Buffer;
}

/** KeySchedule (RFC 9180 §5.1) in mode base: no PSK, no sender key. */
export function keyScheduleBase(sharedSecret: Uint8Array, info: Uint8Array): KeySchedule {
  const pskIdHash = labeledExtract(HPKE_SUITE_ID, EMPTY, 'psk_id_hash', EMPTY);
  const infoHash = labeledExtract(HPKE_SUITE_ID, EMPTY, 'info_hash', info);
  const context = Buffer.concat([Uint8Array.of(MODE_BASE), pskIdHash, infoHash]);
  const secret = labeledExtract(HPKE_SUITE_ID, sharedSecret, 'secret', EMPTY);
  const schedule = {
    key: labeledExpand(HPKE_SUITE_ID, secret, 'key', context, sizes.key),
    baseNonce: labeledExpand(HPKE_SUITE_ID, secret, 'base_nonce', context, sizes.nonce),
    exporterSecret: labeledExpand(HPKE_SUITE_ID, secret, 'exp', context, sizes.hash),
  };
  secret.fill(0);
  return schedule;
}

/** The largest sequence number a context uses: below the RFC's 2^96 − 1 and exact in a JavaScript number. */
export const MAX_SEQUENCE = Number.MAX_SAFE_INTEGER - 1;

/** ComputeNonce(seq): the base nonce XOR the big-endian sequence number. */
export function computeNonce(baseNonce: Buffer, sequence: number): Buffer {
  if (!Number.isSafeInteger(sequence) || sequence < 0 || sequence > MAX_SEQUENCE) throw new RangeError('sequence');
  const nonce = Buffer.from(baseNonce);
  const sequenceBytes = i2osp(sequence, sizes.nonce);
  for (let index = 0; index < sizes.nonce; index += 1) nonce[index]! ^= sequenceBytes[index]!;
  return nonce;
}

export function aeadSeal(key: Buffer, nonce: Buffer, aad: Uint8Array, plaintext: Uint8Array): Buffer {
  const cipher = createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: sizes.tag });
  cipher.setAAD(aad, { plaintextLength: plaintext.length });
  return Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
}

export function aeadOpen(key: Buffer, nonce: Buffer, aad: Uint8Array, ciphertext: Uint8Array): Buffer {
  if (ciphertext.length < sizes.tag) throw new HpkeFailed();
  const body = ciphertext.subarray(0, ciphertext.length - sizes.tag);
  try {
    const decipher = createDecipheriv('chacha20-poly1305', key, nonce, { authTagLength: sizes.tag });
    decipher.setAAD(aad, { plaintextLength: body.length });
    decipher.setAuthTag(ciphertext.subarray(ciphertext.length - sizes.tag));
    return Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    throw new HpkeFailed();
  }
}

/** Context.Export (RFC 9180 §5.3): at most 255 × 32 bytes. */
export function secretExport(exporterSecret: Buffer, exporterContext: Uint8Array, length: number): Buffer {
  if (!Number.isInteger(length) || length < 1 || length > 255 * sizes.hash) throw new RangeError('export length');
  return labeledExpand(HPKE_SUITE_ID, exporterSecret, 'sec', exporterContext, length);
}
