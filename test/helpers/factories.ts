import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { generate } from 'otplib';
import type { AccountsService } from '../../src/features/accounts/accounts.service.js';
import type { Services } from '../../src/services.js';
import type { ProfessionalRole } from '../../src/shared/policy/actor.js';
import type { CurrentSession } from '../../src/shared/auth/session.js';
import { sessionCookieName } from '../../src/shared/auth/session-cookie.js';
import type { Config } from '../../src/shared/config/config.js';
import { csrfTokenFrom, signUpOverHttp, withCookiesOf } from './app.js';
import { recipientOf, type SmtpSink } from './smtp-sink.js';

/*
 * Accounts of each kind, made the way people make them: a parent through the sign-up form, an admin through the
 * one-time set-up link and the second-factor page, a professional through an admin's invitation, the link in
 * the e-mail, the sign-up form, the second-factor page and (when asked) two approvals. Each factory asserts that
 * its steps worked and returns what tests need: the browser's cookies, the ids, the passphrase.
 */

type Jar = Record<string, string>;

/** What a factory needs of the app under test: a TestApp, or what appForSuite returns. */
export interface AppUnderTest {
  app: FastifyInstance;
  services: Services;
  config: Config;
}

export interface BuiltAccount {
  /** The browser's cookies after the last step: the session cookie and the CSRF cookie. */
  cookies: Jar;
  /** The session cookie's value (for services.accounts.currentSession). */
  session: string;
  userId: string;
  username: string;
  passphrase: string;
  /** The recovery code shown once when the account was made. */
  recoveryCode: string;
  /** The client address the browser used (light-my-request's default when not given). */
  remoteAddress?: string;
}

export interface BuiltAccountWithSecondFactor extends BuiltAccount {
  /** The TOTP secret set up through the page (base32), for codes at a later login. */
  totpSecret?: string;
}

export interface AccountOptions {
  username?: string;
  passphrase?: string;
  /** The client address of every request the factory makes. */
  remoteAddress?: string;
}

const defaultPassphrase = 'rode fiets onder de brug';
let made = 0;
/** A name no other factory call in this process gives (names are unique per database, case-insensitively). */
const freshName = (prefix: string): string => `${prefix}.${process.pid}.${(made += 1)}`;

const recoveryCodeIn = (html: string): string => {
  const code = /data-recovery-code="true">([^<]+)</.exec(html)?.[1]?.trim();
  assert.ok(code !== undefined, 'the page shows a recovery code');
  return code;
};

async function signedIn(
  target: AppUnderTest,
  cookies: Jar,
  fields: Omit<BuiltAccount, 'cookies' | 'session' | 'userId'>,
): Promise<BuiltAccount> {
  const session = cookies[sessionCookieName(target.config.secureCookies)];
  assert.ok(session !== undefined, 'the browser holds a session cookie');
  const current = await target.services.accounts.currentSession(session);
  assert.ok(current !== undefined && current !== null, 'the session is known');
  return { cookies, session, userId: current.userId, ...fields };
}

const addressOf = (remoteAddress: string | undefined) => (remoteAddress === undefined ? {} : { remoteAddress });

/**
 * Posts an account form (name, passphrase, repeat) drawn by `form` at `url`, asserts the page with the recovery
 * code came back, and returns the signed-in account.
 */
async function submitAccountForm(
  target: AppUnderTest,
  url: string,
  form: { body: string },
  formCookies: Jar,
  fields: Pick<BuiltAccount, 'username' | 'passphrase' | 'remoteAddress'>,
): Promise<BuiltAccount> {
  const created = await target.app.inject({
    method: 'POST',
    url,
    cookies: formCookies,
    ...addressOf(fields.remoteAddress),
    payload: {
      _csrf: csrfTokenFrom(form.body),
      gebruikersnaam: fields.username,
      wachtwoord: fields.passphrase,
      herhaling: fields.passphrase,
    },
  });
  assert.equal(created.statusCode, 200, `the account form at ${url} answered ${created.statusCode}`);
  return signedIn(target, withCookiesOf(formCookies, created.headers), {
    ...fields,
    recoveryCode: recoveryCodeIn(created.body),
  });
}

export interface ParentOptions extends AccountOptions {
  /** The cookies the browser already has (none: a fresh browser). */
  cookies?: Jar;
}

