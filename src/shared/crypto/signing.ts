import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from 'node:crypto';

/*
 * Ed25519 account signatures. Node 20 silently ignores Ed25519 contexts, so every signed message starts with a
 * byte prefix naming its purpose ("nmk/v1/<purpose>\n"): a signature made for one purpose never verifies as
 * another.
 */

/**
 * The export format's purposes have the same names and bytes here (src/shared/evidence/format.ts,
 * docs/export-format.md §1). 'key-grant', 'case-key-wrap' (a case compartment key wrapped to a member,
 * src/features/cases/case-keys.ts) and 'test' are never part of an export, so the format does not list them.
 */
export type SignaturePurpose =
  'leaf' | 'checkpoint' | 'global-root' | 'key-grant' | 'key-rotation' | 'export' | 'case-key-wrap' | 'test';

function prefixed(purpose: SignaturePurpose, message: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from(`nmk/v1/${purpose}\n`, 'utf8'), message]);
}

export function signMessage(privateKey: KeyObject, purpose: SignaturePurpose, message: Uint8Array): Buffer {
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('signing needs an Ed25519 key');
  return sign(null, prefixed(purpose, message), privateKey);
}

export function verifyMessage(
  publicKey: KeyObject,
  purpose: SignaturePurpose,
  message: Uint8Array,
  signature: Uint8Array,
): boolean {
  if (publicKey.asymmetricKeyType !== 'ed25519' || signature.length !== 64) return false;
  return verify(null, prefixed(purpose, message), publicKey, signature);
}

export interface KeyPairBytes {
  /** SPKI DER of the public key. */
  publicKey: Buffer;
  /** PKCS#8 DER of the private key: seal it before it goes anywhere. */
  privateKey: Buffer;
}

export function generateKeyPair(type: 'ed25519' | 'x25519'): KeyPairBytes {
  const pair = type === 'ed25519' ? generateKeyPairSync('ed25519') : generateKeyPairSync('x25519');
  return {
    publicKey: pair.publicKey.export({ type: 'spki', format: 'der' }),
    privateKey: pair.privateKey.export({ type: 'pkcs8', format: 'der' }),
  };
}

export const publicKeyFrom = (der: Uint8Array): KeyObject =>
  createPublicKey({ key: Buffer.from(der), format: 'der', type: 'spki' });
export const privateKeyFrom = (der: Uint8Array): KeyObject =>
  createPrivateKey({ key: Buffer.from(der), format: 'der', type: 'pkcs8' });
