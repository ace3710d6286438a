import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Pages } from '../../app.js';
import { NotFound } from '../../shared/errors.js';
import { blankForm, type FormState } from '../../shared/http/forms.js';
import type { CaseNotificationsService } from './case-notifications.service.js';
import { caseActorOf } from './cases.routes.js';
import { NotificationsPage } from './views/case-notifications.views.js';

/*
 * A member's choice of e-mail about news in a case (ADR 0028): /samenwerken/:caseId/meldingen. The case page draws
 * the same form; this page draws it again with its problem, or on its own for a member without the case page.
 * Anyone who may not choose (not an active member) gets the 404 every case route gives.
 */

type Form = Record<string, unknown>;
interface CaseParams {
  caseId: string;
}

export function registerCaseNotificationsRoutes(
  app: FastifyInstance,
  pages: Pages,
  notifications: Pick<CaseNotificationsService, 'mySetting' | 'choose' | 'changed'>,
): void {
  // A change to a case answered (its transaction committed, so its notification job is in the queue): the worker
  // of this process looks now instead of at its next idle poll (up to a second later).
  app.addHook('onResponse', (request, reply, done) => {
    if (request.method === 'POST' && reply.statusCode < 400 && request.url.startsWith('/samenwerken')) {
      notifications.changed();
    }
    done();
  });

  const page = async (
    request: FastifyRequest<{ Params: CaseParams }>,
    reply: FastifyReply,
    form: FormState,
    status = 200,
  ) => {
    const who = caseActorOf(request);
    const setting = await notifications.mySetting(who.actor, who.userId, request.params.caseId);
    if (setting === undefined) throw new NotFound('no such case');
    return reply.html(
      <NotificationsPage
        ctx={pages.contextOf(request, reply)}
        caseId={request.params.caseId}
        setting={setting}
        form={form}
      />,
      status,
    );
  };

  app.get<{ Params: CaseParams }>('/samenwerken/:caseId/meldingen', (request, reply) =>
    page(request, reply, blankForm),
  );

  app.post<{ Params: CaseParams; Body: Form }>('/samenwerken/:caseId/meldingen', async (request, reply) => {
    const who = caseActorOf(request);
    const word = typeof request.body === 'object' && request.body !== null ? request.body.meldingen : undefined;
    if (!(await notifications.choose(who.actor, who.userId, request.params.caseId, word))) {
      return page(
        request,
        reply,
        { values: {}, problems: [{ field: 'meldingen', messageKey: 'caseNotifications.problem.choose' }] },
        400,
      );
    }
    return reply.redirect(`/samenwerken/${request.params.caseId}?melding=meldingen-opgeslagen#meldingen`, 303);
  });
}
