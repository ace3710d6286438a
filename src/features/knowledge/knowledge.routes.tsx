import type { FastifyInstance } from 'fastify';
import type { Pages } from '../../app.js';
import type { KnowledgeService } from './knowledge.service.js';
import { type KnowledgeQuery, parseKnowledgeQuery } from './knowledge.schema.js';
import { KnowledgeArticlePage } from './views/knowledge-article.view.js';
import { KnowledgeIndexPage } from './views/knowledge-index.view.js';
import { LijnArticlePage, TrackArticlePage } from './views/pathway-article.view.js';

interface SlugParams {
  slug: string;
}

/**
 * The knowledge base (ADR 0035). The page cache stores only anonymous GETs, and an anonymous visitor can only
 * ever be shown public articles (knowledgeArticle.read): a professionals-only article is never stored, so it is
 * never served to anyone from the cache. A filter in the query is rendered per request.
 */
export function registerKnowledgeRoutes(app: FastifyInstance, pages: Pages, knowledge: KnowledgeService): void {
  app.get<{ Querystring: KnowledgeQuery }>('/kennisbank', async (request, reply) => {
    const { filter, problems } = parseKnowledgeQuery(request.query);
    if (problems.length > 0) {
      const articles = await knowledge.listArticles(request.actor, request.locale, request.t, {});
      return reply.html(
        <KnowledgeIndexPage
          ctx={pages.contextOf(request, reply)}
          articles={articles}
          filter={{}}
          problems={problems}
        />,
        400,
      );
    }
    return pages.cache.page(request, reply, async (ctx) => (
      <KnowledgeIndexPage
        ctx={ctx}
        articles={await knowledge.listArticles(request.actor, request.locale, request.t, filter)}
        filter={filter}
        problems={[]}
      />
    ));
  });

  app.get<{ Params: SlugParams }>('/kennisbank/:slug', (request, reply) =>
    pages.cache.page(request, reply, async (ctx) => {
      const shown = await knowledge.showArticle(request.actor, request.params.slug, request.locale);
      switch (shown.kind) {
        case 'lijn':
          return <LijnArticlePage ctx={ctx} pathway={shown.pathway} />;
        case 'track':
          return <TrackArticlePage ctx={ctx} pathway={shown.pathway} track={shown.track} />;
        case 'stored':
          return <KnowledgeArticlePage ctx={ctx} article={shown.article} fallback={shown.fallback} />;
      }
    }),
  );
}
