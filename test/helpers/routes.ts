import type { FastifyInstance } from 'fastify';
import { csrfTokenFrom, withCookiesOf } from './app.js';

/**
 * Every method and path the app registers (HEAD and OPTIONS left out), read from Fastify's route tree, so a test
 * that walks them covers a new route by itself.
 */
export function registeredRoutes(app: FastifyInstance): { method: string; path: string }[] {
  const routes: { method: string; path: string }[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^([│ ]*)[├└]── (\S+)(?: \(([^)]*)\))?/.exec(line);
    if (match === null) continue;
    const depth = match[1]!.length / 4;
    stack.length = depth;
    const parent = stack[depth - 1] ?? '';
    const full = depth === 0 ? match[2]! : `${parent === '/' ? '/' : parent}${match[2]!}`;
    stack[depth] = full;
    for (const method of (match[3] ?? '').split(',').map((name) => name.trim())) {
      if (method !== '' && method !== 'HEAD' && method !== 'OPTIONS') routes.push({ method, path: full });
    }
  }
  return routes;
}

/**
 * An actor's cookies with a CSRF token of its own session, from the first page of a short list that has a form
 * (any session has one), so a walk over the routes can post as that actor.
 */
export async function actorSession(
  app: FastifyInstance,
  jar: Record<string, string>,
): Promise<{ jar: Record<string, string>; token: string }> {
  for (const url of ['/account', '/account/tweede-stap', '/registreren']) {
    const page = await app.inject({ method: 'GET', url, cookies: jar });
    if (page.statusCode === 200 && page.body.includes('name="_csrf"')) {
      return { jar: withCookiesOf(jar, page.headers), token: csrfTokenFrom(page.body) };
    }
  }
  throw new Error('no page with a form for this actor');
}
