import type { FastifyInstance } from 'fastify';
import type { PageContextFactory } from '../../app.js';
import { HomePage } from './home.view.js';

export function registerHomeRoutes(app: FastifyInstance, contextOf: PageContextFactory): void {
  app.get('/', (request, reply) => reply.html(<HomePage ctx={contextOf(request, reply)} />));
}
