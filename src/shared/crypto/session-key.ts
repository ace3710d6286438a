import { createHash, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { type Ciphertext, open, seal, type SymmetricKey, symmetricKey } from './aead.js';

/*
 * A session cookie holds a random id and a random secret. The database stores only a hash of the id, and the
 * user's master key sealed under a key derived from the secret: a copy of the database opens no session and no
 * master key. A wrong secret simply means "not logged in".
 */

export interface SessionToken {
  id: Buffer;
  secret: Buffer;
}

export function newSessionToken(): SessionToken {
  return { id: randomBytes(32), secret: randomBytes(32) };
}

export const formatSessionCookie = (token: SessionToken): string =>
  `${token.id.toString('base64url')}.${token.secret.toString('base64url')}`;

export function parseSessionCookie(value: string | undefined): SessionToken | undefined {
  if (value === undefined || value.length > 200) return undefined;
  const match = /^([A-Za-z0-9_-]{43})\.([A-Za-z0-9_-]{43})$/.exec(value);
  if (match === null) return undefined;
  return { id: Buffer.from(match[1]!, 'base64url'), secret: Buffer.from(match[2]!, 'base64url') };
}

export const sessionIdHash = (id: Buffer): string => createHash('sha256').update(id).digest('hex');

function sessionKey(secret: Buffer, idHash: string): SymmetricKey {
  return symmetricKey(
    'session',
    Buffer.from(hkdfSync('sha256', secret, Buffer.from(idHash), 'nmk/v1/session-key', 32)),
  );
}

/**
 * Key material only this session can make again: HKDF of the cookie's secret for one `purpose` (a label with the
 * record it is for, e.g. one export's key pair). Never the key that seals the master key: that has its own label.
 */
export function sessionBoundSecret(secret: Buffer, idHash: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, Buffer.from(idHash), `nmk/v1/session-bound/${purpose}`, 32));
}

const place = (idHash: string, userId: string, expiresAt: string) => ({
  purpose: 'master-key/session' as const,
  ownerId: userId,
  recordId: `${idHash}|${expiresAt}`,
  epoch: 1,
});

export function sealMasterKeyForSession(
  masterKey: SymmetricKey,
  secret: Buffer,
  idHash: string,
  userId: string,
  expiresAt: string,
): Ciphertext {
  const bytes = masterKey.key.export();
  return seal(
    sessionKey(secret, idHash),
    Buffer.concat([Buffer.from(`${masterKey.id}\n`), bytes]),
    place(idHash, userId, expiresAt),
  );
}

export function openMasterKeyFromSession(
  sealed: Ciphertext,
  secret: Buffer,
  idHash: string,
  userId: string,
  expiresAt: string,
): SymmetricKey {
  const plain = open(sessionKey(secret, idHash), sealed, place(idHash, userId, expiresAt));
  const split = plain.indexOf(10);
  return symmetricKey(plain.subarray(0, split).toString('utf8'), plain.subarray(split + 1));
}

/** Compares two verifiers without leaking where they differ. */
export function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
