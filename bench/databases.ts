import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { type Config, loadConfig } from '../src/shared/config/config.js';
import { withAdmin } from '../test/helpers/postgres.js';

/*
 * The databases a bench measures on: SQLite always, PostgreSQL when TEST_DATABASE_URL or DATABASE_URL names a
 * server, in a database of its own that is made for the run and dropped after it; and the config of an app on one.
 */

export type BenchDialect = 'sqlite' | 'postgres';

/**
 * The config of an app measured in this process: data in `directory`, on `databaseUrl` (SQLite when not given),
 * quiet, no rate limit, a cheaper Argon2 and a throwaway log key and pepper; `extra` adds variables (SMTP_URL …).
 */
export function benchConfig(directory: string, databaseUrl?: string, extra: Record<string, string> = {}): Config {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: directory,
    ...(databaseUrl === undefined ? {} : { DATABASE_URL: databaseUrl }),
    LOG_LEVEL: 'silent',
    RATE_LIMIT_MAX: '1000000',
    ARGON2_MEMORY_KIB: '19456',
    ARGON2_ITERATIONS: '2',
    ...extra,
    LOG_SIGNING_KEY: generateKeyPairSync('ed25519')
      .privateKey.export({ type: 'pkcs8', format: 'der' })
      .toString('base64'),
  });
  config.pepper ??= randomBytes(32);
  return config;
}

/** `measure` on SQLite, then on a throwaway PostgreSQL database; `skipped` says why PostgreSQL was left out. */
export async function measureOnBothDatabases<T>(
  measure: (dialect: BenchDialect, databaseUrl?: string) => Promise<T>,
): Promise<{ results: T[]; skipped: string | undefined }> {
  const results: T[] = [await measure('sqlite')];
  const adminUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (adminUrl === undefined || adminUrl === '') {
    return { results, skipped: 'PostgreSQL skipped: neither TEST_DATABASE_URL nor DATABASE_URL is set' };
  }
  const name = `nmk_bench_${randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  try {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    results.push(await measure('postgres', url.toString()));
  } finally {
    await withAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}"`));
  }
  return { results, skipped: undefined };
}
