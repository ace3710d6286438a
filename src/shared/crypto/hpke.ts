import { type KeyObject } from 'node:crypto';
import { type SymmetricKey, symmetricKey } from './aead.js';
import {
  aeadOpen,
  aeadSeal,
  computeNonce,
  decap,
  deriveKeyPair,
  encap,
  HpkeFailed,
  type KeySchedule,
  keyScheduleBase,
  MAX_SEQUENCE,
  secretExport,
  sizes,
  type X25519KeyPair,
} from './hpke-rfc9180.js';

/*
 * HPKE (RFC 9180), mode base, one suite: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20Poly1305 (ADR 0018).
 * It seals to a user's X25519 public key (the pair made at sign-up, user-keys.ts): a sender who holds only the
 * public key can give a key or a message to that user, and only the holder of the private key (opened from the
 * key ring) can read it. The key, nonce and exporter secret never leave a context; what goes to storage is typed.
 */

export { deriveKeyPair, HpkeFailed, type X25519KeyPair };

declare const encapsulatedKeyBrand: unique symbol;
declare const hpkeCiphertextBrand: unique symbol;
/** The sender's ephemeral public key (`enc`), stored or sent next to the ciphertexts of its context. */
export type EncapsulatedKey = Buffer & { readonly [encapsulatedKeyBrand]: true };
/** A ChaCha20-Poly1305 ciphertext of one HPKE context, tag included. Only a sender context makes one. */
export type HpkeCiphertext = Buffer & { readonly [hpkeCiphertextBrand]: true };

/** Reads a stored `enc` back; anything but 32 bytes is refused. */
export function encapsulatedKeyFrom(bytes: Uint8Array): EncapsulatedKey {
  if (bytes.length !== sizes.enc) throw new HpkeFailed();
  return Buffer.from(bytes) as EncapsulatedKey;
}

/** Reads a stored HPKE ciphertext back (it is only checked when opened). */
export const hpkeCiphertextFrom = (bytes: Uint8Array): HpkeCiphertext => Buffer.from(bytes) as HpkeCiphertext;

const EMPTY = new Uint8Array(0);

/** What both ends can do: derive secrets both ends agree on (Context.Export). */
export interface HpkeExporter {
  /** `length` bytes bound to this context and `exporterContext` (RFC 9180 §5.3). */
  export(exporterContext: Uint8Array, length: number): Buffer;
  /** A 256-bit key for seal/open (aead.ts), derived as an export for `exporterContext`. */
  exportKey(exporterContext: Uint8Array, keyId: string): SymmetricKey;
}

export interface HpkeSenderContext extends HpkeExporter {
  readonly enc: EncapsulatedKey;
  /** Seals the next message; the recipient opens messages in the order they were sealed. */
  seal(plaintext: Uint8Array, aad?: Uint8Array): HpkeCiphertext;
}

export interface HpkeRecipientContext extends HpkeExporter {
  /** Opens the next message, or throws HpkeFailed (and stays at the same message). */
  open(ciphertext: HpkeCiphertext, aad?: Uint8Array): Buffer;
}

class Context implements HpkeExporter {
  readonly #schedule: KeySchedule;
  #sequence = 0;

  constructor(schedule: KeySchedule) {
    this.#schedule = schedule;
  }

  #nonce(): Buffer {
    if (this.#sequence > MAX_SEQUENCE) throw new RangeError('HPKE: message limit reached for this context');
    return computeNonce(this.#schedule.baseNonce, this.#sequence);
  }

  protected sealNext(plaintext: Uint8Array, aad: Uint8Array): HpkeCiphertext {
    const ciphertext = aeadSeal(this.#schedule.key, this.#nonce(), aad, plaintext);
    this.#sequence += 1;
    return ciphertext as HpkeCiphertext;
  }

  protected openNext(ciphertext: HpkeCiphertext, aad: Uint8Array): Buffer {
    const plaintext = aeadOpen(this.#schedule.key, this.#nonce(), aad, ciphertext);
    this.#sequence += 1;
    return plaintext;
  }

  export(exporterContext: Uint8Array, length: number): Buffer {
    return secretExport(this.#schedule.exporterSecret, exporterContext, length);
  }

  exportKey(exporterContext: Uint8Array, keyId: string): SymmetricKey {
    const bytes = this.export(exporterContext, 32);
    try {
      return symmetricKey(keyId, bytes);
    } finally {
      bytes.fill(0);
    }
  }
}

class SenderContext extends Context implements HpkeSenderContext {
  constructor(
    schedule: KeySchedule,
    readonly enc: EncapsulatedKey,
  ) {
    super(schedule);
  }

  seal(plaintext: Uint8Array, aad: Uint8Array = EMPTY): HpkeCiphertext {
    return this.sealNext(plaintext, aad);
  }
}

class RecipientContext extends Context implements HpkeRecipientContext {
  open(ciphertext: HpkeCiphertext, aad: Uint8Array = EMPTY): Buffer {
    return this.openNext(ciphertext, aad);
  }
}

export interface SetupOptions {
  /** Only for known-answer tests: the ephemeral key pair the RFC's vectors use instead of a fresh one. */
  ephemeral?: X25519KeyPair;
}

/** SetupBaseS: a context that seals to `recipientPublicKey` (an X25519 public key) under `info`. */
export function setupBaseS(
  recipientPublicKey: KeyObject,
  info: Uint8Array,
  options: SetupOptions = {},
): HpkeSenderContext {
  const { sharedSecret, enc } = encap(recipientPublicKey, options.ephemeral);
  const schedule = keyScheduleBase(sharedSecret, info);
  sharedSecret.fill(0);
  return new SenderContext(schedule, enc as EncapsulatedKey);
}

/** SetupBaseR: the matching context for the holder of the private key; throws HpkeFailed for a bad `enc`. */
export function setupBaseR(
  enc: EncapsulatedKey,
  recipientPrivateKey: KeyObject,
  info: Uint8Array,
): HpkeRecipientContext {
  const sharedSecret = decap(enc, recipientPrivateKey);
  const schedule = keyScheduleBase(sharedSecret, info);
  sharedSecret.fill(0);
  return new RecipientContext(schedule);
}

/** Single-shot seal (RFC 9180 §6.1): one message to one recipient. */
export function sealBase(
  recipientPublicKey: KeyObject,
  info: Uint8Array,
  plaintext: Uint8Array,
  aad: Uint8Array = EMPTY,
): { enc: EncapsulatedKey; ciphertext: HpkeCiphertext } {
  const context = setupBaseS(recipientPublicKey, info);
  return { enc: context.enc, ciphertext: context.seal(plaintext, aad) };
}

/** Single-shot open: throws HpkeFailed for a wrong key, info, aad or a changed byte. */
export function openBase(
  enc: EncapsulatedKey,
  recipientPrivateKey: KeyObject,
  info: Uint8Array,
  ciphertext: HpkeCiphertext,
  aad: Uint8Array = EMPTY,
): Buffer {
  return setupBaseR(enc, recipientPrivateKey, info).open(ciphertext, aad);
}
