import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Pages } from '../../app.js';
import { NotFound } from '../../shared/errors.js';
import { blankForm, type FormState, formValues } from '../../shared/http/forms.js';
import type { MessageKey } from '../../shared/i18n/messages.js';
import type { AccountsService } from '../accounts/accounts.service.js';
import { trailOf } from '../audit/audit.service.js';
import type { CaseClosingService } from './case-closing.service.js';
import type { CaseMeasuresService } from './case-measures.service.js';
import type { CaseNotificationsService } from './case-notifications.service.js';
import type { CaseActor, CasesService, Refusal } from './cases.service.js';
import type { CaseYoungService } from './case-young.service.js';
import { hasRole } from '../../shared/policy/actor.js';
import {
  type CaseNotice,
  caseNotices,
  CasePage,
  CaseProblemPage,
  CasesListPage,
  CodePage,
  ConfirmPage,
  InvitePage,
  JoinPage,
  PausedPage,
  StartPage,
  WaitingPage,
} from './views/cases.views.js';

/*
 * /samenwerken: the case space's life cycle. Handlers read the form (the service parses it with parseForm), call
 * the service (which authorizes before any change) and render or redirect. Ids in paths are random UUIDs, never a
 * label; an invitation code travels only in a form body. Anyone who is not a member gets a 404, as for a case that
 * does not exist.
 */

type Form = Record<string, unknown>;
interface CaseParams {
  caseId: string;
}
interface MemberParams extends CaseParams {
  memberId: string;
}
interface InvitationParams extends CaseParams {
  invitationId: string;
}

const noticeOf = (query: unknown): CaseNotice | undefined => {
  const value = (query as { melding?: unknown } | undefined)?.melding;
  return typeof value === 'string' && Object.hasOwn(caseNotices, value) ? (value as CaseNotice) : undefined;
};

/** The signed-in user with their keys, or a 404 (nothing here exists for a visitor). */
export function caseActorOf(request: FastifyRequest): CaseActor {
  const session = request.session;
  if (session === null || request.actor.kind !== 'user') throw new NotFound('not signed in');
  return { actor: request.actor, userId: session.userId, keys: session.keys };
}

