// An information page changed through the CMS in a real browser (issue 16, ADR 0040): an editor (without
// JavaScript) starts a draft of /informatie/signalen, changes its summary and text and sends it for review; a
// reviewer (with JavaScript) reads the change as a diff in words and publishes it; the public page, cached for
// visitors just before, shows the change at once (publishing clears the page cache). Then a rollback to the
// imported version, asked by that reviewer, is published by a second reviewer and the old text is back.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { type E2E, startE2E, submitForm } from './support.js';
import { click, editorialDevices } from './editorial-support.js';

const passphrase = 'pagina redactie twee ogen';
const addedSentence = 'Twijfel je? Schrijf op wat je ziet, met de datum erbij.';
const newSummary = 'Signalen die kunnen wijzen op uitbuiting, kort en per onderwerp.';

let e2e: E2E | undefined;
const { device, editorialUser, close } = editorialDevices(() => e2e!, passphrase);

before(async () => {
  e2e = await startE2E({ RATE_LIMIT_MAX: '100000' });
});

after(async () => {
  await close();
  await e2e?.close();
});

/** What a visitor (no account, so served from the page cache) reads on the page. */
async function publicText(visitor: Page): Promise<string> {
  await visitor.goto(`${e2e!.baseUrl}/informatie/signalen`);
  return visitor.locator('main').innerText();
}

test('an editor changes an information page, a second person publishes it, a rollback brings the old text back', async () => {
  const { baseUrl } = e2e!;
  const visitor = await device(false);
  const original = await publicText(visitor);
  assert.ok(!original.includes(addedSentence));

  // The editor finds the page in the CMS and starts a draft of it.
  const editor = await editorialUser('redacteur.pagina', 'editor', false);
  await editor.goto(`${baseUrl}/beheer/inhoud?soort=page`);
  await Promise.all([
    editor.waitForLoadState('load'),
    // The Dutch page (the easy-read one is listed too, under its own key makkelijk/signalen).
    editor.locator('tr[data-document="page:nl/signalen"]').getByRole('link', { name: 'Signalen', exact: true }).click(),
  ]);
  await editor.waitForLoadState('load');
  const documentPath = new URL(editor.url()).pathname;
  assert.match(documentPath, /^\/beheer\/inhoud\/[^/]+$/);
  await click(editor, 'Begin een nieuw concept');
  assert.match(new URL(editor.url()).pathname, /\/bewerken$/);

  // The form shows the page's fields; the editor changes the summary and adds a sentence to the text.
  assert.equal(await editor.locator('input[name="title"]').inputValue(), 'Signalen');
  const body = editor.locator('textarea[name="body"]');
  const oldBody = await body.inputValue();
  assert.match(oldBody, /^## /m);
  await editor.locator('textarea[name="summary"]').fill(newSummary);
  await body.fill(`${addedSentence}\n\n${oldBody}`);
  await editor.locator('textarea[name="_note"]').fill('Een zin over opschrijven toegevoegd, samenvatting korter.');
  assert.equal(await click(editor, 'Bewaar'), 303);
  assert.match(await editor.locator('main').innerText(), /Bewaard\./);

  // Hostile markdown is refused with the reasons, and what was saved before is kept.
  await editor.goto(`${baseUrl}${documentPath}/bewerken`);
  await editor.locator('textarea[name="body"]').fill('[klik](javascript:alert(1))\n\n<script>alert(1)</script>\n');
  assert.equal((await submitForm(editor, 'Bewaar')).status(), 400);
  const refused = await editor.locator('main').innerText();
  assert.match(refused, /javascript:alert\(1\)/);
  assert.match(refused, /HTML/);
  await editor.goto(`${baseUrl}${documentPath}/bewerken`);
  assert.ok((await editor.locator('textarea[name="body"]').inputValue()).startsWith(addedSentence));

  await editor.goto(`${baseUrl}${documentPath}`);
  assert.equal(await click(editor, 'Stuur ter controle'), 303);
  assert.ok(!(await publicText(visitor)).includes(addedSentence), 'nothing changes before the review');

  // A reviewer, not the author, reads the change in words and publishes it.
  const reviewer = await editorialUser('controleur.pagina', 'reviewer', true);
  await reviewer.goto(`${baseUrl}${documentPath}/beoordelen`);
  const added = (await reviewer.locator('ins').allInnerTexts()).join(' ');
  assert.ok(added.includes('Schrijf op wat je ziet'), `the diff shows the added words: ${added}`);
  assert.ok((await reviewer.locator('del').count()) > 0, 'the diff shows removed words of the summary');
  // The visitor's page is in the cache just before the publish.
  assert.ok(!(await publicText(visitor)).includes(addedSentence));
  assert.equal(await click(reviewer, 'Publiceer'), 303);

  // The public page shows the change at once: publishing cleared the page cache.
  const changed = await publicText(visitor);
  assert.ok(changed.includes(addedSentence));
  assert.ok(changed.includes(newSummary));
  assert.equal(await visitor.locator('main script, main iframe').count(), 0);

  // The reviewer asks to restore the imported version (1); a rollback needs a second person as well.
  await reviewer.goto(`${baseUrl}${documentPath}`);
  const first = reviewer.locator('li[data-revision="1"]');
  await Promise.all([
    reviewer.waitForEvent('response', (candidate) => candidate.request().isNavigationRequest()),
    first.getByRole('button', { name: 'Zet deze versie terug', exact: true }).click(),
  ]);
  await reviewer.waitForLoadState('load');
  await reviewer.goto(`${baseUrl}${documentPath}/beoordelen`);
  assert.equal(await reviewer.getByRole('button', { name: 'Publiceer', exact: true }).count(), 0);
  assert.ok((await publicText(visitor)).includes(addedSentence), 'the rollback waits for its review');

  const secondReviewer = await editorialUser('controleur.twee', 'reviewer', false);
  await secondReviewer.goto(`${baseUrl}${documentPath}/beoordelen`);
  const removed = (await secondReviewer.locator('del').allInnerTexts()).join(' ');
  assert.ok(removed.includes('Schrijf op wat je ziet'), `the diff shows the words going: ${removed}`);
  assert.equal(await click(secondReviewer, 'Publiceer'), 303);

  const restored = await publicText(visitor);
  assert.ok(!restored.includes(addedSentence));
  assert.ok(!restored.includes(newSummary));
  assert.equal(restored, original);
  const history = await secondReviewer
    .goto(`${baseUrl}${documentPath}`)
    .then(() =>
      secondReviewer
        .locator('[data-revision]')
        .evaluateAll((items) => items.map((item) => item.getAttribute('data-state'))),
    );
  assert.deepEqual(history, ['published', 'retired', 'retired']);
});
