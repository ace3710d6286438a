// The signals check (/check) in a real browser, filled in and submitted like a parent would: every advice level
// with JavaScript on and off, every acute answer, the family branch, missing answers and a keyboard-only pass.
// Answer sets are built from the current questionnaire (content/check/v2.json) itself, so they follow the questionnaire's own data. Axe
// runs only in the JavaScript context: it hangs where JavaScript is off (see STACK.md).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { AppPage, axeViolations, type E2E, startE2E } from './support.js';

// ---- The questionnaire, read from its content file ----------------------------------------------------------

type Level = 'bel-112' | 'bel-vandaag' | 'vraag-advies' | 'blijf-in-gesprek';

interface QuestionData {
  id: string;
  scale: string;
  category?: string;
  weight?: number;
  critical?: boolean;
  acute?: string;
  family?: boolean;
}

interface QuestionnaireData {
  version: number;
  title: { nl: string };
  scales: Record<string, { value: string }[]>;
  groups: { id: string; questions: QuestionData[] }[];
  outcomes: { level: Level; title: { nl: string } }[];
  situations: Record<string, { title: { nl: string } }>;
  branches: { family: { title: { nl: string } } };
}

const questionnaire = JSON.parse(
  readFileSync(new URL('../../content/check/v2.json', import.meta.url), 'utf8'),
) as QuestionnaireData;
const questions = questionnaire.groups.flatMap((group) => group.questions);
const questionById = new Map(questions.map((question) => [question.id, question]));

function question(id: string): QuestionData {
  const found = questionById.get(id);
  if (found === undefined) throw new Error(`content/check/v2.json has no question "${id}"`);
  return found;
}

function optionsOf(id: string): string[] {
  const options = questionnaire.scales[question(id).scale]?.map((option) => option.value) ?? [];
  if (options.length === 0) throw new Error(`question "${id}" has no answer options`);
  return options;
}

/** The id of a radio button, as the form renders it (src/features/check/views/check-form.view.tsx). */
const radioId = (id: string, value: string) => `q-${id}-${value}`;

const severity: Record<Level, number> = { 'blijf-in-gesprek': 0, 'vraag-advies': 1, 'bel-vandaag': 2, 'bel-112': 3 };

function outcomeTitle(level: Level): string {
  const outcome = questionnaire.outcomes.find((entry) => entry.level === level);
  if (outcome === undefined) throw new Error(`no outcome for ${level}`);
  return outcome.title.nl;
}

/** A complete, calm answer set: "nee" everywhere, and a child of 13 to 15 (an age without a note). */
function calm(): Map<string, string> {
  const answers = new Map<string, string>();
  for (const { id } of questions) {
    const value = id === 'leeftijd' ? '13-15' : 'nee';
    assert.ok(optionsOf(id).includes(value), `question "${id}" offers "${value}"`);
    answers.set(id, value);
  }
  return answers;
}

function calmWith(changes: Record<string, string>): Map<string, string> {
  const answers = calm();
  for (const [id, value] of Object.entries(changes)) {
    assert.ok(optionsOf(id).includes(value), `question "${id}" offers "${value}"`);
    answers.set(id, value);
  }
  return answers;
}

// Two ordinary signals (weight 1, not critical) in two different categories: 4 points, 2 categories.
const twoCategories = ['school', 'somber'] as const;
const acuteIds = questions.filter((entry) => entry.acute !== undefined).map((entry) => entry.id);
const firstCritical = questions.find((entry) => entry.critical === true);
const familyQuestion = questions.find((entry) => entry.family === true);

const levelCases: { level: Level; why: string; answers: () => Map<string, string> }[] = [
  { level: 'blijf-in-gesprek', why: 'all "nee", age 13-15', answers: calm },
  {
    level: 'vraag-advies',
    why: `"ja" to ${twoCategories.join(' and ')} (two signal categories)`,
    answers: () => calmWith(Object.fromEntries(twoCategories.map((id) => [id, 'ja']))),
  },
  {
    level: 'bel-vandaag',
    why: `"ja" to the critical question "${firstCritical?.id}"`,
    answers: () => calmWith({ [firstCritical?.id ?? '']: 'ja' }),
  },
];

const worryEnough = 'Een zorg is genoeg om Veilig Thuis (0800-2000) te bellen voor advies';

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
const contexts = new Map<boolean, BrowserContext>();
const apps = new Map<boolean, AppPage>();