export function registerCasesRoutes(
  app: FastifyInstance,
  pages: Pages,
  cases: CasesService,
  accounts: Pick<AccountsService, 'confirmPassphrase'>,
  closing?: Pick<CaseClosingService, 'view'>,
  measures?: Pick<CaseMeasuresService, 'ofCase'>,
  notifications?: Pick<CaseNotificationsService, 'mySetting'>,
  /** The child's own voice (ADR 0030): a young account's home, and the case page's section for professionals. */
  young?: {
    home: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
    section: Pick<CaseYoungService, 'section'>['section'];
  },
): void {
  const problemPage = (request: FastifyRequest, reply: FastifyReply, refusal: Refusal, back: string) =>
    reply.html(
      <CaseProblemPage ctx={pages.contextOf(request, reply)} problem={refusal.problem} back={back} />,
      refusal.status,
    );

  app.get('/samenwerken', async (request, reply) => {
    const who = caseActorOf(request);
    if (young !== undefined && hasRole(who.actor, 'young')) return young.home(request, reply);
    return reply.html(
      <CasesListPage
        ctx={pages.contextOf(request, reply)}
        cases={await cases.listMine(who)}
        mayStart={cases.mayStart(who.actor)}
        notice={noticeOf(request.query)}
      />,
    );
  });

  const startPage = (request: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) => {
    const who = caseActorOf(request);
    if (!cases.mayStart(who.actor)) throw new NotFound('may not start a case');
    const roles = cases.startRoles(who.actor);
    return reply.html(
      <StartPage ctx={pages.contextOf(request, reply)} asProfessional={roles.length > 0} roles={roles} form={form} />,
      status,
    );
  };

  app.get('/samenwerken/nieuw', (request, reply) => startPage(request, reply, blankForm));

  app.post<{ Body: Form }>('/samenwerken', async (request, reply) => {
    const who = caseActorOf(request);
    if (!cases.mayStart(who.actor)) throw new NotFound('may not start a case');
    const result = await cases.start(who, request.body, trailOf(request));
    if (!result.ok) return startPage(request, reply, result.form, 400);
    return reply.redirect(`/samenwerken/${result.caseId}?melding=begonnen`, 303);
  });

  app.get('/samenwerken/aansluiten', (request, reply) => {
    caseActorOf(request);
    return reply.html(<JoinPage ctx={pages.contextOf(request, reply)} form={blankForm} />);
  });

  app.post<{ Body: Form }>('/samenwerken/aansluiten', async (request, reply) => {
    const who = caseActorOf(request);
    const result = await cases.join(who, request.body, trailOf(request));
    if (!result.ok) {
      if ('form' in result)
        return reply.html(<JoinPage ctx={pages.contextOf(request, reply)} form={result.form} />, 400);
      return problemPage(request, reply, result, '/samenwerken/aansluiten');
    }
    return reply.redirect(`/samenwerken/${result.caseId}?melding=aangesloten`, 303);
  });

  const casePage = async (
    request: FastifyRequest<{ Params: CaseParams }>,
    reply: FastifyReply,
    form?: FormState,
    status = 200,
  ) => {
    const who = caseActorOf(request);
    const page = await cases.casePage(who, request.params.caseId);
    const ctx = pages.contextOf(request, reply);
    if (page.kind === 'paused') return reply.html(<PausedPage ctx={ctx} />, status);
    if (page.kind === 'waiting') return reply.html(<WaitingPage ctx={ctx} page={page} />, status);
    const closingView = await closing?.view(who.actor, page.opened.facts);
    // The case's measures, for its professionals only (undefined for anyone else; ADR 0032).
    const measuresView = await measures?.ofCase(who.actor, page.opened.facts);
    // My own choice of e-mail about news (ADR 0028).
    const notificationSetting = await notifications?.mySetting(who.actor, who.userId, page.caseId);
    // The young members I invited, for a working professional only (ADR 0030).
    const youngSection = await young?.section(who, page.caseId);
    return reply.html(
      <CasePage
        ctx={ctx}
        page={page}
        notice={noticeOf(request.query)}
        form={form}
        closing={closingView}
        measures={measuresView}
        notifications={notificationSetting}
        young={youngSection}
      />,
      status,
    );
  };

  app.get<{ Params: CaseParams }>('/samenwerken/:caseId', (request, reply) => casePage(request, reply));

  const invitePage = async (
    request: FastifyRequest<{ Params: CaseParams }>,
    reply: FastifyReply,
    form: FormState,
    status = 200,
  ) => {
    const choices = await cases.inviteChoices(caseActorOf(request), request.params.caseId);
    return reply.html(
      <InvitePage ctx={pages.contextOf(request, reply)} caseId={choices.caseId} roles={choices.roles} form={form} />,
      status,
    );
  };

  app.get<{ Params: CaseParams }>('/samenwerken/:caseId/uitnodigen', (request, reply) =>
    invitePage(request, reply, blankForm),
  );

  app.post<{ Params: CaseParams; Body: Form }>('/samenwerken/:caseId/uitnodigen', async (request, reply) => {
    const result = await cases.invite(caseActorOf(request), request.params.caseId, request.body, trailOf(request));
    if (!result.ok) return invitePage(request, reply, result.form, 400);
    // The code is shown once, on this answer (no redirect: it is stored nowhere readable).
    return reply.html(
      <CodePage
        ctx={pages.contextOf(request, reply)}
        caseId={request.params.caseId}
        code={result.code}
        role={result.role}
        expiresAt={result.expiresAt}
      />,
    );
  });

  /** The member to confirm as the case page shows them to me (with the safety number), or a 404. */
  const memberToConfirm = async (request: FastifyRequest<{ Params: MemberParams }>) => {
    const page = await cases.casePage(caseActorOf(request), request.params.caseId);
    const member = page.kind === 'active' ? page.members.find((row) => row.id === request.params.memberId) : undefined;
    if (page.kind !== 'active' || member?.safety === undefined || !member.may.confirm) {
      throw new NotFound('no member to confirm');
    }
    return { caseId: page.caseId, member: { ...member, safety: member.safety } };
  };

  const fresh = (request: FastifyRequest) =>
    request.session !== null && Date.now() < Date.parse(request.session.reauthenticatedUntil);

  const confirmPage = async (
    request: FastifyRequest<{ Params: MemberParams }>,
    reply: FastifyReply,
    form: FormState,
    status = 200,
  ) => {
    const { caseId, member } = await memberToConfirm(request);
    return reply.html(
      <ConfirmPage
        ctx={pages.contextOf(request, reply)}
        caseId={caseId}
        member={member}
        fresh={fresh(request)}
        form={form}
      />,
      status,
    );
  };

  app.get<{ Params: MemberParams }>('/samenwerken/:caseId/leden/:memberId/bevestigen', (request, reply) =>
    confirmPage(request, reply, blankForm),
  );

  app.post<{ Params: MemberParams; Body: Form }>(
    '/samenwerken/:caseId/leden/:memberId/bevestigen',
    async (request, reply) => {
      // Only someone who may confirm this member gets as far as the passphrase.
      await memberToConfirm(request);
      const body = request.body ?? {};
      const keep = { values: formValues(body, { secrets: ['wachtwoord'], keep: 70 }) };
      // Re-authentication before adding a member (within 5 minutes of the last time, not asked again).
      const confirmed = await accounts.confirmPassphrase(request.session!, body.wachtwoord, request.ip, {
        allowRecent: true,
      });
      if (confirmed !== 'ok') {
        const messageKey: MessageKey =
          confirmed === 'throttled' ? 'cases.problem.throttled' : 'cases.problem.passphrase';
        return confirmPage(
          request,
          reply,
          { ...keep, problems: [{ field: 'wachtwoord', messageKey }] },
          confirmed === 'throttled' ? 429 : 400,
        );
      }
      const result = await cases.confirm(
        caseActorOf(request),
        request.params.caseId,
        request.params.memberId,
        body,
        trailOf(request),
      );
      if (!result.ok) {
        if ('form' in result) return confirmPage(request, reply, result.form, 400);
        return problemPage(request, reply, result, `/samenwerken/${request.params.caseId}`);
      }
      return reply.redirect(`/samenwerken/${request.params.caseId}?melding=bevestigd`, 303);
    },
  );

  app.post<{ Params: InvitationParams }>(
    '/samenwerken/:caseId/uitnodigingen/:invitationId/intrekken',
    async (request, reply) => {
      const result = await cases.withdrawInvitation(
        caseActorOf(request),
        request.params.caseId,
        request.params.invitationId,
        trailOf(request),
      );
      if (!result.ok) return problemPage(request, reply, result, `/samenwerken/${request.params.caseId}`);
      return reply.redirect(`/samenwerken/${request.params.caseId}?melding=ingetrokken`, 303);
    },
  );

  app.post<{ Params: MemberParams }>('/samenwerken/:caseId/leden/:memberId/verwijderen', async (request, reply) => {
    const result = await cases.remove(
      caseActorOf(request),
      request.params.caseId,
      request.params.memberId,
      trailOf(request),
    );
    if (!result.ok) return problemPage(request, reply, result, `/samenwerken/${request.params.caseId}`);
    if (result.left) return reply.redirect('/samenwerken', 303);
    return reply.redirect(`/samenwerken/${request.params.caseId}?melding=verwijderd`, 303);
  });

  app.post<{ Params: MemberParams }>('/samenwerken/:caseId/leden/:memberId/pauzeren', async (request, reply) => {
    const result = await cases.suspend(
      caseActorOf(request),
      request.params.caseId,
      request.params.memberId,
      trailOf(request),
    );
    if (!result.ok) return problemPage(request, reply, result, `/samenwerken/${request.params.caseId}`);
    const notice: CaseNotice = result.step === 'proposed' ? 'pauze-voorgesteld' : 'gepauzeerd';
    return reply.redirect(`/samenwerken/${request.params.caseId}?melding=${notice}`, 303);
  });

  app.post<{ Params: MemberParams }>('/samenwerken/:caseId/leden/:memberId/hervatten', async (request, reply) => {
    const result = await cases.resume(
      caseActorOf(request),
      request.params.caseId,
      request.params.memberId,
      trailOf(request),
    );
    if (!result.ok) return problemPage(request, reply, result, `/samenwerken/${request.params.caseId}`);
    const notices = {
      proposed: 'hervatten-voorgesteld',
      resumed: 'hervat',
      'confirm-again': 'hervat-opnieuw-bevestigen',
    } as const satisfies Record<typeof result.step, CaseNotice>;
    return reply.redirect(`/samenwerken/${request.params.caseId}?melding=${notices[result.step]}`, 303);
  });

  app.post<{ Params: CaseParams }>('/samenwerken/:caseId/risico', async (request, reply) => {
    const result = await cases.flagRisk(caseActorOf(request), request.params.caseId, trailOf(request));
    if (!result.ok) return problemPage(request, reply, result, `/samenwerken/${request.params.caseId}`);
    const notice: CaseNotice = result.step === 'proposed' ? 'risico-voorgesteld' : 'risico-bevestigd';
    return reply.redirect(`/samenwerken/${request.params.caseId}?melding=${notice}`, 303);
  });

  app.post<{ Params: CaseParams; Body: Form }>('/samenwerken/:caseId/mandaat', async (request, reply) => {
    const result = await cases.setMandate(caseActorOf(request), request.params.caseId, request.body, trailOf(request));
    if (!result.ok) return casePage(request, reply, result.form, 400);
    return reply.redirect(`/samenwerken/${request.params.caseId}?melding=opgeslagen`, 303);
  });

  app.post<{ Params: CaseParams; Body: Form }>('/samenwerken/:caseId/politie', async (request, reply) => {
    const result = await cases.setPoliceDetails(
      caseActorOf(request),
      request.params.caseId,
      request.body,
      trailOf(request),
    );
    if (!result.ok) return casePage(request, reply, result.form, 400);
    return reply.redirect(`/samenwerken/${request.params.caseId}?melding=opgeslagen`, 303);
  });
}
