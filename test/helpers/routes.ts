import type { FastifyInstance } from 'fastify';

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
