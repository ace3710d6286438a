import { createHash, hash, KeyObject, verify } from 'node:crypto';
import { installEd25519Verifier } from '../evidence/ed25519.js';
import { crc32, inflateRawSync } from 'node:zlib';
import { installBase64Decoder } from '../evidence/bytes.js';
import { installSha256 } from '../evidence/sha256.js';
import { installZipCodecs, portableZipCodecs, type RawInflater } from '../evidence/zip.js';

/*
 * Node's native primitives for the evidence library, installed by every Node entry point (server, CLI,
 * benches). The library itself is isomorphic: the offline /verifieer page runs the portable versions. Each
 * native one gives the same answers as its portable twin (tested in node-natives.test.ts); they are here
 * because a verifier runs them tens of thousands of times per bundle.
 */

/** SHA-256: the one-shot `crypto.hash` (Node ≥ 20.12) for small inputs skips creating a Hash object. */
function nativeSha256(...parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return hash('sha256', parts[0]!, 'buffer');
  let length = 0;
  for (const part of parts) length += part.length;
  // A salt and an entry's content: one copy is cheaper than a Hash object.
  if (length <= 64 * 1024) return hash('sha256', Buffer.concat(parts, length), 'buffer');
  const digest = createHash('sha256');
  for (const part of parts) digest.update(part);
  return digest.digest();
}

/**
 * zlib with `maxOutputLength`: it stops with ERR_BUFFER_TOO_LARGE as soon as the output passes the size the
 * ZIP declared (which openZip held to the ratio and total limits), so a lying header cannot make it inflate a
 * bomb.
 */
const nativeInflateRaw: RawInflater = (data, size) => {
  let out: Buffer;
  try {
    // maxOutputLength must be at least 1; one byte more than declared is then "too large" below.
    out = inflateRawSync(data, { maxOutputLength: Math.max(size, 1) });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return { ok: false, reason: code === 'ERR_BUFFER_TOO_LARGE' ? 'too-large' : 'invalid' };
  }
  if (out.length > size) return { ok: false, reason: 'too-large' };
  if (out.length < size) return { ok: false, reason: 'too-small' };
  return { ok: true, bytes: out };
};

const keyObjects = new WeakMap<CryptoKey, KeyObject>();

/** Ed25519 through crypto.verify with a callback: OpenSSL on libuv's pool, as WebCrypto, with less per call. */
function nativeVerifyEd25519(key: CryptoKey, signature: Uint8Array, message: Uint8Array): Promise<boolean> {
  let keyObject = keyObjects.get(key);
  if (keyObject === undefined) {
    keyObject = KeyObject.from(key);
    keyObjects.set(key, keyObject);
  }
  const object = keyObject;
  return new Promise((resolve) => {
    try {
      verify(null, message, object, signature, (error, valid) => resolve(error === null && valid));
    } catch {
      resolve(false);
    }
  });
}

export function useNodeNatives(): void {
  installEd25519Verifier(nativeVerifyEd25519);
  installSha256(nativeSha256);
  // Only after isCanonicalBase64 accepted the text, so Buffer's leniency never shows.
  installBase64Decoder((text) => Buffer.from(text, 'base64'));
  // zlib.crc32 came in Node 20.15; before that the portable CRC stays.
  installZipCodecs({
    inflateRaw: nativeInflateRaw,
    crc32: typeof crc32 === 'function' ? (bytes) => crc32(bytes) : portableZipCodecs.crc32,
  });
}
