import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerOptions, type ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import proxyAddr from '@fastify/proxy-addr';
import type { FastifyInstance, FastifyRequest, FastifyServerFactory } from 'fastify';
import { type Language, languageCookie, negotiateLanguage } from '../i18n/i18n.js';
import type { AccessLog } from './access-log.js';
import type { CountNow } from './rate-limit-store.js';
import type { PageCache } from './page-cache.js';
import { hstsFor } from './security-headers.js';

/** Answers a request before Fastify sees it, or returns false and Fastify handles it. */
export type EarlyListener = (request: IncomingMessage, response: ServerResponse, fastify: () => void) => boolean;

/**
 * Fastify's serverFactory: the same node:http server Fastify would make (its timeouts), whose request listener
 * first offers each request to `early.listener` (set once the app is built, see answerStoredPagesEarly) and
 * hands every request it does not take to Fastify.
 */
export function serverWithEarlyAnswers(early: { listener?: EarlyListener }): FastifyServerFactory {
  return (handler, fastifyOptions) => {
    const options = fastifyOptions as {
      http?: ServerOptions;
      keepAliveTimeout?: number;
      requestTimeout?: number;
      connectionTimeout?: number;
      maxRequestsPerSocket?: number;
    };
    const server: Server = createServer(options.http ?? {}, (request, response) => {
      const listener = early.listener;
      if (listener === undefined || !listener(request, response, () => handler(request, response))) {
        handler(request, response);
      }
    });
    // As Fastify sets them on the server it makes itself (lib/server.js).
    server.keepAliveTimeout = options.keepAliveTimeout ?? 72_000;
    server.requestTimeout = options.requestTimeout ?? 0;
    server.setTimeout(options.connectionTimeout ?? 0);
    const perSocket = options.maxRequestsPerSocket ?? 0;
    if (perSocket > 0) server.maxRequestsPerSocket = perSocket;
    return server;
  };
}

/**
 * The client's address and protocol by Fastify's trustProxy rules (fastify/lib/request.js, compiled from the
 * same configuration with the same @fastify/proxy-addr): without a trusted proxy the socket's, else the
 * address proxy-addr finds in X-Forwarded-For and the last X-Forwarded-Proto when the peer is trusted.
 */
export function clientOf(trustProxy: boolean | string[]): {
  ip(request: IncomingMessage): string | undefined;
  protocol(request: IncomingMessage): string;
} {
  const socketProtocol = (request: IncomingMessage): string =>
    (request.socket as { encrypted?: boolean }).encrypted === true ? 'https' : 'http';
  if (trustProxy === false) {
    return { ip: (request) => request.socket.remoteAddress, protocol: socketProtocol };
  }
  const trusted = trustProxy === true ? () => true : proxyAddr.compile(trustProxy);
  return {
    ip: (request) => proxyAddr(request, trusted),
    protocol: (request) => {
      const forwarded = request.headers['x-forwarded-proto'] as string | undefined;
      if (forwarded && trusted(request.socket.remoteAddress ?? '', 0)) {
        const last = forwarded.lastIndexOf(',');
        return last === -1 ? forwarded.trim() : forwarded.slice(last + 1).trim();
      }
      return socketProtocol(request);
    },
  };
}

/**
 * Answers anonymous GETs of stored pages in the node:http request listener, before Fastify (docs/adr/0026):
 * only a request that brings no session cookie, for a page the page cache may answer early (page-cache.ts:
 * stored by an anonymous request in the same language, its route under the global rate limit). What Fastify's
 * path would do for it is done here the same way: the global rate limit counts it first (the same store, the
 * key from the same trustProxy rules; a request over the limit goes on to Fastify, which refuses it with the
 * usual 429 page), the language comes from the language cookie and Accept-Language, HSTS is added as
 * security-headers.ts adds it, a page with a form gets a new token bound to "anonymous" and the CSRF cookie
 * when the visitor had none, and the access line is logged with the same fields and request id as the
 * onResponse hook writes. Requests that arrive while the app closes go to Fastify (503).
 */
