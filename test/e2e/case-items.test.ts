// The pages of what members post into a case, in a real browser: every page (timeline, agreements, one agreement
// with its history, the conflict of two edits, planning, both message channels, the pathway and a track's step
// form, a meeting form with its problems) is axe-clean in Dutch and English, with JavaScript; and without
// JavaScript a member posts a message, plans a next step, moves a step and meets a conflict by plain forms, and
// nothing they typed ends up in an address.
// The case (a parent, a care worker) is made through the cases service in this process, as case-factories.ts does.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import {
  buildParentProfessionalCase,
  caseActorOf,
  casesOf,
  type CaseTestApp,
  prepareCaseWorld,
} from '../helpers/case-factories.js';
import type { BuiltAccount } from '../helpers/factories.js';
import { type SmtpSink, startSmtpSink } from '../helpers/smtp-sink.js';
import { axeViolations, type E2E, startE2E, submitForm } from './support.js';

const passphrase = 'groene lamp naast de kast';

let sink: SmtpSink | undefined;
let e2e: E2E | undefined;
let parent: BuiltAccount | undefined;
let care: BuiltAccount | undefined;
let caseId = '';
const contexts: BrowserContext[] = [];

before(async () => {
  sink = await startSmtpSink();
  e2e = await startE2E({ RATE_LIMIT_MAX: '100000', SMTP_URL: sink.url, MAIL_FROM: 'no-reply@example.org' });
  const target = e2e.target as CaseTestApp;
  const built = await buildParentProfessionalCase(await prepareCaseWorld(target, sink), {
    caseRole: 'care',
    parentName: 'items.ouder',
    professionalName: 'items.hulpverlener',
    passphrase,
    childName: 'Robin',
  });
  ({ parent, caseId } = built);
  care = built.professional;
  const careWho = built.professionalWho;
  // The professionals' key is made on its first use by a professional.
  await (await casesOf(target).openCase(careWho, caseId)).key('professionals');
});

after(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await e2e?.close();
  await sink?.close();
});

async function browserOf(
  account: BuiltAccount,
  options: { javaScript: boolean; locale: 'nl' | 'en' },
): Promise<{ page: Page; open: (path: string, status?: number) => Promise<void> }> {
  assert.ok(e2e !== undefined);
  const { baseUrl } = e2e;
  const context = await e2e.browser.newContext({
    javaScriptEnabled: options.javaScript,
    locale: options.locale === 'nl' ? 'nl-NL' : 'en-GB',
  });
  contexts.push(context);
  await context.addCookies(Object.entries(account.cookies).map(([name, value]) => ({ name, value, url: baseUrl })));
  const page = await context.newPage();
  return {
    page,
    open: async (path, status = 200) => {
      const response = await page.goto(`${baseUrl}${path}`, { waitUntil: 'load' });
      assert.equal(response?.status(), status, path);
    },
  };
}

const base = () => `/samenwerken/${caseId}`;

async function clean(page: Page, what: string): Promise<void> {
  const { count, description } = await axeViolations(page);
  assert.equal(count, 0, `${what}:\n${description}`);
}

