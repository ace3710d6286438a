import assert from 'node:assert/strict';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createApp } from '../../app.js';
import { sessionCookieName } from '../auth/session-cookie.js';
import { buildTestApp, csrfTokenFrom, setCookies, type TestApp } from '../../../test/helpers/app.js';
import { buildParent } from '../../../test/helpers/factories.js';

/*
 * Stored pages are answered in the server's request listener, before Fastify (early-answers.ts). Light-my-request
 * (app.inject) goes around the server, so these tests talk HTTP to a listening app. What a visitor or an attacker
 * sees must be what Fastify's path gives: the same status, headers and page, a working form, the rate limit
 * counting, HSTS and the client address by the trustProxy rules, the same access line, and nothing stored for
 * someone signed in.
 */

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

function get(port: number, path: string, headers: Record<string, string> = {}, method = 'GET', body?: string) {
  return new Promise<Answer>((resolve, reject) => {
    const sent = httpRequest({ host: '127.0.0.1', port, path, method, headers }, (response) => {
      let text = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
    });
    sent.on('error', reject);
    sent.end(body);
  });
}

function stableHeaders(headers: IncomingHttpHeaders): Record<string, unknown> {
  const { date: _date, 'set-cookie': _cookie, connection: _connection, 'keep-alive': _keepAlive, ...rest } = headers;
  return rest;
}

const withoutTokens = (html: string): string => html.replaceAll(/name="_csrf" value="[^"]*"/g, 'name="_csrf" value=""');
const cookieHeader = (cookies: Record<string, string>): string =>
  Object.entries(cookies)
    .map(([name, value]) => `${name}=${value}`)
    .join('; ');

/** The app listening on a free port, with its log lines and a count of the requests that reached Fastify. */
interface Listening {
  built: TestApp;
  app: FastifyInstance;
  port: number;
  lines: Record<string, unknown>[];
  reachedFastify: { count: number };
  close(): Promise<void>;
}

