import { amsterdamDay } from '../../shared/time/amsterdam.js';
import {
  casePublishedWeeks,
  computeInsights,
  type Insights,
  publicationPeriod,
  publishedWeeks,
} from './insights.figures.js';
import type { InsightsRepository } from './insights.repo.js';
import type { NoiseOptions } from './noise.js';

/** A text in both languages (a pathway track's title). */
export type LocalTitle = { nl: string; en: string };

export interface Published {
  insights: Insights;
  regionNames: ReadonlyMap<string, string>;
  /** The pathway tracks' titles by id (the id itself when no pathway version names it). */
  trackTitles: ReadonlyMap<string, LocalTitle>;
}

/*
 * The figures of /inzichten (issue 18). A published block never changes (insights.figures.ts), so the figures
 * are computed once per block — the checks' block and the case figures' block, which starts a week later — and
 * kept: a request never aggregates. Every instance computes the same figures from the same rows.
 */
export function createInsightsService(
  repo: InsightsRepository,
  clock: () => Date = () => new Date(),
  /** A pathway track's title by its id (from the pathway versions), for the table of tracks. */
  trackTitle: (id: string) => LocalTitle = (id) => ({ nl: id, en: id }),
  /** Laplace noise on the shown figures (INSIGHTS_NOISE_EPSILON, ADR 0052); none: exact counts. */
  noise?: NoiseOptions,
) {
  let kept: { key: string; published: Published } | undefined;
  let computing: Promise<NonNullable<typeof kept>> | undefined;

  async function compute(today: string, key: string): Promise<NonNullable<typeof kept>> {
    const { weeks, from, through } = publicationPeriod(today);
    const [checkOutcomes, helpLookups, regions, checkLookups, caseMeasures, surveyAnswers] = await Promise.all([
      repo.checkOutcomes(from, through),
      repo.helpLookups(from, through),
      repo.safetyRegions(),
      repo.checkLookups(from, through),
      repo.caseMeasures(casePublishedWeeks(today)),
      repo.surveyAnswers(weeks),
    ]);
    const insights = computeInsights(
      today,
      {
        checkOutcomes,
        helpLookups,
        regions: regions.map((region) => region.code),
        checkLookups,
        caseMeasures,
        surveyAnswers,
      },
      noise,
    );
    const trackTitles = new Map(insights.cases.tracks.rows.map((row) => [row.key, trackTitle(row.key)]));
    return {
      key,
      published: { insights, regionNames: new Map(regions.map((region) => [region.code, region.name])), trackTitles },
    };
  }

  return {
    /** The ε of the noise on the published figures (ADR 0052), for the method page; undefined: exact counts. */
    noiseEpsilon: noise?.epsilon,
    /** The published figures, the safety regions' names by code and the tracks' titles by id. */
    async figures(): Promise<Published> {
      const today = amsterdamDay(clock());
      const key = `${publishedWeeks(today).at(-1)!} ${casePublishedWeeks(today).at(-1)!}`;
      if (kept?.key !== key) {
        // One computation at a time; requests arriving meanwhile wait for it.
        computing ??= compute(today, key).finally(() => {
          computing = undefined;
        });
        kept = await computing;
      }
      return kept.published;
    },
  };
}

export type InsightsService = ReturnType<typeof createInsightsService>;
