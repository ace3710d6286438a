import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, BadRequest, TooMany } from '../errors.js';
import type { TranslatorFor } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/messages.js';
import { ErrorPage } from '../views/error-page.js';
import type { AssetUrls } from '../views/context.js';
import { pageContext, sendHtml, setRequestContext } from './request-context.js';
import { baseSecurityHeaders, hstsFor } from './security-headers.js';

interface Classified {
  status: number;
  titleKey: MessageKey;
  textKey: MessageKey;
}

const pageKeys: Record<number, { titleKey: MessageKey; textKey: MessageKey }> = {
  400: { titleKey: 'error.400.title', textKey: 'error.400.text' },
  403: { titleKey: 'error.403.title', textKey: 'error.403.text' },
  404: { titleKey: 'error.404.title', textKey: 'error.404.text' },
  405: { titleKey: 'error.405.title', textKey: 'error.405.text' },
  409: { titleKey: 'error.409.title', textKey: 'error.409.text' },
  413: { titleKey: 'error.413.title', textKey: 'error.413.text' },
  415: { titleKey: 'error.415.title', textKey: 'error.415.text' },
  429: { titleKey: 'error.429.title', textKey: 'error.429.text' },
  500: { titleKey: 'error.500.title', textKey: 'error.500.text' },
  503: { titleKey: 'error.503.title', textKey: 'error.503.text' },
};

function keysFor(status: number): { titleKey: MessageKey; textKey: MessageKey } {
  return (
    pageKeys[status] ??
    (status >= 500 ? pageKeys[500] : pageKeys[400]) ?? { titleKey: 'error.title', textKey: 'error.400.text' }
  );
}

const csrfCodes = new Set(['FST_CSRF_INVALID_TOKEN', 'FST_CSRF_MISSING_SECRET']);

/** Network errors of a database connection (node:net), and a disk that is full or failing (node:fs). */
const unavailableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENOSPC',
  'EDQUOT',
  'EIO',
]);
/** PostgreSQL's SQLSTATEs for a server that is away: connection exceptions (08…), shut down or starting (57P0…), full. */
const unavailableSqlState = /^(08...|57P0[1-4]|53[0-9]00)$/;
/** SQLite: a full disk, a failing one, or a database another process holds too long. */
const unavailableSqlite = /^SQLITE_(FULL|IOERR|BUSY|CANTOPEN|PROTOCOL)/;
/** What node-postgres says when its connection goes or never comes (these errors carry no code). */
const unavailableMessage =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|cannot rollback - no transaction is active)/;
// The last: SQLite rolls a transaction back by itself on a full or failing disk (SQLITE_FULL, SQLITE_IOERR), and
// Kysely's own ROLLBACK then fails with this message instead of the original error (found by the full-disk test).

/**
 * Whether the error says the database or the disk is away for now rather than that the request or the code is
 * wrong: the visitor gets 503 (try again soon), and the process keeps running and recovers by itself.
 */
export function isUnavailable(error: unknown): boolean {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; cause = cause.cause, depth += 1) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string') {
      if (unavailableCodes.has(code) || unavailableSqlState.test(code) || unavailableSqlite.test(code)) return true;
    }
    if (unavailableMessage.test(cause.message)) return true;
    // A pool or client of node-postgres reports a refused connection as an AggregateError of the tries.
    if (cause instanceof AggregateError && cause.errors.some((inner) => isUnavailable(inner))) return true;
  }
  return false;
}

/** Turns any thrown error into what the user should see; unknown errors become 500. */
function classifyError(error: unknown): Classified {
  if (isUnavailable(error)) return { status: 503, ...keysFor(503) };
  if (isFastifyError(error) && csrfCodes.has(error.code)) {
    return { status: 403, titleKey: 'error.csrf.title', textKey: 'error.csrf.text' };
  }
  // An app error may carry a more precise message than its status's generic one.
  if (error instanceof AppError) return { status: error.status, ...keysFor(error.status), textKey: error.messageKey };
  if (isFastifyError(error)) {
    if (error.validation !== undefined) return { status: 400, ...keysFor(400) };
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) return { status, ...keysFor(status) };
  }
  return { status: 500, ...keysFor(500) };
}

