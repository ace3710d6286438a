import { randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as setTimeoutPromise } from 'node:timers/promises';
import { generateSecret, generateURI, verify } from 'otplib';
import { DecryptionFailed, open, seal, type SymmetricKey } from '../../shared/crypto/aead.js';
import {
  type Argon2Parameters,
  checkedParameters,
  defaultArgon2Parameters,
  type PassphraseHasher,
  SALT_BYTES,
} from '../../shared/crypto/passphrase.js';
import { generateRecoveryCode, recoveryKek } from '../../shared/crypto/recovery-code.js';
import {
  formatSessionCookie,
  newSessionToken,
  openMasterKeyFromSession,
  sessionBoundSecret,
  parseSessionCookie,
  sameBytes,
  sealMasterKeyForSession,
  sessionIdHash,
} from '../../shared/crypto/session-key.js';
import {
  createUserKeys,
  fingerprint,
  rewrapForPassphrase,
  rewrapForRecovery,
  unlockWithPassphrase,
  unlockWithRecovery,
} from '../../shared/crypto/user-keys.js';
import { createKeyRing, type KeyRing } from '../../shared/auth/key-ring.js';
import type { CurrentSession } from '../../shared/auth/session.js';
import { createKeyedHash, type KeyedHash } from '../../shared/crypto/keyed-hash.js';
import { type Actor, type UserFacts, userActor } from '../../shared/policy/actor.js';
import { authorize } from '../../policies.js';
import type { AccountsRepository, StoredSession, StoredUser } from './accounts.repo.js';
import {
  type FieldProblem,
  loadPassphraseRules,
  loginSchema,
  newPassphraseSchema,
  PASSPHRASE_MAX_BYTES,
  recoverySchema,
  signUpSchema,
  usernameKey,
} from './accounts.schema.js';
import { parseForm } from '../../shared/http/forms.js';
import { createLoginThrottle } from './login-throttle.js';
import type { UserDataHolder } from '../../shared/user-data.js';
import type { AlsoInTransaction, Trx } from '../../shared/db/transaction.js';

/** How long a given passphrase counts for sensitive actions (DESIGN §4: re-authentication within 5 minutes). */
const REAUTHENTICATION_WINDOW_MS = 5 * 60_000;

export interface SessionSettings {
  idleMs: number;
  absoluteMs: number;
}

/** Sessions are made here and loaded for each request by src/shared/auth/session.ts. */
export type { CurrentSession };

export type RegisterResult =
  | { ok: true; cookie: string; recoveryCode: string; fingerprint: string; username: string; userId: string }
  | { ok: false; problems: FieldProblem[]; retryAt?: Date };

/** userId is set when the name belongs to an account: for the audit log, never shown to the visitor. */
export type LoginResult =
  { ok: true; cookie: string; userId: string; secondFactor: boolean } | { ok: false; retryAt?: Date; userId?: string };

/** The end of a login's second step: a new session cookie (a new id), or why not. */
export type SecondFactorResult = { ok: true; userId: string; cookie: string } | { ok: false; retryAt?: Date };

/** What the throttle needs besides the database: the keyed hash for its keys, and a way to wait. */
export interface ThrottleSettings {
  /** Keyed with the pepper in the app (services.ts); when not given (tests), one random key for the process. */
  keyedHash?: KeyedHash;
  wait?: (ms: number) => Promise<void>;
}

const processKeyedHash = createKeyedHash(randomBytes(32));

const totpIssuer = 'Logboek';

