import { authorize, can } from '../../policies.js';
import type { CurrentSession } from '../../shared/auth/session.js';
import type { SymmetricKey } from '../../shared/crypto/aead.js';
import type { KeyedHash } from '../../shared/crypto/keyed-hash.js';
import { generateRecoveryCode, recoveryKek } from '../../shared/crypto/recovery-code.js';
import { rewrapForRecovery, sharingKey } from '../../shared/crypto/user-keys.js';
import { NotFound } from '../../shared/errors.js';
import { parseForm } from '../../shared/http/forms.js';
import type { FieldError } from '../../shared/errors.js';
import type { AuditService, AuditTrail } from '../audit/audit.service.js';
import type { TrustedRequestState } from './trusted-person.policy.js';
import {
  recipientKeyIdOf,
  TrustedWrapRefused,
  unwrapAsTrustedPerson,
  wrapForTrustedPerson,
} from './trusted-person.keys.js';
import type { TrustedArrangement, TrustedPersonRepository } from './trusted-person.repo.js';
import {
  nameTrustedPersonSchema,
  ownerSchema,
  passphraseSchema,
  trustedPersonSecrets,
} from './trusted-person.schema.js';

/*
 * A trusted person as a way back in (issue 19 point 3, ADR 0049). A parent (the owner) names another parent, who
 * gave them a one-time code in person; the owner's master key is wrapped for that account (trusted-person.keys.ts).
 * The trusted person may ask for access; the owner is told (a neutral e-mail, and their account page) and may refuse
 * during the waiting period. Once it has passed without refusal, the trusted person's session may open the wrap and
 * make a new recovery code for the owner, which they hand over in person; the owner sets a new passphrase with it at
 * /herstellen. Every step is in the audit log, on the owner's account.
 */

const DAY_MS = 86_400_000;
const OFFER_VALID_MS = DAY_MS;

export interface TrustedPersonSettings {
  /** The server's release key (trusted-person.keys.ts releaseKeyFrom), from the pepper. */
  releaseKey: SymmetricKey;
  /** Keyed hashes under the pepper: an offer's code is stored as one. */
  keyedHash: KeyedHash;
  clock?: () => Date;
}

/** Re-authentication, as the accounts service does it (5-minute window allowed). */
export type ConfirmPassphrase = (
  session: CurrentSession,
  passphrase: unknown,
  clientAddress: string,
  options: { allowRecent?: boolean },
) => Promise<'ok' | 'wrong' | 'throttled'>;

/** An arrangement with where its request stands now. */
export interface TrustedView extends TrustedArrangement {
  state: TrustedRequestState;
}

export type NameResult = { ok: true } | { ok: false; problems: FieldError[]; status: 400 | 429 };

export type RecoveryCodeResult =
  { ok: true; code: string; ownerUsername: string } | { ok: false; problem: 'wrong' | 'throttled' | 'refused' };

/** Where a request stands at `now`. */
export function requestState(
  arrangement: Pick<TrustedArrangement, 'requestedAt' | 'grantAfter' | 'refusedAt'>,
  now: Date,
): TrustedRequestState {
  if (arrangement.requestedAt === null) return 'none';
  if (arrangement.refusedAt !== null) return 'refused';
  return arrangement.grantAfter !== null && Date.parse(arrangement.grantAfter) <= now.getTime() ? 'granted' : 'waiting';
}

