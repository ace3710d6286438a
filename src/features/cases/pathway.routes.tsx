import type { FastifyInstance } from 'fastify';
import type { Pages } from '../../app.js';
import { NotFound } from '../../shared/errors.js';
import { type PathwayRegistry, regionKey } from './pathway.js';
import { PathwayPage, type RegionalVariant } from './views/pathway-page.view.js';
import { YoungPathwayPage } from './views/pathway-young-page.view.js';

/**
 * The public explanations of de lijn's pathway, for parents and for young people; the same for every visitor in
 * one language, so they are cached.
 */
export function registerPathwayRoutes(
  app: FastifyInstance,
  pages: Pages,
  pathway: PathwayRegistry,
  regionNames: ReadonlyMap<string, string> = new Map(),
): void {
  const variants = (): RegionalVariant[] =>
    pathway.regions.map(({ code, pathway: variant }) => ({
      code,
      name: regionNames.get(code) ?? code,
      version: variant.version,
    }));
  app.get('/samenwerken/hoe-het-werkt', (request, reply) =>
    pages.cache.page(request, reply, (ctx) => <PathwayPage ctx={ctx} pathway={pathway.current} regions={variants()} />),
  );
  // A published regional variant; any other code (or none published) is a 404 like any unknown page.
  app.get<{ Params: { code: string } }>('/samenwerken/hoe-het-werkt/regio/:code', (request, reply) => {
    const variant = variants().find((entry) => entry.code === request.params.code);
    if (variant === undefined) throw new NotFound('no such regional pathway');
    return pages.cache.page(request, reply, (ctx) => (
      <PathwayPage ctx={ctx} pathway={pathway.currentFor(regionKey(variant.code))} variant={variant} />
    ));
  });
  app.get('/samenwerken/jongeren', (request, reply) =>
    pages.cache.page(request, reply, (ctx) => <YoungPathwayPage ctx={ctx} pathway={pathway.current} />),
  );
}
