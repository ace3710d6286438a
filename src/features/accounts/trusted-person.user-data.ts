import { can } from '../../policies.js';
import type { SymmetricKey } from '../../shared/crypto/aead.js';
import type { UserDataHolder } from '../../shared/user-data.js';
import { recipientKeyIdOf, wrapForTrustedPerson } from './trusted-person.keys.js';
import { createTrustedPersonRepository } from './trusted-person.repo.js';
import type { TrustedPersonService } from './trusted-person.service.js';

/**
 * Trusted persons as user data (ADR 0017, ADR 0049). Key rotation of an owner wraps the new master key again for the
 * same trusted key (the public key suffices); if the trusted person's key changed meanwhile the wrap is dropped. Key
 * rotation of a trusted person drops every wrap sealed to their old key: the owners confirm them again (renew),
 * since only an owner's session holds the owner's master key. The download names both sides by username; deletion
 * of either account removes the arrangement and its wrap.
 */
export function trustedPersonUserData(trustedPersons: TrustedPersonService, releaseKey: SymmetricKey): UserDataHolder {
  return {
    feature: 'trustedPersons',

    async rewrapKeys(trx, userId, _from, to) {
      const repo = createTrustedPersonRepository(trx);
      let rewrapped = 0;
      const mine = await repo.ownerArrangement(trx, userId);
      if (mine !== undefined) {
        const recipientPublic = await repo.publicSharingKey(mine.trustedId);
        const sameKey = recipientPublic !== undefined && recipientKeyIdOf(recipientPublic) === mine.recipientKeyId;
        if (mine.hasWrap && sameKey) {
          const { wrap, recipientKeyId } = wrapForTrustedPerson({
            ownerId: userId,
            trustedId: mine.trustedId,
            epoch: to.epoch,
            masterKey: to.masterKey,
            recipientPublic,
            releaseKey,
          });
          await repo.replaceWrap(trx, userId, wrap, to.epoch, recipientKeyId);
          rewrapped = 1;
        } else {
          await repo.replaceWrap(trx, userId, null, to.epoch, mine.recipientKeyId);
        }
      }
      const dropped = await repo.dropWrapsTo(trx, userId);
      return { trustedPersonWraps: rewrapped, trustedPersonWrapsDropped: dropped };
    },

    async exportData(session, actor) {
      // Only parents take part; another account's download has no part of this feature.
      if (!can(actor, 'trustedPersonPage', 'view', { userId: session.userId })) return {};
      const { mine, trustedBy } = await trustedPersons.overview(session);
      return {
        trustedPerson: {
          mine:
            mine === undefined
              ? null
              : {
                  username: mine.trustedUsername,
                  since: mine.namedAt,
                  waitingDays: mine.waitingDays,
                  request: mine.state,
                  requestedAt: mine.requestedAt,
                  refusedAt: mine.refusedAt,
                  recoveryCodeMadeAt: mine.usedAt,
                },
          trustedBy: trustedBy.map((arrangement) => ({
            username: arrangement.ownerUsername,
            since: arrangement.namedAt,
            request: arrangement.state,
            requestedAt: arrangement.requestedAt,
          })),
        },
      };
    },

    deleteData: (trx, userId) => createTrustedPersonRepository(trx).deleteFor(trx, userId),

    // Nothing is kept per session: a recovery code made for an owner is shown in the response and never stored.
    forgetSession: () => undefined,
  };
}
