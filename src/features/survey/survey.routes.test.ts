import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { appForSuite, csrfTokenFrom, postForm, signInOverHttp, withCookiesOf } from '../../../test/helpers/app.js';
import { buildCaseWithEveryone, memberOf, prepareCaseWorld } from '../../../test/helpers/case-factories.js';
import { dialects } from '../../../test/helpers/databases.js';
import { buildAdmin, buildParent } from '../../../test/helpers/factories.js';
import { type SmtpSink, startSmtpSink } from '../../../test/helpers/smtp-sink.js';

/*
 * The survey over HTTP (ADR 0047), as the people who use it: a parent whose case moved to a new track sees the offer
 * on their account page, answers once (or declines) and is thanked; bad input is a 400 page that says what to change;
 * everyone else gets a 404 for the survey, and the moderation page is for reviewers and admins only.
 */

type Jar = Record<string, string>;

for (const dialect of dialects) {
  describe(`the survey's pages [${dialect}]`, () => {
    let sink: SmtpSink;
    before(async () => {
      sink = await startSmtpSink();
    });
    const testApp = appForSuite(dialect, () => ({
      RATE_LIMIT_MAX: '100000',
      SMTP_URL: sink.url,
      MAIL_FROM: 'no-reply@example.org',
    }));
    after(() => sink.close());

    const get = (url: string, cookies: Jar = {}) => testApp.app.inject({ method: 'GET', url, cookies });
    const hasOffer = (html: string) => html.includes('data-survey-offer');

    /** A parent member of a case that a care worker has just moved into a new track (told to everyone). */
    let built: Awaited<ReturnType<typeof buildCaseWithEveryone>>;
    let careJar: Jar;
    let adminJar: Jar;
    let track = 0;
    const tracks = [
      ['melding-en-veiligheid', 'melding'],
      ['bescherming', 'raad-onderzoek'],
      ['zorg-en-herstel', 'hulp-starten'],
      ['nazorg', 'nazorg-plan'],
      ['strafzaak', 'informatief-gesprek'],
      ['signaal-en-advies', 'advies-vragen'],
    ] as const;

    before(async () => {
      const world = await prepareCaseWorld(testApp, sink);
      built = await buildCaseWithEveryone(world, { label: 'Vraagje', prefix: `vragen${dialect}` });
      careJar = memberOf(built, 'care', 'active').account.cookies;
      adminJar = world.admins[0].cookies;
    });

    /** A case with a parent of its own, moved into a new track by its care worker. */
    async function parentAtMilestone(): Promise<Jar> {
      const parent = built.starter.account;
      const [traject, stap] = tracks[track++]!;
      const moved = await postForm(testApp.app, careJar, `/samenwerken/${built.caseId}/traject`, {
        traject,
        stap,
        voor: 'iedereen',
        notitie: '',
      });
      assert.equal(moved.statusCode, 303, `the step move answered ${moved.statusCode}`);
      // A fresh session of the parent: the offer is made on their account page.
      const { response, cookies } = await signInOverHttp(testApp.app, parent.username, parent.passphrase);
      assert.equal(response.statusCode, 303);
      await testApp.database.handle.db.deleteFrom('survey_schedule').where('user_id', '=', parent.userId).execute();
      return cookies;
    }

    const post = async (jar: Jar, url: string, body: Record<string, string>) => {
      const page = await get('/account', jar);
      return testApp.app.inject({
        method: 'POST',
        url,
        cookies: withCookiesOf(jar, page.headers),
        payload: { _csrf: csrfTokenFrom(page.body), ...body },
      });
    };

    test('the offer shows on the account page, stays in that session, and the survey takes one answer', async () => {
      const jar = await parentAtMilestone();
      const account = await get('/account', jar);
      assert.equal(account.statusCode, 200);
      assert.ok(hasOffer(account.body), 'the offer is on the account page');
      assert.match(account.body, /Ja, 4 vragen/);
      assert.match(account.body, /Nee, dank je/);
      assert.ok(hasOffer((await get('/account', jar)).body), 'still there on the next visit in the session');
      const survey = await get('/vragenlijst', jar);
      assert.equal(survey.statusCode, 200);
      assert.match(survey.body, /Hoe gesteund voelde je je door de politie\?/);
      const answered = await post(jar, '/vragenlijst', { zorg: '4', politie: 'over', begrepen: '2', verder: '5' });
      assert.equal(answered.statusCode, 303);
      assert.equal(answered.headers.location, '/vragenlijst/bedankt');
      assert.match((await get('/vragenlijst/bedankt', jar)).body, /Dank je wel/);
      // Answered: no offer, no survey, no second answer.
      assert.ok(!hasOffer((await get('/account', jar)).body));
      assert.equal((await get('/vragenlijst', jar)).statusCode, 404);
      assert.equal((await post(jar, '/vragenlijst', { zorg: '1' })).statusCode, 404);
      // Another session of the same parent, before the not-before day: nothing.
      const parent = built.starter.account;
      const again = await signInOverHttp(testApp.app, parent.username, parent.passphrase);
      assert.ok(!hasOffer((await get('/account', again.cookies)).body));
    });

    test('"Nee, dank je" closes the offer and shows the same thanks', async () => {
      const jar = await parentAtMilestone();
      assert.ok(hasOffer((await get('/account', jar)).body));
      const declined = await post(jar, '/vragenlijst/nee', {});
      assert.equal(declined.statusCode, 303);
      assert.equal(declined.headers.location, '/vragenlijst/bedankt');
      assert.ok(!hasOffer((await get('/account', jar)).body));
      assert.equal((await get('/vragenlijst', jar)).statusCode, 404);
      assert.equal((await post(jar, '/vragenlijst/nee', {})).statusCode, 404);
    });

    /** Answers and texts stored so far: bad input must not add any. */
    const storedSurveyRows = async () =>
      (await testApp.database.handle.db.selectFrom('survey_texts').select('id').execute()).length +
      (await testApp.database.handle.db.selectFrom('survey_answers').select('id').execute()).length;

    test('bad input is a 400 page that says what to change, and nothing is stored', async () => {
      const jar = await parentAtMilestone();
      await get('/account', jar);
      const count = storedSurveyRows;
      const before_ = await count();
      const cases: [Record<string, string>, RegExp][] = [
        [{ zorg: '7' }, /Kies een getal van 1 tot 5/],
        [{ zorg: '3', tekst: 'x'.repeat(1001) }, /Je tekst is te lang\. Gebruik hoogstens 1\.000 tekens/],
        [{ tekst: 'Bel me op 06-12345678' }, /Haal e-mailadressen, telefoonnummers en postcodes/],
        [{ tekst: 'a\u0007b' }, /tekens die we niet kunnen lezen/],
        [{ tekst: '<script>alert(1)</script>' }, /Schrijf gewone tekst/],
        [{}, /Je hebt niets ingevuld/],
        [{ zorg: 'over', politie: 'over', begrepen: 'over', verder: 'over', tekst: '   ' }, /Je hebt niets ingevuld/],
      ];
      for (const [body, message] of cases) {
        const response = await post(jar, '/vragenlijst', body);
        assert.equal(response.statusCode, 400, JSON.stringify(body).slice(0, 60));
        assert.match(response.body, message);
        assert.match(response.body, /class="app-error-summary"/);
        assert.ok(!response.body.includes('<script>alert(1)</script>'));
      }
      // A text of exactly 1,000 characters is taken whole.
      const long = 'é'.repeat(1000);
      assert.equal((await post(jar, '/vragenlijst', { tekst: long })).statusCode, 303);
      assert.equal(await count(), before_ + 1);
      const stored = await testApp.database.handle.db
        .selectFrom('survey_texts')
        .select('text')
        .where('text', '=', long)
        .executeTakeFirst();
      assert.equal(stored?.text, long);
    });

    test('hostile and oversized bodies from a parent with an open offer: a 4xx page, never a 500, nothing stored, the offer kept', async () => {
      // routes.hostile.test walks /vragenlijst too, but nobody there has an open offer, so the form is never read.
      const jar = await parentAtMilestone();
      await get('/account', jar);
      const count = storedSurveyRows;
      const before_ = await count();
      const form = { 'content-type': 'application/x-www-form-urlencoded' };
      const cases: [string, Record<string, string>, (token: string) => string, RegExp | undefined][] = [
        ['20,000 characters', form, (t) => `_csrf=${t}&zorg=3&tekst=${'a'.repeat(20_000)}`, /Je tekst is te lang/],
        ['a field given twice', form, (t) => `_csrf=${t}&zorg=3&tekst=a&tekst=b`, /verstuur het formulier één keer/],
        ['a score given twice', form, (t) => `_csrf=${t}&zorg=3&zorg=4`, /Kies een getal van 1 tot 5/],
        [
          'a right-to-left override',
          form,
          (t) => `_csrf=${t}&tekst=${encodeURIComponent('ab\u202Ecd')}`,
          /niet kunnen lezen/,
        ],
        ['SQL in a score', form, (t) => `_csrf=${t}&zorg=${encodeURIComponent("3' OR 1=1 --")}`, /Kies een getal/],
        ['malformed encoding', form, (t) => `_csrf=${t}&zorg=%E0%A4%A&tekst=%zz&&=&%`, undefined],
        ['three megabytes', form, (t) => `_csrf=${t}&tekst=${'a'.repeat(3 * 1024 * 1024)}`, undefined],
        ['malformed JSON', { 'content-type': 'application/json' }, () => '{"tekst": "a",', undefined],
        ['plain text', { 'content-type': 'text/plain' }, () => 'hallo', undefined],
      ];
      for (const [name, headers, payload, message] of cases) {
        const page = await get('/account', jar);
        const token = encodeURIComponent(csrfTokenFrom(page.body));
        const response = await testApp.app.inject({
          method: 'POST',
          url: '/vragenlijst',
          cookies: withCookiesOf(jar, page.headers),
          headers,
          payload: payload(token),
        });
        assert.ok(response.statusCode >= 400 && response.statusCode < 500, `${name}: ${response.statusCode}`);
        assert.match(response.body, /<h1/, name);
        if (message !== undefined) assert.match(response.body, message, name);
      }
      assert.equal(await count(), before_);
      // The offer is still open: a good answer is taken.
      assert.equal((await post(jar, '/vragenlijst', { zorg: '4' })).statusCode, 303);
      assert.equal(await count(), before_ + 1);
    });

    test('the survey is a 404 for anyone without an open offer; the moderation page for reviewers and admins only', async () => {
      const otherParent = (await buildParent(testApp)).cookies;
      const editor = (await buildAdmin(testApp, { role: 'editor' })).cookies;
      const reviewer = (await buildAdmin(testApp, { role: 'reviewer' })).cookies;
      for (const [who, jar] of [
        ['anonymous', {}],
        ['a parent without an offer', otherParent],
        ['a care worker', careJar],
        ['an admin', adminJar],
        ['a reviewer', reviewer],
      ] as const) {
        assert.equal((await get('/vragenlijst', jar)).statusCode, 404, who);
        assert.ok(!hasOffer((await get('/account', jar)).body), who);
      }
      for (const [who, jar] of [
        ['a parent without an offer', otherParent],
        ['a care worker', careJar],
        ['an admin', adminJar],
      ] as const) {
        assert.equal((await post(jar, '/vragenlijst', { zorg: '3' })).statusCode, 404, who);
        assert.equal((await post(jar, '/vragenlijst/nee', {})).statusCode, 404, who);
      }
      for (const [who, jar, status] of [
        ['anonymous', {}, 404],
        ['a parent', otherParent, 404],
        ['a care worker', careJar, 404],
        ['an editor', editor, 404],
        ['a reviewer', reviewer, 200],
        ['an admin', adminJar, 200],
      ] as const) {
        assert.equal((await get('/beheer/vragenlijst', jar)).statusCode, status, who);
      }
      // The /beheer dashboard links to it for reviewers and admins, not for editors.
      assert.match((await get('/beheer', reviewer)).body, /data-count="survey"><a href="\/beheer\/vragenlijst">/);
      assert.match((await get('/beheer', adminJar)).body, /data-count="survey"/);
      assert.doesNotMatch((await get('/beheer', editor)).body, /data-count="survey"/);
    });

    test('a reviewer accepts one text and rejects another: the rejected one is gone, the accepted one kept', async () => {
      const reviewer = (await buildAdmin(testApp, { role: 'reviewer' })).cookies;
      const texts: string[] = [];
      for (const text of ['Ik voelde me gehoord.', 'Dit moet weg.']) {
        const jar = await parentAtMilestone();
        await get('/account', jar);
        assert.equal((await post(jar, '/vragenlijst', { tekst: text })).statusCode, 303);
        texts.push(text);
      }
      const idOf = async (text: string) =>
        (
          await testApp.database.handle.db
            .selectFrom('survey_texts')
            .select('id')
            .where('text', '=', text)
            .executeTakeFirstOrThrow()
        ).id;
      const moderation = await get('/beheer/vragenlijst', reviewer);
      for (const text of texts) assert.ok(moderation.body.includes(text));
      const keep = await idOf('Ik voelde me gehoord.');
      const drop = await idOf('Dit moet weg.');
      // Others are refused and nothing changes.
      const editor = (await buildAdmin(testApp, { role: 'editor' })).cookies;
      assert.equal((await post(editor, `/beheer/vragenlijst/${drop}/afwijzen`, {})).statusCode, 404);
      const accepted = await post(reviewer, `/beheer/vragenlijst/${keep}/goedkeuren`, {});
      assert.equal(accepted.statusCode, 303);
      const rejected = await post(reviewer, `/beheer/vragenlijst/${drop}/afwijzen`, {});
      assert.equal(rejected.statusCode, 303);
      assert.match((await get(String(rejected.headers.location), reviewer)).body, /De tekst is verwijderd/);
      const rows = await testApp.database.handle.db
        .selectFrom('survey_texts')
        .select(['id', 'state'])
        .where('id', 'in', [keep, drop])
        .execute();
      assert.deepEqual(rows, [{ id: keep, state: 'accepted' }]);
      assert.equal((await post(reviewer, `/beheer/vragenlijst/${drop}/goedkeuren`, {})).statusCode, 404);
      assert.equal((await post(reviewer, '/beheer/vragenlijst/niet-een-id/goedkeuren', {})).statusCode, 404);
    });
  });
}