before(async () => {
  // Rate limiting is not under test here; one browser filling in many forms must not run into it.
  e2e = await startE2E({ RATE_LIMIT_MAX: '100000' });
  for (const { javaScript } of modes) {
    const context = await e2e.browser.newContext({ javaScriptEnabled: javaScript, locale: 'nl-NL' });
    contexts.set(javaScript, context);
    apps.set(javaScript, new AppPage(await context.newPage(), e2e.baseUrl));
  }
});

after(async () => {
  for (const context of contexts.values()) await context.close().catch(() => undefined);
  await e2e?.close();
});

function appFor(mode: Mode): AppPage {
  const app = apps.get(mode.javaScript);
  if (app === undefined) throw new Error('the app did not start');
  return app;
}

const submitButton = 'form.app-check button[type="submit"]';

/** Submits the check form as it is now and waits for the answer page; returns its HTTP status. */
async function submit(app: AppPage, how: () => Promise<void> = () => app.page.locator(submitButton).click()) {
  const [response] = await Promise.all([
    app.page.waitForResponse(
      (candidate) => candidate.request().method() === 'POST' && new URL(candidate.url()).pathname === '/check',
    ),
    app.page.waitForEvent('load'),
    how(),
  ]);
  return response.status();
}

/** Opens a fresh form, clicks the given answers and submits it; returns the answer page's HTTP status. */
async function fillAndSubmit(app: AppPage, answers: ReadonlyMap<string, string>): Promise<number> {
  await app.open('/check');
  assert.equal(await app.heading(), questionnaire.title.nl);
  await clickAnswers(app, answers);
  return submit(app);
}

/**
 * Clicks each answer's radio button with the mouse. `force` only skips Playwright's wait for the element to be
 * stable (two animation frames per radio, a second per form); the click itself is a real one at the radio's
 * position, so the checked state is verified afterwards: a click that missed its radio fails here.
 */
async function clickAnswers(app: AppPage, answers: ReadonlyMap<string, string>): Promise<void> {
  for (const [id, value] of answers) await app.page.click(`#${radioId(id, value)}`, { force: true });
  const checked = await app.page
    .locator('input[type="radio"]:checked')
    .evaluateAll((inputs) =>
      inputs.map((input) => [(input as HTMLInputElement).name, (input as HTMLInputElement).value]),
    );
  assert.deepEqual(new Map(checked as [string, string][]), new Map(answers), 'exactly the clicked answers are checked');
}

async function outcomeLevel(app: AppPage): Promise<string | null> {
  return app.page.locator('article[data-advice-level]').getAttribute('data-advice-level');
}

async function assertOutcome(app: AppPage, status: number, level: Level, title = outcomeTitle(level)): Promise<void> {
  assert.equal(status, 200, 'the outcome page answers 200');
  assert.equal(await outcomeLevel(app), level, 'data-advice-level on the outcome <article>');
  assert.equal(await app.heading(), title);
  const text = await app.page.locator('article.app-outcome').innerText();
  assert.ok(text.includes(worryEnough), `the outcome says "${worryEnough}"`);
}

async function assertNoAxeViolations(app: AppPage, what: string): Promise<void> {
  const { count, description } = await axeViolations(app.page);
  assert.equal(count, 0, `axe found ${count} violation(s) on ${what}:\n${description}`);
}

// ---- The tests -----------------------------------------------------------------------------------------------

/** Per acute question: the level it leads to alone, and the number that must come first on the page. */
const acuteCases: Record<string, { kind: string; level: Level; firstTel: string }> = {
  'vermist-nu': { kind: 'missing', level: 'bel-112', firstTel: 'tel:112' },
  'gevaar-nu': { kind: 'danger', level: 'bel-112', firstTel: 'tel:112' },
  aanranding: { kind: 'assault', level: 'bel-112', firstTel: 'tel:08000188' },
  'afpersing-nu': { kind: 'blackmail', level: 'bel-vandaag', firstTel: 'tel:09008844' },
  bedreigd: { kind: 'threat', level: 'bel-vandaag', firstTel: 'tel:09008844' },
};

test('the answer sets fit the questionnaire (content/check/v2.json)', () => {
  assert.deepEqual(acuteIds, Object.keys(acuteCases));
  assert.ok(firstCritical !== undefined, 'the questionnaire has a critical question');
  assert.equal(familyQuestion?.id, 'familie-betrokken');
  const [first, second] = twoCategories.map(question);
  assert.ok(first?.category !== undefined && second?.category !== undefined);
  assert.notEqual(first.category, second.category, 'two different signal categories');
  for (const entry of [first, second]) {
    assert.equal(entry.scale, 'signaal');
    assert.equal(entry.weight ?? 1, 1, `${entry.id} has weight 1, so the two give 4 points (below 5)`);
    assert.notEqual(entry.critical, true, `${entry.id} is not critical`);
  }
});

