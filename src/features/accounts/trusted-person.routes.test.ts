import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, csrfTokenFrom, postForm, type TestApp, withCookiesOf } from '../../../test/helpers/app.js';
import { dialects } from '../../../test/helpers/databases.js';
import { assertNotInDump, databaseDump } from '../../../test/helpers/dump.js';
import { type BuiltAccount, buildAdmin, buildParent } from '../../../test/helpers/factories.js';
import { textOf } from '../../../test/helpers/html-text.js';
import { type SmtpSink, startSmtpSink } from '../../../test/helpers/smtp-sink.js';
import { generateRecoveryCode } from '../../shared/crypto/recovery-code.js';
import { releaseKeyFrom, TrustedWrapRefused, unwrapAsTrustedPerson } from './trusted-person.keys.js';
import { createTrustedPersonRepository } from './trusted-person.repo.js';

/*
 * A trusted person as a way back in (issue 19 point 3, ADR 0049), over HTTP on both databases, with a clock the test
 * moves: naming with the code handed over in person (one answer for a wrong name or code), the request and the
 * owner's neutral e-mail (a real SMTP conversation), the waiting period, refusal, the grant, the recovery code the
 * trusted person makes and the owner's way back in with it, removal, key rotation on either side, and the audit log.
 */

const DAY_MS = 86_400_000;
const passphrase = 'regen op het dak van de schuur';
const marker = 'De grijze bestelbus stond weer bij de ingang.';
/** Words no notice may carry: the subject of the site, the feature, and the people in it. */
const revealing = [/kind/i, /uitbuit/i, /exploit/i, /logboek/i, /journal/i, /vertrouwens/i, /trusted/i, /http/i];

