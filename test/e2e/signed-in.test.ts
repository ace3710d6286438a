// Every public page and every public form, as a signed-in parent and as a signed-in (active) professional: the
// pages of sitePages in Dutch and English, the check (one outcome per advice level), the help finder search, page
// feedback, the language switch and quick exit (last: it ends the session). Each page must show the signed-in
// frame (not the anonymous one), pass axe (WCAG 2.2 AA), log no console errors, and no response may be a 5xx.
// One browser; one context per role, reused for all of that role's pages.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, ConsoleMessage } from 'playwright-core';
import { evaluate } from '../../src/features/check/scoring.js';
import type { AdviceLevel, Questionnaire } from '../../src/features/check/check.schema.js';
import { buildAdmin, buildProfessional } from '../helpers/factories.js';
import { type SmtpSink, startSmtpSink } from '../helpers/smtp-sink.js';
import {
  AppPage,
  axeViolations,
  type E2E,
  type Locale,
  locales,
  neutralTitle,
  originOf,
  pathAndQuery,
  signUpThroughForm,
  sitePages,
  startE2E,
} from './support.js';

const passphrase = 'lamp fiets regen appel';

let sink: SmtpSink | undefined;
let e2e: E2E | undefined;

before(async () => {
  sink = await startSmtpSink();
  // Rate limiting is not under test here; one browser walking many pages must not run into it.
  e2e = await startE2E({ RATE_LIMIT_MAX: '100000', SMTP_URL: sink.url, MAIL_FROM: 'no-reply@example.org' });
});

after(async () => {
  await e2e?.close();
  await sink?.close();
});

function ready(): E2E {
  if (e2e === undefined) throw new Error('the app did not start');
  return e2e;
}

// ---- Accounts made through the app's own pages (test/helpers/factories.ts), then handed to the browser ----

/**
 * Makes `context` a signed-in, active professional the way the app does it: an admin invites (the e-mail arrives
 * at the SMTP sink), the professional signs up from the link and sets up TOTP, and two admins approve. The
 * browser then holds the professional's cookies.
 */
async function becomeProfessional(context: BrowserContext, username: string): Promise<void> {
  const { target, baseUrl } = ready();
  const first = await buildAdmin(target, { username: 'beheerder.een', passphrase });
  const second = await buildAdmin(target, { username: 'beheerder.twee', passphrase });
  const [organisation] = await target.services.professionals.organisationChoices();
  assert.ok(organisation !== undefined, 'an organisation to invite for');
  const professional = await buildProfessional(target, {
    invitedBy: first,
    sink: sink!,
    organisationId: organisation.id,
    username,
    passphrase,
    activatedBy: [first, second],
  });
  await context.addCookies(
    Object.entries(professional.cookies).map(([name, value]) => ({ name, value, url: baseUrl })),
  );
  const account = await (await context.request.get(`${baseUrl}/account`)).text();
  assert.match(account, /goedgekeurd door beheerder\.een en beheerder\.twee/, 'the account is active');
}

// ---- The check: one answer set per advice level, found with the scoring itself ----------------------------------

/** Answers that lead to each advice level of the current questionnaire (whatever its content is). */
function answerSetsPerLevel(questionnaire: Questionnaire): Map<AdviceLevel, Map<string, string>> {
  const questions = questionnaire.groups.flatMap((group) => group.questions);
  const optionsOf = (id: string) =>
    (questionnaire.scales[questions.find((question) => question.id === id)!.scale] ?? []).map((option) => option.value);
  const levelOf = (answers: Map<string, string>) => evaluate(questionnaire, answers).level;
  const severity: Record<AdviceLevel, number> = {
    'blijf-in-gesprek': 0,
    'vraag-advies': 1,
    'bel-vandaag': 2,
    'bel-112': 3,
  };
  // Calm: "nee" where there is one; otherwise (the age) the option that weighs least.
  const calm = new Map(questions.map((question) => [question.id, optionsOf(question.id)[0]!]));
  for (const question of questions) {
    const options = optionsOf(question.id);
    if (options.includes('nee')) calm.set(question.id, 'nee');
    else {
      const least = options.reduce((best, option) =>
        severity[levelOf(new Map(calm).set(question.id, option))] <
        severity[levelOf(new Map(calm).set(question.id, best))]
          ? option
          : best,
      );
      calm.set(question.id, least);
    }
  }
  const found = new Map<AdviceLevel, Map<string, string>>([[levelOf(calm), calm]]);
  const singles = questions.flatMap((question) =>
    optionsOf(question.id)
      .filter((option) => option !== calm.get(question.id))
      .map((option) => [question.id, option] as const),
  );
  for (const [id, option] of singles) {
    const answers = new Map(calm).set(id, option);
    if (!found.has(levelOf(answers))) found.set(levelOf(answers), answers);
  }
  // Two ordinary signals together, for a level no single answer reaches.
  for (const [id, option] of singles) {
    for (const [other, otherOption] of singles) {
      if (other === id) continue;
      const answers = new Map(calm).set(id, option).set(other, otherOption);
      if (!found.has(levelOf(answers))) found.set(levelOf(answers), answers);
    }
    if (found.size === questionnaire.outcomes.length) break;
  }
  return found;
}

