import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, csrfTokenFrom, type TestApp, withCookiesOf } from '../../../test/helpers/app.js';
import { dialects } from '../../../test/helpers/databases.js';
import { createTestKind } from '../../../test/helpers/editorial-kind.js';
import { buildAdmin, buildParent } from '../../../test/helpers/factories.js';

/*
 * The CMS over HTTP with a small test kind, on both databases, as editors, a reviewer, an admin and a parent: the
 * dashboard by role, a new document, saving with the edit number, the 409 conflict page with both texts, the no-JS
 * preview and the live preview's fragment, the review's diff in words, four eyes on publish, rollback, and hostile
 * input (missing or garbage edit numbers, unknown ids, a 1 MB field, a publish by the author or of a draft) answered
 * with a 4xx page that says why, never a 500.
 */

type Jar = Record<string, string>;

for (const dialect of dialects) {
  describe(`the CMS over HTTP [${dialect}]`, () => {
    let testApp: TestApp;
    const kind = createTestKind();
    const jars = {} as Record<'editor' | 'editor2' | 'reviewer' | 'admin' | 'parent', Jar>;
    let documentId = '';

    before(async () => {
      testApp = await buildTestApp(dialect, { RATE_LIMIT_MAX: '100000' }, { editorialKinds: [kind] });
      jars.editor = (await buildAdmin(testApp, { username: `redacteur.een.${dialect}`, role: 'editor' })).cookies;
      jars.editor2 = (await buildAdmin(testApp, { username: `redacteur.twee.${dialect}`, role: 'editor' })).cookies;
      jars.reviewer = (await buildAdmin(testApp, { username: `controleur.${dialect}`, role: 'reviewer' })).cookies;
      jars.admin = (await buildAdmin(testApp, { username: `beheerder.${dialect}` })).cookies;
      jars.parent = (await buildParent(testApp, { username: `ouder.cms.${dialect}` })).cookies;
    });
    after(() => testApp.close());

    const get = (url: string, jar: Jar) => testApp.app.inject({ method: 'GET', url, cookies: jar });
    /** Posts a form with a CSRF token taken from `formPage` (a page of the actor that has a form). */
    async function post(jar: Jar, url: string, payload: Record<string, string>, formPage = '/account') {
      const page = await get(formPage, jar);
      const token = csrfTokenFrom(page.body);
      return testApp.app.inject({
        method: 'POST',
        url,
        cookies: withCookiesOf(jar, page.headers),
        payload: { _csrf: token, ...payload },
      });
    }
    const base = () => `/beheer/inhoud/${documentId}`;

    test('the dashboard is there for the editorial roles, admin links only for admins, a 404 for a parent', async () => {
      const editorPage = await get('/beheer', jars.editor);
      assert.equal(editorPage.statusCode, 200);
      assert.doesNotMatch(editorPage.body, /\/beheer\/verificatie/);
      const adminPage = await get('/beheer', jars.admin);
      assert.match(adminPage.body, /href="\/beheer\/verificatie"/);
      assert.match(adminPage.body, /href="\/beheer\/redactie"/);
      assert.equal((await get('/beheer', jars.parent)).statusCode, 404);
      assert.equal((await get('/beheer', {})).statusCode, 404);
      assert.equal((await get('/beheer/inhoud?soort=page', jars.parent)).statusCode, 404);
      // Old notice links of the verification overview land on its new address.
      const old = await get('/beheer?melding=goedgekeurd', jars.admin);
      assert.equal(old.headers.location, '/beheer/verificatie?melding=goedgekeurd');
      assert.equal((await get('/beheer/verificatie', jars.editor)).statusCode, 404);
      assert.equal((await get('/beheer/redactie', jars.reviewer)).statusCode, 404);
      const created = await testApp.services.audit.forObjectPrefix('account', '', [
        'editor.created',
        'reviewer.created',
      ]);
      assert.deepEqual(created.map((row) => row.action).sort(), [
        'editor.created',
        'editor.created',
        'reviewer.created',
      ]);
    });

    test('an editor makes a document and saves its draft; a bad key is refused with the reason', async () => {
      const bad = await post(jars.editor, '/beheer/inhoud', { soort: 'page', sleutel: '<b>Niet goed</b>' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /kleine letters/);
      assert.doesNotMatch(bad.body, /<b>Niet goed/);
      const created = await post(jars.editor, '/beheer/inhoud', { soort: 'page', sleutel: 'over-ons' });
      assert.equal(created.statusCode, 303);
      documentId = /\/beheer\/inhoud\/([0-9a-f-]{36})\/bewerken/.exec(String(created.headers.location))![1]!;
      const taken = await post(jars.editor2, '/beheer/inhoud', { soort: 'page', sleutel: 'over-ons' });
      assert.equal(taken.statusCode, 409);
      const form = await get(`${base()}/bewerken`, jars.editor);
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /name="_edit" value="0"/);
      assert.match(form.body, /data-module="app-live-preview"/);
      const saved = await post(jars.editor, `${base()}/bewerken`, {
        _edit: '0',
        _action: 'save',
        _note: 'Eerste versie',
        title: 'Over ons',
        body: 'Wij helpen ouders snel.',
      });
      assert.equal(saved.statusCode, 303);
    });

    test('two editors on one draft: the late save is a 409 page with both texts, the own text kept editable', async () => {
      const late = await post(jars.editor2, `${base()}/bewerken`, {
        _edit: '0',
        _action: 'save',
        title: 'Over ons',
        body: 'Mijn eigen zinnen, niet verloren.',
      });
      assert.equal(late.statusCode, 409);
      assert.match(late.body, /Wij helpen ouders snel/);
      assert.match(late.body, /<textarea id="body" name="body">Mijn eigen zinnen, niet verloren\.<\/textarea>/);
      assert.match(late.body, /name="_edit" value="1"/);
      for (const edit of [undefined, '', 'abc', '-1', '1e3', '9'.repeat(30)]) {
        const payload: Record<string, string> = { _action: 'save', title: 'T', body: 'b' };
        if (edit !== undefined) payload['_edit'] = edit;
        const response = await post(jars.editor2, `${base()}/bewerken`, payload);
        assert.equal(response.statusCode, 400, `edit number ${edit}`);
        assert.match(response.body, /nummer van de bewerking/);
      }
      const huge = await post(jars.editor2, `${base()}/bewerken`, {
        _edit: '1',
        title: 'T',
        body: 'x'.repeat(1_000_000),
      });
      assert.ok([400, 413].includes(huge.statusCode), `a 1 MB field answered ${huge.statusCode}`);
    });

    test('preview without JavaScript and the live preview fragment show what was posted, nothing saved', async () => {
      const preview = await post(jars.editor, `${base()}/bewerken`, {
        _edit: '1',
        _action: 'preview',
        title: 'Over ons',
        body: 'Alleen een voorbeeld <script>x</script>',
      });
      assert.equal(preview.statusCode, 200);
      assert.match(preview.body, /data-test-preview/);
      assert.match(preview.body, /Alleen een voorbeeld &lt;script>/);
      const fragment = await post(jars.editor, `${base()}/voorbeeld`, { title: 'Over ons', body: 'Live' });
      assert.equal(fragment.statusCode, 200);
      assert.match(fragment.body, /^<div data-preview-fragment/);
      assert.match(fragment.body, /Live/);
      assert.equal((await post(jars.parent, `${base()}/voorbeeld`, { title: 'x' })).statusCode, 404);
      const form = await get(`${base()}/bewerken`, jars.editor);
      assert.match(form.body, /Wij helpen ouders snel/);
    });

    test('four eyes: a draft cannot be published, the author cannot publish, a reviewer can; the diff in words', async () => {
      const draftPublish = await post(jars.reviewer, `${base()}/publiceren`, {});
      assert.equal(draftPublish.statusCode, 409);
      assert.match(draftPublish.body, /wacht geen wijziging/);
      assert.equal((await post(jars.editor, `${base()}/indienen`, {})).statusCode, 303);
      const byEditor = await post(jars.editor, `${base()}/publiceren`, {});
      assert.equal(byEditor.statusCode, 409);
      const review = await get(`${base()}/beoordelen`, jars.reviewer);
      assert.equal(review.statusCode, 200);
      assert.match(review.body, /<ins>/);
      assert.match(review.body, /Publiceer/);
      assert.equal((await post(jars.reviewer, `${base()}/publiceren`, { _note: 'Goed' })).statusCode, 303);
      assert.deepEqual(kind.live.get('over-ons'), { title: 'Over ons', body: 'Wij helpen ouders snel.' });
    });

    test('a second version, then a rollback by a reviewer that only someone else may publish', async () => {
      assert.equal((await post(jars.editor2, `${base()}/nieuw-concept`, {})).statusCode, 303);
      await post(jars.editor2, `${base()}/bewerken`, { _edit: '0', title: 'Over ons', body: 'Wij helpen ouders.' });
      assert.equal((await post(jars.editor2, `${base()}/indienen`, {})).statusCode, 303);
      const review = await get(`${base()}/beoordelen`, jars.admin);
      assert.match(review.body, /<del>/);
      assert.equal((await post(jars.admin, `${base()}/publiceren`, {})).statusCode, 303);
      assert.equal(kind.live.get('over-ons')?.body, 'Wij helpen ouders.');

      for (const revision of ['', 'x', '99', '2']) {
        const refused = await post(jars.reviewer, `${base()}/terugzetten`, { revision });
        assert.ok([400, 409].includes(refused.statusCode), `revision ${revision}: ${refused.statusCode}`);
      }
      assert.equal((await post(jars.editor, `${base()}/terugzetten`, { revision: '1' })).statusCode, 409);
      assert.equal((await post(jars.reviewer, `${base()}/terugzetten`, { revision: '1' })).statusCode, 303);
      const own = await post(jars.reviewer, `${base()}/publiceren`, {});
      assert.equal(own.statusCode, 409);
      assert.match(own.body, /zelf gemaakt/);
      assert.equal((await post(jars.admin, `${base()}/publiceren`, {})).statusCode, 303);
      assert.equal(kind.live.get('over-ons')?.body, 'Wij helpen ouders snel.');
      const history = await get(base(), jars.editor);
      assert.match(history.body, /data-revision="3" data-state="published"/);
    });

    test('editorial accounts: admins only; a bad address or role is refused; without mail nothing is stored', async () => {
      assert.equal((await get('/beheer/redactie', jars.admin)).statusCode, 200);
      const links = async () =>
        (await testApp.database.handle.db.selectFrom('setup_links').select('role').execute()).length;
      const before = await links();
      const badEmail = await post(jars.admin, '/beheer/redactie', { email: 'geen adres', role: 'editor' });
      assert.equal(badEmail.statusCode, 400);
      assert.match(badEmail.body, /geldig e-mailadres/);
      const badRole = await post(jars.admin, '/beheer/redactie', { email: 'r@example.org', role: 'admin' });
      assert.equal(badRole.statusCode, 400);
      const noMail = await post(jars.admin, '/beheer/redactie', { email: 'r@example.org', role: 'reviewer' });
      assert.equal(noMail.statusCode, 503);
      assert.match(noMail.body, /create-editor/);
      assert.equal(
        (await post(jars.reviewer, '/beheer/redactie', { email: 'r@example.org', role: 'editor' })).statusCode,
        404,
      );
      assert.equal(await links(), before);
    });

    test('unknown and malformed ids are a 404; a parent gets a 404 everywhere', async () => {
      for (const id of ['00000000-0000-4000-8000-000000000000', 'x', '%00']) {
        assert.equal((await get(`/beheer/inhoud/${id}`, jars.editor)).statusCode, 404);
        assert.equal((await post(jars.reviewer, `/beheer/inhoud/${id}/publiceren`, {})).statusCode, 404);
      }
      for (const url of ['', '/bewerken', '/beoordelen']) {
        assert.equal((await get(`${base()}${url}`, jars.parent)).statusCode, 404);
      }
      for (const action of ['bewerken', 'indienen', 'publiceren', 'terugsturen', 'intrekken', 'terugzetten']) {
        assert.equal((await post(jars.parent, `${base()}/${action}`, { _edit: '0', revision: '1' })).statusCode, 404);
      }
    });
  });
}
