import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { appForSuite, csrfTokenFrom, setCookies } from '../../../test/helpers/app.js';
import { buildParent } from '../../../test/helpers/factories.js';

/*
 * Pages in the page cache, served again through Fastify's path (app.inject goes around the server, so the answers
 * before Fastify of early-answers.ts are tested over HTTP in early-answers-http.test.ts). What a visitor or an
 * attacker can see must not change: the same status, headers and page, a working form, nothing stored served to
 * someone signed in, the rate limit still counting.
 */

/** The headers of a response without those that differ per response anyway. */
function stableHeaders(headers: Record<string, unknown>): Record<string, unknown> {
  const { date: _date, 'set-cookie': _cookie, connection: _connection, 'keep-alive': _keepAlive, ...rest } = headers;
  return rest;
}

const withoutTokens = (html: string): string => html.replaceAll(/name="_csrf" value="[^"]*"/g, 'name="_csrf" value=""');

describe('pages answered from the page cache before the route', () => {
  const testApp = appForSuite('sqlite', { RATE_LIMIT_MAX: '100000' });
  let parent: Record<string, string>;

  before(async () => {
    parent = (await buildParent(testApp, { username: 'ouder-vroeg', passphrase: 'lamp fiets regen appel' })).cookies;
  });

  for (const url of ['/', '/nu', '/informatie/over-deze-site', '/check']) {
    test(`${url}: a second anonymous visitor gets the same status, headers and page as the first`, async () => {
      for (const language of ['nl', 'en']) {
        const headers = { 'accept-language': language };
        const first = await testApp.app.inject({ method: 'GET', url, headers });
        const second = await testApp.app.inject({ method: 'GET', url, headers });
        assert.equal(first.statusCode, 200);
        assert.equal(second.statusCode, 200);
        assert.deepEqual(stableHeaders(second.headers), stableHeaders(first.headers));
        assert.equal(withoutTokens(second.body), withoutTokens(first.body));
        assert.match(String(second.headers['content-security-policy']), /default-src 'self'/);
      }
    });
  }

  test('the form of a page answered early has a new token and cookie per visitor, and the token is accepted', async () => {
    await testApp.app.inject({ method: 'GET', url: '/check' });
    const visitors = await Promise.all([0, 1].map(() => testApp.app.inject({ method: 'GET', url: '/check' })));
    const [one, two] = visitors.map((response) => ({
      cookies: Object.fromEntries(setCookies(response.headers)),
      token: csrfTokenFrom(response.body),
    }));
    assert.ok(one!.cookies.csrf !== undefined && two!.cookies.csrf !== undefined, 'each visitor gets a CSRF cookie');
    assert.notEqual(one!.cookies.csrf, two!.cookies.csrf);
    assert.notEqual(one!.token, two!.token);
    const versie = String(testApp.services.check.current().version);
    const post = (cookies: Record<string, string>, token: string) =>
      testApp.app.inject({ method: 'POST', url: '/check', cookies, payload: { _csrf: token, versie } });
    // Incomplete answers: the form again (400), not a refused token (403).
    assert.equal((await post(one!.cookies, one!.token)).statusCode, 400);
    assert.equal((await post(two!.cookies, one!.token)).statusCode, 403, "another visitor's token is refused");

    // A visitor who already has a CSRF cookie keeps it.
    const again = await testApp.app.inject({ method: 'GET', url: '/check', cookies: one!.cookies });
    assert.equal(setCookies(again.headers).size, 0);
    assert.equal((await post(one!.cookies, csrfTokenFrom(again.body))).statusCode, 400);
  });

  test('someone signed in never gets the stored page: their own page, with a token bound to their session', async () => {
    await testApp.app.inject({ method: 'GET', url: '/check' });
    const form = await testApp.app.inject({ method: 'GET', url: '/check', cookies: parent });
    assert.match(form.body, /href="\/logboek"/, 'the signed-in menu');
    const cookies = { ...parent, ...Object.fromEntries(setCookies(form.headers)) };
    const versie = String(testApp.services.check.current().version);
    const posted = await testApp.app.inject({
      method: 'POST',
      url: '/check',
      cookies,
      payload: { _csrf: csrfTokenFrom(form.body), versie },
    });
    assert.equal(posted.statusCode, 400);
    // An anonymous token does not work for the session.
    const anonymous = await testApp.app.inject({ method: 'GET', url: '/check', cookies: { csrf: cookies.csrf! } });
    const refused = await testApp.app.inject({
      method: 'POST',
      url: '/check',
      cookies,
      payload: { _csrf: csrfTokenFrom(anonymous.body), versie },
    });
    assert.equal(refused.statusCode, 403);
  });

  test('HEAD is answered by the route, without a body', async () => {
    await testApp.app.inject({ method: 'GET', url: '/nu' });
    const head = await testApp.app.inject({ method: 'HEAD', url: '/nu' });
    assert.equal(head.statusCode, 200);
    assert.equal(head.body, '');
  });

  test('a help result answered again is the same page with the same headers, and every lookup is counted', async () => {
    const counted = async () => {
      await testApp.services.help.flush();
      const rows = await testApp.database.handle.db.selectFrom('help_lookups').selectAll().execute();
      return rows.reduce((sum, row) => sum + Number(row.count), 0);
    };
    const before = await counted();
    const url = '/hulp?postcode=9711';
    const answers = [];
    for (let index = 0; index < 3; index += 1) answers.push(await testApp.app.inject({ method: 'GET', url }));
    for (const answer of answers) {
      assert.equal(answer.statusCode, 200);
      assert.equal(answer.headers['x-help-result'], 'found');
      assert.deepEqual(stableHeaders(answer.headers), stableHeaders(answers[0]!.headers));
      assert.equal(answer.body, answers[0]!.body);
    }
    assert.equal((await counted()) - before, 3);
    // A search that finds nothing is not counted, also when asked again.
    await testApp.app.inject({ method: 'GET', url: '/hulp?plaats=' });
    await testApp.app.inject({ method: 'GET', url: '/hulp?plaats=' });
    assert.equal((await counted()) - before, 3);
  });
});

describe('the rate limit counts pages answered early', () => {
  const testApp = appForSuite('sqlite', { RATE_LIMIT_MAX: '3' });

  test('the fourth request for a stored page is refused with 429', async () => {
    const statuses: number[] = [];
    for (let index = 0; index < 4; index += 1) {
      statuses.push((await testApp.app.inject({ method: 'GET', url: '/nu' })).statusCode);
    }
    assert.deepEqual(statuses, [200, 200, 200, 429]);
  });
});
