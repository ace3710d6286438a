import { NotFound } from '../../shared/errors.js';
import { type Locale, defaultLocale, type Translate } from '../../shared/i18n/i18n.js';
import type { Actor } from '../../shared/policy/actor.js';
import { authorize, can } from '../../policies.js';
import type { Pathway, PathwayTrack } from '../cases/pathway.schema.js';
import { slugSchema } from '../content/content.schema.js';
import {
  isKnowledgeAudience,
  isKnowledgeTopic,
  isPathwayArticleSlug,
  type KnowledgeFilter,
  knowledgeTopics,
} from './knowledge.schema.js';
import type { ArticleListing, KnowledgeStore, StoredArticle, StoredArticleSummary } from './knowledge.types.js';
import { pathwayArticleListings, pathwayArticleOf } from './pathway-articles.js';

/** An article as the article page shows it. */
export type ShownArticle =
  | { kind: 'stored'; article: StoredArticle; fallback: boolean }
  | { kind: 'lijn'; pathway: Pathway }
  | { kind: 'track'; pathway: Pathway; track: PathwayTrack };

const facts = (article: StoredArticleSummary) => ({ status: article.status, visibility: article.visibility });

function listingOf(article: StoredArticleSummary, fallback: boolean): ArticleListing | undefined {
  const audience = article.audience.filter(isKnowledgeAudience);
  if (!isKnowledgeTopic(article.topic) || audience.length === 0) return undefined;
  return {
    slug: article.slug,
    lang: article.lang,
    title: article.title,
    summary: article.summary,
    audience,
    topic: article.topic,
    lastReviewed: article.lastReviewed,
    reviewedBy: article.reviewedBy ?? '',
    professionalsOnly: article.visibility === 'professionals',
    fallback,
  };
}

/**
 * The knowledge base (ADR 0035): the stored articles an actor may read (knowledgeArticle.read: professionals-only
 * articles exist only for active professionals and the editors) and the articles made from the pathway data,
 * which `pathway` gives as it is now (a published pathway shows at once).
 */
export function createKnowledgeService(store: KnowledgeStore, pathway: () => Pathway) {
  return {
    /**
     * The index in the visitor's language: the pathway articles first, then the stored articles by their order
     * and title; an article without a text in this language is listed in Dutch. Filtered by audience and topic.
     */
    async listArticles(actor: Actor, locale: Locale, t: Translate, filter: KnowledgeFilter): Promise<ArticleListing[]> {
      const own = (await store.listPages(locale, 'kennisbank')).filter((article) =>
        can(actor, 'knowledgeArticle', 'read', facts(article)),
      );
      const stored = own.map((article) => listingOf(article, false));
      if (locale !== defaultLocale) {
        const written = new Set(own.map((article) => article.slug));
        const dutch = await store.listPages(defaultLocale, 'kennisbank');
        for (const article of dutch) {
          if (!written.has(article.slug) && can(actor, 'knowledgeArticle', 'read', facts(article))) {
            stored.push(listingOf(article, true));
          }
        }
      }
      const listed = stored
        .filter((entry): entry is ArticleListing => entry !== undefined && !isPathwayArticleSlug(entry.slug))
        .sort((a, b) => a.title.localeCompare(b.title, locale));
      const order = new Map(own.map((article) => [article.slug, article.order]));
      listed.sort((a, b) => (order.get(a.slug) ?? 100) - (order.get(b.slug) ?? 100));
      const all = [...pathwayArticleListings(pathway(), locale, t), ...listed];
      return all
        .filter((entry) => filter.audience === undefined || entry.audience.includes(filter.audience))
        .filter((entry) => filter.topic === undefined || entry.topic === filter.topic)
        .sort((a, b) => knowledgeTopics.indexOf(a.topic) - knowledgeTopics.indexOf(b.topic));
    },

    /**
     * One article in the visitor's language, or in Dutch when it has not been written in it yet. An article the
     * actor may not read is a NotFound, exactly like one that does not exist.
     */
    async showArticle(actor: Actor, slug: string, locale: Locale): Promise<ShownArticle> {
      if (!slugSchema.safeParse(slug).success) throw new NotFound('bad slug');
      if (isPathwayArticleSlug(slug)) {
        const current = pathway();
        const found = pathwayArticleOf(current, slug);
        if (found === undefined) throw new NotFound('no such track');
        return found.kind === 'lijn' ? { kind: 'lijn', pathway: current } : { ...found, pathway: current };
      }
      let article = await store.findPage(slug, locale, 'kennisbank');
      let fallback = false;
      if (article === undefined && locale !== defaultLocale) {
        article = await store.findPage(slug, defaultLocale, 'kennisbank');
        fallback = true;
      }
      if (article === undefined) throw new NotFound('no such article');
      authorize(actor, 'knowledgeArticle', 'read', facts(article));
      return { kind: 'stored', article, fallback };
    },
  };
}

export type KnowledgeService = ReturnType<typeof createKnowledgeService>;
