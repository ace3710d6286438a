import type { FastifyInstance } from 'fastify';
import type { Pages } from '../../app.js';
import type { PathwayRegistry } from './pathway.js';
import { PathwayPage } from './views/pathway-page.view.js';

/** The public explanation of de lijn's pathway; the same for every visitor in one language, so it is cached. */
export function registerPathwayRoutes(app: FastifyInstance, pages: Pages, pathway: PathwayRegistry): void {
  app.get('/samenwerken/hoe-het-werkt', (request, reply) =>
    pages.cache.page(request, reply, (ctx) => <PathwayPage ctx={ctx} pathway={pathway.current} />),
  );
}
