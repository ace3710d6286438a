import type { ComponentChildren } from 'preact';
import { adviceLevels } from '../../check/check.schema.js';
import type { PageContext } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import { weekEnd, weekStart } from '../../../shared/time/weeks.js';
import type { FigureTable, Insights } from '../insights.figures.js';
import { type CsvName, csvPath } from '../insights.csv.js';

/** A day (YYYY-MM-DD) as a Date at noon UTC, for ICU's date formats (no time zone can move it to another day). */
const dayDate = (day: string): Date => new Date(`${day}T12:00:00Z`);

/** 'Week 49 (30 nov – 6 dec)': the ISO week's number and its days. */
function weekLabel(ctx: PageContext, week: string): string {
  const format = new Intl.DateTimeFormat(ctx.locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  return `${ctx.t('insights.week')} ${Number(week.slice(6))} (${format.format(dayDate(weekStart(week)))} – ${format.format(dayDate(weekEnd(week)))})`;
}

function Figure({ ctx, value }: { ctx: PageContext; value: number | null }) {
  return value === null ? (
    <span class="app-data-table__withheld">{ctx.t('insights.withheld')}</span>
  ) : (
    <>{ctx.t('insights.chart.count', { count: value })}</>
  );
}

/**
 * A horizontal bar chart drawn on the server as SVG: no script, readable in print. Its name and description come
 * from <title> and <desc>; the figures themselves are in the table that follows it (the chart is the same data).
 */
export function BarChart({
  ctx,
  id,
  title,
  description,
  bars,
}: {
  ctx: PageContext;
  id: string;
  title: string;
  description: string;
  bars: readonly { label: string; value: number | null }[];
}) {
  const labelWidth = 230;
  const barArea = 300;
  const rowHeight = 26;
  const width = labelWidth + barArea + 90;
  const height = bars.length * rowHeight + 8;
  const max = Math.max(1, ...bars.map((bar) => bar.value ?? 0));
  return (
    <figure class="app-chart">
      <svg
        class="app-chart__svg"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        data-chart={id}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {bars.map((bar, index) => {
          const y = 4 + index * rowHeight;
          const length = bar.value === null ? 0 : Math.max(1, Math.round((bar.value / max) * barArea));
          return (
            <g key={bar.label} data-value={bar.value === null ? '' : String(bar.value)}>
              <text class="app-chart__label" x="0" y={y + 17}>
                {bar.label}
              </text>
              {bar.value === null ? (
                <text class="app-chart__withheld" x={labelWidth} y={y + 17}>
                  {ctx.t('insights.withheld')}
                </text>
              ) : (
                <>
                  <rect class="app-chart__bar" x={labelWidth} y={y + 3} width={length} height={rowHeight - 8} />
                  <text class="app-chart__value" x={labelWidth + length + 6} y={y + 17}>
                    {ctx.t('insights.chart.count', { count: bar.value })}
                  </text>
                </>
              )}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

/** A table of figures: rows, columns, row and column totals, "not shown" where withheld. */
function DataTable({
  ctx,
  caption,
  rowHeader,
  columns,
  rowLabel,
  table,
  csv,
}: {
  ctx: PageContext;
  caption: string;
  rowHeader: string;
  columns: readonly string[];
  rowLabel: (key: string) => string;
  table: FigureTable;
  csv: CsvName;
}) {
  const several = table.columns.length > 1;
  return (
    <>
      {/* A wide table scrolls sideways inside its wrapper on a small screen: the wrapper takes keyboard focus
          (arrow keys scroll it) and is a region named by the caption (WCAG 2.1.1, axe scrollable-region-focusable). */}
      <div class="app-data-table__wrapper" role="region" aria-labelledby={`${csv}-caption`} tabIndex={0}>
        <table class="app-data-table">
          <caption id={`${csv}-caption`}>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{rowHeader}</th>
              {columns.map((column) => (
                <th scope="col" key={column}>
                  {column}
                </th>
              ))}
              {several && <th scope="col">{ctx.t('insights.total')}</th>}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{rowLabel(row.key)}</th>
                {row.values.map((value, index) => (
                  <td key={index}>
                    <Figure ctx={ctx} value={value} />
                  </td>
                ))}
                {several && (
                  <td>
                    <Figure ctx={ctx} value={row.total} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{ctx.t('insights.total')}</th>
              {several ? (
                <>
                  {(table.columnTotals ?? []).map((value, index) => (
                    <td key={index}>
                      <Figure ctx={ctx} value={value} />
                    </td>
                  ))}
                  <td>
                    <Figure ctx={ctx} value={table.total} />
                  </td>
                </>
              ) : (
                <td>
                  <Figure ctx={ctx} value={table.total} />
                </td>
              )}
            </tr>
          </tfoot>
        </table>
      </div>
      <p>
        <a href={csvPath(csv)} download>
          {ctx.t('insights.csv')}
        </a>
      </p>
    </>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="app-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** /inzichten: the published figures, each chart with its table, text and CSV. */
export function InsightsPage({
  ctx,
  insights,
  regionNames,
}: {
  ctx: PageContext;
  insights: Insights;
  regionNames: ReadonlyMap<string, string>;
}) {
  const { t } = ctx;
  const weeks = insights.weeks;
  const total = (value: number | null) => (value === null ? 'withheld' : t('insights.chart.count', { count: value }));
  const levelNames = adviceLevels.map((level) => t(`insights.level.${level}`));
  return (
    <Layout ctx={ctx} title={t('insights.title')} description={t('insights.description')}>
      <h1>{t('insights.title')}</h1>
      <p class="app-lead">{t('insights.lead')}</p>
      <p>
        {t('insights.period', {
          first: weeks[0]!,
          last: weeks[weeks.length - 1]!,
          from: dayDate(insights.from),
          through: dayDate(insights.through),
        })}
      </p>
      <p>
        {t('insights.small')} <a href="/inzichten/methode">{t('insights.methodLink')}</a>
      </p>

      <Section id="signalencheck" title={t('insights.checks.title')}>
        <p>{t('insights.checks.summary', { total: total(insights.checksByWeek.total) })}</p>
        <BarChart
          ctx={ctx}
          id="chart-checks"
          title={t('insights.checks.chartTitle')}
          description={t('insights.checks.chartDescription')}
          bars={insights.checksByWeek.rows.map((row) => ({ label: weekLabel(ctx, row.key), value: row.total }))}
        />
        <DataTable
          ctx={ctx}
          caption={t('insights.checks.tableCaption')}
          rowHeader={t('insights.week')}
          columns={levelNames}
          rowLabel={(week) => weekLabel(ctx, week)}
          table={insights.checksByWeek}
          csv="signalencheck-per-week"
        />
        {insights.checksByVersion.rows.length > 0 && (
          <DataTable
            ctx={ctx}
            caption={t('insights.checks.versionsCaption')}
            rowHeader={t('insights.checks.versionColumn')}
            columns={[t('insights.checks.count')]}
            rowLabel={(version) => t('insights.checks.version', { version })}
            table={insights.checksByVersion}
            csv="signalencheck-per-versie"
          />
        )}
      </Section>

      <Section id="hulpzoeker" title={t('insights.lookups.title')}>
        <p>{t('insights.lookups.summary', { total: total(insights.lookupsByWeek.total) })}</p>
        <BarChart
          ctx={ctx}
          id="chart-lookups"
          title={t('insights.lookups.chartTitle')}
          description={t('insights.lookups.chartDescription')}
          bars={insights.lookupsByWeek.rows.map((row) => ({ label: weekLabel(ctx, row.key), value: row.values[0]! }))}
        />
        <DataTable
          ctx={ctx}
          caption={t('insights.lookups.weeksCaption')}
          rowHeader={t('insights.week')}
          columns={[t('insights.checks.count')]}
          rowLabel={(week) => weekLabel(ctx, week)}
          table={insights.lookupsByWeek}
          csv="hulpzoeker-per-week"
        />
        <DataTable
          ctx={ctx}
          caption={t('insights.lookups.regionsCaption')}
          rowHeader={t('insights.lookups.region')}
          columns={[t('insights.checks.count')]}
          rowLabel={(code) => regionNames.get(code) ?? code}
          table={insights.lookupsByRegion}
          csv="hulpzoeker-per-regio"
        />
      </Section>
    </Layout>
  );
}

/** /inzichten/methode: sources, definitions, what is withheld and why. */
export function InsightsMethodPage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('insights.method.title')} description={t('insights.method.description')}>
      <h1>{t('insights.method.title')}</h1>
      <h2>{t('insights.method.sourcesTitle')}</h2>
      <p>{t('insights.method.sources')}</p>
      <h2>{t('insights.method.weeksTitle')}</h2>
      <p>{t('insights.method.weeks')}</p>
      <h2>{t('insights.method.smallTitle')}</h2>
      <p>{t('insights.method.small')}</p>
      <p>{t('insights.method.csv')}</p>
      <h2>{t('insights.method.notYetTitle')}</h2>
      <p>{t('insights.method.notYet')}</p>
      <p>
        <a href="/inzichten">{t('insights.method.back')}</a>
      </p>
    </Layout>
  );
}
