import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { generate } from 'otplib';
import { createApp } from '../../app.js';
import { createServices, type Services } from '../../services.js';
import { loadConfig } from '../../shared/config/config.js';
import { type DatabaseHandle, openDatabase } from '../../shared/db/database.js';
import { migrateToLatest } from '../../shared/db/migrate.js';
import { type AppDatabase, createAppDatabase, processSecrets, runCli } from '../../../test/helpers/app-process.js';
import { csrfTokenFrom, withCookiesOf } from '../../../test/helpers/app.js';
import { dialects } from '../../../test/helpers/databases.js';
import { buildParentSession } from '../../../test/helpers/factories.js';
import { demoAccounts, demoOrganisations, productionRefusal } from './seed-demo.js';

/*
 * `npm run cli -- seed-demo`, run as the newcomer runs it: the CLI as its own process on an empty database, then
 * the app on that database, where every printed account logs in with its passphrase and a code from its TOTP
 * secret and reaches its pages. Refused in production (before a database is opened), on a database with a real
 * account, and a second time.
 */

interface Printed {
  username: string;
  passphrase: string;
  secret: string;
  uri: string;
}

/** The accounts as the CLI printed them. */
function printedAccounts(stdout: string): Map<string, Printed> {
  const accounts = new Map<string, Printed>();
  const pattern =
    /^(demo-[a-z0-9-]+) — .*\n(?: {2}organisation: .*\n)? {2}passphrase: +(\S+)\n {2}TOTP secret: +([A-Z2-7]+)\n {2}(otpauth:\/\/\S+)$/gm;
  for (const match of stdout.matchAll(pattern)) {
    const [, username, passphrase, secret, uri] = match as unknown as [string, string, string, string, string];
    accounts.set(username, { username, passphrase, secret, uri });
  }
  return accounts;
}

