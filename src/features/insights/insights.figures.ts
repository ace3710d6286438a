import { daysBuckets } from '../cases/case-measures.js';
import { adviceLevels } from '../check/check.schema.js';
import { addDays, daysBetween, isoWeekOf, weekEnd, weekStart } from '../../shared/time/weeks.js';
import { type Cell, type FigureSet, publish, type Sum } from './suppression.js';
import { addNoise, type NoiseOptions } from './noise.js';

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
  /** null where withheld; undefined for a table whose rows do not add up to a total (a case on two tracks). */
  total: number | null | undefined;
}

/**
 * A share in whole percent, computed only from shown counts: withheld when either count is withheld (a share
 * of a withheld count would give it away) or when there is nothing to take a share of.
 */
export function shareOf(part: number | null, whole: number | null | undefined): number | null {
  if (part === null || whole === null || whole === undefined || whole === 0) return null;
  return Math.round((part / whole) * 100);
}

/** The survey's questions (migration 0043), each scored 1–5 or skipped. */
export const surveyQuestions = ['care', 'police', 'understood', 'next_step'] as const;
export type SurveyQuestion = (typeof surveyQuestions)[number];
/** The survey table's columns: the five scores, and no answer (skipped). */
export const surveyScores = ['1', '2', '3', '4', '5', 'none'] as const;

/** The case-space figures (ADR 0032) of one block of complete weeks. */
export interface CaseFigures {
  /** The block of weeks the case figures cover (see casePublishedWeeks). */
  weeks: readonly string[];
  from: string;
  through: string;
  /** The weeks of the block with complete figures (measure_weeks.complete): only these are counted. */
  weeksCounted: number;
  /** Meetings recorded in cases with parents: meetings, parent_invited, parent_took_part. */
  meetings: FigureTable;
  /** Cases with parents by the days from their start to their first help contact (ADR 0032 bands). */
  firstHelp: FigureTable;
  /** Agreements of open cases at the end of the block's last week: open, overdue (null table: no figures). */
  agreements: FigureTable;
  /** Open cases with a step in progress per pathway track, at the end of the block's last week. */
  tracks: FigureTable;
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
  /** Checks whose result page was used to look up help: by safety region, and by advice level. */
  checkLookupsByRegion: FigureTable;
  checkLookupsByLevel: FigureTable;
  /** The case space's figures (their own block: see casePublishedWeeks). */
  cases: CaseFigures;
  /** The parents' survey: per question (rows) the answers per score (columns), each row totalling the surveys. */
  survey: FigureTable;
  /** How many figures were withheld (under 10, or because they would let one be worked out). */
  withheld: number;
  /** The ε of the Laplace noise on every shown figure (ADR 0052); undefined: the counts are exact. */
  noiseEpsilon: number | undefined;
}

/** The stored case measures the page reads (case-measures.repo.ts StoredMeasures, the parts it uses). */
export interface CaseMeasureRows {
  weeks: readonly { week: string; complete: boolean }[];
  meetings: readonly { week: string; mode: string; meetings: number; parentInvited: number; parentTookPart: number }[];
  firstHelp: readonly { week: string; daysBucket: string; cases: number }[];
  agreements: readonly { week: string; open: number; overdue: number }[];
  tracks: readonly { week: string; track: string; cases: number }[];
}

export type SurveyRow = { week: string } & Record<SurveyQuestion, number | null>;

export interface InsightRows {
  checkOutcomes: readonly { day: string; version: number; level: string; count: number }[];
  helpLookups: readonly { day: string; region: string; count: number }[];
  regions: readonly string[];
  checkLookups?: readonly { day: string; level: string; region: string; count: number }[];
  caseMeasures?: CaseMeasureRows;
  surveyAnswers?: readonly SurveyRow[];
}

/**
 * The block of weeks the case figures cover on `today`: the same fixed blocks, a week later. The daily measures
 * run rewrites a week until the Sunday after it ends (ADR 0032); the block is published only once its last week
 * can no longer change, so that every publication of a block shows the same figures (no subtraction across two
 * publications). In the first week of a new block the case figures still show the block before.
 */
export const casePublishedWeeks = (today: string): string[] => publishedWeeks(addDays(today, -7));

/** Cells and sums, built by name (also the per-region figures', organisation-insights.figures.ts). */
export class Figures {
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

