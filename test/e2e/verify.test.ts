// The offline verifier page /verifieer in chromium: a valid bundle shows "Geldig" with the computed fingerprint
// and the honest wording, a tampered one names the failed check and entry (a replaced PDF, a changed label,
// export time or attachment by name), an old bundle is marked as without an export signature, nothing is
// requested after the page has loaded (the file never leaves the browser), axe finds no violations, and without
// JavaScript the page explains the command-line verifier.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { fromBase64, toBase64 } from '../../src/shared/evidence/bytes.js';
import { readTimestampResponse, rootImprint, timestampRequest } from '../../src/shared/evidence/timestamp.js';
import { buildBundle, withManifest, zipMembers } from '../helpers/bundle-builder.js';
import { startLocalTsa } from '../helpers/tsa.js';
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
    // The first line says what may be relied on: the entries, this PDF and these attachments, signed on …
    assert.match(
      text.split('\n')[0]!,
      /^Geldig: de notities hieronder, deze PDF en deze bijlagen zijn precies wat het account met vingerafdruk [0-9a-f ]{79} ondertekende op .+\. Het logboek van de server bewijst dat de notities na .+ niet zijn veranderd\.$/,
    );
    assert.match(text, /Naam die de ouder gebruikt \(ondertekend\)\s+Sanne/);
    assert.match(text, /Onderwerp\s+missing/);
    assert.match(text, /Komt overeen met de vingerafdruk die je invulde/);
    assert.match(text, /Niet wie het typte/);
    assert.match(text, /Geen van beide bewijst dat wat er staat waar is/);
    assert.match(text, /Notitie 3: Correctie van notitie 1/);
    assert.match(text, /ze kwam om 02:00 thuis/);
    const fingerprint = await app.page.locator('[data-verify-fingerprint]').innerText();
    assert.equal(fingerprint.replace(/ /g, ''), bundle.authorKey.id);
    const axe = await axeViolations(app.page);
    assert.equal(axe.count, 0, axe.description);

    assert.equal(await check(tampered()), 'invalid');
    const failures = await app.page.locator('[data-verify-failures]').innerText();
    assert.match(failures, /Bijlage \(notitie 0\)/);
    assert.match(failures, /attachments\/0-1\.png/);
    assert.deepEqual(requests, [], 'nothing was requested after the page loaded');
  } finally {
    await context.close();
  }
});

