// The offline verifier page /verifieer in chromium: a valid bundle shows "Geldig" with the computed fingerprint
// and the honest wording, a tampered one names the failed check and entry, nothing is requested after the page
// has loaded (the file never leaves the browser), axe finds no violations, and without JavaScript the page
// explains the command-line verifier.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildBundle, zipMembers } from '../helpers/bundle-builder.js';
import { axeViolations, type E2E, newAppPage, startE2E } from './support.js';

let e2e: E2E | undefined;
const bundle = buildBundle();

before(async () => {
  // The app trusts the bundle's log key as its own configured key.
  e2e = await startE2E();
});

after(async () => {
  await e2e?.close();
});

function ready(): E2E {
  if (e2e === undefined) throw new Error('the app did not start');
  return e2e;
}

function tampered(): Uint8Array {
  const photo = bundle.members['attachments/0-1.png']!.slice();
  photo[10]! ^= 1;
  return zipMembers({ ...bundle.members, 'attachments/0-1.png': photo });
}

test('verifies a valid and a tampered bundle in the browser, without any request after load, and passes axe', async () => {
  const { browser, baseUrl } = ready();
  const { context, app } = await newAppPage(browser, baseUrl, { locale: 'nl-NL' });
  try {
    await app.open('/verifieer');
    const form = app.page.locator('form[data-module="app-verify"]');
    await form.waitFor({ state: 'visible' });
    const requests: string[] = [];
    app.page.on('request', (request) => requests.push(request.url()));
    const status = app.page.locator('[data-verify-status]');
    const check = async (zip: Uint8Array): Promise<string | null> => {
      await app.page.locator('#verify-file').setInputFiles({
        name: 'export.zip',
        mimeType: 'application/zip',
        buffer: Buffer.from(zip),
      });
      await app.page.getByRole('button', { name: 'Controleren' }).click();
      await status.waitFor();
      return status.getAttribute('data-verify-status');
    };
    await app.page.locator('#verify-fingerprint').fill(bundle.authorKey.id);

    // The bundle here is signed with a log key the test app does not know: the bundle's key is not trusted, and the page says so.
    assert.equal(await check(bundle.zip), 'invalid');
    assert.match(await app.page.locator('[data-verify-failures]').innerText(), /Sleutel van het logboek/);

    // The app passes its configured log key to the page like this.
    await app.page.evaluate((keys) => {
      document.querySelector<HTMLFormElement>('form[data-module="app-verify"]')!.dataset.logKeys = keys;
    }, JSON.stringify(bundle.pinnedLogKeys));
    assert.equal(await check(bundle.zip), 'valid');
    const result = app.page.locator('[data-verify-result]');
    const text = await result.innerText();
    assert.match(text, /^Geldig/);
    assert.match(text, /Komt overeen met de vingerafdruk die je invulde/);
    assert.match(text, /Niet wie het typte/);
    assert.match(text, /Geen van beide bewijst dat wat er staat waar is/);
    assert.match(text, /Melding 3: Correctie van melding 1/);
    assert.match(text, /ze kwam om 02:00 thuis/);
    const fingerprint = await app.page.locator('[data-verify-fingerprint]').innerText();
    assert.equal(fingerprint.replace(/ /g, ''), bundle.authorKey.id);
    const axe = await axeViolations(app.page);
    assert.equal(axe.count, 0, axe.description);

    assert.equal(await check(tampered()), 'invalid');
    const failures = await app.page.locator('[data-verify-failures]').innerText();
    assert.match(failures, /Bijlage \(melding 0\)/);
    assert.match(failures, /attachments\/0-1\.png/);
    assert.deepEqual(requests, [], 'nothing was requested after the page loaded');
  } finally {
    await context.close();
  }
});

test('without JavaScript the page explains the command-line verifier', async () => {
  const { browser, baseUrl } = ready();
  const { context, app } = await newAppPage(browser, baseUrl, { javaScriptEnabled: false, locale: 'nl-NL' });
  try {
    await app.open('/verifieer');
    assert.equal(await app.heading(), 'Een export controleren');
    assert.match(await app.page.locator('main').innerText(), /npm run cli -- verify-export/);
    assert.equal(await app.page.locator('form[data-module="app-verify"]').isVisible(), false);
  } finally {
    await context.close();
  }
});

test('in English the page and its result are in English', async () => {
  const { browser, baseUrl } = ready();
  const { context, app } = await newAppPage(browser, baseUrl, { locale: 'en-GB' });
  try {
    await app.chooseLanguage('en', '/verifieer');
    assert.equal(await app.heading(), 'Check an export');
    await app.page
      .locator('#verify-file')
      .setInputFiles({ name: 'x.zip', mimeType: 'application/zip', buffer: Buffer.from('not a zip') });
    await app.page.getByRole('button', { name: 'Check' }).click();
    await app.page.locator('[data-verify-status]').waitFor();
    assert.match(await app.page.locator('[data-verify-failures]').innerText(), /ZIP file[\s\S]*not a ZIP file/);
  } finally {
    await context.close();
  }
});