function isFastifyError(error: unknown): error is FastifyError {
  return error instanceof Error && typeof (error as Partial<FastifyError>).code === 'string';
}

/** Short, readable, random: enough to find one log line, nothing to guess from. */
function newErrorId(): string {
  return randomBytes(5).toString('hex');
}

function wantsProblemJson(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/');
}

/** The one place where errors become responses: an error page in the user's language, or problem+json. */
export function registerErrorHandling(
  app: FastifyInstance,
  options: {
    assets: AssetUrls;
    quickExitUrl: string;
    allowedMethods: (method: string, url: string) => string[];
    translatorFor: TranslatorFor;
    /**
     * The request's protocol by the trustProxy rules (early-answers.ts clientOf): Fastify answers an undecodable
     * URL before it applies them, so the bad-URL page would otherwise never know it came over HTTPS.
     */
    protocolOf?: (request: IncomingMessage) => string;
  },
): { badUrl: (request: FastifyRequest, reply: FastifyReply) => FastifyReply } {
  const respond = (
    request: FastifyRequest,
    reply: FastifyReply,
    classified: Classified,
    errorId?: string,
    detail?: string,
  ): FastifyReply => {
    const { status, titleKey, textKey } = classified;
    if (wantsProblemJson(request)) {
      return reply
        .code(status)
        .type('application/problem+json; charset=utf-8')
        .send({
          type: 'about:blank',
          title: request.t(titleKey),
          status,
          detail: detail ?? request.t(textKey),
          ...(errorId === undefined ? {} : { errorId }),
        });
    }
    const ctx = pageContext(request, reply, options.assets, options.quickExitUrl);
    return sendHtml(reply, <ErrorPage ctx={ctx} titleKey={titleKey} textKey={textKey} errorId={errorId} />, status);
  };

  app.setErrorHandler((error, request, reply) => {
    const classified = classifyError(error);
    if (error instanceof TooMany) reply.header('retry-after', String(error.retryAfterSeconds));
    if (classified.status === 503) reply.header('retry-after', '30');
    if (classified.status >= 500) {
      const errorId = newErrorId();
      request.log.error({ err: error, errorId }, 'request failed');
      return respond(request, reply, classified, errorId);
    }
    request.log.info(
      {
        status: classified.status,
        code: isFastifyError(error) ? error.code : error instanceof Error ? error.name : 'unknown',
      },
      'request refused',
    );
    const detail = error instanceof BadRequest ? error.message : undefined;
    return respond(request, reply, classified, undefined, detail);
  });

  // Unknown paths count towards the rate limit too, so probing for pages is limited like everything else.
  app.setNotFoundHandler({ preHandler: app.rateLimit() }, (request, reply) => {
    const allowed = options.allowedMethods(request.method, request.url);
    if (allowed.length > 0) {
      reply.header('allow', allowed.join(', '));
      return respond(request, reply, { status: 405, ...keysFor(405) });
    }
    return respond(request, reply, { status: 404, ...keysFor(404) });
  });

  return {
    /** For Fastify's frameworkErrors: a URL that cannot be decoded is answered before any hook runs. */
    badUrl: (request, reply) => {
      setRequestContext(request, options.translatorFor);
      // Fastify answers these before any hook, so the access line is written here.
      request.log.info({ method: request.method, route: 'bad-url', status: 400 }, 'request completed');
      reply.headers(baseSecurityHeaders);
      const strict =
        options.protocolOf === undefined ? undefined : hstsFor({ protocol: options.protocolOf(request.raw) });
      if (strict !== undefined) reply.header('strict-transport-security', strict);
      return respond(request, reply, { status: 400, ...keysFor(400) });
    },
  };
}
