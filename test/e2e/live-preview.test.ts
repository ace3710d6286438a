// The CMS's live preview with JavaScript (issue 16, ADR 0033, app-live-preview in src/assets/app.js): an editor
// opens the draft of an information page and types in its text field; the preview beside the form shows the new
// words shortly after, rendered by the server with the public page's views, without a save (the stored draft is
// unchanged). The form with its preview has no axe violations (WCAG 2.2 AA).

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { type E2E, axeViolations, startE2E } from './support.js';
import { click, editorialDevices } from './editorial-support.js';

const passphrase = 'voorbeeld terwijl je typt';
const typed = 'Deze zin verschijnt in het voorbeeld terwijl de redacteur typt.';

let e2e: E2E | undefined;
const devices = editorialDevices(() => e2e!, passphrase);
/** An editor from a set-up link (account, recovery code, TOTP), in a browser with JavaScript. */
const editorialUser = (name: string): Promise<Page> => devices.editorialUser(name, 'editor', true);

before(async () => {
  e2e = await startE2E({ RATE_LIMIT_MAX: '100000' });
});

after(async () => {
  await devices.close();
  await e2e?.close();
});

test('typing in the page text updates the live preview without saving; the form is axe-clean', async () => {
  const { baseUrl } = e2e!;
  const editor = await editorialUser('redacteur.voorbeeld');
  await editor.goto(`${baseUrl}/beheer/inhoud?soort=page`);
  await Promise.all([
    editor.waitForLoadState('load'),
    // The Dutch page (the easy-read one is listed too, under its own key makkelijk/signalen).
    editor.locator('tr[data-document="page:nl/signalen"]').getByRole('link', { name: 'Signalen', exact: true }).click(),
  ]);
  await editor.waitForLoadState('load');
  const documentPath = new URL(editor.url()).pathname;
  assert.equal(await click(editor, 'Begin een nieuw concept'), 303);
  assert.match(new URL(editor.url()).pathname, /\/bewerken$/);

  const preview = editor.locator('#editorial-preview [data-preview-body]');
  assert.ok(!(await preview.innerText()).includes(typed));
  const body = editor.locator('textarea[name="body"]');
  const oldBody = await body.inputValue();
  // Typed as keys (input events), as an editor would.
  await body.focus();
  await editor.keyboard.press('Control+Home');
  await editor.keyboard.type(`${typed}\n\n`);

  // The preview follows within a few seconds (the module waits for a pause in typing, then asks the server).
  await preview.getByText(typed).waitFor({ timeout: 10_000 });
  assert.ok(await preview.locator('[data-preview-fragment]').isVisible());

  const violations = await axeViolations(editor);
  assert.equal(violations.count, 0, violations.description);

  // Nothing was saved: the stored draft still has the old text.
  await editor.goto(`${baseUrl}${documentPath}/bewerken`);
  assert.equal(await editor.locator('textarea[name="body"]').inputValue(), oldBody);
});
