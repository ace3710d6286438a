import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import fc from 'fast-check';
import { appForSuite } from '../helpers/app.js';
import { buildAdmin, buildParent } from '../helpers/factories.js';
import { actorSession, registeredRoutes } from '../helpers/routes.js';

/*
 * Issue 17 point 5: every route × every actor × a foreign object → 0 leaks, as a property. A victim parent has a
 * journal entry with a text nobody else may read and a diary note. fast-check picks a route with a parameter, an
 * actor who is not the victim (anonymous, another parent, an admin, an editor, a reviewer), and fills the route's
 * parameters with the victim's ids (entry, diary note, user) in any order; the answer must not show the victim's
 * texts or username, must not be a 2xx for a route that names the victim's own object, must never be a 5xx, and
 * must be the same status as the same request with ids that exist nowhere (so it tells nothing). The exhaustive
 * case matrix is src/features/cases/cases.idor.test.ts; this walks every other route.
 */

type Jar = Record<string, string>;
const RUNS = Number(process.env.FUZZ_RUNS ?? 16) * 25;
const nowhere = '00000000-0000-4000-8000-00000000dead';

describe('foreign objects on every route, as every other actor: nothing leaks', () => {
  const testApp = appForSuite('sqlite', { RATE_LIMIT_MAX: '1000000' });
  const actors = new Map<string, { jar: Jar; token: string }>();
  const secrets: string[] = [];
  let victimIds: string[] = [];

  const csrfFor = (jar: Jar) => actorSession(testApp.app, jar);

  before(async () => {
    const victim = await buildParent(testApp, { username: 'geheim.slachtoffer' });
    const own = await csrfFor(victim.cookies);
    const entryText = 'Zwaluwqz schreef dit alleen voor zichzelf.';
    const added = await testApp.app.inject({
      method: 'POST',
      url: '/logboek',
      cookies: own.jar,
      payload: { _csrf: own.token, datum: '2026-11-20', categorie: 'behaviour', tekst: entryText },
    });
    assert.equal(added.statusCode, 303);
    const entryId = String(added.headers.location).split('/').pop()!;
    const diaryText = 'Kwelderqx, mijn eigen gedachten.';
    const noted = await testApp.app.inject({
      method: 'POST',
      url: '/dagboek',
      cookies: own.jar,
      payload: { _csrf: own.token, tekst: diaryText },
    });
    assert.equal(noted.statusCode, 303);
    const diary = await testApp.app.inject({ method: 'GET', url: '/dagboek', cookies: own.jar });
    const diaryId = /\/dagboek\/([0-9a-f-]{36})\//.exec(diary.body)?.[1];
    assert.ok(diaryId !== undefined && diary.body.includes('Kwelderqx'), 'the victim sees their own note');
    const entryPage = await testApp.app.inject({ method: 'GET', url: `/logboek/${entryId}`, cookies: own.jar });
    assert.ok(entryPage.body.includes('Zwaluwqz'), 'the victim sees their own entry (the control)');
    victimIds = [entryId, diaryId, victim.userId];
    secrets.push('Zwaluwqz', 'Kwelderqx', 'geheim.slachtoffer');

    actors.set('anonymous', await csrfFor({}));
    actors.set(
      'other parent',
      await csrfFor((await buildParent(testApp, { username: 'andere.nieuwsgierig' })).cookies),
    );
    actors.set('admin', await csrfFor((await buildAdmin(testApp, { username: 'vreemd.beheer' })).cookies));
    actors.set(
      'editor',
      await csrfFor((await buildAdmin(testApp, { username: 'vreemd.red', role: 'editor' })).cookies),
    );
    actors.set(
      'reviewer',
      await csrfFor((await buildAdmin(testApp, { username: 'vreemd.contr', role: 'reviewer' })).cookies),
    );
  });

  test(
    'a random route, actor and foreign id: no leak, and the same answer as for an id that exists nowhere',
    { timeout: 900_000 },
    async (t) => {
      const routes = registeredRoutes(testApp.app).filter(
        (route) => route.path.includes(':') && !/uitloggen|\/weg$|verwijderen$|sessies/.test(route.path),
      );
      assert.ok(routes.length > 20, `${routes.length} routes with parameters`);
      const failures: string[] = [];
      let asked = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...routes),
          fc.constantFrom(...actors.keys()),
          fc.array(fc.nat(victimIds.length - 1), { minLength: 4, maxLength: 4 }),
          async ({ method, path: route }, actorName, picks) => {
            const { jar, token } = actors.get(actorName)!;
            let index = 0;
            const foreign = route.replace(/:(\w+)/g, () => victimIds[picks[index++ % 4]!]!);
            const unknown = route.replace(/:(\w+)/g, () => nowhere);
            const ask = (url: string) =>
              testApp.app.inject({
                method: method as 'GET',
                url,
                cookies: jar,
                ...(method === 'GET' ? {} : { payload: { _csrf: token, tekst: 'x', wachtwoord: 'x' } }),
              });
            const [onForeign, onUnknown] = [await ask(foreign), await ask(unknown)];
            asked += 2;
            const where = `${method} ${route} as ${actorName} (${foreign})`;
            const leaked = secrets.filter(
              (secret) => onForeign.body.includes(secret) || JSON.stringify(onForeign.headers).includes(secret),
            );
            if (leaked.length > 0) failures.push(`${where}: shows ${leaked.join(', ')}`);
            if (onForeign.statusCode >= 500) failures.push(`${where}: ${onForeign.statusCode}`);
            if (onForeign.statusCode !== onUnknown.statusCode) {
              failures.push(
                `${where}: ${onForeign.statusCode}, but ${onUnknown.statusCode} for an id that exists nowhere`,
              );
            }
            return true;
          },
        ),
        { numRuns: RUNS },
      );
      t.diagnostic(`${asked} requests on ${routes.length} routes × ${actors.size} actors`);
      assert.deepEqual([...new Set(failures)], []);
    },
  );
});
