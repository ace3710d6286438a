import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Config, ConfigError } from '../config/config.js';
import { PEPPER_BYTES } from './passphrase.js';

/**
 * The server pepper is mixed into every passphrase hash: without it a copy of the database allows no offline
 * guessing, and with it lost every journal is lost. Production must be given one (PEPPER); development keeps one
 * in DATA_DIR, made on first start, with a warning.
 */
export function resolvePepper(config: Config, warn: (message: string) => void): Buffer {
  if (config.pepper !== undefined) return config.pepper;
  if (config.env === 'production') {
    throw new ConfigError([
      'PEPPER is required in production: 32 random bytes in base64 (openssl rand -base64 32). Back it up offline: losing it makes every journal unreadable.',
    ]);
  }
  const file = path.join(config.dataDir, 'pepper.key');
  if (existsSync(file)) {
    const pepper = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    if (pepper.length !== PEPPER_BYTES) throw new ConfigError([`${file} does not hold 32 bytes in base64`]);
    return pepper;
  }
  mkdirSync(config.dataDir, { recursive: true });
  const pepper = randomBytes(PEPPER_BYTES);
  writeFileSync(file, `${pepper.toString('base64')}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  warn(`No PEPPER set: generated one in ${file} for development. Production must set PEPPER.`);
  return pepper;
}
