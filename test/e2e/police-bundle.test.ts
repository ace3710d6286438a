// The police bundle (issue 15 point 2b, ADR 0029) on /verifieer in chromium, as the police check it: a parent
// shares two journal entries into a case, the job queue makes the bundle, the police member downloads it from its
// page after giving the passphrase again, and the offline verifier page, unchanged, says it is valid (a version-2
// export signed by the parent's account, the label and the entries shown); the same bundle with one byte flipped in
// its PDF is not valid and the page names the replaced PDF. The page passes axe.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { unzipSync, zipSync } from 'fflate';
import { csrfTokenFrom, withCookiesOf } from '../helpers/app.js';
import {
  caseActorOf,
  caseProfessional,
  type CaseTestApp,
  confirmMember,
  inviteInto,
  joinWith,
  prepareCaseWorld,
} from '../helpers/case-factories.js';
import { buildParent } from '../helpers/factories.js';
import { testObservation } from '../helpers/journal.js';
import { type SmtpSink, startSmtpSink } from '../helpers/smtp-sink.js';
import { journalActorOf } from '../../src/features/journal/journal.service.js';
import { AppPage, axeViolations, type E2E, newAppPage, startE2E, submitForm } from './support.js';

let sink: SmtpSink | undefined;
let e2e: E2E | undefined;
let bundle: Uint8Array | undefined;
let police: { cookies: Record<string, string>; passphrase: string; caseId: string } | undefined;

before(async () => {
  sink = await startSmtpSink();
  e2e = await startE2E({ RATE_LIMIT_MAX: '100000', SMTP_URL: sink.url, MAIL_FROM: 'no-reply@example.org' });
  const target = e2e.target as CaseTestApp;
  const world = await prepareCaseWorld(target, sink);
  const parent = await buildParent(target, { username: 'bundel.ouder' });
  const parentWho = await caseActorOf(target, parent);
  const started = await target.services.cases.start(parentWho, { naam: 'Robin', grondslag: 'parent', kindWeet: 'yes' });
  assert.ok(started.ok);
  const policeAccount = await caseProfessional(world, 'police', 'bundel.agent');
  const { code, memberId } = await inviteInto(target, parentWho, started.caseId, 'police');
  await joinWith(target, await caseActorOf(target, policeAccount), code);
  await confirmMember(target, parentWho, started.caseId, memberId);
  const session = (await target.services.accounts.currentSession(parent.session))!;
  const writer = { ...journalActorOf(session), requestId: 'e2e' };
  const one = await target.services.journal.addObservation(
    writer,
    testObservation({ text: 'Een grijze auto bij school.' }),
  );
  const two = await target.services.journal.addObservation(
    writer,
    testObservation({ text: 'Nieuwe telefoon, van wie?' }),
  );

  // The parent shares over HTTP, as on the share page; the queue makes the bundle.
  const form = `/samenwerken/${started.caseId}/delen`;
  const page = await target.app.inject({ method: 'GET', url: form, cookies: parent.cookies });
  const shared = await target.app.inject({
    method: 'POST',
    url: form,
    cookies: withCookiesOf(parent.cookies, page.headers),
    payload: {
      _csrf: csrfTokenFrom(page.body),
      notitie: [one.id, two.id],
      kind16: 'nee',
      grondslag: 'ouder',
      kindWeet: 'ja',
    },
  });
  assert.equal(shared.statusCode, 303);
  await target.services.jobs.runDue();

  police = { cookies: policeAccount.cookies, passphrase: policeAccount.passphrase, caseId: started.caseId };
});

after(async () => {
  await e2e?.close();
  await sink?.close();
});