export function answerStoredPagesEarly(
  app: FastifyInstance,
  cache: PageCache,
  options: {
    sessionCookieName: string;
    trustProxy: boolean | string[];
    accessLog: AccessLog;
    /**
     * The global limit counted at once (memoryRateLimitStore, one instance on SQLite) with its maximum and window:
     * then the page is answered in this turn, without the plugin's promise. Without it (the database store) the
     * plugin's createRateLimit counts.
     */
    countNow?: { count: CountNow; max: number; windowMs: number };
  },
): EarlyListener {
  const client = clientOf(options.trustProxy);
  let limit: ReturnType<FastifyInstance['createRateLimit']> | undefined;
  let closing = false;
  app.addHook('preClose', (done) => {
    closing = true;
    done();
  });

  /** Whether this request is one to answer early: its language, URL and route, or undefined. */
  const storedFor = (request: IncomingMessage, cookies: Record<string, string | undefined>) => {
    const language = negotiateLanguage(cookies[languageCookie], request.headers['accept-language']);
    const url = request.url ?? '';
    const route = cache.earlyRoute(language, url);
    return route === undefined ? undefined : { language, url, route };
  };

  const answer = (
    request: IncomingMessage,
    response: ServerResponse,
    cookies: Record<string, string | undefined>,
    stored: { language: Language; url: string; route: string },
    start: number,
  ): boolean => {
    const answered = cache.answerEarly(stored.language, stored.url, response, {
      csrf: () => app.anonymousCsrfTokenAndCookie(cookies),
      hsts: hstsFor({ protocol: client.protocol(request) }),
    });
    if (answered) {
      options.accessLog({
        requestId: randomUUID(),
        method: 'GET',
        route: stored.route,
        status: 200,
        ms: performance.now() - start,
      });
      // Counted like a response on Fastify's path, when metrics are kept (src/shared/metrics, ADR 0042).
      app.httpMetrics?.responded('GET', stored.route, 200, performance.now() - start);
    }
    return answered;
  };

  return (request, response, fastify) => {
    if (closing || request.method !== 'GET') return false;
    const start = performance.now();
    let cookies: Record<string, string | undefined>;
    let stored: ReturnType<typeof storedFor>;
    try {
      const cookieHeader = request.headers.cookie;
      cookies = cookieHeader === undefined ? {} : app.parseCookie(cookieHeader);
      if (cookies[options.sessionCookieName] !== undefined) return false;
      stored = storedFor(request, cookies);
    } catch {
      // Whatever this request holds that cannot be read here, Fastify's path answers it as usual.
      return false;
    }
    if (stored === undefined) return false;
    const { countNow } = options;
    if (countNow !== undefined) {
      // Over the limit (the plugin's rule: more than max in the window): Fastify's path counts it again and
      // answers with the 429 page.
      if (countNow.count(client.ip(request) ?? '', countNow.windowMs).current > countNow.max) return false;
      try {
        return answer(request, response, cookies, stored, start);
      } catch (error) {
        if (!response.headersSent) return false;
        app.log.error({ err: error }, 'an early answer failed after its headers were sent');
        if (!response.writableEnded) response.destroy();
        return true;
      }
    }
    limit ??= app.createRateLimit();
    // The limiter reads the key (request.ip, app.ts) and the route's group; no route here has its own limit.
    const limited = { ip: client.ip(request), routeOptions: { config: {} } } as unknown as FastifyRequest;
    limit(limited)
      .then((result) => {
        // Over the limit: Fastify's path counts it again and answers with the 429 page.
        if ((!result.isAllowed && result.isExceeded) || !answer(request, response, cookies, stored, start)) fastify();
      })
      .catch((error: unknown) => {
        // A failing store meets Fastify's own rate-limit hook the same way, which answers with the error page.
        if (!response.headersSent) {
          fastify();
          return;
        }
        app.log.error({ err: error }, 'an early answer failed after its headers were sent');
        if (!response.writableEnded) response.destroy();
      });
    return true;
  };
}
