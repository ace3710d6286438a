import { adviceLevels } from '../check/check.schema.js';
import { addDays, daysBetween, isoWeekOf, weekEnd, weekStart } from '../../shared/time/weeks.js';
import { type Cell, type FigureSet, publish, type Sum } from './suppression.js';

/*
 * The published figures of /inzichten (issue 18), computed from the aggregate tables: which weeks are shown, how
 * the counts are grouped, and which sums link them, so that disclosure control (suppression.ts) sees every
 * figure a reader can combine. Pure: the service reads the rows and caches the result per publication week.
 */

/** How many complete weeks the page shows: one block. */
export const weeksShown = 12;

/** The Monday of ISO week 2025-W01, where the first block of weeks starts. */
const blocksStart = '2024-12-30';

/**
 * The weeks published on `today` (oldest first): the latest complete block of 12 weeks. Blocks are fixed and do
 * not overlap (12 weeks each from 2025-W01), so two publications either show the same figures or share no week:
 * no total can be subtracted from an earlier one to reveal a withheld week, as a moving window would allow
 * (total(next) − total(this) = newest week − dropped week). A block is published from the Tuesday after its last
 * week ends, when its counts have been written (counters flush within minutes); nothing writes to it again.
 */
export function publishedWeeks(today: string): string[] {
  const lastComplete = isoWeekOf(addDays(today, -8));
  const index = daysBetween(blocksStart, weekStart(lastComplete)) / 7;
  const block = Math.floor((index + 1) / weeksShown) - 1;
  const first = addDays(blocksStart, block * weeksShown * 7);
  return Array.from({ length: weeksShown }, (_, week) => isoWeekOf(addDays(first, week * 7)));
}

/** The weeks published on `today` and the days they span (Monday of the first to Sunday of the last). */
export function publicationPeriod(today: string): { weeks: string[]; from: string; through: string } {
  const weeks = publishedWeeks(today);
  return { weeks, from: weekStart(weeks[0]!), through: weekEnd(weeks[weeks.length - 1]!) };
}

/** A published table: every value is a count, or null where it is withheld. */
export interface FigureTable {
  columns: readonly string[];
  rows: { key: string; values: (number | null)[]; total: number | null }[];
  /** Per column over all rows (tables with more than one column). */
  columnTotals?: (number | null)[];
  total: number | null;
}

export interface Insights {
  weeks: readonly string[];
  /** The first and last day counted (Monday of the first week, Sunday of the last). */
  from: string;
  through: string;
  checksByWeek: FigureTable;
  checksByVersion: FigureTable;
  lookupsByWeek: FigureTable;
  lookupsByRegion: FigureTable;
  /** How many figures were withheld (under 10, or because they would let one be worked out). */
  withheld: number;
}

export interface InsightRows {
  checkOutcomes: readonly { day: string; version: number; level: string; count: number }[];
  helpLookups: readonly { day: string; region: string; count: number }[];
  regions: readonly string[];
}

/** Cells and sums, built by name. */
class Figures {
  private readonly counts = new Map<string, number>();
  readonly sums: Sum[] = [];

  add(id: string, count: number): void {
    this.counts.set(id, (this.counts.get(id) ?? 0) + count);
  }

  /** Declares total = Σ parts; every name used becomes a cell (count 0 until added to). */
  sum(total: string, parts: readonly string[]): void {
    for (const id of [total, ...parts]) if (!this.counts.has(id)) this.counts.set(id, 0);
    this.sums.push({ total, parts });
  }

  set(): FigureSet {
    const cells: Cell[] = [...this.counts].map(([id, count]) => ({ id, count }));
    return { cells, sums: this.sums };
  }
}

const total = 'total';

/** Counts a day's row into its week, the week's total, the column's total and the grand total. */
function grid(figures: Figures, prefix: string, rows: readonly string[], columns: readonly string[]): void {
  for (const row of rows) {
    figures.sum(
      `${prefix}/${row}/${total}`,
      columns.map((column) => `${prefix}/${row}/${column}`),
    );
  }
  for (const column of columns) {
    figures.sum(
      `${prefix}/${total}/${column}`,
      rows.map((row) => `${prefix}/${row}/${column}`),
    );
  }
  figures.sum(
    `${prefix}/${total}/${total}`,
    rows.map((row) => `${prefix}/${row}/${total}`),
  );
  if (columns.length > 1) {
    figures.sum(
      `${prefix}/${total}/${total}`,
      columns.map((column) => `${prefix}/${total}/${column}`),
    );
  }
}

