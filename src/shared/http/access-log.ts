import type { FastifyBaseLogger } from 'fastify';

/**
 * The one access line per response (app.ts's onResponse hook, and early-answers.ts for pages answered before
 * Fastify): by route pattern, so no query strings, addresses or user agents. The request id is the child
 * logger's binding on Fastify's path and a field here: pino writes both right after pid and hostname, so the
 * lines are the same.
 */
export function logAccess(
  log: FastifyBaseLogger,
  line: { requestId?: string; method: string; route: string; status: number; ms: number },
): void {
  const { requestId, method, route, status, ms } = line;
  const fields = { method, route, status, ms: Math.round(ms) };
  log.info(requestId === undefined ? fields : { requestId, ...fields }, 'request completed');
}