// ---- The walk --------------------------------------------------------------------------------------------------

interface Role {
  name: string;
  /** The account's own place in the menu: a parent's journal, a professional's case space. */
  ownSpace: { href: string; what: string };
  /** Signs in the fresh context as this role. */
  signIn(context: BrowserContext, app: AppPage): Promise<void>;
}

const roles: readonly Role[] = [
  {
    name: 'parent',
    ownSpace: { href: '/logboek', what: 'the journal' },
    signIn: async (_context, app) => {
      await signUpThroughForm(app, 'ouder.wandelt', passphrase);
    },
  },
  {
    name: 'professional',
    ownSpace: { href: '/samenwerken', what: 'the case space' },
    signIn: async (context) => {
      await becomeProfessional(context, 'hulp.wandelt');
    },
  },
];

const languageName: Record<Locale, string> = { nl: 'Dutch', en: 'English' };

for (const role of roles) {
  void describe(`signed in as a ${role.name}`, () => {
    let context: BrowserContext | undefined;
    let app: AppPage | undefined;
    /** Console errors and 5xx answers since the last test began. */
    let consoleErrors: string[] = [];
    let serverErrors: string[] = [];
    let expectedMissing: string | undefined;

    before(async () => {
      context = await ready().browser.newContext({ locale: 'nl-NL' });
      app = new AppPage(await context.newPage(), ready().baseUrl);
      context.on('response', (response) => {
        if (response.status() >= 500)
          serverErrors.push(`${response.status()} ${response.request().method()} ${response.url()}`);
      });
      app.page.on('console', (message: ConsoleMessage) => {
        if (message.type() !== 'error') return;
        // A 404 page's own status is logged by the browser as a failed load: the page working as intended.
        const where = message.location().url;
        if (expectedMissing !== undefined && where === expectedMissing && message.text().includes('status of 404'))
          return;
        consoleErrors.push(`${message.text()} (${where})`);
      });
      app.page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
      await role.signIn(context, app);
    });

    after(async () => {
      await context?.close();
    });

    const current = (): AppPage => {
      if (app === undefined) throw new Error('not signed in');
      consoleErrors = [];
      serverErrors = [];
      expectedMissing = undefined;
      return app;
    };

    /** The signed-in frame, axe clean, no console errors and no 5xx since the test began. */
    async function assertSignedInPage(page: AppPage, what: string): Promise<void> {
      assert.equal(
        await page.page.locator(`header a.app-nav__link[href="${role.ownSpace.href}"]`).count(),
        1,
        `${what}: ${role.ownSpace.what} in the menu`,
      );
      assert.equal(await page.footer.locator('a[href="/account"]').count(), 1, `${what}: the account in the footer`);
      assert.equal(await page.footer.locator('a[href="/inloggen"]').count(), 0, `${what}: no login link`);
      assert.equal(await page.page.locator('[data-idle-until]').count(), 1, `${what}: the time-out warning is there`);
      const { count, description } = await axeViolations(page.page);
      assert.equal(count, 0, `axe found ${count} violation(s) on ${what}:\n${description}`);
      assert.deepEqual(consoleErrors, [], `${what}: console errors`);
      assert.deepEqual(serverErrors, [], `${what}: server errors`);
    }

    for (const locale of locales) {
      void describe(`every public page in ${languageName[locale]}`, () => {
        before(async () => {
          await app?.chooseLanguage(locale);
        });
        after(async () => {
          await app?.chooseLanguage('nl');
        });

        for (const sitePage of sitePages) {
          test(`the ${sitePage.name} (${sitePage.path})`, async () => {
            const page = current();
            const url = new URL(sitePage.path, ready().baseUrl).href;
            expectedMissing = sitePage.status === 404 ? url : undefined;
            await page.open(sitePage.path, sitePage.status);
            assert.equal(await page.htmlLang(), locale);
            assert.equal(await page.heading(), sitePage.h1[locale], 'the page shows its own heading');
            await assertSignedInPage(page, `${sitePage.path} (${locale})`);
          });
        }
      });
    }

    void describe('every public form', () => {
      const questionnaire = () => ready().services.check.current();

      test('the check, once per advice level: an outcome page in the signed-in frame', async () => {
        const page = current();
        const sets = answerSetsPerLevel(questionnaire());
        assert.deepEqual(
          [...sets.keys()].sort(),
          questionnaire()
            .outcomes.map((outcome) => outcome.level)
            .sort(),
          'an answer set for every level',
        );
        for (const [level, answers] of sets) {
          await page.open('/check');
          // Clicking each radio is check.test.ts's part; here the answers are set in one step, then really submitted.
          await page.page.evaluate(
            (ids) => {
              for (const id of ids) (document.getElementById(id) as HTMLInputElement).checked = true;
            },
            [...answers].map(([id, value]) => `q-${id}-${value}`),
          );
          assert.equal(await page.page.locator('form.app-check input[type="radio"]:checked').count(), answers.size);
          const [response] = await Promise.all([
            page.page.waitForResponse(
              (candidate) => candidate.request().method() === 'POST' && new URL(candidate.url()).pathname === '/check',
            ),
            page.page.waitForEvent('load'),
            page.page.locator('form.app-check button[type="submit"]').click(),
          ]);
          assert.equal(response.status(), 200, `${level}: the outcome page`);
          assert.equal(await page.page.locator('article[data-advice-level]').getAttribute('data-advice-level'), level);
          await assertSignedInPage(page, `the ${level} outcome`);
        }
      });

      test('the help finder search', async () => {
        const page = current();
        await page.open('/hulp');
        const form = page.page.locator('main form.app-help-form');
        await form.getByLabel('Postcode of gemeente', { exact: true }).fill('Groningen');
        await Promise.all([
          page.page.waitForURL((url) => url.pathname === '/hulp' && url.searchParams.get('plaats') === 'Groningen', {
            waitUntil: 'load',
          }),
          form.getByRole('button', { name: 'Zoek hulp', exact: true }).click(),
        ]);
        assert.equal((await page.page.locator('#help-local').innerText()).trim(), 'Wie helpt er in Groningen?');
        await assertSignedInPage(page, 'a help finder result');
      });

      test('page feedback on an information page', async () => {
        const page = current();
        const infoPage = sitePages.find((entry) => entry.path.startsWith('/informatie/'));
        assert.ok(infoPage !== undefined, 'sitePages has an information page');
        await page.open(infoPage.path);
        const form = page.page.locator('form#feedback');
        assert.equal(await form.count(), 1, 'the page asks for feedback');
        await Promise.all([
          page.page.waitForURL((url) => url.searchParams.get('feedback') === 'ontvangen', { waitUntil: 'load' }),
          form.getByRole('button', { name: 'Ja', exact: true }).click(),
        ]);
        assert.equal(await page.page.locator('#feedback[role="status"]').count(), 1, 'thanked');
        await assertSignedInPage(page, 'the page after feedback');
      });

      test('the language switch in the header, and back', async () => {
        const page = current();
        await page.open('/nu');
        await Promise.all([page.page.waitForEvent('load'), page.languageLink.click()]);
        await page.page.locator('html[lang="en"]').waitFor({ state: 'attached' });
        assert.equal(pathAndQuery(page.page.url()), '/nu');
        await assertSignedInPage(page, '/nu after switching to English');
        await Promise.all([page.page.waitForEvent('load'), page.languageLink.click()]);
        await page.page.locator('html[lang="nl"]').waitFor({ state: 'attached' });
        assert.equal(pathAndQuery(page.page.url()), '/nu');
        await assertSignedInPage(page, '/nu after switching back to Dutch');
      });

      test('quick exit (last): to the neutral site, and the session is over', async () => {
        const page = current();
        const base = ready().baseUrl;
        await page.open('/informatie');
        await page.page.locator('body.js-enabled').waitFor({ state: 'attached' });
        const session = (await context!.cookies(base)).find((cookie) => cookie.name.endsWith('sessie'));
        assert.ok(session !== undefined, 'signed in before leaving');
        const [exit] = await Promise.all([
          page.page.waitForResponse(
            (response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/weg',
          ),
          page.quickExit.click(),
        ]);
        assert.equal(exit.status(), 204);
        await page.page.waitForURL((url) => originOf(url.href) === originOf(ready().neutralUrl));
        assert.equal(await page.page.title(), neutralTitle);
        assert.equal(await ready().services.accounts.currentSession(session.value), undefined, 'the session has ended');
        assert.deepEqual(consoleErrors, [], 'console errors');
        assert.deepEqual(serverErrors, [], 'server errors');
      });
    });
  });
}
