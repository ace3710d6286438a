import type { MessageKey } from '../../../shared/i18n/messages.js';
import type { PageContext } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import { allOrganisations, type DaysBucket, unknownRegion } from '../../cases/case-measures.js';
import type { FigureName, RegionTable } from '../organisation-insights.figures.js';
import type { OrganisationInsightsView } from '../organisation-insights.service.js';
import { BarChart, dayDate, Section } from './insights.view.js';

/*
 * The figures per region of an organisation's own cases (/organisatie/inzichten) or of every organisation
 * together (/beheer/inzichten): per figure a text summary, a chart drawn on the server as SVG (the /inzichten
 * chart), a table with the same figures and its CSV. A withheld figure reads "not shown" everywhere.
 */

const columnKeys: Record<FigureName, Record<string, MessageKey>> = {
  zaken: {
    started: 'orgInsights.cases.started',
    closed: 'orgInsights.cases.closed',
    open: 'orgInsights.cases.open',
    waiting_for_help: 'orgInsights.cases.waiting',
  },
  overleggen: {
    meetings: 'orgInsights.meetings.meetings',
    parent_invited: 'orgInsights.meetings.invited',
    parent_took_part: 'orgInsights.meetings.tookPart',
  },
  'eerste-hulp': {
    '0': 'orgInsights.firstHelp.0',
    '1-7': 'orgInsights.firstHelp.1-7',
    '8-14': 'orgInsights.firstHelp.8-14',
    '15-28': 'orgInsights.firstHelp.15-28',
    '29-90': 'orgInsights.firstHelp.29-90',
    '91+': 'orgInsights.firstHelp.over90',
  } satisfies Record<DaysBucket, MessageKey>,
  afspraken: { open: 'orgInsights.agreements.open', overdue: 'orgInsights.agreements.overdue' },
  trajecten: {},
};

function Figure({ ctx, value }: { ctx: PageContext; value: number | null }) {
  return value === null ? (
    <span class="app-data-table__withheld">{ctx.t('orgInsights.withheld')}</span>
  ) : (
    <>{ctx.t('orgInsights.count', { count: value })}</>
  );
}