/** A parent signed up through the form (GET /registreren, POST /registreren), signed in. */
export async function buildParent(target: AppUnderTest, options: ParentOptions = {}): Promise<BuiltAccount> {
  const username = options.username ?? freshName('ouder');
  const passphrase = options.passphrase ?? defaultPassphrase;
  const { response, cookies } = await signUpOverHttp(target.app, username, passphrase, {
    ...addressOf(options.remoteAddress),
    ...(options.cookies !== undefined && { cookies: options.cookies }),
  });
  assert.equal(response.statusCode, 200, `sign-up of ${username} answered ${response.statusCode}`);
  return signedIn(target, cookies, {
    username,
    passphrase,
    recoveryCode: recoveryCodeIn(response.body),
    ...addressOf(options.remoteAddress),
  });
}

export interface ParentSession {
  /** The session cookie's value. */
  cookie: string;
  session: CurrentSession;
  userId: string;
  username: string;
  passphrase: string;
  recoveryCode: string;
}

/**
 * A parent signed up through the accounts service itself, with the session it starts: for service tests that
 * build their own services (their own clock, their own database) and no app.
 */
export async function buildParentSession(
  accounts: Pick<AccountsService, 'register' | 'currentSession'>,
  options: { username?: string; passphrase?: string; userAgent?: string } = {},
): Promise<ParentSession> {
  const username = options.username ?? freshName('ouder');
  const passphrase = options.passphrase ?? defaultPassphrase;
  const result = await accounts.register(
    { gebruikersnaam: username, wachtwoord: passphrase, herhaling: passphrase },
    options.userAgent,
  );
  assert.ok(result.ok, `sign-up of ${username} was refused`);
  const session = await accounts.currentSession(result.cookie);
  assert.ok(session !== undefined, 'the new session is known');
  return {
    cookie: result.cookie,
    session,
    userId: result.userId,
    username,
    passphrase,
    recoveryCode: result.recoveryCode,
  };
}

/** Sets up TOTP for the signed-in account of `cookies` through /account/tweede-stap; returns the secret. */
export async function setUpTotpOverHttp(target: AppUnderTest, cookies: Jar, remoteAddress?: string): Promise<string> {
  const page = await target.app.inject({
    method: 'GET',
    url: '/account/tweede-stap',
    cookies,
    ...addressOf(remoteAddress),
  });
  assert.equal(page.statusCode, 200, `the second-factor page answered ${page.statusCode}`);
  const secret = /data-totp-secret="true">([^<]+)</.exec(page.body)?.[1]?.replace(/\s/g, '');
  assert.ok(secret !== undefined, 'the page shows the TOTP secret');
  const confirmed = await target.app.inject({
    method: 'POST',
    url: '/account/tweede-stap',
    cookies: withCookiesOf(cookies, page.headers),
    ...addressOf(remoteAddress),
    payload: { _csrf: csrfTokenFrom(page.body), code: await generate({ secret }) },
  });
  assert.equal(confirmed.statusCode, 303, 'the first code confirms the second factor');
  return secret;
}

export interface AdminOptions extends AccountOptions {
  email?: string;
  /** Whether the admin sets up a second factor (default true); without one it holds no rights yet. */
  secondFactor?: boolean;
  /** The set-up link's role: an admin (default), or an editor or reviewer of the CMS (ADR 0033). */
  role?: 'admin' | 'editor' | 'reviewer';
}

/**
 * An admin (or, with `role`, an editor or reviewer) through the one-time set-up link (GET and POST
 * /beheer/start/:token), with a second factor.
 */
export async function buildAdmin(
  target: AppUnderTest,
  options: AdminOptions = {},
): Promise<BuiltAccountWithSecondFactor> {
  const username = options.username ?? freshName('beheer');
  const passphrase = options.passphrase ?? defaultPassphrase;
  const address = addressOf(options.remoteAddress);
  const token = await target.services.accounts.createAdminSetupLink(
    options.email ?? `${username}@example.org`,
    options.role ?? 'admin',
  );
  const form = await target.app.inject({ method: 'GET', url: `/beheer/start/${token}`, ...address });
  assert.equal(form.statusCode, 200, `the set-up link answered ${form.statusCode}`);
  const account = await submitAccountForm(target, `/beheer/start/${token}`, form, withCookiesOf({}, form.headers), {
    username,
    passphrase,
    ...address,
  });
  if (options.secondFactor === false) return account;
  return { ...account, totpSecret: await setUpTotpOverHttp(target, account.cookies, options.remoteAddress) };
}

