// Issue 7 end to end in chromium: a parent adds three entries (one with a photo), corrects one, redacts another,
// and exports part of the journal for the police; the downloaded bundle carries the checkpoint the export page
// showed and a PDF without the withheld or redacted text, and is then checked the two ways the police can — on
// /verifieer in the same browser and with `npm run cli -- verify-export` — first as downloaded (valid, with the
// fingerprint the export page showed), then with one byte flipped in an attachment and in the manifest (both
// verifiers name the failed check). A second, shorter run exports with JavaScript off (a kept original photo
// included). axe checks the export page where JavaScript is on (it hangs otherwise, see STACK.md).

import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { unzipSync, zipSync } from 'fflate';
import type { BrowserContext, Download, Page } from 'playwright-core';
import sharp from 'sharp';
import { verifyBundle } from '../../src/shared/evidence/verify.js';
import { holdExport } from '../helpers/export.js';
import { AppPage, type E2E, axeViolations, startE2E, submitForm as submit, signUpThroughForm } from './support.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const passphrase = 'rode fiets bij het station';
const label = 'S.';

let e2e: E2E | undefined;
let workDir = '';
const contexts: BrowserContext[] = [];

before(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'nmk-e2e-export-'));
  e2e = await startE2E({ RATE_LIMIT_MAX: '100000' });
  // The job queue makes the exports, as in production.
  e2e.services.jobs.start();
});

after(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await e2e?.services.jobs.stop();
  await e2e?.close();
  if (workDir !== '') rmSync(workDir, { recursive: true, force: true });
});

function ready(): E2E {
  if (e2e === undefined) throw new Error('the app did not start');
  return e2e;
}

async function newApp(javaScript: boolean): Promise<AppPage> {
  const context = await ready().browser.newContext({
    locale: 'nl-NL',
    javaScriptEnabled: javaScript,
    acceptDownloads: true,
  });
  contexts.push(context);
  return new AppPage(await context.newPage(), ready().baseUrl);
}

interface NewEntry {
  date: string;
  category: string;
  text: string;
  photo?: Buffer;
  /** Also keep the photo's original file (with its metadata) beside the cleaned copy. */
  keepOriginal?: boolean;
}

/** Writes an entry through /logboek/nieuw and returns the path of its page. */
async function addEntry(app: AppPage, entry: NewEntry): Promise<string> {
  const { page } = app;
  await app.open('/logboek/nieuw');
  await page.getByLabel('Datum', { exact: true }).fill(entry.date);
  await page.getByLabel(entry.category).check();
  await page.getByLabel('Wat is er gebeurd?').fill(entry.text);
  if (entry.photo !== undefined) {
    await page
      .getByLabel('Bestanden toevoegen (als je wilt)')
      .setInputFiles({ name: 'scherm.jpg', mimeType: 'image/jpeg', buffer: entry.photo });
    await page.getByLabel(/Ik bevestig: er staat geen seksuele afbeelding/).check();
    if (entry.keepOriginal === true) await page.getByLabel(/Bewaar ook het originele bestand/).check();
  }
  assert.equal((await submit(page, 'Notitie opslaan')).status(), 303);
  return new URL(page.url()).pathname;
}

/** The account fingerprint as the export page shows it, without spaces. */
async function shownFingerprint(page: Page): Promise<string> {
  const text = await page.locator('dd.app-fingerprint').innerText();
  const fingerprint = text.replace(/\s/g, '');
  assert.match(fingerprint, /^[0-9a-f]{64}$/);
  return fingerprint;
}

/** The checkpoint (size and root) the export page shows, to hand to the police in person. */
async function shownCheckpoint(page: Page): Promise<{ size: number; root: string }> {
  const text = await page
    .locator('dt', { hasText: 'Stand van je logboek' })
    .locator('xpath=following-sibling::dd[1]')
    .innerText();
  const match = /^(\d+) notities?, controlegetal:\s*([0-9a-f]{64})$/.exec(text.trim());
  assert.ok(match !== null, `checkpoint as shown: ${text}`);
  return { size: Number(match[1]), root: match[2]! };
}