/** A table of one figure: a row per region, a column per measure, totals over the regions (and per region). */
function RegionDataTable({
  ctx,
  name,
  caption,
  columns,
  regionLabel,
  table,
  csvHref,
}: {
  ctx: PageContext;
  name: FigureName;
  caption: string;
  columns: readonly string[];
  regionLabel: (code: string) => string;
  table: RegionTable;
  csvHref: string;
}) {
  return (
    <>
      <div class="app-data-table__wrapper" role="region" aria-labelledby={`${name}-caption`} tabIndex={0}>
        <table class="app-data-table">
          <caption id={`${name}-caption`}>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{ctx.t('orgInsights.region')}</th>
              {columns.map((column) => (
                <th scope="col" key={column}>
                  {column}
                </th>
              ))}
              {table.rowTotals && <th scope="col">{ctx.t('orgInsights.total')}</th>}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.region}>
                <th scope="row">{regionLabel(row.region)}</th>
                {row.values.map((value, index) => (
                  <td key={index}>
                    <Figure ctx={ctx} value={value} />
                  </td>
                ))}
                {table.rowTotals && (
                  <td>
                    <Figure ctx={ctx} value={row.total} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{ctx.t('orgInsights.total')}</th>
              {table.columnTotals.map((value, index) => (
                <td key={index}>
                  <Figure ctx={ctx} value={value} />
                </td>
              ))}
              {table.rowTotals && (
                <td>
                  <Figure ctx={ctx} value={table.total} />
                </td>
              )}
            </tr>
          </tfoot>
        </table>
      </div>
      <p>
        <a href={csvHref} download>
          {ctx.t('orgInsights.csv')}
        </a>
      </p>
    </>
  );
}

/** The page: `base` is where it lives ('/organisatie/inzichten' or '/beheer/inzichten'); its CSV files are below. */
export function OrganisationInsightsPage({
  ctx,
  view,
  base,
}: {
  ctx: PageContext;
  view: OrganisationInsightsView;
  base: string;
}) {
  const { t } = ctx;
  const { insights, regionNames } = view;
  const { figures, weeks } = insights;
  const all = view.organisationId === allOrganisations;
  const title = all ? t('orgInsights.all.title') : t('orgInsights.own.title');
  const shown = (value: number | null): string =>
    value === null ? 'withheld' : t('orgInsights.count', { count: value });
  const regionLabel = (code: string): string =>
    code === unknownRegion ? t('orgInsights.unknownRegion') : (regionNames.get(code) ?? code);
  const labels = (name: FigureName): string[] =>
    name === 'trajecten'
      ? figures.trajecten.columns.map(
          (id) => view.tracks.find((track) => track.id === id)?.title[ctx.locale === 'en' ? 'en' : 'nl'] ?? id,
        )
      : figures[name].columns.map((key) => t(columnKeys[name][key]!));
  const byRegion = (name: FigureName, value: (row: RegionTable['rows'][number]) => number | null) =>
    figures[name].rows.map((row) => ({ label: regionLabel(row.region), value: value(row) }));
  const csvHref = (name: FigureName): string => `${base}/${name}.csv`;
  const table = (name: FigureName, caption: string) => (
    <RegionDataTable
      ctx={ctx}
      name={name}
      caption={caption}
      columns={labels(name)}
      regionLabel={regionLabel}
      table={figures[name]}
      csvHref={csvHref(name)}
    />
  );
  const [started, , open] = figures.zaken.columnTotals;
  const [meetings, invited, tookPart] = figures.overleggen.columnTotals;
  const [agreementsOpen, agreementsOverdue] = figures.afspraken.columnTotals;

  return (
    <Layout ctx={ctx} title={title} description={t('orgInsights.description')}>
      <h1>{title}</h1>
      <p class="app-lead">
        {all
          ? t('orgInsights.all.lead')
          : t('orgInsights.own.lead', { organisation: view.organisationName ?? t('orgInsights.own.fallbackName') })}
      </p>
      <p>
        {t('orgInsights.period', {
          first: weeks[0]!,
          last: weeks[weeks.length - 1]!,
          from: dayDate(insights.from),
          through: dayDate(insights.through),
        })}
      </p>
      <p>
        {t('orgInsights.small')} <a href="/inzichten/methode">{t('orgInsights.methodLink')}</a>
      </p>
      <p>{t('orgInsights.source')}</p>
      <p>{t('orgInsights.regionRule')}</p>
      <p>{t('orgInsights.flowsAndStates')}</p>

      <Section id="zaken" title={t('orgInsights.cases.title')}>
        <p>{t('orgInsights.cases.summary', { started: shown(started ?? null), open: shown(open ?? null) })}</p>
        <BarChart
          ctx={ctx}
          id="chart-zaken"
          title={t('orgInsights.cases.chartTitle')}
          description={t('orgInsights.cases.chartDescription')}
          bars={byRegion('zaken', (row) => row.values[0] ?? null)}
        />
        {table('zaken', t('orgInsights.cases.caption'))}
      </Section>

      <Section id="overleggen" title={t('orgInsights.meetings.title')}>
        <p>
          {t('orgInsights.meetings.summary', {
            meetings: shown(meetings ?? null),
            invited: shown(invited ?? null),
            tookPart: shown(tookPart ?? null),
          })}
        </p>
        <BarChart
          ctx={ctx}
          id="chart-overleggen"
          title={t('orgInsights.meetings.chartTitle')}
          description={t('orgInsights.meetings.chartDescription')}
          bars={byRegion('overleggen', (row) => row.values[0] ?? null)}
        />
        {table('overleggen', t('orgInsights.meetings.caption'))}
      </Section>

      <Section id="eerste-hulp" title={t('orgInsights.firstHelp.title')}>
        <p>{t('orgInsights.firstHelp.summary', { total: shown(figures['eerste-hulp'].total) })}</p>
        <BarChart
          ctx={ctx}
          id="chart-eerste-hulp"
          title={t('orgInsights.firstHelp.chartTitle')}
          description={t('orgInsights.firstHelp.chartDescription')}
          bars={byRegion('eerste-hulp', (row) => row.total)}
        />
        {table('eerste-hulp', t('orgInsights.firstHelp.caption'))}
      </Section>

      <Section id="afspraken" title={t('orgInsights.agreements.title')}>
        <p>
          {t('orgInsights.agreements.summary', {
            open: shown(agreementsOpen ?? null),
            overdue: shown(agreementsOverdue ?? null),
          })}
        </p>
        <BarChart
          ctx={ctx}
          id="chart-afspraken"
          title={t('orgInsights.agreements.chartTitle')}
          description={t('orgInsights.agreements.chartDescription')}
          bars={byRegion('afspraken', (row) => row.values[0] ?? null)}
        />
        {table('afspraken', t('orgInsights.agreements.caption'))}
      </Section>

      {figures.trajecten.columns.length > 0 && (
        <Section id="trajecten" title={t('orgInsights.tracks.title')}>
          <p>{t('orgInsights.tracks.summary')}</p>
          <BarChart
            ctx={ctx}
            id="chart-trajecten"
            title={t('orgInsights.tracks.chartTitle')}
            description={t('orgInsights.tracks.chartDescription')}
            bars={labels('trajecten').map((label, index) => ({
              label,
              value: figures.trajecten.columnTotals[index] ?? null,
            }))}
          />
          {table('trajecten', t('orgInsights.tracks.caption'))}
        </Section>
      )}

      <p>
        <a href="/account">{t('orgInsights.back')}</a>
      </p>
    </Layout>
  );
}