for (const mode of modes) {
  void describe(`the check ${mode.name}`, () => {
    test(`the context really runs ${mode.name}`, async () => {
      const app = appFor(mode);
      await app.open('/check');
      assert.equal(await app.page.locator('body.js-enabled').count(), mode.javaScript ? 1 : 0);
    });

    for (const { level, why, answers } of levelCases) {
      test(`${why} gives the advice level ${level}`, async () => {
        const app = appFor(mode);
        await assertOutcome(app, await fillAndSubmit(app, answers()), level);
        assert.equal(await app.page.locator('.app-outcome__family').count(), 0, 'no family block');

        const print = app.page.locator('[data-module="app-print"]');
        assert.equal(await print.count(), 1, 'the outcome has a print button');
        if (mode.javaScript) {
          assert.ok(await print.isVisible(), 'the print button shows with JavaScript');
          assert.equal((await print.innerText()).trim(), 'Print dit advies');
          await assertNoAxeViolations(app, `the ${level} outcome`);
        } else {
          assert.ok(!(await print.isVisible()), 'the print button is hidden without JavaScript');
        }
      });
    }

    for (const id of acuteIds) {
      const { kind, level, firstTel } = acuteCases[id]!;
      test(`"ja" to the acute question "${id}" gives ${level}, titled by its situation, with ${firstTel} first`, async () => {
        const app = appFor(mode);
        const title = questionnaire.situations[kind]?.title.nl;
        await assertOutcome(app, await fillAndSubmit(app, calmWith({ [id]: 'ja' })), level, title);
        assert.equal(await app.page.locator('article.app-outcome').getAttribute('data-situation'), kind);
        const first = app.page.locator('article.app-outcome a[href^="tel:"]').first();
        assert.equal(await first.getAttribute('href'), firstTel, 'the first number on the outcome');
        assert.ok(await first.isVisible(), 'the first number is visible');
        const csgLinks = app.page.locator('article.app-outcome a[href="tel:08000188"]');
        if (id === 'aanranding') {
          const text = await app.page.locator('[data-situation-block="assault"]').innerText();
          assert.ok(text.includes('papieren zak'), 'the advice on traces');
          assert.ok(text.includes('Alleen als er nu gevaar is: bel 112'), '112 only in danger now');
        } else {
          assert.equal(await csgLinks.count(), 0, 'no tel:08000188 link');
        }
        if (mode.javaScript) await assertNoAxeViolations(app, `the outcome of the acute question ${id}`);
      });
    }

    test('"weet ik niet" to "familie-betrokken" adds the family block and gives at least bel-vandaag', async () => {
      const app = appFor(mode);
      const status = await fillAndSubmit(app, calmWith({ 'familie-betrokken': 'weet-niet' }));
      assert.equal(status, 200);
      const level = (await outcomeLevel(app)) as Level | null;
      assert.ok(level !== null && level in severity, `a known advice level (got ${level})`);
      assert.ok(severity[level] >= severity['bel-vandaag'], `at least bel-vandaag (got ${level})`);
      await assertOutcome(app, status, level);
      const family = app.page.locator('.app-outcome__family');
      assert.equal(await family.count(), 1, 'the family block is shown');
      assert.equal(
        (await family.locator('h2').innerText()).trim(),
        questionnaire.branches.family.title.nl,
        'the family block is titled "Als iemand dichtbij erbij betrokken kan zijn"',
      );
      if (mode.javaScript) await assertNoAxeViolations(app, 'the family outcome');
    });

    test('missing answers give a 400 page with an error summary that keeps the given answers and leads to each question', async () => {
      const app = appFor(mode);
      const page = app.page;
      const given = { 'vermist-nu': 'nee', leeftijd: '13-15', school: 'ja' };
      await app.open('/check');
      await clickAnswers(app, new Map(Object.entries(given)));
      const status = await submit(app);
      assert.equal(status, 400, 'an incomplete form answers 400');

      const summary = page.locator('.app-error-summary');
      assert.equal(await summary.count(), 1, 'the page has an error summary');
      assert.equal((await summary.locator('h2').innerText()).trim(), 'Er ontbreken antwoorden');
      const missing = questions.map((entry) => entry.id).filter((id) => !(id in given));
      assert.ok(
        (await summary.innerText()).includes(`Er ontbreken ${missing.length} antwoorden.`),
        `the summary counts ${missing.length} missing answers`,
      );
      assert.equal(await app.heading(), questionnaire.title.nl, 'the form is shown again');

      for (const [id, value] of Object.entries(given)) {
        assert.ok(await page.isChecked(`#${radioId(id, value)}`), `the answer ${id}=${value} is still checked`);
      }
      assert.equal(await page.locator('input[type="radio"]:checked').count(), 3, 'nothing else is checked');

      const links = summary.locator('a');
      assert.deepEqual(
        await links.evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href'))),
        missing.map((id) => `#${radioId(id, optionsOf(id)[0] ?? '')}`),
        'one link per missing question, in order, to its first radio button',
      );
      assert.equal(
        await page.locator('.app-question--error').count(),
        missing.length,
        'each missing question is marked',
      );

      if (mode.javaScript) {
        assert.equal(
          await page.evaluate(() => document.activeElement?.classList.contains('app-error-summary') ?? false),
          true,
          'the error summary has focus on load',
        );
        // Focusing the summary scrolls the header under the sticky quick-exit bar, and axe's target-size rule
        // then counts the header links as obscured. Judge the page itself, as it is when scrolled to the top.
        await page.evaluate(() => window.scrollTo(0, 0));
        await assertNoAxeViolations(app, 'the form with missing answers');
      }

      // The first, a middle and the last link each move focus to their question's first radio button.
      const picks = [0, Math.floor(missing.length / 2), missing.length - 1];
      for (const index of picks) {
        const id = missing[index] ?? '';
        await links.nth(index).click();
        await page.waitForURL((url) => url.hash === `#${radioId(id, optionsOf(id)[0] ?? '')}`);
        assert.equal(
          await page.evaluate(() => document.activeElement?.id ?? null),
          radioId(id, optionsOf(id)[0] ?? ''),
          `the summary link for "${id}" moves focus to its first radio button`,
        );
      }

      // Finishing the same form now gives an outcome: one ordinary signal alone keeps the lowest level.
      const completed = new Map(Object.entries(given));
      for (const id of missing) completed.set(id, id === 'leeftijd' ? '13-15' : 'nee');
      await clickAnswers(app, completed);
      await assertOutcome(app, await submit(app), 'blijf-in-gesprek');
    });
  });
}

