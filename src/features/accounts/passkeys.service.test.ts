import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachDialect } from '../../../test/helpers/databases.js';
import { buildParentSession } from '../../../test/helpers/factories.js';
import { createSoftAuthenticator } from '../../../test/helpers/soft-authenticator.js';
import { createPassphraseHasher } from '../../shared/crypto/passphrase.js';
import { createAccountsRepository } from './accounts.repo.js';
import { createAccountsService } from './accounts.service.js';
import { createPasskeyRepository } from './passkeys.repo.js';
import { createPasskeyService } from './passkeys.service.js';

const fast = { memoryKiB: 19_456, iterations: 2, parallelism: 1 };
const relyingParty = { origin: 'https://logboek.example', rpId: 'logboek.example' };

describeEachDialect('passkeys as a second factor', (database) => {
  const clock = { now: new Date('2026-05-04T10:00:00Z') };
  const build = () => {
    const accounts = createAccountsService(
      createAccountsRepository(database().handle.db),
      createPassphraseHasher({ pepper: Buffer.alloc(32, 7), concurrency: 2 }),
      { idleMs: 20 * 60_000, absoluteMs: 12 * 3_600_000 },
      () => clock.now,
      fast,
    );
    const repo = createPasskeyRepository(database().handle.db);
    const passkeys = createPasskeyService(
      repo,
      accounts,
      { id: relyingParty.rpId, origin: relyingParty.origin },
      () => clock.now,
    );
    return { accounts, passkeys, repo };
  };
  const passphrase = 'sleutel deur slot fiets';
  let address = 0;
  const nextAddress = () => `10.2.0.${++address}`;

  /** A new account with one passkey (from a soft authenticator), signed out again. */
  async function accountWithPasskey(username: string) {
    const { accounts, passkeys } = build();
    const { cookie, session } = await buildParentSession(accounts, { username, passphrase });
    const authenticator = createSoftAuthenticator(relyingParty);
    const options = await passkeys.registrationOptions(session);
    const added = await passkeys.register(
      session,
      { bijnaam: 'telefoon', antwoord: JSON.stringify(authenticator.register(options)) },
      undefined,
    );
    assert.deepEqual(added.ok, true, JSON.stringify(added));
    await accounts.endSessionByCookie(cookie);
    return { authenticator, userId: session.userId };
  }

  /** Logs in with the passphrase: a pending session that owes its passkey. */
  async function pendingLogin(username: string) {
    const { accounts } = build();
    const login = await accounts.login({ gebruikersnaam: username, wachtwoord: passphrase }, undefined, nextAddress());
    assert.ok(login.ok && login.secondFactor, 'the login asks for a second factor');
    return login.cookie;
  }

  test('a registered passkey is listed with its name, and its nickname is sealed in the database', async () => {
    const { userId } = await accountWithPasskey('sleutel.een');
    const { accounts, passkeys } = build();
    const login = await accounts.login(
      { gebruikersnaam: 'sleutel.een', wachtwoord: passphrase },
      undefined,
      nextAddress(),
    );
    assert.ok(login.ok && login.secondFactor);
    const rows = await database().handle.db.selectFrom('passkeys').selectAll().where('user_id', '=', userId).execute();
    assert.equal(rows.length, 1);
    assert.doesNotMatch(JSON.stringify(rows), /telefoon/);
    const { session } = await buildParentSession(accounts, {
      username: 'sleutel.lijst',
      passphrase,
      userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0',
    });
    const authenticator = createSoftAuthenticator(relyingParty);
    const added = await passkeys.register(
      session,
      { bijnaam: '', antwoord: JSON.stringify(authenticator.register(await passkeys.registrationOptions(session))) },
      'Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0',
    );
    assert.ok(added.ok);
    const listed = await passkeys.list(session);
    assert.deepEqual(
      listed.map((row) => [row.nickname, row.createdAt, row.lastUsedAt]),
      [['Chrome · Linux', clock.now.toISOString(), undefined]],
      'an empty name becomes the device hint',
    );
  });

  test('a passkey completes the login: the pending session ends and a full one starts under a new id', async () => {
    const { authenticator, userId } = await accountWithPasskey('sleutel.twee');
    const { accounts, passkeys, repo } = build();
    const cookie = await pendingLogin('sleutel.twee');
    assert.equal((await accounts.currentSession(cookie))?.secondFactorPending, true);
    const options = (await passkeys.authenticationOptions(cookie))!;
    assert.deepEqual(
      options.allowCredentials?.map((credential) => credential.id),
      [authenticator.credentialId],
      'only this user’s passkeys are offered',
    );
    clock.now = new Date(clock.now.getTime() + 30_000);
    const result = await passkeys.authenticate(cookie, JSON.stringify(authenticator.authenticate(options)), '10.2.1.1');
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.userId, userId);
    assert.notEqual(result.cookie, cookie);
    assert.equal(await accounts.currentSession(cookie), undefined, 'the pending session id is worth nothing now');
    const full = await accounts.currentSession(result.cookie);
    assert.equal(full?.secondFactorPending, false);
    assert.deepEqual(full?.secondFactors, { totp: false, passkey: true });
    const [stored] = await repo.listForUser(userId);
    assert.equal(stored?.counter, 1);
    assert.equal(stored?.lastUsedAt, clock.now.toISOString());
  });

  test('a replayed assertion is refused and changes nothing, also with a fresh challenge and an old counter', async () => {
    const { authenticator, userId } = await accountWithPasskey('sleutel.drie');
    const { accounts, passkeys, repo } = build();
    const first = await pendingLogin('sleutel.drie');
    const options = (await passkeys.authenticationOptions(first))!;
    const answer = JSON.stringify(authenticator.authenticate(options));
    const used = await passkeys.authenticate(first, answer, nextAddress());
    assert.ok(used.ok);
    const before = await repo.listForUser(userId);

    // The same answer in a new login: its challenge was used up (and belonged to another session).
    const second = await pendingLogin('sleutel.drie');
    const replayed = await passkeys.authenticate(second, answer, nextAddress());
    assert.deepEqual(replayed, { ok: false, problem: 'refused', userId });
    // Even answering a fresh challenge, a counter that does not go up is a cloned authenticator or a replay.
    const fresh = (await passkeys.authenticationOptions(second))!;
    const stale = await passkeys.authenticate(
      second,
      JSON.stringify(authenticator.authenticate(fresh, { counter: before[0]!.counter })),
      nextAddress(),
    );
    assert.deepEqual(stale, { ok: false, problem: 'refused', userId });
    assert.deepEqual(await repo.listForUser(userId), before, 'the passkey row is unchanged');
    assert.equal((await accounts.currentSession(second))?.secondFactorPending, true, 'the session still waits');
  });

  test('a challenge never issued, one from another ceremony, or an answer for another origin is refused', async () => {
    const { authenticator } = await accountWithPasskey('sleutel.vier');
    const { accounts, passkeys } = build();
    const cookie = await pendingLogin('sleutel.vier');
    const options = (await passkeys.authenticationOptions(cookie))!;
    const attempts = [
      authenticator.authenticate(options, { challenge: Buffer.alloc(32, 1).toString('base64url') }),
      authenticator.authenticate(options, { origin: 'https://logboek.example.evil' }),
    ];
    for (const attempt of attempts) {
      const result = await passkeys.authenticate(cookie, JSON.stringify(attempt), nextAddress());
      assert.equal(result.ok, false);
    }
    // The origin check refused the second attempt after its challenge was used: that challenge is gone too.
    const again = await passkeys.authenticate(
      cookie,
      JSON.stringify(authenticator.authenticate(options)),
      nextAddress(),
    );
    assert.equal(again.ok, false, 'a challenge is used once, even by a refused answer');
    assert.equal((await accounts.currentSession(cookie))?.secondFactorPending, true);

    // A registration challenge does not answer a login, and a login challenge of one session not another's.
    const other = await pendingLogin('sleutel.vier');
    const foreign = await passkeys.authenticate(
      other,
      JSON.stringify(authenticator.authenticate((await passkeys.authenticationOptions(cookie))!)),
      nextAddress(),
    );
    assert.equal(foreign.ok, false, 'another session’s challenge');
  });

  test('an expired registration challenge is refused; within five minutes it works once', async () => {
    const { accounts, passkeys } = build();
    const signUp = await buildParentSession(accounts, { username: 'sleutel.vijf', passphrase });
    const { session } = signUp;
    const authenticator = createSoftAuthenticator(relyingParty);
    const late = authenticator.register(await passkeys.registrationOptions(session));
    clock.now = new Date(clock.now.getTime() + 5 * 60_000 + 1_000);
    const current = (await accounts.currentSession(signUp.cookie))!;
    assert.deepEqual(await passkeys.register(current, { antwoord: JSON.stringify(late) }, undefined), {
      ok: false,
      problem: 'refused',
    });
    const answer = JSON.stringify(authenticator.register(await passkeys.registrationOptions(current)));
    assert.equal((await passkeys.register(current, { antwoord: answer }, undefined)).ok, true);
    assert.deepEqual(await passkeys.register(current, { antwoord: answer }, undefined), {
      ok: false,
      problem: 'refused',
    });
    const twice = JSON.stringify(authenticator.register(await passkeys.registrationOptions(current)));
    assert.deepEqual(await passkeys.register(current, { antwoord: twice }, undefined), {
      ok: false,
      problem: 'duplicate',
    });
    assert.equal((await passkeys.list(current)).length, 1);
  });

  test("another user's credential is refused, even with a challenge issued to the session presenting it", async () => {
    const alice = await accountWithPasskey('sleutel.zes');
    await accountWithPasskey('sleutel.zeven');
    const { passkeys } = build();
    const bob = await pendingLogin('sleutel.zeven');
    const options = (await passkeys.authenticationOptions(bob))!;
    const result = await passkeys.authenticate(
      bob,
      JSON.stringify(alice.authenticator.authenticate(options)),
      nextAddress(),
    );
    assert.equal(result.ok, false);
  });

  test('malformed answers are refused as malformed and count towards the throttle', async () => {
    await accountWithPasskey('sleutel.acht');
    const { passkeys } = build();
    const cookie = await pendingLogin('sleutel.acht');
    const from = nextAddress();
    const bad = [
      '',
      'niet json',
      '{"id":1}',
      JSON.stringify({ id: 'a', rawId: 'a', type: 'public-key' }),
      ['x'],
      'x'.repeat(50_000),
    ];
    const results = [];
    for (const raw of bad) results.push(await passkeys.authenticate(cookie, raw, from));
    assert.deepEqual(
      results.slice(0, 4).map((result) => 'problem' in result && result.problem),
      ['malformed', 'malformed', 'malformed', 'malformed'],
    );
    // The fifth failure in a row closes the second step for a while, as for wrong codes.
    assert.ok(results.slice(5).every((result) => !result.ok && 'retryAt' in result && result.retryAt !== undefined));
  });

  test('without a pending session there are no options and nothing to complete', async () => {
    const { authenticator } = await accountWithPasskey('sleutel.negen');
    const { accounts, passkeys } = build();
    assert.equal(await passkeys.authenticationOptions(undefined), undefined);
    const cookie = await pendingLogin('sleutel.negen');
    const options = (await passkeys.authenticationOptions(cookie))!;
    await accounts.endSessionByCookie(cookie);
    assert.deepEqual(
      await passkeys.authenticate(cookie, JSON.stringify(authenticator.authenticate(options)), nextAddress()),
      {
        ok: false,
      },
    );
  });
});
