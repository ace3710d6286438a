import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { projectRoot } from '../../shared/paths.js';
import type { AssetUrls } from '../../shared/views/context.js';

/**
 * Serves /sw.js with the fingerprinted files and /nu to keep offline. The worker also keeps the last help-finder
 * result (the place searched for), which quick exit removes with the rest of the site's storage.
 */
export function registerOfflineRoutes(app: FastifyInstance, assets: AssetUrls): void {
  const precache = ['/nu', assets.css, assets.js, assets.iconSvg];
  const version = createHash('sha256').update(precache.join('\n')).digest('hex').slice(0, 12);
  // The worker is served as written (not compiled), so it is read from src/ also when running from dist/.
  const source = readFileSync(path.join(projectRoot, 'src/features/offline/service-worker.js'), 'utf8')
    .replace("'__VERSION__'", JSON.stringify(version))
    .replace("JSON.parse('__PRECACHE__')", JSON.stringify(precache));

  app.get('/sw.js', (_request, reply) =>
    reply
      .type('text/javascript; charset=utf-8')
      // The browser checks for a new worker on each visit; it must never keep an old one from a cache.
      .header('cache-control', 'no-cache')
      .header('service-worker-allowed', '/')
      .send(source),
  );
}