  // Checks followed by a help lookup from their result page: region × advice level, published only as the two
  // margins (by region, by level) with their shared total; the cells inside are declared so that the margins
  // protect them (a region with a single small level would otherwise follow from the level totals).
  const checkLookups = new Figures();
  const lookupRegions = [
    ...new Set([
      ...rows.regions,
      ...(rows.checkLookups ?? []).filter((row) => inRange(row.day)).map((row) => row.region),
    ]),
  ].sort();
  grid(checkLookups, 'checklookups', lookupRegions, adviceLevels);
  for (const row of rows.checkLookups ?? []) {
    if (!inRange(row.day) || !(adviceLevels as readonly string[]).includes(row.level)) continue;
    for (const id of [
      `checklookups/${row.region}/${row.level}`,
      `checklookups/${row.region}/${total}`,
      `checklookups/${total}/${row.level}`,
      `checklookups/${total}/${total}`,
    ]) {
      checkLookups.add(id, row.count);
    }
  }

  // The case space (ADR 0032), over its own block and its complete weeks only.
  const caseWeeks = casePublishedWeeks(today);
  const measures = rows.caseMeasures ?? { weeks: [], meetings: [], firstHelp: [], agreements: [], tracks: [] };
  const complete = new Set(
    measures.weeks.filter((row) => row.complete && caseWeeks.includes(row.week)).map((row) => row.week),
  );
  const lastWeek = caseWeeks.at(-1)!;
  const cases = new Figures();
  // Meetings recorded in cases with parents (in cases without parents they are kept out by design). Invited and
  // not invited make all meetings, as do took part and did not: a reader can subtract, so both are declared.
  cases.sum('meetings/meetings', ['meetings/parent_invited', 'meetings/parent_not_invited']);
  cases.sum('meetings/meetings', ['meetings/parent_took_part', 'meetings/parent_not_taking_part']);
  for (const row of measures.meetings) {
    if (!complete.has(row.week) || row.mode !== 'with-parents') continue;
    cases.add('meetings/meetings', row.meetings);
    cases.add('meetings/parent_invited', row.parentInvited);
    cases.add('meetings/parent_not_invited', row.meetings - row.parentInvited);
    cases.add('meetings/parent_took_part', row.parentTookPart);
    cases.add('meetings/parent_not_taking_part', row.meetings - row.parentTookPart);
  }
  // First help contacts in the block's weeks, by the days they took.
  cases.sum(
    `firsthelp/${total}`,
    daysBuckets.map((bucket) => `firsthelp/${bucket}`),
  );
  for (const row of measures.firstHelp) {
    if (!complete.has(row.week) || !(daysBuckets as readonly string[]).includes(row.daysBucket)) continue;
    cases.add(`firsthelp/${row.daysBucket}`, row.cases);
    cases.add(`firsthelp/${total}`, row.cases);
  }
  // States, as they stood at the end of the block's last week (summing states over weeks would count the same
  // agreement or case once per week). Open agreements are the overdue ones and the others.
  const statesKnown = complete.has(lastWeek);
  if (statesKnown) {
    cases.sum('agreements/open', ['agreements/overdue', 'agreements/not_overdue']);
    for (const row of measures.agreements) {
      if (row.week !== lastWeek) continue;
      cases.add('agreements/open', row.open);
      cases.add('agreements/overdue', row.overdue);
      cases.add('agreements/not_overdue', row.open - row.overdue);
    }
  }
  // A case can be on several tracks at once: the tracks do not add up to the cases, and no total is shown.
  const tracks = statesKnown
    ? [...new Set(measures.tracks.filter((row) => row.week === lastWeek).map((row) => row.track))].sort()
    : [];
  for (const row of measures.tracks) {
    if (statesKnown && row.week === lastWeek) cases.add(`tracks/${row.track}`, row.cases);
  }

  // The survey: per question the answers per score; each question's scores and its skips make all surveys.
  const survey = new Figures();
  for (const question of surveyQuestions) {
    survey.sum(
      `survey/${total}`,
      surveyScores.map((score) => `survey/${question}/${score}`),
    );
  }
  for (const answer of rows.surveyAnswers ?? []) {
    if (!weeks.includes(answer.week)) continue;
    survey.add(`survey/${total}`, 1);
    for (const question of surveyQuestions) {
      const score = answer[question];
      const valid = score !== null && Number.isInteger(score) && score >= 1 && score <= 5;
      survey.add(`survey/${question}/${valid ? String(score) : 'none'}`, 1);
    }
  }

  return {
    weeks,
    from,
    through,
    versions,
    regions,
    lookupRegions,
    caseWeeks,
    caseWeeksCounted: complete.size,
    statesKnown,
    tracks,
    checks: checks.set(),
    lookups: lookups.set(),
    checkLookups: checkLookups.set(),
    cases: cases.set(),
    survey: survey.set(),
  };
}

