import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { before, describe, test } from 'node:test';
import { appForSuite, csrfTokenFrom, setCookies } from '../../../test/helpers/app.js';
import { dialects } from '../../../test/helpers/databases.js';
import { createApp } from '../../app.js';

type Fields = Record<string, string>;

for (const dialect of dialects) {
  describe(`the signals check over HTTP [${dialect}]`, () => {
    const testApp = appForSuite(dialect, { BODY_LIMIT_BYTES: '65536' });
    let token: string;
    let cookies: Record<string, string>;
    let calm: Fields;

    before(async () => {
      const form = await testApp.app.inject({ method: 'GET', url: '/check' });
      token = csrfTokenFrom(form.body);
      cookies = Object.fromEntries(setCookies(form.headers));
      const questionnaire = testApp.services.check.current();
      calm = { versie: String(questionnaire.version) };
      for (const group of questionnaire.groups) {
        for (const question of group.questions) calm[question.id] = question.scale === 'leeftijd' ? '13-15' : 'nee';
      }
    });

    const post = (fields: Fields, extra: { headers?: Record<string, string>; payload?: string } = {}) =>
      testApp.app.inject({
        method: 'POST',
        url: '/check',
        cookies,
        ...(extra.headers === undefined ? {} : { headers: extra.headers }),
        payload: extra.payload ?? { _csrf: token, ...fields },
      });

    const counted = async () => {
      await testApp.services.check.flush();
      return (await testApp.database.handle.db.selectFrom('check_outcomes').select(['level', 'count']).execute()).map(
        (row) => `${row.level}:${Number(row.count)}`,
      );
    };

    test('the form works without JavaScript: one form, every question with radio buttons, posted to /check', async () => {
      const response = await testApp.app.inject({ method: 'GET', url: '/check' });
      assert.equal(response.statusCode, 200);
      assert.match(response.body, /<form method="post" action="\/check"/);
      const questions = Object.keys(calm).filter((name) => name !== 'versie');
      for (const id of questions) assert.match(response.body, new RegExp(`name="${id}"`));
      const version = testApp.services.check.current().version;
      assert.match(response.body, new RegExp(`<input type="hidden" name="versie" value="${version}"/>`));
    });

    test('a complete calm answer set gives the lowest advice level, and says a worry is enough to call', async () => {
      const response = await post(calm);
      assert.equal(response.statusCode, 200);
      assert.match(response.body, /data-advice-level="blijf-in-gesprek"/);
      assert.match(response.body, /Blijf in gesprek en blijf opletten/);
      assert.match(response.body, /Een zorg is genoeg om Veilig Thuis \(0800-2000\) te bellen voor advies/);
      assert.match(response.body, /weinig signalen betekent niet dat er niets aan de hand is/);
      assert.equal(response.headers['cache-control'], 'no-store');
      assert.doesNotMatch(response.body, /\d+\s?%/);
    });

    test('signals lead to a higher level with the answers that weighed in listed', async () => {
      const response = await post({ ...calm, spullen: 'ja', 'oudere-vriend': 'ja', 'nachten-weg': 'vaker' });
      assert.match(response.body, /data-advice-level="bel-vandaag"/);
      assert.match(response.body, /Bel vandaag Veilig Thuis voor advies/);
      assert.match(response.body, /Heeft je kind een veel oudere/);
      assert.match(response.body, /Jouw antwoord: Vaker/);
    });

    test('acute answers route by situation: missing to 112, an assault in the last days to the Centrum Seksueel Geweld first', async () => {
      const firstNumber = (body: string) => /href="tel:([^"]+)"/.exec(body.slice(body.indexOf('<article')))?.[1];
      const missing = await post({ ...calm, 'vermist-nu': 'ja' });
      assert.match(missing.body, /data-advice-level="bel-112"/);
      assert.match(missing.body, /<h1>Bel nu 112: je kind is vermist<\/h1>/);
      assert.equal(firstNumber(missing.body), '112');
      assert.doesNotMatch(
        missing.body,
        /href="tel:08000188"/,
        'no Centrum Seksueel Geweld number when nobody was assaulted',
      );
      const assault = await post({ ...calm, aanranding: 'ja' });
      assert.match(assault.body, /data-situation="assault"/);
      assert.match(assault.body, /<h1>Bel het Centrum Seksueel Geweld: 0800-0188<\/h1>/);
      assert.equal(firstNumber(assault.body), '08000188');
      const threat = await post({ ...calm, bedreigd: 'ja' });
      assert.equal(firstNumber(threat.body), '09008844');
      const blackmail = await post({ ...calm, 'afpersing-nu': 'ja' });
      assert.equal(firstNumber(blackmail.body), '09008844');
      assert.match(blackmail.body, /href="tel:113"/);
    });

    test('the family branch warns against talking to that person, in English too', async () => {
      const response = await post({ ...calm, 'familie-betrokken': 'weet-niet' }, {});
      assert.match(response.body, /Als iemand dichtbij erbij betrokken kan zijn/);
      assert.match(response.body, /Praat er niet over met die persoon/);
      const english = await testApp.app.inject({
        method: 'POST',
        url: '/check',
        cookies: { ...cookies, taal: 'en' },
        payload: { _csrf: token, ...calm, 'familie-betrokken': 'ja' },
      });
      assert.match(english.body, /If someone close may be involved/);
      assert.match(english.body, /<html lang="en">/);
    });

    test('a completed check leaves only an anonymous count: day, version and level', async () => {
      const before = (await counted()).length;
      await post({ ...calm, school: 'ja', somber: 'ja' });
      await testApp.services.check.flush();
      const rows = await testApp.database.handle.db.selectFrom('check_outcomes').selectAll().execute();
      assert.ok(rows.length >= before && rows.length > 0);
      for (const row of rows) {
        assert.deepEqual(Object.keys(row).sort(), ['count', 'day', 'level', 'version']);
        assert.match(row.day, /^\d{4}-\d{2}-\d{2}$/);
      }
      assert.ok(rows.some((row) => row.level === 'vraag-advies'));
    });

    test('missing answers show the form again (400) with the given answers kept and an error summary linked to the questions', async () => {
      const partial: Fields = { versie: calm.versie!, 'vermist-nu': 'nee', spullen: 'ja' };
      const before = await counted();
      const response = await post(partial);
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /Er ontbreken antwoorden/);
      assert.match(response.body, /<a href="#q-gevaar-nu-nee">/);
      assert.match(response.body, /id="q-spullen-ja" name="spullen" value="ja" checked/);
      assert.match(response.body, /id="q-vermist-nu-nee" name="vermist-nu" value="nee" checked/);
      assert.match(response.body, /Kies een antwoord\./);
      assert.deepEqual(await counted(), before, 'nothing counted');
    });

    test('unknown questions, out-of-range values, repeated fields and tampered versions are refused (400) and not counted', async () => {
      const before = await counted();
      const cases: [string, Fields | string][] = [
        ['unknown question', { ...calm, 'hoeveel-geld': 'ja' }],
        ['out-of-range value', { ...calm, spullen: 'heel-erg' }],
        ['script as value', { ...calm, spullen: '<script>alert(1)</script>' }],
        ['unknown version', { ...calm, versie: '999' }],
        ['non-numeric version', { ...calm, versie: '1 OR 1=1' }],
        ['no version', Object.fromEntries(Object.entries(calm).filter(([name]) => name !== 'versie'))],
      ];
      for (const [name, fields] of cases) {
        const response = await post(fields as Fields);
        assert.equal(response.statusCode, 400, name);
        assert.match(response.body, /Dit formulier klopt niet/, name);
        assert.doesNotMatch(response.body, /<script>alert/, name);
      }
      const repeated = await post(
        {},
        {
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: `${new URLSearchParams({ _csrf: token, ...calm }).toString()}&spullen=ja`,
        },
      );
      assert.equal(repeated.statusCode, 400, 'a field sent twice');
      assert.deepEqual(await counted(), before);
    });

    test('a 1 MB body is refused with a 413 page', async () => {
      const response = await post({ ...calm, opvulling: 'x'.repeat(1024 * 1024) });
      assert.equal(response.statusCode, 413);
      assert.match(response.body, /Te veel gegevens/);
    });

    test('a post without a valid CSRF token is refused with the "form expired" page', async () => {
      const response = await testApp.app.inject({ method: 'POST', url: '/check', cookies, payload: calm });
      assert.equal(response.statusCode, 403);
      assert.match(response.body, /Het formulier is verlopen/);
    });

    test('answers never reach the logs', async () => {
      const lines: string[] = [];
      const stream = new PassThrough();
      stream.on('data', (chunk: Buffer) => lines.push(chunk.toString('utf8')));
      const logged = await createApp(testApp.services, { logStream: stream });
      try {
        const form = await logged.inject({ method: 'GET', url: '/check' });
        const formCookies = Object.fromEntries(setCookies(form.headers));
        await logged.inject({
          method: 'POST',
          url: '/check',
          cookies: formCookies,
          payload: { _csrf: csrfTokenFrom(form.body), ...calm, 'familie-betrokken': 'ja', spullen: 'weet-niet' },
        });
        await logged.inject({
          method: 'POST',
          url: '/check',
          cookies: formCookies,
          payload: { ...calm, spullen: 'ja' },
        });
        const text = lines.join('');
        assert.match(text, /"route":"\/check"/);
        for (const secret of ['familie-betrokken', 'weet-niet', 'spullen', 'versie']) {
          assert.doesNotMatch(text, new RegExp(secret), `${secret} is not logged`);
        }
      } finally {
        await logged.close();
      }
    });
  });
}
