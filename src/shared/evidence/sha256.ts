import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';

/*
 * SHA-256 of the concatenated parts. The evidence library runs in the browser (the offline /verifieer page) and
 * in Node (server, CLI); @noble/hashes works in both. Node's native SHA-256 is several times faster for the
 * many small inputs of a Merkle log, so Node entry points install it with useNodeNatives (src/shared/crypto/
 * node-natives.ts); the answers are the same bytes (tested).
 */

export type Sha256 = (...parts: readonly Uint8Array[]) => Uint8Array;

const noble: Sha256 = (...parts) => {
  if (parts.length === 1) return nobleSha256(parts[0]!);
  const hash = nobleSha256.create();
  for (const part of parts) hash.update(part);
  return hash.digest();
};

let implementation: Sha256 = noble;

export const sha256: Sha256 = (...parts) => implementation(...parts);

/** Installs another implementation of the same function (Node's native one). */
export function installSha256(next: Sha256): void {
  implementation = next;
}

/** The portable implementation, for tests that compare. */
export const portableSha256: Sha256 = noble;
