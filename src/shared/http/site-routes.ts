import type { FastifyInstance } from 'fastify';
import type { AssetCatalogue } from './assets.js';

/** The web manifest (installable app) and robots.txt. */
export function registerSiteRoutes(app: FastifyInstance, assets: AssetCatalogue): void {
  const manifest = (lang: string) =>
    JSON.stringify({
      name: 'Niet mijn kind',
      short_name: 'Niet mijn kind',
      lang,
      start_url: '/',
      scope: '/',
      display: 'standalone',
      background_color: '#ffffff',
      theme_color: '#1d3557',
      icons: [
        { src: assets.urlOf('icon-192.png'), sizes: '192x192', type: 'image/png' },
        { src: assets.urlOf('icon-512.png'), sizes: '512x512', type: 'image/png' },
        { src: assets.urlOf('icon.svg'), sizes: 'any', type: 'image/svg+xml' },
      ],
    });
  const manifests = { nl: manifest('nl'), en: manifest('en') };

  app.get('/manifest.webmanifest', (request, reply) =>
    reply
      .type('application/manifest+json; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('vary', 'Accept-Language, Cookie')
      .send(manifests[request.locale]),
  );

  app.get('/robots.txt', (_request, reply) =>
    reply
      .type('text/plain; charset=utf-8')
      .header('cache-control', 'public, max-age=86400')
      .send('User-agent: *\nAllow: /\n'),
  );
}