/** The checkpoint a bundle carries (the signed bytes, decoded). */
function bundledCheckpoint(file: string): { size: number; root: string } {
  const manifestBytes = unzipSync(new Uint8Array(readFileSync(file)))['manifest.json'];
  assert.ok(manifestBytes !== undefined);
  const manifest = JSON.parse(new TextDecoder().decode(manifestBytes)) as { checkpoint: { bytes: string } };
  const checkpoint = JSON.parse(Buffer.from(manifest.checkpoint.bytes, 'base64').toString('utf8')) as {
    size: number;
    root: string;
  };
  return { size: checkpoint.size, root: checkpoint.root };
}

/** The text of the bundle's journal.pdf, as poppler's pdftotext reads it (npm test installs poppler-utils). */
function pdfText(file: string): string {
  const pdf = unzipSync(new Uint8Array(readFileSync(file)))['journal.pdf'];
  assert.ok(pdf !== undefined);
  const path = join(workDir, 'journal.pdf');
  writeFileSync(path, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/**
 * Submits the export form, follows the progress page until the export is ready (with JavaScript the page
 * reloads itself; without it the parent uses the "look again" link), checks the ready page with axe when
 * JavaScript is on, and saves the download.
 */
async function downloadExport(page: Page, javaScript: boolean): Promise<{ download: Download; file: string }> {
  const started = await submit(page, 'Export maken');
  assert.equal(started.status(), 303);
  assert.equal(new URL(page.url()).pathname, '/logboek/export/bezig');
  if (javaScript) {
    // The page's script reloads it once the export is ready.
    await page.getByRole('heading', { level: 1, name: 'Je export is klaar' }).waitFor({ timeout: 60_000 });
  } else {
    const heading = page.getByRole('heading', { level: 1 });
    const deadline = Date.now() + 60_000;
    while ((await heading.innerText()) !== 'Je export is klaar') {
      assert.equal(await heading.innerText(), 'Je export wordt gemaakt');
      assert.ok(Date.now() < deadline, 'the export was not ready in time');
      await page.getByRole('link', { name: 'Opnieuw kijken' }).click();
      await page.waitForLoadState('load');
    }
  }
  if (javaScript) {
    const axe = await axeViolations(page);
    assert.equal(axe.count, 0, `export ready page:\n${axe.description}`);
  }
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export downloaden', exact: true }).click(),
  ]);
  assert.equal(await download.failure(), null);
  const file = join(workDir, `export-${Date.now()}.zip`);
  await download.saveAs(file);
  return { download, file };
}

interface CliRun {
  code: number | null;
  output: string;
}

/** Runs the reference verifier as the police would, with the app's environment. */
function verifyWithCli(file: string, logKey: string, fingerprint: string): Promise<CliRun> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli.ts',
        'verify-export',
        file,
        '--log-key',
        logKey,
        '--author-fingerprint',
        fingerprint,
      ],
      { cwd: ROOT, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code) => resolveRun({ code, output }));
  });
}

/** Checks a bundle on /verifieer, as the police would in the browser, and returns its status. */
async function verifyInBrowser(app: AppPage, file: string, fingerprint: string): Promise<string | null> {
  const { page } = app;
  await app.open('/verifieer');
  await page.locator('form[data-module="app-verify"]').waitFor({ state: 'visible' });
  await page.locator('#verify-file').setInputFiles(file);
  await page.locator('#verify-fingerprint').fill(fingerprint);
  await page.getByRole('button', { name: 'Controleren', exact: true }).click();
  const status = page.locator('[data-verify-status]');
  await status.waitFor();
  return status.getAttribute('data-verify-status');
}

/** The summary row of the verifier's result with this term, e.g. "Getoond". */
async function summaryRow(page: Page, term: string): Promise<string> {
  return page
    .locator('[data-verify-result] dt', { hasText: term })
    .first()
    .locator('xpath=following-sibling::dd[1]')
    .innerText();
}

