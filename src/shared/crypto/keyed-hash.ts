import { createHmac, hkdfSync } from 'node:crypto';

/*
 * Keyed hashes for values the server must recognise again but never keep readable: what someone typed as a
 * username at a failed login, a client address. HMAC-SHA-256 under a key derived from the server pepper, with a
 * purpose label, so a copy of the database without the pepper cannot test guesses ("was 10.0.0.7 here?"), and a
 * hash made for one purpose never matches one made for another.
 */

/** A 32-byte key for one use of the pepper (HKDF-SHA-256 with the label as info): never the pepper itself. */
export function pepperSubkey(pepper: Buffer, label: string): Buffer {
  return Buffer.from(hkdfSync('sha256', pepper, Buffer.alloc(0), label, 32));
}

/** The keyed hash of `value` for `purpose`, as base64url (43 characters). */
export type KeyedHash = (purpose: string, value: string) => string;

export function createKeyedHash(pepper: Buffer): KeyedHash {
  const key = pepperSubkey(pepper, 'nmk/v1/keyed-hash');
  // The purpose and the value are separated by a NUL, which neither may contain in a way that matters: a purpose
  // is a fixed label from the code.
  return (purpose, value) => createHmac('sha256', key).update(`${purpose}\u0000${value}`).digest('base64url');
}
