import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import type { Pages } from '../../app.js';
import { AppError, NotFound } from '../../shared/errors.js';
import { blankForm, type FormState } from '../../shared/http/forms.js';
import { trailOf } from '../audit/audit.service.js';
import type { CaseClosingService } from './case-closing.service.js';
import { caseActorOf } from './cases.routes.js';
import { CaseClosedPage, CaseDeletedPage, CloseCasePage } from './views/case-closing.views.js';

/*
 * Closing a case (/samenwerken/:caseId/afsluiten: the coordinator, with a confirmation step), and how every case
 * route answers a member once a case is closed or deleted. The rules refuse a write on a closed case like any
 * refusal (a 404, so nothing is told to someone who is not a member; some features a 403 with a reason of their
 * own); for a member that would be a riddle. So every route under /samenwerken/:caseId is wrapped: when it refuses
 * with a 404 or a 403 and the one asking is an active member of the closed case, a write is answered 409 "deze
 * samenwerking is afgesloten"; when they were a member when the case was deleted, any request is answered 410
 * "verwijderd op <datum>". Anyone else keeps the refusal. The wrapping is added before the other case routes are
 * registered (app.ts), so a route added later is covered too.
 */

type Form = Record<string, unknown>;
interface CaseParams {
  caseId: string;
}

const readMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A refusal of the rules: a 404 (what authorize throws) or a 403 a feature answers with a reason of its own. */
const refusal = (error: unknown): boolean =>
  error instanceof NotFound || (error instanceof AppError && error.status === 403);

export function registerCaseClosingRoutes(
  app: FastifyInstance,
  pages: Pages,
  closing: Pick<CaseClosingService, 'closeChoices' | 'close' | 'answerFor'>,
): void {
  /** The 409 or 410 for a member of a closed or deleted case, or undefined (the refusal stands). */
  async function answerRefusal(request: FastifyRequest, reply: FastifyReply, write: boolean) {
    const session = request.session;
    if (session === null || request.actor.kind !== 'user') return undefined;
    const caseId = (request.params as { caseId?: unknown } | undefined)?.caseId;
    const answer = await closing.answerFor(session.userId, caseId);
    if (answer === undefined) return undefined;
    const ctx = pages.contextOf(request, reply);
    if (answer.kind === 'deleted') return reply.html(<CaseDeletedPage ctx={ctx} on={answer.on} />, 410);
    if (!write) return undefined;
    return reply.html(<CaseClosedPage ctx={ctx} caseId={String(caseId)} />, 409);
  }

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/samenwerken/:caseId')) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const write = methods.some((method) => !readMethods.has(method.toUpperCase()));
    const handler = route.handler as RouteHandlerMethod;
    route.handler = async function closedAware(this: FastifyInstance, request, reply) {
      try {
        return await handler.call(this, request, reply);
      } catch (error) {
        if (!refusal(error) || reply.sent) throw error;
        const answered = await answerRefusal(request, reply, write);
        if (answered === undefined) throw error;
        return answered;
      }
    };
  });

  const closePage = async (
    request: FastifyRequest<{ Params: CaseParams }>,
    reply: FastifyReply,
    form: FormState,
    status = 200,
  ) => {
    const choices = await closing.closeChoices(caseActorOf(request), request.params.caseId);
    return reply.html(
      <CloseCasePage
        ctx={pages.contextOf(request, reply)}
        caseId={choices.caseId}
        deleteAfter={choices.deleteAfter}
        form={form}
      />,
      status,
    );
  };

  app.get<{ Params: CaseParams }>('/samenwerken/:caseId/afsluiten', (request, reply) =>
    closePage(request, reply, blankForm),
  );

  app.post<{ Params: CaseParams; Body: Form }>('/samenwerken/:caseId/afsluiten', async (request, reply) => {
    const result = await closing.close(caseActorOf(request), request.params.caseId, request.body, trailOf(request));
    if (!result.ok) return closePage(request, reply, result.form, 400);
    return reply.redirect(`/samenwerken/${request.params.caseId}?melding=afgesloten`, 303);
  });
}
