import { createHash, hash } from 'node:crypto';
import { installSha256 } from '../evidence/sha256.js';

/**
 * Node's native SHA-256 for the evidence library (same bytes as the portable one; faster on small inputs).
 * Small inputs go through the one-shot `crypto.hash` (Node ≥ 20.12), which skips creating a Hash object; a
 * verifier hashes tens of thousands of 65-byte Merkle nodes and leaves.
 */
export function useNativeSha256(): void {
  installSha256((...parts) => {
    if (parts.length === 1) return hash('sha256', parts[0]!, 'buffer');
    let length = 0;
    for (const part of parts) length += part.length;
    // Small inputs (a salt and an entry's content): one copy is cheaper than a Hash object.
    if (length <= 64 * 1024) return hash('sha256', Buffer.concat(parts, length), 'buffer');
    const digest = createHash('sha256');
    for (const part of parts) digest.update(part);
    return digest.digest();
  });
}
