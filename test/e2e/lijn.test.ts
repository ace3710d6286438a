// De lijn in real browsers, once with JavaScript and once without (every step by plain forms): a parent starts a
// case, invites a care worker and the police (the codes read from the page, as a parent reads them out), both join
// with their code, each safety number is read on both sides and must be equal before the parent confirms, the
// parent shares two journal entries, the care worker makes an agreement and completes it and records a meeting
// with the parent, both professionals open a shared entry, and the parent sees who opened which (role and
// organisation; the police by unit). Then a professional-only case: a care worker starts it and adds the police;
// no parent finds anything of it (not in a list, 404 by URL, no notice). Every page visited is axe-clean (with
// JavaScript off, the page's own HTML is checked again in a context that runs axe, its scripts blocked), answers
// no 5xx, and has no title, URL or notice with "uitbuiting", "dossier" or the child's label.
// Professionals are made by the account factories (invited by an admin, TOTP, four eyes) and handed to the
// browser as cookies, as in signed-in.test.ts.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { buildAdmin, buildProfessional, type BuiltAccount } from '../helpers/factories.js';
import { type SmtpSink, startSmtpSink } from '../helpers/smtp-sink.js';
import { type DemoAccount, demoCode, seedDemo } from '../../src/features/demo/seed-demo.js';
import type { TestApp } from '../helpers/app.js';
import {
  AppPage,
  type AppServer,
  axeViolations,
  type E2E,
  signUpThroughForm,
  startAppServer,
  startE2E,
  submitForm,
} from './support.js';

const passphrase = 'blauwe vlieger boven het duin';

let sink: SmtpSink | undefined;
let e2e: E2E | undefined;
/** A context with JavaScript, where the HTML of pages seen without JavaScript is checked with axe. */
let axeContext: BrowserContext | undefined;
const contexts: BrowserContext[] = [];

interface Professionals {
  care: BuiltAccount;
  police: BuiltAccount;
  careOrganisation: string;
  policeOrganisation: string;
}
let professionals: Professionals | undefined;

before(async () => {
  sink = await startSmtpSink();
  e2e = await startE2E({ RATE_LIMIT_MAX: '100000', SMTP_URL: sink.url, MAIL_FROM: 'no-reply@example.org' });
  axeContext = await e2e.browser.newContext({ locale: 'nl-NL' });
  const { target } = e2e;
  const first = await buildAdmin(target, { username: 'lijn.beheer.een', passphrase });
  const second = await buildAdmin(target, { username: 'lijn.beheer.twee', passphrase });
  const verified = (await target.services.professionals.organisationChoices()).filter((org) => org.verified);
  const careOrg = verified[0];
  const policeOrg = verified.find((org) => /politie/i.test(org.name)) ?? verified[1] ?? careOrg;
  assert.ok(careOrg !== undefined && policeOrg !== undefined, 'verified organisations to invite professionals for');
  const made = (username: string, role: 'care' | 'police', organisationId: string) =>
    buildProfessional(target, {
      invitedBy: first,
      sink: sink!,
      organisationId,
      username,
      passphrase,
      role,
      activatedBy: [first, second],
    });
  professionals = {
    care: await made('lijn.hulpverlener', 'care', careOrg.id),
    police: await made('lijn.politie', 'police', policeOrg.id),
    careOrganisation: careOrg.name,
    policeOrganisation: policeOrg.name,
  };
});

after(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await axeContext?.close().catch(() => undefined);
  await e2e?.close();
  await sink?.close();
});

function ready(): { e2e: E2E; professionals: Professionals } {
  if (e2e === undefined || professionals === undefined) throw new Error('the app did not start');
  return { e2e, professionals };
}

const forbidden = ['uitbuiting', 'dossier'];

/**
 * One person's browser: every document it loads is checked (no 5xx; title, URL and notices neutral; axe), and
 * the pages it saw are kept for the report of a failure.
 */
class Person {
  readonly seen: string[] = [];
  readonly serverErrors: string[] = [];

  constructor(
    readonly name: string,
    readonly app: AppPage,
    readonly javaScript: boolean,
    /** Labels that must never be in a title, URL or notice (the children's). */
    readonly labels: string[],
  ) {
    const errors = this.serverErrors;
    app.page.on('response', (response) => {
      if (response.status() >= 500) errors.push(`${response.status()} ${response.url()}`);
    });
  }

