import type { FastifyInstance } from 'fastify';
import findMyWay from 'find-my-way';

/**
 * Fastify answers a known path with an unknown method as 404. A second router, fed by the onRoute hook with
 * the same paths, tells the not-found handler which methods the path does have, so it can answer 405.
 */
export function trackRoutesForMethodNotAllowed(app: FastifyInstance): (method: string, url: string) => string[] {
  const router = findMyWay({ ignoreTrailingSlash: false });
  const methodsByPath = new Map<string, Set<string>>();
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    let known = methodsByPath.get(route.url);
    if (known === undefined) {
      known = new Set();
      methodsByPath.set(route.url, known);
      const store = known;
      router.on('GET', route.url, () => undefined, store);
    }
    for (const method of methods) known.add(method);
  });
  return (method, url) => {
    const path = url.split('?')[0] ?? '/';
    const match = router.find('GET', path);
    if (match === null) return [];
    const allowed = [...((match.store as Set<string> | undefined) ?? [])];
    return allowed.includes(method) ? [] : allowed.sort();
  };
}