function readTable(
  shown: ReadonlyMap<string, number>,
  prefix: string,
  rows: readonly string[],
  columns: readonly string[],
): FigureTable {
  const value = (id: string): number | null => shown.get(id) ?? null;
  return {
    columns,
    rows: rows.map((row) => ({
      key: row,
      values: columns.map((column) => value(`${prefix}/${row}/${column}`)),
      total: value(`${prefix}/${row}/${total}`),
    })),
    ...(columns.length > 1 ? { columnTotals: columns.map((column) => value(`${prefix}/${total}/${column}`)) } : {}),
    total: value(`${prefix}/${total}/${total}`),
  };
}

/** Every figure of the page as cells and sums, before disclosure control (exported for its tests). */
export function figureSets(today: string, rows: InsightRows) {
  const { weeks, from, through } = publicationPeriod(today);
  const inRange = (day: string): boolean => day >= from && day <= through;

  // Checks: weeks × advice levels with their totals, and the same total split by questionnaire version.
  const checks = new Figures();
  const versions = [
    ...new Set(rows.checkOutcomes.filter((row) => inRange(row.day)).map((row) => String(row.version))),
  ].sort((a, b) => Number(a) - Number(b));
  grid(checks, 'checks', weeks, adviceLevels);
  if (versions.length > 0) {
    checks.sum(
      `checks/${total}/${total}`,
      versions.map((version) => `versions/${version}/count`),
    );
  }
  for (const row of rows.checkOutcomes) {
    if (!inRange(row.day) || !(adviceLevels as readonly string[]).includes(row.level)) continue;
    checks.add(`checks/${isoWeekOf(row.day)}/${row.level}`, row.count);
    checks.add(`checks/${isoWeekOf(row.day)}/${total}`, row.count);
    checks.add(`checks/${total}/${row.level}`, row.count);
    checks.add(`checks/${total}/${total}`, row.count);
    checks.add(`versions/${row.version}/count`, row.count);
  }

  // Help lookups: per week (all regions) and per region (all weeks), two views of one total.
  const lookups = new Figures();
  grid(lookups, 'lookups', weeks, ['count']);
  // Every region counted is listed, so that the sum over regions holds.
  const regions = [
    ...new Set([...rows.regions, ...rows.helpLookups.filter((row) => inRange(row.day)).map((row) => row.region)]),
  ].sort();
  lookups.sum(
    `lookups/${total}/${total}`,
    regions.map((region) => `regions/${region}/count`),
  );
  for (const row of rows.helpLookups) {
    if (!inRange(row.day)) continue;
    lookups.add(`lookups/${isoWeekOf(row.day)}/count`, row.count);
    lookups.add(`lookups/${isoWeekOf(row.day)}/${total}`, row.count);
    lookups.add(`lookups/${total}/count`, row.count);
    lookups.add(`lookups/${total}/${total}`, row.count);
    lookups.add(`regions/${row.region}/count`, row.count);
  }

  return { weeks, from, through, versions, regions, checks: checks.set(), lookups: lookups.set() };
}

/** The figures for the weeks published on `today`, every one of them through disclosure control. */
export function computeInsights(today: string, rows: InsightRows): Insights {
  const { weeks, from, through, versions, regions, ...sets } = figureSets(today, rows);
  const checksPublished = publish(sets.checks);
  const lookupsPublished = publish(sets.lookups);
  const versionTable = readTable(checksPublished.shown, 'versions', versions, ['count']);
  const regionTable = readTable(lookupsPublished.shown, 'regions', regions, ['count']);
  return {
    weeks,
    from,
    through,
    checksByWeek: readTable(checksPublished.shown, 'checks', weeks, adviceLevels),
    // The version and region tables share the grand total of their series.
    checksByVersion: { ...versionTable, total: checksPublished.shown.get(`checks/${total}/${total}`) ?? null },
    lookupsByWeek: readTable(lookupsPublished.shown, 'lookups', weeks, ['count']),
    lookupsByRegion: { ...regionTable, total: lookupsPublished.shown.get(`lookups/${total}/${total}`) ?? null },
    withheld: checksPublished.withheld.size + lookupsPublished.withheld.size,
  };
}
