import type { FastifyInstance } from 'fastify';
import { isLanguage, languageCookie } from '../../shared/i18n/i18n.js';
import { safeLocalPath } from '../../shared/views/safe-url.js';

/**
 * The language switch is a link, so it works without JavaScript and without a form on every page. It only
 * sets a display preference, which is why it is a GET; the way back is checked to stay on this site. The
 * cookie is first-party and holds nothing but the language's id (strictly a preference the visitor asked
 * for, so no consent banner: docs/adr/0050).
 */
export function registerLanguageRoutes(app: FastifyInstance, secureCookies: boolean): void {
  app.get<{ Params: { lang: string }; Querystring: { terug?: unknown } }>('/taal/:lang', (request, reply) => {
    const { lang } = request.params;
    if (!isLanguage(lang)) return reply.callNotFound();
    reply.setCookie(languageCookie, lang, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: secureCookies,
      maxAge: 60 * 60 * 24 * 365,
    });
    return reply.redirect(safeLocalPath(request.query.terug), 303);
  });
}
