// Browser set-up shared by the CMS's browser tests (issue 16): fresh browser contexts (with or without
// JavaScript), a click on a form's button that answers with the status of the POST it sent, and an editorial
// account (editor or reviewer) made from a set-up link with TOTP as its second factor.

import { generate } from 'otplib';
import type { BrowserContext, Page } from 'playwright-core';
import type { E2E } from './support.js';

/** Clicks the first button of that name that sends a form; the status of the POST (303 when done, 4xx with the reason). */
export async function click(page: Page, name: string): Promise<number> {
  const [response] = await Promise.all([
    page.waitForEvent('response', (candidate) => candidate.request().isNavigationRequest()),
    page.getByRole('button', { name, exact: true }).first().click(),
  ]);
  await page.waitForLoadState('load');
  return response.status();
}

export interface EditorialDevices {
  /** A page in a new Dutch browser context, with or without JavaScript. */
  device: (javaScript: boolean) => Promise<Page>;
  /** An editorial account from a set-up link: account, recovery code, TOTP as the second factor. */
  editorialUser: (name: string, role: 'editor' | 'reviewer', javaScript: boolean) => Promise<Page>;
  /** Closes every context opened (for the file's after() hook). */
  close: () => Promise<void>;
}

/** `e2e` gives the running app and browser (started in the file's before() hook); every account has `passphrase`. */
export function editorialDevices(e2e: () => E2E, passphrase: string): EditorialDevices {
  const contexts: BrowserContext[] = [];
  async function device(javaScript: boolean): Promise<Page> {
    const context = await e2e().browser.newContext({ locale: 'nl-NL', javaScriptEnabled: javaScript });
    contexts.push(context);
    return context.newPage();
  }
  return {
    device,
    editorialUser: async (name, role, javaScript) => {
      const page = await device(javaScript);
      const token = await e2e().services.accounts.createAdminSetupLink(`${name}@example.org`, role);
      await page.goto(`${e2e().baseUrl}/beheer/start/${token}`);
      await page.getByLabel('Gebruikersnaam', { exact: true }).fill(name);
      await page.getByLabel('Wachtwoordzin', { exact: true }).fill(passphrase);
      await page.getByLabel('Wachtwoordzin nog een keer', { exact: true }).fill(passphrase);
      await click(page, 'Account maken');
      await Promise.all([
        page.waitForURL(/\/account\/tweede-stap$/),
        page.getByRole('link', { name: 'Ik heb de code bewaard, ga verder' }).click(),
      ]);
      const secret = (await page.locator('[data-totp-secret]').innerText()).replace(/\s/g, '');
      await page.getByLabel('Code van 6 cijfers').fill(await generate({ secret }));
      await click(page, 'Tweede stap aanzetten');
      return page;
    },
    close: async () => {
      for (const context of contexts) await context.close().catch(() => undefined);
    },
  };
}
