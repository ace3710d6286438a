import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../policy/actor.js';
import type { KeyRing } from './key-ring.js';
import { sessionCookieName, sessionCookieOptions } from './session-cookie.js';

/*
 * Who is signed in, loaded once per request from the session cookie before anything decides who is acting
 * (hooks, policies, routes). The accounts feature makes sessions (sign-up, login, second factor) and knows how
 * to read one back; this module only asks it, so every feature finds the session and the account's keys on the
 * request without importing the accounts feature.
 */

export interface CurrentSession {
  idHash: string;
  userId: string;
  username: string;
  actor: Actor;
  /** Passed the passphrase but not yet the second factor: only the code page may use this session. */
  secondFactorPending: boolean;
  hasSecondFactor: boolean;
  /** Which second factors the account has: a confirmed TOTP secret, one or more passkeys, both or neither. */
  secondFactors: { totp: boolean; passkey: boolean };
  expiresAt: string;
  /** When the idle time-out ends this session unless the user does something. */
  idleUntil: string;
  /** Until when sensitive actions may go ahead without asking the passphrase again (5 minutes after it). */
  reauthenticatedUntil: string;
  /** The account's keys for this request, each opened on first use (key-ring.ts). */
  keys: KeyRing;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in session, if any (set from the session cookie on every request). */
    session: CurrentSession | null;
  }
}

export interface SessionSource {
  /** The name of the session cookie (session-cookie.ts in the accounts feature). */
  cookieName: string;
  /** The session a cookie value names, or undefined (unknown, expired, wrong secret); never throws for a bad cookie. */
  currentSession: (cookie: string) => Promise<CurrentSession | undefined>;
}

/**
 * Lets this request act as `session` (the hook below; a login drawing its first signed-in page in the same
 * response). A session still owing its second factor is known to the code page but acts as nobody.
 */
export function actAsSession(request: FastifyRequest, session: CurrentSession | undefined): void {
  if (session === undefined || session.secondFactorPending) return;
  request.session = session;
  request.actor = session.actor;
}

/**
 * After a sign-up by invitation: one session per browser, so an old one (perhaps someone else's account) ends; the
 * new account is signed in, and this very response acts as it (its recovery code page is drawn signed in).
 */
export async function replaceSession(
  request: FastifyRequest,
  reply: FastifyReply,
  accounts: {
    endSessionByCookie(cookie: string | undefined): Promise<unknown>;
    currentSession(cookie: string): Promise<CurrentSession | undefined>;
  },
  cookie: string,
  secureCookies: boolean,
): Promise<void> {
  const cookieName = sessionCookieName(secureCookies);
  await accounts.endSessionByCookie(request.cookies[cookieName]);
  reply.setCookie(cookieName, cookie, sessionCookieOptions(secureCookies));
  const session = await accounts.currentSession(cookie);
  if (session !== undefined) {
    request.session = session;
    request.actor = session.actor;
  }
}

/** Loads the session named by the cookie before anything else decides who is acting. */
export function registerSessionLoading(app: FastifyInstance, source: SessionSource): void {
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request) => {
    request.session = null;
    const value = request.cookies[source.cookieName];
    if (value === undefined) return;
    actAsSession(request, await source.currentSession(value));
  });
}