for (const dialect of dialects) {
  describe(`seed-demo [${dialect}]`, () => {
    let database: AppDatabase;
    let env: Record<string, string>;
    let handle: DatabaseHandle;
    let services: Services;
    let app: FastifyInstance;
    let first: Awaited<ReturnType<typeof runCli>>;

    before(async () => {
      database = await createAppDatabase(dialect);
      env = { ...database.env, ...processSecrets() };
      first = await runCli(['seed-demo', '--origin', 'http://localhost:4000'], env, 120_000);
      const config = loadConfig({ NODE_ENV: 'test', QUICK_EXIT_URL: 'https://neutral.example/', ...env });
      handle = openDatabase(config.database);
      services = createServices(handle, config);
      app = await createApp(services, { logger: false });
    });
    after(async () => {
      await app?.close();
      await handle?.close();
      await database?.cleanup();
    });

    const db = () => handle.db;

    test('prints every demo account with a strong passphrase, a TOTP secret and its otpauth URI', () => {
      assert.equal(first.status, 0, first.stderr);
      assert.match(first.stdout, /http:\/\/localhost:4000\/inloggen/);
      const printed = printedAccounts(first.stdout);
      assert.deepEqual(
        [...printed.keys()],
        demoAccounts.map((account) => account.username),
      );
      const passphrases = new Set([...printed.values()].map((account) => account.passphrase));
      assert.equal(passphrases.size, printed.size, 'a passphrase of its own for each account');
      for (const account of printed.values()) {
        assert.match(account.passphrase, /^[a-z2-9]{5}(-[a-z2-9]{5}){4}$/);
        assert.match(account.uri, new RegExp(`^otpauth://totp/.*${account.username}.*secret=${account.secret}`));
      }
      assert.match(first.stdout, /demo-politie — police\n {2}organisation: Demo Politie, unit Midden-Nederland/);
    });

    test('the demo organisations are verified, one per professional role, and never shown in the help finder', async () => {
      const rows = await db()
        .selectFrom('organisations')
        .select(['slug', 'kind', 'verified', 'data'])
        .where('slug', 'like', 'demo-%')
        .orderBy('slug')
        .execute();
      assert.deepEqual(
        rows.map((row) => [row.slug, row.kind, Number(row.verified)]),
        [...demoOrganisations].map((o) => [o.slug, o.kind, 1]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
      );
      for (const row of rows) assert.match(row.data, /"name":"Demo /);
      const approvals = await db()
        .selectFrom('four_eyes_approvals')
        .select(['subject_id', 'approver_id'])
        .where('subject_type', '=', 'organisation')
        .execute();
      assert.equal(approvals.length, 2 * demoOrganisations.length, 'two admins approved each');

      const finder = await app.inject({ method: 'GET', url: '/api/v1/help?gemeente=Utrecht' });
      assert.equal(finder.statusCode, 200);
      assert.doesNotMatch(finder.body, /Demo /);
      const page = await app.inject({ method: 'GET', url: '/hulp?plaats=3511' });
      assert.doesNotMatch(page.body, /Demo (Politie|Veilig Thuis|Jeugdhulp)/);
    });

    test('every demo account logs in with its passphrase and a TOTP code and reaches its home page', async () => {
      const printed = printedAccounts(first.stdout);
      const professionals = await db()
        .selectFrom('professionals as p')
        .innerJoin('users as u', 'u.id', 'p.user_id')
        .select(['u.username', 'p.professional_role', 'p.status', 'p.police_unit'])
        .execute();
      for (const { kind, username } of demoAccounts) {
        if (kind === 'admin' || kind === 'parent') continue;
        const row = professionals.find((candidate) => candidate.username === username);
        assert.deepEqual(
          row && { role: row.professional_role, status: row.status, unit: row.police_unit },
          { role: kind, status: 'active', unit: kind === 'police' ? 'Midden-Nederland' : null },
          username,
        );
      }

      for (const { kind, username } of demoAccounts) {
        const account = printed.get(username)!;
        const page = await app.inject({ method: 'GET', url: '/inloggen' });
        let jar = withCookiesOf({}, page.headers);
        const login = await app.inject({
          method: 'POST',
          url: '/inloggen',
          cookies: jar,
          payload: { _csrf: csrfTokenFrom(page.body), gebruikersnaam: username, wachtwoord: account.passphrase },
        });
        assert.equal(login.statusCode, 303, `${username} logs in`);
        assert.equal(login.headers.location, '/inloggen/code', `${username} is asked for a code`);
        jar = withCookiesOf(jar, login.headers);
        const codePage = await app.inject({ method: 'GET', url: '/inloggen/code', cookies: jar });
        jar = withCookiesOf(jar, codePage.headers);
        const code = await app.inject({
          method: 'POST',
          url: '/inloggen/code',
          cookies: jar,
          payload: { _csrf: csrfTokenFrom(codePage.body), code: await generate({ secret: account.secret }) },
        });
        assert.equal(code.statusCode, 303, `${username}'s TOTP code is accepted`);
        assert.equal(code.headers.location, '/account');
        jar = withCookiesOf(jar, code.headers);

        const home = await app.inject({ method: 'GET', url: '/account', cookies: jar });
        assert.equal(home.statusCode, 200, `${username} reaches /account`);
        assert.match(home.body, new RegExp(username));
        const get = (url: string) => app.inject({ method: 'GET', url, cookies: jar });
        if (kind === 'admin') {
          assert.equal((await get('/beheer')).statusCode, 200, `${username} reaches /beheer`);
        } else if (kind === 'parent') {
          assert.equal((await get('/logboek')).statusCode, 200, `${username} reaches /logboek`);
          assert.equal((await get('/beheer')).statusCode, 404);
        } else {
          assert.match(home.body, /goedgekeurd door demo-beheer-1 en demo-beheer-2/, `${username} is active`);
          assert.match(home.body, /Demo /, `${username} sees their organisation`);
          if (kind === 'police') assert.match(home.body, /Politie, eenheid Midden-Nederland/);
          if (kind === 'coordinator') {
            assert.equal((await get('/organisatie/aanmeldingen')).statusCode, 200, 'the coordinator has its page');
          }
          assert.equal((await get('/beheer')).statusCode, 404);
        }
        // The case space, once its pages are there: parent and active professionals reach their list of cases.
        if (kind !== 'admin' && app.hasRoute({ method: 'GET', url: '/samenwerken' })) {
          assert.equal((await get('/samenwerken')).statusCode, 200, `${username} reaches /samenwerken`);
        }
      }
    });

    test('the audit log holds the seed and its chain is intact', async () => {
      const actions = new Set((await db().selectFrom('audit_log').select('action').execute()).map((row) => row.action));
      for (const action of [
        'admin.created',
        'account.created',
        'second-factor.enabled',
        'invitation.created',
        'invitation.accepted',
        'professional.activated',
        'organisation.verified',
      ]) {
        assert.ok(actions.has(action), action);
      }
      const verified = await runCli(['verify-audit'], env);
      assert.equal(verified.status, 0, verified.stderr);
    });

    test('a second run is refused with a clear message and changes nothing', async () => {
      const users = await db().selectFrom('users').select('id').execute();
      const again = await runCli(['seed-demo'], env, 120_000);
      assert.notEqual(again.status, 0);
      assert.match(again.stderr, /demo accounts exist already/);
      assert.equal(again.stdout, '');
      assert.equal((await db().selectFrom('users').select('id').execute()).length, users.length);
    });
  });

  describe(`seed-demo on a database with a real account [${dialect}]`, () => {
    let database: AppDatabase;
    let env: Record<string, string>;
    let handle: DatabaseHandle;

    before(async () => {
      database = await createAppDatabase(dialect);
      env = { ...database.env, ...processSecrets() };
      const config = loadConfig({ NODE_ENV: 'test', ...env });
      handle = openDatabase(config.database);
      await migrateToLatest(handle.db);
      await buildParentSession(createServices(handle, config).accounts, { username: 'echte.ouder' });
    });
    after(async () => {
      await handle?.close();
      await database?.cleanup();
    });

    test('is refused with a clear message; no demo account or organisation is made', async () => {
      const result = await runCli(['seed-demo'], env, 120_000);
      assert.notEqual(result.status, 0);
      assert.match(result.stderr, /refused: this database has 1 account\(s\) that are not demo accounts/);
      const users = await handle.db.selectFrom('users').select('username').execute();
      assert.deepEqual(
        users.map((row) => row.username),
        ['echte.ouder'],
      );
      const demo = await handle.db.selectFrom('organisations').select('id').where('slug', 'like', 'demo-%').execute();
      assert.equal(demo.length, 0);
    });
  });
}

test('seed-demo is refused in production before a database is opened', async () => {
  const database = await createAppDatabase('sqlite');
  try {
    const result = await runCli(['seed-demo'], { ...database.env, ...processSecrets(), NODE_ENV: 'production' });
    assert.notEqual(result.status, 0);
    assert.equal(result.stderr.trim(), productionRefusal);
    const dataDir = database.env.DATA_DIR!;
    assert.ok(!existsSync(dataDir) || readdirSync(dataDir).every((name) => !name.endsWith('.sqlite')));
  } finally {
    await database.cleanup();
  }
});

test('demo-code prints the current TOTP code of a secret, as an authenticator app would; a bad secret is a usage error', async () => {
  const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
  const before = Math.floor(Date.now() / 1000);
  const result = await runCli(['demo-code', secret], {});
  const afterwards = Math.floor(Date.now() / 1000);
  assert.equal(result.status, 0, result.stderr);
  const expected = new Set([await generate({ secret, epoch: before }), await generate({ secret, epoch: afterwards })]);
  assert.ok(expected.has(result.stdout.trim()), `${result.stdout.trim()} is the code of that moment`);
  const bad = await runCli(['demo-code', 'not a secret!'], {});
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /base32/);
});