test('the whole form can be completed with the keyboard only (Tab, arrow keys, Space, Enter)', async () => {
  const app = appFor(modes[0] as Mode);
  const page = app.page;
  const answers = calmWith(Object.fromEntries(twoCategories.map((id) => [id, 'ja'])));
  await app.open('/check');

  const focused = () =>
    page.evaluate(() => {
      const element = document.activeElement;
      return element instanceof HTMLInputElement || element instanceof HTMLButtonElement
        ? { tag: element.tagName.toLowerCase(), type: element.type, name: element.name, id: element.id }
        : { tag: element?.tagName.toLowerCase() ?? '', type: '', name: '', id: element?.id ?? '' };
    });

  // From the top of the page, Tab through the header and the 112 link until the first radio button.
  let reached = await focused();
  for (let presses = 0; reached.type !== 'radio' && presses < 40; presses += 1) {
    await page.keyboard.press('Tab');
    reached = await focused();
  }
  assert.equal(reached.type, 'radio', 'Tab reaches the first question');

  for (const [id, value] of answers) {
    reached = await focused();
    assert.equal(reached.name, id, `Tab leads to the question "${id}"`);
    assert.equal(reached.id, radioId(id, optionsOf(id)[0] ?? ''), `focus starts on the first answer of "${id}"`);
    const steps = optionsOf(id).indexOf(value);
    if (steps === 0) await page.keyboard.press('Space');
    for (let step = 0; step < steps; step += 1) await page.keyboard.press('ArrowRight');
    assert.ok(await page.isChecked(`#${radioId(id, value)}`), `the keyboard chose ${id}=${value}`);
    await page.keyboard.press('Tab');
  }

  reached = await focused();
  assert.equal(reached.tag, 'button', 'after the last question Tab reaches the submit button');
  assert.equal(await page.locator('input[type="radio"]:checked').count(), answers.size, 'every question answered');
  const status = await submit(app, () => page.keyboard.press('Enter'));
  await assertOutcome(app, status, 'vraag-advies');
});
