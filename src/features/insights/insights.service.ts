import { amsterdamDay } from '../../shared/time/amsterdam.js';
import { computeInsights, type Insights, publicationPeriod, publishedWeeks } from './insights.figures.js';
import type { InsightsRepository } from './insights.repo.js';

/*
 * The figures of /inzichten (issue 18). A published week never changes (insights.figures.ts), so the figures
 * are computed once per publication week and kept: a request never aggregates. Every instance computes the
 * same figures from the same rows.
 */
export function createInsightsService(repo: InsightsRepository, clock: () => Date = () => new Date()) {
  let kept: { lastWeek: string; insights: Insights; regionNames: Map<string, string> } | undefined;
  let computing: Promise<NonNullable<typeof kept>> | undefined;

  async function compute(today: string, lastWeek: string): Promise<NonNullable<typeof kept>> {
    const { from, through } = publicationPeriod(today);
    const [checkOutcomes, helpLookups, regions] = await Promise.all([
      repo.checkOutcomes(from, through),
      repo.helpLookups(from, through),
      repo.safetyRegions(),
    ]);
    const insights = computeInsights(today, {
      checkOutcomes,
      helpLookups,
      regions: regions.map((region) => region.code),
    });
    return { lastWeek, insights, regionNames: new Map(regions.map((region) => [region.code, region.name])) };
  }

  return {
    /** The published figures, and the safety regions' names by code. */
    async figures(): Promise<{ insights: Insights; regionNames: ReadonlyMap<string, string> }> {
      const today = amsterdamDay(clock());
      const lastWeek = publishedWeeks(today).at(-1)!;
      if (kept?.lastWeek !== lastWeek) {
        // One computation at a time; requests arriving meanwhile wait for it.
        computing ??= compute(today, lastWeek).finally(() => {
          computing = undefined;
        });
        kept = await computing;
      }
      return { insights: kept.insights, regionNames: kept.regionNames };
    },
  };
}

export type InsightsService = ReturnType<typeof createInsightsService>;
