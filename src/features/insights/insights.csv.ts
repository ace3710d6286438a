import { stringify } from 'csv-stringify/sync';
import { adviceLevels } from '../check/check.schema.js';
import type { FigureTable, Insights } from './insights.figures.js';

/*
 * The insights' tables as CSV (ADR 0046): the same figures as the page, fixed English column names, a withheld
 * figure as an empty field. Quoting is csv-stringify's, formulas escaped.
 */

export const csvNames = [
  'signalencheck-per-week',
  'signalencheck-per-versie',
  'hulpzoeker-per-week',
  'hulpzoeker-per-regio',
] as const;
export type CsvName = (typeof csvNames)[number];

export const isCsvName = (value: string): value is CsvName => (csvNames as readonly string[]).includes(value);

export const csvPath = (name: CsvName): string => `/inzichten/${name}.csv`;

const field = (value: number | null): string => (value === null ? '' : String(value));

function rowsOf(table: FigureTable, key: string, columns: readonly string[], label?: (key: string) => string) {
  const several = table.columns.length > 1;
  const header = [key, ...(label ? ['name'] : []), ...columns, ...(several ? ['total'] : [])];
  const rows = table.rows.map((row) => [
    row.key,
    ...(label ? [label(row.key)] : []),
    ...row.values.map(field),
    ...(several ? [field(row.total)] : []),
  ]);
  const totals = [
    'total',
    ...(label ? [''] : []),
    ...(several ? [...(table.columnTotals ?? []).map(field), field(table.total)] : [field(table.total)]),
  ];
  return [header, ...rows, totals];
}

/** One table of the page as CSV text. */
export function csvOf(name: CsvName, insights: Insights, regionNames: ReadonlyMap<string, string>): string {
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
    }
  })();
  return stringify(records, { escape_formulas: true, record_delimiter: 'windows' });
}
