import type { FastifyInstance } from 'fastify';
import type { Pages } from '../../app.js';
import { RightNowPage } from './right-now.view.js';

export function registerRightNowRoutes(app: FastifyInstance, pages: Pages): void {
  app.get('/nu', (request, reply) => pages.cache.page(request, reply, (ctx) => <RightNowPage ctx={ctx} />));
}