  get page(): Page {
    return this.app.page;
  }

  path(): string {
    return new URL(this.page.url()).pathname;
  }

  /** The checks every page gets, right after it loaded. */
  async landed(what: string): Promise<void> {
    const { page } = this;
    const where = `${this.name} on ${what} (${this.page.url()})`;
    this.seen.push(page.url());
    assert.deepEqual(this.serverErrors, [], `no 5xx for ${where}`);
    const title = (await page.title()).toLowerCase();
    const url = decodeURIComponent(page.url()).toLowerCase();
    const notices = (
      await page
        .locator('[role="status"], [role="alert"], .app-notice, .app-callout, .app-error-summary')
        .allInnerTexts()
    )
      .join('\n')
      .toLowerCase();
    for (const word of [...forbidden, ...this.labels.map((label) => label.toLowerCase())]) {
      assert.ok(!title.includes(word), `the title of ${where} has "${word}": ${title}`);
      assert.ok(!url.includes(word), `the URL of ${where} has "${word}"`);
      assert.ok(!notices.includes(word), `a notice on ${where} has "${word}": ${notices}`);
    }
    await this.axe(where);
  }

  private async axe(where: string): Promise<void> {
    if (this.javaScript) {
      const { count, description } = await axeViolations(this.page);
      assert.equal(count, 0, `axe on ${where}:\n${description}`);
      return;
    }
    // axe hangs where JavaScript is off: the same HTML at the same address, in a context that runs axe, with the
    // page's own scripts blocked so the document stays as the server sent it.
    const url = this.page.url();
    const html = await this.page.content();
    const replay = await axeContext!.newPage();
    try {
      await replay.route('**/*', async (route) => {
        const request = route.request();
        if (request.isNavigationRequest() && request.url() === url) {
          await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
        } else if (request.resourceType() === 'script') await route.abort();
        else await route.continue();
      });
      await replay.goto(url, { waitUntil: 'load' });
      // The replay is the page as seen: the same title and text, and the site's styles loaded (for contrast).
      assert.equal(await replay.title(), await this.page.title());
      assert.equal(await replay.locator('main').innerText(), await this.page.locator('main').innerText());
      const rules = await replay.evaluate(() =>
        [...document.styleSheets].reduce((count, sheet) => count + sheet.cssRules.length, 0),
      );
      assert.ok(rules > 0, `the replay of ${where} has the site's styles`);
      const { count, description } = await axeViolations(replay);
      assert.equal(count, 0, `axe on ${where} (its HTML without JavaScript):\n${description}`);
    } finally {
      await replay.close();
    }
  }

  async open(path: string, what: string, status = 200): Promise<void> {
    await this.app.open(path, status);
    await this.landed(what);
  }

  /** Follows a link by its name (the first with that exact name). */
  async follow(name: string, what: string, within?: string): Promise<void> {
    const scope = within === undefined ? this.page : this.page.locator(within);
    const link = scope.getByRole('link', { name, exact: true }).first();
    assert.equal(await link.count(), 1, `${this.name} sees a link "${name}" on ${this.page.url()}`);
    await Promise.all([
      this.page.waitForEvent('framenavigated', (frame) => frame === this.page.mainFrame()),
      link.click(),
    ]);
    await this.page.waitForLoadState('load');
    await this.landed(what);
  }

  /** Submits a form by its button; returns the status of the POST. */
  async submit(button: string, what: string): Promise<number> {
    const response = await submitForm(this.page, button);
    await this.landed(what);
    return response.status();
  }

  /** Ticks a radio button or box by its label inside the element `within` (a fieldset or group by id). */
  async choose(within: string, label: string | RegExp): Promise<void> {
    await this.page.locator(within).getByLabel(label, { exact: true }).check();
  }

  async text(selector = 'main'): Promise<string> {
    return this.page.locator(selector).first().innerText();
  }
}

async function browserOf(
  name: string,
  javaScript: boolean,
  labels: string[],
  account?: BuiltAccount,
  baseUrl = ready().e2e.baseUrl,
): Promise<Person> {
  const context = await ready().e2e.browser.newContext({ locale: 'nl-NL', javaScriptEnabled: javaScript });
  contexts.push(context);
  if (account !== undefined) {
    await context.addCookies(
      Object.entries(account.cookies).map(([cookie, value]) => ({ name: cookie, value, url: baseUrl })),
    );
  }
  return new Person(name, new AppPage(await context.newPage(), baseUrl), javaScript, labels);
}