async function listen(env: Record<string, string> = {}): Promise<Listening> {
  const built = await buildTestApp('sqlite', env);
  const lines: Record<string, unknown>[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').trim().split('\n'))
      lines.push(JSON.parse(line) as Record<string, unknown>);
  });
  const app = await createApp(built.services, { logStream: stream });
  const reachedFastify = { count: 0 };
  app.addHook('onRequest', (_request, _reply, done) => {
    reachedFastify.count += 1;
    done();
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return {
    built,
    app,
    port,
    lines,
    reachedFastify,
    close: async () => {
      await app.close();
      await built.close();
    },
  };
}

describe('stored pages answered before Fastify, over HTTP', () => {
  let server: Listening;
  before(async () => {
    server = await listen({ RATE_LIMIT_MAX: '100000' });
  });
  after(() => server.close());

  for (const url of ['/', '/nu', '/informatie/over-deze-site', '/check', '/hulp?postcode=9711']) {
    test(`${url}: the answer before Fastify has the status, headers and page of Fastify's`, async () => {
      for (const language of ['nl', 'en']) {
        const headers = { 'accept-language': language };
        const first = await get(server.port, url, headers);
        const reached = server.reachedFastify.count;
        const second = await get(server.port, url, headers);
        assert.equal(server.reachedFastify.count, reached, 'the second request did not reach Fastify');
        assert.equal(first.status, 200);
        assert.equal(second.status, 200);
        assert.deepEqual(stableHeaders(second.headers), stableHeaders(first.headers));
        assert.equal(withoutTokens(second.body), withoutTokens(first.body));
        assert.match(String(second.headers['content-security-policy']), /default-src 'self'/);
        assert.equal(second.headers['strict-transport-security'], undefined, 'no HSTS over plain HTTP');
      }
    });
  }

  test('the access line of an early answer is the line Fastify writes, with its own request id', async () => {
    await get(server.port, '/nu', { 'accept-language': 'nl' });
    const fastifyLine = server.lines.at(-1)!;
    await get(server.port, '/nu', { 'accept-language': 'nl' });
    const earlyLine = server.lines.at(-1)!;
    assert.notEqual(earlyLine, fastifyLine);
    assert.deepEqual(Object.keys(earlyLine), Object.keys(fastifyLine));
    const { requestId: earlyId, time: _t1, ms: earlyMs, ...early } = earlyLine;
    const { requestId: fastifyId, time: _t2, ms: _m, ...fastify } = fastifyLine;
    assert.deepEqual(early, fastify);
    assert.deepEqual(early, { ...early, msg: 'request completed', method: 'GET', route: '/nu', status: 200 });
    assert.match(String(earlyId), /^[0-9a-f-]{36}$/);
    assert.notEqual(earlyId, fastifyId);
    assert.equal(typeof earlyMs, 'number');
  });

  test('a form answered early has a new token and cookie per visitor, and the CSRF check accepts only its own', async () => {
    await get(server.port, '/check');
    const [one, two] = await Promise.all([get(server.port, '/check'), get(server.port, '/check')]);
    const visitor = (answer: Answer) => ({
      cookies: Object.fromEntries(setCookies(answer.headers)),
      token: csrfTokenFrom(answer.body),
    });
    const [a, b] = [visitor(one), visitor(two)];
    assert.ok(a.cookies.csrf !== undefined && b.cookies.csrf !== undefined, 'each visitor gets a CSRF cookie');
    assert.notEqual(a.cookies.csrf, b.cookies.csrf);
    assert.match(String(one.headers['set-cookie']), /; Path=\/; HttpOnly; SameSite=Strict/);
    const versie = String(server.built.services.check.current().version);
    const post = (cookies: Record<string, string>, token: string) =>
      get(
        server.port,
        '/check',
        { cookie: cookieHeader(cookies), 'content-type': 'application/x-www-form-urlencoded' },
        'POST',
        new URLSearchParams({ _csrf: token, versie }).toString(),
      );
    // Incomplete answers: the form again (400), not a refused token (403).
    assert.equal((await post(a.cookies, a.token)).status, 400);
    assert.equal((await post(b.cookies, a.token)).status, 403, "another visitor's token is refused");
    // A visitor who already has a CSRF cookie keeps it.
    const again = await get(server.port, '/check', { cookie: cookieHeader(a.cookies) });
    assert.equal(again.headers['set-cookie'], undefined);
    assert.equal((await post(a.cookies, csrfTokenFrom(again.body))).status, 400);
  });

  test('someone signed in never gets a stored page', async () => {
    const parent = (await buildParent(server.built, { username: 'ouder-http', passphrase: 'lamp fiets regen appel' }))
      .cookies;
    await get(server.port, '/check');
    const reached = server.reachedFastify.count;
    const form = await get(server.port, '/check', { cookie: cookieHeader(parent) });
    assert.equal(server.reachedFastify.count, reached + 1, 'Fastify answered');
    assert.match(form.body, /href="\/logboek"/, 'the signed-in menu');
    // Any session cookie, also one that is no longer valid, takes Fastify's path.
    const expired = { [sessionCookieName(server.built.config.secureCookies)]: 'no-longer-valid' };
    await get(server.port, '/nu', { cookie: cookieHeader(expired) });
    assert.equal(server.reachedFastify.count, reached + 2);
  });

  test('HEAD and POST are left to Fastify', async () => {
    await get(server.port, '/nu');
    const reached = server.reachedFastify.count;
    const head = await get(server.port, '/nu', {}, 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(head.body, '');
    assert.equal(server.reachedFastify.count, reached + 1);
  });
});

describe('the rate limit and trusted proxies for pages answered before Fastify', () => {
  test('the fourth request from one address is refused with the 429 page; addresses come from a trusted proxy', async () => {
    const server = await listen({ RATE_LIMIT_MAX: '3', TRUST_PROXY: '127.0.0.1' });
    try {
      const from = (address: string) => ({ 'x-forwarded-for': address, 'x-forwarded-proto': 'https' });
      const statuses: number[] = [];
      for (let index = 0; index < 4; index += 1) {
        statuses.push((await get(server.port, '/nu', from('203.0.113.1'))).status);
      }
      assert.deepEqual(statuses, [200, 200, 200, 429]);
      // Another client behind the proxy has its own count, and gets HSTS (it came over HTTPS).
      const other = [];
      for (let index = 0; index < 3; index += 1) other.push(await get(server.port, '/nu', from('203.0.113.2')));
      assert.deepEqual(
        other.map((answer) => answer.status),
        [200, 200, 200],
      );
      for (const answer of other) {
        assert.equal(answer.headers['strict-transport-security'], 'max-age=63072000; includeSubDomains');
      }
      assert.deepEqual(stableHeaders(other[2]!.headers), stableHeaders(other[0]!.headers));
    } finally {
      await server.close();
    }
  });

  test('without a trusted proxy, X-Forwarded-For and -Proto are ignored', async () => {
    const server = await listen({ RATE_LIMIT_MAX: '3' });
    try {
      const statuses: number[] = [];
      for (let index = 0; index < 4; index += 1) {
        const answer = await get(server.port, '/nu', {
          'x-forwarded-for': `203.0.113.${index + 1}`,
          'x-forwarded-proto': 'https',
        });
        statuses.push(answer.status);
        if (answer.status === 200) assert.equal(answer.headers['strict-transport-security'], undefined);
      }
      assert.deepEqual(statuses, [200, 200, 200, 429]);
    } finally {
      await server.close();
    }
  });
});
