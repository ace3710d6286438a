import { randomBytes, randomUUID } from 'node:crypto';
import { DecryptionFailed, type SymmetricKey } from '../../shared/crypto/aead.js';
import {
  type Argon2Parameters,
  checkedParameters,
  defaultArgon2Parameters,
  type PassphraseHasher,
  SALT_BYTES,
} from '../../shared/crypto/passphrase.js';
import { generateRecoveryCode, parseRecoveryCode, recoveryKek } from '../../shared/crypto/recovery-code.js';
import {
  formatSessionCookie,
  newSessionToken,
  openMasterKeyFromSession,
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
import type { Actor } from '../../shared/policy/actor.js';
import type { AccountsRepository, StoredSession } from './accounts.repo.js';
import {
  checkNewPassphrase,
  checkUsername,
  type FieldProblem,
  PASSPHRASE_MAX_BYTES,
  usernameKey,
} from './accounts.schema.js';

export interface SessionSettings {
  idleMs: number;
  absoluteMs: number;
}

export interface CurrentSession {
  idHash: string;
  userId: string;
  username: string;
  actor: Actor;
  expiresAt: string;
  /** When the idle time-out ends this session unless the user does something. */
  idleUntil: string;
  /** Opens the master key for this request only (journal and keys need it; most pages do not). */
  masterKey: () => SymmetricKey;
}

export type RegisterResult =
  | { ok: true; cookie: string; recoveryCode: string; fingerprint: string; username: string; userId: string }
  | { ok: false; problems: FieldProblem[] };

/** userId is set when the name belongs to an account: for the audit log, never shown to the visitor. */
export type LoginResult = { ok: true; cookie: string; userId: string } | { ok: false; retryAt?: Date; userId?: string };

/**
 * Growing delays, never a permanent lock an attacker could trigger: the first 4 failures cost nothing, then
 * 2, 4, 8 … seconds, at most 15 minutes. Counted per account name (known or not) and per client address.
 */
export function throttleDelayMs(failures: number): number {
  if (failures <= 4) return 0;
  return Math.min(2 ** (failures - 4) * 1000, 15 * 60_000);
}

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
) {
  // For unknown usernames the same Argon2 work is done, so the answer takes as long as for a wrong passphrase.
  const decoySalt = randomBytes(SALT_BYTES);

  async function startSession(userId: string, masterKey: SymmetricKey, hint: string): Promise<string> {
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
    };
    await repo.insertSession(session);
    return formatSessionCookie(token);
  }

  return {
    /** A parent account: username and passphrase; shows the recovery code once. Signs the new user in. */
    async register(form: Record<string, unknown>, userAgent: string | undefined): Promise<RegisterResult> {
      const checkedName = checkUsername(form.gebruikersnaam);
      const problems: FieldProblem[] = [];
      if ('problem' in checkedName) problems.push(checkedName.problem);
      const username = 'username' in checkedName ? checkedName.username : '';
      const passphraseProblem = checkNewPassphrase(form.wachtwoord, form.herhaling, username);
      if (passphraseProblem !== undefined) problems.push(passphraseProblem);
      if (problems.length > 0) return { ok: false, problems };
      if ((await repo.findUserByUsernameKey(usernameKey(username))) !== undefined) {
        return { ok: false, problems: [{ field: 'gebruikersnaam', messageKey: 'account.username.taken' }] };
      }

      const userId = randomUUID();
      const salt = randomBytes(SALT_BYTES);
      const { verifier, kek } = await hasher.derive(form.wachtwoord as string, salt, argon2);
      const code = generateRecoveryCode();
      const { stored, masterKey } = createUserKeys(userId, kek, recoveryKek(code.bytes, userId));
      const inserted = await repo.insertUser(
        {
          id: userId,
          username,
          usernameKey: usernameKey(username),
          role: 'parent',
          argon2,
          salt,
          verifier,
          keys: stored,
        },
        clock(),
      );
      // Two sign-ups with one name at the same moment: the unique key decides, the other is told it is taken.
      if (!inserted)
        return { ok: false, problems: [{ field: 'gebruikersnaam', messageKey: 'account.username.taken' }] };
      const cookie = await startSession(userId, masterKey, deviceHint(userAgent));
      return {
        ok: true,
        cookie,
        recoveryCode: code.display,
        fingerprint: fingerprint(stored.ed25519Public),
        username,
        userId,
      };
    },

    /** The same answer, in about the same time, for an unknown user and a wrong passphrase. */
    async login(
      form: Record<string, unknown>,
      userAgent: string | undefined,
      clientAddress: string,
    ): Promise<LoginResult> {
      const name = typeof form.gebruikersnaam === 'string' ? form.gebruikersnaam.normalize('NFKC').trim() : '';
      const passphrase = typeof form.wachtwoord === 'string' ? form.wachtwoord : '';
      if (
        name === '' ||
        passphrase === '' ||
        name.length > 100 ||
        Buffer.byteLength(passphrase) > PASSPHRASE_MAX_BYTES
      ) {
        return { ok: false };
      }
      const accountKey = `account:${usernameKey(name)}`;
      const addressKey = `address:${clientAddress}`;
      const now = clock();
      const blocks = await repo.findThrottle([accountKey, addressKey]);
      const blockedUntil = Math.max(0, ...blocks.map((block) => Date.parse(block.blockedUntil)));
      if (blockedUntil > now.getTime()) return { ok: false, retryAt: new Date(blockedUntil) };

      const user = await repo.findUserByUsernameKey(usernameKey(name));
      const { verifier, kek } =
        user === undefined
          ? await hasher.derive(passphrase, decoySalt, argon2)
          : await hasher.derive(passphrase, user.salt, checkedParameters(user.argon2));
      if (user === undefined || !sameBytes(verifier, user.verifier)) {
        await repo.recordFailure(accountKey, throttleDelayMs, now);
        await repo.recordFailure(addressKey, throttleDelayMs, now);
        return user === undefined ? { ok: false } : { ok: false, userId: user.id };
      }
      await repo.clearThrottle(accountKey);
      const masterKey = unlockWithPassphrase(user.id, user.keys, kek);
      return { ok: true, cookie: await startSession(user.id, masterKey, deviceHint(userAgent)), userId: user.id };
    },

    /**
     * Back in with the recovery code and a new passphrase. The code works once: a new code is made (shown once)
     * and the old recovery wrap is replaced; every session of the account ends. Wrong name or code get one
     * answer, and count towards the same throttle as logins.
     */
    async recover(
      form: Record<string, unknown>,
      userAgent: string | undefined,
      clientAddress: string,
    ): Promise<
      | { ok: true; cookie: string; recoveryCode: string; fingerprint: string; userId: string }
      | { ok: false; problems: FieldProblem[]; retryAt?: Date; userId?: string }
    > {
      const name = typeof form.gebruikersnaam === 'string' ? form.gebruikersnaam.normalize('NFKC').trim() : '';
      const parsed = parseRecoveryCode(typeof form.herstelcode === 'string' ? form.herstelcode : '');
      const problems: FieldProblem[] = [];
      if (name === '' || name.length > 100)
        problems.push({ field: 'gebruikersnaam', messageKey: 'account.username.missing' });
      if ('problem' in parsed)
        problems.push({ field: 'herstelcode', messageKey: `account.recover.code.${parsed.problem}` });
      const passphraseProblem = checkNewPassphrase(form.wachtwoord, form.herhaling, name);
      if (passphraseProblem !== undefined) problems.push(passphraseProblem);
      if (problems.length > 0 || 'problem' in parsed) return { ok: false, problems };

      const accountKey = `account:${usernameKey(name)}`;
      const addressKey = `address:${clientAddress}`;
      const now = clock();
      const blockedUntil = Math.max(
        0,
        ...(await repo.findThrottle([accountKey, addressKey])).map((row) => Date.parse(row.blockedUntil)),
      );
      if (blockedUntil > now.getTime()) return { ok: false, problems: [], retryAt: new Date(blockedUntil) };

      const user = await repo.findUserByUsernameKey(usernameKey(name));
      let masterKey: SymmetricKey | undefined;
      if (user !== undefined) {
        try {
          masterKey = unlockWithRecovery(user.id, user.keys, recoveryKek(parsed.bytes, user.id));
        } catch (error) {
          if (!(error instanceof DecryptionFailed)) throw error;
        }
      }
      if (user === undefined || masterKey === undefined) {
        await repo.recordFailure(accountKey, throttleDelayMs, now);
        await repo.recordFailure(addressKey, throttleDelayMs, now);
        const failure = { field: 'herstelcode' as const, messageKey: 'account.recover.failed' as const };
        return user === undefined
          ? { ok: false, problems: [failure] }
          : { ok: false, problems: [failure], userId: user.id };
      }
      await repo.clearThrottle(accountKey);
      const salt = randomBytes(SALT_BYTES);
      const { verifier, kek } = await hasher.derive(form.wachtwoord as string, salt, argon2);
      const code = generateRecoveryCode();
      const rewrapped = rewrapForPassphrase(user.id, user.keys, masterKey, kek);
      const withNewCode = rewrapForRecovery(user.id, rewrapped, masterKey, recoveryKek(code.bytes, user.id));
      await repo.replaceCredentials(user.id, {
        argon2,
        salt,
        verifier,
        masterByPassphrase: withNewCode.masterByPassphrase,
        masterByRecovery: withNewCode.masterByRecovery,
      });
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
      // Activity extends the idle time-out; written at most once a minute.
      let lastSeen = session.lastSeenAt;
      if (now.getTime() - Date.parse(session.lastSeenAt) > 60_000) {
        lastSeen = now.toISOString();
        await repo.touchSession(idHash, lastSeen);
      }
      return {
        idHash,
        userId: user.id,
        username: user.username,
        actor: { kind: 'user', userId: user.id, roles: [user.role] },
        expiresAt: session.expiresAt,
        idleUntil: new Date(Date.parse(lastSeen) + settings.idleMs).toISOString(),
        masterKey: () =>
          openMasterKeyFromSession(session.masterKey, token.secret, idHash, session.userId, session.expiresAt),
      };
    },

    /** Ends the session a cookie names (logout, quick exit): the row and its sealed key are gone. */
    async endSessionByCookie(cookie: string | undefined): Promise<void> {
      const token = parseSessionCookie(cookie);
      if (token === undefined) return;
      const session = await repo.findSession(sessionIdHash(token.id));
      if (session !== undefined) await repo.deleteSession(session.idHash, session.userId);
    },

    /** "Stay logged in": restarts the idle time-out now; returns the new deadline. */
    async extendSession(idHash: string): Promise<string> {
      const now = clock();
      await repo.touchSession(idHash, now.toISOString());
      return new Date(now.getTime() + settings.idleMs).toISOString();
    },

    listSessions: (userId: string) => repo.listSessions(userId),

    /** Ends one of the user's own sessions; another user's session id ends nothing. */
    endSession: async (userId: string, idHash: string): Promise<boolean> =>
      (await repo.deleteSession(idHash, userId)) === 1,

    endOtherSessions: (userId: string, keepIdHash: string) => repo.deleteOtherSessions(userId, keepIdHash),
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
