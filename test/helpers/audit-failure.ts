import { sql } from 'kysely';
import type { DatabaseHandle } from '../../src/shared/db/database.js';

/**
 * Makes every write to the audit log fail, in the database itself (a trigger), as a full disk or a lost
 * connection would make it fail: no mock stands in for the database. Returns the function that undoes it.
 */
export async function refuseAuditWrites(handle: DatabaseHandle): Promise<() => Promise<void>> {
  const { db } = handle;
  if (handle.dialect === 'sqlite') {
    await sql`CREATE TRIGGER test_refuse_audit BEFORE INSERT ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit write refused by the test'); END`.execute(db);
    return async () => {
      await sql`DROP TRIGGER test_refuse_audit`.execute(db);
    };
  }
  await sql`CREATE FUNCTION test_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit write refused by the test'; END $$`.execute(db);
  await sql`CREATE TRIGGER test_refuse_audit BEFORE INSERT ON audit_log
      FOR EACH ROW EXECUTE FUNCTION test_refuse_audit()`.execute(db);
  return async () => {
    await sql`DROP TRIGGER test_refuse_audit ON audit_log`.execute(db);
    await sql`DROP FUNCTION test_refuse_audit()`.execute(db);
  };
}
