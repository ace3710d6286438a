import { unknownRegion } from '../cases/case-measures.js';
import { csvText, field } from './insights.csv.js';
import type { FigureName, OrganisationInsights } from './organisation-insights.figures.js';

/*
 * The figures per region as CSV (ADR 0048): one file per table of the page, the same figures, fixed English
 * column names (the measure, band of days or track id), a withheld figure as an empty field, a totals row.
 * Quoting is csv-stringify's, formulas escaped (a region's or track's name is data).
 */

/** One table of the page as CSV text. */
export function organisationCsv(
  name: FigureName,
  insights: OrganisationInsights,
  regionNames: ReadonlyMap<string, string>,
): string {
  const table = insights.figures[name];
  const header = ['safety_region', 'name', ...table.columns, ...(table.rowTotals ? ['total'] : [])];
  const rows = table.rows.map((row) => [
    row.region,
    row.region === unknownRegion ? '' : (regionNames.get(row.region) ?? ''),
    ...row.values.map(field),
    ...(table.rowTotals ? [field(row.total)] : []),
  ]);
  const totals = ['total', '', ...table.columnTotals.map(field), ...(table.rowTotals ? [field(table.total)] : [])];
  return csvText([header, ...rows, totals]);
}
