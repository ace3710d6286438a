import type { KeyObject } from 'node:crypto';
import type { RetiredSigningKey } from '../../shared/crypto/user-keys.js';
import { NotFound } from '../../shared/errors.js';
import type { EntryKind } from '../../shared/evidence/format.js';
import { nextTurn } from '../../shared/next-turn.js';
import { allSummaries } from './index-segments.js';
import type { JournalAccess } from './journal-access.js';
import type { JournalActor } from './journal-actor.js';
import type { CheckpointRow, EntryRow, JournalRepository } from './journal.repo.js';
import type { Category } from './journal.schema.js';
import { type EntryPayload, openAttachmentPart, openEntry } from './sealed-records.js';

/*
 * Disclosure: what the parent chooses to put in an export, and the entries, attachments and log that the
 * export then carries (docs/export-format.md §5). The diary is not reachable from here.
 */

export interface AuthorKey {
  privateKey: KeyObject;
  /** SPKI DER */
  publicKey: Buffer;
  /** hex(SHA-256(SPKI DER)) */
  id: string;
}

export interface DisclosedAttachment {
  id: string;
  position: number;
  file: { bytes: Buffer; mediaType: string; salt: Buffer };
  original: { bytes: Buffer; mediaType: string; salt: Buffer } | undefined;
  thumbnail: Buffer | undefined;
}

/** Which attachments of the disclosed entries go into an export: each file, and each kept original. */
export interface AttachmentDisclosure {
  file: (attachmentId: string) => boolean;
  original: (attachmentId: string) => boolean;
}

export const allAttachments: AttachmentDisclosure = { file: () => true, original: () => true };

/** Thrown by disclose() when the chosen photos and files together pass the size an export may carry. */
export class ExportTooLarge extends Error {
  override name = 'ExportTooLarge';
  constructor(readonly maxBytes: number) {
    super(`the attachments of this export are larger than ${maxBytes} bytes`);
  }
}

export interface Disclosure {
  journalId: string;
  checkpoint: CheckpointRow;
  leafHashes: string[];
  author: AuthorKey;
  /** The account's earlier signing keys, oldest first, each with its signed hand-over to the next. */
  authorHistory: RetiredSigningKey[];
  entries: { row: EntryRow; payload: EntryPayload; attachments: DisclosedAttachment[] }[];
  redacted: number[];
  /** The redacted entries' receipt and redaction times (their content is gone). */
  redactedEntries: { index: number; receivedAt: string; redactedAt: string; leafHash: string }[];
  withheld: number[];
}

