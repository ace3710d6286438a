import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Metrics } from './metrics.js';

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * The app's metrics when they are kept (METRICS_PORT or METRICS_TOKEN set; ADR 0042), else absent. Read by
     * early-answers.ts to count the pages it answers before Fastify.
     */
    httpMetrics?: Metrics;
  }
}

export interface MetricsExposure {
  /** A listener of its own for GET /metrics; 0 picks a free port (tests). */
  port: number | undefined;
  host: string;
  /** The bearer token /metrics asks for: on the public port always, on the metrics port when set. */
  token: string | undefined;
}

const listeners = new WeakMap<FastifyInstance, Server>();

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/**
 * Whether an Authorization header carries the token, compared in constant time (both sides hashed first, so
 * neither the length nor a common prefix shows in the time taken).
 */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const given = header !== undefined && /^Bearer [^\s]+$/i.test(header) ? header.slice(7) : '';
  return timingSafeEqual(digest(given), digest(token)) && given !== '';
}

function answer(response: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  response.end(body);
}

/** The metrics listener: GET or HEAD /metrics (with the bearer token when one is set), 404 for anything else. */
export function listenForMetrics(
  metrics: Metrics,
  options: { port: number; host: string; token: string | undefined },
): Promise<Server> {
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? '').split('?', 1)[0];
    if (path !== '/metrics' || (request.method !== 'GET' && request.method !== 'HEAD')) {
      answer(response, 404, '');
      return;
    }
    if (options.token !== undefined && !bearerMatches(request.headers.authorization, options.token)) {
      answer(response, 401, '', { 'www-authenticate': 'Bearer' });
      return;
    }
    metrics.text().then(
      (text) => answer(response, 200, request.method === 'HEAD' ? '' : text, { 'content-type': metrics.contentType }),
      () => answer(response, 500, ''),
    );
  });
  // A scraper's connection is not kept open past what it needs.
  server.keepAliveTimeout = 5_000;
  server.requestTimeout = 10_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

/**
 * Metrics for the app (ADR 0042): the app counts its responses into `metrics` (app.ts, early-answers.ts);
 * /metrics on the public port answers only with `Authorization: Bearer <METRICS_TOKEN>` (404 when no token is
 * configured: the route does not exist, 401 with a missing or wrong one); METRICS_PORT gets a listener of its
 * own, started with the app and closed with it.
 */
export function registerMetrics(app: FastifyInstance, metrics: Metrics, exposure: MetricsExposure): void {
  app.decorate('httpMetrics', metrics);
  const token = exposure.token;
  if (token !== undefined) {
    // Outside the rate limit, like /readyz: its store is the database, and metrics matter most while that is
    // down. Guessing a token of 32 or more random characters is hopeless at any rate.
    app.get('/metrics', { config: { rateLimit: false } }, async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      if (!bearerMatches(request.headers.authorization, token)) {
        // For a scraper, not a visitor: the status and the header say it all (no text to translate).
        return reply.code(401).header('www-authenticate', 'Bearer').send();
      }
      return reply.type(metrics.contentType).send(await metrics.text());
    });
  }
  let server: Server | undefined;
  const port = exposure.port;
  if (port !== undefined) {
    app.addHook('onReady', async () => {
      server = await listenForMetrics(metrics, { port, host: exposure.host, token });
      listeners.set(app, server);
      const address = server.address() as AddressInfo;
      app.log.info({ host: address.address, port: address.port }, 'metrics listening');
    });
  }
  app.addHook('onClose', async () => {
    metrics.close();
    if (server === undefined) return;
    const closing = server;
    server = undefined;
    listeners.delete(app);
    await new Promise<void>((resolve) => {
      closing.close(() => resolve());
      closing.closeAllConnections();
    });
  });
}

/** Where the metrics listener of an app listens, while it does (tests, with METRICS_PORT=0). */
export function metricsAddress(app: FastifyInstance): AddressInfo | undefined {
  return listeners.get(app)?.address() as AddressInfo | undefined;
}
