import { randomBytes } from 'node:crypto';
import { reseal } from '../../shared/crypto/aead.js';
import {
  type Argon2Parameters,
  defaultArgon2Parameters,
  type PassphraseHasher,
  SALT_BYTES,
} from '../../shared/crypto/passphrase.js';
import { generateRecoveryCode, recoveryKek } from '../../shared/crypto/recovery-code.js';
import { signMessage } from '../../shared/crypto/signing.js';
import { authorize } from '../../policies.js';
import { fingerprint, rotateUserKeys, signingKey } from '../../shared/crypto/user-keys.js';
import { keyId, type KeyRotation } from '../../shared/evidence/format.js';
import { canonicalString } from '../../shared/evidence/jcs.js';
import { utf8 } from '../../shared/evidence/bytes.js';
import type { UserDataHolder } from '../../shared/user-data.js';
import { type AuditRecorder, type AuditTrail, requestIdOf } from '../audit/audit.service.js';
import { type FieldProblem, loadPassphraseRules, newPassphraseSchema } from './accounts.schema.js';
import { parseForm } from '../../shared/http/forms.js';
import { type AccountsService, type CurrentSession, totpPlace } from './accounts.service.js';
import type { KeyRotationRepository } from './key-rotation.repo.js';

/*
 * "Someone may know my passphrase": a new master key at the next epoch, new X25519 and
 * Ed25519 pairs, a new passphrase and a new recovery code. Data keys are re-wrapped, never contents re-encrypted;
 * the few values sealed directly under the master key (TOTP secret, passkey nicknames) are sealed again. The old
 * signing key signs the new one and is kept, so leaves it signed stay verifiable (docs/export-format.md §4.4).
 * Every other session ends; this browser continues in a new session under a new id. One transaction.
 */

export type RotationResult =
  | {
      ok: true;
      userId: string;
      cookie: string;
      recoveryCode: string;
      fingerprint: string;
      previousFingerprint: string;
      epoch: number;
      /** What each feature re-wrapped, by what it counts (entries, attachments, diary notes, passkeys). */
      rewrapped: Record<string, number>;
    }
  | { ok: false; problem: 'wrong' | 'throttled' | 'conflict' | FieldProblem };

export function createKeyRotationService(
  repo: KeyRotationRepository,
  accounts: AccountsService,
  hasher: PassphraseHasher,
  clock: () => Date = () => new Date(),
  argon2: Argon2Parameters = defaultArgon2Parameters,
  /** The features that hold the user's data (src/services.ts): each re-wraps its own keys. */
  holders: readonly UserDataHolder[] = [],
  /** The rotation's audit line is written in its transaction. */
  audit?: AuditRecorder,
) {
  return {
    async rotate(
      session: CurrentSession,
      form: Record<string, unknown>,
      clientAddress: string,
      deviceHint: string,
      trail: AuditTrail = {},
    ): Promise<RotationResult> {
      authorize(session.actor, 'account', 'use', { userId: session.userId });
      // Always the passphrase again (never the 5-minute window): this replaces every key of the account.
      const confirmed = await accounts.confirmPassphrase(session, form.huidig, clientAddress);
      if (confirmed !== 'ok') return { ok: false, problem: confirmed };
      await loadPassphraseRules();
      const parsed = parseForm(newPassphraseSchema(session.username), form);
      if (!parsed.ok) return { ok: false, problem: parsed.problems[0]! };

      // The slow parts (Argon2, key generation) before the transaction.
      const salt = randomBytes(SALT_BYTES);
      const { verifier, kek } = await hasher.derive(parsed.value.passphrase, salt, argon2);
      const code = generateRecoveryCode();
      const oldMaster = session.keys.masterKey();

      const outcome = await repo.withUserLocked(session.userId, async (unit) => {
        const { user } = unit;
        // Another rotation (another tab) came first: this session's master key is no longer the account's.
        if (user.keys.epoch !== session.keys.epoch) return 'conflict' as const;
        const from = { masterKey: oldMaster, epoch: user.keys.epoch };
        const oldSigning = signingKey(user.id, user.keys, oldMaster);
        const { stored, masterKey } = rotateUserKeys(user.id, user.keys, kek, recoveryKek(code.bytes, user.id));
        const to = { masterKey, epoch: stored.epoch };
        const now = clock();

        const statement: KeyRotation = {
          v: 1,
          old: keyId(user.keys.ed25519Public),
          new: keyId(stored.ed25519Public),
          time: now.getTime(),
        };
        const statementText = canonicalString(statement);
        await unit.accounts.insertRetiredSigningKey(user.id, {
          epoch: user.keys.epoch,
          publicKey: user.keys.ed25519Public,
          id: statement.old,
          retiredAt: now.toISOString(),
          rotation: {
            bytes: statementText,
            signature: signMessage(oldSigning, 'key-rotation', utf8(statementText)).toString('base64'),
          },
        });

        // Every feature that holds the user's data re-wraps its own keys, in this transaction (ADR 0017).
        const rewrapped: Record<string, number> = {};
        for (const holder of holders)
          Object.assign(rewrapped, await holder.rewrapKeys(unit.transaction, user.id, from, to));

        const resealTotp = (state: 'pending' | 'active', sealed: typeof user.totpSecret) =>
          sealed === undefined
            ? undefined
            : reseal(
                { key: oldMaster, context: totpPlace(user.id, state, from.epoch) },
                { key: masterKey, context: totpPlace(user.id, state, to.epoch) },
                sealed,
              );
        const replaced = await unit.accounts.replaceKeys(user.id, from.epoch, { argon2, salt, verifier }, stored, {
          secret: resealTotp('active', user.totpSecret),
          pending: resealTotp('pending', user.totpPending),
        });
        if (!replaced) throw new Error('the user row changed during a key rotation');

        // Every session ends (their sealed copies of the old master key with them); this browser gets a new one.
        await unit.accounts.deleteAllSessions(user.id);
        const next = accounts.prepareSession(user.id, masterKey, deviceHint);
        await unit.accounts.insertSession(next.session);
        // Ids only: which account, nothing about its keys.
        await audit?.record(unit.transaction, {
          actor: user.id,
          action: 'account.keys-rotated',
          objectType: 'account',
          objectId: user.id,
          requestId: requestIdOf(trail),
        });
        return {
          cookie: next.cookie,
          fingerprint: fingerprint(stored.ed25519Public),
          previousFingerprint: fingerprint(user.keys.ed25519Public),
          epoch: stored.epoch,
          rewrapped,
        };
      });
      if (outcome === undefined || outcome === 'conflict') return { ok: false, problem: 'conflict' };
      return { ok: true, userId: session.userId, recoveryCode: code.display, ...outcome };
    },
  };
}

export type KeyRotationService = ReturnType<typeof createKeyRotationService>;
