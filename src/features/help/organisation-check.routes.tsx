import type { FastifyInstance } from 'fastify';
import type { Pages } from '../../app.js';
import type { Actor } from '../../shared/policy/actor.js';
import type { HelpService } from './help.service.js';
import { OrganisationCheckPage } from './views/organisation-check.view.js';

/**
 * /beheer/organisaties/controle (issue 16, ADR 0037): the organisations not checked for six months or never,
 * oldest first, each linked to its document in the CMS. For the editorial roles; a 404 for anyone else (the help
 * service authorizes before it reads). Never cached: it is behind a sign-in.
 */
export function registerOrganisationCheckRoutes(
  app: FastifyInstance,
  pages: Pages,
  help: HelpService,
  /** The CMS documents of kind organisation (key → document id), read with the actor's rights. */
  documents: (actor: Actor) => Promise<ReadonlyMap<string, string>>,
): void {
  app.get('/beheer/organisaties/controle', async (request, reply) => {
    const due = await help.organisationsToCheck(request.actor);
    const links = await documents(request.actor);
    return reply.html(
      <OrganisationCheckPage
        ctx={pages.contextOf(request, reply)}
        months={due.months}
        organisations={due.organisations.map((entry) => ({ ...entry, documentId: links.get(entry.slug) }))}
      />,
    );
  });
}