test('a replaced PDF, a changed label, export time or attachment is named on the page; an old bundle is marked', async () => {
  const { browser, baseUrl } = ready();
  const { context, app } = await newAppPage(browser, baseUrl, { locale: 'nl-NL' });
  try {
    await app.open('/verifieer');
    await app.page.locator('form[data-module="app-verify"]').waitFor({ state: 'visible' });
    await app.page.evaluate((keys) => {
      document.querySelector<HTMLFormElement>('form[data-module="app-verify"]')!.dataset.logKeys = keys;
    }, JSON.stringify(bundle.pinnedLogKeys));
    const status = app.page.locator('[data-verify-status]');
    const check = async (zip: Uint8Array): Promise<string> => {
      await app.page
        .locator('#verify-file')
        .setInputFiles({ name: 'export.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
      await app.page.getByRole('button', { name: 'Controleren' }).click();
      await status.waitFor();
      const text = await app.page.locator('[data-verify-result]').innerText();
      await app.page.evaluate(() => document.querySelector('[data-verify-result]')!.replaceChildren());
      return text;
    };
    const photo = bundle.members['attachments/0-1.png']!.slice();
    photo[9]! ^= 0x01;
    const cases: [NonNullable<NonNullable<Parameters<typeof buildBundle>[0]>['tamper']>, RegExp][] = [
      [{ pdf: new TextEncoder().encode('%PDF-1.7\n% een ander verhaal\n') }, /PDF vervangen of veranderd/],
      [
        { label: 'Iemand anders' },
        /Naam veranderd[\s\S]*the account signed "Sanne", the manifest says "Iemand anders"/,
      ],
      [{ exportedAt: Date.UTC(2030, 0, 1) }, /Tijd van de export veranderd/],
      [
        { attachment: { path: 'attachments/0-1.png', bytes: photo } },
        /Bijlage vervangen, veranderd, toegevoegd of weg \(notitie 0\)[\s\S]*attachments\/0-1\.png/,
      ],
    ];
    for (const [tamper, named] of cases) {
      const text = await check(buildBundle({ logKey: bundle.logKey, tamper }).zip);
      assert.match(text, /^Niet geldig: ga niet af op deze export/);
      assert.match(text, named);
      assert.doesNotMatch(text, /ze kwam om 02:00 thuis/, 'nothing unverified is shown');
    }
    const old = await check(buildBundle({ version: 1, logKey: bundle.logKey }).zip);
    assert.match(old, /^Geldig, maar dit is een oude export zonder exporthandtekening/);
    assert.match(old, /De PDF, de naam en de tijd van de export zijn NIET gecontroleerd/);
    assert.match(old, /Versie 1 \(oud\), zonder exporthandtekening/);
    assert.match(old, /ze kwam om 02:00 thuis/, 'the verified entries are shown');
    const axe = await axeViolations(app.page);
    assert.equal(axe.count, 0, axe.description);
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

test("the global root's RFC 3161 timestamp is checked in the browser (WebCrypto): trusted TSA, none, a token over another root", async () => {
  const tsa = await startLocalTsa({ ec: true });
  const { browser, baseUrl } = ready();
  const { context, app } = await newAppPage(browser, baseUrl, { locale: 'nl-NL' });
  try {
    const stamp = async (rootBytes: Uint8Array) => {
      const answer = await fetch(tsa.url, {
        method: 'POST',
        body: Buffer.from(timestampRequest(rootImprint(rootBytes), new Uint8Array([9]))),
      });
      const reading = readTimestampResponse(new Uint8Array(await answer.arrayBuffer()));
      assert.ok(reading.ok);
      return toBase64(reading.token);
    };
    const globalBytes = fromBase64(bundle.manifest.global.bytes)!;
    const token = await stamp(globalBytes);
    const withToken = (value: string) =>
      withManifest(bundle, (manifest) => {
        manifest.global.timestamp = value;
      });
    await app.open('/verifieer');
    await app.page.locator('form[data-module="app-verify"]').waitFor({ state: 'visible' });
    await app.page.evaluate(
      ([keys, certs]) => {
        const form = document.querySelector<HTMLFormElement>('form[data-module="app-verify"]')!;
        form.dataset.logKeys = keys;
        form.dataset.tsaCerts = certs;
      },
      [JSON.stringify(bundle.pinnedLogKeys), JSON.stringify([toBase64(tsa.certDer)])] as const,
    );
    const check = async (zip: Uint8Array): Promise<string | null> => {
      await app.page.locator('#verify-file').setInputFiles({
        name: 'export.zip',
        mimeType: 'application/zip',
        buffer: Buffer.from(zip),
      });
      await app.page.getByRole('button', { name: 'Controleren' }).click();
      await app.page.locator('[data-verify-status]').waitFor();
      return app.page.locator('[data-verify-status]').getAttribute('data-verify-status');
    };
    assert.equal(await check(withToken(token)), 'valid');
    assert.equal(await app.page.locator('[data-verify-timestamp]').getAttribute('data-verify-timestamp'), 'trusted');
    assert.match(
      await app.page.locator('[data-verify-result]').innerText(),
      /De tijdstempeldienst CN=Test tsa TSA verklaart/,
    );

    assert.equal(await check(bundle.zip), 'valid');
    assert.equal(await app.page.locator('[data-verify-timestamp]').getAttribute('data-verify-timestamp'), 'absent');

    const otherRoot = fromBase64(buildBundle({ size: 9 }).manifest.global.bytes)!;
    assert.equal(await check(withToken(await stamp(otherRoot))), 'invalid');
    assert.match(await app.page.locator('[data-verify-failures]').innerText(), /Tijdstempel van de centrale lijst/);
  } finally {
    await context.close();
    await tsa.stop();
  }
});