/** The time step a TOTP code matched (otplib's result type also covers HOTP, which has none). */
async function verifyTotp(
  secret: string,
  token: string,
  now: Date,
  afterTimeStep?: number,
): Promise<number | undefined> {
  const result = await verify({
    secret,
    token,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: [30, 0],
    ...(afterTimeStep === undefined ? {} : { afterTimeStep }),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : undefined;
}

/** The TOTP secret's place: sealed under the master key, bound to the user, pending or active, and key epoch. */
export const totpPlace = (userId: string, state: 'pending' | 'active', epoch: number) => ({
  purpose: 'totp-secret' as const,
  ownerId: userId,
  recordId: `${userId}/${state}`,
  epoch,
});

/** The one check for "has a second factor": TOTP or at least one passkey. */
export function hasSecondFactor(user: StoredUser): boolean {
  return user.totpSecret !== undefined || user.hasPasskey;
}

/** What the professionals feature knows about a professional account (its organisation, role, activation). */
export type ProfessionalFactsLoader = (userId: string) => Promise<UserFacts['professional']>;

/** A device hint people recognise in their session list, without storing the full user agent. */
export function deviceHint(userAgent: string | undefined): string {
  const agent = userAgent ?? '';
  const browser = /Edg\//.test(agent)
    ? 'Edge'
    : /Firefox\//.test(agent)
      ? 'Firefox'
      : /Chrome\//.test(agent)
        ? 'Chrome'
        : /Safari\//.test(agent)
          ? 'Safari'
          : 'Browser';
  const system = /Android/.test(agent)
    ? 'Android'
    : /iPhone|iPad/.test(agent)
      ? 'iOS'
      : /Windows/.test(agent)
        ? 'Windows'
        : /Mac OS X/.test(agent)
          ? 'macOS'
          : /Linux/.test(agent)
            ? 'Linux'
            : '';
  return system === '' ? browser : `${browser} · ${system}`;
}

export function createAccountsService(
  repo: AccountsRepository,
  hasher: PassphraseHasher,
  settings: SessionSettings,
  clock: () => Date = () => new Date(),
  argon2: Argon2Parameters = defaultArgon2Parameters,
  professionalFacts: ProfessionalFactsLoader = () => Promise.resolve(undefined),
  /** After an account is deleted: lets the database drop what deleted rows leave behind (DatabaseHandle). */
  forgetDeleted: () => Promise<void> = () => Promise.resolve(),
  throttleSettings: ThrottleSettings = {},
) {
  // For unknown usernames the same Argon2 work is done, so the answer takes as long as for a wrong passphrase.
  const decoySalt = randomBytes(SALT_BYTES);
  const throttle = createLoginThrottle(
    repo,
    throttleSettings.keyedHash ?? processKeyedHash,
    clock,
    throttleSettings.wait ?? ((ms) => setTimeoutPromise(ms).then(() => undefined)),
  );

  function newSession(
    userId: string,
    masterKey: SymmetricKey,
    hint: string,
    secondFactorPending: boolean,
  ): { cookie: string; session: StoredSession } {
    const token = newSessionToken();
    const idHash = sessionIdHash(token.id);
    const now = clock();
    const expiresAt = new Date(now.getTime() + settings.absoluteMs).toISOString();
    const session: StoredSession = {
      idHash,
      userId,
      masterKey: sealMasterKeyForSession(masterKey, token.secret, idHash, userId, expiresAt),
      deviceHint: hint,
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      expiresAt,
      secondFactorPending,
      // A session starts with the passphrase just given: that counts as a fresh authentication.
      reauthenticatedAt: now.toISOString(),
    };
    return { cookie: formatSessionCookie(token), session };
  }

  async function startSession(
    userId: string,
    masterKey: SymmetricKey,
    hint: string,
    secondFactorPending = false,
    also?: AlsoInTransaction,
  ): Promise<string> {
    const { cookie, session } = newSession(userId, masterKey, hint, secondFactorPending);
    await repo.insertSession(session, also);
    return cookie;
  }

  /**
   * The second factor was given: the pending session ends and a full one starts under a new id (the id that
   * waited for the second factor is worth nothing afterwards). Undefined when another request already did this.
   */
  async function promotePendingSession(pending: CurrentSession, also?: AlsoInTransaction): Promise<string | undefined> {
    const stored = await repo.findSession(pending.idHash);
    if (stored === undefined || !stored.secondFactorPending) return undefined;
    const { cookie, session } = newSession(pending.userId, pending.keys.masterKey(), stored.deviceHint, false);
    return (await repo.replacePendingSession(pending.idHash, session, also)) ? cookie : undefined;
  }

  /**
   * When the second-factor throttle lets this account and address try again, if it is closed now. TOTP and
   * passkey failures count on one throttle per account, so switching between the two gives no extra attempts.
   */
  const secondFactorBlockedUntil = (userId: string, clientAddress: string): Promise<Date | undefined> =>
    throttle.admit(throttle.secondFactorKeys(userId, clientAddress));

  const recordSecondFactorFailure = (userId: string, clientAddress: string): Promise<void> =>
    throttle.failed(throttle.secondFactorKeys(userId, clientAddress));

  /** A session that passed the passphrase has five minutes to give its second factor. */
  const SECOND_FACTOR_WINDOW_MS = 5 * 60_000;

  async function createAccount(
    form: unknown,
    userAgent: string | undefined,
    role: 'parent' | 'admin' | 'professional' | 'young' | 'editor' | 'reviewer',
    /** Claims what the account is made from (a set-up link, an invitation) in the transaction that makes it. */
    claim?: (trx: Trx, userId: string) => Promise<boolean>,
    clientAddress?: string,
    auditLine?: (userId: string) => AlsoInTransaction,
  ): Promise<RegisterResult | 'link'> {
    await loadPassphraseRules();
    const parsed = parseForm(signUpSchema, form);
    if (!parsed.ok) return { ok: false, problems: parsed.problems };
    const { username, passphrase } = parsed.value;
    // "This name is taken" tells whether an account exists: counted per address like failed logins.
    const signUpKeys = clientAddress === undefined ? undefined : throttle.signUpKeys(clientAddress);
    const taken = async (): Promise<RegisterResult> => {
      if (signUpKeys !== undefined) await throttle.failed(signUpKeys);
      return { ok: false, problems: [{ field: 'gebruikersnaam', messageKey: 'account.username.taken' }] };
    };
    if (signUpKeys !== undefined) {
      const retryAt = await throttle.admit(signUpKeys);
      if (retryAt !== undefined) return { ok: false, problems: [], retryAt };
    }
    if ((await repo.findUserByUsernameKey(usernameKey(username))) !== undefined) return taken();

    const userId = randomUUID();
    const salt = randomBytes(SALT_BYTES);
    const { verifier, kek } = await hasher.derive(passphrase, salt, argon2);
    const code = generateRecoveryCode();
    const { stored, masterKey } = createUserKeys(userId, kek, recoveryKek(code.bytes, userId));
    const inserted = await repo.insertUser(
      {
        id: userId,
        username,
        usernameKey: usernameKey(username),
        role,
        argon2,
        salt,
        verifier,
        keys: stored,
      },
      clock(),
      auditLine?.(userId),
      claim === undefined ? undefined : (trx) => claim(trx, userId),
    );
    // Two sign-ups with one name at the same moment: the unique key decides, the other is told it is taken.
    if (inserted === 'taken') return taken();
    // A set-up link or invitation is claimed only once everything else is valid, once, with the account.
    if (inserted === 'unclaimed') return 'link';
    const cookie = await startSession(userId, masterKey, deviceHint(userAgent));
    return {
      ok: true,
      cookie,
      recoveryCode: code.display,
      fingerprint: fingerprint(stored.ed25519Public),
      username,
      userId,
    };
  }

  return {
    /**
     * A parent account: username and passphrase; shows the recovery code once. Signs the new user in. With the
     * client address (the sign-up page gives it), names found taken are counted and throttled per address.
     */
    async register(
      form: unknown,
      userAgent: string | undefined,
      clientAddress?: string,
      /** The sign-up's audit line for the new account, written in the transaction that creates it. */
      auditLine?: (userId: string) => AlsoInTransaction,
    ): Promise<RegisterResult> {
      const result = await createAccount(form, userAgent, 'parent', undefined, clientAddress, auditLine);
      // Only an admin set-up can fail on its link.
      return result === 'link' ? { ok: false, problems: [] } : result;
    },

    /**
     * A one-time set-up link for an admin (`npm run cli -- create-admin`): 256 random bits, stored as a hash,
     * valid for 24 hours and once. Returns the token for the link.
     */
    async createAdminSetupLink(email: string, role: 'admin' | 'editor' | 'reviewer' = 'admin'): Promise<string> {
      const token = randomBytes(32).toString('base64url');
      const now = clock();
      await repo.insertSetupLink({
        tokenHash: sessionIdHash(Buffer.from(token)),
        email,
        role,
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + 24 * 3_600_000).toISOString(),
      });
      return token;
    },

    /** The role a usable set-up link makes (admin, editor or reviewer), for the new account's audit line. */
    async setupLinkRole(token: string): Promise<'admin' | 'editor' | 'reviewer' | undefined> {
      if (!(await this.setupLinkUsable(token))) return undefined;
      return (await repo.findSetupLink(sessionIdHash(Buffer.from(token))))?.role;
    },

    async setupLinkUsable(token: string): Promise<boolean> {
      if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return false;
      const link = await repo.findSetupLink(sessionIdHash(Buffer.from(token)));
      return link !== undefined && link.usedAt === null && Date.parse(link.expiresAt) > clock().getTime();
    },

    /**
     * Claims a set-up link and creates the admin account behind it. The admin has no admin rights until a
     * second factor is set up (see currentSession).
     */
    async registerAdmin(
      token: string,
      form: unknown,
      userAgent: string | undefined,
      /** The new admin account's audit line, written in the transaction that creates it. */
      auditLine?: (userId: string) => AlsoInTransaction,
    ): Promise<RegisterResult | 'link'> {
      if (!(await this.setupLinkUsable(token))) return 'link';
      const tokenHash = sessionIdHash(Buffer.from(token));
      // The link's role: an admin (create-admin), or an editor or reviewer (create-editor, /beheer/redactie).
      const link = await repo.findSetupLink(tokenHash);
      return createAccount(
        form,
        userAgent,
        link?.role ?? 'admin',
        (trx, userId) => repo.claimSetupLink(trx, tokenHash, userId, clock().toISOString()),
        undefined,
        auditLine,
      );
    },

    /**
     * An invited professional's account. `claim` runs once everything else is valid and must claim the
     * invitation atomically (and record the organisation); when it fails nothing is kept and 'link' is returned.
     * The account holds no rights until it has a second factor and two people have activated it.
     */
    registerProfessional: (
      form: unknown,
      userAgent: string | undefined,
      claim: (trx: Trx, userId: string) => Promise<boolean>,
      /** The audit lines of the new account, written in the transaction that creates it and claims. */
      auditLine?: (userId: string) => AlsoInTransaction,
    ): Promise<RegisterResult | 'link'> => createAccount(form, userAgent, 'professional', claim, undefined, auditLine),

    /**
     * A young person's account (ADR 0030), made with the code a professional of their case gave them: `claim` uses
     * the code in the transaction that makes the account ('link', nothing kept, when it no longer can). Like a
     * parent's: a second factor is optional; it holds no journal and no professional rights.
     */
    registerYoung: (
      form: unknown,
      userAgent: string | undefined,
      claim: (trx: Trx, userId: string) => Promise<boolean>,
      clientAddress?: string,
      auditLine?: (userId: string) => AlsoInTransaction,
    ): Promise<RegisterResult | 'link'> => createAccount(form, userAgent, 'young', claim, clientAddress, auditLine),

    /** The same answer, in about the same time, for an unknown user and a wrong passphrase. */
    async login(
      form: unknown,
      userAgent: string | undefined,
      clientAddress: string,
      /** The successful login's audit line, written with the new session. */
      auditLine?: (userId: string) => AlsoInTransaction,
    ): Promise<LoginResult> {
      // One answer for every problem: the login page never says which field was wrong.
      const parsed = parseForm(loginSchema, form);
      if (!parsed.ok) return { ok: false };
      const { gebruikersnaam: name, wachtwoord: passphrase } = parsed.value;
      const keys = throttle.accountKeys(usernameKey(name), clientAddress);
      const retryAt = await throttle.admit(keys);
      if (retryAt !== undefined) return { ok: false, retryAt };

      const user = await repo.findUserByUsernameKey(usernameKey(name));
      const { verifier, kek } =
        user === undefined
          ? await hasher.derive(passphrase, decoySalt, argon2)
          : await hasher.derive(passphrase, user.salt, checkedParameters(user.argon2));
      if (user === undefined || !sameBytes(verifier, user.verifier)) {
        await throttle.failed(keys);
        return user === undefined ? { ok: false } : { ok: false, userId: user.id };
      }
      await throttle.succeeded(keys);
      const masterKey = unlockWithPassphrase(user.id, user.keys, kek);
      // With a second factor the new session grants nothing until it is given (5 minutes).
      const secondFactor = hasSecondFactor(user);
      const cookie = await startSession(user.id, masterKey, deviceHint(userAgent), secondFactor, auditLine?.(user.id));
      return { ok: true, cookie, userId: user.id, secondFactor };
    },

    /**
     * Back in with the recovery code and a new passphrase. The code works once: a new code is made (shown once)
     * and the old recovery wrap is replaced; every session of the account ends. Wrong name or code get one
     * answer, and count towards the same throttle as logins.
     */
    async recover(
      form: unknown,
      userAgent: string | undefined,
      clientAddress: string,
      /** The recovery's audit line for the account it recovers, written with the new credentials. */
      auditLine?: (userId: string) => AlsoInTransaction,
    ): Promise<
      | { ok: true; cookie: string; recoveryCode: string; fingerprint: string; userId: string }
      | { ok: false; problems: FieldProblem[]; retryAt?: Date; userId?: string }
    > {
      await loadPassphraseRules();
      const parsed = parseForm(recoverySchema, form);
      if (!parsed.ok) return { ok: false, problems: parsed.problems };
      const { username: name, code: codeBytes, passphrase } = parsed.value;

      const keys = throttle.accountKeys(usernameKey(name), clientAddress);
      const retryAt = await throttle.admit(keys);
      if (retryAt !== undefined) return { ok: false, problems: [], retryAt };

      const user = await repo.findUserByUsernameKey(usernameKey(name));
      let masterKey: SymmetricKey | undefined;
      if (user !== undefined) {
        try {
          masterKey = unlockWithRecovery(user.id, user.keys, recoveryKek(codeBytes, user.id));
        } catch (error) {
          if (!(error instanceof DecryptionFailed)) throw error;
        }
      }
      if (user === undefined || masterKey === undefined) {
        await throttle.failed(keys);
        const failure = { field: 'herstelcode' as const, messageKey: 'account.recover.failed' as const };
        return user === undefined
          ? { ok: false, problems: [failure] }
          : { ok: false, problems: [failure], userId: user.id };
      }
      await throttle.succeeded(keys);
      const salt = randomBytes(SALT_BYTES);
      const { verifier, kek } = await hasher.derive(passphrase, salt, argon2);
      const code = generateRecoveryCode();
      const rewrapped = rewrapForPassphrase(user.id, user.keys, masterKey, kek);
      const withNewCode = rewrapForRecovery(user.id, rewrapped, masterKey, recoveryKek(code.bytes, user.id));
      await repo.replaceCredentials(
        user.id,
        {
          argon2,
          salt,
          verifier,
          masterByPassphrase: withNewCode.masterByPassphrase,
          masterByRecovery: withNewCode.masterByRecovery,
        },
        undefined,
        auditLine?.(user.id),
      );
      const cookie = await startSession(user.id, masterKey, deviceHint(userAgent));
      return {
        ok: true,
        cookie,
        recoveryCode: code.display,
        fingerprint: fingerprint(user.keys.ed25519Public),
        userId: user.id,
      };
    },

    /**
     * The session a cookie names, or undefined: no cookie, unknown id, expired (absolute or idle), or a secret
     * that does not open the sealed master key. Never throws for a bad cookie.
     */
    async currentSession(cookie: string | undefined): Promise<CurrentSession | undefined> {
      const token = parseSessionCookie(cookie);
      if (token === undefined) return undefined;
      const idHash = sessionIdHash(token.id);
      const session = await repo.findSession(idHash);
      if (session === undefined) return undefined;
      const now = clock();
      const idleUntil = new Date(Date.parse(session.lastSeenAt) + settings.idleMs);
      if (Date.parse(session.expiresAt) <= now.getTime() || idleUntil.getTime() <= now.getTime()) {
        await repo.deleteSession(idHash, session.userId);
        return undefined;
      }
      try {
        // Proves the cookie's secret; the key itself is opened again only when a request needs it.
        openMasterKeyFromSession(session.masterKey, token.secret, idHash, session.userId, session.expiresAt);
      } catch (error) {
        if (error instanceof DecryptionFailed) return undefined;
        throw error;
      }
      const user = await repo.findUserById(session.userId);
      if (user === undefined) return undefined;
      if (session.secondFactorPending && now.getTime() - Date.parse(session.createdAt) > SECOND_FACTOR_WINDOW_MS) {
        await repo.deleteSession(idHash, session.userId);
        return undefined;
      }
      // Activity extends the idle time-out; written at most once a minute.
      let lastSeen = session.lastSeenAt;
      if (now.getTime() - Date.parse(session.lastSeenAt) > 60_000) {
        lastSeen = now.toISOString();
        await repo.touchSession(idHash, lastSeen);
      }
      const secondFactor = hasSecondFactor(user);
      const openMaster = () =>
        openMasterKeyFromSession(session.masterKey, token.secret, idHash, session.userId, session.expiresAt);
      return {
        idHash,
        userId: user.id,
        username: user.username,
        // Admins and professionals hold no rights until their second factor is set up (see userActor).
        actor: userActor({
          userId: user.id,
          kind: user.role,
          hasSecondFactor: secondFactor,
          professional: user.role === 'professional' ? await professionalFacts(user.id) : undefined,
        }),
        secondFactorPending: session.secondFactorPending,
        hasSecondFactor: secondFactor,
        secondFactors: { totp: user.totpSecret !== undefined, passkey: user.hasPasskey },
        expiresAt: session.expiresAt,
        idleUntil: new Date(Date.parse(lastSeen) + settings.idleMs).toISOString(),
        reauthenticatedUntil: new Date(
          Date.parse(session.reauthenticatedAt ?? session.createdAt) + REAUTHENTICATION_WINDOW_MS,
        ).toISOString(),
        keys: createKeyRing({
          userId: user.id,
          stored: user.keys,
          openMasterKey: openMaster,
          loadRetiredSigningKeys: () => repo.retiredSigningKeys(user.id),
          sessionSecret: (purpose) => sessionBoundSecret(token.secret, idHash, purpose),
        }),
      };
    },

    /**
     * Starts TOTP set-up: a new secret, sealed under the master key as pending until a first code confirms it.
     * Returns the secret for the authenticator app (shown once, on this page only).
     */
    async startTotp(session: CurrentSession): Promise<{ secret: string; uri: string }> {
      const secret = generateSecret();
      await repo.setTotpPending(
        session.userId,
        seal(session.keys.masterKey(), Buffer.from(secret), totpPlace(session.userId, 'pending', session.keys.epoch)),
      );
      return { secret, uri: generateURI({ issuer: totpIssuer, label: session.username, secret }) };
    },

    /** The first code confirms the pending secret; a wrong code leaves everything as it was. */
    /** Confirms a TOTP set-up; `auditLine` is written in the same transaction as the secret. */
    async confirmTotp(
      session: CurrentSession,
      token: string | undefined,
      auditLine?: AlsoInTransaction,
    ): Promise<boolean> {
      const user = await repo.findUserById(session.userId);
      if (user?.totpPending === undefined || token === undefined) return false;
      const masterKey = session.keys.masterKey();
      const secret = open(masterKey, user.totpPending, totpPlace(user.id, 'pending', user.keys.epoch)).toString('utf8');
      const step = await verifyTotp(secret, token, clock());
      if (step === undefined) return false;
      await repo.confirmTotp(
        user.id,
        seal(masterKey, Buffer.from(secret), totpPlace(user.id, 'active', user.keys.epoch)),
        step,
        auditLine,
      );
      return true;
    },

    /**
     * The second step of a login: the code from the authenticator app. Wrong, expired and already used codes
     * are refused alike; failures count towards the login throttle.
     */
    async completeSecondFactor(
      cookie: string | undefined,
      /** The code as codeSchema read it, or undefined when the form held no code. */
      token: string | undefined,
      clientAddress: string,
      /** The completed login's audit line, written with the session that replaces the pending one. */
      auditLine?: (userId: string) => AlsoInTransaction,
    ): Promise<SecondFactorResult> {
      const session = await this.pendingSession(cookie);
      if (session === undefined) return { ok: false };
      const retryAt = await secondFactorBlockedUntil(session.userId, clientAddress);
      if (retryAt !== undefined) return { ok: false, retryAt };
      const now = clock();
      const user = await repo.findUserById(session.userId);
      let accepted = false;
      if (user?.totpSecret !== undefined && token !== undefined) {
        const secret = open(
          session.keys.masterKey(),
          user.totpSecret,
          totpPlace(user.id, 'active', user.keys.epoch),
        ).toString('utf8');
        const step = await verifyTotp(secret, token, now, user.totpLastStep);
        // Taking the step in the database refuses a code used in a parallel request too.
        accepted = step !== undefined && (await repo.takeTotpStep(user.id, step));
      }
      if (!accepted) {
        await recordSecondFactorFailure(session.userId, clientAddress);
        return { ok: false };
      }
      return this.finishSecondFactor(session, auditLine?.(session.userId));
    },

    /** The session a cookie names if it passed the passphrase and still owes its second factor (5 minutes). */
    async pendingSession(cookie: string | undefined): Promise<CurrentSession | undefined> {
      const session = await this.currentSession(cookie);
      return session?.secondFactorPending === true ? session : undefined;
    },

    secondFactorBlockedUntil,
    recordSecondFactorFailure,

    /**
     * A new session (new id and secret, the master key sealed into it) that the caller stores: a key rotation
     * inserts it in its own transaction, together with the new keys.
     */
    prepareSession: (userId: string, masterKey: SymmetricKey, hint: string) =>
      newSession(userId, masterKey, hint, false),

    /**
     * A second factor (code or passkey) was accepted for a pending session: the throttle for the account is
     * cleared and the session is replaced by a full one under a new id.
     */
    async finishSecondFactor(session: CurrentSession, auditLine?: AlsoInTransaction): Promise<SecondFactorResult> {
      const cookie = await promotePendingSession(session, auditLine);
      if (cookie === undefined) return { ok: false };
      await throttle.succeeded(throttle.secondFactorKeys(session.userId, ''));
      return { ok: true, userId: session.userId, cookie };
    },

    /**
     * Re-authentication before a sensitive action: the passphrase again, checked like a login (same throttle).
     */
    async confirmPassphrase(
      session: CurrentSession,
      passphrase: unknown,
      clientAddress: string,
      options: { allowRecent?: boolean } = {},
    ): Promise<'ok' | 'wrong' | 'throttled'> {
      // Within 5 minutes of the last time the passphrase was given, an action that allows it need not ask again.
      if (
        options.allowRecent === true &&
        (passphrase === undefined || passphrase === '') &&
        clock().getTime() < Date.parse(session.reauthenticatedUntil)
      ) {
        return 'ok';
      }
      const user = await repo.findUserById(session.userId);
      if (user === undefined) return 'wrong';
      // The same rows as a login with this name from this address: a guess here counts like a guess there.
      const keys = throttle.accountKeys(usernameKey(user.username), clientAddress);
      if ((await throttle.admit(keys)) !== undefined) return 'throttled';
      if (typeof passphrase !== 'string' || passphrase === '' || Buffer.byteLength(passphrase) > PASSPHRASE_MAX_BYTES) {
        return 'wrong';
      }
      const { verifier } = await hasher.derive(passphrase, user.salt, checkedParameters(user.argon2));
      if (!sameBytes(verifier, user.verifier)) {
        await throttle.failed(keys);
        return 'wrong';
      }
      await throttle.succeeded(keys);
      await repo.markReauthenticated(session.idHash, clock().toISOString());
      return 'ok';
    },

    /**
     * A new passphrase: the current one first, then the same master key is wrapped under the new one (nothing
     * else is re-encrypted). Every other device is logged out.
     */
    async changePassphrase(
      session: CurrentSession,
      form: Record<string, unknown>,
      clientAddress: string,
      /** The change's audit line, written with the new credentials. */
      auditLine?: AlsoInTransaction,
    ): Promise<'ok' | 'wrong' | 'throttled' | FieldProblem> {
      authorize(session.actor, 'account', 'use', { userId: session.userId });
      const confirmed = await this.confirmPassphrase(session, form.huidig, clientAddress);
      if (confirmed !== 'ok') return confirmed;
      await loadPassphraseRules();
      const parsed = parseForm(newPassphraseSchema(session.username), form);
      if (!parsed.ok) return parsed.problems[0]!;
      const user = await repo.findUserById(session.userId);
      if (user === undefined) return 'wrong';
      const salt = randomBytes(SALT_BYTES);
      const { verifier, kek } = await hasher.derive(parsed.value.passphrase, salt, argon2);
      const keys = rewrapForPassphrase(user.id, user.keys, session.keys.masterKey(), kek);
      await repo.replaceCredentials(
        user.id,
        {
          argon2,
          salt,
          verifier,
          masterByPassphrase: keys.masterByPassphrase,
          masterByRecovery: keys.masterByRecovery,
        },
        session.idHash,
        auditLine,
      );
      return 'ok';
    },

    /** Everything stored about the user, readable: account facts, sessions, security events. */
    async exportData(
      session: CurrentSession,
      audit: { objectType: string; objectId: string; at: string; action: string }[],
    ) {
      const user = await repo.findUserById(session.userId);
      return {
        exportedAt: clock().toISOString(),
        account: {
          username: user?.username,
          createdAt: await repo.userCreatedAt(session.userId),
          secondFactors: [
            ...(user?.totpSecret !== undefined ? ['totp'] : []),
            ...(user?.hasPasskey === true ? ['passkey'] : []),
          ],
          signingKeyFingerprint: user === undefined ? undefined : fingerprint(user.keys.ed25519Public),
        },
        sessions: (await repo.listSessions(session.userId)).map((row) => ({
          device: row.deviceHint,
          createdAt: row.createdAt,
          lastActiveAt: row.lastSeenAt,
          expiresAt: row.expiresAt,
        })),
        securityEvents: audit.map((row) => ({ at: row.at, action: row.action })),
      };
    },

    /**
     * Deletes the account, and in the same transaction every feature's data of it (`holders`, ADR 0017) and
     * the deletion's audit line.
     */
    async deleteAccount(
      userId: string,
      holders: readonly UserDataHolder[],
      auditLine: AlsoInTransaction,
    ): Promise<void> {
      const user = await repo.findUserById(userId);
      // The rows of its name and second factor go with it (the ones per name and address run out within the hour).
      await repo.deleteUser(
        userId,
        user === undefined ? [] : throttle.accountRows(usernameKey(user.username), userId),
        async (trx) => {
          for (const holder of holders) await holder.deleteData(trx, userId);
          await auditLine(trx);
        },
      );
      await forgetDeleted();
    },

    /** Deletes throttle rows past their window (every write does this too; a timer calls it as well). */
    sweepThrottle: () => throttle.sweep(),

    /**
     * The address for notices; empty removes it (parents only: admins and professionals must keep one). Returns
     * false for something that is not an address.
     */
    /** Sets (or, for a parent, removes) the notice address; notices will be in `language`, the page's. */
    async setNoticeEmail(session: CurrentSession, value: string, language: 'nl' | 'en' = 'nl'): Promise<boolean> {
      authorize(session.actor, 'account', 'use', { userId: session.userId });
      if (value === '') {
        if ((await repo.findUserById(session.userId))?.role !== 'parent') return false;
        await repo.setEmail(session.userId, null);
        return true;
      }
      await repo.setEmail(session.userId, value, language);
      return true;
    },

    noticeEmail: async (userId: string): Promise<string | undefined> => (await repo.findUserById(userId))?.email,
    /** Usernames by account id, for the CMS's history (never an address); unknown ids are left out. */
    usernames: (userIds: readonly string[]): Promise<Map<string, string>> => repo.usernamesOf([...new Set(userIds)]),
    /** Where and in which language an account's neutral notices go; undefined without an address. */
    noticeAddress: async (userId: string): Promise<{ email: string; language: 'nl' | 'en' } | undefined> => {
      const user = await repo.findUserById(userId);
      return user?.email === undefined ? undefined : { email: user.email, language: user.noticeLanguage };
    },

    /**
     * The account as a job acts for it, outside any request: its actor and a key ring over a master key the job
     * was given (the journal export, ADR 0025). Undefined when the account is gone. The ring has no session.
     */
    async actingWith(
      userId: string,
      masterKey: SymmetricKey,
    ): Promise<{ actor: Actor; userId: string; keys: KeyRing } | undefined> {
      const user = await repo.findUserById(userId);
      if (user === undefined) return undefined;
      const actor = userActor({
        userId: user.id,
        kind: user.role,
        hasSecondFactor: hasSecondFactor(user),
        professional: user.role === 'professional' ? await professionalFacts(user.id) : undefined,
      });
      const keys = createKeyRing({
        userId: user.id,
        stored: user.keys,
        openMasterKey: () => masterKey,
        loadRetiredSigningKeys: () => repo.retiredSigningKeys(user.id),
      });
      return { actor, userId: user.id, keys };
    },

    /**
     * Ends the session a cookie names (logout, quick exit): the row and its sealed key are gone. Returns its id
     * hash when there was one, so what other features hold for it can be forgotten too.
     */
    async endSessionByCookie(
      cookie: string | undefined,
      /** The logout's audit line, written as the session ends. */
      auditLine?: (userId: string) => AlsoInTransaction,
      /** Told when the session ended without its audit line (the line could not be written). */
      onAuditFailure?: (error: unknown) => void,
    ): Promise<string | undefined> {
      const token = parseSessionCookie(cookie);
      if (token === undefined) return undefined;
      const session = await repo.findSession(sessionIdHash(token.id));
      if (session === undefined) return undefined;
      try {
        await repo.deleteSession(session.idHash, session.userId, auditLine?.(session.userId));
      } catch (error) {
        if (auditLine === undefined) throw error;
        // Leaving matters more than its line in the audit log: someone on a shared device who asked to sign
        // out is signed out even when the line cannot be written (ADR 0016). The failure still reaches the log.
        await repo.deleteSession(session.idHash, session.userId);
        onAuditFailure?.(error);
      }
      return session.idHash;
    },

    /** "Stay logged in": restarts the idle time-out of one's own session now; returns the new deadline. */
    async extendSession(session: Pick<CurrentSession, 'actor' | 'userId' | 'idHash'>): Promise<string> {
      authorize(session.actor, 'accountSession', 'extend', { userId: session.userId });
      const now = clock();
      await repo.touchSession(session.idHash, now.toISOString());
      return new Date(now.getTime() + settings.idleMs).toISOString();
    },

    listSessions: (userId: string) => repo.listSessions(userId),

    /** Ends one of the user's own sessions; another user's session id ends nothing. */
    async endSession(
      session: Pick<CurrentSession, 'actor' | 'userId'>,
      idHash: string,
      auditLine?: AlsoInTransaction,
    ): Promise<boolean> {
      authorize(session.actor, 'accountSession', 'end', { userId: session.userId });
      return (await repo.deleteSession(idHash, session.userId, auditLine)) === 1;
    },

    /** Ends every session of the user but this one. */
    async endOtherSessions(
      session: Pick<CurrentSession, 'actor' | 'userId' | 'idHash'>,
      auditLine?: AlsoInTransaction,
    ): Promise<void> {
      authorize(session.actor, 'accountSession', 'end', { userId: session.userId });
      await repo.deleteOtherSessions(session.userId, session.idHash, auditLine);
    },
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
