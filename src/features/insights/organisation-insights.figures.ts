import {
  daysBuckets,
  firstHelpMeasure,
  type OrganisationMeasureRow,
  organisationMeasures,
  trackMeasure,
  unknownRegion,
} from '../cases/case-measures.js';
import { addDays } from '../../shared/time/weeks.js';
import { Figures, publicationPeriod } from './insights.figures.js';
import { type FigureSet, publish } from './suppression.js';

/*
 * Figures per safety region for an organisation's own cases, or for every organisation together (issue 18
 * point 4, ADR 0048), from measure_organisation_weekly only. Pure: the service reads the rows and keeps the result
 * per block and organisation. The same disclosure control as /inzichten (suppression.ts): every figure shown is a
 * cell, and every sum a reader can form between them is declared — each column's total over the regions, and
 * where a figure's columns add up (first help by band of days) each region's total and the grand total too —
 * so that no count under 10 is shown or can be worked out by subtraction.
 */

/** The figures of the page, in its order; each name is also its CSV file's name. */
export const figureNames = ['zaken', 'overleggen', 'eerste-hulp', 'afspraken', 'trajecten'] as const;
export type FigureName = (typeof figureNames)[number];

export const isFigureName = (value: string): value is FigureName => (figureNames as readonly string[]).includes(value);

/**
 * The weeks published on `today`: the same fixed blocks of 12 weeks as /inzichten, each published one week later
 * than there. The daily run rewrites the previous week all through the current one, so a block's last week is
 * final only once the week after it has ended; from then on nothing writes to the block again and the figures
 * kept for it are the stored ones.
 */
export function organisationPublication(today: string): { weeks: string[]; from: string; through: string } {
  return publicationPeriod(addDays(today, -7));
}

/** How a column counts over the block: flows are added up over its weeks, states are read at its end. */
type Kind = 'flow' | 'state';

interface FigureDefinition {
  columns: readonly { key: string; measure: string; kind: Kind }[];
  /** Whether the columns add up to a meaningful total per region (then region totals and a grand total show). */
  rowTotals: boolean;
}

function definitions(tracks: readonly string[]): Record<FigureName, FigureDefinition> {
  const m = organisationMeasures;
  return {
    zaken: {
      columns: [
        { key: 'started', measure: m.started, kind: 'flow' },
        { key: 'closed', measure: m.closed, kind: 'flow' },
        { key: 'open', measure: m.open, kind: 'state' },
        { key: 'waiting_for_help', measure: m.waitingForHelp, kind: 'state' },
      ],
      rowTotals: false,
    },
    overleggen: {
      columns: [
        { key: 'meetings', measure: m.meetings, kind: 'flow' },
        { key: 'parent_invited', measure: m.parentInvited, kind: 'flow' },
        { key: 'parent_took_part', measure: m.parentTookPart, kind: 'flow' },
      ],
      rowTotals: false,
    },
    'eerste-hulp': {
      columns: daysBuckets.map((bucket) => ({ key: bucket, measure: firstHelpMeasure(bucket), kind: 'flow' })),
      rowTotals: true,
    },
    afspraken: {
      columns: [
        { key: 'open', measure: m.agreementsOpen, kind: 'state' },
        { key: 'overdue', measure: m.agreementsOverdue, kind: 'state' },
      ],
      rowTotals: false,
    },
    trajecten: {
      columns: tracks.map((track) => ({ key: track, measure: trackMeasure(track), kind: 'state' })),
      rowTotals: false,
    },
  };
}

/** A published table: regions as rows, a count or null (withheld) in every cell. */
export interface RegionTable {
  columns: readonly string[];
  rowTotals: boolean;
  rows: { region: string; values: (number | null)[]; total: number | null }[];
  columnTotals: (number | null)[];
  /** The grand total; null also where the figure has no row totals. */
  total: number | null;
}

