import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, postForm, type TestApp } from '../../../test/helpers/app.js';
import { dialects } from '../../../test/helpers/databases.js';
import { createTestKind } from '../../../test/helpers/editorial-kind.js';
import { buildAdmin } from '../../../test/helpers/factories.js';

/*
 * Four eyes with a shared draft over HTTP, on both databases: editor A drafts, reviewer B saves into A's draft, A
 * submits. B's review page names B among those who saved text and says why B may not publish (no publish button);
 * B's publish is a 409 page with the reason; reviewer C sees both names and publishes.
 */

type Jar = Record<string, string>;

for (const dialect of dialects) {
  describe(`four eyes with contributors over HTTP [${dialect}]`, () => {
    let testApp: TestApp;
    const kind = createTestKind();
    const jars = {} as Record<'a' | 'b' | 'c', Jar>;

    before(async () => {
      testApp = await buildTestApp(dialect, { RATE_LIMIT_MAX: '100000' }, { editorialKinds: [kind] });
      jars.a = (await buildAdmin(testApp, { username: `schrijver.a.${dialect}`, role: 'editor' })).cookies;
      jars.b = (await buildAdmin(testApp, { username: `meeschrijver.b.${dialect}`, role: 'reviewer' })).cookies;
      jars.c = (await buildAdmin(testApp, { username: `controleur.c.${dialect}`, role: 'reviewer' })).cookies;
    });
    after(() => testApp.close());

    const get = (url: string, jar: Jar) => testApp.app.inject({ method: 'GET', url, cookies: jar });
    const post = (jar: Jar, url: string, payload: Record<string, string>) => postForm(testApp.app, jar, url, payload);

    test("B saved into A's draft: B may not publish it and the pages say why; C publishes", async () => {
      const created = await post(jars.a, '/beheer/inhoud', { soort: 'page', sleutel: 'gedeeld' });
      assert.equal(created.statusCode, 303);
      const id = /\/beheer\/inhoud\/([0-9a-f-]{36})\/bewerken/.exec(String(created.headers.location))![1]!;
      const base = `/beheer/inhoud/${id}`;
      const save = (jar: Jar, edit: string, body: string) =>
        post(jar, `${base}/bewerken`, { _edit: edit, _action: 'save', _note: 'waarom', title: 'Gedeeld', body });
      assert.equal((await save(jars.a, '0', 'Woorden van A.')).statusCode, 303);
      assert.equal((await save(jars.b, '1', 'Woorden van A en van B.')).statusCode, 303);
      assert.equal((await post(jars.a, `${base}/indienen`, {})).statusCode, 303);

      const reviewByB = await get(`${base}/beoordelen`, jars.b);
      assert.equal(reviewByB.statusCode, 200);
      assert.match(reviewByB.body, /Ook tekst bewaard door: jou/);
      assert.match(reviewByB.body, /Je hebt aan deze wijziging meegeschreven/);
      assert.doesNotMatch(reviewByB.body, />\s*Publiceer\s*</);

      const byB = await post(jars.b, `${base}/publiceren`, {});
      assert.equal(byB.statusCode, 409);
      assert.match(byB.body, /Je hebt tekst in deze wijziging bewaard/);
      assert.equal(kind.live.has('gedeeld'), false);

      const reviewByC = await get(`${base}/beoordelen`, jars.c);
      assert.match(reviewByC.body, new RegExp(`Ook tekst bewaard door: meeschrijver\\.b\\.${dialect}`));
      assert.match(reviewByC.body, />\s*Publiceer\s*</);
      assert.equal((await post(jars.c, `${base}/publiceren`, { _note: 'Goed' })).statusCode, 303);
      assert.deepEqual(kind.live.get('gedeeld'), { title: 'Gedeeld', body: 'Woorden van A en van B.' });
    });
  });
}
