import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';
import {
  type Locale,
  type PageLanguage,
  type Translate,
  type TranslatorFor,
  languageCookie,
  languageInfo,
  negotiateLanguage,
} from '../i18n/i18n.js';
import { type Actor, anonymous, hasRole } from '../policy/actor.js';
import type { AssetUrls, PageContext } from '../views/context.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The complete language (nl or en) of content that has no translation in the chosen language. */
    locale: Locale;
    /** The translator for this page's own text: the chosen language where the page is translated, else `locale`. */
    t: Translate;
    /** The chosen language and whether this route is translated in it (src/translations/). */
    pageLanguage: PageLanguage;
    /** The translator for the frame around every page (menu, quick exit, footer): always the chosen language. */
    frameT: Translate;
    /** Who is acting; anonymous until the session hook (src/shared/auth/session.ts) sets it from the session. */
    actor: Actor;
  }
  interface FastifyReply {
    /** Renders a page (a Layout-based view) as a complete HTML document. */
    html(view: VNode, status?: number): FastifyReply;
  }
}

/**
 * Attaches the language, translator and actor to each request, and reply.html() to each reply. The translators
 * come from the top (src/messages.ts), which holds the message catalogue.
 */
export function registerRequestContext(app: FastifyInstance, translatorFor: TranslatorFor): void {
  // Reference-type decorations start as null and are set per request (Fastify shares decorator values).
  app.decorateRequest('locale', 'nl');
  app.decorateRequest('t', null as never);
  app.decorateRequest('pageLanguage', null as never);
  app.decorateRequest('frameT', null as never);
  app.decorateRequest('actor', null as never);
  app.addHook('onRequest', (request, reply, done) => {
    setRequestContext(request, translatorFor);
    // The service worker keeps its offline /nu in the visitor's chosen language (service-worker.js).
    reply.header('x-language', request.pageLanguage.language);
    done();
  });
  app.decorateReply('html', function html(this: FastifyReply, view: VNode, status = 200) {
    return sendHtml(this, view, status);
  });
}

/** Sends a rendered view as a complete HTML document. */
export function sendHtml(reply: FastifyReply, view: VNode, status: number): FastifyReply {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('vary', 'Accept-Language, Cookie')
    .send(`<!doctype html>${render(view)}`);
}

/**
 * Sets language, translator and the anonymous actor. Also called on error paths that Fastify takes before any
 * hook has run (a malformed URL), so that those pages too are in the visitor's language.
 */
export function setRequestContext(request: FastifyRequest, translatorFor: TranslatorFor): void {
  request.actor = anonymous;
  const language = negotiateLanguage(request.cookies?.[languageCookie], request.headers['accept-language']);
  // Routing comes before onRequest in Fastify, so the route pattern is known here (undefined: no route, a 404).
  const page = translatorFor.pageIn(language, request.routeOptions?.url);
  const locale = languageInfo[language].locale;
  request.locale = locale;
  request.pageLanguage = page;
  request.frameT = translatorFor(language);
  request.t = page.translated ? request.frameT : translatorFor(locale);
}

/** The CSRF binding of a request without a session. */
export const anonymousBinding = 'anonymous';

/**
 * What a CSRF token is bound to besides the CSRF cookie: the signed-in session (its id hash), or "anonymous".
 * A token made before a login does not work after it, nor one made in another session. It is hashed into the
 * token with a key from the pepper (app.ts, csrf-tokens.ts), so the token does not show it.
 */
export function csrfBinding(request: FastifyRequest): string {
  const idHash = request.session?.idHash;
  return idHash === undefined ? anonymousBinding : `session:${idHash}`;
}

/**
 * A CSRF token for this response, bound to the request's session (the only way tokens are made; see
 * csrf-tokens.ts, registered in app.ts).
 */
export function csrfToken(reply: FastifyReply): string {
  return reply.makeCsrfToken();
}

/** One token per response, made when a form first asks for it (a page with two forms shows the same token). */
function csrfTokenOnce(reply: FastifyReply): () => string {
  let token: string | undefined;
  return () => (token ??= csrfToken(reply));
}

/** The context a view needs, built from the request. */
export function pageContext(
  request: FastifyRequest,
  reply: FastifyReply,
  assets: AssetUrls,
  quickExitUrl: string,
): PageContext {
  const path = request.url.split('?')[0] ?? '/';
  return {
    locale: request.locale,
    t: request.t,
    pageLanguage: request.pageLanguage,
    frameT: request.frameT,
    path,
    // After a POST (a form) the way back is the page itself; a GET page keeps its query (a help result).
    returnTo: request.method === 'GET' ? request.url : path,
    signedIn: request.actor.kind === 'user',
    ownSpace: hasRole(request.actor, 'parent')
      ? 'journal'
      : hasRole(request.actor, 'professional') || hasRole(request.actor, 'young')
        ? 'cases'
        : undefined,
    professional: hasRole(request.actor, 'professional'),
    idleUntil: request.session?.idleUntil,
    assets,
    quickExitUrl,
    csrfToken: csrfTokenOnce(reply),
  };
}
