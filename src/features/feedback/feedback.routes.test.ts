import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { appForSuite, csrfTokenFrom, withCookiesOf } from '../../../test/helpers/app.js';
import { dialects } from '../../../test/helpers/databases.js';
import { buildAdmin, buildParent } from '../../../test/helpers/factories.js';
import { createAuditService } from '../audit/audit.service.js';
import { createAuditRepository } from '../audit/audit.repo.js';
import { createFeedbackRepository } from './feedback.repo.js';
import { createFeedbackService } from './feedback.service.js';

/*
 * Readers' "what was missing?" over HTTP (ADR 0038): a parent's text is shown to nobody until an editor accepts
 * it, then only in the editors' list; discarding deletes it; hostile text is refused in the reader's language;
 * the daily run deletes pending texts after 30 days and accepted ones after 12 months (fixed clock).
 */

type Jar = Record<string, string>;
const pagePath = '/informatie/veilig-gebruik';
const formPath = `${pagePath}/wat-miste-je`;

for (const dialect of dialects) {
  describe(`readers' feedback texts [${dialect}]`, () => {
    // Many texts from one address: the texts' own rate limit (a thirtieth of this) is tested below.
    const testApp = appForSuite(dialect, { RATE_LIMIT_MAX: '100000' });

    /** GET the form page (for the CSRF cookie and token), then POST `tekst` as the browser `jar`. */
    async function send(jar: Jar, tekst: string | string[], headers: Record<string, string> = {}) {
      const form = await testApp.app.inject({ method: 'GET', url: formPath, cookies: jar, headers });
      assert.equal(form.statusCode, 200);
      const cookies = withCookiesOf(jar, form.headers);
      const fields = new URLSearchParams({ _csrf: csrfTokenFrom(form.body) });
      for (const value of Array.isArray(tekst) ? tekst : [tekst]) fields.append('tekst', value);
      return testApp.app.inject({
        method: 'POST',
        url: formPath,
        cookies,
        headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
        payload: fields.toString(),
      });
    }

    /** POST a one-button form of the editors' list (accept or delete) as `jar`. */
    async function decide(jar: Jar, id: string, action: 'goedkeuren' | 'verwijderen') {
      const list = await testApp.app.inject({ method: 'GET', url: '/account', cookies: jar });
      return testApp.app.inject({
        method: 'POST',
        url: `/beheer/feedback/${id}/${action}`,
        cookies: withCookiesOf(jar, list.headers),
        payload: { _csrf: csrfTokenFrom(list.body) },
      });
    }

    const idOf = (html: string, text: string): string => {
      const at = html.indexOf(text);
      assert.ok(at >= 0, `the list shows "${text}"`);
      const id = /\/beheer\/feedback\/([0-9a-f-]{36})\//.exec(html.slice(at))?.[1];
      assert.ok(id !== undefined, 'the text has its buttons');
      return id;
    };

    const stored = (id: string) =>
      testApp.database.handle.db.selectFrom('page_feedback_texts').selectAll().where('id', '=', id).executeTakeFirst();

    /** An editor: an admin account whose kind is made 'editor' (CORE makes real ones through a set-up link). */
    async function buildEditor() {
      const account = await buildAdmin(testApp);
      await testApp.database.handle.db
        .updateTable('users')
        .set({ role: 'editor' })
        .where('id', '=', account.userId)
        .execute();
      return account;
    }

    test('after "was this useful?" an information page asks what was missing, with the warning, without JavaScript', async () => {
      const page = await testApp.app.inject({ method: 'GET', url: `${pagePath}?feedback=ontvangen` });
      assert.equal(page.statusCode, 200);
      assert.match(
        page.body,
        /<form id="wat-miste-je" method="post" action="\/informatie\/veilig-gebruik\/wat-miste-je">/,
      );
      assert.match(page.body, /name="tekst"/);
      assert.match(page.body, /Schrijf geen namen, adressen/);
      assert.match(page.body, /Je krijgt geen antwoord/);
      assert.match(page.body, /href="\/nu"/);
      assert.match(page.body, /href="tel:08002000"/);
    });

    test("a parent's text is shown nowhere until an editor accepts it; then only in the editors' list, escaped", async () => {
      const parent = await buildParent(testApp);
      const text = `Ik miste uitleg over aangifte & "zeden" bij kinderen < 16 (${dialect}).`;
      const sent = await send(parent.cookies, text);
      assert.equal(sent.statusCode, 303);
      assert.equal(sent.headers.location, `${formPath}?verstuurd=ja`);
      const thanks = await testApp.app.inject({
        method: 'GET',
        url: String(sent.headers.location),
        cookies: parent.cookies,
      });
      assert.match(thanks.body, /Dank je wel/);
      assert.ok(!thanks.body.includes('aangifte'), 'the thanks page does not repeat the text');

      const marker = 'Ik miste uitleg over aangifte';
      for (const jar of [{}, parent.cookies]) {
        for (const url of [pagePath, `${pagePath}?feedback=ontvangen`, formPath, '/informatie', '/beheer/feedback']) {
          const response = await testApp.app.inject({ method: 'GET', url, cookies: jar });
          assert.ok(!response.body.includes(marker), `${url} does not show the pending text`);
        }
        const list = await testApp.app.inject({ method: 'GET', url: '/beheer/feedback', cookies: jar });
        assert.equal(list.statusCode, 404, 'the editors’ list does not exist for a visitor or a parent');
      }

      const editor = await buildEditor();
      const queue = await testApp.app.inject({ method: 'GET', url: '/beheer/feedback', cookies: editor.cookies });
      assert.equal(queue.statusCode, 200);
      const id = idOf(queue.body, marker);
      const before = queue.body.slice(queue.body.indexOf('data-feedback-queue'));
      assert.ok(before.includes(marker), 'the pending text is in the moderation queue');
      assert.ok(queue.body.includes('&amp; &quot;zeden&quot; bij kinderen &lt; 16'), 'the text is escaped');

      // A parent cannot accept it: nothing changes.
      assert.equal((await decide(parent.cookies, id, 'goedkeuren')).statusCode, 404);
      assert.equal((await stored(id))?.state, 'pending');

      const accepted = await decide(editor.cookies, id, 'goedkeuren');
      assert.equal(accepted.statusCode, 303);
      const after = await testApp.app.inject({
        method: 'GET',
        url: '/beheer/feedback?gedaan=goedgekeurd',
        cookies: editor.cookies,
      });
      assert.match(after.body, /De tekst is goedgekeurd/);
      const pagesPart = after.body.slice(after.body.indexOf('data-feedback-pages'));
      assert.ok(pagesPart.includes(marker), 'the accepted text is listed under its page');
      const queuePart = after.body.slice(
        after.body.indexOf('id="feedback-queue"'),
        after.body.indexOf('id="feedback-pages"'),
      );
      assert.ok(!queuePart.includes(marker), 'it left the moderation queue');
      // Still nowhere public.
      const publicPage = await testApp.app.inject({ method: 'GET', url: pagePath });
      assert.ok(!publicPage.body.includes(marker));

      const lines = await testApp.services.audit.forObject('feedback-text', id);
      assert.deepEqual(
        lines.map((line) => [line.action, line.actor]),
        [['feedback.accepted', editor.userId]],
      );
      assert.ok(!JSON.stringify(lines).includes('aangifte'), 'the audit line never holds the text');
      // Accepting twice is a 404, not a second line.
      assert.equal((await decide(editor.cookies, id, 'goedkeuren')).statusCode, 404);
    });

    test('discarding deletes the text, with an audit line that names only its id', async () => {
      const parent = await buildParent(testApp);
      const marker = `Weggooien graag ${dialect}`;
      assert.equal((await send(parent.cookies, marker)).statusCode, 303);
      const admin = await buildAdmin(testApp);
      const queue = await testApp.app.inject({ method: 'GET', url: '/beheer/feedback', cookies: admin.cookies });
      const id = idOf(queue.body, marker);
      const discarded = await decide(admin.cookies, id, 'verwijderen');
      assert.equal(discarded.statusCode, 303);
      assert.equal(await stored(id), undefined, 'the row is gone');
      const list = await testApp.app.inject({ method: 'GET', url: '/beheer/feedback', cookies: admin.cookies });
      assert.ok(!list.body.includes(marker));
      const lines = await testApp.services.audit.forObject('feedback-text', id);
      assert.deepEqual(
        lines.map((line) => line.action),
        ['feedback.discarded'],
      );
      assert.ok(!JSON.stringify(lines).includes('Weggooien'));
    });

    test('hostile text is refused with a message in the reader’s language, never stored, as every kind of user', async () => {
      const parent = await buildParent(testApp);
      const admin = await buildAdmin(testApp);
      const editor = await buildEditor();
      const count = async () =>
        Number(
          (
            await testApp.database.handle.db
              .selectFrom('page_feedback_texts')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const cases: [string | string[], RegExp, RegExp][] = [
        ['x'.repeat(10 * 1024), /hoogstens 1\.000 tekens/, /at most 1,000 characters/],
        ['', /Het vak is leeg/, /The box is empty/],
        ['   \n  ', /Het vak is leeg/, /The box is empty/],
        ['<script>alert("nmk")</script>', /zonder HTML of code/, /without HTML or code/],
        ['Kijk <a href="https://x.example">hier</a>', /zonder HTML of code/, /without HTML or code/],
        ['tekst\u0000met\u0007stuurtekens', /tekens die we niet kunnen lezen/, /characters we cannot read/],
        ['rechts\u202Enaar links', /tekens die we niet kunnen lezen/, /characters we cannot read/],
        [['twee', 'keer'], /verstuur het één keer/, /send it once/],
        ['Mail me op ouder@example.org', /e-mailadressen, telefoonnummers en postcodes/, /e-mail addresses/],
        ['Bel 06-12345678 alsjeblieft', /e-mailadressen, telefoonnummers en postcodes/, /e-mail addresses/],
        ['Wij wonen in 1234 AB', /e-mailadressen, telefoonnummers en postcodes/, /e-mail addresses/],
      ];
      const before = await count();
      for (const [who, jar] of [
        ['anonymous', {}],
        ['parent', parent.cookies],
        ['admin', admin.cookies],
        ['editor', editor.cookies],
      ] as const) {
        for (const [tekst, dutch, english] of cases) {
          const label = `${who}: ${JSON.stringify(tekst).slice(0, 40)}`;
          const nl = await send(jar, tekst);
          assert.equal(nl.statusCode, 400, label);
          assert.match(nl.body, dutch, label);
          assert.match(nl.body, /<html[^>]*lang="nl"/, label);
          assert.ok(!nl.body.includes('<script>alert'), `${label}: nothing echoed unescaped`);
          const en = await send(jar, tekst, { 'accept-language': 'en' });
          assert.equal(en.statusCode, 400, label);
          assert.match(en.body, english, label);
        }
      }
      assert.equal(await count(), before, 'nothing was stored');
    });

    test('a page that does not exist takes no text: 404 with a page that says so', async () => {
      const shown = await testApp.app.inject({ method: 'GET', url: '/informatie/bestaat-niet/wat-miste-je' });
      const form = await testApp.app.inject({ method: 'GET', url: formPath });
      const posted = await testApp.app.inject({
        method: 'POST',
        url: '/informatie/bestaat-niet/wat-miste-je',
        cookies: withCookiesOf({}, form.headers),
        payload: { _csrf: csrfTokenFrom(form.body), tekst: 'Iets' },
      });
      for (const response of [shown, posted]) {
        assert.equal(response.statusCode, 404);
        assert.match(response.body, /<h1/);
      }
    });

    test('a knowledge article takes a text the same way, and an editor finds it under the article', async () => {
      for (const slug of ['wie-doet-wat', 'de-lijn']) {
        const url = `/kennisbank/${slug}/wat-miste-je`;
        const form = await testApp.app.inject({ method: 'GET', url });
        assert.equal(form.statusCode, 200, url);
        const marker = `Kennisbank ${slug} mist iets ${dialect}`;
        const sent = await testApp.app.inject({
          method: 'POST',
          url,
          cookies: withCookiesOf({}, form.headers),
          payload: { _csrf: csrfTokenFrom(form.body), tekst: marker },
        });
        assert.equal(sent.statusCode, 303, url);
        const admin = await buildAdmin(testApp);
        const queue = await testApp.app.inject({ method: 'GET', url: '/beheer/feedback', cookies: admin.cookies });
        const at = queue.body.indexOf(marker);
        assert.ok(at > 0);
        assert.ok(queue.body.lastIndexOf(`href="/kennisbank/${slug}"`, at) > 0, 'the text names its article');
      }
      const unknown = await testApp.app.inject({ method: 'GET', url: '/kennisbank/bestaat-niet/wat-miste-je' });
      assert.equal(unknown.statusCode, 404);
    });

    test('"was this useful?" under a knowledge article is counted per page and leads to "what was missing?"', async () => {
      const repo = createFeedbackRepository(testApp.database.handle.db);
      const before = (await repo.voteTotals()).find((row) => row.slug === 'wie-doet-wat' && row.lang === 'nl');
      const form = await testApp.app.inject({ method: 'GET', url: '/kennisbank/wie-doet-wat/wat-miste-je' });
      const cookies = withCookiesOf({}, form.headers);
      const token = csrfTokenFrom(form.body);
      const voted = await testApp.app.inject({
        method: 'POST',
        url: '/kennisbank/wie-doet-wat/nuttig',
        cookies,
        payload: { _csrf: token, helpful: 'nee' },
      });
      assert.equal(voted.statusCode, 303);
      assert.equal(voted.headers.location, '/kennisbank/wie-doet-wat/wat-miste-je?beantwoord=ja');
      const next = await testApp.app.inject({ method: 'GET', url: String(voted.headers.location), cookies });
      assert.match(next.body, /Je antwoord helpt ons/);
      assert.match(next.body, /name="tekst"/);
      const after = (await repo.voteTotals()).find((row) => row.slug === 'wie-doet-wat' && row.lang === 'nl');
      assert.equal(after?.notHelpful, (before?.notHelpful ?? 0) + 1);

      const invalid = await testApp.app.inject({
        method: 'POST',
        url: '/kennisbank/wie-doet-wat/nuttig',
        cookies,
        payload: { _csrf: token, helpful: '<script>' },
      });
      assert.equal(invalid.statusCode, 400);
      assert.match(invalid.body, /Kies Ja of Nee/);
    });

    test('the daily run deletes pending texts after 30 days and accepted ones after 12 months (fixed clock)', async () => {
      assert.ok(
        testApp.services.dailyJobs.some((kind) => kind.name === 'feedback.daily'),
        'the run is a daily job',
      );
      const db = testApp.database.handle.db;
      const repo = createFeedbackRepository(db);
      const received = new Date('2026-03-10T10:00:00Z');
      const service = createFeedbackService(
        repo,
        {
          audit: createAuditService(createAuditRepository(db)),
          pages: {
            informatie: (actor, slug, locale) => testApp.services.content.showPage(actor, slug, locale),
            kennisbank: () => Promise.reject(new Error('not used')),
          },
          recordVote: () => Promise.resolve(),
        },
        () => received,
      );
      await service.giveText({ kind: 'anonymous' }, 'informatie', 'veilig-gebruik', 'nl', 'Blijft even');
      await service.giveText({ kind: 'anonymous' }, 'informatie', 'veilig-gebruik', 'nl', 'Wordt goedgekeurd');
      const texts = (await repo.pendingTexts()).filter((text) => text.receivedOn === '2026-03-10');
      assert.equal(texts.length, 2);
      const kept = texts.find((text) => text.text === 'Wordt goedgekeurd')!;
      await repo.accept(kept.id);
      const pending = texts.find((text) => text.text === 'Blijft even')!;

      await service.daily(new Date('2026-04-09T05:00:00Z')); // day 30: kept
      assert.equal((await repo.findText(pending.id))?.state, 'pending');
      await service.daily(new Date('2026-04-10T05:00:00Z')); // day 31: deleted
      assert.equal(await repo.findText(pending.id), undefined);

      await service.daily(new Date('2027-03-10T05:00:00Z')); // 12 months to the day: kept
      assert.equal((await repo.findText(kept.id))?.state, 'accepted');
      await service.daily(new Date('2027-03-11T05:00:00Z'));
      assert.equal(await repo.findText(kept.id), undefined);
    });
  });
}

describe('readers’ texts go through a rate limit of their own', () => {
  // RATE_LIMIT_MAX 30 leaves one text per window for an address (a thirtieth of the global limit).
  const testApp = appForSuite('sqlite', { RATE_LIMIT_MAX: '30' });

  test('a second text from the same address in the window is refused with 429', async () => {
    const statuses: number[] = [];
    for (const text of ['Eerste tekst', 'Tweede tekst']) {
      const form = await testApp.app.inject({ method: 'GET', url: formPath });
      const response = await testApp.app.inject({
        method: 'POST',
        url: formPath,
        cookies: withCookiesOf({}, form.headers),
        payload: { _csrf: csrfTokenFrom(form.body), tekst: text },
      });
      statuses.push(response.statusCode);
    }
    assert.deepEqual(statuses, [303, 429]);
  });
});
