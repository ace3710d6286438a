// The figures per region of an organisation's own cases in a real browser (issue 18 point 4, ADR 0048): with rows
// for the published block (cells of 9 among them), a coordinator's /organisatie/inzichten and an admin's
// /beheer/inzichten have no axe violations (WCAG 2.2 AA) in Dutch and English; each chart is an image named by its
// title and described by its desc, followed by a captioned table whose scrolling wrapper takes keyboard focus;
// no table cell shows a count under 10.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { organisationPublication } from '../../src/features/insights/organisation-insights.figures.js';
import { amsterdamDay } from '../../src/shared/time/amsterdam.js';
import { caseProfessional, type CaseTestApp, prepareCaseWorld } from '../helpers/case-factories.js';
import type { BuiltAccount } from '../helpers/factories.js';
import { type SmtpSink, startSmtpSink } from '../helpers/smtp-sink.js';
import { axeViolations, type E2E, startE2E } from './support.js';

let sink: SmtpSink | undefined;
let e2e: E2E | undefined;
let coordinator: BuiltAccount | undefined;
let admin: BuiltAccount | undefined;
const contexts: BrowserContext[] = [];

before(async () => {
  sink = await startSmtpSink();
  e2e = await startE2E({ RATE_LIMIT_MAX: '100000', SMTP_URL: sink.url, MAIL_FROM: 'no-reply@example.org' });
  const target = e2e.target as CaseTestApp;
  const world = await prepareCaseWorld(target, sink);
  coordinator = await caseProfessional(world, 'coordinator', 'cijfers.coordinator');
  admin = world.admins[0];
  const db = target.database.handle.db;
  const { weeks } = organisationPublication(amsterdamDay(new Date()));
  const regions = (await db.selectFrom('safety_regions').select('code').orderBy('code').execute()).map((r) => r.code);
  const rows: { week: string; organisation_id: string; region: string; measure: string; count: number }[] = [];
  for (const organisationId of [world.organisationId, '*']) {
    weeks.forEach((week, index) => {
      const region = regions[index % 4]!;
      rows.push(
        { week, organisation_id: organisationId, region, measure: 'cases.started', count: 9 + index },
        { week, organisation_id: organisationId, region, measure: 'meetings', count: 12 + index },
        { week, organisation_id: organisationId, region, measure: 'first_help.1-7', count: index === 0 ? 9 : 11 },
      );
    });
    rows.push({
      week: weeks.at(-1)!,
      organisation_id: organisationId,
      region: 'unknown',
      measure: 'cases.open',
      count: 9,
    });
  }
  await db.insertInto('measure_organisation_weekly').values(rows).execute();
});

after(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await e2e?.close();
  await sink?.close();
});

async function browserOf(account: BuiltAccount, locale: 'nl' | 'en'): Promise<Page> {
  assert.ok(e2e !== undefined);
  const { baseUrl } = e2e;
  const context = await e2e.browser.newContext({
    javaScriptEnabled: true,
    locale: locale === 'nl' ? 'nl-NL' : 'en-GB',
  });
  contexts.push(context);
  await context.addCookies(
    [...Object.entries(account.cookies), ['taal', locale] as const].map(([name, value]) => ({
      name,
      value,
      url: baseUrl,
    })),
  );
  return context.newPage();
}

describe('figures per region of an organisation’s cases in the browser', () => {
  for (const locale of ['nl', 'en'] as const) {
    for (const [who, path] of [
      ['a coordinator', '/organisatie/inzichten'],
      ['an admin', '/beheer/inzichten'],
    ] as const) {
      test(`${path} for ${who} is axe-clean, its charts named and followed by captioned tables (${locale})`, async () => {
        assert.ok(e2e !== undefined && coordinator !== undefined && admin !== undefined);
        const page = await browserOf(who === 'an admin' ? admin : coordinator, locale);
        const response = await page.goto(`${e2e.baseUrl}${path}`, { waitUntil: 'load' });
        assert.equal(response?.status(), 200);
        assert.equal(await page.getAttribute('html', 'lang'), locale);
        const found = await axeViolations(page);
        assert.equal(found.count, 0, `${path} (${locale}):\n${found.description}`);

        const charts = await page.evaluate(() =>
          [...document.querySelectorAll('svg[data-chart]')].map((svg) => {
            const ids = (svg.getAttribute('aria-labelledby') ?? '').split(' ');
            const next = svg.closest('figure')?.nextElementSibling;
            const table = next?.matches('table') ? next : next?.querySelector('table');
            return {
              role: svg.getAttribute('role'),
              title: svg.querySelector('title')?.textContent?.trim() ?? '',
              desc: svg.querySelector('desc')?.textContent?.trim() ?? '',
              texts: ids.map((id) => document.getElementById(id)?.textContent?.trim() ?? ''),
              caption: table?.querySelector('caption')?.textContent?.trim() ?? '',
              wrapperFocusable: table?.parentElement?.getAttribute('tabindex') === '0',
            };
          }),
        );
        assert.ok(charts.length >= 4, `${charts.length} charts`);
        for (const chart of charts) {
          assert.equal(chart.role, 'img');
          assert.ok(chart.title.length > 0 && chart.desc.length > 0);
          assert.deepEqual(chart.texts, [chart.title, chart.desc]);
          assert.ok(chart.caption.length > 0, `"${chart.title}" is followed by a captioned table`);
          assert.ok(chart.wrapperFocusable);
        }
        const cells = await page.locator('table.app-data-table td').allTextContents();
        assert.ok(cells.length > 50);
        for (const cell of cells) {
          const text = cell.trim();
          if (text === 'niet getoond' || text === 'not shown') continue;
          assert.ok(Number(text.replace(/[.,]/g, '')) >= 10, `a cell shows "${text}"`);
        }
      });
    }
  }
});
