import type { ComponentChildren } from 'preact';
import { adviceLevels } from '../../check/check.schema.js';
import type { PageContext } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import { weekEnd, weekStart } from '../../../shared/time/weeks.js';
import { type FigureTable, surveyScores } from '../insights.figures.js';
import { type CsvName, csvPath, sharesOf } from '../insights.csv.js';
import type { Published } from '../insights.service.js';

/** A day (YYYY-MM-DD) as a Date at noon UTC, for ICU's date formats (no time zone can move it to another day). */
export const dayDate = (day: string): Date => new Date(`${day}T12:00:00Z`);

/** 'Week 49 (30 nov – 6 dec)': the ISO week's number and its days. */
function weekLabel(ctx: PageContext, week: string): string {
  const format = new Intl.DateTimeFormat(ctx.locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  return `${ctx.t('insights.week')} ${Number(week.slice(6))} (${format.format(dayDate(weekStart(week)))} – ${format.format(dayDate(weekEnd(week)))})`;
}

/** A share in percent; the first row is the whole the others are a share of ("—"). */
function Share({ ctx, value, first }: { ctx: PageContext; value: number | null; first: boolean }) {
  if (first) return <>{ctx.t('insights.share.whole')}</>;
  return value === null ? (
    <span class="app-data-table__withheld">{ctx.t('insights.withheld')}</span>
  ) : (
    <>{ctx.t('insights.share.value', { share: value })}</>
  );
}

function Figure({ ctx, value }: { ctx: PageContext; value: number | null | undefined }) {
  return value === null || value === undefined ? (
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
  shares,
}: {
  ctx: PageContext;
  caption: string;
  rowHeader: string;
  columns: readonly string[];
  rowLabel: (key: string) => string;
  table: FigureTable;
  csv: CsvName;
  /** A column of shares in percent, one per row (null: withheld or not applicable). */
  shares?: readonly (number | null)[];
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
              {shares !== undefined && <th scope="col">{ctx.t('insights.share')}</th>}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, index) => (
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
                {shares !== undefined && (
                  <td data-share>
                    <Share ctx={ctx} value={shares[index] ?? null} first={index === 0} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
          {table.total !== undefined && (
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
          )}
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

/** A section of an insights page with its heading (/inzichten and the per-region pages). */
export function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="app-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** /inzichten: the published figures, each chart with its table, text and CSV. */
export function InsightsPage({ ctx, published }: { ctx: PageContext; published: Published }) {
  const { t } = ctx;
  const { insights, regionNames, trackTitles } = published;
  const weeks = insights.weeks;
  const total = (value: number | null | undefined) =>
    value === null || value === undefined ? 'withheld' : t('insights.chart.count', { count: value });
  const levelNames = adviceLevels.map((level) => t(`insights.level.${level}`));
  const levelName = (level: string) => t(`insights.level.${level as (typeof adviceLevels)[number]}`);
  const cases = insights.cases;
  const count = [t('insights.checks.count')];
  const bars = (table: FigureTable, label: (key: string) => string) =>
    table.rows.map((row) => ({ label: label(row.key), value: row.values[0] ?? null }));
  // Labels by key, each key named literally (the messages test finds every key in the sources).
  const labels: Record<string, string> = {
    meetings: t('insights.meetings.meetings'),
    parent_invited: t('insights.meetings.parent_invited'),
    parent_took_part: t('insights.meetings.parent_took_part'),
    open: t('insights.agreements.open'),
    overdue: t('insights.agreements.overdue'),
  };
  const questions: Record<string, string> = {
    care: t('insights.survey.question.care'),
    police: t('insights.survey.question.police'),
    understood: t('insights.survey.question.understood'),
    next_step: t('insights.survey.question.next_step'),
  };
  const meetingLabel = (key: string) => labels[key] ?? key;
  const agreementLabel = meetingLabel;
  const bucketLabel = (bucket: string) =>
    bucket === '0' ? t('insights.firstHelp.sameDay') : t('insights.firstHelp.bucket', { bucket });
  const trackLabel = (id: string) => trackTitles.get(id)?.[ctx.locale] ?? id;
  const questionLabel = (question: string) => questions[question] ?? question;
  const scoreLabel = (score: string) => (score === 'none' ? t('insights.survey.none') : score);
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
            columns={count}
            rowLabel={(version) => t('insights.checks.version', { version })}
            table={insights.checksByVersion}
            csv="signalencheck-per-versie"
          />
        )}
      </Section>

      <Section id="signalencheck-regio" title={t('insights.checkLookups.title')}>
        <p>{t('insights.checkLookups.regionOnly')}</p>
        <p>{t('insights.checkLookups.summary', { total: total(insights.checkLookupsByRegion.total) })}</p>
        <BarChart
          ctx={ctx}
          id="chart-check-lookups"
          title={t('insights.checkLookups.chartTitle')}
          description={t('insights.checkLookups.chartDescription')}
          bars={bars(insights.checkLookupsByRegion, (code) => regionNames.get(code) ?? code)}
        />
        <DataTable
          ctx={ctx}
          caption={t('insights.checkLookups.regionsCaption')}
          rowHeader={t('insights.lookups.region')}
          columns={count}
          rowLabel={(code) => regionNames.get(code) ?? code}
          table={insights.checkLookupsByRegion}
          csv="signalencheck-hulp-per-regio"
        />
        <DataTable
          ctx={ctx}
          caption={t('insights.checkLookups.levelsCaption')}
          rowHeader={t('insights.checkLookups.level')}
          columns={count}
          rowLabel={levelName}
          table={insights.checkLookupsByLevel}
          csv="signalencheck-hulp-per-advies"
        />
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
          columns={count}
          rowLabel={(week) => weekLabel(ctx, week)}
          table={insights.lookupsByWeek}
          csv="hulpzoeker-per-week"
        />
        <DataTable
          ctx={ctx}
          caption={t('insights.lookups.regionsCaption')}
          rowHeader={t('insights.lookups.region')}
          columns={count}
          rowLabel={(code) => regionNames.get(code) ?? code}
          table={insights.lookupsByRegion}
          csv="hulpzoeker-per-regio"
        />
      </Section>

      <Section id="samenwerken" title={t('insights.cases.title')}>
        <p>
          {t('insights.cases.period', {
            first: cases.weeks[0]!,
            last: cases.weeks[cases.weeks.length - 1]!,
            from: dayDate(cases.from),
            through: dayDate(cases.through),
            counted: cases.weeksCounted,
            weeks: cases.weeks.length,
          })}
        </p>
        <p>{t('insights.cases.lead')}</p>

        <h3>{t('insights.meetings.title')}</h3>
        <p>{t('insights.meetings.summary')}</p>
        <BarChart
          ctx={ctx}
          id="chart-meetings"
          title={t('insights.meetings.chartTitle')}
          description={t('insights.meetings.chartDescription')}
          bars={bars(cases.meetings, meetingLabel)}
        />
        <DataTable
          ctx={ctx}
          caption={t('insights.meetings.caption')}
          rowHeader={t('insights.meetings.measure')}
          columns={count}
          rowLabel={meetingLabel}
          table={cases.meetings}
          csv="overleg-met-ouders"
          shares={sharesOf(cases.meetings)}
        />

        <h3>{t('insights.firstHelp.title')}</h3>
        <p>{t('insights.firstHelp.summary')}</p>
        <BarChart
          ctx={ctx}
          id="chart-first-help"
          title={t('insights.firstHelp.chartTitle')}
          description={t('insights.firstHelp.chartDescription')}
          bars={bars(cases.firstHelp, bucketLabel)}
        />
        <DataTable
          ctx={ctx}
          caption={t('insights.firstHelp.caption')}
          rowHeader={t('insights.firstHelp.days')}
          columns={count}
          rowLabel={bucketLabel}
          table={cases.firstHelp}
          csv="tijd-tot-eerste-hulp"
        />

        <h3>{t('insights.agreements.title')}</h3>
        <p>{t('insights.agreements.summary')}</p>
        <BarChart
          ctx={ctx}
          id="chart-agreements"
          title={t('insights.agreements.chartTitle')}
          description={t('insights.agreements.chartDescription')}
          bars={bars(cases.agreements, agreementLabel)}
        />
        <DataTable
          ctx={ctx}
          caption={t('insights.agreements.caption')}
          rowHeader={t('insights.meetings.measure')}
          columns={count}
          rowLabel={agreementLabel}
          table={cases.agreements}
          csv="afspraken-over-tijd"
          shares={sharesOf(cases.agreements)}
        />

        <h3>{t('insights.tracks.title')}</h3>
        <p>{t('insights.tracks.summary')}</p>
        {cases.tracks.rows.length === 0 ? (
          <p data-no-tracks>{t('insights.tracks.none')}</p>
        ) : (
          <>
            <BarChart
              ctx={ctx}
              id="chart-tracks"
              title={t('insights.tracks.chartTitle')}
              description={t('insights.tracks.chartDescription')}
              bars={bars(cases.tracks, trackLabel)}
            />
            <DataTable
              ctx={ctx}
              caption={t('insights.tracks.caption')}
              rowHeader={t('insights.tracks.track')}
              columns={count}
              rowLabel={trackLabel}
              table={cases.tracks}
              csv="sporen"
            />
          </>
        )}
      </Section>

      <Section id="ouders-aan-het-woord" title={t('insights.survey.title')}>
        <p>{t('insights.survey.lead')}</p>
        <p>{t('insights.survey.summary', { total: total(insights.survey.total) })}</p>
        {insights.survey.rows.map((row) => (
          <BarChart
            key={row.key}
            ctx={ctx}
            id={`chart-survey-${row.key.replace('_', '-')}`}
            title={t('insights.survey.chartTitle', { question: questionLabel(row.key) })}
            description={t('insights.survey.chartDescription')}
            bars={surveyScores.map((score, index) => ({ label: scoreLabel(score), value: row.values[index] ?? null }))}
          />
        ))}
        <DataTable
          ctx={ctx}
          caption={t('insights.survey.caption')}
          rowHeader={t('insights.survey.question')}
          columns={surveyScores.map(scoreLabel)}
          rowLabel={questionLabel}
          table={{ ...insights.survey, total: undefined }}
          csv="vragenlijst-ouders"
        />
      </Section>
    </Layout>
  );
}

/** /inzichten/methode: sources, definitions, what is withheld and why. */
export function InsightsMethodPage({ ctx, noiseEpsilon }: { ctx: PageContext; noiseEpsilon?: number | undefined }) {
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
      <h2>{t('insights.method.checkLookupsTitle')}</h2>
      <p>{t('insights.method.checkLookups')}</p>
      <h2>{t('insights.method.casesTitle')}</h2>
      <p>{t('insights.method.cases')}</p>
      <ul>
        <li>{t('insights.method.cases.meetings')}</li>
        <li>{t('insights.method.cases.firstHelp')}</li>
        <li>{t('insights.method.cases.agreements')}</li>
        <li>{t('insights.method.cases.tracks')}</li>
      </ul>
      <p>{t('insights.method.cases.weeks')}</p>
      <h2>{t('insights.method.surveyTitle')}</h2>
      <p>{t('insights.method.survey')}</p>
      {noiseEpsilon === undefined ? (
        <>
          <h2>{t('insights.method.noNoiseTitle')}</h2>
          <p>{t('insights.method.noNoise')}</p>
        </>
      ) : (
        <>
          <h2>{t('insights.method.noiseTitle')}</h2>
          <p>{t('insights.method.noise', { epsilon: noiseEpsilon })}</p>
        </>
      )}
      <p>
        <a href="/inzichten">{t('insights.method.back')}</a>
      </p>
    </Layout>
  );
}
