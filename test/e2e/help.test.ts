// The help finder (/hulp) in a real browser, used like a parent would: type a postcode or a municipality into
// the one field and submit, with JavaScript on and off. Also: the offline copy of the last result kept by the
// service worker (and removed by quick exit), and the small help form on the outcome page of the signals check.
// Axe runs only in the JavaScript context: it hangs where JavaScript is off (see STACK.md).

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { loadQuestionnaires } from '../../src/features/check/questionnaires.js';
import { questionnairesDir } from '../../src/shared/paths.js';
import { AppPage, axeViolations, type E2E, eventually, neutralTitle, originOf, startE2E } from './support.js';

/** The title of every help-finder page that is not an error: the place looked up is never in it. */
const helpTitle = 'Hulp in de buurt – Niet mijn kind';
const helpHeading = 'Hulp in de buurt';
const fieldLabel = 'Postcode of gemeente';
/** Where the service worker keeps the last help-finder result (src/features/offline/service-worker.js). */
const lastResultKey = '/hulp?laatste-resultaat';

// ---- A complete, calm answer set for the signals check, from the questionnaire the app shows ----------------

const questionnaire = loadQuestionnaires(questionnairesDir).current;

/** "nee" everywhere and a child of 13 to 15, as in check.test.ts: the lowest advice level. */
function calmAnswers(): Map<string, string> {
  const answers = new Map<string, string>();
  for (const { id, scale } of questionnaire.groups.flatMap((group) => group.questions)) {
    const value = id === 'leeftijd' ? '13-15' : 'nee';
    const offered = questionnaire.scales[scale]?.map((option) => option.value) ?? [];
    assert.ok(offered.includes(value), `question "${id}" offers "${value}"`);
    answers.set(id, value);
  }
  return answers;
}

// ---- The browser -----------------------------------------------------------------------------------------------

interface Mode {
  name: string;
  javaScript: boolean;
}
const modes: readonly Mode[] = [
  { name: 'with JavaScript', javaScript: true },
  { name: 'without JavaScript', javaScript: false },
];

let e2e: E2E | undefined;
const contexts: BrowserContext[] = [];
const apps = new Map<boolean, AppPage>();

before(async () => {
  // Rate limiting is not under test here; one browser searching many times must not run into it.
  e2e = await startE2E({ RATE_LIMIT_MAX: '100000' });
  for (const { javaScript } of modes) {
    const context = await e2e.browser.newContext({ javaScriptEnabled: javaScript, locale: 'nl-NL' });
    contexts.push(context);
    apps.set(javaScript, new AppPage(await context.newPage(), e2e.baseUrl));
  }
});

after(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await e2e?.close();
});

function appFor(mode: Mode): AppPage {
  const app = apps.get(mode.javaScript);
  if (app === undefined) throw new Error('the app did not start');
  return app;
}

/**
 * Types `text` into the field labelled "Postcode of gemeente" of the help form on the current page, clicks
 * "Zoek hulp" and waits for the answer page; returns its HTTP status.
 */
async function search(app: AppPage, text: string): Promise<number> {
  const form = app.page.locator('form.app-help-form');
  assert.equal(await form.count(), 1, 'the page has one help form');
  await form.getByLabel(fieldLabel, { exact: true }).fill(text);
  const isAnswer = (url: URL) => url.pathname === '/hulp' && url.searchParams.get('plaats') === text;
  const [response] = await Promise.all([
    app.page.waitForResponse(
      (candidate) => candidate.request().isNavigationRequest() && isAnswer(new URL(candidate.url())),
    ),
    app.page.waitForURL(isAnswer, { waitUntil: 'load' }),
    form.getByRole('button', { name: 'Zoek hulp', exact: true }).click(),
  ]);
  return response.status();
}

/** Opens the empty help finder and searches for `text` with its form. */
async function searchFromStart(app: AppPage, text: string): Promise<number> {
  await app.open('/hulp');
  return search(app, text);
}

/** The heading of the "who helps in …" section, or null when the page shows no place. */
async function localHeading(app: AppPage): Promise<string | null> {
  const heading = app.page.locator('#help-local');
  return (await heading.count()) === 0 ? null : (await heading.innerText()).trim();
}

async function assertPlaceFound(app: AppPage, place: string): Promise<void> {
  assert.equal(await app.heading(), helpHeading);
  assert.equal(await localHeading(app), `Wie helpt er in ${place}?`);
  assert.equal(await app.page.title(), helpTitle, 'the title is the same for every place (it is not in it)');
}

async function assertNoAxeViolations(app: AppPage, what: string): Promise<void> {
  const { count, description } = await axeViolations(app.page);
  assert.equal(count, 0, `axe found ${count} violation(s) on ${what}:\n${description}`);
}

