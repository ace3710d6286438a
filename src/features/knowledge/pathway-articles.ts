import type { Translate } from '../../shared/i18n/i18n.js';
import type { Locale } from '../../shared/i18n/messages.js';
import type { Pathway, PathwayTrack } from '../cases/pathway.schema.js';
import { type ArticleListing } from './knowledge.types.js';
import { knowledgeAudiences } from './knowledge.schema.js';

/*
 * The articles about de lijn are not written twice: the overview and one article per track are drawn from the
 * pathway data (services.pathway.current, content/pathway/), the same data the parents' explanation and the case
 * pages use, so the knowledge base and the pathway page can never disagree. Their slugs are reserved
 * (isPathwayArticleSlug): "de-lijn" and "de-lijn-<track id>".
 */

export const lijnSlug = 'de-lijn';
export const trackSlug = (track: Pick<PathwayTrack, 'id'>): string => `${lijnSlug}-${track.id}`;

/** The article a slug names in the pathway: the overview, a track, or none. */
export function pathwayArticleOf(
  pathway: Pathway,
  slug: string,
): { kind: 'lijn' } | { kind: 'track'; track: PathwayTrack } | undefined {
  if (slug === lijnSlug) return { kind: 'lijn' };
  const track = pathway.tracks.find((candidate) => trackSlug(candidate) === slug);
  return track === undefined ? undefined : { kind: 'track', track };
}

/** Who checked the pathway articles: honestly, the editors from the data, not a professional body. */
export const pathwayReviewedBy = (pathway: Pathway, t: Translate): string =>
  t('knowledge.lijn.reviewedBy', { version: pathway.version });

/** The index entries of the pathway articles: the overview first, then the tracks in their order. */
export function pathwayArticleListings(pathway: Pathway, locale: Locale, t: Translate): ArticleListing[] {
  const common = {
    lang: locale,
    audience: [...knowledgeAudiences],
    topic: 'de-lijn' as const,
    lastReviewed: pathway.published,
    reviewedBy: pathwayReviewedBy(pathway, t),
    professionalsOnly: false,
    fallback: false,
  };
  return [
    { ...common, slug: lijnSlug, title: t('knowledge.lijn.title'), summary: t('knowledge.lijn.summary') },
    ...pathway.tracks.map((track) => ({
      ...common,
      slug: trackSlug(track),
      title: t('knowledge.track.title', { track: track.title[locale] }),
      summary: track.summary[locale],
    })),
  ];
}
