import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, {
  LogController,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import { registerAccountRoutes } from './features/accounts/accounts.routes.js';
import { registerTrustedPersonRoutes, trustedPersonAccountSection } from './features/accounts/trusted-person.routes.js';
import { sessionCookieName } from './shared/auth/session-cookie.js';
import { inspectAttachment } from './features/journal/attachments.js';
import { registerJournalRoutes } from './features/journal/journal.routes.js';
import { registerCheckpointRoutes, registerLogRoutes } from './features/log/log.routes.js';
import { readTsaCertificate } from './features/log/timestamp.js';
import { keyId } from './shared/evidence/format.js';
import { registerCheckRoutes } from './features/check/check.routes.js';
import { registerCaseClosingRoutes } from './features/cases/case-closing.routes.js';
import { registerCaseNotificationsRoutes } from './features/cases/case-notifications.routes.js';
import { registerCaseExportRoutes } from './features/cases/case-exports.routes.js';
import { registerCaseItemRoutes } from './features/cases/case-items.routes.js';
import { registerCasesRoutes } from './features/cases/cases.routes.js';
import { registerCaseYoungRoutes, youngHome } from './features/cases/case-young.routes.js';
import { registerCaseShareRoutes } from './features/cases/case-shares.routes.js';
import { registerPathwayRoutes } from './features/cases/pathway.routes.js';
import { registerContentRoutes } from './features/content/content.routes.js';
import { registerEditorialRoutes } from './features/editorial/editorial.routes.js';
import { registerFeedbackRoutes } from './features/feedback/feedback.routes.js';
import { registerInsightsRoutes } from './features/insights/insights.routes.js';
import { registerOrganisationInsightsRoutes } from './features/insights/organisation-insights.routes.js';
import { registerHealthRoutes } from './features/health/health.routes.js';
import { registerHelpRoutes } from './features/help/help.routes.js';
import { registerOrganisationCheckRoutes } from './features/help/organisation-check.routes.js';
import { registerHomeRoutes } from './features/home/home.routes.js';
import { registerKnowledgeRoutes } from './features/knowledge/knowledge.routes.js';
import { registerLanguageRoutes } from './features/language/language.routes.js';
import { registerOfflineRoutes } from './features/offline/offline.routes.js';
import {
  professionalAccountSection,
  registerProfessionalRoutes,
} from './features/professionals/professionals.routes.js';
import { registerQuickExitRoutes } from './features/quick-exit/quick-exit.routes.js';
import { registerSearchRoutes } from './features/search/search.routes.js';
import { registerRightNowRoutes } from './features/right-now/right-now.routes.js';
import { registerSurveyRoutes, surveyAccountSection } from './features/survey/survey.routes.js';
import { registerVerifyRoutes } from './features/verify/verify.routes.js';
import { registerTranslationReviewRoutes } from './features/translation-review/translation-review.routes.js';
import { translatorFor } from './messages.js';
import type { Services } from './services.js';
import type { LogPublicKey } from './shared/evidence/pinned-log-keys.js';
import { TooMany } from './shared/errors.js';
import { type AssetCatalogue, loadAssets, registerAssetRoutes } from './shared/http/assets.js';
import { registerCsrfTokens } from './shared/http/csrf-tokens.js';
import { registerErrorHandling } from './shared/http/error-handler.js';
import { batchedStdout } from './shared/http/log-destination.js';
import { trackRoutesForMethodNotAllowed } from './shared/http/method-not-allowed.js';
import { csrfBinding, registerRequestContext, pageContext } from './shared/http/request-context.js';
import { registerSessionLoading } from './shared/auth/session.js';
import { pepperSubkey } from './shared/crypto/keyed-hash.js';
import { registerSecurityHeaders } from './shared/http/security-headers.js';
import { registerSiteRoutes } from './shared/http/site-routes.js';
import { createPageCache, type PageCache, type PageContextFactory } from './shared/http/page-cache.js';
import {
  answerStoredPagesEarly,
  clientOf,
  type EarlyListener,
  serverWithEarlyAnswers,
} from './shared/http/early-answers.js';
import { createAccessLog } from './shared/http/access-log.js';
import { registerMetrics } from './shared/metrics/metrics-http.js';
import { assetsDir } from './shared/paths.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set to false on the rare state-changing route that must work without a CSRF token (quick exit). */
    csrf?: boolean;
  }
}

