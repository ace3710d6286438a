// Closing and deleting a case in a real browser: the coordinator closes it through the
// confirmation page (first forgetting the tick: a 400 with its problem), the parent's case page then says so with
// the deletion day and the own-copy link, a message form left open answers 409 "afgesloten", and after the daily
// task (a fixed clock) the case answers 410 "verwijderd op". Every one of these pages is axe-clean in Dutch and
// English. The case (a parent and a coordinator) is made through the cases service, as case-factories.ts does.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { addMonths } from '../../src/features/cases/case-closing.js';
import { buildParentProfessionalCase, type CaseTestApp, prepareCaseWorld } from '../helpers/case-factories.js';
import type { BuiltAccount } from '../helpers/factories.js';
import { type SmtpSink, startSmtpSink } from '../helpers/smtp-sink.js';
import { axeViolations, type E2E, startE2E, submitForm } from './support.js';

const passphrase = 'oranje deur achter de schuur';

let sink: SmtpSink | undefined;
let e2e: E2E | undefined;
let parent: BuiltAccount | undefined;
let coordinator: BuiltAccount | undefined;
let caseId = '';
const contexts: BrowserContext[] = [];

before(async () => {
  sink = await startSmtpSink();
  e2e = await startE2E({ RATE_LIMIT_MAX: '100000', SMTP_URL: sink.url, MAIL_FROM: 'no-reply@example.org' });
  const built = await buildParentProfessionalCase(await prepareCaseWorld(e2e.target as CaseTestApp, sink), {
    caseRole: 'coordinator',
    parentName: 'sluiten.ouder',
    professionalName: 'sluiten.regisseur',
    passphrase,
    childName: 'Noor',
  });
  ({ parent, caseId } = built);
  coordinator = built.professional;
});

after(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await e2e?.close();
  await sink?.close();
});

async function browserOf(
  account: BuiltAccount,
  locale: 'nl' | 'en',
): Promise<{ page: Page; open: (path: string, status?: number) => Promise<void> }> {
  assert.ok(e2e !== undefined);
  const { baseUrl } = e2e;
  const context = await e2e.browser.newContext({
    javaScriptEnabled: true,
    locale: locale === 'nl' ? 'nl-NL' : 'en-GB',
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

async function clean(page: Page, what: string): Promise<void> {
  const { count, description } = await axeViolations(page);
  assert.equal(count, 0, `${what}:\n${description}`);
}

const base = () => `/samenwerken/${caseId}`;

describe('closing and deleting a case in the browser', () => {
  test('the coordinator closes it; the parent is told, a write is refused, and after the date it is gone', async () => {
    assert.ok(e2e !== undefined && parent !== undefined && coordinator !== undefined);
    // The parent's message form, open before the case is closed and sent after.
    const parentNl = await browserOf(parent, 'nl');
    await parentNl.open(`${base()}/berichten`);
    await parentNl.page.locator('#bericht').fill('Nog één vraag.');

    const { page, open } = await browserOf(coordinator, 'nl');
    await open(base());
    await clean(page, 'the case page before closing');
    await page.getByRole('link', { name: 'Samenwerking afsluiten' }).click();
    await page.waitForLoadState('load');
    assert.equal(new URL(page.url()).pathname, `${base()}/afsluiten`);
    await clean(page, 'the confirmation page');
    const forgot = await submitForm(page, 'Ja, sluit de samenwerking af');
    assert.equal(forgot.status(), 400);
    assert.equal(await page.locator('.app-error-summary').count(), 1);
    await clean(page, 'the confirmation page with its problem');
    await page.locator('#nazorg').check();
    const closed = await submitForm(page, 'Ja, sluit de samenwerking af');
    assert.equal(closed.status(), 303);
    assert.match(await page.locator('[data-closing="closed"]').innerText(), /afgesloten op/);
    await clean(page, 'the closed case page (coordinator)');

    const refused = await submitForm(parentNl.page, 'Versturen');
    assert.equal(refused.status(), 409);
    assert.match(await parentNl.page.locator('[data-case-closed]').innerText(), /Deze samenwerking is afgesloten/);
    await clean(parentNl.page, 'a write on a closed case');

    for (const locale of ['nl', 'en'] as const) {
      const view = await browserOf(parent, locale);
      await view.open(base());
      assert.equal(await view.page.locator('[data-own-copy]').count(), 1);
      assert.equal(await view.page.locator('[data-delete-after]').count(), 1);
      await clean(view.page, `the closed case page (parent, ${locale})`);
    }

    // The daily task on the notice day and on the deletion day (a fixed clock).
    const row = await (e2e.target as CaseTestApp).database.handle.db
      .selectFrom('cases')
      .select('delete_after')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    const deleteAfter = new Date(row.delete_after!);
    const at = (date: Date) => new Date(`${date.toISOString().slice(0, 10)}T05:00:00.000Z`);
    assert.equal((await e2e.services.caseClosing.daily(at(addMonths(deleteAfter, -1)))).noticed, 1);
    assert.equal((await e2e.services.caseClosing.daily(at(deleteAfter))).shredded, 1);

    for (const locale of ['nl', 'en'] as const) {
      const view = await browserOf(parent, locale);
      await view.open(base(), 410);
      assert.equal(await view.page.locator('[data-case-deleted]').count(), 1);
      assert.doesNotMatch(await view.page.locator('main').innerText(), /Noor/);
      await clean(view.page, `the deleted case (${locale})`);
    }
  });
});
