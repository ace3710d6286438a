import type { FastifyInstance } from 'fastify';
import type { Pages } from '../../app.js';
import { NotFound } from '../../shared/errors.js';
import { csvOf, isCsvName } from './insights.csv.js';
import type { InsightsService } from './insights.service.js';
import { InsightsMethodPage, InsightsPage } from './views/insights.view.js';

/**
 * /inzichten (issue 18): public, anonymous figures; the same for every visitor in one language, so the page
 * cache serves them. The figures themselves change once a week (insights.service.ts).
 */
export function registerInsightsRoutes(app: FastifyInstance, pages: Pages, insights: InsightsService): void {
  app.get('/inzichten', (request, reply) =>
    pages.cache.page(request, reply, async (ctx) => {
      const published = await insights.figures();
      return <InsightsPage ctx={ctx} published={published} />;
    }),
  );

  app.get('/inzichten/methode', (request, reply) =>
    pages.cache.page(request, reply, (ctx) => <InsightsMethodPage ctx={ctx} noiseEpsilon={insights.noiseEpsilon} />),
  );

  app.get<{ Params: { file: string } }>('/inzichten/:file', async (request, reply) => {
    const match = /^([a-z-]{1,40})\.csv$/.exec(request.params.file);
    const name = match?.[1];
    if (name === undefined || !isCsvName(name)) throw new NotFound();
    const published = await insights.figures();
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}.csv"`)
      .header('cache-control', 'no-cache')
      .send(csvOf(name, published));
  });
}
