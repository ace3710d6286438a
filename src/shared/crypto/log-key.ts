import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { keyId } from '../evidence/format.js';
import { type Config, ConfigError } from '../config/config.js';

/*
 * The server's log key signs checkpoints and global roots, never entries (those carry the account's own
 * signature). Production must be given one (LOG_SIGNING_KEY); development keeps one in DATA_DIR, made on first
 * start, with a warning. Rotation: set the new key, and list the old public key in LOG_PREVIOUS_PUBLIC_KEYS so
 * it stays published (docs/operations.md).
 */

export interface LogKey {
  privateKey: KeyObject;
  /** SubjectPublicKeyInfo DER, 44 bytes. */
  publicKey: Buffer;
  /** hex(SHA-256(SPKI DER)): the key id in checkpoints and the fingerprint people compare. */
  id: string;
}

function fromPkcs8(der: Buffer, where: string): LogKey {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } catch {
    throw new ConfigError([`${where} is not a PKCS#8 private key`]);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new ConfigError([`${where} is not an Ed25519 key`]);
  const publicKey = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  return { privateKey, publicKey, id: keyId(publicKey) };
}

export function resolveLogKey(config: Config, warn: (message: string) => void): LogKey {
  if (config.logSigningKey !== undefined) return fromPkcs8(config.logSigningKey, 'LOG_SIGNING_KEY');
  if (config.env === 'production') {
    throw new ConfigError([
      'LOG_SIGNING_KEY is required in production: an Ed25519 private key as base64 PKCS#8 DER (openssl genpkey -algorithm ed25519 -outform DER | base64). Publish its public key; keep old ones listed when you rotate.',
    ]);
  }
  const file = path.join(config.dataDir, 'log-signing.key');
  if (existsSync(file)) return fromPkcs8(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64'), file);
  mkdirSync(config.dataDir, { recursive: true });
  const der = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'der' });
  writeFileSync(file, `${der.toString('base64')}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  warn(`No LOG_SIGNING_KEY set: generated one in ${file} for development. Production must set LOG_SIGNING_KEY.`);
  return fromPkcs8(der, file);
}
