import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Pages } from '../../app.js';
import { NotFound } from '../../shared/errors.js';
import type { MessageKey } from '../../shared/i18n/messages.js';
import { can } from '../../policies.js';
import { type AuditService, trailOf } from '../audit/audit.service.js';
import type { AccountsService, CurrentSession } from './accounts.service.js';
import type { PasskeyService, RegisterPasskeyResult } from './passkeys.service.js';
import { type PasskeyPageProblem, PasskeysPage, SecondFactorPage } from './views/account.views.js';

type Form = Record<string, unknown>;

/** Retry-After in whole seconds, at least 1. */
const secondsUntil = (moment: Date): string => String(Math.max(1, Math.ceil((moment.getTime() - Date.now()) / 1000)));

const registrationProblems: Record<Exclude<RegisterPasskeyResult, { ok: true }>['problem'], MessageKey> = {
  malformed: 'account.passkey.malformed',
  refused: 'account.passkey.refused',
  duplicate: 'account.passkey.duplicate',
  nickname: 'account.passkey.nicknameTooLong',
};

/**
 * Passkeys as a second factor (docs/adr/0009-passkeys.md): adding, listing and removing them on the account, and
 * using one in the second step of a login. The ceremonies run in src/assets/passkey.js; each ends in a plain form
 * post, so a refused answer is a page with a message (400), never an error page.
 */
export function registerPasskeyRoutes(
  app: FastifyInstance,
  pages: Pages,
  accounts: AccountsService,
  passkeys: PasskeyService,
  audit: AuditService,
  helpers: {
    /** The session cookie's name (it depends on SECURE_COOKIES). */
    cookieName: string;
    signIn: (reply: FastifyReply, cookie: string) => unknown;
    requireSession: (request: FastifyRequest) => CurrentSession;
  },
): void {
  const { cookieName, signIn, requireSession } = helpers;
  const record = (request: FastifyRequest, actor: string, action: string, userId: string) =>
    audit.recordAlone({ actor, action, objectType: 'account', objectId: userId, requestId: String(request.id) });
  const cookieOf = (request: FastifyRequest) => request.cookies[cookieName];

  const passkeysPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    session: CurrentSession,
    problem?: PasskeyPageProblem,
    status = 200,
  ) => {
    const rows = (await passkeys.list(session)).filter((passkey) => can(request.actor, 'passkey', 'view', passkey));
    return reply.html(<PasskeysPage ctx={pages.contextOf(request, reply)} passkeys={rows} problem={problem} />, status);
  };

  app.get('/account/toegangssleutels', (request, reply) => passkeysPage(request, reply, requireSession(request)));

  // JSON for the script: the options for navigator.credentials.create(), with a fresh challenge.
  app.post('/account/toegangssleutels/opties', async (request, reply) => {
    const session = requireSession(request);
    return reply.send(await passkeys.registrationOptions(session));
  });

  app.post<{ Body: Form }>('/account/toegangssleutels', async (request, reply) => {
    const session = requireSession(request);
    const result = await passkeys.register(
      session,
      request.body ?? {},
      request.headers['user-agent'],
      trailOf(request),
    );
    if (!result.ok) {
      const problem = { action: 'add' as const, messageKey: registrationProblems[result.problem] };
      return passkeysPage(request, reply, session, problem, 400);
    }
    return reply.redirect('/account/toegangssleutels', 303);
  });

  app.post<{ Body: Form }>('/account/toegangssleutels/verwijderen', async (request, reply) => {
    const session = requireSession(request);
    const id = request.body?.sleutel;
    const result = await passkeys.remove(session, id, request.body?.wachtwoord, request.ip, trailOf(request));
    if (result === 'gone') throw new NotFound('no such passkey');
    if (result !== 'ok') {
      const messageKey: MessageKey = result === 'throttled' ? 'account.passphrase.throttled' : 'account.data.wrong';
      // The service found the passkey, so the id is its id.
      const problem = { action: 'remove' as const, passkeyId: String(id), messageKey };
      return passkeysPage(request, reply, session, problem, result === 'throttled' ? 429 : 400);
    }
    return reply.redirect('/account/toegangssleutels', 303);
  });

  // JSON for the script in a login's second step: a challenge bound to the pending session, this user's passkeys.
  app.post('/inloggen/toegangssleutel/opties', async (request, reply) => {
    const options = await passkeys.authenticationOptions(cookieOf(request));
    if (options === undefined) throw new NotFound('no pending session with passkeys');
    return reply.send(options);
  });

  app.post<{ Body: Form }>('/inloggen/toegangssleutel', async (request, reply) => {
    const cookie = cookieOf(request);
    const factors = (await accounts.pendingSession(cookie))?.secondFactors ?? { totp: false, passkey: true };
    const result = await passkeys.authenticate(cookie, request.body?.antwoord, request.ip, (userId) =>
      audit.recording({
        actor: userId,
        action: 'login.second-factor',
        objectType: 'account',
        objectId: userId,
        requestId: String(request.id),
      }),
    );
    if (result.ok) {
      // The session that waited for the passkey is gone; this browser continues under a new id.
      signIn(reply, result.cookie);
      return reply.redirect('/account', 303);
    }
    if ('problem' in result) await record(request, 'anonymous', 'passkey.failed', result.userId);
    const retryAt = 'retryAt' in result ? result.retryAt : undefined;
    if (retryAt !== undefined) reply.header('retry-after', secondsUntil(retryAt));
    const passkeyProblem: MessageKey =
      'problem' in result && result.problem === 'malformed' ? 'account.passkey.malformed' : 'account.passkey.refused';
    return reply.html(
      <SecondFactorPage
        ctx={pages.contextOf(request, reply)}
        failed={false}
        retryAt={retryAt}
        factors={factors}
        passkeyProblem={passkeyProblem}
      />,
      retryAt === undefined ? 400 : 429,
    );
  });
}