const uuidIn = (path: string): string => {
  const id = /^\/samenwerken\/([0-9a-f-]{36})(?:\/|$)/.exec(path)?.[1];
  assert.ok(id !== undefined, `a case id in ${path}`);
  return id;
};

/** Makes an invitation code for `roleLabel` from the case page; returns the code as the page shows it. */
async function inviteFrom(inviter: Person, roleLabel: string): Promise<string> {
  await inviter.follow('Iemand uitnodigen', 'the invitation form');
  await inviter.choose('#rol', roleLabel);
  assert.equal(await inviter.submit('Code maken', 'the code page'), 200);
  const code = (await inviter.text('[data-invitation-code]')).trim();
  assert.match(code, /^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/, 'a code of sixteen characters in groups');
  await inviter.follow('Terug naar de samenwerking', 'the case page');
  return code;
}

/** Joins with a code from the case list; returns the safety number the waiting page shows. */
async function joinWith(member: Person, code: string): Promise<{ caseId: string; safety: string }> {
  await member.open('/samenwerken', 'my cases');
  await member.follow('Ik heb een code gekregen', 'the join form');
  await member.page.getByLabel('Code', { exact: true }).fill(code);
  assert.equal(await member.submit('Aansluiten', 'the waiting page'), 303);
  const caseId = uuidIn(member.path());
  assert.equal(await member.page.locator('h1').innerText(), 'Wacht op bevestiging');
  const safety = (await member.text('[data-safety-number]')).trim();
  assert.match(safety, /^(\d{5} ){5}\d{5}$/, 'thirty digits in six groups');
  return { caseId, safety };
}

/** The inviter compares the member's safety number (must equal what the member reads) and confirms. */
async function confirmMember(
  inviter: Person,
  caseId: string,
  role: string,
  theirNumber: string,
  basis = 'Toestemming van de ouder',
): Promise<void> {
  await inviter.open(`/samenwerken/${caseId}`, 'the case page');
  await inviter.follow(
    'Vergelijk het veiligheidsnummer en bevestig',
    'the confirmation page',
    `li[data-role="${role}"][data-state="accepted"]`,
  );
  const mine = (await inviter.text('[data-safety-number]')).trim();
  assert.equal(mine, theirNumber, 'both sides read the same safety number');
  await inviter.choose('#grondslag', basis);
  await inviter.choose('#kindWeet', 'Ja');
  const passphraseField = inviter.page.getByLabel('Je wachtwoordzin', { exact: true });
  if ((await passphraseField.count()) > 0) await passphraseField.fill(passphrase);
  assert.equal(await inviter.submit('De cijfers zijn gelijk: bevestigen', 'the case page after confirming'), 303);
  assert.equal(
    await inviter.page.locator('[data-notice]').getAttribute('data-notice'),
    'bevestigd',
    'the case page says the member is confirmed',
  );
  assert.equal(await inviter.page.locator(`li[data-role="${role}"][data-state="active"]`).count(), 1);
}

/** A journal entry written through the form. */
async function writeEntry(parent: Person, date: string, category: string, text: string): Promise<void> {
  await parent.open('/logboek/nieuw', 'the new entry form');
  await parent.page.getByLabel('Datum', { exact: true }).fill(date);
  await parent.page.getByLabel(category).check();
  await parent.page.getByLabel('Wat is er gebeurd?').fill(text);
  assert.equal(await parent.submit('Notitie opslaan', 'the entry'), 303);
}

/** Ticks entries in /logboek, goes on to the case's share form (one case: straight there) and shares them. */
async function shareFromJournal(parent: Person, caseId: string, numbers: readonly number[]): Promise<void> {
  await parent.open('/logboek', 'the journal');
  for (const number of numbers) await parent.page.getByLabel(`Kies notitie ${number} om te delen`).check();
  await Promise.all([
    parent.page.waitForEvent('framenavigated', (frame) => frame === parent.page.mainFrame()),
    parent.page.getByRole('button', { name: 'Delen met samenwerking', exact: true }).click(),
  ]);
  await parent.page.waitForLoadState('load');
  await parent.landed('the share form');
  assert.equal(parent.path(), `/samenwerken/${caseId}/delen`, 'one case: straight to its share form');
  for (const number of numbers) {
    assert.ok(await parent.page.getByLabel(new RegExp(`^Notitie ${number}\\b`)).isChecked(), `entry ${number} ticked`);
  }
  await parent.choose('#kind16', 'Nee');
  await parent.choose('#grondslag', 'Ik, als ouder');
  await parent.choose('#kindWeet', 'Ja');
  assert.equal(await parent.submit('Delen', 'my shares'), 303);
  assert.equal(parent.path(), `/samenwerken/${caseId}/gedeeld`);
}

