// The journal in a real browser, with JavaScript on and off: write an entry with a photo, correct it, redact
// it, write a diary note, filter the list. Plain forms all the way, so both runs take the same path; axe
// checks every journal page where JavaScript is on (it hangs otherwise, see STACK.md).

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { AppPage, type E2E, axeViolations, startE2E, submitForm as submit } from './support.js';

const passphrase = 'oranje kano op de rivier';

let e2e: E2E | undefined;
const contexts: BrowserContext[] = [];

before(async () => {
  e2e = await startE2E({ RATE_LIMIT_MAX: '100000' });
});

after(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await e2e?.close();
});

function ready(): E2E {
  if (e2e === undefined) throw new Error('the app did not start');
  return e2e;
}

async function expectAccessible(page: Page, javaScript: boolean, what: string) {
  if (!javaScript) return;
  const { count, description } = await axeViolations(page);
  assert.equal(count, 0, `${what}:\n${description}`);
}

for (const javaScript of [true, false]) {
  describe(`the journal with JavaScript ${javaScript ? 'on' : 'off'}`, () => {
    let app: AppPage;
    let photo: Buffer;

    before(async () => {
      const context = await ready().browser.newContext({ locale: 'nl-NL', javaScriptEnabled: javaScript });
      contexts.push(context);
      app = new AppPage(await context.newPage(), ready().baseUrl);
      photo = await sharp({ create: { width: 120, height: 80, channels: 3, background: '#2e86de' } })
        .jpeg()
        .toBuffer();
      await app.open('/registreren');
      await app.page.getByLabel('Gebruikersnaam', { exact: true }).fill(`logboek-${javaScript ? 'js' : 'html'}`);
      await app.page.getByLabel('Wachtwoordzin', { exact: true }).fill(passphrase);
      await app.page.getByLabel('Wachtwoordzin nog een keer', { exact: true }).fill(passphrase);
      assert.equal((await submit(app.page, 'Account maken')).status(), 200);
    });

    test('write an entry with a photo, correct it, redact it', async () => {
      const { page } = app;
      await app.open('/logboek');
      await page.getByRole('link', { name: 'Nieuwe notitie' }).first().click();
      await page.waitForLoadState('load');
      await expectAccessible(page, javaScript, 'new entry form');
      await page.getByLabel('Datum', { exact: true }).fill('2026-11-21');
      await page.getByLabel('Contact met verdachte personen').check();
      await page.getByLabel('Wat is er gebeurd?').fill('Een man in een zwarte auto wachtte bij de sportschool.');
      await page.getByLabel('Kentekens').fill('GB-123-X\nB 1234 XY');
      await page.getByLabel('Bestanden toevoegen (als je wilt)').setInputFiles({
        name: 'scherm.jpg',
        mimeType: 'image/jpeg',
        buffer: photo,
      });
      await page.getByLabel(/Ik bevestig: er staat geen seksuele afbeelding/).check();
      const saved = await submit(page, 'Notitie opslaan');
      assert.equal(saved.status(), 303);
      assert.match(await page.locator('h2').first().innerText(), /Notitie 1/);
      assert.match(await page.content(), /zwarte auto/);
      assert.match(await page.content(), /geen Nederlands kenteken/, 'the foreign plate is kept and flagged');
      const loaded = await page
        .locator('img.app-journal-thumbnail')
        .evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0);
      assert.ok(loaded, 'the thumbnail loads');
      await expectAccessible(page, javaScript, 'entry page');

      await page.getByRole('link', { name: 'Verbeteren' }).click();
      await page.waitForLoadState('load');
      await expectAccessible(page, javaScript, 'correction form');
      await page.getByLabel('Wat is er gebeurd?').fill('Het was een donkerblauwe auto, geen zwarte.');
      assert.equal((await submit(page, 'Notitie opslaan')).status(), 303);
      const both = await page.content();
      assert.match(both, /donkerblauwe auto/);
      assert.match(both, /zwarte auto/, 'the corrected entry is shown with its correction');

      await page.getByRole('link', { name: '#1' }).first().click();
      await page.waitForLoadState('load');
      await page.getByRole('link', { name: 'Wissen' }).click();
      await page.waitForLoadState('load');
      await expectAccessible(page, javaScript, 'redaction page');
      assert.equal((await submit(page, 'Ja, wis deze notitie')).status(), 303);
      await page.getByRole('link', { name: '#1' }).first().click();
      await page.waitForLoadState('load');
      const redacted = await page.content();
      assert.match(redacted, /Notitie 1 \(gewist\)/);
      assert.doesNotMatch(redacted, /zwarte auto/);
      assert.equal(await page.locator('img.app-journal-thumbnail').count(), 0, 'the photo is gone too');
    });

    test('a file without the images rule confirmed is refused, and the text stays', async () => {
      const { page } = app;
      await app.open('/logboek/nieuw');
      await page.getByLabel('Datum', { exact: true }).fill('2026-11-22');
      await page.getByLabel('Telefoon en internet').check();
      await page.getByLabel('Wat is er gebeurd?').fill('Berichten van een onbekend account.');
      await page.getByLabel('Bestanden toevoegen (als je wilt)').setInputFiles({
        name: 'bericht.jpg',
        mimeType: 'image/jpeg',
        buffer: photo,
      });
      const refused = await submit(page, 'Notitie opslaan');
      assert.equal(refused.status(), 400);
      assert.match(await page.locator('.app-error-summary').innerText(), /Bevestig dat er geen seksuele afbeelding/);
      assert.equal(await page.getByLabel('Wat is er gebeurd?').inputValue(), 'Berichten van een onbekend account.');
      await expectAccessible(page, javaScript, 'form with errors');
    });

    test('filter the list by kind', async () => {
      const { page } = app;
      await app.open('/logboek/nieuw');
      await page.getByLabel('Datum', { exact: true }).fill('2026-11-23');
      await page.getByLabel('Geld en cadeaus').check();
      await page.getByLabel('Wat is er gebeurd?').fill('Nieuwe telefoon, zegt dat ze hem kreeg.');
      assert.equal((await submit(page, 'Notitie opslaan')).status(), 303);

      await app.open('/logboek');
      await expectAccessible(page, javaScript, 'journal list');
      await page.getByLabel('Soort').selectOption({ label: 'Geld en cadeaus' });
      await page.getByRole('button', { name: 'Toon notities' }).click();
      await page.waitForLoadState('load');
      const filtered = await page.content();
      assert.match(filtered, /Nieuwe telefoon/);
      assert.doesNotMatch(filtered, /donkerblauwe auto/);
      assert.match(new URL(page.url()).search, /c=5/, 'the category is a neutral code in the address');
    });

    test('write a diary note; it stays out of the journal and its print-out', async () => {
      const { page } = app;
      await app.open('/dagboek');
      await page.getByLabel('Wat wil je kwijt?').fill('Ik slaap slecht sinds vorige week.');
      assert.equal((await submit(page, 'Opslaan in mijn dagboek')).status(), 303);
      assert.match(await page.content(), /Ik slaap slecht/);
      await expectAccessible(page, javaScript, 'diary');
      await app.open('/logboek/afdrukken');
      const print = await page.content();
      assert.doesNotMatch(print, /Ik slaap slecht/);
      assert.match(print, /Nieuwe telefoon/);
      await expectAccessible(page, javaScript, 'print view');
    });
  });
}
