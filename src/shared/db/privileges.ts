import { type Kysely, sql } from 'kysely';

/*
 * On PostgreSQL the app runs as a role that does not own the tables (DATABASE_URL), while migrations run as the
 * owner (DATABASE_OWNER_URL). After each migration run the owner grants the app exactly what it needs: the
 * append-only audit log can be read and appended to, never changed, deleted or truncated; its chain head can be
 * moved forward; the migration bookkeeping can only be read.
 */

const appendOnly: Record<string, string> = {
  audit_log: 'select, insert',
  audit_head: 'select, update',
  kysely_migration: 'select',
  kysely_migration_lock: 'select',
};

/** The role name in a postgres:// URL (its user), as PostgreSQL knows it. */
export function roleOf(url: string): string {
  const role = decodeURIComponent(new URL(url).username);
  if (role === '') throw new Error('DATABASE_URL names no user (role) to grant privileges to');
  return role;
}

/** Grants the application role its privileges on every table; run as the tables' owner after migrating. */
export async function grantApplicationPrivileges<Schema>(owner: Kysely<Schema>, role: string): Promise<string[]> {
  const { rows } = await sql<{ tablename: string; tableowner: string }>`
    select tablename, tableowner from pg_tables where schemaname = current_schema()`.execute(owner);
  if (rows.some((row) => row.tableowner === role)) {
    throw new Error(`The application role ${role} owns tables: it must be a separate role without ownership`);
  }
  await sql`grant usage on schema ${sql.id('public')} to ${sql.id(role)}`.execute(owner);
  for (const { tablename } of rows) {
    const privileges = appendOnly[tablename] ?? 'select, insert, update, delete';
    await sql`revoke all on ${sql.table(tablename)} from ${sql.id(role)}`.execute(owner);
    await sql
      .raw(`grant ${privileges} on "${tablename.replace(/"/g, '""')}" to "${role.replace(/"/g, '""')}"`)
      .execute(owner);
  }
  await sql`grant usage, select on all sequences in schema ${sql.id('public')} to ${sql.id(role)}`.execute(owner);
  return rows.map((row) => row.tablename);
}
