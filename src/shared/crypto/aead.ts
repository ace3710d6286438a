import { createCipheriv, createDecipheriv, createSecretKey, type KeyObject, randomBytes } from 'node:crypto';

/*
 * The one seal/open module: every encrypted value in the app goes through here. AES-256-GCM with a random
 * 96-bit nonce, a 16-byte tag that is enforced on open (Node 20 accepts shorter tags unless told), and
 * associated data that binds the value to its place, so a ciphertext copied to another row, user, purpose or
 * key epoch does not open. The algorithm comes from the allowlist below, never from stored data.
 */

/** What a value is for; part of the associated data, so a value sealed for one purpose never opens as another. */
export type Purpose =
  | 'master-key/passphrase'
  | 'master-key/recovery'
  | 'master-key/session'
  | 'private-key/x25519'
  | 'private-key/ed25519'
  | 'totp-secret'
  | 'passkey-nickname'
  | 'journal/entry'
  | 'journal/data-key'
  | 'journal/index'
  | 'journal/attachment'
  | 'diary/entry'
  | 'diary/data-key'
  | 'case/label'
  | 'case/item'
  | 'case/entry-key'
  | 'case/police-bundle'
  | 'trusted-person/wrap'
  | 'test';

declare const ciphertextBrand: unique symbol;
declare const wrappedKeyBrand: unique symbol;
/** A sealed value as stored: text, never plaintext. Only seal() makes one. */
export type Ciphertext = string & { readonly [ciphertextBrand]: true };
/** A sealed key as stored. Only wrapKey() makes one. */
export type WrappedKey = string & { readonly [wrappedKeyBrand]: true };

/** A 256-bit symmetric key with an id; the id travels in the ciphertext and the associated data. */
export interface SymmetricKey {
  readonly id: string;
  readonly key: KeyObject;
}

export interface SealContext {
  purpose: Purpose;
  /** The user (or case) the value belongs to. */
  ownerId: string;
  /** The row the value is stored in. */
  recordId: string;
  /** The key epoch: bumped when keys are replaced, so values from a stale epoch are refused. */
  epoch: number;
}

/** Opening failed: wrong key, changed bytes, or a value moved to another place. Deliberately no detail. */
export class DecryptionFailed extends Error {
  constructor() {
    super('The value could not be decrypted');
    this.name = 'DecryptionFailed';
  }
}

const FORMAT_VERSION = 'v1';
const algorithms = { A256GCM: { cipher: 'aes-256-gcm', keyLength: 32, nonceLength: 12, tagLength: 16 } } as const;
type AlgorithmId = keyof typeof algorithms;
const ALGORITHM: AlgorithmId = 'A256GCM';

export function symmetricKey(id: string, bytes: Uint8Array): SymmetricKey {
  if (bytes.length !== algorithms[ALGORITHM].keyLength) throw new Error('a symmetric key must be 32 bytes');
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) throw new Error('a key id is 1–64 characters of [A-Za-z0-9_-]');
  return { id, key: createSecretKey(Buffer.from(bytes)) };
}

/** Length-prefixed fields: no two different contexts can give the same bytes. */
function associatedData(algorithm: AlgorithmId, keyId: string, context: SealContext): Buffer {
  const fields = [
    FORMAT_VERSION,
    context.purpose,
    context.ownerId,
    context.recordId,
    keyId,
    algorithm,
    String(context.epoch),
  ];
  return lengthPrefixed(fields);
}

/** Length-prefixed fields (4-byte big-endian length, then the UTF-8 bytes): different fields never give the same bytes. */
export function lengthPrefixed(fields: readonly string[]): Buffer {
  return Buffer.concat(
    fields.flatMap((field) => {
      const bytes = Buffer.from(field, 'utf8');
      const length = Buffer.alloc(4);
      length.writeUInt32BE(bytes.length);
      return [length, bytes];
    }),
  );
}

/** Randomness is injectable only so known-answer tests can fix the nonce. */
export type RandomSource = (size: number) => Buffer;