/** A one-column table of the given cells, with the total cell when the rows add up to one. */
function listTable(
  shown: ReadonlyMap<string, number>,
  rows: readonly { key: string; id: string }[],
  totalId?: string,
): FigureTable {
  return {
    columns: ['count'],
    rows: rows.map((row) => ({ key: row.key, values: [shown.get(row.id) ?? null], total: null })),
    total: totalId === undefined ? undefined : (shown.get(totalId) ?? null),
  };
}

/** The figures for the weeks published on `today`, every one of them through disclosure control. */
export function computeInsights(today: string, rows: InsightRows, noise?: NoiseOptions): Insights {
  const sets = figureSets(today, rows);
  const { weeks, from, through, versions, regions, lookupRegions, caseWeeks, caseWeeksCounted, statesKnown, tracks } =
    sets;
  // Disclosure control on the true counts, then (when configured) noise on what it shows, fixed per figure and
  // block (noise.ts, ADR 0052): each set's figures are labelled by the first week of their block and the set.
  const published = (set: FigureSet, label: string): ReturnType<typeof publish> => {
    const { shown, withheld } = publish(set);
    return { shown: addNoise(shown, label, noise), withheld };
  };
  const checksPublished = published(sets.checks, `${weeks[0]!}/checks`);
  const lookupsPublished = published(sets.lookups, `${weeks[0]!}/lookups`);
  const checkLookupsPublished = published(sets.checkLookups, `${weeks[0]!}/checklookups`);
  const casesPublished = published(sets.cases, `${caseWeeks[0]!}/cases`);
  const surveyPublished = published(sets.survey, `${weeks[0]!}/survey`);
  const versionTable = readTable(checksPublished.shown, 'versions', versions, ['count']);
  const regionTable = readTable(lookupsPublished.shown, 'regions', regions, ['count']);
  const cl = checkLookupsPublished.shown;
  const cs = casesPublished.shown;
  const surveyShown = surveyPublished.shown;
  return {
    weeks,
    from,
    through,
    checksByWeek: readTable(checksPublished.shown, 'checks', weeks, adviceLevels),
    // The version and region tables share the grand total of their series.
    checksByVersion: { ...versionTable, total: checksPublished.shown.get(`checks/${total}/${total}`) ?? null },
    lookupsByWeek: readTable(lookupsPublished.shown, 'lookups', weeks, ['count']),
    lookupsByRegion: { ...regionTable, total: lookupsPublished.shown.get(`lookups/${total}/${total}`) ?? null },
    checkLookupsByRegion: listTable(
      cl,
      lookupRegions.map((region) => ({ key: region, id: `checklookups/${region}/${total}` })),
      `checklookups/${total}/${total}`,
    ),
    checkLookupsByLevel: listTable(
      cl,
      adviceLevels.map((level) => ({ key: level, id: `checklookups/${total}/${level}` })),
      `checklookups/${total}/${total}`,
    ),
    cases: {
      weeks: caseWeeks,
      from: weekStart(caseWeeks[0]!),
      through: weekEnd(caseWeeks.at(-1)!),
      weeksCounted: caseWeeksCounted,
      meetings: listTable(
        cs,
        ['meetings', 'parent_invited', 'parent_took_part'].map((key) => ({ key, id: `meetings/${key}` })),
      ),
      firstHelp: listTable(
        cs,
        daysBuckets.map((bucket) => ({ key: bucket, id: `firsthelp/${bucket}` })),
        `firsthelp/${total}`,
      ),
      agreements: listTable(
        statesKnown ? cs : new Map(),
        ['open', 'overdue'].map((key) => ({ key, id: `agreements/${key}` })),
      ),
      tracks: listTable(
        cs,
        tracks.map((track) => ({ key: track, id: `tracks/${track}` })),
      ),
    },
    survey: {
      columns: surveyScores,
      rows: surveyQuestions.map((question) => ({
        key: question,
        values: surveyScores.map((score) => surveyShown.get(`survey/${question}/${score}`) ?? null),
        total: surveyShown.get(`survey/${total}`) ?? null,
      })),
      total: surveyShown.get(`survey/${total}`) ?? null,
    },
    noiseEpsilon: noise?.epsilon,
    withheld:
      checksPublished.withheld.size +
      lookupsPublished.withheld.size +
      checkLookupsPublished.withheld.size +
      casesPublished.withheld.size +
      surveyPublished.withheld.size,
  };
}
