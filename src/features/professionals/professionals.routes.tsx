import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { Pages } from '../../app.js';
import { blankForm, type FormState, formValues } from '../../shared/http/forms.js';
import type { MessageKey } from '../../shared/i18n/messages.js';
import { authorize } from '../../policies.js';
import { passphraseFields, USERNAME_MAX } from '../accounts/accounts.schema.js';
import type { AccountsService, CurrentSession } from '../accounts/accounts.service.js';
import { replaceSession } from '../../shared/auth/session.js';
import { RecoveryCodePage } from '../accounts/views/account.views.js';
import { trailOf } from '../audit/audit.service.js';
import type { ApproveResult, ProfessionalsService } from './professionals.service.js';
import {
  AdminOverviewPage,
  CoordinatorPage,
  InvitationSignUpPage,
  InvitationUnusablePage,
  InvitePage,
  type Notice,
  notices,
  ProfessionalAccountSection,
} from './views/professionals.views.js';

type Form = Record<string, unknown>;

export interface ProfessionalRouteOptions {
  secureCookies: boolean;
  invitationValidDays: number;
}

/** The invitation token travels from the link into this short-lived cookie, so it leaves the address bar. */
const invitationCookieName = (secure: boolean) => (secure ? '__Host-uitnodiging' : 'uitnodiging');
const invitationCookieOptions = (secure: boolean) => ({
  path: '/',
  httpOnly: true,
  // Lax: the link is opened from a mail program (another site); the redirect that follows must carry it.
  sameSite: 'lax' as const,
  secure,
  maxAge: 3600,
});

const noticeOf = (query: unknown): Notice | undefined => {
  const value = (query as { melding?: unknown } | undefined)?.melding;
  return typeof value === 'string' && Object.hasOwn(notices, value) ? (value as Notice) : undefined;
};

const problemKeys: Record<'duplicate' | 'already-done', MessageKey> = {
  duplicate: 'professionals.problem.alreadyApproved',
  'already-done': 'professionals.problem.alreadyDone',
};

/** The section the account page shows a professional: organisation, role, who activated the account and when. */
export function professionalAccountSection(pages: Pages, professionals: ProfessionalsService) {
  return async (request: FastifyRequest, reply: FastifyReply, session: CurrentSession): Promise<VNode | null> => {
    const account = await professionals.accountStatus(request.actor, session.userId);
    return account === undefined ? null : (
      <ProfessionalAccountSection ctx={pages.contextOf(request, reply)} account={account} />
    );
  };
}