for (const javaScript of [true, false]) {
  const run = javaScript ? 'with JavaScript' : 'without JavaScript';
  const label = javaScript ? 'Pimmetje' : 'Saartje';
  const hiddenLabel = javaScript ? 'Dribbel' : 'Snuffie';
  const entries = [
    `Een auto met een onbekende man wachtte bij school (${run}).`,
    `Nieuwe dure sneakers, zegt dat ze geleend zijn (${run}).`,
  ];

  void describe(`de lijn ${run}`, () => {
    let parent: Person;
    let care: Person;
    let police: Person;
    let caseId = '';
    let policeUnit = '';

    before(async () => {
      const { professionals } = ready();
      const labels = [label, hiddenLabel];
      parent = await browserOf('the parent', javaScript, labels);
      care = await browserOf('the care worker', javaScript, labels, professionals.care);
      police = await browserOf('the police', javaScript, labels, professionals.police);
    });

    test('a parent signs up, writes two journal entries and starts a case', async () => {
      await signUpThroughForm(parent.app, `lijn.ouder.${javaScript ? 'js' : 'html'}`, passphrase);
      await parent.landed('the recovery code page');
      assert.equal(await parent.page.locator('body.js-enabled').count(), javaScript ? 1 : 0, `the browser runs ${run}`);
      await writeEntry(parent, '2026-11-20', 'Contact met verdachte personen', entries[0]!);
      await writeEntry(parent, '2026-11-21', 'Geld en cadeaus', entries[1]!);

      await parent.open('/samenwerken', 'my cases');
      assert.match(await parent.text(), /Je werkt nog in geen enkele samenwerking mee/);
      await parent.follow('Een samenwerking beginnen', 'the start form');
      assert.equal(await parent.submit('Samenwerking beginnen', 'the start form with errors'), 400);
      assert.ok((await parent.page.locator('.app-error-summary').count()) > 0, 'the errors are summed up');
      await parent.page.getByLabel('Voornaam of roepnaam van het kind').fill(label);
      await parent.choose('#grondslag', 'Toestemming van de ouder');
      await parent.choose('#kindWeet', 'Ja');
      assert.equal(await parent.submit('Samenwerking beginnen', 'the new case'), 303);
      caseId = uuidIn(parent.path());
      assert.equal(await parent.page.locator('[data-notice]').getAttribute('data-notice'), 'begonnen');
      assert.equal(await parent.text('[data-case-label]'), `Voor: ${label}`, 'the label is in the body');
    });

    test('the parent invites a care worker and the police; both join with their code and wait', async () => {
      const careCode = await inviteFrom(parent, 'Hulpverlener');
      const policeCode = await inviteFrom(parent, 'Politie');
      assert.notEqual(careCode, policeCode);

      const careJoined = await joinWith(care, careCode);
      const policeJoined = await joinWith(police, policeCode);
      assert.equal(careJoined.caseId, caseId);
      assert.equal(policeJoined.caseId, caseId);
      assert.notEqual(careJoined.safety, policeJoined.safety, 'each pair of keys has its own number');
      assert.doesNotMatch(await care.text(), new RegExp(label), 'nothing of the case before confirmation');

      // A code is used once.
      const again = await browserOf(
        'a second use of the code',
        javaScript,
        [label, hiddenLabel],
        ready().professionals.care,
      );
      await again.open('/samenwerken/aansluiten', 'the join form');
      await again.page.getByLabel('Code', { exact: true }).fill(careCode);
      const status = await again.submit('Aansluiten', 'the refused code');
      assert.ok(status >= 400 && status < 500, `a used code is refused with a 4xx (got ${status})`);

      await confirmMember(parent, caseId, 'care', careJoined.safety);
      await confirmMember(parent, caseId, 'police', policeJoined.safety);

      await care.open(`/samenwerken/${caseId}`, 'the case page');
      assert.equal(await care.text('[data-case-label]'), `Voor: ${label}`, 'the care worker reads the label now');
      await police.open(`/samenwerken/${caseId}`, 'the case page');
      policeUnit = /Eenheid (.+)/.exec(await police.text('li[data-role="police"]'))?.[1]?.trim() ?? '';
      assert.notEqual(policeUnit, '', 'the police member is shown with a unit');
      const policeItem = await parent.text('li[data-role="police"]');
      assert.doesNotMatch(policeItem, /lijn\.politie/, 'the police are never shown by a name');
    });

    test('the parent shares two journal entries from the journal', async () => {
      await shareFromJournal(parent, caseId, [1, 2]);
      assert.match(await parent.text(), /2 notities zijn gedeeld/);
      assert.match(await parent.text(), /Nog niemand heeft een gedeelde notitie geopend/);
    });

    test('the care worker and the police open a shared entry each', async () => {
      await care.open(`/samenwerken/${caseId}`, 'the case page');
      await care.follow('Gedeelde notities', 'the shared entries');
      assert.equal(await care.page.locator('[data-verified="true"]').count(), 2, 'both entries verify');
      await care.follow('Notitie 1 openen', 'a shared entry');
      assert.match(await care.text(), new RegExp(entries[0]!.replace(/[().]/g, '\\$&')));

      await police.open(`/samenwerken/${caseId}/gedeeld`, 'the shared entries');
      await police.follow('Notitie 2 openen', 'a shared entry');
      assert.match(await police.text(), new RegExp(entries[1]!.replace(/[().]/g, '\\$&')));
    });

    test('the care worker makes an agreement and completes it, and records a meeting with the parent', async () => {
      const what = `Hulpverlener belt school over het ophalen (${run}).`;
      await care.open(`/samenwerken/${caseId}`, 'the case page');
      await care.follow('Afspraken', 'the agreements');
      await care.page.getByLabel('Wat spreken jullie af?').fill(what);
      await care.page.getByLabel('Wie doet het?').selectOption('rol:care');
      await care.page.getByLabel('Wanneer moet het klaar zijn? (mag leeg)').fill('2026-12-24');
      await care.choose('#voor', 'Iedereen in deze samenwerking');
      assert.equal(await care.submit('Afspraak opslaan', 'the agreement'), 303);
      assert.match(await care.text(), /Open/);
      await care.choose('#status', 'Gedaan');
      assert.equal(await care.submit('Wijziging opslaan', 'the agreement, done'), 303);
      assert.match(await care.text(), /Gedaan · /);
      assert.equal(await care.page.locator('[data-history] > li').count(), 2, 'two versions in its history');

      await care.follow('Overleg vastleggen', 'the meeting form');
      await care.page.getByLabel('Datum van het overleg').fill('2026-12-01');
      await care.page.getByLabel(/^hulpverlener$/i).check();
      await care.page.getByLabel(/^politie$/i).check();
      await care.page.getByLabel('De ouder was uitgenodigd').check();
      await care.page.getByLabel('De ouder was erbij').check();
      await care.page.getByLabel('Korte samenvatting').fill(`Samen gekeken naar wat thuis helpt (${run}).`);
      await care.choose('#voor', 'Iedereen in deze samenwerking');
      assert.equal(await care.submit('Overleg opslaan', 'the timeline'), 303);
      assert.equal(care.path(), `/samenwerken/${caseId}/tijdlijn`);

      await parent.open(`/samenwerken/${caseId}/afspraken`, 'the agreements');
      const agreement = await parent.text('[data-agreement="done"]');
      assert.match(agreement, /Hulpverlener belt school/);
      assert.match(agreement, /Gedaan/);
      await parent.follow('Tijdlijn', 'the timeline');
      const timeline = await parent.text('[data-timeline]');
      assert.match(timeline, /de ouder was erbij/);
      assert.match(timeline, /Samen gekeken naar wat thuis helpt/);
    });

    test('the parent sees who opened the shared entries: role and organisation, the police by unit', async () => {
      const { professionals } = ready();
      await parent.open(`/samenwerken/${caseId}/gedeeld`, 'my shares and who opened them');
      const rows = await parent.page.locator('section[aria-labelledby="toegang"] tbody tr').allInnerTexts();
      assert.equal(rows.length, 2, `two openings: ${rows.join(' | ')}`);
      assert.ok(
        rows.some(
          (row) => row.includes(`Hulpverlener, ${professionals.careOrganisation}`) && row.includes('Notitie 1'),
        ),
        `the care worker by role and organisation: ${rows.join(' | ')}`,
      );
      assert.ok(
        rows.some((row) => row.includes(`Politie, ${policeUnit}`) && row.includes('Notitie 2')),
        `the police by unit: ${rows.join(' | ')}`,
      );
      assert.ok(
        rows.every((row) => !row.includes('lijn.')),
        'no names of people',
      );
      const policeRow = rows.find((row) => row.includes('Politie, '));
      assert.ok(!policeRow?.includes(professionals.policeOrganisation), 'the police by unit, not by organisation');
    });

    test('the case page leads the parent to who opened the shared entries', async () => {
      await parent.open(`/samenwerken/${caseId}`, 'the case page');
      const links = parent.page.locator(`main a[href="/samenwerken/${caseId}/gedeeld"]`);
      assert.ok((await links.count()) > 0, 'a link from the case page to the shares and their access list');
      await Promise.all([
        parent.page.waitForEvent('framenavigated', (frame) => frame === parent.page.mainFrame()),
        links.first().click(),
      ]);
      await parent.page.waitForLoadState('load');
      await parent.landed('my shares and who opened them');
      assert.match(await parent.text(), /Wie heeft gedeelde notities geopend\?/);
    });

    test('a professional-only case: the care worker starts it and adds the police; no parent sees anything', async () => {
      await care.open('/samenwerken', 'my cases');
      await care.follow('Een samenwerking beginnen', 'the start form');
      await care.page.getByLabel('Voornaam of roepnaam van het kind').fill(hiddenLabel);
      await care.choose('#vorm', /^Alleen professionals/);
      await care.choose('#rol', 'Hulpverlener');
      await care.choose('#grondslag', 'Zonder toestemming: de meldcode');
      await care.choose('#kindWeet', 'Nee');
      assert.equal(await care.submit('Samenwerking beginnen', 'the new case'), 303);
      const hiddenId = uuidIn(care.path());
      assert.match(await care.text(), /Alleen professionals\. Geen ouder ziet iets van deze samenwerking/);
      const code = await inviteFrom(care, 'Politie');
      const joined = await joinWith(police, code);
      assert.equal(joined.caseId, hiddenId);
      await confirmMember(care, hiddenId, 'police', joined.safety, 'Zonder toestemming: de meldcode');
      await police.open(`/samenwerken/${hiddenId}`, 'the professional-only case');
      assert.equal(await police.text('[data-case-label]'), `Voor: ${hiddenLabel}`);

      // The parent of the first case, and a parent who has nothing to do with either.
      const stranger = await browserOf('another parent', javaScript, [label, hiddenLabel]);
      await signUpThroughForm(stranger.app, `lijn.andere.ouder.${javaScript ? 'js' : 'html'}`, passphrase);
      for (const someone of [parent, stranger]) {
        await someone.open('/samenwerken', 'my cases');
        const list = await someone.text();
        assert.doesNotMatch(list, new RegExp(hiddenLabel), `${someone.name}: not in the list`);
        assert.equal(await someone.page.locator(`[data-case="${hiddenId}"]`).count(), 0);
        assert.equal(await someone.page.locator('[data-notice]').count(), 0, 'no notice');
        for (const path of [
          '',
          '/afspraken',
          '/tijdlijn',
          '/gedeeld',
          '/delen',
          '/berichten',
          '/traject',
          '/planning',
        ]) {
          await someone.open(`/samenwerken/${hiddenId}${path}`, `the hidden case's ${path || 'page'}`, 404);
          const body = await someone.text('body');
          assert.equal(await someone.page.locator('h1').innerText(), 'Pagina niet gevonden');
          assert.doesNotMatch(body, new RegExp(hiddenLabel));
        }
        await someone.open('/samenwerken/delen', 'choosing a case to share into');
        assert.doesNotMatch(await someone.text(), new RegExp(hiddenLabel));
        await someone.open('/account', 'my account');
        assert.doesNotMatch(await someone.text(), new RegExp(hiddenLabel));
      }
    });

    test('neutral words: every page visited was checked', () => {
      for (const someone of [parent, care, police]) {
        assert.ok(someone.seen.length > 3, `${someone.name} walked pages`);
        for (const url of someone.seen) {
          for (const word of [...forbidden, label.toLowerCase(), hiddenLabel.toLowerCase()]) {
            assert.ok(!decodeURIComponent(url).toLowerCase().includes(word), `${url} has "${word}"`);
          }
        }
      }
    });
  });
}

