import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { describe, test } from 'node:test';
import { createApp } from '../../app.js';
import { appForSuite, csrfTokenFrom, setCookies, signUpOverHttp } from '../../../test/helpers/app.js';
import { dialects, describeEachDialect } from '../../../test/helpers/databases.js';
import { assertNotInDump, databaseDump } from '../../../test/helpers/dump.js';
import { createKeyedHash } from '../../shared/crypto/keyed-hash.js';
import { createPassphraseHasher } from '../../shared/crypto/passphrase.js';
import * as hashLoginThrottleKeys from '../../shared/db/migrations/0017-hash-login-throttle-keys.js';
import { createAccountsRepository } from './accounts.repo.js';
import { createAccountsService } from './accounts.service.js';
import {
  ACCOUNT_WAIT_MAX_MS,
  accountWaitMs,
  addressDelayMs,
  signUpDelayMs,
  throttleDelayMs,
  throttledAddress,
} from './login-throttle.js';

const passphrase = 'zeilboot heuvel koffie lantaarn';
const storedKey = /^(pair|account|address|second-factor|sign-up):[A-Za-z0-9_-]{43}$/;

for (const dialect of dialects) {
  describe(`login throttling over HTTP [${dialect}]`, () => {
    const testApp = appForSuite(dialect, { RATE_LIMIT_MAX: '100000' });

    /** A fresh browser at an address: a form page for the CSRF cookie and token. */
    async function browser(url: string, remoteAddress: string) {
      const page = await testApp.app.inject({ method: 'GET', url, remoteAddress });
      return { cookies: Object.fromEntries(setCookies(page.headers)), token: csrfTokenFrom(page.body) };
    }

    const signUp = (username: string, remoteAddress = '192.0.2.1') =>
      signUpOverHttp(testApp.app, username, passphrase, { remoteAddress });

    async function login(username: string, typed: string, remoteAddress: string) {
      const { cookies, token } = await browser('/inloggen', remoteAddress);
      const response = await testApp.app.inject({
        method: 'POST',
        url: '/inloggen',
        cookies,
        remoteAddress,
        payload: { _csrf: token, gebruikersnaam: username, wachtwoord: typed },
      });
      return { response, cookies: { ...cookies, ...Object.fromEntries(setCookies(response.headers)) } };
    }

    test('a copy of the database holds no typed name, no passphrase typed as a name and no client address', async () => {
      const typedName = 'getypte.naam.die.niet.bestaat';
      const passphraseAsName = 'mijn echte wachtwoordzin in het verkeerde veld';
      const [first, second, third] = ['198.51.100.77', '203.0.113.250', '2001:db8::7:7'] as const;
      const addresses = [first, second, third];
      await signUp('bestaande.naam.dump', '198.51.100.90');
      for (const address of addresses) {
        assert.equal((await login(typedName, 'verkeerde zin nummer een', address)).response.statusCode, 400);
        assert.equal((await login(passphraseAsName, 'verkeerde zin nummer twee', address)).response.statusCode, 400);
      }
      // A failed recovery and a sign-up told "taken" are counted too.
      const recoverForm = await browser('/herstellen', first);
      const recovered = await testApp.app.inject({
        method: 'POST',
        url: '/herstellen',
        cookies: recoverForm.cookies,
        remoteAddress: first,
        payload: {
          _csrf: recoverForm.token,
          gebruikersnaam: typedName,
          herstelcode: 'ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345',
          wachtwoord: 'een nieuwe zin voor later',
          herhaling: 'een nieuwe zin voor later',
        },
      });
      assert.equal(recovered.statusCode, 400);
      assert.equal((await signUp('bestaande.naam.dump', second)).response.statusCode, 400);

      const rows = await testApp.database.handle.db.selectFrom('login_throttle').select('key').execute();
      assert.ok(rows.length >= 7, 'failures were counted');
      for (const row of rows) assert.match(row.key, storedKey);
      assertNotInDump(await databaseDump(testApp), [
        ['typed name', Buffer.from(typedName)],
        ['passphrase typed as a name', Buffer.from(passphraseAsName)],
        ...addresses.map((address): [string, Buffer] => [`address ${address}`, Buffer.from(address)]),
      ]);
    });

    test('wrong passphrases from one address never keep the owner out: login, download and delete work elsewhere', async () => {
      const attacker = '198.51.100.10';
      const owner = '203.0.113.20';
      await signUp('eigenaar.van.account');
      const guess = async (attempt: string) =>
        (await login('eigenaar.van.account', `fout geraden zin ${attempt}`, attacker)).response.statusCode;
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 6; attempt += 1) statuses.push(await guess(String(attempt)));
      assert.deepEqual(statuses, [400, 400, 400, 400, 400, 429], 'brute force from one address refused');
      // While refused, the right passphrase from that address is refused too: guessing there learns nothing.
      assert.equal((await login('eigenaar.van.account', passphrase, attacker)).response.statusCode, 429);
      // The attacker keeps going (refused, or checked and wrong once a refusal has run out).
      for (let attempt = 6; attempt < 20; attempt += 1) assert.notEqual(await guess(String(attempt)), 303);

      const signedIn = await login('eigenaar.van.account', passphrase, owner);
      assert.equal(signedIn.response.statusCode, 303, 'the owner logs in from another address');
      assert.equal(signedIn.response.headers.location, '/account');

      // Someone else behind the attacker's address (a school, an office) is not locked out with it.
      await signUp('collega.zelfde.adres');
      assert.equal((await login('collega.zelfde.adres', passphrase, attacker)).response.statusCode, 303);

      // The attacker keeps trying; the owner still downloads their data and deletes the account.
      const account = await testApp.app.inject({ method: 'GET', url: '/account', cookies: signedIn.cookies });
      const token = csrfTokenFrom(account.body);
      const post = (url: string) =>
        testApp.app.inject({
          method: 'POST',
          url,
          cookies: signedIn.cookies,
          remoteAddress: owner,
          payload: { _csrf: token, wachtwoord: passphrase },
        });
      assert.notEqual(await guess('nog een'), 303);
      assert.equal((await post('/account/gegevens')).statusCode, 200, 'download after re-authentication');
      assert.notEqual(await guess('en nog een'), 303);
      const deleted = await post('/account/verwijderen');
      assert.equal(deleted.statusCode, 200, 'delete after re-authentication');
      assert.match(deleted.body, /Je account is verwijderd/);
    });

    test('IPv6 addresses count by their /64 network: a new address in the same network starts no new count', async () => {
      const statuses: number[] = [];
      for (let attempt = 1; attempt <= 6; attempt += 1) {
        const address = `2001:db8:5:5::${attempt.toString(16)}`;
        statuses.push((await login('netwerk.naam', 'verkeerde zin hier', address)).response.statusCode);
      }
      assert.deepEqual(statuses, [400, 400, 400, 400, 400, 429]);
      assert.equal((await login('netwerk.naam', 'verkeerde zin hier', '2001:db8:5:6::1')).response.statusCode, 400);
    });

    test('an unknown name and a wrong passphrase get the same answers, throttled alike', async () => {
      await signUp('bekende.naam.hier');
      const answers = async (username: string, address: string) => {
        const statuses: number[] = [];
        for (let attempt = 0; attempt < 6; attempt += 1) {
          statuses.push((await login(username, 'een verkeerde zin hier', address)).response.statusCode);
        }
        return statuses;
      };
      const known = await answers('bekende.naam.hier', '198.51.100.31');
      const unknown = await answers('onbekende.naam.hier', '198.51.100.32');
      assert.deepEqual(known, [400, 400, 400, 400, 400, 429]);
      assert.deepEqual(unknown, known);
    });

    test('a throttled re-authentication answers 429 once, and nothing is logged at error level', async () => {
      const lines: string[] = [];
      const stream = new PassThrough();
      stream.on('data', (chunk: Buffer) => lines.push(...chunk.toString('utf8').trim().split('\n')));
      const logged = await createApp(testApp.services, { logStream: stream });
      try {
        const address = '198.51.100.44';
        const { cookies } = await signUpOverHttp(logged, 'herbevestig.te.vaak', passphrase, { remoteAddress: address });
        const token = csrfTokenFrom((await logged.inject({ method: 'GET', url: '/account', cookies })).body);
        const post = (url: string, wachtwoord: string) =>
          logged.inject({
            method: 'POST',
            url,
            cookies,
            remoteAddress: address,
            payload: { _csrf: token, wachtwoord },
          });
        const statuses: number[] = [];
        for (let attempt = 0; attempt < 5; attempt += 1) {
          statuses.push((await post('/account/gegevens', `niet de zin ${attempt}`)).statusCode);
        }
        assert.deepEqual(statuses, [400, 400, 400, 400, 400]);
        const download = await post('/account/gegevens', passphrase);
        assert.equal(download.statusCode, 429);
        assert.equal(download.headers['content-disposition'], undefined, 'no data');
        assert.match(download.body, /Te veel pogingen/);
        assert.doesNotMatch(download.body, /Deze wachtwoordzin klopt niet/);
        const deletion = await post('/account/verwijderen', passphrase);
        assert.equal(deletion.statusCode, 429);
        assert.equal((await logged.inject({ method: 'GET', url: '/account', cookies })).statusCode, 200, 'not deleted');

        const entries = lines.map((line) => JSON.parse(line) as { level: number; msg?: string; status?: number });
        assert.deepEqual(
          entries.filter((entry) => entry.level >= 50),
          [],
          'nothing at error level',
        );
        const completed = entries.filter((entry) => entry.msg === 'request completed' && entry.status === 429);
        assert.equal(completed.length, 2, 'one answer per request');
      } finally {
        await logged.close();
      }
    });

    test('sign-up says "taken" ten times per address, then asks to wait; other addresses are not affected', async () => {
      await signUp('al.bezette.naam', '192.0.2.60');
      const prober = '198.51.100.61';
      for (let attempt = 0; attempt < 10; attempt += 1) {
        const taken = await signUp('al.bezette.naam', prober);
        assert.equal(taken.response.statusCode, 400, `attempt ${attempt + 1}`);
        assert.match(taken.response.body, /Deze gebruikersnaam is al in gebruik/);
      }
      assert.equal((await signUp('al.bezette.naam', prober)).response.statusCode, 400, 'the eleventh is counted');
      for (const name of ['al.bezette.naam', 'een.vrije.naam']) {
        const refused = await signUp(name, prober);
        assert.equal(refused.response.statusCode, 429, name);
        assert.ok(Number(refused.response.headers['retry-after']) >= 1);
        assert.match(refused.response.body, /te veel namen geprobeerd die al in gebruik zijn/);
        assert.doesNotMatch(
          refused.response.body,
          /Deze gebruikersnaam is al in gebruik/,
          'says nothing about the name',
        );
      }
      const elsewhere = await signUp('al.bezette.naam', '198.51.100.62');
      assert.equal(elsewhere.response.statusCode, 400);
      assert.match(elsewhere.response.body, /Deze gebruikersnaam is al in gebruik/);
      // A form with a problem of its own is answered as before (nothing about names is told).
      const { cookies, token } = await browser('/registreren', prober);
      const short = await testApp.app.inject({
        method: 'POST',
        url: '/registreren',
        cookies,
        remoteAddress: prober,
        payload: { _csrf: token, gebruikersnaam: 'ab', wachtwoord: passphrase, herhaling: passphrase },
      });
      assert.equal(short.statusCode, 400);
    });
  });
}

