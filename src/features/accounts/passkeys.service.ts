import { createHash, randomUUID } from 'node:crypto';
// Types only: the library is loaded at the first passkey ceremony (webAuthn below), not at start-up.
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { z } from 'zod';
import { authorize } from '../../policies.js';
import { open, seal } from '../../shared/crypto/aead.js';
import { NotFound } from '../../shared/errors.js';
import type { AlsoInTransaction } from '../../shared/db/transaction.js';
import { type AuditRecorder, type AuditTrail, requestIdOf } from '../audit/audit.service.js';
import { deviceHint, type AccountsService, type CurrentSession, type SecondFactorResult } from './accounts.service.js';
import type { CeremonyPurpose, PasskeyRepository } from './passkeys.repo.js';

/** Where passkeys are bound: the origin people use and its host name (config PUBLIC_ORIGIN). */
export interface RelyingParty {
  id: string;
  origin: string;
}

/**
 * The name a device shows beside a passkey: neutral, the same as the TOTP issuer, so a passkey list on a shared
 * device does not name the subject of this site.
 */
const relyingPartyName = 'Logboek';

/** A challenge answers within five minutes, once. */
const CHALLENGE_MS = 5 * 60_000;
const NICKNAME_MAX = 50;

/** Transport hints browsers send today; anything else is dropped, not refused. */
const knownTransports: readonly string[] = ['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb'];

const base64url = z
  .string()
  .max(16_384)
  .regex(/^[A-Za-z0-9_-]+={0,2}$/);

// Only the fields we use are kept (zod drops the rest), each checked for type and size before the WebAuthn
// library sees it: a malformed answer is a 400, never an exception deep inside the verification.
const extensionResults = z.record(z.string(), z.unknown()).optional();
const registrationSchema = z.object({
  id: base64url,
  rawId: base64url,
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: base64url,
    attestationObject: base64url,
    transports: z.array(z.string().max(32)).max(10).optional(),
  }),
  clientExtensionResults: extensionResults,
});
const authenticationSchema = z.object({
  id: base64url,
  rawId: base64url,
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: base64url,
    authenticatorData: base64url,
    signature: base64url,
    userHandle: base64url.optional().nullable(),
  }),
  clientExtensionResults: extensionResults,
});
const clientDataSchema = z.object({ challenge: base64url, type: z.string() });

/**
 * @simplewebauthn/server and what it pulls in (CBOR, ASN.1, X.509 parsers): about 29 MB of resident memory that
 * an instance needs only once someone adds or uses a passkey (issue 17), so it is loaded then, once.
 */
const webAuthn = () => import('@simplewebauthn/server');

const hashOf = (challenge: string) => createHash('sha256').update(challenge).digest('hex');