export function createTrustedPersonService(
  repo: TrustedPersonRepository,
  audit: Pick<AuditService, 'recording' | 'recordAlone'>,
  confirmPassphrase: ConfirmPassphrase,
  settings: TrustedPersonSettings,
) {
  const clock = settings.clock ?? (() => new Date());
  const offerHash = (userId: string, code: Buffer) =>
    settings.keyedHash('trusted-person-offer', `${userId}:${code.toString('hex')}`);
  /** Every line is about the owner's account, so the owner reads it among their security events. */
  const line = (actor: string, action: string, ownerId: string, trail: AuditTrail) =>
    audit.recording({ actor, action, objectType: 'account', objectId: ownerId, requestId: trail.requestId ?? 'none' });
  const view = (arrangement: TrustedArrangement): TrustedView => ({
    ...arrangement,
    state: requestState(arrangement, clock()),
  });
  const factsOf = (arrangement: TrustedArrangement) => ({
    ownerId: arrangement.ownerId,
    trustedId: arrangement.trustedId,
    state: requestState(arrangement, clock()),
  });
  /** The owner's own arrangement, authorized for `action` (NotFound when there is none). */
  const ownArrangement = async (session: CurrentSession, action: 'remove' | 'renew' | 'refuse') => {
    const mine = await repo.forOwner(session.userId);
    if (mine === undefined) throw new NotFound('no trusted person');
    authorize(session.actor, 'trustedPerson', action, factsOf(mine));
    return mine;
  };
  /** The arrangement of the owner named in the form (`eigenaar`) with this session as trusted person. */
  const arrangementAsTrusted = async (session: CurrentSession, form: unknown) => {
    const parsed = parseForm(ownerSchema, form);
    if (!parsed.ok) throw new NotFound('no such arrangement');
    const arrangement = await repo.between(parsed.value.eigenaar, session.userId);
    if (arrangement === undefined) throw new NotFound('no such arrangement');
    return arrangement;
  };

  return {
    clock,

    /** The page: one's own trusted person, the people who trust one, and one's open offer. */
    async overview(session: CurrentSession) {
      authorize(session.actor, 'trustedPersonPage', 'view', { userId: session.userId });
      const mine = await repo.forOwner(session.userId);
      const offer = await repo.findOffer(session.userId);
      return {
        mine: mine === undefined ? undefined : view(mine),
        trustedBy: (await repo.forTrusted(session.userId)).map(view),
        offerExpiresAt:
          offer !== undefined && Date.parse(offer.expiresAt) > clock().getTime() ? offer.expiresAt : undefined,
      };
    },

    /** A one-time code (128 bits, 24 hours) for a parent who wants to name this account; shown once. */
    async makeOffer(session: CurrentSession, trail: AuditTrail = {}): Promise<{ code: string; expiresAt: string }> {
      authorize(session.actor, 'trustedPersonPage', 'offer', { userId: session.userId });
      const code = generateRecoveryCode();
      const expiresAt = new Date(clock().getTime() + OFFER_VALID_MS).toISOString();
      await repo.putOffer(
        session.userId,
        offerHash(session.userId, code.bytes),
        expiresAt,
        line(session.userId, 'trusted-person.offer-made', session.userId, trail),
      );
      return { code: code.display, expiresAt };
    },

    /**
     * Names the owner's trusted person: the passphrase again, then their username and code. A name that is no
     * parent's, a wrong or used code and one's own name get one and the same answer, so the form tells nobody
     * whether an account exists.
     */
    async name(
      session: CurrentSession,
      form: unknown,
      clientAddress: string,
      trail: AuditTrail = {},
    ): Promise<NameResult> {
      authorize(session.actor, 'trustedPerson', 'name', { ownerId: session.userId });
      const parsed = parseForm(nameTrustedPersonSchema, form, { secrets: trustedPersonSecrets });
      if (!parsed.ok) return { ok: false, problems: parsed.problems, status: 400 };
      const confirmed = await confirmPassphrase(session, parsed.value.wachtwoord, clientAddress, { allowRecent: true });
      if (confirmed !== 'ok') {
        const messageKey = confirmed === 'throttled' ? 'account.passphrase.throttled' : 'account.data.wrong';
        return {
          ok: false,
          problems: [{ field: 'wachtwoord', messageKey }],
          status: confirmed === 'throttled' ? 429 : 400,
        };
      }
      const mismatch: NameResult = {
        ok: false,
        problems: [{ field: 'code', messageKey: 'trustedPerson.name.mismatch' }],
        status: 400,
      };
      const candidate = await repo.findByUsernameKey(parsed.value.gebruikersnaam);
      if (candidate === undefined || candidate.role !== 'parent') return mismatch;
      const facts = { ownerId: session.userId, trustedId: candidate.id };
      if (!can(session.actor, 'trustedPerson', 'name', facts)) return mismatch;
      const offer = await repo.findOffer(candidate.id);
      const codeHash = offerHash(candidate.id, parsed.value.code);
      const now = clock().toISOString();
      if (offer === undefined || offer.codeHash !== codeHash || offer.expiresAt <= now) return mismatch;
      const { wrap, recipientKeyId } = wrapForTrustedPerson({
        ownerId: session.userId,
        trustedId: candidate.id,
        epoch: session.keys.epoch,
        masterKey: session.keys.masterKey(),
        recipientPublic: candidate.x25519Public,
        releaseKey: settings.releaseKey,
      });
      const named = await repo.name(
        {
          ownerId: session.userId,
          trustedId: candidate.id,
          waitingDays: parsed.value.wachtdagen,
          ownerEpoch: session.keys.epoch,
          recipientKeyId,
          wrap,
          namedAt: now,
        },
        codeHash,
        line(session.userId, 'trusted-person.named', session.userId, trail),
      );
      return named ? { ok: true } : mismatch;
    },

    /** Removes the owner's trusted person; the wrap goes with the row. */
    async remove(session: CurrentSession, trail: AuditTrail = {}): Promise<void> {
      const mine = await ownArrangement(session, 'remove');
      if (
        !(await repo.remove(
          session.userId,
          mine.trustedId,
          line(session.userId, 'trusted-person.removed', session.userId, trail),
        ))
      ) {
        throw new NotFound('no trusted person');
      }
    },

    /** Wraps again for the trusted person's current key (their keys changed since). */
    async renew(session: CurrentSession, trail: AuditTrail = {}): Promise<void> {
      const mine = await ownArrangement(session, 'renew');
      const recipientPublic = await repo.publicSharingKey(mine.trustedId);
      if (recipientPublic === undefined) throw new NotFound('no trusted person');
      const { wrap, recipientKeyId } = wrapForTrustedPerson({
        ownerId: session.userId,
        trustedId: mine.trustedId,
        epoch: session.keys.epoch,
        masterKey: session.keys.masterKey(),
        recipientPublic,
        releaseKey: settings.releaseKey,
      });
      await repo.renew(
        session.userId,
        mine.trustedId,
        { wrap, recipientKeyId, epoch: session.keys.epoch },
        line(session.userId, 'trusted-person.renewed', session.userId, trail),
      );
    },

    /** The owner refuses the open request. */
    async refuse(session: CurrentSession, trail: AuditTrail = {}): Promise<void> {
      await ownArrangement(session, 'refuse');
      if (
        !(await repo.refuse(
          session.userId,
          clock().toISOString(),
          line(session.userId, 'trusted-person.refused', session.userId, trail),
        ))
      ) {
        throw new NotFound('no open request');
      }
    },

    /** The trusted person asks for access to `owner`'s account: the waiting period starts; the owner is told. */
    async request(session: CurrentSession, form: unknown, trail: AuditTrail = {}): Promise<void> {
      const arrangement = await arrangementAsTrusted(session, form);
      authorize(session.actor, 'trustedPerson', 'request', factsOf(arrangement));
      const now = clock();
      const requested = await repo.request(
        arrangement.ownerId,
        session.userId,
        now.toISOString(),
        new Date(now.getTime() + arrangement.waitingDays * DAY_MS).toISOString(),
        line(session.userId, 'trusted-person.access-requested', arrangement.ownerId, trail),
      );
      if (!requested) throw new NotFound('no such arrangement');
    },

    /**
     * After the grant: the passphrase again, then the wrap is released to this session, opened with the trusted
     * person's own key, checked against the owner's sealed keys, and a new recovery code for the owner is made
     * (shown once, to be handed over in person). Before the grant nothing is read and the attempt is logged.
     */
    async makeRecoveryCode(
      session: CurrentSession,
      form: unknown,
      clientAddress: string,
      trail: AuditTrail = {},
    ): Promise<RecoveryCodeResult> {
      const arrangement = await arrangementAsTrusted(session, form);
      if (!can(session.actor, 'trustedPerson', 'useGrant', factsOf(arrangement))) {
        await audit.recordAlone({
          actor: session.userId,
          action: 'trusted-person.release-refused',
          objectType: 'account',
          objectId: arrangement.ownerId,
          requestId: trail.requestId ?? 'none',
        });
        throw new NotFound('not granted');
      }
      const again = parseForm(passphraseSchema, form);
      const confirmed = await confirmPassphrase(session, again.ok ? again.value.wachtwoord : undefined, clientAddress, {
        allowRecent: true,
      });
      if (confirmed !== 'ok') return { ok: false, problem: confirmed };
      const now = clock().toISOString();
      const released = await repo.releaseGrantedWrap(arrangement.ownerId, session.userId, now);
      const ownerKeys = await repo.ownerKeys(arrangement.ownerId);
      const sharing = session.keys.sharingKey();
      if (
        released === undefined ||
        ownerKeys === undefined ||
        released.ownerEpoch !== ownerKeys.epoch ||
        released.recipientKeyId !== recipientKeyIdOf(sharing.publicKey)
      ) {
        return { ok: false, problem: 'refused' };
      }
      let masterKey: SymmetricKey;
      try {
        masterKey = unwrapAsTrustedPerson({
          wrap: released.wrap,
          place: {
            ownerId: arrangement.ownerId,
            trustedId: session.userId,
            epoch: released.ownerEpoch,
            recipientKeyId: released.recipientKeyId,
          },
          releaseKey: settings.releaseKey,
          recipientPrivate: sharing.privateKey,
        });
        // The key must be the owner's: it opens their sealed private key (a stranger's key would lock them out).
        sharingKey(arrangement.ownerId, ownerKeys, masterKey);
      } catch (error) {
        if (error instanceof TrustedWrapRefused || (error instanceof Error && error.name === 'DecryptionFailed')) {
          return { ok: false, problem: 'refused' };
        }
        throw error;
      }
      const code = generateRecoveryCode();
      const rewrapped = rewrapForRecovery(
        arrangement.ownerId,
        ownerKeys,
        masterKey,
        recoveryKek(code.bytes, arrangement.ownerId),
      );
      const used = await repo.useGrant(
        arrangement.ownerId,
        session.userId,
        ownerKeys.epoch,
        rewrapped.masterByRecovery,
        now,
        line(session.userId, 'trusted-person.recovery-code-made', arrangement.ownerId, trail),
      );
      if (!used) return { ok: false, problem: 'refused' };
      return { ok: true, code: code.display, ownerUsername: arrangement.ownerUsername };
    },
  };
}

export type TrustedPersonService = ReturnType<typeof createTrustedPersonService>;