/** The same bundle with `change` applied to one member (re-zipped; everything else byte for byte). */
function tamper(file: string, member: string, change: (bytes: Uint8Array) => void): string {
  const members = unzipSync(new Uint8Array(readFileSync(file)));
  const bytes = members[member];
  assert.ok(bytes !== undefined, `${member} is in the bundle`);
  change(bytes);
  const out = join(workDir, `tampered-${member.replace(/\W/g, '-')}.zip`);
  writeFileSync(out, zipSync(members, { level: 6 }));
  return out;
}

describe('export part of the journal and verify it, with JavaScript on', () => {
  let app: AppPage;
  let bundle = '';
  let fingerprint = '';
  let logKey = '';

  before(async () => {
    app = await newApp(true);
    await signUpThroughForm(app, 'export-js', passphrase);
    const keys = (await (await fetch(`${ready().baseUrl}/api/v1/log/keys`)).json()) as {
      current: { id: string; publicKey: string };
    };
    logKey = keys.current.publicKey;
  });

  test('add, correct, redact, export part: the download verifies on /verifieer and with the CLI', async () => {
    const { page } = app;
    const photo = await sharp({ create: { width: 96, height: 64, channels: 3, background: '#e67e22' } })
      .jpeg()
      .toBuffer();
    // Index 0 (Notitie 1), with a photo; index 1 (Notitie 2), to be redacted; index 2 (Notitie 3), withheld.
    const first = await addEntry(app, {
      date: '2026-11-21',
      category: 'Contact met verdachte personen',
      text: 'Een man in een zwarte auto wachtte bij de sportschool.',
      photo,
    });
    assert.equal(await page.locator('img.app-journal-thumbnail').count(), 1, 'the photo was kept');
    const second = await addEntry(app, {
      date: '2026-11-22',
      category: 'Telefoon en internet',
      text: 'Ze kwam om 02:00 thuis en zei niets.',
    });
    await addEntry(app, {
      date: '2026-11-23',
      category: 'Geld en cadeaus',
      text: 'Nieuwe telefoon, zegt dat ze hem kreeg.',
    });

    // Index 3 (Notitie 4): the correction of Notitie 1.
    await app.open(first);
    await page.getByRole('link', { name: 'Verbeteren' }).click();
    await page.waitForLoadState('load');
    await page.getByLabel('Wat is er gebeurd?').fill('Het was een donkerblauwe auto, geen zwarte.');
    assert.equal((await submit(page, 'Notitie opslaan')).status(), 303);
    assert.match(await page.content(), /donkerblauwe auto/);

    // Index 4 (Notitie 5): the redaction of Notitie 2.
    await app.open(second);
    await page.getByRole('link', { name: 'Wissen' }).click();
    await page.waitForLoadState('load');
    assert.equal((await submit(page, 'Ja, wis deze notitie')).status(), 303);

    await app.open('/logboek/export');
    const axe = await axeViolations(page);
    assert.equal(axe.count, 0, `export page:\n${axe.description}`);
    fingerprint = await shownFingerprint(page);
    const checkpoint = await shownCheckpoint(page);
    assert.equal(checkpoint.size, 5);
    // The redacted entry and the redaction itself are not offered: redactions are always disclosed.
    const offered = await page.locator('input[name="notitie"]').evaluateAll((boxes) => boxes.map((box) => box.id));
    assert.deepEqual(offered, ['notitie-1', 'notitie-3', 'notitie-4']);

    // Part of the journal with nothing ticked is refused, with the form kept and an error summary.
    await page.getByLabel('Hoe noem je je kind in deze export?').fill(label);
    await page.getByLabel('Alleen de notities die ik hieronder aanvink').check();
    await page.getByLabel('Je wachtwoordzin', { exact: true }).fill(passphrase);
    assert.equal((await submit(page, 'Export maken')).status(), 400);
    assert.match(await page.locator('.app-error-summary').innerText(), /Vink minstens één notitie aan/);
    assert.equal(await page.getByLabel('Hoe noem je je kind in deze export?').inputValue(), label);
    assert.ok(await page.getByLabel('Alleen de notities die ik hieronder aanvink').isChecked());
    const axeRefused = await axeViolations(page);
    assert.equal(axeRefused.count, 0, `export page with an error:\n${axeRefused.description}`);

    await page.locator('#notitie-1').check();
    await page.locator('#notitie-4').check();
    await page.getByLabel('Je wachtwoordzin', { exact: true }).fill(passphrase);
    const { download, file } = await downloadExport(page, true);
    assert.equal(download.suggestedFilename(), 'export.zip');
    bundle = file;
    const members = Object.keys(unzipSync(new Uint8Array(readFileSync(file)))).sort();
    assert.deepEqual(members, ['attachments/0-1.jpg', 'journal.pdf', 'manifest.json']);
    assert.deepEqual(bundledCheckpoint(file), checkpoint, 'the bundle is signed at the checkpoint the page showed');
    const pdf = pdfText(file);
    assert.match(pdf, /donkerblauwe auto/);
    assert.doesNotMatch(pdf, /02:00 thuis/, 'the redacted entry is not in the PDF');
    assert.doesNotMatch(pdf, /Nieuwe telefoon/, 'the withheld entry is not in the PDF');

    // (a) /verifieer in the same browser, trusting the app's own log key.
    assert.equal(await verifyInBrowser(app, bundle, fingerprint), 'valid');
    const result = page.locator('[data-verify-result]');
    const text = await result.innerText();
    assert.match(text, /^Geldig: de notities hieronder, deze PDF en deze bijlagen zijn precies wat het account/);
    assert.equal(
      await summaryRow(page, 'Soort export'),
      'Versie 2, met handtekening van het account over de hele export',
    );
    assert.equal(await summaryRow(page, 'Naam die de ouder gebruikt (ondertekend)'), label);
    assert.equal(await summaryRow(page, 'Notities in het logboek'), '5');
    assert.equal(await summaryRow(page, 'Getoond'), '0, 3, 4');
    assert.equal(await summaryRow(page, 'Achtergehouden door de ouder'), '2');
    assert.equal(await summaryRow(page, 'Gewist door de ouder'), '1');
    const computed = await page.locator('[data-verify-fingerprint]').innerText();
    assert.equal(
      computed.replace(/\s/g, ''),
      fingerprint,
      'the computed fingerprint is the one the export page showed',
    );
    assert.match(text, /Komt overeen met de vingerafdruk die je invulde/);
    assert.match(text, /Notitie 0: Notitie/);
    assert.match(text, /zwarte auto wachtte bij de sportschool/);
    assert.match(text, /attachments\/0-1\.jpg \(image\/jpeg/);
    assert.match(text, /Notitie 3: Correctie van notitie 0/);
    assert.match(text, /donkerblauwe auto/);
    assert.match(text, /Notitie 4: Wissing van notitie 1/);
    assert.doesNotMatch(text, /02:00 thuis/, 'the redacted entry is not in the bundle');
    assert.doesNotMatch(text, /Nieuwe telefoon/, 'the withheld entry is not in the bundle');

    // (b) the command-line verifier, with the log key the app publishes.
    const cli = await verifyWithCli(bundle, logKey, fingerprint);
    assert.equal(cli.code, 0, cli.output);
    assert.match(
      cli.output,
      /^Valid: the entries in this bundle \(--show lists them\), this journal\.pdf and these attachments/,
    );
    assert.match(cli.output, /Format: +2, with the account's export signature/);
    assert.match(cli.output, /Disclosed: +3 \(0, 3, 4\)/);
    assert.match(cli.output, /matches the fingerprint given/);
  });

  test('one flipped byte in an attachment or in the manifest: both verifiers name the failed check', async (t) => {
    assert.notEqual(bundle, '', 'the export test ran first');
    const { page } = app;

    await t.test('in the photo', async () => {
      const photoFlipped = tamper(bundle, 'attachments/0-1.jpg', (bytes) => {
        bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
      });
      assert.equal(await verifyInBrowser(app, photoFlipped, fingerprint), 'invalid');
      const failures = await page.locator('[data-verify-failures]').innerText();
      assert.match(failures, /Bijlage \(notitie 0\)/);
      assert.match(failures, /attachments\/0-1\.jpg/);
      assert.doesNotMatch(
        await page.locator('[data-verify-result]').innerText(),
        /zwarte auto/,
        'nothing unverified shown',
      );
      const cli = await verifyWithCli(photoFlipped, logKey, fingerprint);
      assert.equal(cli.code, 1, cli.output);
      assert.match(cli.output, /^NOT VALID: do not rely on this bundle/);
      assert.match(cli.output, /\[attachment\] entry 0:.*attachments\/0-1\.jpg/);
    });

    await t.test('in the manifest (the correction’s text)', async () => {
      const manifestFlipped = tamper(bundle, 'manifest.json', (bytes) => {
        // Flip one bit of one byte of the correction's content, inside its base64, so the manifest still parses.
        const manifest = JSON.parse(new TextDecoder().decode(bytes)) as {
          entries: { index: number; content: string }[];
        };
        const correction = manifest.entries.find((entry) => entry.index === 3);
        assert.ok(correction !== undefined);
        const content = Buffer.from(correction.content, 'base64');
        const at = content.indexOf('donkerblauwe');
        assert.ok(at > 0);
        content[at]! ^= 0x20; // "d" → "D"
        const flipped = content.toString('base64');
        assert.equal(flipped.length, correction.content.length);
        const start = new TextDecoder().decode(bytes).indexOf(correction.content);
        bytes.set(new TextEncoder().encode(flipped), start);
      });
      assert.equal(await verifyInBrowser(app, manifestFlipped, fingerprint), 'invalid');
      const failures = await page.locator('[data-verify-failures]').innerText();
      assert.match(failures, /Inhoud van de notitie \(notitie 3\)/);
      assert.doesNotMatch(await page.locator('[data-verify-result]').innerText(), /Donkerblauwe/);
      const cli = await verifyWithCli(manifestFlipped, logKey, fingerprint);
      assert.equal(cli.code, 1, cli.output);
      assert.match(cli.output, /^NOT VALID: do not rely on this bundle/);
      assert.match(cli.output, /\[commitment\] entry 3:/);
    });
  });
});

describe('the export progress page', () => {
  test('shows the step and the bar, passes axe, updates itself and offers the download when ready', async () => {
    const app = await newApp(true);
    const { page } = app;
    await signUpThroughForm(app, 'export-progress', passphrase);
    const cookie = (await page.context().cookies()).find((candidate) => candidate.name.endsWith('sessie'));
    const session = await ready().services.accounts.currentSession(cookie?.value);
    assert.ok(session !== null && session !== undefined);
    // An export held mid-way by the test (in the worker's place), so the page can be seen while it runs.
    await ready().services.jobs.stop();
    try {
      const started = await ready().services.exports.start(session, {
        label,
        entries: { mode: 'alles' },
        attachments: { mode: 'alle' },
        locale: 'nl',
      });
      assert.equal(started, 'started');
      const job = await holdExport(ready().services.exportsRepository, session.idHash);
      await job.report({ phase: 'reading', done: 64, total: 200 });
      await watchProgress(app, job);
    } finally {
      ready().services.jobs.start();
    }
  });
});

/** The progress page while the held export runs, then ready, then taken once. */
async function watchProgress(app: AppPage, job: Awaited<ReturnType<typeof holdExport>>): Promise<void> {
  const { page } = app;
  await app.open('/logboek/export/bezig');
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Je export wordt gemaakt');
  assert.equal(await page.getByLabel('Hoe ver de export is').getAttribute('value'), '12');
  assert.match(await page.getByRole('status').last().innerText(), /Stap 1 van 3: notities openen \(64 van 200\)/);
  const axe = await axeViolations(page);
  assert.equal(axe.count, 0, `export progress page:\n${axe.description}`);

  // The script asks again and updates the bar and the text in place (no reload while it runs).
  await job.report({ phase: 'pdf', done: 100, total: 200 });
  await page.waitForFunction(() => document.querySelector('progress')?.getAttribute('value') === '65');
  assert.match(
    await page.getByRole('status').last().innerText(),
    /Stap 2 van 3: de PDF maken \(100 van 200 notities\)/,
  );

  await job.finish(new Uint8Array([80, 75, 5, 6]));
  await page.getByRole('heading', { level: 1, name: 'Je export is klaar' }).waitFor();
  const axeReady = await axeViolations(page);
  assert.equal(axeReady.count, 0, `export ready page:\n${axeReady.description}`);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export downloaden', exact: true }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'export.zip');
  // Taken once: the page for it now says it is gone.
  await app.open('/logboek/export/bezig');
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Geen export klaar');
}

describe('export with JavaScript off', () => {
  test('the form posts, a wrong passphrase is refused, and the download arrives and verifies', async () => {
    const app = await newApp(false);
    const { page } = app;
    await signUpThroughForm(app, 'export-html', passphrase);
    const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#8e44ad' } })
      .jpeg()
      .toBuffer();
    await addEntry(app, {
      date: '2026-11-24',
      category: 'Contact met verdachte personen',
      text: 'Opgehaald door een onbekende scooter.',
      photo,
      keepOriginal: true,
    });
    await app.open('/logboek/export');
    const fingerprint = await shownFingerprint(page);
    await page.getByLabel('Hoe noem je je kind in deze export?').fill(label);
    await page.getByLabel('Alle notities').check();

    await page.getByLabel('Je wachtwoordzin', { exact: true }).fill('niet de goede zin');
    const refused = await submit(page, 'Export maken');
    assert.equal(refused.status(), 400);
    assert.match(await page.locator('.app-error-summary').innerText(), /Deze wachtwoordzin klopt niet/);
    assert.equal(await page.getByLabel('Hoe noem je je kind in deze export?').inputValue(), label, 'the label stays');

    await page.getByLabel('Je wachtwoordzin', { exact: true }).fill(passphrase);
    const { file } = await downloadExport(page, false);
    const members = Object.keys(unzipSync(new Uint8Array(readFileSync(file)))).sort();
    assert.deepEqual(members, ['attachments/0-1-original.jpg', 'attachments/0-1.jpg', 'journal.pdf', 'manifest.json']);
    const logKeys = (await (await fetch(`${ready().baseUrl}/api/v1/log/keys`)).json()) as {
      current: { id: string; publicKey: string };
    };
    const report = await verifyBundle(new Uint8Array(readFileSync(file)), {
      pinnedLogKeys: { [logKeys.current.id]: logKeys.current.publicKey },
      authorFingerprint: fingerprint,
    });
    assert.deepEqual(report.failures, []);
    assert.equal(report.valid, true);
    assert.deepEqual(report.summary?.disclosed, [0]);
    assert.deepEqual(
      report.entries?.[0]?.attachments.map((attachment) => attachment.path),
      ['attachments/0-1.jpg', 'attachments/0-1-original.jpg'],
    );
    assert.equal(report.summary?.label, label);

    // Again, without the original and its metadata: the PDF says it was kept but not given.
    await app.open('/logboek/export');
    await page.getByLabel('Hoe noem je je kind in deze export?').fill(label);
    await page.getByLabel('Alle notities').check();
    await page.getByLabel(/zonder de originelen met hun gegevens/).check();
    const { file: withoutOriginal } = await downloadExport(page, false);
    const withoutMembers = Object.keys(unzipSync(new Uint8Array(readFileSync(withoutOriginal)))).sort();
    assert.deepEqual(withoutMembers, ['attachments/0-1.jpg', 'journal.pdf', 'manifest.json']);
    assert.match(
      pdfText(withoutOriginal),
      /Het origineel met zijn gegevens is bewaard, maar niet in deze export gegeven/,
    );
    // The offline verifier (it needs JavaScript, so in a second browser context) says so too.
    const checker = await newApp(true);
    assert.equal(await verifyInBrowser(checker, withoutOriginal, fingerprint), 'valid');
    assert.match(
      await checker.page.locator('[data-verify-result]').innerText(),
      /Originelen met gegevens, bewaard maar achtergehouden: 1/,
    );
  });
});
