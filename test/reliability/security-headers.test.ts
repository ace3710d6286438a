import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { baseSecurityHeaders } from '../../src/shared/http/security-headers.js';
import { buildTestApp, csrfTokenFrom, type TestApp, withCookiesOf } from '../helpers/app.js';
import { buildAdmin, buildParent } from '../helpers/factories.js';
import { registeredRoutes } from '../helpers/routes.js';

/*
 * Issue 17 point 5: every route's response headers against the security baseline (security-headers.ts). The app
 * listens on a real port (pages answered early from the page cache never reach Fastify's inject), and every route
 * it registers is asked, over plain HTTP and as if behind a TLS proxy (X-Forwarded-Proto: https from a trusted
 * 127.0.0.1), by an anonymous visitor, a parent and an admin, GET twice (the second may come from the page cache)
 * and the other methods with a valid CSRF token; plus the answers made outside any route (404, 405, an undecodable
 * URL, a body too large). Each answer carries every baseline header with its value; Strict-Transport-Security
 * exactly when the request came over HTTPS; no X-Powered-By or Server; a cookie only with HttpOnly and SameSite
 * (the session and CSRF cookies; Secure when over HTTPS); and a response that may be cached (not no-store) is a
 * public resource that sets no cookie.
 */

/** Public resources that may be cached, and how (everything else is no-store). */
const cacheable: [RegExp, RegExp][] = [
  [/^\/assets\//, /^public, max-age=\d+, immutable$/],
  [/^\/robots\.txt$/, /^public, max-age=\d+$/],
  [/^\/manifest\.webmanifest$/, /^no-cache$/],
  [/^\/api\/v1\/log\//, /^no-cache$/],
  [/^\/api\/openapi\.json$/, /^no-cache$/],
  [/^\/sw\.js$/, /^no-cache$/],
];

/** A page may tighten the baseline's Content-Security-Policy (a directive set to 'none'), never loosen it. */
function atLeastAsStrict(csp: string | null): boolean {
  if (csp === null) return false;
  const directives = (policy: string) =>
    new Map(
      policy.split(';').map((part) => {
        const [name = '', ...values] = part.trim().split(/\s+/);
        return [name, values.join(' ')] as const;
      }),
    );
  const given = directives(csp);
  const baseline = directives(baseSecurityHeaders['content-security-policy']!);
  return (
    [...baseline].every(([name, value]) => given.get(name) === value || given.get(name) === "'none'") &&
    given.size === baseline.size
  );
}

const forbiddenHeaders = ['x-powered-by', 'server', 'x-aspnet-version', 'access-control-allow-origin'];

interface Seen {
  where: string;
  path: string;
  https: boolean;
  headers: Headers;
}

function problemsOf({ where, path, https, headers }: Seen): string[] {
  const problems: string[] = [];
  for (const [name, value] of Object.entries(baseSecurityHeaders)) {
    if (name === 'cache-control') continue;
    if (name === 'content-security-policy' && atLeastAsStrict(headers.get(name))) continue;
    if (headers.get(name) !== value) problems.push(`${where}: ${name} is ${JSON.stringify(headers.get(name))}`);
  }
  const hsts = headers.get('strict-transport-security');
  if (https && !/^max-age=\d{8,}; includeSubDomains/.test(hsts ?? '')) problems.push(`${where}: no HSTS over HTTPS`);
  if (!https && hsts !== null) problems.push(`${where}: HSTS over plain HTTP`);
  for (const name of forbiddenHeaders) if (headers.has(name)) problems.push(`${where}: sends ${name}`);
  const cacheControl = headers.get('cache-control') ?? '';
  const cookies = headers.getSetCookie();
  if (cacheControl !== 'no-store') {
    const allowed = cacheable.find(([pathPattern]) => pathPattern.test(path));
    if (allowed === undefined || !allowed[1].test(cacheControl)) {
      problems.push(`${where}: cache-control ${JSON.stringify(cacheControl)}`);
    }
    if (cookies.length > 0) problems.push(`${where}: a cacheable answer sets a cookie`);
  }
  for (const cookie of cookies) {
    const name = cookie.split('=')[0];
    const flags = cookie.toLowerCase();
    if (!/;\s*samesite=(lax|strict)/.test(flags)) problems.push(`${where}: cookie ${name} without SameSite`);
    // The language choice is not a secret (a script may read it); every other cookie is kept from scripts.
    if (name !== 'taal' && !/;\s*httponly/.test(flags)) problems.push(`${where}: cookie ${name} without HttpOnly`);
  }
  if (
    headers.get('content-length') !== '0' &&
    headers.has('content-type') === false &&
    headers.has('location') === false
  ) {
    problems.push(`${where}: a body without a content type`);
  }
  return problems;
}

describe('every route answers with the security baseline headers', () => {
  let testApp: TestApp;
  let base: string;
  const actors = new Map<string, Record<string, string>>();

  before(async () => {
    testApp = await buildTestApp('sqlite', { RATE_LIMIT_MAX: '1000000', TRUST_PROXY: '127.0.0.1' });
    actors.set('anonymous', {});
    actors.set('parent', (await buildParent(testApp, { username: 'kop.ouder' })).cookies);
    actors.set('admin', (await buildAdmin(testApp, { username: 'kop.beheerder' })).cookies);
    await testApp.app.listen({ host: '127.0.0.1', port: 0 });
    const address = testApp.app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  });
  after(() => testApp?.close());

  const cookieHeader = (jar: Record<string, string>) =>
    Object.entries(jar)
      .map(([name, value]) => `${name}=${value}`)
      .join('; ');

  async function tokenFor(jar: Record<string, string>): Promise<{ jar: Record<string, string>; token: string }> {
    for (const url of ['/account', '/registreren']) {
      const page = await testApp.app.inject({ method: 'GET', url, cookies: jar });
      if (page.statusCode === 200 && page.body.includes('name="_csrf"')) {
        return { jar: withCookiesOf(jar, page.headers), token: csrfTokenFrom(page.body) };
      }
    }
    throw new Error('no page with a form');
  }

  test('on every registered route, for every actor, over HTTP and HTTPS', { timeout: 600_000 }, async (t) => {
    const routes = registeredRoutes(testApp.app).filter(
      (route) => !/uitloggen|\/weg$|verwijderen$|sessies/.test(route.path),
    );
    assert.ok(routes.length > 50, `only ${routes.length} routes`);
    const problems: string[] = [];
    let asked = 0;
    for (const [actor, cookies] of actors) {
      const { jar, token } = await tokenFor(cookies);
      for (const https of [false, true]) {
        for (const { method, path: route } of routes) {
          const url = route.replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000').replace('*', 'x');
          const headers: Record<string, string> = { cookie: cookieHeader(jar) };
          if (https) headers['x-forwarded-proto'] = 'https';
          const tries = method === 'GET' ? 2 : 1;
          for (let round = 0; round < tries; round += 1) {
            const response = await fetch(`${base}${url}`, {
              method,
              headers: method === 'GET' ? headers : { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
              redirect: 'manual',
              ...(method === 'GET' ? {} : { body: `_csrf=${encodeURIComponent(token)}` }),
            });
            await response.arrayBuffer();
            asked += 1;
            problems.push(
              ...problemsOf({
                where: `${actor} ${https ? 'https' : 'http'} ${method} ${url}`,
                path: url,
                https,
                headers: response.headers,
              }),
            );
          }
        }
      }
    }
    t.diagnostic(`${asked} answers checked on ${routes.length} routes`);
    assert.deepEqual(problems, []);
  });

  test('answers made outside any route: 404, 405, an undecodable URL, a body too large', async () => {
    const problems: string[] = [];
    const cases: { where: string; path: string; init: RequestInit }[] = [
      { where: '404', path: '/bestaat-niet', init: {} },
      { where: '405', path: '/logboek', init: { method: 'DELETE' } },
      { where: 'bad URL', path: '/%E0%A4%A', init: {} },
      {
        where: '413',
        path: '/check',
        init: {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: `a=${'x'.repeat(8 * 1024 * 1024)}`,
        },
      },
    ];
    for (const https of [false, true]) {
      for (const { where, path, init } of cases) {
        const headers = {
          ...(init.headers as Record<string, string> | undefined),
          ...(https ? { 'x-forwarded-proto': 'https' } : {}),
        };
        const response = await fetch(`${base}${path}`, { ...init, headers, redirect: 'manual' }).catch(() => undefined);
        if (response === undefined) continue; // The server may close the connection on a body far too large.
        await response.arrayBuffer();
        assert.ok(response.status >= 400 && response.status < 500, `${where}: ${response.status}`);
        // Fastify answers an undecodable URL before its trustProxy rules apply; the bad-URL page applies them
        // itself (error-handler.tsx), so it carries HSTS over HTTPS like every other answer.
        problems.push(
          ...problemsOf({ where: `${where} ${https ? 'https' : 'http'}`, path, https, headers: response.headers }),
        );
      }
    }
    assert.deepEqual(problems, []);
  });
});
