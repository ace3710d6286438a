// Shared set-up for the browser tests: the real app on 127.0.0.1, a stand-in "neutral website" for quick exit
// to go to (the real default is an external site this closed network cannot reach), and one chromium.
// Not a test file itself: it must not end in .test.ts.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContext, type Page, type Response, chromium } from 'playwright-core';
import { buildTestApp } from '../helpers/app.js';
import type { AppUnderTest } from '../helpers/factories.js';
import type { Services } from '../../src/services.js';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const neutralTitle = 'Neutral';

/** The pages every browser test walks through, with the heading each shows in Dutch and English. */
export interface SitePage {
  /** The path, with a query string for a page that shows a result (e.g. /hulp?postcode=9711). */
  path: string;
  /** A short name for test titles. */
  name: string;
  status: number;
  h1: { nl: string; en: string };
}

export const sitePages: readonly SitePage[] = [
  { path: '/', name: 'home page', status: 200, h1: { nl: 'Zorgen over je kind?', en: 'Worried about your child?' } },
  { path: '/informatie', name: 'information index', status: 200, h1: { nl: 'Informatie', en: 'Information' } },
  {
    path: '/informatie/over-deze-site',
    name: 'about page',
    status: 200,
    h1: { nl: 'Over deze site', en: 'About this site' },
  },
  {
    path: '/informatie/veilig-gebruik',
    name: 'safe-use page',
    status: 200,
    h1: { nl: 'Veilig gebruik van deze site', en: 'Using this site safely' },
  },
  {
    path: '/informatie/na-een-aangifte',
    name: 'criminal-route page',
    status: 200,
    h1: { nl: 'Na een aangifte: de politie en de strafzaak', en: 'After a report: the police and the criminal case' },
  },
  {
    path: '/informatie/jeugdhulp-en-bescherming',
    name: 'youth-care-route page',
    status: 200,
    h1: { nl: 'Jeugdhulp, opvang en jeugdbescherming', en: 'Youth care, shelter and child protection' },
  },
  {
    path: '/informatie/klachten-en-nazorg',
    name: 'complaints-and-aftercare page',
    status: 200,
    h1: { nl: 'Klagen, steun en nazorg', en: 'Complaints, support and aftercare' },
  },
  {
    path: '/informatie/jongens-en-lhbtiq-jongeren',
    name: 'boys and LGBTQ page',
    status: 200,
    h1: { nl: 'Jongens en lhbtiq-jongeren', en: 'Boys and LGBTQ young people' },
  },
  { path: '/nu', name: 'right-now page', status: 200, h1: { nl: 'Wat moet ik nu doen?', en: 'What should I do now?' } },
  {
    path: '/samenwerken/hoe-het-werkt',
    name: 'pathway page',
    status: 200,
    h1: { nl: 'Samenwerken rond je kind: zo werkt het', en: 'Working together around your child: how it works' },
  },
  {
    path: '/samenwerken/jongeren',
    name: 'pathway page for young people',
    status: 200,
    h1: {
      nl: 'Samenwerken rond jou: uitleg voor jongeren',
      en: 'Working together around you: explained for young people',
    },
  },
  { path: '/check', name: 'signals check form', status: 200, h1: { nl: 'Check je zorgen', en: 'Check your worries' } },
  { path: '/hulp', name: 'help finder', status: 200, h1: { nl: 'Hulp in de buurt', en: 'Help near you' } },
  {
    path: '/hulp?postcode=9711',
    name: 'help finder result',
    status: 200,
    h1: { nl: 'Hulp in de buurt', en: 'Help near you' },
  },
  { path: '/inzichten', name: 'insights page', status: 200, h1: { nl: 'Inzichten', en: 'Insights' } },
  {
    path: '/inzichten/methode',
    name: 'insights method page',
    status: 200,
    h1: { nl: 'Inzichten: hoe we tellen', en: 'Insights: how we count' },
  },
  {
    path: '/bestaat-niet',
    name: 'not-found page',
    status: 404,
    h1: { nl: 'Pagina niet gevonden', en: 'Page not found' },
  },
];