describeEachDialect('login throttling with a clock', (database) => {
  const clock = { now: new Date('2026-05-04T10:00:00Z') };
  const waits: number[] = [];
  const service = () =>
    createAccountsService(
      createAccountsRepository(database().handle.db),
      createPassphraseHasher({ pepper: Buffer.alloc(32, 4), concurrency: 2 }),
      { idleMs: 20 * 60_000, absoluteMs: 12 * 3_600_000 },
      () => clock.now,
      { memoryKiB: 19_456, iterations: 2, parallelism: 1 },
      undefined,
      undefined,
      {
        keyedHash: createKeyedHash(Buffer.alloc(32, 4)),
        wait: (ms) => {
          waits.push(ms);
          return Promise.resolve();
        },
      },
    );
  const rowCount = async () => (await database().handle.db.selectFrom('login_throttle').select('key').execute()).length;

  test('guesses from many addresses make the owner wait at most a few seconds, and are never refused to the owner', async () => {
    const accounts = service();
    assert.ok(
      (
        await accounts.register(
          { gebruikersnaam: 'veel.adressen', wachtwoord: passphrase, herhaling: passphrase },
          undefined,
        )
      ).ok,
    );
    let refusals = 0;
    for (let address = 1; address <= 25; address += 1) {
      for (let attempt = 0; attempt < 6; attempt += 1) {
        const result = await accounts.login(
          { gebruikersnaam: 'veel.adressen', wachtwoord: `gok ${address}.${attempt}` },
          undefined,
          `198.18.0.${address}`,
        );
        assert.ok(!result.ok);
        if (result.retryAt !== undefined) refusals += 1;
      }
    }
    assert.equal(refusals, 25, 'each address is refused after five failures');
    assert.ok(waits.length > 0, 'the account slowed the answers down');
    assert.ok(Math.max(...waits) <= ACCOUNT_WAIT_MAX_MS);
    waits.length = 0;
    const owner = await accounts.login(
      { gebruikersnaam: 'veel.adressen', wachtwoord: passphrase },
      undefined,
      '203.0.113.99',
    );
    assert.ok(owner.ok, 'the owner gets in from a new address');
    assert.deepEqual(waits, [ACCOUNT_WAIT_MAX_MS], 'after a wait of at most a few seconds');
    waits.length = 0;
    // A success forgets the account's count: the next login does not wait.
    assert.ok(
      (await accounts.login({ gebruikersnaam: 'veel.adressen', wachtwoord: passphrase }, undefined, '203.0.113.98')).ok,
    );
    assert.deepEqual(waits, []);
  });

  test('rows are forgotten an hour after their last failure: on the next write, and by the sweep', async () => {
    await database().handle.db.deleteFrom('login_throttle').execute();
    const accounts = service();
    /** When the attempt was refused: the moment to try again; undefined when it was checked (and wrong). */
    const fail = async (name: string, address: string) => {
      const result = await accounts.login({ gebruikersnaam: name, wachtwoord: 'verkeerde zin' }, undefined, address);
      assert.equal(result.ok, false);
      return result.ok ? undefined : result.retryAt;
    };
    for (let attempt = 0; attempt < 5; attempt += 1) await fail('vergeten.naam', '198.18.1.1');
    assert.notEqual(await fail('vergeten.naam', '198.18.1.1'), undefined, 'refused now');
    assert.equal(await rowCount(), 3, 'name and address, name, address');

    clock.now = new Date(clock.now.getTime() + 61 * 60_000);
    assert.equal(await fail('vergeten.naam', '198.18.1.1'), undefined, 'counted from zero again');
    const rows = await database().handle.db.selectFrom('login_throttle').select(['key', 'failures']).execute();
    assert.deepEqual(
      rows.map((row) => Number(row.failures)),
      [1, 1, 1],
      'the old rows were deleted before the new failure',
    );

    await fail('andere.naam', '198.18.1.2');
    clock.now = new Date(clock.now.getTime() + 30 * 60_000);
    assert.equal(await accounts.sweepThrottle(), 0, 'nothing is past its hour yet');
    clock.now = new Date(clock.now.getTime() + 31 * 60_000);
    assert.equal(await accounts.sweepThrottle(), 6);
    assert.equal(await rowCount(), 0);
  });

  test('migration 0017 deletes the rows kept in clear', async () => {
    const db = database().handle.db;
    await hashLoginThrottleKeys.down(db);
    const old = { failures: 3, blocked_until: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z' };
    await db
      .insertInto('login_throttle')
      .values([
        { key: 'account:moeder', ...old },
        { key: 'address:10.1.2.3', ...old },
      ])
      .execute();
    await hashLoginThrottleKeys.up(db);
    assert.equal(await rowCount(), 0);
  });
});

test('the throttle curves: refusals per name and address after 5 failures, per address after 100, sign-up after 10; a wait per name of at most 3 s', () => {
  assert.deepEqual([1, 2, 3, 4, 5, 6, 7].map(throttleDelayMs), [0, 0, 0, 0, 2000, 4000, 8000]);
  assert.equal(throttleDelayMs(40), 15 * 60_000);
  assert.deepEqual([100, 101, 102].map(addressDelayMs), [0, 2000, 4000]);
  assert.deepEqual([10, 11].map(signUpDelayMs), [0, 2000]);
  assert.deepEqual([9, 10, 11, 12, 13, 14, 1000].map(accountWaitMs), [0, 250, 500, 1000, 2000, 3000, 3000]);
});

test('the address the throttle counts: IPv6 by its /64, IPv4-mapped as IPv4, IPv4 as it is', () => {
  const cases: [string, string][] = [
    ['192.0.2.5', '192.0.2.5'],
    ['::ffff:192.0.2.5', '192.0.2.5'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:DB8:0001:0002::9', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['64:ff9b::192.0.2.1', '64:ff9b:0:0::/64'],
  ];
  for (const [address, counted] of cases) assert.equal(throttledAddress(address), counted, address);
});
