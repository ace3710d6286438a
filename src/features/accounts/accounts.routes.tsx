import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { Pages } from '../../app.js';
import { actAsSession } from '../../shared/auth/session.js';
import { NotFound } from '../../shared/errors.js';
import { blankForm, type FormState, formValues, parseForm } from '../../shared/http/forms.js';
import { formatFingerprint } from '../../shared/evidence/format.js';
import { anonymous } from '../../shared/policy/actor.js';
import { authorize, can } from '../../policies.js';
import type { NoticeLanguage } from '../../shared/mail/mailer.js';
import { type AuditService, trailOf } from '../audit/audit.service.js';
import type { UserDataHolder } from '../../shared/user-data.js';
import {
  codeSchema,
  noticeEmailSchema,
  passphraseAgainSchema,
  passphraseFields,
  sessionIdSchema,
  USERNAME_MAX,
} from './accounts.schema.js';
import { type AccountsService, type CurrentSession, deviceHint } from './accounts.service.js';
import type { KeyRotationService } from './key-rotation.service.js';
import { registerPasskeyRoutes } from './passkeys.routes.js';
import type { PasskeyService } from './passkeys.service.js';
import { sessionCookieName, sessionCookieOptions } from '../../shared/auth/session-cookie.js';
import {
  AccountDeletedPage,
  AccountPage,
  type DataProblem,
  LoginPage,
  RecoverPage,
  RecoveryCodePage,
  RegisterPage,
  RotateKeysPage,
  SecondFactorPage,
  TotpSetupPage,
} from './views/account.views.js';

type Form = Record<string, unknown>;

/** An account form drawn again: what was typed (never a passphrase or code) and its problems. */
const formAgain = (form: Form, problems: FormState['problems']): FormState => ({
  values: formValues(form, { secrets: passphraseFields, keep: USERNAME_MAX }),
  problems,
});

/** The code of a second-factor form, or undefined when it holds none (wrong, like a wrong code). */
const codeIn = (body: unknown): string | undefined => {
  const parsed = parseForm(codeSchema, body);
  return parsed.ok ? parsed.value.code : undefined;
};

/** Retry-After in whole seconds, at least 1. */
const secondsUntil = (moment: Date): string => String(Math.max(1, Math.ceil((moment.getTime() - Date.now()) / 1000)));

export interface AccountRouteOptions {
  secureCookies: boolean;
  idleMinutes: number;
  /** "Someone may know my passphrase": new keys, passphrase and recovery code. */
  keyRotation: KeyRotationService;
  /** More about the account from other features (a professional's organisation and activation), or null. */
  accountSection?: (request: FastifyRequest, reply: FastifyReply, session: CurrentSession) => Promise<VNode | null>;
  /**
   * The features that hold the user's data (src/services.ts, ADR 0017): each adds its part to "download my
   * data", deletes its rows with the account, and forgets a session that ended here (logout, a new login).
   */
  userData: readonly UserDataHolder[];
}

