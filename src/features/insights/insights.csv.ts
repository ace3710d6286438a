import { stringify } from 'csv-stringify/sync';
import { adviceLevels } from '../check/check.schema.js';
import { type FigureTable, shareOf } from './insights.figures.js';
import type { Published } from './insights.service.js';

/*
 * The insights' tables as CSV (ADR 0046): the same figures as the page, fixed English column names, a withheld
 * figure as an empty field. Quoting is csv-stringify's, formulas escaped.
 */

export const csvNames = [
  'signalencheck-per-week',
  'signalencheck-per-versie',
  'hulpzoeker-per-week',
  'hulpzoeker-per-regio',
  'signalencheck-hulp-per-regio',
  'signalencheck-hulp-per-advies',
  'overleg-met-ouders',
  'tijd-tot-eerste-hulp',
  'afspraken-over-tijd',
  'sporen',
  'vragenlijst-ouders',
] as const;
export type CsvName = (typeof csvNames)[number];

export const isCsvName = (value: string): value is CsvName => (csvNames as readonly string[]).includes(value);

export const csvPath = (name: CsvName): string => `/inzichten/${name}.csv`;

/** A figure as a CSV field: withheld (null) as an empty field. */
export const field = (value: number | null): string => (value === null ? '' : String(value));

/** Records as CSV text: csv-stringify's quoting, formulas escaped (names are data), CRLF line ends. */
export const csvText = (records: readonly (readonly string[])[]): string =>
  stringify([...records], { escape_formulas: true, record_delimiter: 'windows' });

function rowsOf(table: FigureTable, key: string, columns: readonly string[], label?: (key: string) => string) {
  const several = table.columns.length > 1;
  const header = [key, ...(label ? ['name'] : []), ...columns, ...(several ? ['total'] : [])];
  const rows = table.rows.map((row) => [
    row.key,
    ...(label ? [label(row.key)] : []),
    ...row.values.map(field),
    ...(several ? [field(row.total)] : []),
  ]);
  // A table whose rows do not add up (tracks, the meetings' measures) has no totals row.
  if (table.total === undefined) return [header, ...rows];
  const totals = [
    'total',
    ...(label ? [''] : []),
    ...(several ? [...(table.columnTotals ?? []).map(field), field(table.total)] : [field(table.total)]),
  ];
  return [header, ...rows, totals];
}

/**
 * The share of the first row's count each row is, in whole percent (the meetings the parent was invited to of
 * all meetings, the overdue agreements of all open ones); empty for the first row and where a count is withheld.
 */
export function sharesOf(table: FigureTable): (number | null)[] {
  const whole = table.rows[0]?.values[0] ?? null;
  return table.rows.map((row, index) => (index === 0 ? null : shareOf(row.values[0] ?? null, whole)));
}

function withShares(table: FigureTable, key: string) {
  const shares = sharesOf(table);
  const [header, ...rows] = rowsOf(table, key, ['count']);
  return [[...header!, 'percent'], ...rows.map((row, index) => [...row, field(shares[index] ?? null)])];
}

/** One table of the page as CSV text. */
export function csvOf(name: CsvName, published: Published): string {
  const { insights, regionNames, trackTitles } = published;
  const records = (() => {
    switch (name) {
      case 'signalencheck-per-week':
        return rowsOf(insights.checksByWeek, 'week', adviceLevels);
      case 'signalencheck-per-versie':
        return rowsOf(insights.checksByVersion, 'version', ['count']);
      case 'hulpzoeker-per-week':
        return rowsOf(insights.lookupsByWeek, 'week', ['count']);
      case 'hulpzoeker-per-regio':
        return rowsOf(insights.lookupsByRegion, 'safety_region', ['count'], (code) => regionNames.get(code) ?? '');
      case 'signalencheck-hulp-per-regio':
        return rowsOf(insights.checkLookupsByRegion, 'safety_region', ['count'], (code) => regionNames.get(code) ?? '');
      case 'signalencheck-hulp-per-advies':
        return rowsOf(insights.checkLookupsByLevel, 'advice_level', ['count']);
      case 'overleg-met-ouders':
        return withShares(insights.cases.meetings, 'measure');
      case 'tijd-tot-eerste-hulp':
        return rowsOf(insights.cases.firstHelp, 'days', ['count']);
      case 'afspraken-over-tijd':
        return withShares(insights.cases.agreements, 'measure');
      case 'sporen':
        return rowsOf(insights.cases.tracks, 'track', ['count'], (id) => trackTitles.get(id)?.nl ?? id);
      case 'vragenlijst-ouders':
        return rowsOf({ ...insights.survey, total: undefined }, 'question', insights.survey.columns);
    }
  })();
  return csvText(records);
}
