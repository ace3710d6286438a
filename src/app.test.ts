import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { brotliDecompressSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { appForSuite, buildTestApp, csrfTokenFrom, setCookies } from '../test/helpers/app.js';
import { dialects } from '../test/helpers/databases.js';
import { createApp } from './app.js';
import { assetsDir } from './shared/paths.js';

const expectedCsp =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; " +
  "manifest-src 'self'; worker-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; " +
  "object-src 'none'; require-trusted-types-for 'script'; trusted-types app-sw";

function assertSecurityHeaders(headers: Record<string, unknown>, what: string): void {
  assert.equal(headers['content-security-policy'], expectedCsp, `CSP on ${what}`);
  assert.equal(headers['referrer-policy'], 'no-referrer', `Referrer-Policy on ${what}`);
  assert.equal(headers['x-content-type-options'], 'nosniff', `nosniff on ${what}`);
  assert.match(String(headers['permissions-policy']), /camera=\(\).*geolocation=\(\).*microphone=\(\)/);
  assert.equal(headers['x-frame-options'], 'DENY');
}

for (const dialect of dialects) {
  describe(`the site over HTTP [${dialect}]`, () => {
    const testApp = appForSuite(dialect, { BODY_LIMIT_BYTES: '2048' });

    test('the home page is Dutch by default, with skip link, quick exit and the emergency lines', async () => {
      const response = await testApp.app.inject({ method: 'GET', url: '/' });
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['content-type'], 'text/html; charset=utf-8');
      const html = response.body;
      assert.match(html, /^<!doctype html><html lang="nl">/);
      assert.match(html, /<a href="#main" class="app-skip-link">Naar de inhoud<\/a>/);
      assert.match(html, /<a class="app-quick-exit" href="\/weg"/);
      assert.match(html, /href="tel:112"/);
      assert.match(html, /href="tel:09008844"/);
      assert.match(html, /href="tel:08002000"/);
      assert.match(html, /<main id="main"/);
      // The home page has no form, so it sets no cookie at all.
      assert.equal(response.headers['set-cookie'], undefined);
    });

    test('every link on the home page leads to a page that exists', async () => {
      const html = (await testApp.app.inject({ method: 'GET', url: '/' })).body;
      const links = [...html.matchAll(/href="(\/[^"]*)"/g)].map((match) => match[1]!.replaceAll('&amp;', '&'));
      assert.ok(links.length > 5);
      for (const link of new Set(links)) {
        const response = await testApp.app.inject({ method: 'GET', url: link });
        assert.ok([200, 303].includes(response.statusCode), `${link} answered ${response.statusCode}`);
      }
    });

    test('security headers are on pages, errors, assets and JSON alike', async () => {
      const home = await testApp.app.inject({ method: 'GET', url: '/' });
      const css = /href="(\/assets\/app\.[0-9a-f]+\.css)"/.exec(home.body)![1]!;
      for (const url of ['/', '/bestaat-niet', css, '/healthz', '/informatie/over-deze-site']) {
        const response = await testApp.app.inject({ method: 'GET', url });
        assertSecurityHeaders(response.headers, url);
      }
      const forbidden = await testApp.app.inject({
        method: 'POST',
        url: '/informatie/over-deze-site/feedback',
        payload: {},
      });
      assertSecurityHeaders(forbidden.headers, 'a refused form');
    });

    test('pages are never stored in caches; fingerprinted assets are immutable', async () => {
      const home = await testApp.app.inject({ method: 'GET', url: '/' });
      assert.equal(home.headers['cache-control'], 'no-store');
      const js = /src="(\/assets\/app\.[0-9a-f]+\.js)"/.exec(home.body)![1]!;
      const asset = await testApp.app.inject({ method: 'GET', url: js });
      assert.equal(asset.headers['cache-control'], 'public, max-age=31536000, immutable');
    });

    test('HSTS is sent only over HTTPS, as told by a trusted proxy', async () => {
      const plain = await testApp.app.inject({ method: 'GET', url: '/', headers: { 'x-forwarded-proto': 'https' } });
      assert.equal(plain.headers['strict-transport-security'], undefined, 'an untrusted X-Forwarded-Proto is ignored');
      const proxied = await buildTestApp(dialect, { TRUST_PROXY: 'true' });
      try {
        const response = await proxied.app.inject({
          method: 'GET',
          url: '/',
          headers: { 'x-forwarded-proto': 'https' },
        });
        assert.equal(response.headers['strict-transport-security'], 'max-age=63072000; includeSubDomains');
        // Also on a URL that cannot be decoded, which Fastify answers before its trustProxy rules apply.
        const badUrl = await proxied.app.inject({
          method: 'GET',
          url: '/%E0%A4%A',
          headers: { 'x-forwarded-proto': 'https' },
        });
        assert.equal(badUrl.statusCode, 400);
        assert.equal(badUrl.headers['strict-transport-security'], 'max-age=63072000; includeSubDomains');
        const badUrlPlain = await proxied.app.inject({ method: 'GET', url: '/%E0%A4%A' });
        assert.equal(badUrlPlain.statusCode, 400);
        assert.equal(badUrlPlain.headers['strict-transport-security'], undefined);
      } finally {
        await proxied.close();
      }
      const untrusted = await testApp.app.inject({
        method: 'GET',
        url: '/%E0%A4%A',
        headers: { 'x-forwarded-proto': 'https' },
      });
      assert.equal(untrusted.statusCode, 400);
      assert.equal(
        untrusted.headers['strict-transport-security'],
        undefined,
        'an untrusted X-Forwarded-Proto is ignored',
      );
    });

    test('Accept-Language picks English; the language cookie wins; anything invalid gives Dutch', async () => {
      const english = await testApp.app.inject({
        method: 'GET',
        url: '/',
        headers: { 'accept-language': 'en-GB,en;q=0.9' },
      });
      assert.match(english.body, /<html lang="en">/);
      assert.match(english.body, /Worried about your child\?/);
      const cookie = await testApp.app.inject({
        method: 'GET',
        url: '/',
        headers: { 'accept-language': 'nl' },
        cookies: { taal: 'en' },
      });
      assert.match(cookie.body, /<html lang="en">/);
      const invalid = await testApp.app.inject({
        method: 'GET',
        url: '/',
        headers: { 'accept-language': ';;q=x,,' },
        cookies: { taal: '<script>' },
      });
      assert.match(invalid.body, /<html lang="nl">/);
      assert.match(invalid.headers.vary as string, /Accept-Language/);
    });

    test('the language switch remembers the choice and returns to the same page, never to another site', async () => {
      const response = await testApp.app.inject({
        method: 'GET',
        url: '/taal/en?terug=%2Finformatie%2Fover-deze-site',
      });
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, '/informatie/over-deze-site');
      const setCookie = String(response.headers['set-cookie']);
      assert.match(setCookie, /^taal=en;/);
      assert.match(setCookie, /HttpOnly/);
      assert.match(setCookie, /SameSite=Lax/);
      for (const hostile of [
        '//evil.example/',
        'https://evil.example/',
        '/\\evil.example',
        'javascript:alert(1)',
        '',
      ]) {
        const redirect = await testApp.app.inject({
          method: 'GET',
          url: `/taal/nl?terug=${encodeURIComponent(hostile)}`,
        });
        assert.equal(redirect.headers.location, '/', `terug=${hostile}`);
      }
      assert.equal((await testApp.app.inject({ method: 'GET', url: '/taal/fr' })).statusCode, 404);
    });

    test('an unknown page is a 404 page in the visitor language', async () => {
      const dutch = await testApp.app.inject({ method: 'GET', url: '/bestaat/niet' });
      assert.equal(dutch.statusCode, 404);
      assert.match(dutch.body, /<h1>Pagina niet gevonden<\/h1>/);
      const english = await testApp.app.inject({ method: 'GET', url: '/nope', headers: { 'accept-language': 'en' } });
      assert.match(english.body, /<h1>Page not found<\/h1>/);
    });

    test('hostile and malformed URLs get a 4xx page, never a 500', async () => {
      const cases: [string, number][] = [
        ['/informatie/%3Cscript%3Ealert(1)%3C%2Fscript%3E', 404],
        ['/informatie/..%2F..%2Fetc%2Fpasswd', 404],
        [`/informatie/${'a'.repeat(500)}`, 400],
        ['/informatie/%E0%A4%A', 400],
        ['/assets/..%2Fsrc%2Fapp.ts', 404],
      ];
      for (const [url, status] of cases) {
        const response = await testApp.app.inject({ method: 'GET', url });
        assert.equal(response.statusCode, status, url);
        assert.match(response.headers['content-type'] as string, /^text\/html/, url);
        assert.doesNotMatch(response.body, /<script>alert/, url);
        assert.doesNotMatch(response.body, /at .*\.ts:\d+/, `${url} shows no stack trace`);
      }
    });

    test('a wrong method is a 405 page with Allow', async () => {
      const response = await testApp.app.inject({ method: 'DELETE', url: '/' });
      assert.equal(response.statusCode, 405);
      assert.match(String(response.headers.allow), /GET/);
      assert.match(response.body, /Dit kan hier niet/);
      const post = await testApp.app.inject({ method: 'POST', url: '/informatie', payload: 'a=b' });
      assert.equal(post.statusCode, 405);
    });

    test('information pages show their sources and last-reviewed date, in both languages', async () => {
      const index = await testApp.app.inject({ method: 'GET', url: '/informatie' });
      assert.match(index.body, /href="\/informatie\/over-deze-site"/);
      assert.match(index.body, /href="\/informatie\/veilig-gebruik"/);
      for (const [language, reviewed, sources] of [
        ['nl', 'Laatst gecontroleerd op', 'Bronnen'],
        ['en', 'Last reviewed on', 'Sources'],
      ] as const) {
        for (const slug of ['over-deze-site', 'veilig-gebruik']) {
          const page = await testApp.app.inject({
            method: 'GET',
            url: `/informatie/${slug}`,
            cookies: { taal: language },
          });
          assert.equal(page.statusCode, 200);
          assert.match(page.body, new RegExp(`<html lang="${language}">`));
          assert.match(page.body, new RegExp(reviewed));
          assert.match(page.body, new RegExp(`<h2 id="sources-title">${sources}</h2>`));
          assert.match(page.body, /<h2 id="[a-z0-9-]+">/, 'headings carry anchors');
        }
      }
    });

    describe('the page feedback form', () => {
      const url = '/informatie/veilig-gebruik';
      async function formSession(): Promise<{ token: string; cookies: Record<string, string> }> {
        const page = await testApp.app.inject({ method: 'GET', url });
        return { token: csrfTokenFrom(page.body), cookies: Object.fromEntries(setCookies(page.headers)) };
      }

      test('a valid answer is counted and the visitor is sent back to a thank-you (Post/Redirect/Get)', async () => {
        const { token, cookies } = await formSession();
        const response = await testApp.app.inject({
          method: 'POST',
          url: `${url}/feedback`,
          cookies,
          payload: { _csrf: token, helpful: 'ja' },
        });
        assert.equal(response.statusCode, 303);
        assert.equal(response.headers.location, `${url}?feedback=ontvangen#feedback`);
        const thanks = await testApp.app.inject({ method: 'GET', url: `${url}?feedback=ontvangen`, cookies });
        assert.match(thanks.body, /Dank je wel/);
        const rows = await testApp.database.handle.db
          .selectFrom('page_feedback')
          .select(['helpful', 'count'])
          .where('slug', '=', 'veilig-gebruik')
          .execute();
        assert.deepEqual(
          rows.map((row) => [Number(row.helpful), Number(row.count)]),
          [[1, 1]],
        );
      });

      test('a missing, wrong or cookieless CSRF token is a 403 page saying the form expired, and nothing is saved', async () => {
        const { token, cookies } = await formSession();
        const attempts = [
          { cookies, payload: { helpful: 'nee' } },
          { cookies, payload: { _csrf: `${token}x`, helpful: 'nee' } },
          { cookies: {}, payload: { _csrf: token, helpful: 'nee' } },
        ];
        for (const attempt of attempts) {
          const response = await testApp.app.inject({ method: 'POST', url: `${url}/feedback`, ...attempt });
          assert.equal(response.statusCode, 403);
          assert.match(response.body, /Het formulier is verlopen/);
        }
        const saved = await testApp.database.handle.db
          .selectFrom('page_feedback')
          .selectAll()
          .where('helpful', '=', 0)
          .execute();
        assert.equal(saved.length, 0);
      });

      test('a CSRF token in the URL is not accepted', async () => {
        const { token, cookies } = await formSession();
        const response = await testApp.app.inject({
          method: 'POST',
          url: `${url}/feedback?_csrf=${encodeURIComponent(token)}`,
          cookies,
          payload: { helpful: 'ja' },
        });
        assert.equal(response.statusCode, 403);
      });

      test('an answer that is not Ja or Nee shows the form again with a message (400)', async () => {
        const { token, cookies } = await formSession();
        for (const helpful of ['misschien', '', '<script>alert(1)</script>']) {
          const response = await testApp.app.inject({
            method: 'POST',
            url: `${url}/feedback`,
            cookies,
            payload: { _csrf: token, helpful },
          });
          assert.equal(response.statusCode, 400);
          assert.match(response.body, /Kies Ja of Nee\./);
          assert.doesNotMatch(response.body, /<script>alert/);
        }
        // Hostile: no answer, the answer twice, prototype names, a JSON object for the answer.
        for (const [type, payload] of [
          ['application/x-www-form-urlencoded', `_csrf=${encodeURIComponent(token)}`],
          ['application/x-www-form-urlencoded', `_csrf=${encodeURIComponent(token)}&helpful=ja&helpful=nee`],
          ['application/x-www-form-urlencoded', `_csrf=${encodeURIComponent(token)}&__proto__=ja&constructor=ja`],
          ['application/json', JSON.stringify({ _csrf: token, helpful: { toString: 'ja' } })],
        ] as const) {
          const response = await testApp.app.inject({
            method: 'POST',
            url: `${url}/feedback`,
            cookies,
            headers: { 'content-type': type },
            payload,
          });
          assert.equal(response.statusCode, 400, payload);
          assert.match(response.body, /Kies Ja of Nee\./, payload);
        }
      });

      test('malformed, oversized and unsupported bodies get a 400, 413 and 415 page', async () => {
        const { token, cookies } = await formSession();
        const broken = await testApp.app.inject({
          method: 'POST',
          url: `${url}/feedback`,
          cookies,
          headers: { 'content-type': 'application/json', 'x-csrf-token': token },
          payload: '{"helpful": ',
        });
        assert.equal(broken.statusCode, 400);
        assert.match(broken.body, /Dit verzoek klopt niet/);
        const huge = await testApp.app.inject({
          method: 'POST',
          url: `${url}/feedback`,
          cookies,
          payload: { _csrf: token, helpful: 'ja', padding: 'x'.repeat(5000) },
        });
        assert.equal(huge.statusCode, 413);
        assert.match(huge.body, /Te veel gegevens/);
        const xml = await testApp.app.inject({
          method: 'POST',
          url: `${url}/feedback`,
          cookies,
          headers: { 'content-type': 'application/xml' },
          payload: '<helpful>ja</helpful>',
        });
        assert.equal(xml.statusCode, 415);
        assert.match(xml.body, /Dit formaat kennen we niet/);
      });

      test('feedback on a page that does not exist is a 404', async () => {
        const { token, cookies } = await formSession();
        const response = await testApp.app.inject({
          method: 'POST',
          url: '/informatie/bestaat-niet/feedback',
          cookies,
          payload: { _csrf: token, helpful: 'ja' },
        });
        assert.equal(response.statusCode, 404);
      });
    });

    test('quick exit without JavaScript goes to the neutral site and makes the browser forget this one', async () => {
      const response = await testApp.app.inject({
        method: 'GET',
        url: '/weg',
        cookies: { taal: 'en', csrf: 'secret' },
      });
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, 'https://neutral.example/');
      assert.equal(response.headers['clear-site-data'], '"cache", "cookies", "storage"');
      const cleared = setCookies(response.headers);
      assert.equal(cleared.get('taal'), '');
      assert.equal(cleared.get('csrf'), '');
      assert.match(String(response.headers['set-cookie']), /Expires=Thu, 01 Jan 1970/);
    });

    test('quick exit from the script is a POST that needs no CSRF token and answers 204', async () => {
      const response = await testApp.app.inject({ method: 'POST', url: '/weg' });
      assert.equal(response.statusCode, 204);
      assert.equal(response.headers['clear-site-data'], '"cache", "cookies", "storage"');
    });

    test('health and readiness report the database in use', async () => {
      const health = await testApp.app.inject({ method: 'GET', url: '/healthz' });
      assert.equal(health.statusCode, 200);
      assert.deepEqual(health.json(), { status: 'ok', database: dialect });
      const ready = await testApp.app.inject({ method: 'GET', url: '/readyz' });
      assert.equal(ready.statusCode, 200);
    });

    test('assets are served precompressed by the encoding the browser accepts, and the manifest names real icons', async () => {
      const home = await testApp.app.inject({ method: 'GET', url: '/' });
      const css = /href="(\/assets\/app\.[0-9a-f]+\.css)"/.exec(home.body)![1]!;
      const brotli = await testApp.app.inject({ method: 'GET', url: css, headers: { 'accept-encoding': 'gzip, br' } });
      assert.equal(brotli.headers['content-encoding'], 'br');
      assert.equal(brotli.headers['content-type'], 'text/css; charset=utf-8');
      assert.equal(
        brotliDecompressSync(brotli.rawPayload).toString('utf8'),
        readFileSync(path.join(assetsDir, 'app.css'), 'utf8'),
      );
      const identity = await testApp.app.inject({
        method: 'GET',
        url: css,
        headers: { 'accept-encoding': 'identity' },
      });
      assert.equal(identity.headers['content-encoding'], undefined);
      const manifest = await testApp.app.inject({ method: 'GET', url: '/manifest.webmanifest' });
      assert.equal(manifest.headers['content-type'], 'application/manifest+json; charset=utf-8');
      const icons = manifest.json<{ icons: { src: string }[] }>().icons;
      assert.ok(icons.length >= 2);
      for (const icon of icons)
        assert.equal((await testApp.app.inject({ method: 'GET', url: icon.src })).statusCode, 200);
    });
  });

  describe(`failures and limits [${dialect}]`, () => {
    test('too many requests from one address get a 429 page with Retry-After; health checks are not limited', async () => {
      const limited = await buildTestApp(dialect, { RATE_LIMIT_MAX: '3' });
      try {
        const statuses: number[] = [];
        for (let index = 0; index < 4; index += 1) {
          statuses.push((await limited.app.inject({ method: 'GET', url: '/informatie' })).statusCode);
        }
        assert.deepEqual(statuses, [200, 200, 200, 429]);
        const refused = await limited.app.inject({ method: 'GET', url: '/', headers: { 'accept-language': 'en' } });
        assert.equal(refused.statusCode, 429);
        assert.match(refused.body, /Please wait a moment/);
        assert.ok(Number(refused.headers['retry-after']) > 0);
        assert.equal((await limited.app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200);
      } finally {
        await limited.close();
      }
    });

    test('an unexpected error is a 500 page with an error id that is also logged, and no details', async () => {
      const built = await buildTestApp(dialect);
      const lines: string[] = [];
      const stream = new PassThrough();
      stream.on('data', (chunk: Buffer) => lines.push(...chunk.toString('utf8').trim().split('\n')));
      const app = await createApp(built.services, { logStream: stream });
      app.get('/kapot', () => {
        throw new Error('secret detail from deep inside');
      });
      try {
        const response = await app.inject({
          method: 'GET',
          url: '/kapot?email=ouder%40example.nl',
          headers: { cookie: 'taal=nl', 'user-agent': 'TestAgent/1.0', 'x-forwarded-for': '203.0.113.9' },
        });
        assert.equal(response.statusCode, 500);
        const id = /Foutcode: ([0-9a-f]{10})\./.exec(response.body)?.[1];
        assert.ok(id !== undefined, 'the page shows an error id');
        assert.doesNotMatch(response.body, /secret detail|at .*\.ts/);
        const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
        const errorLine = logged.find((line) => line.errorId === id);
        assert.ok(errorLine !== undefined, 'the error id is in the log');
        assert.equal(typeof errorLine.requestId, 'string');
        const access = logged.find((line) => line.msg === 'request completed');
        assert.deepEqual(
          { method: access?.method, route: access?.route, status: access?.status },
          { method: 'GET', route: '/kapot', status: 500 },
        );
        const everything = lines.join('\n');
        for (const secret of ['ouder', 'example.nl', 'TestAgent', '203.0.113.9', 'taal=nl']) {
          assert.doesNotMatch(everything, new RegExp(secret.replace('.', '\\.')), `${secret} is not logged`);
        }
      } finally {
        await app.close();
        await built.close();
      }
    });

    test('readiness is 503 when the database is unreachable, while liveness stays 200', async () => {
      const built = await buildTestApp(dialect);
      try {
        await built.database.handle.close();
        const ready = await built.app.inject({ method: 'GET', url: '/readyz' });
        assert.equal(ready.statusCode, 503);
        assert.deepEqual(ready.json(), { status: 'unavailable', database: dialect });
        assert.equal((await built.app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200);
      } finally {
        await built.app.close();
        await built.database.cleanup().catch(() => undefined);
      }
    });
  });
}
