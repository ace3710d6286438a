import { createHash } from 'node:crypto';
import { installSha256 } from '../evidence/sha256.js';

/** Node's native SHA-256 for the evidence library (same bytes as the portable one; faster on small inputs). */
export function useNativeSha256(): void {
  installSha256((...parts) => {
    const hash = createHash('sha256');
    for (const part of parts) hash.update(part);
    return hash.digest();
  });
}