// The README's "Try the lijn": a second app with the seed-demo accounts; parent, care worker and police each sign
// in in their own browser with the printed passphrase and a code (demo-code), the care worker without JavaScript.
void describe("the README's walk with the seed-demo accounts", () => {
  let server: AppServer | undefined;
  let accounts: DemoAccount[] = [];
  const label = 'Joepie';

  before(async () => {
    server = await startAppServer(ready().e2e.neutralUrl, { RATE_LIMIT_MAX: '100000' });
    const target = server.target as TestApp;
    const seeded = await seedDemo(target.app, target.services, target.database.handle.db);
    if (!seeded.ok) throw new Error(seeded.message);
    accounts = seeded.accounts;
  });

  after(async () => {
    await server?.close();
  });

  async function signIn(username: string, javaScript: boolean): Promise<Person> {
    const account = accounts.find((candidate) => candidate.username === username);
    assert.ok(account !== undefined, `seed-demo made ${username}`);
    const person = await browserOf(username, javaScript, [label], undefined, server!.baseUrl);
    await person.open('/inloggen', 'the login page');
    await person.page.getByLabel('Gebruikersnaam', { exact: true }).fill(username);
    await person.page.getByLabel('Wachtwoordzin', { exact: true }).fill(account.passphrase);
    assert.equal(await person.submit('Inloggen', 'the code page'), 303);
    assert.equal(person.path(), '/inloggen/code');
    const code = await demoCode(account.totpSecret);
    assert.ok(code !== undefined, 'demo-code prints a code for the secret');
    await person.page.getByLabel('Code van 6 cijfers', { exact: true }).fill(code);
    assert.equal(await person.submit('Inloggen', 'the account page'), 303);
    assert.equal(person.path(), '/account', `${username} is signed in`);
    return person;
  }

  test('demo-ouder starts a case, invites demo-hulpverlener and demo-politie, shares an entry; the police open it', async () => {
    const parent = await signIn('demo-ouder', true);
    const care = await signIn('demo-hulpverlener', false);
    const police = await signIn('demo-politie', true);

    await parent.open('/samenwerken', 'my cases');
    await parent.follow('Een samenwerking beginnen', 'the start form');
    await parent.page.getByLabel('Voornaam of roepnaam van het kind').fill(label);
    await parent.choose('#grondslag', 'Toestemming van de ouder');
    await parent.choose('#kindWeet', 'Ja');
    assert.equal(await parent.submit('Samenwerking beginnen', 'the new case'), 303);
    const caseId = uuidIn(parent.path());

    for (const [member, role, roleLabel] of [
      [care, 'care', 'Hulpverlener'],
      [police, 'police', 'Politie'],
    ] as const) {
      const code = await inviteFrom(parent, roleLabel);
      const joined = await joinWith(member, code);
      assert.equal(joined.caseId, caseId);
      await confirmMember(parent, caseId, role, joined.safety);
      await member.open(`/samenwerken/${caseId}`, 'the case page');
      assert.equal(await member.text('[data-case-label]'), `Voor: ${label}`);
    }

    await writeEntry(parent, '2026-11-25', 'Contact met verdachte personen', 'Een onbekende jongen bracht haar thuis.');
    await shareFromJournal(parent, caseId, [1]);
    await police.open(`/samenwerken/${caseId}/gedeeld`, 'the shared entries');
    await police.follow('Notitie 1 openen', 'a shared entry');
    assert.match(await police.text(), /Een onbekende jongen bracht haar thuis/);

    const unit = accounts.find((account) => account.username === 'demo-politie')?.policeUnit;
    assert.ok(unit !== undefined, 'the demo police have a unit');
    await parent.open(`/samenwerken/${caseId}/gedeeld`, 'my shares and who opened them');
    const rows = await parent.page.locator('section[aria-labelledby="toegang"] tbody tr').allInnerTexts();
    assert.ok(
      rows.some((row) => row.includes(`Politie, ${unit}`) && row.includes('Notitie 1')),
      `the police by unit: ${rows.join(' | ')}`,
    );
  });
});
