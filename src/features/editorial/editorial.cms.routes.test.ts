import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, postForm, type TestApp } from '../../../test/helpers/app.js';
import { dialects } from '../../../test/helpers/databases.js';
import { buildAdmin, type BuiltAccountWithSecondFactor } from '../../../test/helpers/factories.js';
import type { Actor } from '../../shared/policy/actor.js';
import { questionnaireField, questionnaireText } from '../check/questionnaire.kind.js';

/*
 * The CMS over HTTP with the real kinds and the default configuration, on both databases: a refused save shows
 * what the editor posted (nothing lost), the history names people by their username (never an id or address),
 * the dashboard counts what waits, and the check's questionnaire (about 50 KB of JSON) can be saved through the
 * form under the default body limit, while a form over the editorial limit is a 413 that says why.
 */

type Jar = Record<string, string>;
const reader: Actor = { kind: 'user', userId: 'cms-reader', roles: ['editor'] };

for (const dialect of dialects) {
  describe(`the CMS with the real kinds [${dialect}]`, () => {
    let testApp: TestApp;
    let editor: BuiltAccountWithSecondFactor;
    let reviewer: BuiltAccountWithSecondFactor;

    before(async () => {
      testApp = await buildTestApp(dialect, { RATE_LIMIT_MAX: '100000' });
      editor = await buildAdmin(testApp, { username: `schrijver.${dialect}`, role: 'editor' });
      reviewer = await buildAdmin(testApp, { username: `lezer.${dialect}`, role: 'reviewer' });
    });
    after(() => testApp.close());

    const get = (url: string, jar: Jar) => testApp.app.inject({ method: 'GET', url, cookies: jar });
    const post = (jar: Jar, url: string, payload: Record<string, string>) => postForm(testApp.app, jar, url, payload);
    const documentOf = async (kind: 'page' | 'questionnaire', key: string) => {
      const listing = (await testApp.services.editorial.documents(reader, kind)).find(
        (candidate) => candidate.document.key === key,
      );
      assert.ok(listing !== undefined, `${kind} ${key} is in the store`);
      return `/beheer/inhoud/${listing.document.id}`;
    };

    test('a refused save of a page shows the fields as posted, not the stored draft', async () => {
      const url = await documentOf('page', 'nl/over-deze-site');
      assert.equal((await post(editor.cookies, `${url}/nieuw-concept`, {})).statusCode, 303);
      const refused = await post(editor.cookies, `${url}/bewerken`, {
        _edit: '0',
        _action: 'save',
        title: 'Een heel nieuwe titel',
        summary: 'Mijn nieuwe samenvatting',
        sources: 'Een bron | met | te | veel delen',
        order: 'niet een getal',
        topic: '',
        lastReviewed: '2026-12-01',
        body: 'Mijn nieuwe alinea met <b>opmaak</b>.',
      });
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /app-error-summary/);
      assert.match(refused.body, /value="Een heel nieuwe titel"/);
      assert.match(refused.body, />Mijn nieuwe samenvatting<\/textarea>/);
      assert.match(refused.body, />Een bron \| met \| te \| veel delen<\/textarea>/);
      assert.match(refused.body, /value="niet een getal"/);
      assert.match(refused.body, />Mijn nieuwe alinea met &lt;b>opmaak&lt;\/b>.<\/textarea>/);
      // Nothing was saved: the stored draft is as it was.
      const form = await get(`${url}/bewerken`, editor.cookies);
      assert.match(form.body, /name="_edit" value="0"/);
      assert.doesNotMatch(form.body, /Een heel nieuwe titel/);
    });

    test('the history and the review name people by their username or as the import, never by id or address', async () => {
      const url = await documentOf('page', 'nl/over-deze-site');
      const saved = await post(editor.cookies, `${url}/bewerken`, {
        _edit: '0',
        _action: 'save',
        title: 'Over deze site',
        summary: 'Wie wij zijn.',
        sources: '',
        order: '10',
        topic: 'over',
        'audience-parents': 'on',
        lastReviewed: '2026-12-01',
        body: 'Wie wij zijn en wat wij doen.',
      });
      assert.equal(saved.statusCode, 303, /<ul class="app-error-summary__list">(.*?)<\/ul>/s.exec(saved.body)?.[1]);
      assert.equal((await post(editor.cookies, `${url}/indienen`, {})).statusCode, 303);
      const review = await get(`${url}/beoordelen`, reviewer.cookies);
      assert.match(review.body, new RegExp(`door ${editor.username}`));
      assert.equal((await post(reviewer.cookies, `${url}/publiceren`, { _note: 'Goed' })).statusCode, 303);
      const history = await get(url, editor.cookies);
      assert.match(history.body, /door jou/);
      assert.match(history.body, /uit de bestanden/);
      assert.match(history.body, new RegExp(`gecontroleerd door ${reviewer.username}`));
      const seenByReviewer = await get(url, reviewer.cookies);
      assert.match(seenByReviewer.body, new RegExp(`door ${editor.username}`));
      for (const page of [review.body, history.body, seenByReviewer.body]) {
        assert.doesNotMatch(page, new RegExp(editor.userId.slice(0, 8)));
        assert.doesNotMatch(page, new RegExp(reviewer.userId.slice(0, 8)));
        assert.doesNotMatch(page, /@example\.org/);
      }
    });

    test('the dashboard counts what waits: reviews this person may publish, drafts, feedback, organisations', async () => {
      const counts = async (jar: Jar): Promise<Record<string, string | undefined>> => {
        const page = await get('/beheer', jar);
        assert.equal(page.statusCode, 200);
        return Object.fromEntries(
          [...page.body.matchAll(/<li data-count="(\w+)">(?:<a [^>]*>)?([^<]*)/g)].map((match) => [
            match[1] ?? '',
            match[2],
          ]),
        );
      };
      const url = await documentOf('page', 'nl/mythes-en-feiten');
      assert.equal((await post(editor.cookies, `${url}/nieuw-concept`, {})).statusCode, 303);
      const drafting = await counts(reviewer.cookies);
      assert.equal(drafting['drafts'], '1 concept');
      assert.equal(drafting['review'], 'Geen wijziging wacht op jouw controle');
      assert.equal(drafting['feedback'], 'Geen reacties van lezers wachten');
      // Nobody has checked an organisation yet: every one of them is due.
      const organisations = (await testApp.services.help.organisationsToCheck(reader)).organisations.length;
      assert.ok(organisations > 1);
      assert.equal(
        drafting['organisations'],
        `${organisations} organisaties zijn 6 maanden of langer niet gecontroleerd`,
      );
      assert.equal((await post(editor.cookies, `${url}/indienen`, {})).statusCode, 303);
      assert.equal((await counts(reviewer.cookies))['review'], '1 wijziging wacht op jouw controle');
      // The author's own change is not one they may publish.
      assert.equal((await counts(editor.cookies))['review'], 'Geen wijziging wacht op jouw controle');
      assert.equal((await counts(editor.cookies))['drafts'], 'Geen concepten');
      // A reader's "what was missing?" waits for an editor.
      const visitor: Actor = { kind: 'anonymous' };
      await testApp.services.feedback.giveText(visitor, 'informatie', 'mythes-en-feiten', 'nl', 'Meer over school.');
      assert.equal((await counts(editor.cookies))['feedback'], '1 reactie van een lezer wacht');
    });

    test('the questionnaire (about 50 KB) is saved through the form under the default body limit; over the limit a 413 says why', async () => {
      assert.equal(testApp.config.bodyLimitBytes, 65_536, 'the default body limit');
      const url = await documentOf('questionnaire', 'check');
      assert.equal((await post(editor.cookies, `${url}/nieuw-concept`, {})).statusCode, 303);
      const id = url.slice('/beheer/inhoud/'.length);
      const draft = (await testApp.services.editorial.document(reader, id)).open!;
      const json = JSON.parse(draft.text) as { groups: { questions: { text: { nl: string } }[] }[] };
      json.groups[1]!.questions[0]!.text.nl = 'Is je kind de laatste maanden opeens heel anders geworden?';
      // As a browser posts a textarea (CRLF line ends), with a note on what changed and why.
      const form = {
        _edit: '0',
        _note: 'De eerste vraag over veranderingen is in eenvoudiger woorden gezet. '.repeat(6),
        [questionnaireField]: questionnaireText(json).replace(/\n/g, '\r\n'),
      };
      assert.ok(new URLSearchParams(form).toString().length > 65_536, 'the form is over 64 KiB');
      const saved = await post(editor.cookies, `${url}/bewerken`, form);
      assert.equal(saved.statusCode, 303);
      assert.match((await testApp.services.editorial.document(reader, id)).open!.text, /opeens heel anders geworden/);
      const preview = await post(editor.cookies, `${url}/voorbeeld`, {
        [questionnaireField]: form[questionnaireField],
      });
      assert.equal(preview.statusCode, 200);

      const huge = 'x'.repeat(2_000_000);
      const refused = await post(editor.cookies, `${url}/bewerken`, { _edit: '1', [questionnaireField]: huge });
      assert.equal(refused.statusCode, 413);
      assert.match(refused.body, /Het formulier is te groot om aan te nemen/);
      assert.match(refused.body, /hoogstens 400\.000 tekens/);
      const refusedPreview = await post(editor.cookies, `${url}/voorbeeld`, { [questionnaireField]: huge });
      assert.equal(refusedPreview.statusCode, 413);
      assert.match(refusedPreview.body, /Het formulier is te groot om aan te nemen/);
      // Anyone else gets the site's general 413 page: the CMS is not revealed.
      const outsider = await testApp.app.inject({
        method: 'POST',
        url: `${url}/bewerken`,
        payload: { [questionnaireField]: huge },
      });
      assert.equal(outsider.statusCode, 413);
      assert.doesNotMatch(outsider.body, /formulier is te groot/);
      // Elsewhere the site's general limit stays.
      const elsewhere = await post(editor.cookies, `${url}/publiceren`, { _note: 'x'.repeat(70_000) });
      assert.equal(elsewhere.statusCode, 413);
    });
  });
}