export interface OrganisationInsights {
  weeks: readonly string[];
  from: string;
  through: string;
  figures: Record<FigureName, RegionTable>;
  /** How many figures were withheld (under 10, or because they would let one be worked out). */
  withheld: number;
}

export interface OrganisationInsightRows {
  /** The stored rows of the block's weeks for one organisation (or '*'). */
  rows: readonly OrganisationMeasureRow[];
  /** The safety regions' codes; 'unknown' is added at the end. */
  regions: readonly string[];
  /** The pathway's track ids (columns of 'trajecten'), whether or not any case is in them. */
  tracks: readonly string[];
}

const total = 'total';

/** Every figure of the page as cells and sums before disclosure control (exported for the tests' judge). */
export function organisationFigureSets(today: string, input: OrganisationInsightRows) {
  const { weeks, from, through } = organisationPublication(today);
  const lastWeek = weeks[weeks.length - 1]!;
  const regions = [...input.regions.filter((region) => region !== unknownRegion), unknownRegion];
  // Sum of a measure per region: over the block's weeks (flows) or in its last week (states).
  const flows = new Map<string, number>();
  const states = new Map<string, number>();
  for (const row of input.rows) {
    if (!weeks.includes(row.week)) continue;
    const key = `${row.region}\u0000${row.measure}`;
    flows.set(key, (flows.get(key) ?? 0) + row.count);
    if (row.week === lastWeek) states.set(key, (states.get(key) ?? 0) + row.count);
  }
  const defined = definitions(input.tracks);
  const sets = {} as Record<FigureName, FigureSet>;
  for (const name of figureNames) {
    const { columns, rowTotals } = defined[name];
    const figures = new Figures();
    for (const region of regions) {
      for (const column of columns) {
        const key = `${region}\u0000${column.measure}`;
        const count = (column.kind === 'flow' ? flows : states).get(key) ?? 0;
        figures.add(`${name}/${region}/${column.key}`, count);
        figures.add(`${name}/${total}/${column.key}`, count);
        if (rowTotals) {
          figures.add(`${name}/${region}/${total}`, count);
          figures.add(`${name}/${total}/${total}`, count);
        }
      }
    }
    for (const column of columns) {
      figures.sum(
        `${name}/${total}/${column.key}`,
        regions.map((region) => `${name}/${region}/${column.key}`),
      );
    }
    if (rowTotals && columns.length > 0) {
      for (const region of regions) {
        figures.sum(
          `${name}/${region}/${total}`,
          columns.map((column) => `${name}/${region}/${column.key}`),
        );
      }
      figures.sum(
        `${name}/${total}/${total}`,
        regions.map((region) => `${name}/${region}/${total}`),
      );
      figures.sum(
        `${name}/${total}/${total}`,
        columns.map((column) => `${name}/${total}/${column.key}`),
      );
    }
    sets[name] = figures.set();
  }
  return { weeks, from, through, regions, columns: defined, sets };
}

/** The figures for the block published on `today`, every one through disclosure control. */
export function computeOrganisationInsights(today: string, input: OrganisationInsightRows): OrganisationInsights {
  const { weeks, from, through, regions, columns, sets } = organisationFigureSets(today, input);
  const figures = {} as Record<FigureName, RegionTable>;
  let withheld = 0;
  for (const name of figureNames) {
    const published = publish(sets[name]);
    withheld += published.withheld.size;
    const value = (id: string): number | null => published.shown.get(id) ?? null;
    const { rowTotals } = columns[name];
    const keys = columns[name].columns.map((column) => column.key);
    figures[name] = {
      columns: keys,
      rowTotals,
      rows: regions.map((region) => ({
        region,
        values: keys.map((key) => value(`${name}/${region}/${key}`)),
        total: rowTotals ? value(`${name}/${region}/${total}`) : null,
      })),
      columnTotals: keys.map((key) => value(`${name}/${total}/${key}`)),
      total: rowTotals ? value(`${name}/${total}/${total}`) : null,
    };
  }
  return { weeks, from, through, figures, withheld };
}
