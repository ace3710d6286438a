// A trusted person (ADR 0049) in a real browser: two parents sign up through the form; one makes a link code, the
// other names them (first with a wrong code: the form comes back with its error summary), the trusted person asks
// for access and the owner sees the request on the account page. The trusted person's browser runs without
// JavaScript (every form works without it), the owner's with it; the owner's pages on the way must pass axe (WCAG
// 2.2 AA, which needs script in the page) and not scroll sideways at 320 CSS pixels.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import {
  type AppPage,
  axeViolations,
  type E2E,
  newAppPage,
  signUpThroughForm,
  startE2E,
  submitForm,
} from './support.js';

const passphrase = 'lamp fiets regen appel';
let e2e: E2E | undefined;
const contexts: BrowserContext[] = [];

before(async () => {
  e2e = await startE2E({ RATE_LIMIT_MAX: '100000' });
});

after(async () => {
  for (const context of contexts) await context.close();
  await e2e?.close();
});

async function browserFor(javaScriptEnabled: boolean): Promise<AppPage> {
  assert.ok(e2e !== undefined, 'the app started');
  const { context, app } = await newAppPage(e2e.browser, e2e.baseUrl, {
    javaScriptEnabled,
    viewport: { width: 320, height: 640 },
    locale: 'nl-NL',
  });
  contexts.push(context);
  return app;
}

async function axeClean(app: AppPage, what: string): Promise<void> {
  const { count, description } = await axeViolations(app.page);
  assert.equal(count, 0, `${what}: ${description}`);
  const wide = await app.page.evaluate(
    () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
  );
  assert.equal(wide, false, `${what} scrolls sideways at 320 pixels`);
}

test('naming a trusted person and asking for access, with and without JavaScript, axe-clean', async () => {
  const owner = await browserFor(true);
  const trusted = await browserFor(false);
  const trustedName = `vertrouwd.${process.pid}`;
  await signUpThroughForm(owner, `eigenaar.${process.pid}`, passphrase);
  await signUpThroughForm(trusted, trustedName, passphrase);

  await trusted.open('/account/vertrouwenspersoon');
  assert.equal((await submitForm(trusted.page, 'Koppelcode maken', '/account/vertrouwenspersoon/code')).status(), 200);
  const code = (await trusted.page.locator('[data-offer-code]').innerText()).trim();

  await owner.open('/account');
  await owner.page.getByRole('link', { name: /Vertrouwenspersoon: een weg terug/ }).click();
  await owner.page.waitForLoadState('load');
  await axeClean(owner, "the owner's page without a trusted person");
  const fill = async (codeText: string) => {
    await owner.page.getByLabel('Gebruikersnaam van je vertrouwenspersoon').fill(trustedName);
    await owner.page.getByLabel('Koppelcode').fill(codeText);
    await owner.page.getByLabel('Je wachtwoordzin').fill(passphrase);
    return submitForm(owner.page, 'Vertrouwenspersoon kiezen', '/account/vertrouwenspersoon/kiezen');
  };
  assert.equal((await fill('0000-0000-0000-0000-0000-0000-0000')).status(), 400);
  assert.match(
    await owner.page.locator('.app-error-summary').innerText(),
    /Deze koppelcode klopt niet|horen niet bij elkaar/,
  );
  await axeClean(owner, 'the naming form with its problems');
  assert.equal((await fill(code)).status(), 303);
  assert.match(await owner.page.locator('main').innerText(), new RegExp(`Je vertrouwenspersoon is ${trustedName}`));
  await axeClean(owner, "the owner's page with a trusted person");

  await trusted.open('/account/vertrouwenspersoon');
  assert.equal((await submitForm(trusted.page, 'Toegang vragen', '/account/vertrouwenspersoon/vragen')).status(), 303);

  await owner.open('/account');
  assert.ok(await owner.page.locator('[data-trusted-notice]').isVisible(), 'the account page tells the owner');
  await axeClean(owner, 'the account page with the notice');
  await owner.open('/account/vertrouwenspersoon');
  await axeClean(owner, "the owner's page with a waiting request");
  assert.equal(
    (await submitForm(owner.page, 'Verzoek weigeren', '/account/vertrouwenspersoon/weigeren')).status(),
    303,
  );
  assert.match(await owner.page.locator('main').innerText(), /geweigerd/);
});