// ---- Searching, with JavaScript on and off --------------------------------------------------------------------

for (const mode of modes) {
  void describe(`the help finder ${mode.name}`, () => {
    test(`the context really runs ${mode.name}`, async () => {
      const app = appFor(mode);
      await app.open('/hulp');
      assert.equal(await app.page.locator('body.js-enabled').count(), mode.javaScript ? 1 : 0);
    });

    test('the field suggests all 342 municipalities from a datalist (#gemeenten)', async () => {
      const app = appFor(mode);
      await app.open('/hulp');
      const field = app.page.getByLabel(fieldLabel, { exact: true });
      assert.equal(await field.getAttribute('id'), 'plaats');
      assert.equal(await field.getAttribute('list'), 'gemeenten');
      const names = await app.page
        .locator('datalist#gemeenten option')
        .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
      assert.equal(names.length, 342, 'one option per municipality');
      assert.equal(new Set(names).size, 342, 'no municipality twice');
      for (const name of ['Groningen', "'s-Gravenhage", 'Ouder-Amstel', 'Maastricht']) {
        assert.ok(names.includes(name), `${name} is suggested`);
      }
    });

    test('"9711 AB" shows who helps in Groningen: the police unit and the Veilig Thuis and police numbers', async () => {
      const app = appFor(mode);
      assert.equal(await searchFromStart(app, '9711 AB'), 200);
      await assertPlaceFound(app, 'Groningen');
      const local = app.page.locator('section[aria-labelledby="help-local"]');
      assert.ok((await local.innerText()).includes('Politie-eenheid Noord-Nederland'), 'the police unit is named');
      for (const href of ['tel:09008844', 'tel:08002000']) {
        const link = local.locator(`a[href="${href}"]`);
        assert.equal(await link.count(), 1, `the result itself (not only the footer) links to ${href}`);
        assert.ok(await link.isVisible(), `the ${href} link is visible`);
      }
      assert.equal(
        await app.page.getByLabel(fieldLabel, { exact: true }).inputValue(),
        '9711 AB',
        'the field keeps what was typed',
      );
      // Each organisation says where its details come from; nobody has checked the organisations' own sites.
      const cards = app.page.locator('li.app-org');
      const sources = await app.page.locator('li.app-org .app-org__source').allInnerTexts();
      assert.equal(sources.length, await cards.count(), 'one source line per organisation');
      for (const source of sources) assert.match(source, /^Bron: .+\. Niet gecontroleerd sinds .+\.$/);
      if (mode.javaScript) await assertNoAxeViolations(app, 'the result for 9711 AB');
    });

    test('"1096" asks which municipality is meant, and choosing Ouder-Amstel shows who helps there', async () => {
      const app = appFor(mode);
      assert.equal(await searchFromStart(app, '1096'), 200);
      assert.equal(await app.page.locator('#help-choose').innerText(), 'Welke gemeente bedoel je?');
      assert.equal(await localHeading(app), null, 'no place is shown yet');
      assert.equal(await app.page.title(), helpTitle);
      const choices = app.page.locator('section[aria-labelledby="help-choose"] a');
      const links = await choices.evaluateAll((anchors) =>
        anchors.map((anchor) => ({ text: anchor.textContent ?? '', href: anchor.getAttribute('href') ?? '' })),
      );
      assert.deepEqual(
        links.map((link) => link.text.replace(/\s*\(.*\)$/, '')),
        ['Amsterdam', 'Ouder-Amstel'],
        'one link per municipality of postcode 1096',
      );
      for (const link of links) assert.match(link.href, /^\/hulp\?gemeente=GM\d{4}$/, `${link.text} links by its code`);
      if (mode.javaScript) await assertNoAxeViolations(app, 'the choice for 1096');

      await Promise.all([
        app.page.waitForURL((url) => url.searchParams.has('gemeente'), { waitUntil: 'load' }),
        choices.filter({ hasText: 'Ouder-Amstel' }).click(),
      ]);
      await assertPlaceFound(app, 'Ouder-Amstel');
    });

    test('"Den Haag" finds the municipality \'s-Gravenhage', async () => {
      const app = appFor(mode);
      assert.equal(await searchFromStart(app, 'Den Haag'), 200);
      await assertPlaceFound(app, "'s-Gravenhage");
    });

    test('"0000" gives a 400 page with an error summary that leads to the field, and 112 stays on the page', async () => {
      const app = appFor(mode);
      const page = app.page;
      assert.equal(await searchFromStart(app, '0000'), 400);
      assert.equal(await app.heading(), helpHeading);
      assert.ok(!(await page.title()).includes('0000'), 'what was typed is not in the title');

      const summary = page.locator('.app-error-summary');
      assert.equal(await summary.count(), 1, 'the page has an error summary');
      assert.equal((await summary.locator('h2').innerText()).trim(), 'Er is iets mis met wat je invulde');
      const field = page.locator('#plaats');
      assert.equal(await field.getAttribute('aria-invalid'), 'true');
      assert.equal(await field.inputValue(), '0000', 'the field keeps what was typed');
      assert.ok(
        (await field.getAttribute('aria-describedby'))?.split(' ').includes('plaats-error'),
        'the field is described by its error message',
      );
      const emergency = page.locator('main a[href="tel:112"]');
      assert.ok((await emergency.count()) >= 1, 'the page itself (not only the footer) still links to 112');
      assert.ok(await emergency.first().isVisible(), 'the 112 link is visible');

      if (mode.javaScript) {
        assert.equal(
          await page.evaluate(() => document.activeElement?.classList.contains('app-error-summary') ?? false),
          true,
          'the error summary has focus on load',
        );
        // As in check.test.ts: focusing the summary scrolls the header under the sticky quick-exit bar, which
        // axe's target-size rule then counts as obscuring the header links. Judge the page scrolled to the top.
        await page.evaluate(() => window.scrollTo(0, 0));
        await assertNoAxeViolations(app, 'the help finder with an invalid postcode');
      }

      const link = summary.locator('a');
      assert.equal(await link.getAttribute('href'), '#plaats');
      await link.click();
      await page.waitForURL((url) => url.hash === '#plaats');
      assert.equal(
        await page.evaluate(() => document.activeElement?.id ?? null),
        'plaats',
        'the summary link moves focus to the field',
      );
    });

    test('"Atlantis" says the place is unknown and still lists the national lines', async () => {
      const app = appFor(mode);
      assert.equal(await searchFromStart(app, 'Atlantis'), 200);
      assert.equal(await app.page.title(), helpTitle);
      assert.equal(await app.page.locator('#help-unknown').innerText(), 'Deze plaats kennen we niet');
      assert.equal(await localHeading(app), null, 'no place is shown');
      const national = app.page.locator('section[aria-labelledby="help-national"]');
      assert.equal(await national.count(), 1, 'the national lines section is there');
      assert.equal((await national.locator('h2').innerText()).trim(), 'Landelijke hulplijnen');
      assert.ok((await national.locator('li.app-org').count()) >= 1, 'with at least one organisation');
      assert.ok(await national.locator('a[href="tel:08000188"]').isVisible(), 'e.g. Centrum Seksueel Geweld');
      if (mode.javaScript) await assertNoAxeViolations(app, 'the help finder for an unknown place');
    });

    test('the outcome of the signals check has a help form: "6211" shows who helps in Maastricht', async () => {
      const app = appFor(mode);
      await app.open('/check');
      for (const [id, value] of calmAnswers()) await app.page.click(`#q-${id}-${value}`, { force: true });
      await Promise.all([
        app.page.waitForResponse(
          (response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/check',
        ),
        app.page.waitForEvent('load'),
        app.page.locator('form.app-check button[type="submit"]').click(),
      ]);
      const outcome = app.page.locator('article.app-outcome');
      assert.equal(await outcome.getAttribute('data-advice-level'), 'blijf-in-gesprek', 'the outcome page is shown');
      assert.equal(
        await outcome.getByRole('heading', { name: 'Zoek hulp bij jou in de buurt', exact: true }).count(),
        1,
        'the outcome offers to find help nearby',
      );
      const form = outcome.locator('form.app-help-form');
      assert.equal(await form.count(), 1, 'the help form is in the outcome');

      // The form posts the advice level (counted by region, issue 18) and is sent on to the help finder's page
      // for the place, whose address holds the place only: never the advice level.
      await form.getByLabel(fieldLabel, { exact: true }).fill('6211');
      const isAnswer = (url: URL) => url.pathname === '/hulp';
      const [response] = await Promise.all([
        app.page.waitForResponse(
          (candidate) => candidate.request().isNavigationRequest() && isAnswer(new URL(candidate.url())),
        ),
        app.page.waitForURL(isAnswer, { waitUntil: 'load' }),
        form.getByRole('button', { name: 'Zoek hulp', exact: true }).click(),
      ]);
      assert.equal(response.status(), 200);
      const address = new URL(app.page.url());
      assert.ok([...address.searchParams.values()].includes('6211'), `the place is in ${address.search}`);
      assert.ok(!address.search.includes('blijf-in-gesprek'), 'no advice level in the address');
      await assertPlaceFound(app, 'Maastricht');
    });
  });
}

// ---- The last result without a connection (JavaScript on, a context of its own) -------------------------------

test('the service worker keeps only the last result, shows it without a connection, and quick exit removes it', async () => {
  if (e2e === undefined) throw new Error('the app did not start');
  const context = await e2e.browser.newContext({ locale: 'nl-NL' });
  contexts.push(context);
  const app = new AppPage(await context.newPage(), e2e.baseUrl);
  const page = app.page;

  // One visit to /nu installs the worker; after a reload it controls the page.
  await app.open('/nu');
  await page.locator('body.js-enabled').waitFor({ state: 'attached' });
  await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  await page.reload({ waitUntil: 'load' });
  assert.equal(await page.evaluate(() => navigator.serviceWorker.controller !== null), true, 'the worker controls');

  // Two searches: only the last one may be kept.
  assert.equal(await searchFromStart(app, 'Den Haag'), 200);
  assert.equal(await search(app, '9711 AB'), 200);
  assert.equal(new URL(page.url()).search, '?plaats=9711+AB', 'the form navigated to /hulp?plaats=9711 AB');
  await assertPlaceFound(app, 'Groningen');

  // The worker stores its copy without holding up the page: wait until the stored copy is this result.
  const storedResult = () =>
    page.evaluate(async (key) => (await (await caches.match(key))?.text()) ?? '', lastResultKey);
  const stored = await eventually(storedResult, (text) => text.includes('Wie helpt er in Groningen?'));
  assert.ok(stored.includes('Wie helpt er in Groningen?'), `the last result is stored under ${lastResultKey}`);
  assert.deepEqual(
    [...stored.matchAll(/data-place="([^"]*)"/g)].map((match) => match[1]),
    ['GM0014'],
    "it is the result for Groningen (GM0014) only, not the earlier one for 's-Gravenhage",
  );
  assert.ok(!stored.includes('_csrf'), 'the stored result holds no form token');

  const urls = await page.evaluate(async () => {
    const all: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) all.push(request.url);
    }
    return all;
  });
  const appOrigin = originOf(e2e.baseUrl);
  const helpEntries = urls.filter((url) => new URL(url).pathname === '/hulp');
  assert.deepEqual(helpEntries, [`${e2e.baseUrl}${lastResultKey}`], 'one /hulp entry, under its fixed key');
  const others = urls.filter((url) => {
    const parsed = new URL(url);
    if (parsed.pathname === '/hulp') return false;
    return (
      parsed.origin !== appOrigin ||
      parsed.search !== '' ||
      !(parsed.pathname === '/nu' || parsed.pathname.startsWith('/assets/'))
    );
  });
  assert.deepEqual(others, [], `besides it only /nu and /assets/* are cached (cached: ${urls.join(', ')})`);

  await context.setOffline(true);
  try {
    for (const path of ['/hulp?plaats=1234', '/hulp']) {
      const response = await page.goto(new URL(path, e2e.baseUrl).href, { waitUntil: 'load' });
      assert.ok(response?.fromServiceWorker(), `${path} came from the service worker`);
      assert.equal(response?.status(), 200);
      await assertPlaceFound(app, 'Groningen');
      assert.ok(await page.locator('main a[href="tel:112"]').first().isVisible(), 'with the 112 link');
      const background = await app.quickExit.evaluate((element) => getComputedStyle(element).backgroundColor);
      assert.notEqual(background, 'rgba(0, 0, 0, 0)', 'with its styles');
    }
  } finally {
    await context.setOffline(false);
  }

  // Quick exit (Clear-Site-Data "storage") removes the worker and every cache, the stored result with them.
  await app.open('/hulp?plaats=9711 AB');
  await page.locator('body.js-enabled').waitFor({ state: 'attached' });
  await app.quickExit.click();
  await page.waitForURL((url) => originOf(url.href) === originOf(e2e?.neutralUrl ?? ''));
  assert.equal(await page.title(), neutralTitle);

  // Back on the origin, on a page that runs no script (a page of the app would register the worker again).
  await app.open('/robots.txt');
  const storage = () =>
    page.evaluate(async () => ({
      registrations: (await navigator.serviceWorker.getRegistrations()).map((registration) => registration.scope),
      caches: await caches.keys(),
    }));
  const left = await eventually(storage, (now) => now.registrations.length === 0 && now.caches.length === 0);
  assert.deepEqual(left.registrations, [], 'no service worker registration survives quick exit');
  assert.deepEqual(left.caches, [], 'no cache (and so no stored result) survives quick exit');
});
