import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { appForSuite, csrfTokenFrom, withCookiesOf } from '../../../test/helpers/app.js';
import { dialects } from '../../../test/helpers/databases.js';
import { buildAdmin, buildParent } from '../../../test/helpers/factories.js';
import { translatorFor } from '../../messages.js';
import { publishUntranslatedPage, untranslatedSlug } from '../../../test/helpers/untranslated.js';
import { contentDir } from '../../shared/paths.js';

/*
 * The reviewers' marks (ADR 0053) over HTTP on both databases: a page says it is not yet reviewed in its
 * language until the frame and the page are marked; withdrawing brings the notice back; only editorial roles see
 * /beheer/vertalingen, only reviewers and admins change marks; hostile input is a 4xx with a message.
 */

type Jar = Record<string, string>;

for (const dialect of dialects) {
  describe(`translation review marks [${dialect}]`, () => {
    const suite = appForSuite(dialect);
    before(async () => {
      await publishUntranslatedPage(suite.services);
    });
    const get = (url: string, cookies: Jar = {}) => suite.app.inject({ method: 'GET', url, cookies });
    const post = async (jar: Jar, body: Record<string, unknown>) => {
      const page = await get('/account', jar);
      return suite.app.inject({
        method: 'POST',
        url: '/beheer/vertalingen',
        cookies: withCookiesOf(jar, page.headers),
        payload: { _csrf: csrfTokenFrom(page.body), ...body },
      });
    };
    const unreviewed = (language: 'ar' | 'tr' | 'pl') => translatorFor(language)('layout.translation.unreviewed');
    const nu = (language: string) => get('/nu', { taal: language });

    test('a page says it is not reviewed until frame and page are marked; withdrawing brings the notice back', async () => {
      const reviewer = (await buildAdmin(suite, { role: 'reviewer' })).cookies;
      assert.ok((await nu('tr')).body.includes(unreviewed('tr')));
      const list = await get('/beheer/vertalingen', reviewer);
      assert.equal(list.statusCode, 200);
      assert.match(list.body, /name="pagina" value="\/nu"/);
      assert.match(list.body, /name="pagina" value="frame"/);

      const page = await post(reviewer, { taal: 'tr', pagina: '/nu', actie: 'markeren' });
      assert.equal(page.statusCode, 303);
      assert.equal(page.headers.location, '/beheer/vertalingen?gedaan=gemarkeerd');
      // The page alone is not enough: the frame around it is Turkish too.
      assert.ok((await nu('tr')).body.includes(unreviewed('tr')));
      assert.equal((await post(reviewer, { taal: 'tr', pagina: 'frame', actie: 'markeren' })).statusCode, 303);
      const reviewed = await nu('tr');
      assert.ok(!reviewed.body.includes(unreviewed('tr')), 'marked: no notice');
      assert.match(reviewed.body, /<html lang="tr">/);
      // Other languages are not affected.
      assert.ok((await nu('ar')).body.includes(unreviewed('ar')));
      // The editors' page shows the state.
      assert.match((await get('/beheer/vertalingen?gedaan=gemarkeerd', reviewer)).body, /Nagekeken op/);
      // Withdrawn: the stored page is not served stale, the notice is back.
      const withdrawn = await post(reviewer, { taal: 'tr', pagina: '/nu', actie: 'intrekken' });
      assert.equal(withdrawn.headers.location, '/beheer/vertalingen?gedaan=ingetrokken');
      assert.ok((await nu('tr')).body.includes(unreviewed('tr')));
      // The audit log has both steps.
      const lines = await suite.database.handle.db
        .selectFrom('audit_log')
        .select(['action', 'object_id'])
        .where('object_type', '=', 'translation-review')
        .execute();
      assert.deepEqual(lines.map((line) => `${line.action} ${line.object_id}`).sort(), [
        'translation-review.marked tr /nu',
        'translation-review.marked tr frame',
        'translation-review.withdrawn tr /nu',
      ]);
      // Loaded again from the database (as at start, or after another instance's news): the same state.
      await suite.services.translationReviews.load();
      assert.equal(suite.services.translationReviews.isReviewed('tr', 'frame'), true);
      assert.equal(suite.services.translationReviews.isReviewed('tr', '/nu'), false);
      await post(reviewer, { taal: 'tr', pagina: 'frame', actie: 'intrekken' });
    });

    test('a complete language: every page not declared on its own is reviewed with one mark on the rest of the interface', async () => {
      assert.equal(translatorFor.isComplete('pl'), true);
      const reviewer = (await buildAdmin(suite, { role: 'reviewer' })).cookies;
      const parent = { ...(await buildParent(suite)).cookies, taal: 'pl' };
      const account = () => get('/account', parent);
      assert.equal((await account()).statusCode, 200);
      assert.ok((await account()).body.includes(unreviewed('pl')), 'an undeclared page says it is not reviewed');
      const list = await get('/beheer/vertalingen', reviewer);
      assert.match(list.body, /name="pagina" value="interface"/);
      assert.match(list.body, /Alle andere pagina’s/);
      assert.equal((await post(reviewer, { taal: 'pl', pagina: 'interface', actie: 'markeren' })).statusCode, 303);
      assert.ok((await account()).body.includes(unreviewed('pl')), 'the frame is not marked yet');
      assert.equal((await post(reviewer, { taal: 'pl', pagina: 'frame', actie: 'markeren' })).statusCode, 303);
      assert.ok(!(await account()).body.includes(unreviewed('pl')), 'frame and interface marked: no notice');
      // A declared page keeps its own mark: /nu is still unreviewed.
      assert.ok((await nu('pl')).body.includes(unreviewed('pl')));
      await post(reviewer, { taal: 'pl', pagina: 'interface', actie: 'intrekken' });
      assert.ok((await account()).body.includes(unreviewed('pl')), 'withdrawn: the notice is back');
      await post(reviewer, { taal: 'pl', pagina: 'frame', actie: 'intrekken' });
    });

    test('a translated information page is listed and marked on its own: reviewed once frame and page are marked', async () => {
      const reviewer = (await buildAdmin(suite, { role: 'reviewer' })).cookies;
      const dutch = readFileSync(path.join(contentDir, 'nl', 'veilig-gebruik.md'), 'utf8');
      const arabic = dutch
        .replace(/^title: .*$/m, 'title: الاستخدام الآمن')
        .replace(/\n---\n[\s\S]*$/, '\n---\n\nنص.\n');
      await suite.services.editorial.importDocuments('page', [{ key: 'ar/veilig-gebruik', text: arabic }]);
      assert.match(
        (await get('/beheer/vertalingen', reviewer)).body,
        /name="pagina" value="\/informatie\/veilig-gebruik"/,
      );
      const shown = () => get('/informatie/veilig-gebruik', { taal: 'ar' });
      assert.ok((await shown()).body.includes(unreviewed('ar')));
      await post(reviewer, { taal: 'ar', pagina: 'frame', actie: 'markeren' });
      assert.ok((await shown()).body.includes(unreviewed('ar')), 'the frame alone is not the page');
      await post(reviewer, { taal: 'ar', pagina: '/informatie/veilig-gebruik', actie: 'markeren' });
      const reviewed = await shown();
      assert.ok(!reviewed.body.includes(unreviewed('ar')));
      assert.match(reviewed.body, /<html lang="ar" dir="rtl">/);
      // A page without a translation shows only the frame in Arabic: the frame's mark is its review.
      const fallback = await get(`/informatie/${untranslatedSlug}`, { taal: 'ar' });
      assert.ok(fallback.body.includes('class="app-untranslated"'));
      assert.ok(!fallback.body.includes(unreviewed('ar')));
      await post(reviewer, { taal: 'ar', pagina: '/informatie/veilig-gebruik', actie: 'intrekken' });
      await post(reviewer, { taal: 'ar', pagina: 'frame', actie: 'intrekken' });
      assert.ok((await shown()).body.includes(unreviewed('ar')));
    });

    if (dialect === 'postgres') {
      test('another instance’s mark reaches this one over the change bus, and its stored pages are dropped', async () => {
        assert.ok((await nu('pl')).body.includes(translatorFor('pl')('layout.translation.unreviewed')));
        // What another instance's setReviewed does: the rows and the notice, in one transaction.
        await suite.database.handle.db.transaction().execute(async (trx) => {
          await trx
            .insertInto('translation_reviews')
            .values([
              { language: 'pl', page: 'frame', marked_by: 'elsewhere', marked_at: new Date().toISOString() },
              { language: 'pl', page: '/nu', marked_by: 'elsewhere', marked_at: new Date().toISOString() },
            ])
            .execute();
          await sql`select pg_notify('translation_reviewed', 'marks')`.execute(trx);
        });
        for (let tries = 0; tries < 100 && !suite.services.translationReviews.isReviewed('pl', '/nu'); tries += 1) {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        assert.equal(suite.services.translationReviews.isReviewed('pl', '/nu'), true);
        assert.ok(!(await nu('pl')).body.includes(translatorFor('pl')('layout.translation.unreviewed')));
        await suite.database.handle.db.deleteFrom('translation_reviews').where('language', '=', 'pl').execute();
        await suite.services.translationReviews.load();
      });
    }

    test('only editorial roles see the page, only reviewers and admins change marks, like the other /beheer pages', async () => {
      const parent = (await buildParent(suite)).cookies;
      const editor = (await buildAdmin(suite, { role: 'editor' })).cookies;
      const admin = (await buildAdmin(suite)).cookies;
      for (const [who, jar, status] of [
        ['anonymous', {}, (await get('/beheer/feedback')).statusCode],
        ['a parent', parent, (await get('/beheer/feedback', parent)).statusCode],
        ['an editor', editor, 200],
        ['an admin', admin, 200],
      ] as const) {
        assert.equal((await get('/beheer/vertalingen', jar)).statusCode, status, who);
      }
      assert.notEqual((await get('/beheer/vertalingen')).statusCode, 200);
      assert.notEqual((await get('/beheer/vertalingen', parent)).statusCode, 200);
      // An editor sees the state but has no buttons, and a POST changes nothing.
      assert.doesNotMatch((await get('/beheer/vertalingen', editor)).body, /name="actie"/);
      const refused = await post(editor, { taal: 'ar', pagina: 'frame', actie: 'markeren' });
      assert.equal(refused.statusCode, 404);
      assert.equal((await post(parent, { taal: 'ar', pagina: 'frame', actie: 'markeren' })).statusCode, 404);
      assert.equal(suite.services.translationReviews.isReviewed('ar', 'frame'), false);
      // An admin may.
      assert.equal((await post(admin, { taal: 'pl', pagina: 'frame', actie: 'markeren' })).statusCode, 303);
      assert.equal(suite.services.translationReviews.isReviewed('pl', 'frame'), true);
      await post(admin, { taal: 'pl', pagina: 'frame', actie: 'intrekken' });
    });

    test('hostile input: unknown language or page, oversized, markup, missing: 400 with a message, nothing marked', async () => {
      const reviewer = (await buildAdmin(suite, { role: 'reviewer' })).cookies;
      const cases: [string, Record<string, unknown>, string][] = [
        ['unknown language', { taal: 'fa', pagina: 'frame', actie: 'markeren' }, 'Deze taal staat niet in de lijst'],
        ['a complete language', { taal: 'nl', pagina: 'frame', actie: 'markeren' }, 'Deze taal staat niet in de lijst'],
        [
          'unknown page',
          { taal: 'ar', pagina: '/bestaat-niet', actie: 'markeren' },
          'Deze pagina is in deze taal niet',
        ],
        [
          'an untranslated page',
          { taal: 'ar', pagina: `/informatie/${untranslatedSlug}`, actie: 'markeren' },
          'Deze pagina is in deze taal niet',
        ],
        [
          'oversized',
          { taal: 'ar', pagina: `/${'x'.repeat(5_000)}`, actie: 'markeren' },
          'Deze pagina is in deze taal niet',
        ],
        [
          'markup',
          { taal: '<script>alert(1)</script>', pagina: 'frame', actie: 'markeren' },
          'Deze taal staat niet in de lijst',
        ],
        [
          'markup page',
          { taal: 'ar', pagina: '"><img src=x onerror=alert(1)>', actie: 'markeren' },
          'Deze pagina is in deze taal niet',
        ],
        ['no action', { taal: 'ar', pagina: 'frame' }, 'Kies markeren of intrekken'],
        ['another action', { taal: 'ar', pagina: 'frame', actie: 'verwijderen' }, 'Kies markeren of intrekken'],
        ['missing language', { pagina: 'frame', actie: 'markeren' }, 'Deze taal staat niet in de lijst'],
      ];
      for (const [what, body, message] of cases) {
        const response = await post(reviewer, body);
        assert.equal(response.statusCode, 400, what);
        assert.ok(response.body.includes(message), `${what}: the reason`);
        assert.doesNotMatch(response.body, /<script>alert|<img src=x/, what);
      }
      // Over the body limit: the app's own 4xx page, not a 500.
      const huge = await post(reviewer, { taal: 'ar', pagina: 'x'.repeat(2_000_000), actie: 'markeren' });
      assert.ok(huge.statusCode >= 400 && huge.statusCode < 500, `huge: ${huge.statusCode}`);
      const marks = await suite.database.handle.db.selectFrom('translation_reviews').selectAll().execute();
      assert.deepEqual(marks, []);
    });
  });
}
