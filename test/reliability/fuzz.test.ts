import assert from 'node:assert/strict';
import { describe, before, test } from 'node:test';
import fc from 'fast-check';
import { appForSuite } from '../helpers/app.js';
import { dialects } from '../helpers/databases.js';
import { buildAdmin, buildParent } from '../helpers/factories.js';
import { actorSession, registeredRoutes } from '../helpers/routes.js';

/*
 * Issue 17 point 5: every form and API fuzzed with fast-check → never a 5xx. The routes come from the app (a new
 * route is fuzzed by itself), the field names from the app's own pages (every `name="…"` a page renders for these
 * actors) mixed with random names. Each run sends random fields — random text in the whole Unicode range, control
 * characters and NUL, hostile strings, numbers, dates, ids, 100,000 characters — urlencoded (fields given twice
 * too), as JSON, or as multipart with a random file; random path parameters (the actor's own ids, unknown ids,
 * garbage) and a random query string; with the actor's valid CSRF token most of the time. On both databases
 * (PostgreSQL refuses a NUL in text, SQLite does not). FUZZ_RUNS sets the runs per route and actor (default 16, half for GET);
 * FUZZ_SEED replays a run.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 16);
const SEED = process.env.FUZZ_SEED === undefined ? Date.now() % 2 ** 31 : Number(process.env.FUZZ_SEED);

type Jar = Record<string, string>;

const hostile = [
  '<script>alert("nmk")</script>',
  "'; DROP TABLE users; --",
  'a\u0000b',
  '\u202e\u200f\ufeff',
  '../../../../etc/passwd',
  '{"__proto__":{"admin":true}}',
  '-1e309',
  'NaN',
  '9'.repeat(400),
  '%00%ff',
  '0000-00-00',
  '2026-02-30',
  '\ud800',
];

const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(...hostile),
  fc.integer().map(String),
  fc.double().map(String),
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
  fc.uuid(),
  fc.constant('x'.repeat(100_000)),
  fc.constantFrom('ja', 'nee', 'on', '', 'alles', 'behaviour', 'parent', 'care', 'iedereen'),
);

const endsSession = /uitloggen|\/weg$|verwijderen$|sessies|anderen-beeindigen/;

for (const dialect of dialects) {
  describe(`fuzzing every route with fast-check: never a 5xx [${dialect}]`, () => {
    const testApp = appForSuite(dialect, { RATE_LIMIT_MAX: '1000000' });
    const actors = new Map<string, { jar: Jar; token: string }>();
    const fieldNames = new Set<string>(['_csrf']);
    let ownIds: string[] = [];

    const csrfFor = (jar: Jar) => actorSession(testApp.app, jar);

    before(async () => {
      const parent = await buildParent(testApp, { username: `fuzz${dialect}.ouder` });
      const admin = await buildAdmin(testApp, { username: `fuzz${dialect}.beheer` });
      actors.set('anonymous', await csrfFor({}));
      actors.set('parent', await csrfFor(parent.cookies));
      actors.set('admin', await csrfFor(admin.cookies));
      const { jar, token } = actors.get('parent')!;
      const added = await testApp.app.inject({
        method: 'POST',
        url: '/logboek',
        cookies: jar,
        payload: { _csrf: token, datum: '2026-11-20', categorie: 'behaviour', tekst: 'Een notitie.' },
      });
      assert.equal(added.statusCode, 303);
      ownIds = [String(added.headers.location).split('/').pop()!, parent.userId, admin.userId];
      // The field names every page shows these actors.
      for (const { method, path } of registeredRoutes(testApp.app)) {
        if (method !== 'GET' || path.includes(':')) continue;
        for (const actor of actors.values()) {
          const page = await testApp.app.inject({ method: 'GET', url: path, cookies: actor.jar });
          for (const match of page.body.matchAll(/name="([^"]{1,40})"/g)) fieldNames.add(match[1]!);
        }
      }
    });

    test('the routes and the field names are read from the app', (t) => {
      const routes = registeredRoutes(testApp.app);
      assert.ok(routes.length > 50);
      assert.ok(fieldNames.has('wachtwoord') && fieldNames.has('gebruikersnaam'), [...fieldNames].join(' '));
      t.diagnostic(`${routes.length} routes, ${fieldNames.size} field names, seed ${SEED}, ${RUNS} runs each`);
    });

    for (const actorName of ['anonymous', 'parent', 'admin']) {
      test(`as ${actorName}: random forms, JSON and parameters on every route`, { timeout: 900_000 }, async (t) => {
        const { jar, token } = actors.get(actorName)!;
        const names = fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom(...fieldNames) },
          { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
        );
        const pairs = fc.array(fc.tuple(names, text), { maxLength: 10 });
        const param = fc.oneof(
          fc.constantFrom(...ownIds),
          fc.uuid(),
          fc.string({ minLength: 1, maxLength: 30 }),
          fc.string({ unit: 'binary', minLength: 1, maxLength: 10 }),
          fc.constantFrom('..', '%', '%E0%A4%A', '9'.repeat(300)),
        );
        const request = fc.record({
          encoding: fc.constantFrom('form', 'form', 'form', 'json', 'multipart', 'none'),
          withToken: fc.double({ min: 0, max: 1, noNaN: true }).map((x) => x < 0.85),
          fields: pairs,
          query: fc.array(fc.tuple(names, text), { maxLength: 3 }),
          params: fc.array(param, { minLength: 4, maxLength: 4 }),
          file: fc.uint8Array({ maxLength: 2_000 }),
          json: fc.jsonValue({ maxDepth: 3 }),
        });
        const failures: string[] = [];
        const routes = registeredRoutes(testApp.app).sort(
          (a, b) => Number(endsSession.test(a.path)) - Number(endsSession.test(b.path)),
        );
        let sent = 0;
        for (const { method, path: route } of routes) {
          let index = 0;
          await fc
            .assert(
              fc.asyncProperty(request, async (input) => {
                index = 0;
                const url =
                  route.replace(/:(\w+)/g, () => {
                    const raw = input.params[index++ % 4]!;
                    return /^%|^\.\.$/.test(raw) ? raw : encodeURIComponent(raw);
                  }) +
                  (input.query.length > 0
                    ? `?${input.query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`
                    : '');
                const fields: [string, string][] = [
                  ...(input.withToken ? [['_csrf', token] as [string, string]] : []),
                  ...input.fields,
                ];
                let headers: Record<string, string> = {};
                let payload: string | Buffer | undefined;
                if (method !== 'GET') {
                  if (input.encoding === 'form') {
                    headers = { 'content-type': 'application/x-www-form-urlencoded' };
                    payload = fields.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
                  } else if (input.encoding === 'json') {
                    headers = { 'content-type': 'application/json' };
                    payload = JSON.stringify(
                      typeof input.json === 'object' && input.json !== null && !Array.isArray(input.json)
                        ? { ...Object.fromEntries(fields), ...input.json }
                        : input.json,
                    );
                  } else if (input.encoding === 'multipart') {
                    const boundary = '----nmkfuzz';
                    const parts = fields.map(
                      ([k, v]) =>
                        `--${boundary}\r\nContent-Disposition: form-data; name="${k.replace(/["\r\n]/g, '')}"\r\n\r\n${v}\r\n`,
                    );
                    headers = { 'content-type': `multipart/form-data; boundary=${boundary}` };
                    payload = Buffer.concat([
                      Buffer.from(parts.join('')),
                      Buffer.from(
                        `--${boundary}\r\nContent-Disposition: form-data; name="bijlagen"; filename="x.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
                      ),
                      Buffer.from(input.file),
                      Buffer.from(`\r\n--${boundary}--\r\n`),
                    ]);
                  }
                }
                const response = await testApp.app.inject({
                  method: method as 'GET',
                  url,
                  cookies: jar,
                  headers,
                  ...(payload !== undefined && { payload }),
                });
                sent += 1;
                if (response.statusCode >= 500) {
                  failures.push(
                    `${method} ${route} → ${response.statusCode} (${input.encoding}, url ${JSON.stringify(url.slice(0, 200))}, ` +
                      `fields ${JSON.stringify(fields.map(([k, v]) => [k, v.slice(0, 60)]))}): ${response.body.slice(0, 300)}`,
                  );
                  return false;
                }
                return true;
              }),
              // A failure is reported with its input, not shrunk: shrinking re-runs heavy routes many times.
              { numRuns: method === 'GET' ? Math.max(2, Math.floor(RUNS / 2)) : RUNS, seed: SEED, endOnFailure: true },
            )
            .catch(() => undefined);
        }
        t.diagnostic(`${sent} requests as ${actorName}`);
        assert.deepEqual(failures, [], `seed ${SEED}`);
      });
    }
  });
}
