// The child's own voice in a real browser (ADR 0030): a care worker of a case invites a 14-year-old from the case
// page (month and year of birth; the code read from the page, as it is handed over in person), the young person
// signs up with the code at /samenwerken/jongere in their own browser, both read the same safety number and the
// care worker confirms, the young person writes in the private channel and the care worker reads it. The parent
// of the case then finds nothing of it: not on the case page, the timeline or the channel's address (404). Every
// page visited is axe-clean and answers no 5xx. The case itself (parent, care worker, confirmed) is set up over
// HTTP as in the case space's route tests; professionals are made by the account factories.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { buildAdmin, buildParent, buildProfessional, type BuiltAccount } from '../helpers/factories.js';
import { type SmtpSink, startSmtpSink } from '../helpers/smtp-sink.js';
import { startCaseWithCare } from '../helpers/young.js';
import { AppPage, axeViolations, type E2E, startE2E, submitForm } from './support.js';

const passphrase = 'groene trein door het bos';
const label = 'Sanne';

let sink: SmtpSink | undefined;
let e2e: E2E | undefined;
const contexts: BrowserContext[] = [];
let setUp: { parent: BuiltAccount; care: BuiltAccount; caseId: string } | undefined;

before(async () => {
  sink = await startSmtpSink();
  e2e = await startE2E({ RATE_LIMIT_MAX: '100000', SMTP_URL: sink.url, MAIL_FROM: 'no-reply@example.org' });
  const { target } = e2e;
  const first = await buildAdmin(target, { username: 'jong.beheer.een', passphrase });
  const second = await buildAdmin(target, { username: 'jong.beheer.twee', passphrase });
  const organisation = (await target.services.professionals.organisationChoices()).find((org) => org.verified);
  assert.ok(organisation !== undefined);
  const care = await buildProfessional(target, {
    invitedBy: first,
    sink,
    organisationId: organisation.id,
    username: 'jong.hulpverlener',
    passphrase,
    role: 'care',
    activatedBy: [first, second],
  });
  const parent = await buildParent(target, { username: 'jong.ouder' });

  const caseId = await startCaseWithCare(target, parent, care, label);
  setUp = { parent, care, caseId };
});

after(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await e2e?.close();
  await sink?.close();
});

/** One person's browser; every page it lands on answers no 5xx and is axe-clean. */
async function browserOf(account?: BuiltAccount) {
  const { baseUrl, browser } = e2e!;
  const context = await browser.newContext({ locale: 'nl-NL' });
  contexts.push(context);
  if (account !== undefined) {
    await context.addCookies(Object.entries(account.cookies).map(([name, value]) => ({ name, value, url: baseUrl })));
  }
  const app = new AppPage(await context.newPage(), baseUrl);
  const errors: string[] = [];
  app.page.on('response', (response) => {
    if (response.status() >= 500) errors.push(`${response.status()} ${response.url()}`);
  });
  const landed = async (what: string) => {
    assert.deepEqual(errors, [], `no 5xx on ${what}`);
    const { count, description } = await axeViolations(app.page);
    assert.equal(count, 0, `axe on ${what}:\n${description}`);
    assert.ok(!(await app.page.title()).includes(label), `the title of ${what} has no label`);
  };
  return { app, page: app.page, landed };
}

test('a care worker invites a 14-year-old, who signs up and writes in the private channel; the parent sees nothing of it', async () => {
  const { parent, care, caseId } = setUp!;
  const now = new Date();

  // The care worker invites from the case page.
  const worker = await browserOf(care);
  await worker.app.open(`/samenwerken/${caseId}`);
  await worker.landed('the case page (care worker)');
  await worker.page.getByRole('link', { name: 'Een jongere uitnodigen', exact: true }).click();
  await worker.page.waitForLoadState('load');
  await worker.landed('the invitation form');
  await worker.page.getByLabel('Maand', { exact: true }).fill(String(now.getUTCMonth() + 1));
  await worker.page.getByLabel('Jaar', { exact: true }).fill(String(now.getUTCFullYear() - 14));
  assert.equal((await submitForm(worker.page, 'Code maken')).status(), 200);
  await worker.landed('the code page');
  const code = (await worker.page.locator('[data-invitation-code]').innerText()).trim();
  assert.match(code, /^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/);

  // The young person signs up with the code in their own browser.
  const young = await browserOf();
  await young.app.open('/samenwerken/jongere');
  await young.landed('the sign-up for young people');
  await young.page.getByLabel('Je code', { exact: true }).fill(code);
  await young.page.getByLabel('Kies een gebruikersnaam', { exact: true }).fill('sterretje.veertien');
  await young.page.getByLabel('Kies een wachtwoordzin', { exact: true }).fill(passphrase);
  await young.page.getByLabel('Typ je wachtwoordzin nog een keer', { exact: true }).fill(passphrase);
  assert.equal((await submitForm(young.page, 'Account maken', '/samenwerken/jongere')).status(), 200);
  await young.landed('the recovery code page');
  await young.app.open('/samenwerken');
  await young.landed("the young person's home");
  await young.page.locator('[data-young-home] a').first().click();
  await young.page.waitForLoadState('load');
  await young.landed("the young person's waiting page");
  const youngNumber = (await young.page.locator('[data-safety-number]').innerText()).trim();

  // The care worker compares the number and confirms.
  await worker.app.open(`/samenwerken/${caseId}`);
  await worker.page.getByRole('link', { name: 'Veiligheidsnummer vergelijken en bevestigen', exact: true }).click();
  await worker.page.waitForLoadState('load');
  await worker.landed("the care worker's confirmation page");
  assert.equal((await worker.page.locator('[data-safety-number]').innerText()).trim(), youngNumber);
  await submitForm(worker.page, 'Ze zijn gelijk: bevestigen');
  await worker.landed('the channel (care worker)');

  // The young person writes; the care worker reads it.
  await young.page.reload({ waitUntil: 'load' });
  await young.landed('the channel (young person)');
  await young.page.getByLabel('Je bericht', { exact: true }).fill('Hoi, ik wil iets vertellen.');
  await submitForm(young.page, 'Versturen');
  await young.landed('the channel after writing');
  assert.match(await young.page.locator('[data-young-messages]').innerText(), /Hoi, ik wil iets vertellen\./);
  const channelPath = new URL(young.page.url()).pathname;
  await worker.app.open(channelPath);
  await worker.landed('the channel with the message (care worker)');
  assert.match(await worker.page.locator('[data-young-messages]').innerText(), /Hoi, ik wil iets vertellen\./);

  // The parent: the case page and the timeline say nothing of a young person; the channel does not exist.
  const mother = await browserOf(parent);
  await mother.app.open(`/samenwerken/${caseId}`);
  await mother.landed("the parent's case page");
  const casePage = await mother.page.locator('main').innerText();
  assert.match(casePage, new RegExp(label));
  assert.doesNotMatch(casePage, /jongere|iets vertellen/i);
  assert.equal(await mother.page.locator('[data-young-section]').count(), 0);
  await mother.app.open(`/samenwerken/${caseId}/tijdlijn`);
  await mother.landed("the parent's timeline");
  assert.doesNotMatch(await mother.page.locator('main').innerText(), /jongere|iets vertellen/i);
  await mother.app.open(channelPath, 404);
  await mother.app.open('/samenwerken');
  await mother.landed("the parent's list");
  assert.doesNotMatch(await mother.page.locator('main').innerText(), /jongere/i);
});