for (const dialect of dialects) {
  describe(`a trusted person as a way back in (${dialect})`, () => {
    let testApp: TestApp;
    let sink: SmtpSink;
    let now = new Date('2026-12-07T10:00:00.000Z');
    const advance = (ms: number) => {
      now = new Date(now.getTime() + ms);
    };
    before(async () => {
      sink = await startSmtpSink();
      testApp = await buildTestApp(
        dialect,
        {
          RATE_LIMIT_MAX: '100000',
          SMTP_URL: sink.url,
          MAIL_FROM: 'no-reply@example.org',
          PUBLIC_ORIGIN: 'https://example.org',
        },
        { clock: () => now },
      );
    });
    after(async () => {
      await testApp.close();
      await sink.close();
    });

    const get = (cookies: Record<string, string>, url: string) => testApp.app.inject({ method: 'GET', url, cookies });
    const post = (cookies: Record<string, string>, url: string, payload: Record<string, string> = {}) =>
      postForm(testApp.app, cookies, url, payload);
    const page = async (account: BuiltAccount) => {
      const response = await get(account.cookies, '/account/vertrouwenspersoon');
      assert.equal(response.statusCode, 200);
      return response.body;
    };
    const actions = async (ownerId: string) =>
      (await testApp.services.audit.forObject('account', ownerId)).map((row) => row.action);
    const offerCode = async (trusted: BuiltAccount): Promise<string> => {
      const response = await post(trusted.cookies, '/account/vertrouwenspersoon/code');
      assert.equal(response.statusCode, 200);
      const code = /data-offer-code="true">([^<]+)</.exec(response.body)?.[1];
      assert.ok(code !== undefined, 'the code is shown once');
      return code;
    };
    const name = (owner: BuiltAccount, username: string, code: string, days = '7') =>
      post(owner.cookies, '/account/vertrouwenspersoon/kiezen', {
        gebruikersnaam: username,
        code,
        wachtdagen: days,
        wachtwoord: owner.passphrase,
      });
    /** An owner with a trusted person, an e-mail address and a journal entry. */
    const pair = async () => {
      const owner = await buildParent(testApp, { passphrase });
      const trusted = await buildParent(testApp, { passphrase });
      assert.equal(
        (await post(owner.cookies, '/account/email', { email: `${owner.userId}@example.org` })).statusCode,
        303,
      );
      const entry = { datum: '2026-11-20', categorie: 'behaviour', tekst: marker, regel: 'ja', metadata: 'ja' };
      assert.equal((await post(owner.cookies, '/logboek', entry)).statusCode, 303);
      assert.equal((await name(owner, trusted.username, await offerCode(trusted))).statusCode, 303);
      return { owner, trusted };
    };
    const rotatedPassphrase = 'een heel andere zin voor later';
    /** The account's own key rotation (key-rotation.service) to `rotatedPassphrase`. */
    const rotateKeys = async (account: BuiltAccount, clientAddress: string) => {
      const session = (await testApp.services.accounts.currentSession(account.session))!;
      const rotated = await testApp.services.keyRotation.rotate(
        session,
        { huidig: passphrase, wachtwoord: rotatedPassphrase, herhaling: rotatedPassphrase },
        clientAddress,
        'test',
      );
      assert.ok(rotated.ok);
      return rotated;
    };
    const mailsTo = async (address: string) => {
      await testApp.services.jobs.runDue();
      return sink.received.filter((mail) => mail.to !== undefined && JSON.stringify(mail.to).includes(address));
    };

    test('naming needs the code the trusted person gave; an unknown name and a wrong code get one answer', async () => {
      const owner = await buildParent(testApp, { passphrase });
      const trusted = await buildParent(testApp, { passphrase });
      const code = await offerCode(trusted);
      const unknown = await name(owner, 'niemand.bestaat.zo', code);
      const wrongCode = await name(owner, trusted.username, generateRecoveryCode().display);
      assert.equal(unknown.statusCode, 400);
      assert.equal(wrongCode.statusCode, 400);
      const message = (body: string) => textOf(/<div class="app-error-summary"[\s\S]*?<\/div>/.exec(body)?.[0] ?? '');
      assert.match(message(unknown.body), /horen niet bij elkaar/);
      assert.equal(message(unknown.body), message(wrongCode.body), 'no difference between the two');
      // An admin's name is no parent's: the same answer.
      const admin = await buildAdmin(testApp, { passphrase });
      assert.equal(message((await name(owner, admin.username, code)).body), message(unknown.body));
      // Oneself, with one's own code: the same answer.
      assert.equal(message((await name(owner, owner.username, await offerCode(owner))).body), message(unknown.body));
      assert.equal((await name(owner, trusted.username, code, '1')).statusCode, 400, 'a waiting period under 2 days');
      assert.equal((await name(owner, trusted.username, code)).statusCode, 303);
      assert.match(
        textOf(await page(owner)),
        new RegExp(`Je vertrouwenspersoon is ${trusted.username.replace(/\./g, '\\.')}`),
      );
      assert.match(textOf(await page(trusted)), /heeft jou gekozen als vertrouwenspersoon/);
      // The code works once.
      const again = await buildParent(testApp, { passphrase });
      assert.equal((await name(again, trusted.username, code)).statusCode, 400);
      assert.deepEqual(
        (await actions(owner.userId)).filter((action) => action.startsWith('trusted-person.')),
        // The owner's own code (made to try naming oneself), then the naming.
        ['trusted-person.offer-made', 'trusted-person.named'],
      );
      assert.ok((await actions(trusted.userId)).includes('trusted-person.offer-made'));
    });

    test('a code lasts 24 hours and a newer one replaces it; naming another replaces the first', async () => {
      const owner = await buildParent(testApp, { passphrase });
      const first = await buildParent(testApp, { passphrase });
      const second = await buildParent(testApp, { passphrase });
      const expired = await offerCode(first);
      advance(DAY_MS + 60_000);
      const late = await name(owner, first.username, expired);
      assert.equal(late.statusCode, 400, 'a code older than 24 hours');
      assert.match(textOf(late.body), /horen niet bij elkaar/);
      const older = await offerCode(first);
      const newest = await offerCode(first);
      assert.equal((await name(owner, first.username, older)).statusCode, 400, 'a code a newer one replaced');
      assert.equal((await name(owner, first.username, newest)).statusCode, 303);
      assert.equal((await name(owner, second.username, await offerCode(second))).statusCode, 303);
      const rows = await testApp.database.handle.db
        .selectFrom('trusted_persons')
        .select('trusted_id')
        .where('owner_id', '=', owner.userId)
        .execute();
      assert.deepEqual(
        rows.map((row) => row.trusted_id),
        [second.userId],
        'one trusted person per owner',
      );
      assert.doesNotMatch(textOf(await page(first)), /heeft jou gekozen/);
      assert.equal(
        (await post(first.cookies, '/account/vertrouwenspersoon/vragen', { eigenaar: owner.userId })).statusCode,
        404,
      );
    });

    test('request, neutral e-mail, waiting period and grant; the owner gets back in with the new code', async () => {
      const { owner, trusted } = await pair();
      const requested = await post(trusted.cookies, '/account/vertrouwenspersoon/vragen', { eigenaar: owner.userId });
      assert.equal(requested.statusCode, 303);
      // The owner is told: a neutral e-mail through a real SMTP conversation, and the account page.
      const [mail] = await mailsTo(`${owner.userId}@example.org`);
      assert.ok(mail !== undefined, 'the owner got an e-mail');
      const mailText = `${mail.subject ?? ''}\n${mail.text ?? ''}`;
      for (const word of [...revealing, new RegExp(trusted.username.replace(/\./g, '\\.'))]) {
        assert.doesNotMatch(mailText, word);
      }
      assert.match(mailText, /verzoek/);
      const accountPage = await get(owner.cookies, '/account');
      assert.match(accountPage.body, /data-trusted-notice/);
      assert.match(textOf(await page(owner)), /heeft op .* om toegang tot je account gevraagd/);
      assert.match(textOf(await page(trusted)), /Je hebt toegang gevraagd op/);
      // A second request while one is open changes nothing.
      assert.equal(
        (await post(trusted.cookies, '/account/vertrouwenspersoon/vragen', { eigenaar: owner.userId })).statusCode,
        404,
      );

      // Before the grant: the trusted person's ask for the wrap is refused, and the refusal is in the audit log.
      advance(7 * DAY_MS - 60_000);
      const early = await post(trusted.cookies, '/account/vertrouwenspersoon/herstelcode', {
        eigenaar: owner.userId,
        wachtwoord: passphrase,
      });
      assert.equal(early.statusCode, 404);
      const repo = createTrustedPersonRepository(testApp.database.handle.db);
      assert.equal(await repo.releaseGrantedWrap(owner.userId, trusted.userId, now.toISOString()), undefined);
      assert.ok((await actions(owner.userId)).includes('trusted-person.release-refused'));

      // A copy of the database gives the trusted person nothing of the journal: with their own keys (from their
      // session) the stored wrap does not open without the server's release key, which is not in the copy.
      const dump = await databaseDump(testApp);
      const ownerSession = (await testApp.services.accounts.currentSession(owner.session))!;
      const trustedSession = (await testApp.services.accounts.currentSession(trusted.session))!;
      assertNotInDump(dump, [
        ['the journal entry', Buffer.from(marker, 'utf8')],
        ["the owner's master key", ownerSession.keys.masterKey().key.export()],
        ['the release key', releaseKeyFrom(testApp.config.pepper!).key.export()],
      ]);
      const stored = await testApp.database.handle.db
        .selectFrom('trusted_persons')
        .select(['wrap', 'owner_epoch', 'recipient_key_id'])
        .where('owner_id', '=', owner.userId)
        .executeTakeFirstOrThrow();
      assert.ok(stored.wrap !== null && dump.includes(stored.wrap), 'the wrap is in the copy');
      const place = {
        ownerId: owner.userId,
        trustedId: trusted.userId,
        epoch: Number(stored.owner_epoch),
        recipientKeyId: stored.recipient_key_id,
      };
      for (const guess of [releaseKeyFrom(randomBytes(32)), releaseKeyFrom(Buffer.alloc(32))]) {
        assert.throws(
          () =>
            unwrapAsTrustedPerson({
              wrap: stored.wrap!,
              place,
              releaseKey: guess,
              recipientPrivate: trustedSession.keys.sharingKey().privateKey,
            }),
          TrustedWrapRefused,
        );
      }

      // After the waiting period, without refusal: granted.
      advance(2 * 60_000);
      assert.match(textOf(await page(trusted)), /De wachttijd is voorbij/);
      const wrong = await post(trusted.cookies, '/account/vertrouwenspersoon/herstelcode', {
        eigenaar: owner.userId,
        wachtwoord: 'niet het goede wachtwoord hier',
      });
      assert.equal(wrong.statusCode, 400);
      const made = await post(trusted.cookies, '/account/vertrouwenspersoon/herstelcode', {
        eigenaar: owner.userId,
        wachtwoord: passphrase,
      });
      assert.equal(made.statusCode, 200);
      const code = /data-recovery-code="true">([^<]+)</.exec(made.body)?.[1];
      assert.ok(code !== undefined, 'the new recovery code is shown once');
      assert.doesNotMatch(made.body, new RegExp(marker), 'nothing of the journal is shown');
      // The owner learns of it: a neutral "something changed" e-mail, and their page.
      const afterMails = await mailsTo(`${owner.userId}@example.org`);
      assert.equal(afterMails.length, 2);
      assert.match(afterMails[1]!.subject ?? '', /gewijzigd/);
      assert.match(textOf(await page(owner)), /heeft op .* een nieuwe herstelcode voor je gemaakt/);
      // The request is used up: a second code needs a new request and a new waiting period.
      assert.equal(
        (
          await post(trusted.cookies, '/account/vertrouwenspersoon/herstelcode', {
            eigenaar: owner.userId,
            wachtwoord: passphrase,
          })
        ).statusCode,
        404,
      );

      // The owner, with nothing but their username and this code, sets a new passphrase and reads their journal.
      const form = await testApp.app.inject({ method: 'GET', url: '/herstellen' });
      const newPassphrase = 'nieuwe zin na alles kwijt te zijn';
      const recovered = await testApp.app.inject({
        method: 'POST',
        url: '/herstellen',
        cookies: withCookiesOf({}, form.headers),
        payload: {
          _csrf: csrfTokenFrom(form.body),
          gebruikersnaam: owner.username,
          herstelcode: code,
          wachtwoord: newPassphrase,
          herhaling: newPassphrase,
        },
      });
      assert.equal(recovered.statusCode, 200);
      const journal = await get(withCookiesOf({}, recovered.headers), '/logboek');
      assert.equal(journal.statusCode, 200);
      assert.match(journal.body, /De grijze bestelbus/);

      const steps = (await actions(owner.userId)).filter((action) => action.startsWith('trusted-person.'));
      assert.deepEqual(steps, [
        'trusted-person.named',
        'trusted-person.access-requested',
        'trusted-person.release-refused',
        'trusted-person.recovery-code-made',
        // The second ask, after the request was used.
        'trusted-person.release-refused',
      ]);
    });

    test('hostile or oversized passphrases answer 400 with a message: naming, and making a code after the grant', async () => {
      const { owner, trusted } = await pair();
      // Within the 5-minute re-authentication window: an oversized passphrase is a wrong one, not an absent one.
      const oversized = await post(owner.cookies, '/account/vertrouwenspersoon/kiezen', {
        gebruikersnaam: trusted.username,
        code: await offerCode(trusted),
        wachtdagen: '7',
        wachtwoord: 'x'.repeat(20_000),
      });
      assert.equal(oversized.statusCode, 400);
      assert.match(textOf(oversized.body), /wachtwoord/i);
      await post(trusted.cookies, '/account/vertrouwenspersoon/vragen', { eigenaar: owner.userId });
      advance(8 * DAY_MS);
      for (const wachtwoord of ['x'.repeat(20_000), "' OR 1=1 --", '\u202e<script>alert(1)</script>', '\u0000']) {
        const response = await post(trusted.cookies, '/account/vertrouwenspersoon/herstelcode', {
          eigenaar: owner.userId,
          wachtwoord,
        });
        assert.equal(response.statusCode, 400);
        assert.match(textOf(response.body), /wachtwoord/i);
        assert.doesNotMatch(response.body, /data-recovery-code|<script>alert/);
      }
      const made = await post(trusted.cookies, '/account/vertrouwenspersoon/herstelcode', {
        eigenaar: owner.userId,
        wachtwoord: passphrase,
      });
      assert.equal(made.statusCode, 200, 'the grant is still there');
    });

    test('the owner refuses; nothing is granted after the waiting period; a new request may follow', async () => {
      const { owner, trusted } = await pair();
      await post(trusted.cookies, '/account/vertrouwenspersoon/vragen', { eigenaar: owner.userId });
      advance(DAY_MS);
      assert.equal((await post(owner.cookies, '/account/vertrouwenspersoon/weigeren')).statusCode, 303);
      assert.doesNotMatch((await get(owner.cookies, '/account')).body, /data-trusted-notice/);
      advance(30 * DAY_MS);
      const late = await post(trusted.cookies, '/account/vertrouwenspersoon/herstelcode', {
        eigenaar: owner.userId,
        wachtwoord: passphrase,
      });
      assert.equal(late.statusCode, 404);
      assert.match(textOf(await page(trusted)), /heeft je verzoek geweigerd op/);
      // Refusing twice: no open request, nothing to refuse.
      assert.equal((await post(owner.cookies, '/account/vertrouwenspersoon/weigeren')).statusCode, 404);
      assert.equal(
        (await post(trusted.cookies, '/account/vertrouwenspersoon/vragen', { eigenaar: owner.userId })).statusCode,
        303,
      );
      assert.deepEqual(
        (await actions(owner.userId)).filter((action) => action.startsWith('trusted-person.')),
        [
          'trusted-person.named',
          'trusted-person.access-requested',
          'trusted-person.refused',
          'trusted-person.release-refused',
          'trusted-person.access-requested',
        ],
      );
    });

    test('removing the trusted person deletes the wrap; they can no longer ask', async () => {
      const { owner, trusted } = await pair();
      assert.equal((await post(owner.cookies, '/account/vertrouwenspersoon/verwijderen')).statusCode, 303);
      const rows = await testApp.database.handle.db
        .selectFrom('trusted_persons')
        .select('owner_id')
        .where('owner_id', '=', owner.userId)
        .execute();
      assert.equal(rows.length, 0);
      assert.doesNotMatch(textOf(await page(trusted)), /heeft jou gekozen/);
      assert.equal(
        (await post(trusted.cookies, '/account/vertrouwenspersoon/vragen', { eigenaar: owner.userId })).statusCode,
        404,
      );
      assert.ok((await actions(owner.userId)).includes('trusted-person.removed'));
    });

    test("the trusted person's key rotation drops the wrap until the owner confirms them again", async () => {
      const { owner, trusted } = await pair();
      const rotated = await rotateKeys(trusted, '10.0.0.5');
      assert.match(textOf(await page(owner)), /Bevestig .* opnieuw/);
      const trustedAgain = {
        ...trusted,
        cookies: { ...trusted.cookies, sessie: rotated.cookie },
        session: rotated.cookie,
      };
      assert.match(textOf(await page(trustedAgain)), /moet jou opnieuw bevestigen/);
      assert.equal(
        (await post(trustedAgain.cookies, '/account/vertrouwenspersoon/vragen', { eigenaar: owner.userId })).statusCode,
        404,
      );
      assert.equal((await post(owner.cookies, '/account/vertrouwenspersoon/vernieuwen')).statusCode, 303);
      assert.equal(
        (await post(trustedAgain.cookies, '/account/vertrouwenspersoon/vragen', { eigenaar: owner.userId })).statusCode,
        303,
      );
      advance(8 * DAY_MS);
      const made = await post(trustedAgain.cookies, '/account/vertrouwenspersoon/herstelcode', {
        eigenaar: owner.userId,
        wachtwoord: rotatedPassphrase,
      });
      assert.equal(made.statusCode, 200, 'the renewed wrap opens with the new key');
      assert.ok((await actions(owner.userId)).includes('trusted-person.renewed'));
    });

    test("the owner's key rotation wraps the new master key; the trusted person can still help", async () => {
      const { owner, trusted } = await pair();
      await rotateKeys(owner, '10.0.0.6');
      await post(trusted.cookies, '/account/vertrouwenspersoon/vragen', { eigenaar: owner.userId });
      advance(8 * DAY_MS);
      const made = await post(trusted.cookies, '/account/vertrouwenspersoon/herstelcode', {
        eigenaar: owner.userId,
        wachtwoord: passphrase,
      });
      assert.equal(made.statusCode, 200);
      const code = /data-recovery-code="true">([^<]+)</.exec(made.body)![1]!;
      const form = await testApp.app.inject({ method: 'GET', url: '/herstellen' });
      const recovered = await testApp.app.inject({
        method: 'POST',
        url: '/herstellen',
        cookies: withCookiesOf({}, form.headers),
        payload: {
          _csrf: csrfTokenFrom(form.body),
          gebruikersnaam: owner.username,
          herstelcode: code,
          wachtwoord: 'nog een zin voor de derde keer',
          herhaling: 'nog een zin voor de derde keer',
        },
      });
      assert.equal(recovered.statusCode, 200);
      assert.match((await get(withCookiesOf({}, recovered.headers), '/logboek')).body, /De grijze bestelbus/);
    });
  });
}