test('the police member downloads the bundle from its page after the passphrase; the page and the summary page pass axe', async () => {
  const { browser, baseUrl } = e2e!;
  const context = await browser.newContext({ locale: 'nl-NL', acceptDownloads: true });
  try {
    await context.addCookies(Object.entries(police!.cookies).map(([name, value]) => ({ name, value, url: baseUrl })));
    const app = new AppPage(await context.newPage(), baseUrl);
    await app.open(`/samenwerken/${police!.caseId}`);
    await app.page.getByRole('link', { name: 'Bundel voor de politie' }).click();
    await app.page.getByRole('heading', { level: 1, name: 'Gedeelde notities als bundel voor de politie' }).waitFor();
    assert.match(
      await app.page.locator('main').innerText(),
      /2 notities gedeeld door een ouder\s+De bundel is klaar\./,
    );
    let axe = await axeViolations(app.page);
    assert.equal(axe.count, 0, axe.description);
    // A wrong passphrase: the form again with its problem, nothing downloaded.
    await app.page.getByLabel('Uw wachtwoordzin, nog een keer').fill('niet mijn wachtwoord');
    const refused = await submitForm(app.page, 'Bundel downloaden');
    assert.equal(refused.status(), 400);
    await app.page.getByText('Deze wachtwoordzin klopt niet').first().waitFor();
    await app.page.getByLabel('Uw wachtwoordzin, nog een keer').fill(police!.passphrase);
    const [download] = await Promise.all([
      app.page.waitForEvent('download'),
      app.page.getByRole('button', { name: 'Bundel downloaden' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'politiebundel.zip');
    const file = await download.path();
    bundle = new Uint8Array(readFileSync(file));

    await app.open(`/samenwerken/${police!.caseId}/samenvatting`);
    await app.page.getByRole('heading', { level: 1, name: 'Samenvatting van de samenwerking' }).waitFor();
    axe = await axeViolations(app.page);
    assert.equal(axe.count, 0, axe.description);
  } finally {
    await context.close();
  }
});

test('the police bundle verifies on /verifieer, unchanged; a byte flipped in its PDF is named', async () => {
  const { browser, baseUrl } = e2e!;
  const { context, app } = await newAppPage(browser, baseUrl, { locale: 'nl-NL' });
  try {
    await app.open('/verifieer');
    await app.page.locator('form[data-module="app-verify"]').waitFor({ state: 'visible' });
    const status = app.page.locator('[data-verify-status]');
    const check = async (zip: Uint8Array): Promise<{ status: string | null; text: string }> => {
      await app.page
        .locator('#verify-file')
        .setInputFiles({ name: 'politiebundel.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
      await app.page.getByRole('button', { name: 'Controleren', exact: true }).click();
      await status.waitFor();
      const result = {
        status: await status.getAttribute('data-verify-status'),
        text: await app.page.locator('[data-verify-result]').innerText(),
      };
      await app.page.evaluate(() => document.querySelector('[data-verify-result]')!.replaceChildren());
      return result;
    };

    const valid = await check(bundle!);
    assert.equal(valid.status, 'valid', valid.text);
    assert.match(
      valid.text.split('\n')[0]!,
      /^Geldig: de notities hieronder, deze PDF en deze bijlagen zijn precies wat het account/,
    );
    assert.match(valid.text, /Naam die de ouder gebruikt \(ondertekend\)\s+Robin/);
    assert.match(valid.text, /Een grijze auto bij school/);
    assert.match(valid.text, /Nieuwe telefoon, van wie\?/);
    const axe = await axeViolations(app.page);
    assert.equal(axe.count, 0, axe.description);

    const members = unzipSync(bundle!);
    const pdf = members['journal.pdf']!.slice();
    pdf[Math.floor(pdf.length / 2)]! ^= 0x01;
    const flipped = await check(zipSync({ ...members, 'journal.pdf': pdf }, { level: 6 }));
    assert.equal(flipped.status, 'invalid');
    assert.match(flipped.text, /^Niet geldig: ga niet af op deze export/);
    assert.match(flipped.text, /PDF vervangen of veranderd/);
    assert.doesNotMatch(flipped.text, /Een grijze auto bij school/, 'nothing unverified is shown');
  } finally {
    await context.close();
  }
});
