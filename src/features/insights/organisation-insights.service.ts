import { authorize } from '../../policies.js';
import { NotFound } from '../../shared/errors.js';
import { type Actor, membershipOf } from '../../shared/policy/actor.js';
import { amsterdamDay } from '../../shared/time/amsterdam.js';
import { allOrganisations } from '../cases/case-measures.js';
import {
  computeOrganisationInsights,
  type OrganisationInsights,
  organisationPublication,
} from './organisation-insights.figures.js';
import type { OrganisationInsightsRepository } from './organisation-insights.repo.js';

/*
 * The figures per region of an organisation's own cases (issue 18 point 4, ADR 0048). The rule
 * organisationInsights.view is checked before anything is read. A published block never changes
 * (organisationPublication), so its figures are computed once per block and organisation and kept: a request
 * never aggregates. Every instance computes the same figures from the same rows.
 */

/** A track of the pathway, with its title in both languages. */
export interface TrackTitle {
  id: string;
  title: { nl: string; en: string };
}

export interface OrganisationInsightsView {
  /** An organisation's id, or '*' for every organisation together. */
  organisationId: string;
  /** The organisation's name from its record; undefined for '*'. */
  organisationName: string | undefined;
  insights: OrganisationInsights;
  regionNames: ReadonlyMap<string, string>;
  tracks: readonly TrackTitle[];
}

export function createOrganisationInsightsService(
  repo: OrganisationInsightsRepository,
  /** The pathway's tracks (every version), the columns of the figure per track. */
  tracks: () => readonly TrackTitle[],
  clock: () => Date = () => new Date(),
) {
  let block: string | undefined;
  let kept = new Map<string, Promise<OrganisationInsightsView>>();

  async function compute(today: string, organisationId: string): Promise<OrganisationInsightsView> {
    const { weeks } = organisationPublication(today);
    const trackList = tracks();
    const [rows, regions, organisationName] = await Promise.all([
      repo.rows(organisationId, weeks),
      repo.safetyRegions(),
      organisationId === allOrganisations ? undefined : repo.organisationName(organisationId),
    ]);
    const insights = computeOrganisationInsights(today, {
      rows,
      regions: regions.map((region) => region.code),
      tracks: trackList.map((track) => track.id),
    });
    return {
      organisationId,
      organisationName,
      insights,
      regionNames: new Map(regions.map((region) => [region.code, region.name])),
      tracks: trackList,
    };
  }

  /** The kept figures of the current block for one organisation (or '*'), computed once. */
  function figuresOf(organisationId: string): Promise<OrganisationInsightsView> {
    const today = amsterdamDay(clock());
    const lastWeek = organisationPublication(today).weeks.at(-1)!;
    if (block !== lastWeek) {
      block = lastWeek;
      kept = new Map();
    }
    let figures = kept.get(organisationId);
    if (figures === undefined) {
      // One computation per organisation and block; requests arriving meanwhile wait for it. A failure is not kept.
      figures = compute(today, organisationId);
      kept.set(organisationId, figures);
      figures.catch(() => kept.delete(organisationId));
    }
    return figures;
  }

  return {
    /** A coordinator's own organisation's figures: refused (not found) for anyone else. */
    async own(actor: Actor): Promise<OrganisationInsightsView> {
      const organisationId = membershipOf(actor)?.organisationId;
      if (organisationId === undefined) throw new NotFound('organisationInsights.view denied');
      authorize(actor, 'organisationInsights', 'view', { organisationId });
      return figuresOf(organisationId);
    },

    /** Every organisation together (a platform admin's page): refused (not found) for anyone else. */
    async all(actor: Actor): Promise<OrganisationInsightsView> {
      authorize(actor, 'organisationInsights', 'view', { organisationId: allOrganisations });
      return figuresOf(allOrganisations);
    },
  };
}

export type OrganisationInsightsService = ReturnType<typeof createOrganisationInsightsService>;

/** The tracks of every version of the pathway, national and regional, each once with its newest title. */
export function pathwayTracks(registry: {
  readonly all: readonly { tracks: readonly { id: string; title: { nl: string; en: string } }[] }[];
}): TrackTitle[] {
  const tracks = new Map<string, TrackTitle>();
  for (const pathway of registry.all) {
    for (const track of pathway.tracks) tracks.set(track.id, { id: track.id, title: track.title });
  }
  return [...tracks.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
