// A fresh, empty PostgreSQL database per test (or per suite), on the server that `npm test`
// provides through TEST_DATABASE_URL (its throwaway cluster, or the URL you set yourself).

import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface PostgresTestDatabase {
  /** Connection URL of the new database. */
  url: string;
  /** Disconnects everyone still connected and drops the database. Safe to call twice. */
  drop(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run the tests with npm test');
  return url;
}

/** `work` with a client connected to `url` (a server's admin database), closed after. */
export async function withAdmin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createPostgresDatabase(): Promise<PostgresTestDatabase> {
  const admin = adminUrl();
  // Random hex: safe to quote as an identifier, and unique across parallel test files.
  const name = `t_${randomBytes(8).toString('hex')}`;
  await withAdmin(admin, (client) => client.query(`CREATE DATABASE "${name}"`));

  const url = new URL(admin);
  url.pathname = `/${name}`;

  let dropped = false;
  return {
    url: url.toString(),
    async drop(): Promise<void> {
      if (dropped) return;
      dropped = true;
      await withAdmin(admin, async (client) => {
        // A pool a test forgot to close would block DROP DATABASE: end its sessions first.
        // WITH (FORCE) does that itself on PostgreSQL 13+, the terminate covers older servers.
        await client.query(
          'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
          [name],
        );
        const { rows } = await client.query<{ version: string }>(
          "SELECT current_setting('server_version_num') AS version",
        );
        const force = Number(rows[0]?.version ?? 0) >= 130000 ? ' WITH (FORCE)' : '';
        await client.query(`DROP DATABASE IF EXISTS "${name}"${force}`);
      });
    },
  };
}
