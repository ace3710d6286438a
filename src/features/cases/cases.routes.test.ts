import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { csrfTokenFrom, withCookiesOf } from '../../../test/helpers/app.js';
import { caseProfessional, prepareCaseWorld, type CaseWorld } from '../../../test/helpers/case-factories.js';
import { caseAppForSuite } from '../../../test/helpers/case-setup.js';
import { dialects } from '../../../test/helpers/databases.js';
import { buildParent, type BuiltAccount } from '../../../test/helpers/factories.js';

type Jar = Record<string, string>;

const consent = { grondslag: 'parent', kindWeet: 'unknown' };

for (const dialect of dialects) {
  describe(`the case space over HTTP [${dialect}]`, () => {
    const { target, sink } = caseAppForSuite(dialect);

    let world: CaseWorld | undefined;
    const theWorld = async () => (world ??= await prepareCaseWorld(target, sink()));

    const get = (url: string, jar: Jar = {}) => target.app.inject({ method: 'GET', url, cookies: jar });
    /** POSTs a form with a CSRF token taken from a page with a form (the account page for a signed-in user). */
    async function post(url: string, jar: Jar, payload: Record<string, string> = {}, tokenFrom = '/account') {
      const page = await get(tokenFrom, jar);
      assert.equal(page.statusCode, 200, `${tokenFrom} answered ${page.statusCode}`);
      return target.app.inject({
        method: 'POST',
        url,
        cookies: withCookiesOf(jar, page.headers),
        payload: { _csrf: csrfTokenFrom(page.body), ...payload },
      });
    }
    const caseIdOf = (location: unknown): string => {
      const id = /^\/samenwerken\/([0-9a-f-]{36})\?melding=/.exec(String(location))?.[1];
      assert.ok(id !== undefined, `redirected to a case: ${String(location)}`);
      return id;
    };
    const codeIn = (html: string): string => {
      const code = /data-invitation-code[^>]*>\s*([A-Z0-9-]{19})\s*</.exec(html)?.[1];
      assert.ok(code !== undefined, 'the page shows the code');
      return code;
    };
    async function startCase(parent: BuiltAccount, label: string): Promise<string> {
      const started = await post('/samenwerken', parent.cookies, { naam: label, ...consent }, '/samenwerken/nieuw');
      assert.equal(started.statusCode, 303);
      return caseIdOf(started.headers.location);
    }

    test('a visitor finds nothing: every page is a 404, every form refused', async () => {
      for (const url of ['/samenwerken', '/samenwerken/nieuw', '/samenwerken/aansluiten']) {
        assert.equal((await get(url)).statusCode, 404, url);
      }
      const posted = await target.app.inject({ method: 'POST', url: '/samenwerken/aansluiten', payload: {} });
      assert.ok(posted.statusCode === 403 || posted.statusCode === 404);
    });

    test('a parent starts a case; the label is in the page, never in a title or URL; bad input is a 400 in their language', async () => {
      const parent = await buildParent(target);
      const list = await get('/samenwerken', parent.cookies);
      assert.equal(list.statusCode, 200);
      assert.match(list.body, /<title>Samenwerken/);
      const empty = await post('/samenwerken', parent.cookies, {}, '/samenwerken/nieuw');
      assert.equal(empty.statusCode, 400);
      assert.match(empty.body, /Vul een voornaam of roepnaam in/);
      const english = await post(
        '/samenwerken',
        { ...parent.cookies, taal: 'en' },
        { naam: 'x'.repeat(41), ...consent },
        '/samenwerken/nieuw',
      );
      assert.equal(english.statusCode, 400);
      assert.match(english.body, /Use at most 40 characters/);
      const caseId = await startCase(parent, 'Fleur');
      const page = await get(`/samenwerken/${caseId}`, parent.cookies);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Fleur/);
      assert.doesNotMatch(/<title>[^<]*<\/title>/.exec(page.body)?.[0] ?? '', /Fleur/);
      assert.match((await get('/samenwerken', parent.cookies)).body, /Fleur/);
      // Another parent: the case does not exist for them, nor a made-up or malformed id.
      const other = await buildParent(target);
      assert.equal((await get(`/samenwerken/${caseId}`, other.cookies)).statusCode, 404);
      assert.equal((await get('/samenwerken/00000000-0000-4000-8000-000000000000', parent.cookies)).statusCode, 404);
      assert.equal((await get('/samenwerken/Fleur', parent.cookies)).statusCode, 404);
      assert.equal((await post(`/samenwerken/${caseId}/risico`, other.cookies)).statusCode, 404);
      assert.equal((await post(`/samenwerken/${caseId}/uitnodigen`, other.cookies, { rol: 'care' })).statusCode, 404);
    });

    test('the lijn over HTTP: invite a care worker, join with the code, compare the number, confirm', async () => {
      const parent = await buildParent(target);
      const caseId = await startCase(parent, 'Daan');
      const form = await get(`/samenwerken/${caseId}/uitnodigen`, parent.cookies);
      assert.equal(form.statusCode, 200);
      const badRole = await post(`/samenwerken/${caseId}/uitnodigen`, parent.cookies, { rol: 'baas' });
      assert.equal(badRole.statusCode, 400);
      const invited = await post(`/samenwerken/${caseId}/uitnodigen`, parent.cookies, { rol: 'care' });
      assert.equal(invited.statusCode, 200);
      const code = codeIn(invited.body);

      const care = await caseProfessional(await theWorld(), 'care', `hulp.lijn.${dialect}.${Date.now()}`);
      const malformed = await post('/samenwerken/aansluiten', care.cookies, { code: 'abc' }, '/samenwerken/aansluiten');
      assert.equal(malformed.statusCode, 400);
      assert.match(malformed.body, /Typ de code van zestien tekens/);
      const unknown = await post(
        '/samenwerken/aansluiten',
        care.cookies,
        { code: 'ABCD-EFGH-JKLM-NPQR' },
        '/samenwerken/aansluiten',
      );
      assert.equal(unknown.statusCode, 400);
      const joined = await post('/samenwerken/aansluiten', care.cookies, { code }, '/samenwerken/aansluiten');
      assert.equal(joined.statusCode, 303);
      assert.equal(caseIdOf(joined.headers.location), caseId);
      const reused = await post('/samenwerken/aansluiten', care.cookies, { code }, '/samenwerken/aansluiten');
      assert.equal(reused.statusCode, 410);
      assert.match(reused.body, /al gebruikt/);

      // Waiting: the care worker sees the safety number, not the case.
      const waiting = await get(`/samenwerken/${caseId}`, care.cookies);
      assert.equal(waiting.statusCode, 200);
      assert.doesNotMatch(waiting.body, /Daan/);
      const careNumber = /data-safety-number[^>]*>\s*([\d ]{35})\s*</.exec(waiting.body)?.[1];
      assert.ok(careNumber !== undefined);

      // The parent sees the same number on the confirmation page, and confirms.
      const parentPage = await get(`/samenwerken/${caseId}`, parent.cookies);
      const confirmUrl = /href="(\/samenwerken\/[0-9a-f-]{36}\/leden\/[0-9a-f-]{36}\/bevestigen)"/.exec(
        parentPage.body,
      )?.[1];
      assert.ok(confirmUrl !== undefined);
      const confirmPage = await get(confirmUrl, parent.cookies);
      assert.equal(confirmPage.statusCode, 200);
      assert.ok(confirmPage.body.includes(careNumber));
      // The care worker cannot confirm themself.
      assert.equal((await get(confirmUrl, care.cookies)).statusCode, 404);
      const sleutel = /name="sleutel" value="([0-9a-f]{64})"/.exec(confirmPage.body)?.[1];
      assert.ok(sleutel !== undefined);
      const noConsent = await post(confirmUrl, parent.cookies, { sleutel, wachtwoord: parent.passphrase }, confirmUrl);
      assert.equal(noConsent.statusCode, 400);
      const wrongPassphrase = await post(
        confirmUrl,
        parent.cookies,
        { sleutel, wachtwoord: 'fout fout fout', ...consent },
        confirmUrl,
      );
      assert.equal(wrongPassphrase.statusCode, 400);
      const confirmed = await post(
        confirmUrl,
        parent.cookies,
        { sleutel, wachtwoord: parent.passphrase, ...consent },
        confirmUrl,
      );
      assert.equal(confirmed.statusCode, 303);
      const now = await get(`/samenwerken/${caseId}`, care.cookies);
      assert.equal(now.statusCode, 200);
      assert.match(now.body, /Daan/);

      // The parent removes the care worker: their next request finds nothing.
      const careMember = /data-member="([0-9a-f-]{36})" data-role="care"/.exec(
        (await get(`/samenwerken/${caseId}`, parent.cookies)).body,
      )?.[1];
      assert.ok(careMember !== undefined);
      const removed = await post(`/samenwerken/${caseId}/leden/${careMember}/verwijderen`, parent.cookies);
      assert.equal(removed.statusCode, 303);
      assert.equal((await get(`/samenwerken/${caseId}`, care.cookies)).statusCode, 404);
      assert.equal((await post(`/samenwerken/${caseId}/risico`, care.cookies)).statusCode, 404);
    });

    test('an admin has no cases and cannot start one', async () => {
      const { admins } = await theWorld();
      assert.equal((await get('/samenwerken', admins[0].cookies)).statusCode, 200);
      assert.equal((await get('/samenwerken/nieuw', admins[0].cookies)).statusCode, 404);
    });
  });
}
