import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Pages } from '../../app.js';
import { replaceSession } from '../../shared/auth/session.js';
import { blankForm, type FormState } from '../../shared/http/forms.js';
import type { AccountsService } from '../accounts/accounts.service.js';
import { RecoveryCodePage } from '../accounts/views/account.views.js';
import { trailOf } from '../audit/audit.service.js';
import type { CaseYoungService } from './case-young.service.js';
import { caseActorOf } from './cases.routes.js';
import {
  YoungChannelPage,
  YoungCodePage,
  YoungHomePage,
  YoungInvitePage,
  YoungJoinPage,
  YoungProblemPage,
  YoungWaitingPage,
} from './views/young.views.js';

/*
 * The child's own voice (ADR 0030): /samenwerken/jongere (a young person signs up with their code), the
 * invitation by a professional of the case, and the private channel /samenwerken/:case/jongere/:member (for the
 * young member and the professional who invited them; a 404 for anyone else). The young account's home at
 * /samenwerken is drawn by youngHome, which cases.routes.tsx calls for a young account.
 */

type Form = Record<string, unknown>;
interface CaseParams {
  caseId: string;
}
interface YoungParams extends CaseParams {
  memberId: string;
}

const noticeOf = (query: unknown): 'verstuurd' | 'toestemming' | undefined => {
  const value = (query as { melding?: unknown } | undefined)?.melding;
  return value === 'verstuurd' || value === 'toestemming' ? value : undefined;
};

/** The young account's /samenwerken (cases.routes.tsx hands a young account to this). */
export function youngHome(pages: Pages, young: Pick<CaseYoungService, 'home'>) {
  return async (request: FastifyRequest, reply: FastifyReply) =>
    reply.html(<YoungHomePage ctx={pages.contextOf(request, reply)} items={await young.home(caseActorOf(request))} />);
}

export function registerCaseYoungRoutes(
  app: FastifyInstance,
  pages: Pages,
  young: CaseYoungService,
  accounts: Pick<AccountsService, 'endSessionByCookie' | 'currentSession'>,
  options: { secureCookies: boolean },
): void {
  const joinPage = (request: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) =>
    reply.html(<YoungJoinPage ctx={pages.contextOf(request, reply)} form={form} />, status);

  app.get('/samenwerken/jongere', (request, reply) => joinPage(request, reply, blankForm));

  app.post<{ Body: Form }>('/samenwerken/jongere', async (request, reply) => {
    const result = await young.register(
      request.body ?? {},
      request.headers['user-agent'],
      request.ip,
      trailOf(request),
    );
    if (!result.ok) {
      if ('form' in result) return joinPage(request, reply, result.form, 400);
      return reply.html(
        <YoungProblemPage ctx={pages.contextOf(request, reply)} refusal={result} back="/samenwerken/jongere" />,
        result.status,
      );
    }
    // The young person is signed in and sees their recovery code once.
    await replaceSession(request, reply, accounts, result.cookie, options.secureCookies);
    return reply.html(
      <RecoveryCodePage
        ctx={pages.contextOf(request, reply)}
        code={result.recoveryCode}
        fingerprint={result.fingerprint}
      />,
    );
  });

  const invitePage = async (
    request: FastifyRequest<{ Params: CaseParams }>,
    reply: FastifyReply,
    form: FormState,
    status = 200,
  ) => {
    const { caseId } = await young.inviteChoices(caseActorOf(request), request.params.caseId);
    return reply.html(<YoungInvitePage ctx={pages.contextOf(request, reply)} caseId={caseId} form={form} />, status);
  };

  app.get<{ Params: CaseParams }>('/samenwerken/:caseId/jongere/uitnodigen', (request, reply) =>
    invitePage(request, reply, blankForm),
  );

  app.post<{ Params: CaseParams; Body: Form }>('/samenwerken/:caseId/jongere/uitnodigen', async (request, reply) => {
    const result = await young.invite(caseActorOf(request), request.params.caseId, request.body, trailOf(request));
    if (!result.ok) return invitePage(request, reply, result.form, 400);
    // The code is shown once, on this answer (no redirect: it is stored nowhere readable).
    return reply.html(
      <YoungCodePage
        ctx={pages.contextOf(request, reply)}
        caseId={request.params.caseId}
        code={result.code}
        expiresAt={result.expiresAt}
      />,
    );
  });

  const channelPage = async (
    request: FastifyRequest<{ Params: YoungParams }>,
    reply: FastifyReply,
    form: FormState,
    status = 200,
  ) => {
    const page = await young.channel(caseActorOf(request), request.params.caseId, request.params.memberId);
    const ctx = pages.contextOf(request, reply);
    if (page.kind === 'waiting') return reply.html(<YoungWaitingPage ctx={ctx} page={page} />, status);
    return reply.html(<YoungChannelPage ctx={ctx} page={page} form={form} notice={noticeOf(request.query)} />, status);
  };

  app.get<{ Params: YoungParams }>('/samenwerken/:caseId/jongere/:memberId', (request, reply) =>
    channelPage(request, reply, blankForm),
  );

  const here = (request: FastifyRequest<{ Params: YoungParams }>) =>
    `/samenwerken/${request.params.caseId}/jongere/${request.params.memberId}`;

  const refused = (
    request: FastifyRequest<{ Params: YoungParams }>,
    reply: FastifyReply,
    result: Exclude<Awaited<ReturnType<CaseYoungService['post']>>, { ok: true }>,
  ) => {
    if ('form' in result) return channelPage(request, reply, result.form, 400);
    return reply.html(
      <YoungProblemPage ctx={pages.contextOf(request, reply)} refusal={result} back={here(request)} />,
      result.status,
    );
  };

  app.post<{ Params: YoungParams; Body: Form }>(
    '/samenwerken/:caseId/jongere/:memberId/berichten',
    async (request, reply) => {
      const { caseId, memberId } = request.params;
      const result = await young.post(caseActorOf(request), caseId, memberId, request.body, trailOf(request));
      if (!result.ok) return refused(request, reply, result);
      return reply.redirect(`${here(request)}?melding=verstuurd`, 303);
    },
  );

  app.post<{ Params: YoungParams; Body: Form }>(
    '/samenwerken/:caseId/jongere/:memberId/bevestigen',
    async (request, reply) => {
      const { caseId, memberId } = request.params;
      const result = await young.confirm(caseActorOf(request), caseId, memberId, request.body, trailOf(request));
      if (!result.ok) return refused(request, reply, result);
      return reply.redirect(here(request), 303);
    },
  );

  app.post<{ Params: YoungParams; Body: Form }>(
    '/samenwerken/:caseId/jongere/:memberId/toestemming',
    async (request, reply) => {
      const { caseId, memberId } = request.params;
      const result = await young.answerConsent(caseActorOf(request), caseId, memberId, request.body, trailOf(request));
      if (!result.ok) return refused(request, reply, result);
      return reply.redirect(`${here(request)}?melding=toestemming`, 303);
    },
  );
}