export function registerProfessionalRoutes(
  app: FastifyInstance,
  pages: Pages,
  professionals: ProfessionalsService,
  accounts: AccountsService,
  options: ProfessionalRouteOptions,
): void {
  /**
   * The services decide who may act (admins only for /beheer: for anyone else the page does not exist). Approving
   * a professional is also a coordinator's right, on their own page: under /beheer the admin area's rule comes
   * first.
   */
  const requireAdmin = (request: FastifyRequest) => authorize(request.actor, 'adminArea', 'enter', { area: 'beheer' });
  const invitationCookie = invitationCookieName(options.secureCookies);

  const overview = async (request: FastifyRequest, reply: FastifyReply, problem?: MessageKey, status = 200) => {
    const { pending, organisations, invitations } = await professionals.adminOverview(request.actor);
    return reply.html(
      <AdminOverviewPage
        ctx={pages.contextOf(request, reply)}
        pending={pending}
        organisations={organisations}
        invitations={invitations}
        notice={problem === undefined ? noticeOf(request.query) : undefined}
        problem={problem}
      />,
      status,
    );
  };

  // The verification of professional accounts and organisations, and the invitations (admins only); /beheer itself is
  // the editorial dashboard (features/editorial), which links here for admins.
  app.get('/beheer/verificatie', (request, reply) => overview(request, reply));

  const invitePage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form: FormState,
    status: number,
    mailFailed = false,
  ) =>
    reply.html(
      <InvitePage
        ctx={pages.contextOf(request, reply)}
        organisations={await professionals.organisationChoices()}
        policeUnits={await professionals.policeUnits()}
        form={form}
        mailFailed={mailFailed}
        validDays={options.invitationValidDays}
      />,
      status,
    );

  app.get('/beheer/uitnodigingen/nieuw', (request, reply) => {
    authorize(request.actor, 'invitation', 'create', { state: 'open' });
    return invitePage(request, reply, blankForm, 200);
  });

  app.post('/beheer/uitnodigingen', async (request, reply) => {
    const result = await professionals.invite(request.actor, request.body, request.locale, trailOf(request));
    if (!result.ok) {
      // No mail server: nothing was stored; the form comes back as it was typed.
      if ('mailFailed' in result) {
        const form = { values: formValues(request.body, { keep: 254 }), problems: [] };
        return invitePage(request, reply, form, 503, true);
      }
      return invitePage(request, reply, result.form, 400);
    }
    return reply.redirect('/beheer/verificatie?melding=uitgenodigd', 303);
  });

  app.post<{ Params: { id: string } }>('/beheer/uitnodigingen/:id/intrekken', async (request, reply) => {
    const result = await professionals.revokeInvitation(request.actor, request.params.id, trailOf(request));
    if (result === 'not-open') return overview(request, reply, 'professionals.problem.invitationNotOpen', 409);
    return reply.redirect('/beheer/verificatie?melding=ingetrokken', 303);
  });

  /** Says what an approval did (the service wrote its audit lines in the approval's transaction). */
  const afterApproval = (
    result: ApproveResult,
    objectType: 'account' | 'organisation',
  ): { notice: Notice } | { problem: MessageKey } => {
    if (result === 'duplicate' || result === 'already-done') return { problem: problemKeys[result] };
    if (result === 'recorded') return { notice: 'goedgekeurd' };
    return { notice: objectType === 'account' ? 'geactiveerd' : 'geverifieerd' };
  };

  app.post<{ Params: { id: string } }>('/beheer/professionals/:id/goedkeuren', async (request, reply) => {
    requireAdmin(request);
    const outcome = afterApproval(
      await professionals.approveProfessional(request.actor, request.params.id, trailOf(request)),
      'account',
    );
    if ('problem' in outcome) return overview(request, reply, outcome.problem, 409);
    return reply.redirect(`/beheer/verificatie?melding=${outcome.notice}`, 303);
  });

  app.post<{ Params: { id: string } }>('/beheer/organisaties/:id/goedkeuren', async (request, reply) => {
    const outcome = afterApproval(
      await professionals.approveOrganisation(request.actor, request.params.id, trailOf(request)),
      'organisation',
    );
    if ('problem' in outcome) return overview(request, reply, outcome.problem, 409);
    return reply.redirect(`/beheer/verificatie?melding=${outcome.notice}`, 303);
  });

  // The coordinator of an organisation approves its new colleagues (the second pair of eyes beside an admin).
  const coordinatorPage = async (request: FastifyRequest, reply: FastifyReply, problem?: MessageKey, status = 200) =>
    reply.html(
      <CoordinatorPage
        ctx={pages.contextOf(request, reply)}
        pending={await professionals.coordinatorOverview(request.actor)}
        notice={problem === undefined ? noticeOf(request.query) : undefined}
        problem={problem}
      />,
      status,
    );

  app.get('/organisatie/aanmeldingen', (request, reply) => coordinatorPage(request, reply));

  app.post<{ Params: { id: string } }>('/organisatie/aanmeldingen/:id/goedkeuren', async (request, reply) => {
    // Only a coordinator has this page; the rule for the account itself is checked by the service.
    await professionals.coordinatorOverview(request.actor);
    const outcome = afterApproval(
      await professionals.approveProfessional(request.actor, request.params.id, trailOf(request)),
      'account',
    );
    if ('problem' in outcome) return coordinatorPage(request, reply, outcome.problem, 409);
    return reply.redirect(`/organisatie/aanmeldingen?melding=${outcome.notice}`, 303);
  });

  // The link in the e-mail. The token moves into a cookie and the browser goes on to /uitnodiging, so the token
  // is not left in the address bar, on screen or in the page's history entry.
  const unusable = (
    request: FastifyRequest,
    reply: FastifyReply,
    state: Parameters<typeof InvitationUnusablePage>[0]['state'],
  ) =>
    reply.html(
      <InvitationUnusablePage ctx={pages.contextOf(request, reply)} state={state} />,
      state === 'unknown' ? 404 : 410,
    );

  app.get<{ Params: { token: string } }>('/uitnodiging/:token', async (request, reply) => {
    const found = await professionals.invitationForToken(request.params.token);
    if (found.state !== 'open') return unusable(request, reply, found.state);
    reply.setCookie(invitationCookie, request.params.token, invitationCookieOptions(options.secureCookies));
    return reply.redirect('/uitnodiging', 303);
  });

  app.get('/uitnodiging', async (request, reply) => {
    const found = await professionals.invitationForToken(request.cookies[invitationCookie]);
    if (found.state !== 'open') return unusable(request, reply, found.state);
    return reply.html(
      <InvitationSignUpPage
        ctx={pages.contextOf(request, reply)}
        organisationName={found.invitation.organisationName}
        role={found.invitation.role}
        policeUnit={found.invitation.policeUnit}
        email={found.invitation.email}
        form={blankForm}
      />,
    );
  });

  app.post<{ Body: Form }>('/uitnodiging', async (request, reply) => {
    const token = request.cookies[invitationCookie];
    const form = request.body ?? {};
    const found = await professionals.invitationForToken(token);
    const result = await professionals.accept(
      request.actor,
      token,
      form,
      request.headers['user-agent'],
      trailOf(request),
    );
    if (!result.ok) {
      if ('state' in result || found.state !== 'open') {
        return unusable(request, reply, 'state' in result ? result.state : found.state);
      }
      return reply.html(
        <InvitationSignUpPage
          ctx={pages.contextOf(request, reply)}
          organisationName={found.invitation.organisationName}
          role={found.invitation.role}
          policeUnit={found.invitation.policeUnit}
          email={found.invitation.email}
          form={{
            values: formValues(form, { secrets: passphraseFields, keep: USERNAME_MAX }),
            problems: result.problems,
          }}
        />,
        400,
      );
    }
    reply.clearCookie(invitationCookie, invitationCookieOptions(options.secureCookies));
    // The new account can do nothing but set up its second factor.
    await replaceSession(request, reply, accounts, result.cookie, options.secureCookies);
    return reply.html(
      <RecoveryCodePage
        ctx={pages.contextOf(request, reply)}
        code={result.recoveryCode}
        fingerprint={result.fingerprint}
      />,
    );
  });
}
