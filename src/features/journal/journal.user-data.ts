import type { Dialect } from '../../shared/db/database.js';
import type { UserDataHolder } from '../../shared/user-data.js';
import { can } from '../../policies.js';
import { createJournalRepository } from './journal.repo.js';
import { rewrapJournalKeys } from './journal-rewrap.js';
import { journalActorOf, type JournalService } from './journal.service.js';

/**
 * The journal and the private diary as user data (ADR 0017): their data keys are re-wrapped on key rotation,
 * "download my data" carries them as the parent wrote them (GDPR art. 15 and 20: the parent's own copy, never a
 * bundle for anyone else), and they go with the account.
 */
export function journalUserData(journal: JournalService, dialect: Dialect): UserDataHolder {
  return {
    feature: 'journal',

    async rewrapKeys(trx, userId, from, to) {
      const repo = createJournalRepository(trx, dialect);
      // Appends wait for this lock and then find the new key epoch (entries.service.ts, append).
      return rewrapJournalKeys(repo, userId, from, to, await repo.lockJournalOf(userId));
    },

    async exportData(session, actor) {
      if (!can(actor, 'journal', 'view', { ownerId: session.userId })) return {};
      const who = journalActorOf(session, actor);
      return {
        journal: (await journal.everything(who)).map((entry) => ({
          number: entry.number,
          kind: entry.kind,
          receivedAt: entry.receivedAt,
          ...(entry.redactedAt === undefined ? {} : { redactedAt: entry.redactedAt }),
          ...(entry.target === undefined ? {} : { refersTo: entry.target.number }),
          ...(entry.observation === undefined ? {} : { observation: entry.observation }),
          attachments: entry.attachments.map((attachment) => ({
            number: attachment.number,
            mediaType: attachment.mediaType,
            size: attachment.size,
          })),
        })),
        diary: (await journal.diaryNotes(who)).map((note) => ({ writtenAt: note.createdAt, text: note.text })),
      };
    },

    deleteData: (trx, userId) => createJournalRepository(trx, dialect).deleteOwnerData(userId),

    // Nothing is kept per session (the export waiting for download is its own holder).
    forgetSession: () => undefined,
  };
}
