import type { FastifyInstance, FastifyReply } from 'fastify';

/** Cookies that quick exit removes even if Clear-Site-Data is ignored (older browsers, proxies). */
const cookiesClearedOnExit = ['taal', 'csrf', '__Host-csrf', 'sessie', '__Host-sessie'] as const;

export interface QuickExitOptions {
  exitUrl: string;
  /** Ends the server-side session, once accounts exist; it receives the request's cookies. */
  endSession: (cookies: Record<string, string | undefined>) => Promise<void>;
}

/**
 * Quick exit without JavaScript is a plain link to GET /weg; with JavaScript the page posts to /weg and
 * replaces itself with the neutral site. Both end the session and tell the browser to forget this site.
 * Neither needs a CSRF token: the worst a forged request can do is log someone out, and quick exit must work
 * even with an expired form.
 */
export function registerQuickExitRoutes(app: FastifyInstance, options: QuickExitOptions): void {
  const forget = async (cookies: Record<string, string | undefined>, reply: FastifyReply) => {
    await options.endSession(cookies);
    for (const name of cookiesClearedOnExit) {
      reply.clearCookie(name, { path: '/', ...(name.startsWith('__Host-') ? { secure: true } : {}) });
    }
    reply.header('clear-site-data', '"cache", "cookies", "storage"');
  };

  app.get('/weg', { config: { rateLimit: false } }, async (request, reply) => {
    await forget(request.cookies, reply);
    return reply.redirect(options.exitUrl, 303);
  });

  app.post('/weg', { config: { rateLimit: false, csrf: false } }, async (request, reply) => {
    await forget(request.cookies, reply);
    return reply.code(204).send();
  });
}
