import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, postForm, type TestApp } from '../../../test/helpers/app.js';
import { dialects } from '../../../test/helpers/databases.js';
import { buildAdmin, buildParent } from '../../../test/helpers/factories.js';
import { pathwayDir } from '../../shared/paths.js';

/*
 * Organisations and pathways in the CMS over HTTP (issue 16, ADR 0037), with the real kinds, on both databases:
 * the list of organisations to check (editorial roles only), an organisation's check recorded, reviewed and
 * published (it leaves the list), a bad phone number or web address refused with the reason, a broken pathway
 * refused with reasons, a regional variant made from the national text and published, shown on the public page.
 * Hostile input is a 4xx with a message, never a 500.
 */

type Jar = Record<string, string>;

for (const dialect of dialects) {
  describe(`organisations and pathways in the CMS [${dialect}]`, () => {
    let testApp: TestApp;
    const jars = {} as Record<'editor' | 'reviewer' | 'parent', Jar>;

    before(async () => {
      testApp = await buildTestApp(dialect, { RATE_LIMIT_MAX: '100000' });
      jars.editor = (await buildAdmin(testApp, { username: `redacteur.org.${dialect}`, role: 'editor' })).cookies;
      jars.reviewer = (await buildAdmin(testApp, { username: `controleur.org.${dialect}`, role: 'reviewer' })).cookies;
      jars.parent = (await buildParent(testApp, { username: `ouder.org.${dialect}` })).cookies;
    });
    after(() => testApp.close());

    const get = (url: string, jar: Jar) => testApp.app.inject({ method: 'GET', url, cookies: jar });
    const post = (jar: Jar, url: string, payload: Record<string, string>) => postForm(testApp.app, jar, url, payload);
    /** The document id of an organisation, from its link on the list to check. */
    async function organisationDocument(slug: string): Promise<string> {
      const list = await get('/beheer/organisaties/controle', jars.editor);
      const row = new RegExp(`data-organisation="${slug}"><td><a href="/beheer/inhoud/([0-9a-f-]{36})"`).exec(
        list.body,
      );
      assert.ok(row, `${slug} is on the list with a link`);
      return row[1]!;
    }
    const today = new Date().toISOString().slice(0, 10);

    test('the list to check is for the editorial roles only; at first nothing was ever checked', async () => {
      assert.equal((await get('/beheer/organisaties/controle', {})).statusCode, 404);
      assert.equal((await get('/beheer/organisaties/controle', jars.parent)).statusCode, 404);
      const list = await get('/beheer/organisaties/controle?x=%00&y[]=1', jars.reviewer);
      assert.equal(list.statusCode, 200);
      assert.match(list.body, /Nooit gecontroleerd/);
      assert.match(list.body, /data-organisation="veilig-thuis"/);
    });

    test('a bad phone number or web address is refused with the reason; a recorded check leaves the list', async () => {
      const id = await organisationDocument('veilig-thuis');
      const base = `/beheer/inhoud/${id}`;
      assert.equal((await post(jars.editor, `${base}/nieuw-concept`, {})).statusCode, 303);
      const form = await get(`${base}/bewerken`, jars.editor);
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /name="checkedBy"/);
      const fields = Object.fromEntries(
        [...form.body.matchAll(/<input type="text"[^>]*name="([a-zA-Z]+)" value="([^"]*)"/g)].map((match) => [
          match[1]!,
          match[2]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"'),
        ]),
      );
      const areaType = /<option value="([a-z-]+)" selected/.exec(form.body)?.[1] ?? 'national';
      const hours = /<textarea[^>]*name="hours"[^>]*>([^<]*)<\/textarea>/.exec(form.body)?.[1] ?? '';
      const chatHours = /<textarea[^>]*name="chatHours"[^>]*>([^<]*)<\/textarea>/.exec(form.body)?.[1] ?? '';
      const descriptionNl = /<textarea[^>]*name="descriptionNl"[^>]*>([^<]*)<\/textarea>/.exec(form.body)?.[1] ?? '';
      const descriptionEn = /<textarea[^>]*name="descriptionEn"[^>]*>([^<]*)<\/textarea>/.exec(form.body)?.[1] ?? '';
      const unescape = (text: string) =>
        text
          .replace(/&quot;/g, '"')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&amp;/g, '&');
      const posted = {
        ...fields,
        areaType,
        hours: unescape(hours),
        chatHours: unescape(chatHours),
        descriptionNl: unescape(descriptionNl),
        descriptionEn: unescape(descriptionEn),
        _edit: '0',
        _note: 'Gecontroleerd op de eigen site',
      };
      for (const bad of [{ phone: '0800<script>' }, { web: 'javascript:alert(1)' }, { chat: 'http://example.org' }]) {
        const refused = await post(jars.editor, `${base}/bewerken`, { ...posted, ...bad });
        assert.equal(refused.statusCode, 400, JSON.stringify(bad));
        assert.doesNotMatch(refused.body, /<script>/);
      }
      const half = await post(jars.editor, `${base}/bewerken`, { ...posted, checkedOn: today });
      assert.equal(half.statusCode, 400);
      assert.match(half.body, /allebei/);
      const saved = await post(jars.editor, `${base}/bewerken`, {
        ...posted,
        checkedOn: today,
        checkedBy: 'Redactie Niet mijn kind',
      });
      assert.equal(saved.statusCode, 303, saved.body.slice(0, 400));
      assert.equal((await post(jars.editor, `${base}/indienen`, {})).statusCode, 303);
      assert.equal((await post(jars.editor, `${base}/publiceren`, {})).statusCode, 409, 'not by its author');
      assert.equal((await post(jars.reviewer, `${base}/publiceren`, {})).statusCode, 303);
      const list = await get('/beheer/organisaties/controle', jars.editor);
      assert.doesNotMatch(list.body, /data-organisation="veilig-thuis"/);
      const help = await get('/hulp?plaats=9711', {});
      assert.match(help.body, /Gecontroleerd|gecontroleerd op/i);
    });

    test('a broken pathway is refused with reasons; a regional variant from the national text is published', async () => {
      const created = await post(jars.editor, '/beheer/inhoud', { soort: 'pathway', sleutel: 'region:VR01' });
      assert.equal(created.statusCode, 303, created.body.slice(0, 300));
      const id = /\/beheer\/inhoud\/([0-9a-f-]{36})/.exec(String(created.headers.location))![1]!;
      const base = `/beheer/inhoud/${id}`;
      const form = await get(`${base}/bewerken`, jars.editor);
      const text = /<textarea[^>]*name="text"[^>]*>([^<]*)<\/textarea>/
        .exec(form.body)![1]!
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&');
      const draft = JSON.parse(text) as { version: number; region: string; tracks: { steps: { next: string[] }[] }[] };
      assert.equal(draft.region, 'VR01');
      assert.equal(draft.version, 2, 'the next number after national version 1');

      // Not JSON, and a pathway whose first track's first step leads nowhere (its steps cannot be reached).
      const notJson = await post(jars.editor, `${base}/bewerken`, { _edit: '0', text: '{ "version": ' });
      assert.equal(notJson.statusCode, 400);
      assert.match(notJson.body, /geen geldige JSON/);
      const broken = structuredClone(draft);
      broken.tracks[0]!.steps[0]!.next = [];
      const saved = await post(jars.editor, `${base}/bewerken`, { _edit: '0', text: JSON.stringify(broken) });
      assert.equal(saved.statusCode, 303);
      const submitted = await post(jars.editor, `${base}/indienen`, {});
      assert.equal(submitted.statusCode, 400);
      assert.match(submitted.body, /cannot be reached|can never be finished/);

      const fixed = await post(jars.editor, `${base}/bewerken`, { _edit: '1', text });
      assert.equal(fixed.statusCode, 303);
      assert.equal((await post(jars.editor, `${base}/indienen`, {})).statusCode, 303);
      assert.equal((await post(jars.reviewer, `${base}/publiceren`, {})).statusCode, 303);

      const page = await get('/samenwerken/hoe-het-werkt', {});
      assert.match(page.body, /href="\/samenwerken\/hoe-het-werkt\/regio\/VR01"/);
      const variant = await get('/samenwerken/hoe-het-werkt/regio/VR01', {});
      assert.equal(variant.statusCode, 200);
      assert.match(variant.body, /Groningen/);
      for (const code of ['VR02', 'vr01', '%3Cscript%3E', 'VR01%00', 'x'.repeat(500)]) {
        const answer = await get(`/samenwerken/hoe-het-werkt/regio/${code}`, jars.parent);
        assert.ok([400, 404].includes(answer.statusCode), `${code}: ${answer.statusCode}`);
      }

      // A national draft now takes version 3: numbers stay unique across national and regional.
      const national = /href="\/beheer\/inhoud\/([0-9a-f-]{36})"[^>]*>[^<]*landelijk/i.exec(
        (await get('/beheer/inhoud?soort=pathway', jars.editor)).body,
      );
      assert.ok(national, 'the national pathway is listed');
      assert.equal((await post(jars.editor, `/beheer/inhoud/${national[1]!}/nieuw-concept`, {})).statusCode, 303);
      const nationalForm = await get(`/beheer/inhoud/${national[1]!}/bewerken`, jars.editor);
      assert.match(nationalForm.body, /&quot;version&quot;: 3,|"version": 3,/);
    });

    test('the files written back are the files of content/ (national pathway unchanged)', async () => {
      const documents = await testApp.services.editorial.publishedDocuments('pathway');
      const national = documents.find((document) => document.key === 'national')!;
      assert.equal(national.current, readFileSync(path.join(pathwayDir, 'v1.json'), 'utf8'));
    });
  });
}
