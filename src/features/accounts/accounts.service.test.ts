import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generate } from 'otplib';
import { describeEachDialect } from '../../../test/helpers/databases.js';
import { createPassphraseHasher } from '../../shared/crypto/passphrase.js';
import { createAccountsRepository } from './accounts.repo.js';
import { createAccountsService } from './accounts.service.js';

const fast = { memoryKiB: 19_456, iterations: 2, parallelism: 1 };

describeEachDialect('accounts with a clock', (database) => {
  const clock = { now: new Date('2026-03-29T00:55:00Z') };
  const service = () =>
    createAccountsService(
      createAccountsRepository(database().handle.db),
      createPassphraseHasher({ pepper: Buffer.alloc(32, 9), concurrency: 2 }),
      { idleMs: 20 * 60_000, absoluteMs: 12 * 3_600_000 },
      () => clock.now,
      fast,
    );
  const passphrase = 'klok wekker zomer tijd';
  /** The TOTP secret the first test sets up, for the tests after it. */
  let totpSecret = '';

  test('a fresh code completes a TOTP login; the same code again is refused (replay)', async () => {
    const signUp = await service().register(
      { gebruikersnaam: 'klok.ouder', wachtwoord: passphrase, herhaling: passphrase },
      undefined,
    );
    assert.ok(signUp.ok);
    const session = (await service().currentSession(signUp.cookie))!;
    const { secret } = await service().startTotp(session);
    totpSecret = secret;
    assert.equal(
      await service().confirmTotp(session, await generate({ secret, epoch: Math.floor(clock.now.getTime() / 1000) })),
      true,
    );

    clock.now = new Date(clock.now.getTime() + 90_000);
    const login = await service().login(
      { gebruikersnaam: 'klok.ouder', wachtwoord: passphrase },
      undefined,
      '10.1.1.1',
    );
    assert.ok(login.ok && login.secondFactor);
    const pending = await service().currentSession(login.cookie);
    assert.equal(pending?.secondFactorPending, true);
    const code = await generate({ secret, epoch: Math.floor(clock.now.getTime() / 1000) });
    const completed = await service().completeSecondFactor(login.cookie, code, '10.1.1.1');
    assert.ok(completed.ok);
    assert.equal(completed.userId, session.userId);
    assert.notEqual(completed.cookie, login.cookie, 'a new session id once the code is given');
    assert.equal(await service().currentSession(login.cookie), undefined, 'the pending session is gone');
    assert.equal((await service().currentSession(completed.cookie))?.secondFactorPending, false);

    const again = await service().login(
      { gebruikersnaam: 'klok.ouder', wachtwoord: passphrase },
      undefined,
      '10.1.1.1',
    );
    assert.ok(again.ok);
    assert.deepEqual(await service().completeSecondFactor(again.cookie, code, '10.1.1.1'), { ok: false }, 'replayed');
  });

  test('a second step whose audit line cannot be written leaves the session waiting for its code', async () => {
    clock.now = new Date(clock.now.getTime() + 60_000);
    const login = await service().login(
      { gebruikersnaam: 'klok.ouder', wachtwoord: passphrase },
      undefined,
      '10.1.1.9',
    );
    assert.ok(login.ok && login.secondFactor);
    const user = (await service().currentSession(login.cookie))!.userId;
    const secret = totpSecret;
    const code = await generate({ secret, epoch: Math.floor(clock.now.getTime() / 1000) });
    const refused = () => () => Promise.reject(new Error('the audit log cannot be written'));
    await assert.rejects(service().completeSecondFactor(login.cookie, code, '10.1.1.9', refused));
    assert.equal((await service().currentSession(login.cookie))?.secondFactorPending, true, 'still waiting');
    clock.now = new Date(clock.now.getTime() + 30_000);
    const next = await generate({ secret, epoch: Math.floor(clock.now.getTime() / 1000) });
    const lines: string[] = [];
    const completed = await service().completeSecondFactor(login.cookie, next, '10.1.1.9', (userId) => () => {
      lines.push(userId);
      return Promise.resolve();
    });
    assert.ok(completed.ok);
    assert.deepEqual(lines, [user], 'the line is written with the new session');
    assert.equal(await service().currentSession(login.cookie), undefined);
  });

  test('a session that does not give its code within five minutes is gone', async () => {
    const login = await service().login(
      { gebruikersnaam: 'klok.ouder', wachtwoord: passphrase },
      undefined,
      '10.1.1.2',
    );
    assert.ok(login.ok);
    clock.now = new Date(clock.now.getTime() + 5 * 60_000 + 1_000);
    assert.equal(await service().currentSession(login.cookie), undefined);
  });

  test('idle and absolute time-outs end a session', async () => {
    const signUp = await service().register(
      { gebruikersnaam: 'tijd.ouder', wachtwoord: passphrase, herhaling: passphrase },
      undefined,
    );
    assert.ok(signUp.ok);
    clock.now = new Date(clock.now.getTime() + 19 * 60_000);
    assert.notEqual(await service().currentSession(signUp.cookie), undefined, 'still there after 19 minutes');
    clock.now = new Date(clock.now.getTime() + 21 * 60_000);
    assert.equal(await service().currentSession(signUp.cookie), undefined, 'gone after 21 idle minutes');
    const login = await service().login(
      { gebruikersnaam: 'tijd.ouder', wachtwoord: passphrase },
      undefined,
      '10.1.1.3',
    );
    assert.ok(login.ok);
    // Active every 15 minutes: the idle time-out never ends it, the absolute one does after 12 hours.
    for (let quarter = 1; quarter <= 47; quarter += 1) {
      clock.now = new Date(clock.now.getTime() + 15 * 60_000);
      assert.notEqual(await service().currentSession(login.cookie), undefined, `active at ${quarter * 15} minutes`);
    }
    clock.now = new Date(clock.now.getTime() + 16 * 60_000);
    assert.equal(await service().currentSession(login.cookie), undefined, 'gone after 12 hours even when active');
  });

  test('re-authentication: within 5 minutes of giving the passphrase a sensitive action need not ask again', async () => {
    clock.now = new Date('2026-03-29T03:00:00Z');
    const signUp = await service().register(
      { gebruikersnaam: 'herbevestig.ouder', wachtwoord: passphrase, herhaling: passphrase },
      undefined,
    );
    assert.ok(signUp.ok);
    const fresh = (await service().currentSession(signUp.cookie))!;
    assert.equal(
      await service().confirmPassphrase(fresh, '', '10.3.3.3', { allowRecent: true }),
      'ok',
      'just signed up',
    );
    assert.equal(await service().confirmPassphrase(fresh, '', '10.3.3.3'), 'wrong', 'actions that always ask');

    clock.now = new Date(clock.now.getTime() + 6 * 60_000);
    const later = (await service().currentSession(signUp.cookie))!;
    assert.equal(
      await service().confirmPassphrase(later, '', '10.3.3.3', { allowRecent: true }),
      'wrong',
      'window over',
    );
    assert.equal(
      await service().confirmPassphrase(later, 'niet de goede zin', '10.3.3.3', { allowRecent: true }),
      'wrong',
    );
    assert.equal(await service().confirmPassphrase(later, passphrase, '10.3.3.3', { allowRecent: true }), 'ok');
    const renewed = (await service().currentSession(signUp.cookie))!;
    assert.equal(await service().confirmPassphrase(renewed, '', '10.3.3.3', { allowRecent: true }), 'ok', 'renewed');

    clock.now = new Date(clock.now.getTime() + 5 * 60_000 + 1);
    const expired = (await service().currentSession(signUp.cookie))!;
    assert.equal(await service().confirmPassphrase(expired, '', '10.3.3.3', { allowRecent: true }), 'wrong');
  });
});
