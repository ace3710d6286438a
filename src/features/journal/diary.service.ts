import { randomUUID } from 'node:crypto';
import { generateKey, open, seal } from '../../shared/crypto/aead.js';
import { NotFound } from '../../shared/errors.js';
import { authorize } from '../../policies.js';
import { type AuditRecorder, type AuditTrail, requestIdOf } from '../audit/audit.service.js';
import { JournalConflict } from './journal-access.js';
import type { JournalActor } from './journal-actor.js';
import type { JournalRepository } from './journal.repo.js';
import { DATA_EPOCH, ENTRY_BUCKET, pad, place, unpad, unwrapData, wrapData } from './sealed-records.js';

/** The private diary: notes for the parent alone, in their own table, never in the log, an export or a bundle. */
export function createDiaryService(repo: JournalRepository, options: { audit: AuditRecorder; clock: () => Date }) {
  const { audit, clock } = options;

  return {
    /** The private diary: its own table and key purpose; never shared, exported or bundled. */
    async addDiaryNote(who: JournalActor & AuditTrail, text: string): Promise<string> {
      authorize(who.actor, 'diaryNote', 'create', { ownerId: who.userId });
      const id = randomUUID();
      const key = generateKey(id);
      const stored = await repo.insertDiaryNote(
        {
          id,
          ownerId: who.userId,
          createdAt: clock().toISOString(),
          keyId: key.id,
          wrappedKey: wrapData(who, who.userId, id, key, 'diary/data-key'),
          payload: seal(
            key,
            pad(Buffer.from(JSON.stringify({ v: 1, text }), 'utf8'), ENTRY_BUCKET),
            place('diary/entry', who.userId, id, DATA_EPOCH),
          ),
        },
        who.keys.epoch,
        audit.recording({
          actor: who.userId,
          action: 'diary.note.add',
          objectType: 'diary-note',
          objectId: id,
          requestId: requestIdOf(who),
        }),
      );
      if (!stored) throw new JournalConflict('the account keys changed');
      return id;
    },

    async diaryNotes(who: JournalActor): Promise<{ id: string; createdAt: string; text: string }[]> {
      authorize(who.actor, 'diaryNote', 'view', { ownerId: who.userId });
      const rows = await repo.diaryNotes(who.userId);
      return rows.map((row) => {
        const key = unwrapData(who, row.ownerId, row.id, row.keyId, row.wrappedKey, 'diary/data-key');
        const note = JSON.parse(
          unpad(open(key, row.payload, place('diary/entry', row.ownerId, row.id, DATA_EPOCH))).toString('utf8'),
        ) as { text: string };
        return { id: row.id, createdAt: row.createdAt, text: note.text };
      });
    },

    async deleteDiaryNote(who: JournalActor & AuditTrail, noteId: string): Promise<void> {
      const owner = await repo.diaryNoteOwner(noteId);
      if (owner === undefined) throw new NotFound('no such note');
      authorize(who.actor, 'diaryNote', 'delete', { ownerId: owner });
      await repo.deleteDiaryNote(
        noteId,
        owner,
        audit.recording({
          actor: who.userId,
          action: 'diary.note.delete',
          objectType: 'diary-note',
          objectId: noteId,
          requestId: requestIdOf(who),
        }),
      );
    },
  };
}