function sealBytes(key: SymmetricKey, plaintext: Uint8Array, context: SealContext, random: RandomSource): string {
  if (!Number.isSafeInteger(context.epoch) || context.epoch < 0) throw new Error('the epoch must be a whole number');
  const spec = algorithms[ALGORITHM];
  const nonce = random(spec.nonceLength);
  const cipher = createCipheriv(spec.cipher, key.key, nonce, { authTagLength: spec.tagLength });
  cipher.setAAD(associatedData(ALGORITHM, key.id, context));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return [FORMAT_VERSION, ALGORITHM, key.id, nonce.toString('base64url'), body.toString('base64url')].join('.');
}

function openBytes(key: SymmetricKey, sealed: string, context: SealContext): Buffer {
  const parts = sealed.split('.');
  if (parts.length !== 5) throw new DecryptionFailed();
  const [version, algorithm, keyId, nonceText, bodyText] = parts as [string, string, string, string, string];
  // The algorithm named in stored data must be the one we use; nothing stored can choose another.
  if (version !== FORMAT_VERSION || algorithm !== ALGORITHM || keyId !== key.id) throw new DecryptionFailed();
  const spec = algorithms[ALGORITHM];
  const nonce = Buffer.from(nonceText, 'base64url');
  const body = Buffer.from(bodyText, 'base64url');
  if (nonce.length !== spec.nonceLength || body.length < spec.tagLength) throw new DecryptionFailed();
  try {
    const decipher = createDecipheriv(spec.cipher, key.key, nonce, { authTagLength: spec.tagLength });
    decipher.setAAD(associatedData(ALGORITHM, keyId, context));
    decipher.setAuthTag(body.subarray(body.length - spec.tagLength));
    return Buffer.concat([decipher.update(body.subarray(0, body.length - spec.tagLength)), decipher.final()]);
  } catch {
    throw new DecryptionFailed();
  }
}

export function seal(
  key: SymmetricKey,
  plaintext: Uint8Array,
  context: SealContext,
  random: RandomSource = randomBytes,
): Ciphertext {
  return sealBytes(key, plaintext, context, random) as Ciphertext;
}

export function open(key: SymmetricKey, ciphertext: Ciphertext, context: SealContext): Buffer {
  return openBytes(key, ciphertext, context);
}

/** Seals a key under a key-encryption key; the wrapped key's id is part of the associated data. */
export function wrapKey(
  kek: SymmetricKey,
  wrapped: SymmetricKey,
  context: SealContext,
  random: RandomSource = randomBytes,
): WrappedKey {
  const bytes = wrapped.key.export();
  return sealBytes(kek, bytes, { ...context, recordId: `${context.recordId}/${wrapped.id}` }, random) as WrappedKey;
}

export function unwrapKey(
  kek: SymmetricKey,
  wrappedKey: WrappedKey,
  keyId: string,
  context: SealContext,
): SymmetricKey {
  const bytes = openBytes(kek, wrappedKey, { ...context, recordId: `${context.recordId}/${keyId}` });
  if (bytes.length !== algorithms[ALGORITHM].keyLength) throw new DecryptionFailed();
  return symmetricKey(keyId, bytes);
}

/**
 * Moves a wrapped key from one key-encryption key to another (a key rotation): the key itself and everything
 * sealed under it stay as they are; only its wrap changes, with the new context (and so the new epoch).
 */
export function rewrapKey(
  from: { kek: SymmetricKey; context: SealContext },
  to: { kek: SymmetricKey; context: SealContext },
  wrappedKey: WrappedKey,
  keyId: string,
  random: RandomSource = randomBytes,
): WrappedKey {
  return wrapKey(to.kek, unwrapKey(from.kek, wrappedKey, keyId, from.context), to.context, random);
}

/** A value sealed under one key, sealed again under another (for the few values sealed under a master key). */
export function reseal(
  from: { key: SymmetricKey; context: SealContext },
  to: { key: SymmetricKey; context: SealContext },
  ciphertext: Ciphertext,
  random: RandomSource = randomBytes,
): Ciphertext {
  const plaintext = open(from.key, ciphertext, from.context);
  try {
    return seal(to.key, plaintext, to.context, random);
  } finally {
    plaintext.fill(0);
  }
}

/** A new random 256-bit key. */
export function generateKey(id: string): SymmetricKey {
  return symmetricKey(id, randomBytes(algorithms[ALGORITHM].keyLength));
}
