import { rewrapKey, type SymmetricKey, type WrappedKey } from '../../shared/crypto/aead.js';
import type { JournalRepository, JournalRow } from './journal.repo.js';
import { place } from './sealed-records.js';

/** One side of a key rotation: a master key and its epoch. */
export interface MasterKeyAtEpoch {
  masterKey: SymmetricKey;
  epoch: number;
}

const REWRAP_BATCH = 500;

/** Every row a keyset-paginated query gives, a batch of REWRAP_BATCH at a time, each handed to `each` in order. */
async function inBatches<Row, Cursor>(
  start: Cursor,
  fetch: (after: Cursor) => Promise<Row[]>,
  cursorOf: (row: Row) => Cursor,
  each: (row: Row) => Promise<void>,
): Promise<void> {
  for (let after = start; ;) {
    const batch = await fetch(after);
    for (const row of batch) await each(row);
    if (batch.length < REWRAP_BATCH) return;
    after = cursorOf(batch[batch.length - 1]!);
  }
}

/**
 * A key rotation's part in the journal: every data key of the owner's journal (entries, attachments, the index)
 * and diary is unwrapped with the old master key and wrapped under the new one, with the new epoch in the
 * associated data. Contents are not touched. `repo` must be built on the rotation's transaction, after
 * lockJournalOf, so nothing is appended in between. Redacted entries have no key and are skipped.
 */
export async function rewrapJournalKeys(
  repo: JournalRepository,
  ownerId: string,
  from: MasterKeyAtEpoch,
  to: MasterKeyAtEpoch,
  journal: JournalRow | undefined,
): Promise<{ entries: number; attachments: number; diaryNotes: number }> {
  const move = (
    purpose: 'journal/data-key' | 'diary/data-key',
    owner: string,
    recordId: string,
    keyId: string,
    wrapped: WrappedKey,
  ) =>
    rewrapKey(
      { kek: from.masterKey, context: place(purpose, owner, recordId, from.epoch) },
      { kek: to.masterKey, context: place(purpose, owner, recordId, to.epoch) },
      wrapped,
      keyId,
    );
  const counts = { entries: 0, attachments: 0, diaryNotes: 0 };
  if (journal !== undefined) {
    await repo.setIndexKey(
      journal.id,
      move('journal/data-key', journal.id, 'index', journal.indexKeyId, journal.indexKey),
    );
    await inBatches(
      -1,
      (after) => repo.wrappedEntryKeys(journal.id, after, REWRAP_BATCH),
      (row) => row.index,
      async (row) => {
        if (row.wrappedKey === null) return;
        await repo.setEntryKey(
          journal.id,
          row.id,
          move('journal/data-key', journal.id, row.id, row.keyId, row.wrappedKey),
        );
        counts.entries += 1;
      },
    );
    await inBatches(
      '',
      (after) => repo.wrappedAttachmentKeys(journal.id, after, REWRAP_BATCH),
      (row) => row.id,
      async (row) => {
        await repo.setAttachmentKey(
          journal.id,
          row.id,
          move('journal/data-key', journal.id, row.id, row.keyId, row.wrappedKey),
        );
        counts.attachments += 1;
      },
    );
  }
  await inBatches(
    '',
    (after) => repo.wrappedDiaryNoteKeys(ownerId, after, REWRAP_BATCH),
    (row) => row.id,
    async (row) => {
      await repo.setDiaryNoteKey(ownerId, row.id, move('diary/data-key', ownerId, row.id, row.keyId, row.wrappedKey));
      counts.diaryNotes += 1;
    },
  );
  return counts;
}
