import type { FastifyInstance } from 'fastify';
import type { Pages } from '../../app.js';
import { blankForm, parseForm } from '../../shared/http/forms.js';
import { maxQueryLength, searchFormSchema } from './search.schema.js';
import type { SearchService } from './search.service.js';
import { SearchPage } from './views/search.view.js';

/**
 * /zoeken (ADR 0034). GET shows the form; the form is posted, so the query never lands in an address, the browser's
 * history, an access log (which names the route only) or a Referer. Results are not stored anywhere (no-store).
 */
export function registerSearchRoutes(app: FastifyInstance, pages: Pages, search: SearchService): void {
  const { contextOf } = pages;
  app.get('/zoeken', (request, reply) =>
    pages.cache.page(request, reply, (ctx) => <SearchPage ctx={ctx} form={blankForm} />),
  );

  app.post<{ Body: unknown }>('/zoeken', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    // What was typed is shown again in the field, cut to what the field may hold.
    const parsed = parseForm(searchFormSchema, request.body, { keep: maxQueryLength });
    if (!parsed.ok) return reply.html(<SearchPage ctx={contextOf(request, reply)} form={parsed} />, 400);
    const hits = await search.search(request.actor, parsed.value.zoekterm, request.pageLanguage.language);
    return reply.html(
      <SearchPage ctx={contextOf(request, reply)} form={{ values: parsed.values, problems: [] }} hits={hits} />,
    );
  });
}