export function createDisclosureService(repo: JournalRepository, access: JournalAccess) {
  const { ownJournal } = access;

  return {
    /**
     * What an export discloses (docs/export-format.md §5): the chosen entries opened with their salts and
     * attachments, every redaction entry whose target was redacted (a verifier needs them), the redacted and
     * withheld indices, and the log as of the latest checkpoint. The diary is not reachable from here.
     */
    async disclose(
      who: JournalActor,
      chosen: (index: number, entryId: string) => boolean,
      progress?: (done: number, total: number) => void,
      attachmentChoice: AttachmentDisclosure = allAttachments,
      maxAttachmentBytes = Number.POSITIVE_INFINITY,
    ): Promise<Disclosure> {
      const journal = await ownJournal(who, 'view');
      if (journal === undefined || journal.size === 0) throw new NotFound('nothing to export');
      const checkpoint = await repo.latestCheckpoint(journal.id);
      if (checkpoint === undefined) throw new NotFound('no checkpoint');
      const leafHashes = (await repo.leafHashes(journal.id)).slice(0, checkpoint.size);
      const rows: EntryRow[] = [];
      for await (const row of repo.allEntries(journal.id)) if (row.index < checkpoint.size) rows.push(row);
      const redacted = rows.filter((row) => row.redactedAt !== null).map((row) => row.index);
      const redactedSet = new Set(redacted);
      const opened = new Map<number, EntryPayload>();
      const disclosed: EntryRow[] = [];
      for (const [position, row] of rows.entries()) {
        // A long export lets other requests (its own progress page among them) in now and then.
        if (position % 64 === 63) {
          progress?.(position + 1, rows.length);
          await nextTurn();
        }
        if (row.redactedAt !== null) continue;
        const payload = openEntry(who, row);
        if (payload === undefined) continue;
        const needed =
          payload.kind === 'redaction' && payload.target !== undefined && redactedSet.has(payload.target.index);
        if (needed || chosen(row.index, row.id)) {
          opened.set(row.index, payload);
          disclosed.push(row);
        }
      }
      const disclosedSet = new Set(disclosed.map((row) => row.index));
      const attachmentsByEntry = new Map<string, DisclosedAttachment[]>();
      const disclosedIds = new Set(disclosed.map((row) => row.id));
      let attachmentBytes = 0;
      // One attachment read at a time, so the size limit holds for what is in memory, not only for the ZIP.
      for (const place of await repo.attachmentPlaces(journal.id)) {
        // A withheld attachment is never read or opened: only its salted hash, inside the entry, goes along.
        if (!disclosedIds.has(place.entryId) || !attachmentChoice.file(place.id)) continue;
        const attachment = await repo.attachment(journal.id, place.id);
        if (attachment === undefined) continue;
        const list = attachmentsByEntry.get(attachment.entryId) ?? [];
        const file = openAttachmentPart(who, attachment, 'content')!;
        const original = attachmentChoice.original(attachment.id)
          ? openAttachmentPart(who, attachment, 'original')
          : undefined;
        // Everything is held in memory while the export is made: stop before it becomes too much.
        attachmentBytes += file.bytes.length + (original?.bytes.length ?? 0);
        if (attachmentBytes > maxAttachmentBytes) throw new ExportTooLarge(maxAttachmentBytes);
        list.push({
          id: attachment.id,
          position: attachment.position,
          file,
          original,
          thumbnail: openAttachmentPart(who, attachment, 'thumbnail')?.bytes,
        });
        attachmentsByEntry.set(attachment.entryId, list);
        await nextTurn();
      }
      progress?.(rows.length, rows.length);
      return {
        journalId: journal.id,
        checkpoint,
        leafHashes,
        author: who.keys.signingKey(),
        authorHistory: await who.keys.retiredSigningKeys(),
        entries: disclosed.map((row) => ({
          row,
          payload: opened.get(row.index)!,
          attachments: attachmentsByEntry.get(row.id) ?? [],
        })),
        redacted,
        redactedEntries: rows
          .filter((row) => row.redactedAt !== null)
          .map((row) => ({
            index: row.index,
            receivedAt: row.receivedAt,
            redactedAt: row.redactedAt!,
            leafHash: row.leafHash ?? '',
          })),
        withheld: rows.map((row) => row.index).filter((index) => !disclosedSet.has(index) && !redactedSet.has(index)),
      };
    },

    /** A light list of the journal's entries to choose from for an export: number, date, category. */
    async choices(
      who: JournalActor,
    ): Promise<
      { id: string; number: number; date?: string; category?: Category; kind: EntryKind; redacted: boolean }[]
    > {
      const journal = await ownJournal(who, 'view');
      if (journal === undefined) return [];
      const all = await allSummaries(repo, who, journal);
      return all
        .sort((a, b) => a.i - b.i)
        .map((summary) => ({
          id: summary.id,
          number: summary.i + 1,
          ...(summary.d === undefined ? {} : { date: summary.d }),
          ...(summary.c === undefined ? {} : { category: summary.c }),
          kind: summary.k,
          redacted: summary.rd !== undefined,
        }));
    },

    /**
     * The attachments the parent can choose from for an export (entry number and position; nothing is
     * decrypted), or undefined when the journal has more than `limit` of them.
     */
    async attachmentChoices(
      who: JournalActor,
      limit: number,
    ): Promise<{ id: string; number: number; attachment: number }[] | undefined> {
      const journal = await ownJournal(who, 'view');
      if (journal === undefined) return [];
      const withAttachments = (await allSummaries(repo, who, journal)).filter(
        (summary) => (summary.a ?? 0) > 0 && summary.rd === undefined,
      );
      if (withAttachments.reduce((sum, summary) => sum + (summary.a ?? 0), 0) > limit) return undefined;
      const numberOf = new Map(withAttachments.map((summary) => [summary.id, summary.i + 1]));
      return (await repo.attachmentPlaces(journal.id))
        .filter((place) => numberOf.has(place.entryId))
        .map((place) => ({ id: place.id, number: numberOf.get(place.entryId)!, attachment: place.position + 1 }))
        .sort((a, b) => a.number - b.number || a.attachment - b.attachment);
    },
  };
}
