// Readers' "what was missing?" in a real browser (ADR 0038): without JavaScript, a reader answers "was this
// useful?" under an information page and under a knowledge article, writes what was missing and is thanked; the
// text is then pending and on no public page. With JavaScript, the form page and its refusal have no axe
// violations (WCAG 2.2 AA). (axe never runs in the context without JavaScript: it hangs there, see STACK.md.)

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { TestApp } from '../helpers/app.js';
import { type E2E, axeViolations, newAppPage, startE2E } from './support.js';

let e2e: E2E | undefined;

before(async () => {
  e2e = await startE2E();
});

after(async () => {
  await e2e?.close();
});

function started(): E2E {
  if (e2e === undefined) throw new Error('the app did not start');
  return e2e;
}

const pendingTexts = async () =>
  (started().target as TestApp).database.handle.db
    .selectFrom('page_feedback_texts')
    .select(['section', 'slug', 'text', 'state'])
    .execute();

test('without JavaScript: "not useful", then what was missing, then thanks; the text waits for the editors', async () => {
  const { context, app } = await newAppPage(started().browser, started().baseUrl, {
    javaScriptEnabled: false,
    locale: 'nl-NL',
  });
  try {
    for (const [section, slug] of [
      ['informatie', 'veilig-gebruik'],
      ['kennisbank', 'de-lijn'],
    ] as const) {
      await app.open(`/${section}/${slug}`);
      await Promise.all([
        app.page.waitForURL((url) => url.pathname.endsWith('/wat-miste-je') || url.search.includes('feedback=')),
        app.page.locator('form#feedback').getByRole('button', { name: 'Nee', exact: true }).click(),
      ]);
      const form = app.page.locator('form#wat-miste-je');
      assert.equal(await form.count(), 1, `${section}: the page asks what was missing`);
      assert.match(await form.innerText(), /Schrijf geen namen, adressen/);
      const text = `In de browser gemist bij ${slug}`;
      await form.getByLabel('Wat miste je op deze pagina').fill(text);
      await Promise.all([
        app.page.waitForURL((url) => url.searchParams.get('verstuurd') === 'ja'),
        form.getByRole('button', { name: 'Versturen' }).click(),
      ]);
      assert.equal(await app.heading(), 'Dank je wel');
      await app.open(`/${section}/${slug}`);
      assert.ok(!(await app.page.content()).includes(text), 'the page does not show the text');
    }
    const stored = await pendingTexts();
    for (const slug of ['veilig-gebruik', 'de-lijn']) {
      assert.ok(
        stored.some((row) => row.slug === slug && row.state === 'pending' && row.text.startsWith('In de browser')),
        `${slug}: stored as pending`,
      );
    }
  } finally {
    await context.close();
  }
});

test('the form page and its refusal have no axe violations', async () => {
  const { context, app } = await newAppPage(started().browser, started().baseUrl, { locale: 'nl-NL' });
  try {
    await app.open('/informatie/veilig-gebruik/wat-miste-je');
    const shown = await axeViolations(app.page);
    assert.equal(shown.count, 0, shown.description);
    await app.page.locator('form#wat-miste-je textarea').fill('<b>vet</b>');
    await app.page.locator('form#wat-miste-je button[type="submit"]').click();
    await app.page.waitForLoadState('load');
    assert.match(await app.page.locator('main').innerText(), /zonder HTML of code/);
    const refused = await axeViolations(app.page);
    assert.equal(refused.count, 0, refused.description);
  } finally {
    await context.close();
  }
});