export interface ProfessionalOptions extends AccountOptions {
  /** The admin who invites (signed in, with a second factor): their browser's cookies. */
  invitedBy: Pick<BuiltAccount, 'cookies'>;
  /** Where the invitation e-mail arrives: the app must send mail to this sink (SMTP_URL). */
  sink: SmtpSink;
  organisationId: string;
  role?: ProfessionalRole;
  /** For the role 'police': the unit (default: the first the invitation form offers). */
  policeUnit?: string;
  email?: string;
  /** Whether the professional sets up a second factor (default true). */
  secondFactor?: boolean;
  /** Two admins who approve the account (four eyes), which activates it. */
  activatedBy?: readonly [Pick<BuiltAccount, 'cookies'>, Pick<BuiltAccount, 'cookies'>];
}

/**
 * A professional: invited by an admin through the form, the link taken from the e-mail (the job queue sends it),
 * signed up through /uitnodiging, with a second factor; pending activation unless `activatedBy` approves it.
 */
export async function buildProfessional(
  target: AppUnderTest,
  options: ProfessionalOptions,
): Promise<BuiltAccountWithSecondFactor> {
  const username = options.username ?? freshName('hulp');
  const passphrase = options.passphrase ?? defaultPassphrase;
  const email = options.email ?? `${username}@example.org`;
  const address = addressOf(options.remoteAddress);
  const { app } = target;

  const inviteForm = await app.inject({
    method: 'GET',
    url: '/beheer/uitnodigingen/nieuw',
    cookies: options.invitedBy.cookies,
  });
  assert.equal(inviteForm.statusCode, 200, `the invitation form answered ${inviteForm.statusCode}`);
  const role = options.role ?? 'care';
  // The police unit list: its first option (value empty, drawn as a bare attribute) is "none".
  const firstUnit = /name="eenheid"[^>]*>\s*<option value(?:="")?>[^<]*<\/option>\s*<option value="([^"]+)"/.exec(
    inviteForm.body,
  )?.[1];
  const policeUnit = role === 'police' ? (options.policeUnit ?? firstUnit) : undefined;
  const sent = await app.inject({
    method: 'POST',
    url: '/beheer/uitnodigingen',
    cookies: withCookiesOf(options.invitedBy.cookies, inviteForm.headers),
    payload: {
      _csrf: csrfTokenFrom(inviteForm.body),
      email,
      organisatie: options.organisationId,
      rol: role,
      ...(policeUnit !== undefined && { eenheid: policeUnit }),
    },
  });
  assert.equal(sent.statusCode, 303, `the invitation answered ${sent.statusCode}`);
  await target.services.jobs.runDue();
  const mail = options.sink.received.findLast((received) => recipientOf(received) === email);
  const link = /https?:\/\/[^/\s]+(\/uitnodiging\/[A-Za-z0-9_-]{43})/.exec(mail?.text ?? '')?.[1];
  assert.ok(link !== undefined, `the invitation e-mail to ${email} arrived with its link`);

  const landing = await app.inject({ method: 'GET', url: link, ...address });
  assert.equal(landing.statusCode, 303, 'the link moves its token into a cookie');
  const form = await app.inject({
    method: 'GET',
    url: '/uitnodiging',
    cookies: withCookiesOf({}, landing.headers),
    ...address,
  });
  assert.equal(form.statusCode, 200, `the invitation's sign-up form answered ${form.statusCode}`);
  const formCookies = withCookiesOf(withCookiesOf({}, landing.headers), form.headers);
  const account = await submitAccountForm(target, '/uitnodiging', form, formCookies, {
    username,
    passphrase,
    ...address,
  });
  if (options.secondFactor === false) return account;
  const professional = {
    ...account,
    totpSecret: await setUpTotpOverHttp(target, account.cookies, options.remoteAddress),
  };
  for (const approver of options.activatedBy ?? []) {
    const page = await app.inject({ method: 'GET', url: '/account', cookies: approver.cookies });
    const approved = await app.inject({
      method: 'POST',
      url: `/beheer/professionals/${professional.userId}/goedkeuren`,
      cookies: withCookiesOf(approver.cookies, page.headers),
      payload: { _csrf: csrfTokenFrom(page.body) },
    });
    assert.equal(approved.statusCode, 303, `an approval answered ${approved.statusCode}`);
  }
  return professional;
}