export function registerAccountRoutes(
  app: FastifyInstance,
  pages: Pages,
  accounts: AccountsService,
  passkeys: PasskeyService,
  audit: AuditService,
  /** Queues the neutral "your account changed" e-mail (sent by the job queue, if the account left an address). */
  notify: { accountChanged: (userId: string, language: NoticeLanguage) => Promise<void> },
  options: AccountRouteOptions,
): void {
  const record = (request: FastifyRequest, actor: string, action: string, objectId: string) =>
    audit.recordAlone({ actor, action, objectType: 'account', objectId, requestId: String(request.id) });
  /** The audit line of a change to the account, for the service to write in the change's transaction. */
  const accountLine = (request: FastifyRequest, userId: string, action: string) =>
    audit.recording({ actor: userId, action, objectType: 'account', objectId: userId, requestId: String(request.id) });
  const name = sessionCookieName(options.secureCookies);
  const endThisSession = async (request: FastifyRequest) => {
    const idHash = await accounts.endSessionByCookie(
      request.cookies[name],
      (userId) => accountLine(request, userId, 'logout'),
      (error) => request.log.error({ err: error }, 'a logout ended the session without its audit line'),
    );
    if (idHash !== undefined) for (const holder of options.userData) await holder.forgetSession(idHash);
  };
  const signIn = (reply: FastifyReply, cookie: string) =>
    reply.setCookie(name, cookie, sessionCookieOptions(options.secureCookies));
  /**
   * Signs in and makes this very response a signed-in page (footer link, idle warning): the recovery code page
   * is drawn in the same response that sets the cookie.
   */
  const signInNow = async (request: FastifyRequest, reply: FastifyReply, cookie: string): Promise<void> => {
    signIn(reply, cookie);
    actAsSession(request, await accounts.currentSession(cookie));
  };
  /**
   * After sign-up, an admin set-up or a recovery: replace any old session of this browser, sign in, and show the
   * new recovery code once (it is never stored, so it is drawn in this very response).
   */
  const showRecoveryCode = async (
    request: FastifyRequest,
    reply: FastifyReply,
    result: { cookie: string; recoveryCode: string; fingerprint: string; previousFingerprint?: string },
  ) => {
    await endThisSession(request);
    await signInNow(request, reply, result.cookie);
    return reply.html(
      <RecoveryCodePage
        ctx={pages.contextOf(request, reply)}
        code={result.recoveryCode}
        fingerprint={result.fingerprint}
        {...(result.previousFingerprint === undefined ? {} : { previousFingerprint: result.previousFingerprint })}
      />,
    );
  };
  const requireSession = (request: FastifyRequest): CurrentSession => {
    // Pages of an account do not exist for someone who is not signed in.
    if (request.session === null) throw new NotFound('not signed in');
    return request.session;
  };

  app.get('/registreren', (request, reply) =>
    reply.html(<RegisterPage ctx={pages.contextOf(request, reply)} form={blankForm} />),
  );

  app.post<{ Body: Form }>('/registreren', async (request, reply) => {
    const form = request.body ?? {};
    const result = await accounts.register(form, request.headers['user-agent'], request.ip, (userId) =>
      accountLine(request, userId, 'account.created'),
    );
    const ctx = pages.contextOf(request, reply);
    if (!result.ok) {
      const { retryAt } = result;
      if (retryAt !== undefined) reply.header('retry-after', secondsUntil(retryAt));
      return reply.html(
        <RegisterPage ctx={ctx} form={formAgain(form, result.problems)} retryAt={retryAt} />,
        retryAt === undefined ? 400 : 429,
      );
    }
    // A stale session cookie (another account) is replaced: one session per browser.
    return showRecoveryCode(request, reply, result);
  });

  app.get('/inloggen', (request, reply) => {
    if (request.session !== null) return reply.redirect('/account', 303);
    return reply.html(<LoginPage ctx={pages.contextOf(request, reply)} username="" failed={false} />);
  });

  app.post<{ Body: Form }>('/inloggen', async (request, reply) => {
    const form = request.body ?? {};
    const result = await accounts.login(form, request.headers['user-agent'], request.ip, (userId) =>
      accountLine(request, userId, 'login.succeeded'),
    );
    // A failed login changes nothing to record it with: its line is written alone.
    if (!result.ok && result.userId !== undefined) await record(request, 'anonymous', 'login.failed', result.userId);
    if (!result.ok) {
      const username = formAgain(form, []).values.gebruikersnaam ?? '';
      const { retryAt } = result;
      if (retryAt !== undefined) {
        reply.header('retry-after', secondsUntil(retryAt));
      }
      return reply.html(
        <LoginPage ctx={pages.contextOf(request, reply)} username={username} failed retryAt={retryAt} />,
        retryAt === undefined ? 400 : 429,
      );
    }
    // A new id at every login: a session id known before login is worth nothing after it.
    await endThisSession(request);
    signIn(reply, result.cookie);
    return reply.redirect(result.secondFactor ? '/inloggen/code' : '/account', 303);
  });

  /** The second factors the pending session's account has (TOTP only when there is no pending session). */
  const pendingFactors = async (request: FastifyRequest) =>
    (await accounts.pendingSession(request.cookies[name]))?.secondFactors ?? { totp: true, passkey: false };

  app.get('/inloggen/code', async (request, reply) =>
    reply.html(
      <SecondFactorPage ctx={pages.contextOf(request, reply)} failed={false} factors={await pendingFactors(request)} />,
    ),
  );

  app.post<{ Body: Form }>('/inloggen/code', async (request, reply) => {
    const factors = await pendingFactors(request);
    const result = await accounts.completeSecondFactor(
      request.cookies[name],
      codeIn(request.body),
      request.ip,
      (userId) => accountLine(request, userId, 'login.second-factor'),
    );
    if (!result.ok) {
      const { retryAt } = result;
      if (retryAt !== undefined) {
        reply.header('retry-after', secondsUntil(retryAt));
      }
      return reply.html(
        <SecondFactorPage ctx={pages.contextOf(request, reply)} failed retryAt={retryAt} factors={factors} />,
        retryAt === undefined ? 400 : 429,
      );
    }
    // The session that waited for the code is gone; this browser continues under a new id.
    signIn(reply, result.cookie);
    return reply.redirect('/account', 303);
  });

  app.get('/account/tweede-stap', async (request, reply) => {
    const session = requireSession(request);
    authorize(request.actor, 'account', 'setUpSecondFactor', { userId: session.userId });
    if (session.secondFactors.totp) return reply.html(<TotpSetupPage ctx={pages.contextOf(request, reply)} done />);
    const { secret, uri } = await accounts.startTotp(session);
    return reply.html(<TotpSetupPage ctx={pages.contextOf(request, reply)} done={false} secret={secret} uri={uri} />);
  });

  app.post<{ Body: Form }>('/account/tweede-stap', async (request, reply) => {
    const session = requireSession(request);
    authorize(request.actor, 'account', 'setUpSecondFactor', { userId: session.userId });
    const auditLine = accountLine(request, session.userId, 'second-factor.enabled');
    if (!(await accounts.confirmTotp(session, codeIn(request.body), auditLine))) {
      return reply.html(<TotpSetupPage ctx={pages.contextOf(request, reply)} done={false} failed />, 400);
    }
    return reply.redirect('/account/tweede-stap', 303);
  });

  app.get('/herstellen', (request, reply) =>
    reply.html(<RecoverPage ctx={pages.contextOf(request, reply)} form={blankForm} />),
  );

  // An admin's one-time set-up link (`npm run cli -- create-admin`). An unknown, used or expired link is a 404.
  app.get<{ Params: { token: string } }>('/beheer/start/:token', async (request, reply) => {
    if (!(await accounts.setupLinkUsable(request.params.token))) throw new NotFound('no such set-up link');
    return reply.html(
      <RegisterPage
        ctx={pages.contextOf(request, reply)}
        form={blankForm}
        action={`/beheer/start/${request.params.token}`}
      />,
    );
  });

  app.post<{ Params: { token: string }; Body: Form }>('/beheer/start/:token', async (request, reply) => {
    const form = request.body ?? {};
    // 'admin.created', or 'editor.created' / 'reviewer.created' for a link of the CMS (ADR 0033).
    const role = (await accounts.setupLinkRole(request.params.token)) ?? 'admin';
    const result = await accounts.registerAdmin(request.params.token, form, request.headers['user-agent'], (userId) =>
      accountLine(request, userId, `${role}.created`),
    );
    if (result === 'link') throw new NotFound('no such set-up link');
    if (!result.ok) {
      return reply.html(
        <RegisterPage
          ctx={pages.contextOf(request, reply)}
          form={formAgain(form, result.problems)}
          action={`/beheer/start/${request.params.token}`}
        />,
        400,
      );
    }
    return showRecoveryCode(request, reply, result);
  });

  app.post<{ Body: Form }>('/herstellen', async (request, reply) => {
    const form = request.body ?? {};
    const result = await accounts.recover(form, request.headers['user-agent'], request.ip, (userId) =>
      accountLine(request, userId, 'account.recovered'),
    );
    const ctx = pages.contextOf(request, reply);
    if (!result.ok) {
      if (result.userId !== undefined) await record(request, 'anonymous', 'recovery.failed', result.userId);
      const { retryAt } = result;
      if (retryAt !== undefined) {
        reply.header('retry-after', secondsUntil(retryAt));
      }
      return reply.html(
        <RecoverPage ctx={ctx} form={formAgain(form, result.problems)} retryAt={retryAt} />,
        retryAt === undefined ? 400 : 429,
      );
    }
    // A recovery ends every session: tell the owner, in words that say nothing about this site.
    await notify.accountChanged(result.userId, request.locale);
    return showRecoveryCode(request, reply, result);
  });

  app.post('/uitloggen', async (request, reply) => {
    await endThisSession(request);
    reply.clearCookie(name, sessionCookieOptions(options.secureCookies));
    reply.header('clear-site-data', '"cookies"');
    return reply.redirect('/', 303);
  });

  const accountPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    session: CurrentSession,
    dataProblem?: DataProblem,
    status = 200,
  ) => {
    const sessions = (await accounts.listSessions(session.userId)).filter((row) =>
      can(request.actor, 'accountSession', 'view', row),
    );
    return reply.html(
      <AccountPage
        ctx={pages.contextOf(request, reply)}
        username={session.username}
        idleMinutes={options.idleMinutes}
        sessions={sessions.map((row) => ({ ...row, current: row.idHash === session.idHash }))}
        dataProblem={dataProblem}
        email={(await accounts.noticeEmail(session.userId)) ?? ''}
        fingerprint={formatFingerprint(session.keys.signingKey().id)}
      >
        {options.accountSection === undefined ? null : await options.accountSection(request, reply, session)}
      </AccountPage>,
      status,
    );
  };

  app.get('/account', (request, reply) => {
    const session = requireSession(request);
    const account = { userId: session.userId };
    // An admin or professional without a second factor may only set one up: the account page sends them there.
    if (!can(request.actor, 'account', 'use', account)) {
      authorize(request.actor, 'account', 'setUpSecondFactor', account);
      return reply.redirect('/account/tweede-stap', 303);
    }
    return accountPage(request, reply, session);
  });

  /**
   * Re-authentication for the two data actions: the session when the passphrase was right, or undefined when the
   * page has been answered already (wrong or throttled) and the handler must stop. (A reply is thenable: awaiting
   * one gives undefined, so the reply itself is never handed back to be inspected.)
   */
  const reauthenticate = async (
    request: FastifyRequest<{ Body: Form }>,
    reply: FastifyReply,
    which: 'download' | 'delete',
  ): Promise<CurrentSession | undefined> => {
    const session = requireSession(request);
    // Before the passphrase is checked (which records the attempt): the account's own data actions.
    authorize(request.actor, 'account', 'use', { userId: session.userId });
    const again = parseForm(passphraseAgainSchema, request.body);
    const confirmed = await accounts.confirmPassphrase(
      session,
      again.ok ? again.value.wachtwoord : undefined,
      request.ip,
    );
    if (confirmed === 'ok') return session;
    await accountPage(
      request,
      reply,
      session,
      { data: which, problem: confirmed },
      confirmed === 'throttled' ? 429 : 400,
    );
    return undefined;
  };

  app.post<{ Body: Form }>('/account/wachtwoord', async (request, reply) => {
    const session = requireSession(request);
    const result = await accounts.changePassphrase(
      session,
      request.body ?? {},
      request.ip,
      accountLine(request, session.userId, 'passphrase.changed'),
    );
    if (result === 'ok') {
      return reply.redirect('/account', 303);
    }
    const problem = typeof result === 'string' ? (result === 'throttled' ? 'throttled' : 'wrong') : result.messageKey;
    return accountPage(request, reply, session, { passphrase: problem }, result === 'throttled' ? 429 : 400);
  });

  app.get('/account/sleutels-vernieuwen', (request, reply) => {
    const session = requireSession(request);
    authorize(request.actor, 'account', 'use', { userId: session.userId });
    return reply.html(<RotateKeysPage ctx={pages.contextOf(request, reply)} problems={[]} />);
  });

  app.post<{ Body: Form }>('/account/sleutels-vernieuwen', async (request, reply) => {
    const session = requireSession(request);
    const stored = (await accounts.listSessions(session.userId)).find((row) => row.idHash === session.idHash);
    const result = await options.keyRotation.rotate(
      session,
      request.body ?? {},
      request.ip,
      stored?.deviceHint ?? deviceHint(request.headers['user-agent']),
      trailOf(request),
    );
    if (!result.ok) {
      const { problem } = result;
      const ctx = pages.contextOf(request, reply);
      if (typeof problem === 'object') return reply.html(<RotateKeysPage ctx={ctx} problems={[problem]} />, 400);
      return reply.html(
        <RotateKeysPage ctx={ctx} problems={[]} failure={problem} />,
        problem === 'throttled' ? 429 : problem === 'conflict' ? 409 : 400,
      );
    }
    await notify.accountChanged(result.userId, request.locale);
    // The old session row is gone already; this browser continues in the new session (a new id).
    return showRecoveryCode(request, reply, result);
  });

  app.post<{ Body: Form }>('/account/email', async (request, reply) => {
    const session = requireSession(request);
    const parsed = parseForm(noticeEmailSchema, request.body);
    if (!parsed.ok || !(await accounts.setNoticeEmail(session, parsed.value.email, request.locale))) {
      return accountPage(request, reply, session, 'email', 400);
    }
    return reply.redirect('/account', 303);
  });

  app.post<{ Body: Form }>('/account/gegevens', async (request, reply) => {
    const outcome = await reauthenticate(request, reply, 'download');
    if (outcome === undefined) return reply;
    const events = await audit.forObject('account', outcome.userId);
    await record(request, outcome.userId, 'data.exported', outcome.userId);
    const data: Record<string, unknown> = await accounts.exportData(outcome, events);
    for (const holder of options.userData) Object.assign(data, await holder.exportData(outcome, request.actor));
    return (
      reply
        .type('application/json; charset=utf-8')
        // A neutral file name: it ends up in the downloads folder of a possibly shared device.
        .header('content-disposition', 'attachment; filename="gegevens.json"')
        .send(`${JSON.stringify(data, null, 2)}\n`)
    );
  });

  app.post<{ Body: Form }>('/account/verwijderen', async (request, reply) => {
    const outcome = await reauthenticate(request, reply, 'delete');
    if (outcome === undefined) return reply;
    // The account, every feature's data of it and the audit line go in one transaction.
    await accounts.deleteAccount(
      outcome.userId,
      options.userData,
      accountLine(request, outcome.userId, 'account.deleted'),
    );
    request.session = null;
    request.actor = anonymous;
    reply.clearCookie(name, sessionCookieOptions(options.secureCookies));
    reply.header('clear-site-data', '"cookies", "storage"');
    return reply.html(<AccountDeletedPage ctx={pages.contextOf(request, reply)} />);
  });

  app.post<{ Body: Form }>('/account/sessies/beeindigen', async (request, reply) => {
    const session = requireSession(request);
    const parsed = parseForm(sessionIdSchema, request.body);
    if (!parsed.ok) throw new NotFound('no such session');
    const idHash = parsed.value.sessie;
    // The service decides on the user's own sessions: someone else's id ends nothing (and says so as 404).
    const ended = await accounts.endSession(session, idHash, accountLine(request, session.userId, 'session.ended'));
    if (!ended) throw new NotFound('no such session');
    return reply.redirect('/account', 303);
  });

  // The idle warning's "stay logged in" button (WCAG 2.2.1): with JavaScript a fetch, without a form post.
  app.post('/account/verlengen', async (request, reply) => {
    const session = requireSession(request);
    const idleUntil = await accounts.extendSession(session);
    if (request.headers.accept === 'application/json') return reply.send({ idleUntil });
    return reply.redirect('/account', 303);
  });

  app.post('/account/sessies/anderen-beeindigen', async (request, reply) => {
    const session = requireSession(request);
    await accounts.endOtherSessions(session, accountLine(request, session.userId, 'sessions.others-ended'));
    return reply.redirect('/account', 303);
  });

  registerPasskeyRoutes(app, pages, accounts, passkeys, audit, { cookieName: name, signIn, requireSession });

  // Throttle rows past their hour are deleted on every write; this sweep also removes them when nobody writes.
  let sweepTimer: NodeJS.Timeout | undefined;
  app.addHook('onReady', (done) => {
    sweepTimer = setInterval(() => {
      accounts
        .sweepThrottle()
        .catch((error: unknown) => app.log.error({ err: error }, 'sweeping the login throttle failed'));
    }, 10 * 60_000);
    sweepTimer.unref();
    done();
  });
  app.addHook('onClose', (_instance, done) => {
    if (sweepTimer !== undefined) clearInterval(sweepTimer);
    done();
  });
}
