// A new version of the signals check through the CMS in a real browser (issue 16, ADR 0036): an editor starts a
// draft of the next version and changes a question's wording; a change that breaks a promise of the check (the
// family branch lowered to "ask advice") is refused with the reason; the fixed draft is published by a second
// person, a reviewer; /check then asks the new wording in version 3, version 2 is retired and a form begun in it
// asks to start again. The editor works without JavaScript, the reviewer with it.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { type E2E, startE2E } from './support.js';
import { click, editorialDevices } from './editorial-support.js';

const passphrase = 'vragen lijst versie drie';
const oldWording =
  'Is je kind de afgelopen maanden ineens erg veranderd: geheimzinnig, liegt vaker, is niet meer aan te spreken?';
const newWording = 'Is je kind de laatste maanden opeens heel anders: geheimzinnig, liegt vaker, moeilijk te bereiken?';

let e2e: E2E | undefined;
const { device, editorialUser, close } = editorialDevices(() => e2e!, passphrase);

before(async () => {
  // The questionnaire is about 50 KB of JSON, over 64 KiB as a form: the CMS's forms have a limit of their own, so
  // the default BODY_LIMIT_BYTES serves.
  e2e = await startE2E({ RATE_LIMIT_MAX: '100000' });
});

after(async () => {
  await close();
  await e2e?.close();
});

/** The questionnaire's document page, found through the CMS's list of questionnaires. */
async function openQuestionnaire(page: Page): Promise<string> {
  await page.goto(`${e2e!.baseUrl}/beheer/inhoud?soort=questionnaire`);
  await Promise.all([page.waitForLoadState('load'), page.getByRole('link', { name: /Vragenlijst versie/ }).click()]);
  await page.waitForLoadState('load');
  return new URL(page.url()).pathname;
}

async function editJson(page: Page, documentPath: string, change: (json: string) => string, note: string) {
  await page.goto(`${e2e!.baseUrl}${documentPath}/bewerken`);
  const field = page.locator('textarea[name="vragenlijst"]');
  const before = await field.inputValue();
  const after = change(before);
  assert.notEqual(after, before, 'the change applies');
  await field.fill(after);
  await page.locator('textarea[name="_note"]').fill(note);
  assert.equal(await click(page, 'Bewaar'), 303);
  assert.match(await page.locator('main').innerText(), /Bewaard\./);
}

test('an editor makes version 3 of the check; unsafe it is refused; a reviewer publishes it; /check asks it', async () => {
  const { baseUrl, services } = e2e!;
  assert.equal(services.check.current().version, 2);

  // A parent has the form of version 2 open while the new version is made.
  const parent = await device(false);
  await parent.goto(`${baseUrl}/check`);
  assert.match(await parent.locator('main').innerText(), new RegExp(oldWording.slice(0, 40)));

  const editor = await editorialUser('redacteur.check', 'editor', false);
  const documentPath = await openQuestionnaire(editor);
  assert.match(await editor.locator('h1').innerText(), /Vragenlijst versie 2/);
  await click(editor, 'Begin een nieuw concept');
  assert.match(new URL(editor.url()).pathname, /\/bewerken$/);
  const draft = await editor.locator('textarea[name="vragenlijst"]').inputValue();
  assert.match(draft, /"version": 3,/);
  assert.match(draft, /"status": "draft",/);

  // The wording changes, and (by mistake) the family branch is lowered to "ask advice": the form lists the problem.
  await editJson(
    editor,
    documentPath,
    (json) =>
      json
        .replace(oldWording, newWording)
        .replace('"familyMinimumLevel": "bel-vandaag"', '"familyMinimumLevel": "vraag-advies"'),
    'De vraag over veranderd gedrag in eenvoudiger woorden.',
  );
  assert.match(await editor.locator('[data-questionnaire-problems]').innerText(), /moet de gezinstak openen/);

  // Sending it for review is refused, with the reason in words.
  await editor.goto(`${baseUrl}${documentPath}`);
  assert.equal(await click(editor, 'Stuur ter controle'), 400);
  const refusal = await editor.locator('main').innerText();
  assert.match(refusal, /kan niet ter controle of online/);
  assert.match(refusal, /moet de gezinstak openen, met minstens "Bel vandaag"/);

  // Fixed, it goes to review.
  await editJson(
    editor,
    documentPath,
    (json) => json.replace('"familyMinimumLevel": "vraag-advies"', '"familyMinimumLevel": "bel-vandaag"'),
    'De vraag over veranderd gedrag in eenvoudiger woorden.',
  );
  assert.equal(await editor.locator('[data-questionnaire-problems]').count(), 0);
  await editor.goto(`${baseUrl}${documentPath}`);
  assert.equal(await click(editor, 'Stuur ter controle'), 303);
  assert.equal(services.check.current().version, 2, 'nothing changes for parents before the review');

  // A reviewer (not the author) reads the change in words and publishes it.
  const reviewer = await editorialUser('controleur.check', 'reviewer', true);
  await reviewer.goto(`${baseUrl}${documentPath}/beoordelen`);
  const review = await reviewer.locator('main').innerText();
  assert.match(review, /Vraag gedrag-veranderd/);
  assert.ok(review.includes('opeens heel anders'), 'the new words are in the diff');
  assert.equal(await click(reviewer, 'Publiceer'), 303);

  // /check asks version 3 with the new wording; version 2 is retired.
  assert.equal(services.check.current().version, 3);
  const fresh = await device(false);
  await fresh.goto(`${baseUrl}/check`);
  assert.equal(await fresh.locator('input[name="versie"]').inputValue(), '3');
  const form = await fresh.locator('main').innerText();
  assert.ok(form.includes(newWording));
  assert.ok(!form.includes(oldWording));
  const history = await reviewer.goto(`${baseUrl}${documentPath}`).then(() => reviewer.locator('main').innerText());
  assert.match(history, /Vragenlijst versie 3/);
  assert.match(history, /Vervangen/, 'the history shows version 2 as replaced');

  // The form begun in version 2 asks to start again.
  await Promise.all([
    parent.waitForLoadState('load'),
    parent.getByRole('button', { name: 'Bekijk het advies', exact: true }).click(),
  ]);
  await parent.waitForLoadState('load');
  assert.match(await parent.locator('main').innerText(), /De vragenlijst is intussen veranderd/);
});
