import { reseal } from '../../shared/crypto/aead.js';
import type { UserDataHolder } from '../../shared/user-data.js';
import { can } from '../../policies.js';
import { createPasskeyRepository } from './passkeys.repo.js';
import { nicknamePlace, type PasskeyService } from './passkeys.service.js';

/**
 * Passkeys as user data (ADR 0017): their nicknames are sealed under the master key, so a key rotation seals
 * them again; "download my data" lists them by name; they go with the account.
 */
export function passkeyUserData(passkeys: PasskeyService): UserDataHolder {
  return {
    feature: 'passkeys',

    async rewrapKeys(trx, userId, from, to) {
      const repo = createPasskeyRepository(trx);
      const stored = await repo.listForUser(userId);
      for (const passkey of stored) {
        await repo.setNickname(
          passkey.id,
          userId,
          reseal(
            { key: from.masterKey, context: nicknamePlace(userId, passkey.id, from.epoch) },
            { key: to.masterKey, context: nicknamePlace(userId, passkey.id, to.epoch) },
            passkey.nickname,
          ),
        );
      }
      return { passkeys: stored.length };
    },

    async exportData(session, actor) {
      return {
        passkeys: (await passkeys.list(session))
          .filter((passkey) => can(actor, 'passkey', 'view', passkey))
          .map((passkey) => ({ name: passkey.nickname, addedAt: passkey.createdAt, lastUsedAt: passkey.lastUsedAt })),
      };
    },

    deleteData: (trx, userId) => createPasskeyRepository(trx).deleteForUser(userId),

    // Nothing is kept per session.
    forgetSession: () => undefined,
  };
}
