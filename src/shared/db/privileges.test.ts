import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { signUpOverHttp } from '../../../test/helpers/app.js';
import { openTestDatabase, type TestDatabase } from '../../../test/helpers/databases.js';
import { createApp } from '../../app.js';
import { prepareDatabase } from '../../bootstrap.js';
import { createServices } from '../../services.js';
import { loadConfig } from '../config/config.js';
import { openDatabase } from './database.js';
import { grantApplicationPrivileges, roleOf } from './privileges.js';

/*
 * The app as production runs it on PostgreSQL: migrations as the tables' owner (DATABASE_OWNER_URL), the app
 * itself as a role that owns nothing and may only read and append to the audit log.
 */
describe('the application role on PostgreSQL', () => {
  let owner: TestDatabase;
  let appUrl: URL;
  const role = `nmk_app_${process.pid}_${Date.now()}`;
  let admin: pg.Client;

  before(async () => {
    owner = await openTestDatabase('postgres');
    admin = new pg.Client({ connectionString: owner.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`create role ${role} login password 'app-role-secret'`);
    appUrl = new URL(owner.env.DATABASE_URL!);
    appUrl.username = role;
    appUrl.password = 'app-role-secret';
  });

  after(async () => {
    await admin.end();
    await owner.cleanup();
    const cleanup = new pg.Client({
      connectionString: owner.env.DATABASE_URL!.replace(/\/[^/?]+(\?|$)/, '/postgres$1'),
    });
    await cleanup.connect();
    await cleanup.query(`drop role if exists ${role}`);
    await cleanup.end();
  });

  test('migrates as the owner, runs as the app role, and the app role cannot rewrite the audit log', async () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: appUrl.toString(),
      DATABASE_OWNER_URL: owner.env.DATABASE_URL!,
      DATA_DIR: owner.env.DATA_DIR!,
      PEPPER: 'dGVzdC1wZXBwZXItdGVzdC1wZXBwZXItdGVzdC1wZXA=',
      ARGON2_MEMORY_KIB: '19456',
      ARGON2_ITERATIONS: '2',
      QUICK_EXIT_URL: 'https://neutral.example/',
    });
    const database = openDatabase(config.database);
    const services = createServices(database, config);
    const app = await createApp(services, { logger: false });
    try {
      const prepared = await prepareDatabase(database, services);
      assert.ok(prepared.migrationsApplied.length > 0, 'the owner applied the migrations');
      // A second start: nothing to migrate, grants renewed, and the app still works.
      assert.deepEqual((await prepareDatabase(database, services)).migrationsApplied, []);

      const { response: signUp } = await signUpOverHttp(app, 'rol.ouder', 'grijze reiger bij de sloot');
      assert.equal(signUp.statusCode, 200, 'sign-up works as the app role (users, sessions, audit)');
      assert.equal((await services.audit.verify()).ok, true);

      const tables = await admin.query<{ tablename: string; tableowner: string }>(
        'select tablename, tableowner from pg_tables where schemaname = current_schema()',
      );
      assert.ok(tables.rows.length > 10);
      assert.ok(
        tables.rows.every((row) => row.tableowner !== role),
        'the app role owns no table',
      );

      const asApp = new pg.Client({ connectionString: appUrl.toString() });
      await asApp.connect();
      try {
        for (const statement of [
          'update audit_log set actor = $$x$$',
          'delete from audit_log',
          'truncate audit_log',
          'delete from audit_head',
          'drop table users',
          'create table sneaky (id int)',
        ]) {
          await assert.rejects(asApp.query(statement), /permission denied|must be owner/, statement);
        }
        assert.ok((await asApp.query<{ n: number }>('select count(*)::int as n from audit_log')).rows[0]!.n > 0);
      } finally {
        await asApp.end();
      }
    } finally {
      await app.close();
      await database.close();
    }
  });

  test('a role that owns the tables is refused as the application role; an owner URL needs PostgreSQL', async () => {
    await assert.rejects(
      grantApplicationPrivileges(owner.handle.db, roleOf(owner.env.DATABASE_URL!)),
      /owns tables: it must be a separate role/,
    );
    assert.throws(
      () =>
        loadConfig({
          NODE_ENV: 'test',
          DATABASE_OWNER_URL: owner.env.DATABASE_URL!,
        }),
      /DATABASE_OWNER_URL is only used together with a postgres:\/\/ DATABASE_URL/,
    );
  });
});
