import { can } from '../../policies.js';
import type { Actor } from '../../shared/policy/actor.js';
import { amsterdamDay } from '../../shared/time/amsterdam.js';
import {
  addDays,
  type CaseMeasures,
  caseMeasures,
  organisationWeekRows,
  weekFigures,
  weeksToCompute,
  weekStart,
} from './case-measures.js';
import type { CaseMeasuresRepository, StoredMeasures } from './case-measures.repo.js';
import type { CaseFacts } from './cases.types.js';
import type { PathwayRegistry } from './pathway.js';
import type { Pathway, PathwayText } from './pathway.schema.js';

/**
 * A case's measures for its page, with each active track's title (from the pathway) for the view, and the version it
 * is from (whose languages decide the title's language, ADR 0056); none when no version has the track.
 */
export interface CaseMeasuresView extends CaseMeasures {
  tracks: { id: string; title: PathwayText; pathway?: Pathway }[];
}

/*
 * Measures for policy (issue 15 point 5, ADR 0032). One case's measures for its professionals, computed when the
 * case page is drawn; the weekly figures for the insights page, written once a day by daily(now) for the current
 * and the previous ISO week only, so a week two weeks old is never written again (a case closed and shredded
 * later leaves the figures it counted in as they were).
 */

export function createCaseMeasuresService(
  repo: CaseMeasuresRepository,
  /** The pathway, asked for when a case page is drawn (for the tracks' titles). */
  pathways: () => PathwayRegistry | undefined = () => undefined,
) {
  /** A track's title in the current pathway, else in the newest version that has it, else its id. */
  const titleOf = (id: string): { title: PathwayText; pathway?: Pathway } => {
    const registry = pathways();
    const versions = registry === undefined ? [] : [registry.current, ...[...registry.all].reverse()];
    for (const pathway of versions) {
      const track = pathway.tracks.find((candidate) => candidate.id === id);
      if (track !== undefined) return { title: track.title, pathway };
    }
    return { title: { nl: id, en: id } };
  };

  return {
    /**
     * One case's measures, for whoever may read the professionals' compartment (working professionals: the
     * meeting records they answer for are theirs); undefined for anyone else, a parent included.
     */
    async ofCase(actor: Actor, facts: CaseFacts, now: Date = new Date()): Promise<CaseMeasuresView | undefined> {
      if (!can(actor, 'case', 'readProfessionals', facts)) return undefined;
      const [history] = await repo.histories({ caseId: facts.caseId });
      if (history === undefined) return undefined;
      const measures = caseMeasures(history, amsterdamDay(now));
      return { ...measures, tracks: measures.activeTracks.map((id) => ({ id, ...titleOf(id) })) };
    },

    /**
     * The day's run: the figures of the previous and the current week, counted through today, replace those two
     * weeks' rows, and so do the same figures per organisation and region (ADR 0048). Running it again the same
     * day writes the same figures. Returns the weeks written.
     */
    async daily(now: Date): Promise<string[]> {
      const today = amsterdamDay(now);
      const weeks = weeksToCompute(today);
      // Cases closed before the previous week began count in neither week (a day's margin for the time zone).
      const activeSince = `${addDays(weekStart(weeks[0]), -1)}T00:00:00.000Z`;
      const cases = await repo.organisationCases(activeSince);
      const histories = cases.map((one) => one.history);
      await repo.writeWeeks(
        weeks.map((week) => weekFigures(histories, week, today)),
        weeks.flatMap((week) => organisationWeekRows(cases, week, today)),
      );
      return weeks;
    },

    /** Every stored week (the CLI's CSV, the insights page). */
    stored(): Promise<StoredMeasures> {
      return repo.readAll();
    },
  };
}

export type CaseMeasuresService = ReturnType<typeof createCaseMeasuresService>;

/** A CSV field: quoted when it holds a comma, a quote or a line break. */
const csvField = (value: string | number): string => {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/**
 * The stored figures as one CSV in long form (`npm run cli -- measures`): a row per week, table, category and
 * figure. The category is the case mode, the band of days or the track ('' where a table has none).
 */
export function measuresCsv(stored: StoredMeasures): string {
  const rows: (string | number)[][] = [['table', 'week', 'category', 'measure', 'value']];
  const add = (table: string, week: string, category: string, figures: Record<string, number>) => {
    for (const [measure, value] of Object.entries(figures)) rows.push([table, week, category, measure, value]);
  };
  for (const row of stored.weeks) add('weeks', row.week, '', { complete: row.complete ? 1 : 0 });
  for (const { week, mode, ...figures } of stored.cases) {
    add('cases', week, mode, {
      started: figures.started,
      closed: figures.closed,
      open: figures.open,
      waiting_for_help: figures.waitingForHelp,
    });
  }
  for (const { week, mode, ...figures } of stored.meetings) {
    add('meetings', week, mode, {
      meetings: figures.meetings,
      parent_invited: figures.parentInvited,
      parent_took_part: figures.parentTookPart,
    });
  }
  for (const row of stored.firstHelp) add('first_help', row.week, row.daysBucket, { cases: row.cases });
  for (const row of stored.agreements) add('agreements', row.week, '', { open: row.open, overdue: row.overdue });
  for (const row of stored.tracks) add('tracks', row.week, row.track, { cases: row.cases });
  return `${rows.map((row) => row.map(csvField).join(',')).join('\n')}\n`;
}