export type { PageContextFactory } from './shared/http/page-cache.js';

/** What feature routes use to render pages: the request's view context, and the shared page cache. */
export interface Pages {
  contextOf: PageContextFactory;
  cache: PageCache;
}

const stateChangingMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface AppOptions {
  /** Overrides the logger (tests pass false); defaults to JSON logs at the configured level. */
  logger?: FastifyServerOptions['logger'];
  /** Where JSON logs go (default stdout, in batches); tests pass a stream to read what would be logged. */
  logStream?: NodeJS.WritableStream;
  assets?: AssetCatalogue;
  /** Log public keys the /verifieer page trusts besides the pinned list (the app's configured log key). */
  logPublicKeys?: readonly LogPublicKey[];
}

/** Builds the HTTP app from the services: plugins, hooks, and one registration per feature. */
export async function createApp(services: Services, options: AppOptions = {}): Promise<FastifyInstance> {
  const { config } = services;
  // Fastify needs frameworkErrors at construction; the error pages it uses are registered further down.
  const late: { badUrl?: (request: FastifyRequest, reply: FastifyReply) => FastifyReply } = {};
  // Stored anonymous pages are answered in the server's request listener, before Fastify (ADR 0026); the
  // listener is set below, once the cookie, rate-limit and CSRF plugins are registered.
  const early: { listener?: EarlyListener } = {};
  // The logger's destination, when the app makes its own logger: the access lines are written into it directly.
  const logStream = options.logger === undefined ? (options.logStream ?? batchedStdout()) : undefined;
  const app = Fastify({
    serverFactory: serverWithEarlyAnswers(early),
    logger: options.logger ?? {
      level: config.logLevel,
      // Request logging is off; the one access line below logs only what is safe. Should a header, cookie
      // or body ever be passed to the logger by mistake, it is removed.
      redact: { paths: ['req.headers', 'headers', 'cookies', 'body'], remove: true },
      stream: logStream ?? batchedStdout(),
    },
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    genReqId: () => randomUUID(),
    trustProxy: config.trustProxy,
    bodyLimit: config.bodyLimitBytes,
    routerOptions: { ignoreTrailingSlash: false, maxParamLength: 200 },
    return503OnClosing: true,
    // A URL that cannot be decoded is answered by Fastify before any hook; send it to our error pages too.
    frameworkErrors: (_error, request, reply) => {
      late.badUrl?.(request, reply);
    },
  });

  const assets = options.assets ?? loadAssets(assetsDir);
  const allowedMethods = trackRoutesForMethodNotAllowed(app);
  const contextOf: PageContextFactory = (request, reply) =>
    pageContext(request, reply, assets.urls, config.quickExitUrl);
  const pages: Pages = { contextOf, cache: createPageCache({ contextOf, ttlMs: 30_000, maxEntries: 500 }) };

  registerSecurityHeaders(app);
  await app.register(fastifyCookie);
  // The translators with this app's reviewers' marks, for every page's review notice (ADR 0053).
  const languagesFor = translatorFor.withMarks(services.translationReviews);
  registerRequestContext(app, languagesFor);
  registerSessionLoading(app, {
    cookieName: sessionCookieName(config.secureCookies),
    currentSession: (cookie) => services.accounts.currentSession(cookie),
  });
  await app.register(fastifyFormbody, { bodyLimit: config.bodyLimitBytes });
  await app.register(fastifyRateLimit, {
    global: true,
    max: config.rateLimit.max,
    timeWindow: config.rateLimit.windowMs,
    keyGenerator: (request) => request.ip,
    // No x-ratelimit-* headers on every response (a site for people, not an API to pace); a 429 still says
    // when to retry.
    addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
    addHeaders: {
      'x-ratelimit-limit': false,
      'x-ratelimit-remaining': false,
      'x-ratelimit-reset': false,
      'retry-after': true,
    },
    errorResponseBuilder: (_request, context) => new TooMany(Math.ceil(context.ttl / 1000)),
    // Counts shared by every instance on PostgreSQL (ADR 0041); early answers count through the same store.
    ...(services.rateLimitStore !== undefined && { store: services.rateLimitStore }),
    // While the database is away the shared counts cannot be read: pages that need no database (the stored
    // public pages, /nu above all) are still served rather than a 503; everything that needs the database fails
    // on its own with the 503 page, and login throttling keeps its own count in the database (it fails closed).
    skipOnError: true,
  });
  const csrfCookie = config.secureCookies ? '__Host-csrf' : 'csrf';
  if (config.pepper === undefined) throw new Error('The pepper must be resolved before the app is built');
  const csrfCookieOptions = { path: '/', sameSite: 'strict', httpOnly: true, secure: config.secureCookies } as const;
  const csrfKey = pepperSubkey(config.pepper, 'nmk/v1/csrf');
  await app.register(fastifyCsrf, {
    cookieKey: csrfCookie,
    cookieOpts: csrfCookieOptions,
    // Tokens are bound to the session as well as to the cookie (csrfBinding): the session is loaded in an
    // onRequest hook, before the check runs in preHandler. Tokens are made only through csrfToken(), by
    // csrf-tokens.ts in the plugin's format; the plugin checks them.
    getUserInfo: (request) => csrfBinding(request),
    csrfOpts: { hmacKey: csrfKey },
    // Tokens come from the form body or a header, never from the URL (URLs end up in history and logs).
    getToken: (request) => {
      const body = request.body as Record<string, unknown> | undefined;
      const fromBody = body !== null && typeof body === 'object' ? body._csrf : undefined;
      if (typeof fromBody === 'string') return fromBody;
      const header = request.headers['x-csrf-token'];
      return typeof header === 'string' ? header : undefined;
    },
  });
  registerCsrfTokens(app, { hmacKey: csrfKey, cookieName: csrfCookie, cookieOptions: csrfCookieOptions });
  // Anonymous GETs of stored pages are answered before Fastify, the hooks, the session and the route (ADR 0026).
  const accessLog = createAccessLog(app.log, logStream);
  early.listener = answerStoredPagesEarly(app, pages.cache, {
    sessionCookieName: sessionCookieName(config.secureCookies),
    trustProxy: config.trustProxy,
    accessLog,
    ...(services.rateLimitNow !== undefined && {
      countNow: { count: services.rateLimitNow, max: config.rateLimit.max, windowMs: config.rateLimit.windowMs },
    }),
  });

  // Every state-changing route checks the CSRF token after the body is parsed, unless it opts out.
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!methods.some((method) => stateChangingMethods.has(method))) return;
    if (route.config?.csrf === false) return;
    const existing =
      route.preHandler === undefined ? [] : Array.isArray(route.preHandler) ? route.preHandler : [route.preHandler];
    route.preHandler = [(request, reply, done) => app.csrfProtection(request, reply, done), ...existing];
  });

  // Prometheus metrics when configured (ADR 0042): counted per response below and in early-answers.ts.
  const metrics = services.metrics;
  if (metrics !== undefined) registerMetrics(app, metrics, config.metrics);

  // One access line per response, by route pattern: no query strings, addresses or user agents.
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'not-found';
    accessLog({
      requestId: request.id,
      method: request.method,
      route,
      status: reply.statusCode,
      ms: reply.elapsedTime,
    });
    metrics?.responded(request.method, route, reply.statusCode, reply.elapsedTime);
    done();
  });

  const client = clientOf(config.trustProxy);
  late.badUrl = registerErrorHandling(app, {
    assets: assets.urls,
    quickExitUrl: config.quickExitUrl,
    allowedMethods,
    translatorFor: languagesFor,
    protocolOf: (raw) => client.protocol(raw),
  }).badUrl;
  registerAssetRoutes(app, assets);
  registerSiteRoutes(app, assets);
  registerHealthRoutes(app, services.health, services.dialect);
  registerLanguageRoutes(app, config.secureCookies);
  registerQuickExitRoutes(app, { exitUrl: config.quickExitUrl, endSession: services.sessions.end });
  registerOfflineRoutes(app, assets.urls);
  registerHomeRoutes(app, pages);
  registerRightNowRoutes(app, pages);
  registerContentRoutes(app, pages, services.content, {
    translatorFor: languagesFor,
    marks: services.translationReviews,
  });
  registerKnowledgeRoutes(app, pages, services.knowledge);
  // Readers' "what was missing?" and the editors' list (ADR 0038); texts have a stricter limit of their own.
  registerFeedbackRoutes(app, pages, services.feedback, {
    textsPerWindow: Math.max(1, Math.ceil(config.rateLimit.max / 30)),
    windowMs: config.rateLimit.windowMs,
  });
  // Anonymous figures for policy, disclosure-controlled (issue 18, ADR 0046).
  registerInsightsRoutes(app, pages, services.insights);
  registerOrganisationInsightsRoutes(app, pages, services.organisationInsights);
  // Search, posted so the query is never in an address (ADR 0034).
  registerSearchRoutes(app, pages, services.search);
  registerCheckRoutes(app, pages, services.check, translatorFor);
  registerPathwayRoutes(app, pages, services.pathway, services.safetyRegionNames);
  // First of the case routes: it wraps every /samenwerken/:caseId route registered after it (a write on a closed
  // case answers 409 "afgesloten", a deleted case 410 to its former members; ADR 0031).
  registerCaseClosingRoutes(app, pages, services.caseClosing);
  registerCasesRoutes(
    app,
    pages,
    services.cases,
    services.accounts,
    services.caseClosing,
    services.caseMeasures,
    services.caseNotifications,
    { home: youngHome(pages, services.caseYoung), section: (who, caseId) => services.caseYoung.section(who, caseId) },
  );
  // The child's own voice (ADR 0030): a young person's sign-up, the invitation, the private channel.
  registerCaseYoungRoutes(app, pages, services.caseYoung, services.accounts, { secureCookies: config.secureCookies });
  // A member's choice of e-mail about news in a case (ADR 0028).
  registerCaseNotificationsRoutes(app, pages, services.caseNotifications);
  registerCaseShareRoutes(app, pages, {
    shares: services.caseShares,
    openCase: (who, caseId) => services.cases.openCase(who, caseId),
    myCases: (who) => services.cases.listMine(who),
    journal: services.journal,
    prepareBundle: (who, opened, locale, t) => services.caseExports.prepare(who, opened, locale, t),
  });
  registerCaseItemRoutes(app, pages, services.caseItems, (who, caseId) => services.cases.openCase(who, caseId));
  // The summary PDF, a parent's own copy and the police bundle, each after the passphrase again (ADR 0029).
  registerCaseExportRoutes(app, pages, {
    exports: services.caseExports,
    openCase: (who, caseId) => services.cases.openCase(who, caseId),
    confirmPassphrase: (session, passphrase, address, options) =>
      services.accounts.confirmPassphrase(session, passphrase, address, options),
  });
  // Counts kept in memory are written before the database closes.
  app.addHook('onClose', async () => {
    await services.check.close();
    await services.help.close();
  });
  registerHelpRoutes(app, pages, services.help);
  // Organisations due for a check (ADR 0037), each linked to its document in the CMS.
  registerOrganisationCheckRoutes(app, pages, services.help, async (actor) => {
    const listings = await services.editorial.documents(actor, 'organisation');
    return new Map(listings.map((listing) => [listing.document.key, listing.document.id]));
  });
  registerAccountRoutes(app, pages, services.accounts, services.passkeys, services.audit, services.notify, {
    secureCookies: config.secureCookies,
    idleMinutes: Math.round(config.session.idleMs / 60_000),
    // The features that hold the user's data: "download my data", deletion, a session that ended (ADR 0017).
    userData: services.userData,
    keyRotation: services.keyRotation,
    // The parents' survey's offer (ADR 0047) after the other sections, when one is due or open in this session.
    accountSection: surveyAccountSection(pages, services.survey, async (request, reply, session) => {
      // A professional's organisation, or a parent's waiting trusted-person request (ADR 0049).
      const professional = await professionalAccountSection(pages, services.professionals)(request, reply, session);
      return professional ?? trustedPersonAccountSection(pages, services.trustedPersons)(request, reply, session);
    }),
  });
  // Parents' own voice (issue 18 point 2, ADR 0047): the survey, its thanks, the reviewers' moderation of texts.
  registerSurveyRoutes(app, pages, services.survey);
  registerTrustedPersonRoutes(app, pages, services.trustedPersons);
  registerProfessionalRoutes(app, pages, services.professionals, services.accounts, {
    secureCookies: config.secureCookies,
    invitationValidDays: Math.round(config.invitationValidMs / 86_400_000),
  });
  // The CMS (/beheer, ADR 0033); a publish empties the page cache, so the public pages show it at once.
  registerEditorialRoutes(app, pages, services.editorial, services.accounts, {
    publicUrl: config.publicUrl,
    mailer: services.mailer,
    audit: services.audit,
    waiting: async (actor) => ({
      feedback: await services.feedback.pendingCount(actor),
      organisations: (await services.help.organisationsToCheck(actor)).organisations.length,
      // Parents' survey texts, for reviewers and admins (ADR 0047).
      survey: await services.survey.pendingCount(actor),
    }),
  });
  services.editorial.onPublished(() => pages.cache.clear());
  // The reviewers' marks on translations (ADR 0053): a change here or on another instance empties the page cache.
  registerTranslationReviewRoutes(app, pages, services.translationReviews);
  services.translationReviews.onChanged(() => pages.cache.clear());
  registerJournalRoutes(
    app,
    pages,
    services.journal,
    services.audit,
    inspectAttachment,
    {
      exports: services.exports,
      confirmPassphrase: (session, passphrase, address, options) =>
        services.accounts.confirmPassphrase(session, passphrase, address, options),
    },
    { inFlight: config.uploadsInFlightMax, perAccount: config.uploadsPerAccountMax, idleMs: config.uploadIdleMs },
  );
  registerLogRoutes(app, services.log, { current: services.logKey, previous: config.logPreviousPublicKeys });
  registerCheckpointRoutes(app, services.witnesses);
  // The log of logs: every journal's latest checkpoint into a new signed global root, at a fixed interval.
  // Every instance ticks; one of them makes the root, when one is due (ADR 0041).
  let rootTimer: NodeJS.Timeout | undefined;
  app.addHook('onReady', (done) => {
    rootTimer = setInterval(() => {
      services.rootSchedule
        .tick()
        .catch((error: unknown) => app.log.error({ err: error }, 'publishing a global root failed'));
    }, config.logRootIntervalMs);
    rootTimer.unref();
    done();
  });
  app.addHook('onClose', (_instance, done) => {
    if (rootTimer !== undefined) clearInterval(rootTimer);
    done();
  });
  // News of content published on another instance (ADR 0041): listening before the first request is served.
  app.addHook('onReady', () => services.changeBus.start());
  // The reviewers' marks on translations (ADR 0053), read when ready. With the database away the app still starts
  // (every translated page then says it is not reviewed, the cautious answer) and reads them again until it can.
  let marksRetry: NodeJS.Timeout | undefined;
  const loadReviewMarks = (): Promise<void> =>
    services.translationReviews.load().catch((error: unknown) => {
      app.log.warn({ err: error }, 'reading the translation review marks failed; trying again in 30 s');
      marksRetry = setTimeout(() => void loadReviewMarks(), 30_000);
      marksRetry.unref();
    });
  app.addHook('onReady', () => loadReviewMarks());
  app.addHook('onClose', (_instance, done) => {
    if (marksRetry !== undefined) clearTimeout(marksRetry);
    done();
  });
  app.addHook('onClose', () => services.changeBus.close());
  // /verifieer trusts the pinned list, this app's own log key and the earlier ones it still publishes.
  registerVerifyRoutes(app, pages, {
    logPublicKeys: [
      { id: services.logKey.id, spkiB64: services.logKey.publicKey.toString('base64') },
      ...config.logPreviousPublicKeys.map((key) => ({ id: keyId(key), spkiB64: key.toString('base64') })),
      ...(options.logPublicKeys ?? []),
    ],
    // The configured TSA's certificate: the global roots' RFC 3161 timestamps (ADR 0043).
    tsaCerts: config.tsa === undefined ? [] : [readTsaCertificate(config.tsa.certFile)],
  });

  return app;
}