/** Reads the JSON a browser sent, with the schema; undefined for anything else. */
function parseAnswer<Schema extends z.ZodType>(raw: unknown, schema: Schema): z.infer<Schema> | undefined {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 40_000) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The challenge the browser signed, from its client data; undefined when that is not readable. */
function challengeOf(clientDataJSON: string): string | undefined {
  try {
    const parsed = clientDataSchema.safeParse(JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data.challenge : undefined;
  } catch {
    return undefined;
  }
}

/** The nickname as typed, tidied; empty becomes the device hint (e.g. "Chrome · Android"); undefined if too long. */
function nicknameOf(raw: unknown, userAgent: string | undefined): { nickname: string } | undefined {
  const typed =
    typeof raw === 'string'
      ? raw
          .normalize('NFC')
          .replace(/\p{Cc}/gu, ' ')
          .trim()
      : '';
  if ([...typed].length > NICKNAME_MAX) return undefined;
  return { nickname: typed === '' ? deviceHint(userAgent) : typed };
}

export type RegisterPasskeyResult =
  { ok: true; passkeyId: string } | { ok: false; problem: 'malformed' | 'refused' | 'duplicate' | 'nickname' };

export type PasskeyLoginResult = SecondFactorResult | { ok: false; problem: 'malformed' | 'refused'; userId: string };

export interface PasskeySummary {
  id: string;
  userId: string;
  nickname: string;
  createdAt: string;
  lastUsedAt: string | undefined;
}

/** A passkey nickname's place: sealed under the master key of this key epoch, bound to the user and the passkey. */
export const nicknamePlace = (userId: string, passkeyId: string, epoch: number) => ({
  purpose: 'passkey-nickname' as const,
  ownerId: userId,
  recordId: passkeyId,
  epoch,
});

export function createPasskeyService(
  repo: PasskeyRepository,
  accounts: AccountsService,
  relyingParty: RelyingParty,
  clock: () => Date = () => new Date(),
  /** Passkeys added and removed are recorded in the transaction that adds or removes them. */
  audit?: AuditRecorder,
) {
  const auditLine = (session: CurrentSession, action: string, trail: AuditTrail) =>
    audit?.recording({
      actor: session.userId,
      action,
      objectType: 'account',
      objectId: session.userId,
      requestId: requestIdOf(trail),
    });
  async function storeChallenge(challenge: string, purpose: CeremonyPurpose, session: CurrentSession) {
    const now = clock();
    await repo.insertChallenge({
      challengeHash: hashOf(challenge),
      purpose,
      userId: session.userId,
      sessionIdHash: session.idHash,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + CHALLENGE_MS).toISOString(),
    });
  }

  /** Uses up the challenge the browser signed, if this session was given it for this ceremony in time. */
  async function takeChallenge(
    clientDataJSON: string,
    purpose: CeremonyPurpose,
    session: CurrentSession,
  ): Promise<string | undefined> {
    const challenge = challengeOf(clientDataJSON);
    if (challenge === undefined) return undefined;
    const taken = await repo.takeChallenge(
      hashOf(challenge),
      purpose,
      session.userId,
      session.idHash,
      clock().toISOString(),
    );
    return taken ? challenge : undefined;
  }

  return {
    /** Options for navigator.credentials.create(): a fresh challenge, and the user's passkeys to leave out. */
    async registrationOptions(session: CurrentSession): Promise<PublicKeyCredentialCreationOptionsJSON> {
      authorize(session.actor, 'passkey', 'add', { userId: session.userId });
      const existing = await repo.listForUser(session.userId);
      const { generateRegistrationOptions } = await webAuthn();
      const options = await generateRegistrationOptions({
        rpName: relyingPartyName,
        rpID: relyingParty.id,
        userName: session.username,
        userDisplayName: session.username,
        timeout: CHALLENGE_MS,
        attestationType: 'none',
        excludeCredentials: existing.map((passkey) => ({
          id: passkey.credentialId,
          transports: passkey.transports,
        })),
        // A second factor, not a way to log in without the passphrase: no need to take a place on a security key.
        authenticatorSelection: { residentKey: 'discouraged', userVerification: 'preferred' },
      });
      await storeChallenge(options.challenge, 'registration', session);
      return options;
    },

    /** Checks the browser's answer to a registration challenge and stores the new passkey. */
    async register(
      session: CurrentSession,
      form: Record<string, unknown>,
      userAgent: string | undefined,
      trail: AuditTrail = {},
    ): Promise<RegisterPasskeyResult> {
      authorize(session.actor, 'passkey', 'add', { userId: session.userId });
      const nickname = nicknameOf(form.bijnaam, userAgent)?.nickname;
      if (nickname === undefined) return { ok: false, problem: 'nickname' };
      const answer = parseAnswer(form.antwoord, registrationSchema);
      if (answer === undefined) return { ok: false, problem: 'malformed' };
      const challenge = await takeChallenge(answer.response.clientDataJSON, 'registration', session);
      if (challenge === undefined) return { ok: false, problem: 'refused' };
      const transports = (answer.response.transports ?? []).filter((transport) => knownTransports.includes(transport));
      const response: RegistrationResponseJSON = {
        id: answer.id,
        rawId: answer.rawId,
        type: answer.type,
        response: {
          clientDataJSON: answer.response.clientDataJSON,
          attestationObject: answer.response.attestationObject,
          transports,
        },
        clientExtensionResults: answer.clientExtensionResults ?? {},
      };
      const { verifyRegistrationResponse } = await webAuthn();
      let verification: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
      try {
        verification = await verifyRegistrationResponse({
          response,
          expectedChallenge: challenge,
          expectedOrigin: relyingParty.origin,
          expectedRPID: relyingParty.id,
          requireUserVerification: false,
        });
      } catch {
        // The library throws for every kind of mismatch (origin, rp id, challenge, format): all one answer.
        return { ok: false, problem: 'refused' };
      }
      if (!verification.verified) return { ok: false, problem: 'refused' };
      const { credential } = verification.registrationInfo;
      const passkeyId = randomUUID();
      const inserted = await repo.insert(
        {
          id: passkeyId,
          userId: session.userId,
          credentialId: credential.id,
          publicKey: Buffer.from(credential.publicKey).toString('base64url'),
          counter: credential.counter,
          transports,
          nickname: seal(
            session.keys.masterKey(),
            Buffer.from(nickname),
            nicknamePlace(session.userId, passkeyId, session.keys.epoch),
          ),
          createdAt: clock().toISOString(),
        },
        auditLine(session, 'passkey.added', trail),
      );
      return inserted ? { ok: true, passkeyId } : { ok: false, problem: 'duplicate' };
    },

    /** The user's passkeys with their nicknames opened (needs the master key of a full session). */
    async list(session: CurrentSession): Promise<PasskeySummary[]> {
      const masterKey = session.keys.masterKey();
      return (await repo.listForUser(session.userId)).map((passkey) => ({
        id: passkey.id,
        userId: passkey.userId,
        nickname: open(
          masterKey,
          passkey.nickname,
          nicknamePlace(passkey.userId, passkey.id, session.keys.epoch),
        ).toString('utf8'),
        createdAt: passkey.createdAt,
        lastUsedAt: passkey.lastUsedAt,
      }));
    },

    /**
     * Removes one of the user's passkeys after the passphrase is given again. Someone else's passkey is as unknown
     * as one that does not exist (NotFound), decided before the passphrase is checked.
     */
    async remove(
      session: CurrentSession,
      id: unknown,
      passphrase: unknown,
      clientAddress: string,
      trail: AuditTrail = {},
    ): Promise<'ok' | 'wrong' | 'throttled' | 'gone'> {
      const passkey = typeof id === 'string' && z.uuid().safeParse(id).success ? await repo.findById(id) : undefined;
      if (passkey === undefined) throw new NotFound('no such passkey');
      authorize(session.actor, 'passkey', 'remove', { userId: passkey.userId });
      const confirmed = await accounts.confirmPassphrase(session, passphrase, clientAddress);
      if (confirmed !== 'ok') return confirmed;
      return (await repo.delete(passkey.id, session.userId, auditLine(session, 'passkey.removed', trail)))
        ? 'ok'
        : 'gone';
    },

    /**
     * Options for navigator.credentials.get() in a login's second step: a fresh challenge bound to the pending
     * session, and only this user's passkeys. Undefined without a pending session or without passkeys.
     */
    async authenticationOptions(
      cookie: string | undefined,
    ): Promise<PublicKeyCredentialRequestOptionsJSON | undefined> {
      const session = await accounts.pendingSession(cookie);
      if (session === undefined) return undefined;
      const passkeys = await repo.listForUser(session.userId);
      if (passkeys.length === 0) return undefined;
      const { generateAuthenticationOptions } = await webAuthn();
      const options = await generateAuthenticationOptions({
        rpID: relyingParty.id,
        allowCredentials: passkeys.map((passkey) => ({ id: passkey.credentialId, transports: passkey.transports })),
        userVerification: 'preferred',
        timeout: CHALLENGE_MS,
      });
      await storeChallenge(options.challenge, 'authentication', session);
      return options;
    },

    /**
     * The second step with a passkey. Refused alike, and counted towards the same throttle as wrong codes: an
     * unreadable answer, a challenge that is unknown, used, expired or another session's, a credential that is
     * not this user's, a bad signature, and a counter that did not go up. A refusal changes no session or
     * passkey.
     */
    async authenticate(
      cookie: string | undefined,
      raw: unknown,
      clientAddress: string,
      /** The completed login's audit line, written with the session that replaces the pending one. */
      auditLine?: (userId: string) => AlsoInTransaction,
    ): Promise<PasskeyLoginResult> {
      const session = await accounts.pendingSession(cookie);
      if (session === undefined) return { ok: false };
      const retryAt = await accounts.secondFactorBlockedUntil(session.userId, clientAddress);
      if (retryAt !== undefined) return { ok: false, retryAt };
      const refuse = async (problem: 'malformed' | 'refused'): Promise<PasskeyLoginResult> => {
        await accounts.recordSecondFactorFailure(session.userId, clientAddress);
        return { ok: false, problem, userId: session.userId };
      };

      const answer = parseAnswer(raw, authenticationSchema);
      if (answer === undefined) return refuse('malformed');
      const challenge = await takeChallenge(answer.response.clientDataJSON, 'authentication', session);
      if (challenge === undefined) return refuse('refused');
      const passkey = await repo.findByCredentialId(session.userId, answer.id);
      if (passkey === undefined) return refuse('refused');
      const response: AuthenticationResponseJSON = {
        id: answer.id,
        rawId: answer.rawId,
        type: answer.type,
        response: {
          clientDataJSON: answer.response.clientDataJSON,
          authenticatorData: answer.response.authenticatorData,
          signature: answer.response.signature,
          ...(typeof answer.response.userHandle === 'string' ? { userHandle: answer.response.userHandle } : {}),
        },
        clientExtensionResults: answer.clientExtensionResults ?? {},
      };
      const { verifyAuthenticationResponse } = await webAuthn();
      let newCounter: number;
      try {
        const verification = await verifyAuthenticationResponse({
          response,
          expectedChallenge: challenge,
          expectedOrigin: relyingParty.origin,
          expectedRPID: relyingParty.id,
          credential: {
            id: passkey.credentialId,
            publicKey: Buffer.from(passkey.publicKey, 'base64url'),
            counter: passkey.counter,
            transports: passkey.transports,
          },
          requireUserVerification: false,
        });
        if (!verification.verified) return refuse('refused');
        newCounter = verification.authenticationInfo.newCounter;
      } catch {
        // Bad signature, wrong origin or rp id, a counter that did not increase: the library throws for each.
        return refuse('refused');
      }
      // The counter moves in the same statement that checks it: a parallel replay cannot pass in between.
      if (!(await repo.recordUse(passkey.id, session.userId, passkey.counter, newCounter, clock().toISOString()))) {
        return refuse('refused');
      }
      return accounts.finishSecondFactor(session, auditLine?.(session.userId));
    },
  };
}

export type PasskeyService = ReturnType<typeof createPasskeyService>;
