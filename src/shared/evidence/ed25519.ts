import { isEd25519Spki } from './format.js';

/*
 * Ed25519 verification through WebCrypto (`globalThis.crypto.subtle`, algorithm "Ed25519", SPKI import), which
 * Node 20 and current Chromium both provide, so the CLI and the offline page run the same code.
 */

/** A public key ready to verify with; undefined when the bytes are not an Ed25519 SPKI or WebCrypto refuses them. */
export async function importEd25519PublicKey(spki: Uint8Array): Promise<CryptoKey | undefined> {
  if (!isEd25519Spki(spki)) return undefined;
  try {
    return await globalThis.crypto.subtle.importKey('spki', new Uint8Array(spki), { name: 'Ed25519' }, false, [
      'verify',
    ]);
  } catch {
    return undefined;
  }
}

/** Checks one signature; resolves to false on any error (the key came from importEd25519PublicKey). */
export type Ed25519Verifier = (key: CryptoKey, signature: Uint8Array, message: Uint8Array) => Promise<boolean>;

let installed: Ed25519Verifier | undefined;

/** Installs another verifier with the same answers (Node's crypto.verify: less work per call on the main thread). */
export function installEd25519Verifier(next: Ed25519Verifier | undefined): void {
  installed = next;
}

/** True when `signature` is a valid Ed25519 signature by `key` over `message`; never throws. */
export async function verifyEd25519(key: CryptoKey, signature: Uint8Array, message: Uint8Array): Promise<boolean> {
  if (signature.length !== 64) return false;
  if (installed !== undefined) return installed(key, signature, message);
  try {
    // No copies: WebCrypto copies the bytes itself before it returns the promise.
    return await globalThis.crypto.subtle.verify(
      { name: 'Ed25519' },
      key,
      signature as Uint8Array<ArrayBuffer>,
      message as Uint8Array<ArrayBuffer>,
    );
  } catch {
    return false;
  }
}

const rfc8032TestKey = new Uint8Array(
  'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a'.match(/../g)!.map((pair) => parseInt(pair, 16)),
);

/** Whether this runtime's WebCrypto can verify Ed25519 (older browsers cannot). */
export async function ed25519Available(): Promise<boolean> {
  try {
    // RFC 8032 §7.1, test 1: a valid public key.
    const key = await globalThis.crypto.subtle.importKey('raw', rfc8032TestKey, { name: 'Ed25519' }, false, ['verify']);
    await globalThis.crypto.subtle.verify({ name: 'Ed25519' }, key, new Uint8Array(64), new Uint8Array(0));
    return true;
  } catch {
    return false;
  }
}
