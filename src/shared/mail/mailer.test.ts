import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { appForSuite, csrfTokenFrom, setCookies } from '../../../test/helpers/app.js';
import { buildParent } from '../../../test/helpers/factories.js';
import { type SmtpSink, startSmtpSink } from '../../../test/helpers/smtp-sink.js';
import { translatorFor } from '../../messages.js';
import { createMailer } from './mailer.js';

const revealing = /niet mijn kind|uitbuit|exploit|loverboy|logboek|journal|kind\b|child|seks|sex|politie|police|http/i;

describe('e-mail notices', () => {
  let sink: SmtpSink;
  before(async () => {
    sink = await startSmtpSink();
  });
  after(() => sink.close());

  test('a notice travels over SMTP with the configured neutral sender and says nothing about the site', async () => {
    const mailer = createMailer({ url: sink.url, from: 'no-reply@example.org', fromName: 'Berichten' }, translatorFor);
    assert.equal(await mailer.sendNotice('ouder@example.org', 'account-changed', 'nl'), true);
    assert.equal(await mailer.sendNotice('parent@example.org', 'account-changed', 'en'), true);
    const [dutch, english] = sink.received.slice(-2);
    assert.equal(dutch?.from?.value[0]?.name, 'Berichten');
    assert.equal(dutch?.subject, 'Er is iets gewijzigd in je account');
    assert.equal(english?.subject, 'Something changed in your account');
    for (const mail of [dutch, english]) {
      assert.doesNotMatch(`${mail?.subject ?? ''}\n${mail?.text ?? ''}`, revealing);
    }
  });

  test('without SMTP_URL no mail is sent, and a refusing server does not break the request', async () => {
    assert.equal(
      await createMailer({ url: undefined, from: 'a@example.org', fromName: 'x' }, translatorFor).sendNotice(
        'b@example.org',
        'account-changed',
        'nl',
      ),
      false,
    );
    const errors: unknown[] = [];
    const unreachable = createMailer(
      { url: 'smtp://127.0.0.1:9', from: 'a@example.org', fromName: 'x' },
      translatorFor,
      (error) => errors.push(error),
    );
    assert.equal(await unreachable.sendNotice('b@example.org', 'account-changed', 'nl'), false);
    assert.equal(errors.length, 1);
  });

  describe('through the app', () => {
    const testApp = appForSuite('sqlite', () => ({
      SMTP_URL: sink.url,
      MAIL_FROM: 'no-reply@example.org',
      RATE_LIMIT_MAX: '100000',
    }));

    test('a parent may leave an address for notices; using the recovery code sends one', async () => {
      const { app } = testApp;
      const passphrase = 'brief postbus zegel envelop';
      const { recoveryCode: code, cookies } = await buildParent(testApp, { username: 'post.ouder', passphrase });
      const account = await app.inject({ method: 'GET', url: '/account', cookies });
      const token = csrfTokenFrom(account.body);
      const bad = await app.inject({
        method: 'POST',
        url: '/account/email',
        cookies,
        payload: { _csrf: token, email: 'geen adres' },
      });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /Dit is geen geldig e-mailadres/);
      const saved = await app.inject({
        method: 'POST',
        url: '/account/email',
        cookies,
        payload: { _csrf: token, email: 'post@example.org' },
      });
      assert.equal(saved.statusCode, 303);

      const before = sink.received.length;
      const recoverForm = await app.inject({ method: 'GET', url: '/herstellen' });
      const recovered = await app.inject({
        method: 'POST',
        url: '/herstellen',
        cookies: Object.fromEntries(setCookies(recoverForm.headers)),
        payload: {
          _csrf: csrfTokenFrom(recoverForm.body),
          gebruikersnaam: 'post.ouder',
          herstelcode: code,
          wachtwoord: 'nieuwe brief postbus zegel',
          herhaling: 'nieuwe brief postbus zegel',
        },
      });
      assert.equal(recovered.statusCode, 200);
      // The notice is a job (account id and language only); the server's worker sends it, here the test does.
      assert.equal(sink.received.length, before);
      assert.equal(await testApp.services.jobs.runDue(), 1);
      assert.equal(sink.received.length, before + 1);
      const notice = sink.received.at(-1)!;
      assert.equal(
        notice.to && !Array.isArray(notice.to) ? notice.to.value[0]?.address : undefined,
        'post@example.org',
      );
      assert.doesNotMatch(`${notice.subject ?? ''}\n${notice.text ?? ''}`, revealing);
      assert.doesNotMatch(notice.text ?? '', /post\.ouder/, 'not even the username');
    });
  });
});