describe('case items in the browser', () => {
  for (const locale of ['nl', 'en'] as const) {
    test(`every items page is axe-clean (${locale})`, async () => {
      assert.ok(care !== undefined && parent !== undefined && e2e !== undefined);
      const { page, open } = await browserOf(care, { javaScript: true, locale });
      const text = locale === 'nl' ? 'Dinsdag samen naar school' : 'Together to school on Tuesday';
      // An agreement through the form, then its page with its history.
      await open(`${base()}/afspraken`);
      await clean(page, 'agreements');
      await page.locator('#wat').fill(text);
      await page.locator('#wie').selectOption('rol:care');
      const made = await submitForm(page, locale === 'nl' ? 'Afspraak opslaan' : 'Save agreement');
      assert.equal(made.status(), 303);
      assert.match(page.url(), /\/afspraken\/[0-9a-f-]{36}$/);
      assert.ok(!page.url().includes(encodeURIComponent(text.split(' ')[0] ?? '')));
      await clean(page, 'one agreement');
      // The conflict page: the parent changes it while this page is open.
      const agreementId = page.url().split('/').at(-1) ?? '';
      const target = e2e.target as CaseTestApp;
      const parentWho = await caseActorOf(target, parent);
      const changed = await e2e.services.caseItems.updateAgreement(
        parentWho.actor,
        await casesOf(target).openCase(parentWho, caseId),
        agreementId,
        {
          wat: `${text} (ouder)`,
          wie: '',
          datum: '',
          status: 'open',
          versie: await page.locator('input[name="versie"]').inputValue(),
        },
      );
      assert.deepEqual(changed, { ok: true });
      await page.locator('#wat').fill(`${text}!`);
      const conflict = await submitForm(page, locale === 'nl' ? 'Wijziging opslaan' : 'Save change');
      assert.equal(conflict.status(), 409);
      assert.equal(await page.locator('[data-conflict]').count(), 1);
      assert.equal(await page.locator('#wat').inputValue(), `${text}!`);
      await clean(page, 'the conflict page');

      await open(`${base()}/planning`);
      await page.locator('#soort-stap').check();
      await page.locator('#wat').fill(locale === 'nl' ? 'Huisarts bellen' : 'Call the GP');
      assert.equal((await submitForm(page, locale === 'nl' ? 'Opslaan' : 'Save')).status(), 303);
      await clean(page, 'planning');

      await open(`${base()}/berichten`);
      await page.locator('#bericht').fill(locale === 'nl' ? 'Vandaag ging het goed.' : 'Today went well.');
      assert.equal((await submitForm(page, locale === 'nl' ? 'Versturen' : 'Send')).status(), 303);
      await clean(page, 'messages');
      await open(`${base()}/berichten/professionals`);
      await clean(page, 'professionals’ messages');

      await open(`${base()}/traject`);
      await clean(page, 'pathway');
      const track = e2e.services.pathway.current.tracks[0];
      assert.ok(track !== undefined);
      await open(`${base()}/traject/${track.id}`);
      await clean(page, 'a track’s step form');
      assert.equal((await submitForm(page, locale === 'nl' ? 'Stap opslaan' : 'Save step')).status(), 303);

      await open(`${base()}/overleg/nieuw`);
      await clean(page, 'meeting form');
      const refused = await submitForm(page, locale === 'nl' ? 'Overleg opslaan' : 'Save meeting');
      assert.equal(refused.status(), 400);
      assert.equal(await page.locator('.app-error-summary').count(), 1);
      await clean(page, 'meeting form with problems');

      await open(`${base()}/tijdlijn`);
      assert.ok((await page.locator('[data-timeline] > li').count()) >= 5);
      await clean(page, 'timeline');

      // The parent's own view of the same pages.
      const parentBrowser = await browserOf(parent, { javaScript: true, locale });
      for (const path of ['tijdlijn', 'afspraken', 'planning', 'berichten', 'traject']) {
        await parentBrowser.open(`${base()}/${path}`);
        await clean(parentBrowser.page, `parent: ${path}`);
      }
      await parentBrowser.open(`${base()}/berichten/professionals`, 404);
    });
  }

  test('without JavaScript: a message, a next step, a step and an older timeline page by plain forms and links', async () => {
    assert.ok(care !== undefined && e2e !== undefined);
    const { page, open } = await browserOf(care, { javaScript: false, locale: 'nl' });
    await open(`${base()}/berichten`);
    await page.locator('#bericht').fill('Zonder JavaScript verstuurd.');
    assert.equal((await submitForm(page, 'Versturen')).status(), 303);
    assert.match(await page.locator('[data-messages]').innerText(), /Zonder JavaScript verstuurd\./);
    await open(`${base()}/planning`);
    await page.locator('#soort-stap').check();
    await page.locator('#wat').fill('Wijkteam belt terug');
    assert.equal((await submitForm(page, 'Opslaan')).status(), 303);
    assert.match(await page.locator('[data-planning]').innerText(), /Wijkteam belt terug/);
    // Enough events for a second page of the timeline.
    for (let index = 0; index < 20; index += 1) {
      await open(`${base()}/berichten`);
      await page.locator('#bericht').fill(`Bericht ${index}`);
      await submitForm(page, 'Versturen');
    }
    await open(`${base()}/tijdlijn`);
    const older = page.getByRole('link', { name: 'Oudere gebeurtenissen' });
    const href = (await older.getAttribute('href')) ?? '';
    assert.match(href, /\?na=[A-Za-z0-9_-]+$/);
    assert.doesNotMatch(decodeURIComponent(href), /Bericht|Wijkteam/);
    await older.click();
    await page.waitForLoadState('load');
    assert.ok((await page.locator('[data-timeline] > li').count()) > 0);
    assert.equal(await page.getByRole('link', { name: 'Naar het nieuwste' }).count(), 1);
  });
});
