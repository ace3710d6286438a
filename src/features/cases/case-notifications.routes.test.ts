import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { appForSuite, csrfTokenFrom, withCookiesOf } from '../../../test/helpers/app.js';
import { caseActorOf, confirmMember, inviteInto, joinWith } from '../../../test/helpers/case-factories.js';
import { dialects } from '../../../test/helpers/databases.js';
import { type BuiltAccount, buildParent } from '../../../test/helpers/factories.js';

/*
 * The choice of e-mail about news on the case page (/samenwerken/:caseId/meldingen), and a mail server that is
 * down: the request that made the news answers as ever, the mail waits in the queue and is tried again. On both
 * databases; two parents (a case with a co-parent) need no professional, so no mail has to arrive for the set-up.
 */

type Jar = Record<string, string>;

for (const dialect of dialects) {
  describe(`e-mail about news in a case, the choice and a mail server that is down [${dialect}]`, () => {
    // Port 9 (discard) refuses: every mail fails.
    const target = appForSuite(dialect, {
      RATE_LIMIT_MAX: '100000',
      SMTP_URL: 'smtp://127.0.0.1:9',
      MAIL_FROM: 'no-reply@example.org',
    });
    let caseId = '';
    let first: BuiltAccount;
    let second: BuiltAccount;

    async function token(jar: Jar): Promise<{ jar: Jar; token: string }> {
      const page = await target.app.inject({ method: 'GET', url: '/registreren', cookies: jar });
      return { jar: withCookiesOf(jar, page.headers), token: csrfTokenFrom(page.body) };
    }
    async function post(url: string, jar: Jar, payload: Record<string, unknown>, language: 'nl' | 'en' = 'nl') {
      const withToken = await token(jar);
      return target.app.inject({
        method: 'POST',
        url,
        cookies: withToken.jar,
        headers: { 'accept-language': language },
        payload: { _csrf: withToken.token, ...payload },
      });
    }
    const get = (url: string, jar: Jar, language: 'nl' | 'en' = 'nl') =>
      target.app.inject({ method: 'GET', url, cookies: jar, headers: { 'accept-language': language } });
    const checked = (body: string): string | undefined =>
      /<input[^>]*name="meldingen"[^>]*value="(\w+)"[^>]*checked/.exec(body)?.[1] ??
      /<input[^>]*checked[^>]*name="meldingen"[^>]*value="(\w+)"/.exec(body)?.[1];

    test('a parent sees the choice on the case page (once a day by default) and changes it', async () => {
      first = await buildParent(target, { username: `meldkeuze.${dialect}.een` });
      second = await buildParent(target, { username: `meldkeuze.${dialect}.twee` });
      const firstWho = await caseActorOf(target, first);
      const started = await target.services.cases.start(firstWho, {
        naam: 'Sam',
        grondslag: 'parent',
        kindWeet: 'unknown',
      });
      assert.ok(started.ok);
      caseId = started.caseId;
      const page = await get(`/samenwerken/${caseId}`, first.cookies);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /E-mail over nieuws/);
      assert.match(page.body, /Je hebt geen e-mailadres voor berichten opgegeven/);
      assert.equal(checked(page.body), 'dagelijks');

      const saved = await post(`/samenwerken/${caseId}/meldingen`, first.cookies, { meldingen: 'meteen' });
      assert.equal(saved.statusCode, 303);
      assert.equal(saved.headers.location, `/samenwerken/${caseId}?melding=meldingen-opgeslagen#meldingen`);
      const after = (await get(String(saved.headers.location).split('#')[0]!, first.cookies)).body;
      assert.equal(checked(after), 'meteen');
      assert.match(after, /Je keuze voor e-mail is opgeslagen/, 'the member is told the choice was saved');
    });

    test('a choice that is none of the three is a 400 in the visitor’s language; the choice stays', async () => {
      for (const [language, phrase] of [
        ['nl', /Kies meteen, één keer per dag of nooit/],
        ['en', /Choose at once, once a day or never/],
      ] as const) {
        for (const meldingen of ['soms', '', ['meteen', 'nooit']]) {
          const refused = await post(`/samenwerken/${caseId}/meldingen`, first.cookies, { meldingen }, language);
          assert.equal(refused.statusCode, 400, JSON.stringify(meldingen));
          assert.match(refused.body, phrase);
        }
      }
      assert.equal(checked((await get(`/samenwerken/${caseId}`, first.cookies)).body), 'meteen');
    });

    test('someone who is not an active member of the case gets a 404, and nothing is stored', async () => {
      const before = await target.database.handle.db.selectFrom('case_notification_settings').selectAll().execute();
      for (const url of [`/samenwerken/${caseId}/meldingen`, '/samenwerken/geen-id/meldingen']) {
        assert.equal((await post(url, second.cookies, { meldingen: 'nooit' })).statusCode, 404);
        assert.equal((await get(url, second.cookies)).statusCode, 404);
      }
      assert.equal((await post(`/samenwerken/${caseId}/meldingen`, {}, { meldingen: 'nooit' })).statusCode, 404);
      const after = await target.database.handle.db.selectFrom('case_notification_settings').selectAll().execute();
      assert.deepEqual(after, before);
    });

    test('with the mail server down, a message is posted as ever (303); its mail waits and is tried again', async () => {
      const session = await target.services.accounts.currentSession(first.session);
      assert.ok(session);
      assert.equal(await target.services.accounts.setNoticeEmail(session, 'een@example.org'), true);
      const firstWho = await caseActorOf(target, first);
      const secondWho = await caseActorOf(target, second);
      const { code, memberId } = await inviteInto(target, firstWho, caseId, 'parent');
      await joinWith(target, secondWho, code);
      await confirmMember(target, firstWho, caseId, memberId);
      await target.services.jobs.runDue();

      // The worker is poked once the change is answered (its job is then committed), not left to its idle poll.
      const jobs = target.services.jobs;
      const poke = jobs.poke.bind(jobs);
      let pokes = 0;
      jobs.poke = () => {
        pokes += 1;
      };
      let posted;
      try {
        posted = await post(`/samenwerken/${caseId}/berichten`, second.cookies, { bericht: 'Hallo' });
      } finally {
        jobs.poke = poke;
      }
      assert.equal(posted.statusCode, 303);
      assert.ok(pokes >= 1, 'the worker was poked');
      const db = target.database.handle.db;
      const queued = await db.selectFrom('jobs').select(['id', 'kind']).where('kind', 'like', 'cases.%').execute();
      assert.ok(queued.some((job) => job.kind === 'cases.notify-event'));
      await target.services.jobs.runDue();
      const mails = await db
        .selectFrom('jobs')
        .select(['id', 'state', 'attempts', 'last_error', 'run_after'])
        .where('kind', '=', 'cases.news-mail')
        .execute();
      assert.ok(mails.length >= 1, 'a mail job for the first parent');
      for (const mail of mails) {
        assert.equal(mail.state, 'queued', 'waiting to be tried again');
        assert.ok(Number(mail.attempts) >= 1);
        assert.equal(mail.last_error, 'MailNotSent');
        assert.ok(mail.run_after > new Date().toISOString(), 'later, not at once');
      }
      // The page of the case still answers.
      assert.equal((await get(`/samenwerken/${caseId}`, first.cookies)).statusCode, 200);
    });
  });
}