export type Locale = 'nl' | 'en';
export const locales: readonly Locale[] = ['nl', 'en'];

/** Emergency lines in the footer of every page, as their tel: links. */
export const emergencyLines = [
  { number: '112', href: 'tel:112' },
  { number: '0900-8844', href: 'tel:09008844' },
  { number: '0800-2000', href: 'tel:08002000' },
] as const;

export interface E2E {
  /** The app's origin, e.g. http://127.0.0.1:43567 (no trailing slash). */
  baseUrl: string;
  /** The neutral site's start page (with a trailing slash), where quick exit goes. */
  neutralUrl: string;
  browser: Browser;
  /** Every visit to the neutral site, in order (path only). */
  neutralVisits: string[];
  /** The app's services, for a test that has to set up what a browser cannot (an export held mid-way). */
  services: Services;
  /** The app in this process, for the account factories (test/helpers/factories.ts). */
  target: AppUnderTest;
  close(): Promise<void>;
}

function startNeutralSite(visits: string[]): Promise<Server> {
  const server = createServer((request, response) => {
    visits.push(request.url ?? '/');
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.end(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${neutralTitle}</title></head>` +
        '<body><h1>Neutral</h1><p>An ordinary page.</p></body></html>',
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** One running instance of the app: its origin, and how to stop it (and drop its database). */
export interface AppServer {
  /** The app's origin, e.g. http://127.0.0.1:43567 (no trailing slash). */
  baseUrl: string;
  services: Services;
  target: AppUnderTest;
  close(): Promise<void>;
}

/**
 * The real app (SQLite, seeded from content/) listening on 127.0.0.1, with quick exit pointed at neutralUrl and
 * `env` overriding configuration. startE2E() starts one; a test file that needs a second app with other settings
 * (e.g. a short idle time-out) starts it with this and closes it itself.
 */
export async function startAppServer(neutralUrl: string, env: Record<string, string> = {}): Promise<AppServer> {
  const testApp = await buildTestApp('sqlite', { QUICK_EXIT_URL: neutralUrl, ...env });
  try {
    await testApp.app.listen({ host: '127.0.0.1', port: 0 });
  } catch (error) {
    await testApp.close();
    throw error;
  }
  const baseUrl = `http://127.0.0.1:${(testApp.app.server.address() as AddressInfo).port}`;
  return { baseUrl, services: testApp.services, target: testApp, close: () => testApp.close() };
}

/**
 * Starts the neutral site, the real app (SQLite, seeded from content/) pointed at it for quick exit, and
 * chromium. close() stops all three; it is safe to call when start-up failed half-way.
 */
export async function startE2E(env: Record<string, string> = {}): Promise<E2E> {
  const neutralVisits: string[] = [];
  const cleanups: Array<() => Promise<void>> = [];
  const close = async () => {
    for (let cleanup = cleanups.pop(); cleanup; cleanup = cleanups.pop()) {
      try {
        await cleanup();
      } catch (error) {
        console.error('e2e clean-up failed:', error);
      }
    }
  };
  try {
    const neutral = await startNeutralSite(neutralVisits);
    cleanups.push(() => closeServer(neutral));
    const neutralUrl = `http://127.0.0.1:${(neutral.address() as AddressInfo).port}/`;

    const app = await startAppServer(neutralUrl, env);
    cleanups.push(() => app.close());
    const { baseUrl, services, target } = app;

    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: chromiumArgs,
    });
    cleanups.push(() => browser.close());

    return { baseUrl, neutralUrl, browser, neutralVisits, services, target, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Submits a form by its button and returns the answer to the POST it sends (to `path`, when given), after the
 * document it leads to (a page, or the target of its redirect) has loaded.
 */
export async function submitForm(page: Page, buttonName: string, path?: string): Promise<Response> {
  const [response] = await Promise.all([
    page.waitForResponse(
      (candidate) =>
        candidate.request().method() === 'POST' && (path === undefined || new URL(candidate.url()).pathname === path),
    ),
    page.waitForEvent('framenavigated', (frame) => frame === page.mainFrame()),
    page.getByRole('button', { name: buttonName, exact: true }).click(),
  ]);
  await page.waitForLoadState('load');
  return response;
}

/** Signs up as a parent through /registreren and expects the recovery-code page. */
export async function signUpThroughForm(app: AppPage, username: string, passphrase: string): Promise<void> {
  await app.open('/registreren');
  await app.page.getByLabel('Gebruikersnaam', { exact: true }).fill(username);
  await app.page.getByLabel('Wachtwoordzin', { exact: true }).fill(passphrase);
  await app.page.getByLabel('Wachtwoordzin nog een keer', { exact: true }).fill(passphrase);
  const response = await submitForm(app.page, 'Account maken', '/registreren');
  if (response.status() !== 200) throw new Error(`sign-up answered ${response.status()}`);
}

/**
 * Reads `read` again (every 50 ms) until `done` holds for what it returns, and returns the last reading, for what
 * the browser finishes in the background (Clear-Site-Data, a service worker's cache write). The caller asserts on
 * the reading. The 30 s bound only keeps a broken test from hanging: it is not a requirement, and no test may
 * depend on how long the wait took.
 */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const giveUpAt = Date.now() + 30_000;
  let value = await read();
  while (!done(value) && Date.now() < giveUpAt) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}

/** A page of the app with the actions the tests share. */
export class AppPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  /** Opens a path of the app and waits for the document; fails on an unexpected status. */
  async open(path: string, expectedStatus = 200): Promise<Response> {
    const response = await this.page.goto(new URL(path, this.baseUrl).href, { waitUntil: 'load' });
    if (response === null) throw new Error(`no response for ${path}`);
    if (response.status() !== expectedStatus) {
      throw new Error(`${path} answered ${response.status()}, expected ${expectedStatus}`);
    }
    return response;
  }

  /** Chooses a language the way a visitor does without the header link: /taal/<lang>?terug=<path>. */
  async chooseLanguage(locale: Locale, back = '/'): Promise<void> {
    await this.page.goto(`${this.baseUrl}/taal/${locale}?terug=${encodeURIComponent(back)}`, { waitUntil: 'load' });
  }

  htmlLang(): Promise<string | null> {
    return this.page.locator('html').getAttribute('lang');
  }

  heading(): Promise<string> {
    return this.page.locator('h1').first().innerText();
  }

  get quickExit() {
    return this.page.locator('a.app-quick-exit');
  }

  get quickExitStatus() {
    return this.page.locator('[data-quick-exit-status]');
  }

  get languageLink() {
    return this.page.locator('a.app-nav__link--language');
  }

  get footer() {
    return this.page.locator('footer.app-footer');
  }

  /** True when the page's origin is the app's. */
  isOnApp(): boolean {
    return originOf(this.page.url()) === new URL(this.baseUrl).origin;
  }
}

/** The path and query string of a URL, as the site page list writes them (e.g. /hulp?postcode=9711). */
export function pathAndQuery(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}

export function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'null';
  }
}

/** A fresh context and page; the caller closes the context. */
export async function newAppPage(
  browser: Browser,
  baseUrl: string,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<{ context: BrowserContext; app: AppPage }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  return { context, app: new AppPage(page, baseUrl) };
}

/** The axe rule tags every page is checked against: WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface AxeViolationLike {
  id: string;
  impact?: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown; failureSummary?: string | undefined }[];
}

/** One readable block per violation: rule, impact, help, and every offending element. */
export function describeViolations(violations: readonly AxeViolationLike[]): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes
        .map((node) => `    - ${JSON.stringify(node.target)}\n      ${(node.failureSummary ?? '').replace(/\n/g, ' ')}`)
        .join('\n');
      return `  ${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help}\n    ${violation.helpUrl}\n${nodes}`;
    })
    .join('\n');
}

/**
 * Runs axe with the WCAG 2.2 A/AA tags on the page as it is now and returns its violations, described. Only in
 * a context with JavaScript enabled: axe hangs where JavaScript is off (see STACK.md).
 */
export async function axeViolations(page: Page): Promise<{ count: number; description: string }> {
  const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  return { count: results.violations.length, description: describeViolations(results.violations) };
}
