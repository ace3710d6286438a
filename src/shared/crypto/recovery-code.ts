import { createHash, hkdfSync, randomBytes } from 'node:crypto';
import { base32crockford } from '@scure/base';
import { type SymmetricKey, symmetricKey } from './aead.js';

/*
 * A recovery code: 128 random bits in Crockford base32 (26 characters) plus 2 check characters, shown in
 * groups of four. Typing is forgiving: case, spaces and dashes do not matter, O reads as 0 and I/L as 1.
 * It is a key, not a password: with 128 bits it needs no slow hash, HKDF derives the key that wraps the master key.
 */

const RANDOM_BYTES = 16;
const BODY_CHARS = 26;

function checkCharacters(random: Uint8Array): string {
  // 10 bits of SHA-256 over the random part, as two Crockford characters: a typo is caught 1023 times in 1024.
  const digest = createHash('sha256').update(random).digest();
  return base32crockford.encode(digest.subarray(0, 2)).slice(0, 2);
}

export interface RecoveryCode {
  /** What the user writes down or prints: 7 groups of 4 characters. */
  display: string;
  bytes: Buffer;
}

export function generateRecoveryCode(): RecoveryCode {
  const bytes = randomBytes(RANDOM_BYTES);
  const text = `${base32crockford.encode(bytes)}${checkCharacters(bytes)}`;
  return { display: text.match(/.{1,4}/g)!.join('-'), bytes };
}

export type RecoveryCodeProblem = 'length' | 'characters' | 'checksum';

/** Reads a typed recovery code back; says what is wrong rather than throwing. */
export function parseRecoveryCode(input: string): { bytes: Buffer } | { problem: RecoveryCodeProblem } {
  if (input.length > 100) return { problem: 'length' };
  const compact = input.replace(/[\s-]/g, '').toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1');
  if (compact.length !== BODY_CHARS + 2) return { problem: 'length' };
  if (!/^[0-9A-HJKMNP-TV-Z]+$/.test(compact)) return { problem: 'characters' };
  let bytes: Uint8Array;
  try {
    bytes = base32crockford.decode(compact.slice(0, BODY_CHARS));
  } catch {
    return { problem: 'checksum' };
  }
  if (bytes.length !== RANDOM_BYTES || checkCharacters(bytes) !== compact.slice(BODY_CHARS))
    return { problem: 'checksum' };
  return { bytes: Buffer.from(bytes) };
}

/** The key-encryption key a recovery code stands for, bound to one user. */
export function recoveryKek(code: Uint8Array, userId: string): SymmetricKey {
  return symmetricKey(
    'recovery',
    Buffer.from(hkdfSync('sha256', code, Buffer.from(userId), 'nmk/v1/recovery-kek', 32)),
  );
}
