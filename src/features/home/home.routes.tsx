import type { FastifyInstance } from 'fastify';
import type { Pages } from '../../app.js';
import { HomePage } from './home.view.js';

export function registerHomeRoutes(app: FastifyInstance, pages: Pages): void {
  app.get('/', (request, reply) => pages.cache.page(request, reply, (ctx) => <HomePage ctx={ctx} />));
}
