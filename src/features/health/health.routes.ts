import type { FastifyInstance } from 'fastify';
import type { Dialect } from '../../shared/db/database.js';
import type { HealthRepository } from './health.repo.js';

/** Liveness (/healthz: the process serves) and readiness (/readyz: the database answers). */
export function registerHealthRoutes(app: FastifyInstance, health: HealthRepository, dialect: Dialect): void {
  const noLimit = { config: { rateLimit: false } };
  app.get('/healthz', noLimit, (_request, reply) => reply.send({ status: 'ok', database: dialect }));
  app.get('/readyz', noLimit, async (request, reply) => {
    try {
      await health.ping(2_000);
      return await reply.send({ status: 'ready', database: dialect });
    } catch (error) {
      request.log.warn({ err: error }, 'database not reachable');
      return reply.code(503).send({ status: 'unavailable', database: dialect });
    }
  });
}
