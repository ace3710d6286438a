import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Pages } from '../../app.js';
import { NotFound } from '../../shared/errors.js';
import { organisationCsv } from './organisation-insights.csv.js';
import { isFigureName } from './organisation-insights.figures.js';
import type { OrganisationInsightsService, OrganisationInsightsView } from './organisation-insights.service.js';
import { OrganisationInsightsPage } from './views/organisation-insights.view.js';

/*
 * The figures per region of an organisation's own cases (issue 18 point 4, ADR 0048): a coordinator's page under
 * the professional area (/organisatie, beside the approvals of colleagues), and the admins' page for every
 * organisation together under /beheer. The service checks organisationInsights.view first: for anyone else both
 * pages and their CSV files do not exist (404). Not cached by the page cache, and the CSV not by the browser.
 */
export function registerOrganisationInsightsRoutes(
  app: FastifyInstance,
  pages: Pages,
  service: OrganisationInsightsService,
): void {
  const areas = [
    { base: '/organisatie/inzichten', figures: (request: FastifyRequest) => service.own(request.actor) },
    { base: '/beheer/inzichten', figures: (request: FastifyRequest) => service.all(request.actor) },
  ];
  for (const { base, figures } of areas) {
    const page = async (request: FastifyRequest, reply: FastifyReply, view: OrganisationInsightsView) =>
      reply.html(<OrganisationInsightsPage ctx={pages.contextOf(request, reply)} view={view} base={base} />);

    app.get(base, async (request, reply) => page(request, reply, await figures(request)));

    app.get<{ Params: { file: string } }>(`${base}/:file`, async (request, reply) => {
      // Who may see the figures first: for anyone else even a well-formed name is not found.
      const view = await figures(request);
      const match = /^([a-z-]{1,40})\.csv$/.exec(request.params.file);
      const name = match?.[1];
      if (name === undefined || !isFigureName(name)) throw new NotFound();
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}.csv"`)
        .header('cache-control', 'no-store')
        .send(organisationCsv(name, view.insights, view.regionNames));
    });
  }
}
