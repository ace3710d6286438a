import { randomBytes } from 'node:crypto';
import pg from 'pg';

/*
 * The databases a bench measures on: SQLite always, PostgreSQL when TEST_DATABASE_URL or DATABASE_URL names a
 * server, in a database of its own that is made for the run and dropped after it.
 */

export type BenchDialect = 'sqlite' | 'postgres';

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
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
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  try {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    results.push(await measure('postgres', url.toString()));
  } finally {
    await withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}"`));
  }
  return { results, skipped: undefined };
}
