import type { FastifyInstance } from 'fastify';
import type { Pages } from '../../app.js';
import type { PathwayRegistry } from './pathway.js';
import { PathwayPage } from './views/pathway-page.view.js';
import { YoungPathwayPage } from './views/pathway-young-page.view.js';

/**
 * The public explanations of de lijn's pathway, for parents and for young people; the same for every visitor in
 * one language, so they are cached.
 */
export function registerPathwayRoutes(app: FastifyInstance, pages: Pages, pathway: PathwayRegistry): void {
  app.get('/samenwerken/hoe-het-werkt', (request, reply) =>
    pages.cache.page(request, reply, (ctx) => <PathwayPage ctx={ctx} pathway={pathway.current} />),
  );
  app.get('/samenwerken/jongeren', (request, reply) =>
    pages.cache.page(request, reply, (ctx) => <YoungPathwayPage ctx={ctx} pathway={pathway.current} />),
  );
}
