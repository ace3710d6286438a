import { randomBytes, randomUUID } from 'node:crypto';
import { generateKey, type SymmetricKey } from '../../shared/crypto/aead.js';
import type { LogKey } from '../../shared/crypto/log-key.js';
import { BadRequest, NotFound } from '../../shared/errors.js';
import type { EntryKind, Link } from '../../shared/evidence/format.js';
import { type AuditRecorder, type AuditTrail, requestIdOf } from '../audit/audit.service.js';
import type { InspectedAttachment } from './attachments.js';
import { commitmentOf, logRecordsFor } from './evidence-log.service.js';
import {
  allSummaries,
  eventKey,
  indexKey,
  linksOf,
  SEGMENT_SIZE,
  segmentsToRewrite,
  type Summary,
} from './index-segments.js';
import { type JournalAccess, JournalConflict } from './journal-access.js';
import type { JournalActor } from './journal-actor.js';
import type { AttachmentRow, EntryRow, JournalRepository, JournalRow, LockedJournal } from './journal.repo.js';
import type { Category, Observation } from './journal.schema.js';
import {
  type EntryPayload,
  openAttachmentPart,
  openEntry,
  sealAttachment,
  sealEntry,
  wrapData,
} from './sealed-records.js';

/*
 * The journal's entries: observations, corrections and redactions appended under the journal's lock (each with
 * its leaf in the evidence log and its line in the index), and read back as pages, single entries with what
 * belongs with them, the parent's print-out, and attachments.
 */

const PAGE_SIZE = 50;
export const ATTACHMENTS_PER_ENTRY = 5;

export interface ListQuery {
  category?: Category;
  from?: string;
  to?: string;
  order: 'event' | 'entry';
  page: number;
}

export interface AttachmentView {
  id: string;
  number: number;
  mediaType: string;
  size: number;
  width?: number;
  height?: number;
  hasThumbnail: boolean;
  hasOriginal: boolean;
}

export interface EntryView {
  id: string;
  /** 1-based, as people count: entry 1 is the first. */
  number: number;
  kind: EntryKind;
  receivedAt: string;
  redactedAt?: string;
  observation?: Observation;
  target?: { number: number; id: string };
  correctedBy: { number: number; id: string }[];
  redactedBy?: { number: number; id: string };
  attachments: AttachmentView[];
}

export interface ListResult {
  entries: EntryView[];
  total: number;
  /** Entries in the journal, whatever the filter. */
  size: number;
  page: number;
  pages: number;
}

/** The audit log's name for each kind of append. */
const auditActions: Record<EntryKind, string> = {
  entry: 'journal.entry.add',
  correction: 'journal.entry.correct',
  redaction: 'journal.entry.redact',
};

export function createEntriesService(
  repo: JournalRepository,
  access: JournalAccess,
  options: { logKey: LogKey; audit: AuditRecorder; clock: () => Date },
) {
  const { logKey, audit, clock } = options;
  const { ownJournal, journalWithEntries } = access;

  /** Adds one entry under the journal's lock: the next index, a receipt time that never goes backwards. */
  async function append(
    who: JournalActor & AuditTrail,
    journal: JournalRow,
    payloadFor: (locked: LockedJournal, index: number) => Promise<Omit<EntryPayload, 'v' | 'salt'>>,
    attachments: readonly InspectedAttachment[],
    afterInsert?: (
      locked: LockedJournal,
      summaries: Map<number, Summary[]>,
      key: SymmetricKey,
      entry: Summary,
    ) => Promise<void>,
  ): Promise<{ id: string; number: number }> {
    const entryId = randomUUID();
    const dataKey = generateKey(entryId);
    const author = who.keys.signingKey();
    // Attachments are sealed before the lock is taken: that is the slow part.
    const sealedAttachments = attachments.map((inspected, position) =>
      sealAttachment(who, journal.id, entryId, position, inspected),
    );
    return repo.withLock(journal.id, async (locked) => {
      // A key rotation that finished while this append waited for the lock replaced the master key: a data key
      // wrapped under the old one now would never open again.
      if ((await locked.ownerKeyEpoch()) !== who.keys.epoch) throw new JournalConflict('the account keys changed');
      const index = locked.journal.size;
      const now = clock().toISOString();
      const last = locked.journal.lastReceivedAt;
      const receivedAt = last !== null && last > now ? last : now;
      const content = await payloadFor(locked, index);
      const salt = randomBytes(32);
      const committed: Omit<EntryPayload, 'salt'> = {
        v: 1,
        ...content,
        ...(sealedAttachments.length > 0 ? { attachments: sealedAttachments.map((sealed) => sealed.reference) } : {}),
      };
      const payload: EntryPayload = { ...committed, salt: salt.toString('base64url') };

      const links: Link[] = [];
      if (content.target !== undefined) {
        const target = await locked.entry(content.target.id);
        if (target === undefined || target.leafHash === null) throw new Error('the target entry has no leaf');
        links.push({
          rel: content.kind === 'redaction' ? 'redacts' : 'corrects',
          index: content.target.index,
          leaf: target.leafHash,
        });
      }
      const log = logRecordsFor({
        journal: locked.journal,
        index,
        receivedMs: Date.parse(receivedAt),
        author,
        commitment: commitmentOf(salt, committed),
        links,
        clock,
        logKey,
      });
      await locked.insertEntry({
        id: entryId,
        journalId: journal.id,
        index,
        receivedAt,
        keyId: dataKey.id,
        wrappedKey: wrapData(who, journal.id, entryId, dataKey, 'journal/data-key'),
        payload: sealEntry(journal.id, entryId, dataKey, payload),
        redactedAt: null,
        ...log.leaf,
      });
      for (const sealed of sealedAttachments) await locked.insertAttachment(sealed.row);

      const summary: Summary = { i: index, id: entryId, k: content.kind, r: receivedAt };
      if (content.observation !== undefined) {
        summary.c = content.observation.category;
        summary.d = content.observation.date;
        if (content.observation.time !== undefined) summary.t = content.observation.time;
      }
      if (content.target !== undefined) summary.x = content.target.index;
      if (sealedAttachments.length > 0) summary.a = sealedAttachments.length;

      const key = indexKey(who, locked.journal);
      const segments = segmentsToRewrite(locked, key, journal.id);
      (await segments.segment(Math.floor(index / SEGMENT_SIZE))).push(summary);
      if (afterInsert !== undefined) {
        if (content.target !== undefined) await segments.segment(Math.floor(content.target.index / SEGMENT_SIZE));
        await afterInsert(locked, segments.touched, key, summary);
      }
      await segments.save();
      await locked.advance(index + 1, receivedAt, log.frontier, log.checkpoint);
      // Last in the transaction: the entry and its audit line are saved together or not at all.
      await audit.record(locked.transaction, {
        actor: who.userId,
        action: auditActions[content.kind],
        objectType: 'journal-entry',
        // A redaction is recorded against the entry it wipes.
        objectId: content.kind === 'redaction' && content.target !== undefined ? content.target.id : entryId,
        requestId: requestIdOf(who),
      });
      return { id: entryId, number: index + 1 };
    });
  }

  /**
   * The entry a correction or a redaction points at, under the journal's lock. An id from another journal (or a
   * diary note's id) is simply not found here; a redacted entry or a redaction itself is a conflict.
   */
  async function targetOf(
    who: JournalActor,
    locked: LockedJournal,
    targetId: string,
    action: 'corrected' | 'redacted',
  ): Promise<EntryRow> {
    const target = await locked.entry(targetId);
    if (target === undefined) throw new NotFound('no such entry');
    if (target.redactedAt !== null) throw new JournalConflict('the entry was redacted');
    if (openEntry(who, target)?.kind === 'redaction') throw new JournalConflict(`a redaction cannot be ${action}`);
    return target;
  }

  function toViews(
    who: JournalActor,
    rows: EntryRow[],
    attachments: AttachmentRow[],
    summaries: Map<number, Summary>,
    corrections: Map<number, Summary[]>,
    redactions: Map<number, Summary>,
  ): Map<string, EntryView> {
    const views = new Map<string, EntryView>();
    for (const row of rows) {
      const payload = openEntry(who, row);
      const view: EntryView = {
        id: row.id,
        number: row.index + 1,
        kind: payload?.kind ?? summaries.get(row.index)?.k ?? 'entry',
        receivedAt: row.receivedAt,
        correctedBy: (corrections.get(row.index) ?? []).map((item) => ({ number: item.i + 1, id: item.id })),
        attachments: [],
      };
      if (row.redactedAt !== null) view.redactedAt = row.redactedAt;
      const redaction = redactions.get(row.index);
      if (redaction !== undefined) view.redactedBy = { number: redaction.i + 1, id: redaction.id };
      if (payload?.observation !== undefined) view.observation = payload.observation;
      const target =
        payload?.target ??
        (summaries.get(row.index)?.x === undefined ? undefined : summaries.get(summaries.get(row.index)!.x!));
      if (target !== undefined) {
        view.target =
          'index' in target ? { number: target.index + 1, id: target.id } : { number: target.i + 1, id: target.id };
      }
      const references = new Map((payload?.attachments ?? []).map((reference) => [reference.id, reference]));
      view.attachments = attachments
        .filter((attachment) => attachment.entryId === row.id)
        .map((attachment) => {
          const reference = references.get(attachment.id);
          const item: AttachmentView = {
            id: attachment.id,
            number: attachment.position + 1,
            mediaType: reference?.mediaType ?? 'application/octet-stream',
            size: reference?.size ?? 0,
            hasThumbnail: attachment.thumbnail !== null,
            hasOriginal: attachment.original !== null,
          };
          if (reference?.width !== undefined) item.width = reference.width;
          if (reference?.height !== undefined) item.height = reference.height;
          return item;
        });
      views.set(row.id, view);
    }
    return views;
  }

  async function viewsOf(who: JournalActor, journal: JournalRow, chosen: readonly Summary[], all: readonly Summary[]) {
    const ids = chosen.map((summary) => summary.id);
    const [rows, attachments] = await Promise.all([repo.entries(journal.id, ids), repo.attachmentsOf(journal.id, ids)]);
    const links = linksOf(all);
    const views = toViews(who, rows, attachments, links.byIndex, links.corrections, links.redactions);
    return chosen.map((summary) => views.get(summary.id)).filter((view): view is EntryView => view !== undefined);
  }

  return {
    /** Writes a new observation (with its attachments) as the next entry. */
    async addObservation(
      who: JournalActor & AuditTrail,
      observation: Observation,
      attachments: readonly InspectedAttachment[] = [],
    ) {
      if (attachments.length > ATTACHMENTS_PER_ENTRY) throw new BadRequest('too many attachments');
      const journal = (await ownJournal(who, 'write'))!;
      return append(who, journal, () => Promise.resolve({ kind: 'entry', observation }), attachments);
    },

    /** A correction is a new entry that points at the entry it corrects; the old entry stays as it was. */
    async addCorrection(
      who: JournalActor & AuditTrail,
      targetId: string,
      observation: Observation,
      attachments: readonly InspectedAttachment[] = [],
    ) {
      const journal = await journalWithEntries(who);
      return append(
        who,
        journal,
        async (locked) => {
          const target = await targetOf(who, locked, targetId, 'corrected');
          return { kind: 'correction', target: { index: target.index, id: target.id }, observation };
        },
        attachments,
      );
    },

    /**
     * Redacts an entry: its content, salt, key and attachments are destroyed in the same transaction that
     * appends the redaction entry; its place in the log, receipt time and the fact of the redaction stay.
     */
    async redact(who: JournalActor & AuditTrail, targetId: string) {
      const journal = await journalWithEntries(who);
      return append(
        who,
        journal,
        async (locked) => {
          const target = await targetOf(who, locked, targetId, 'redacted');
          return { kind: 'redaction', target: { index: target.index, id: target.id } };
        },
        [],
        async (locked, touched, _key, entry) => {
          const targetIndex = entry.x!;
          const summaries = touched.get(Math.floor(targetIndex / SEGMENT_SIZE))!;
          const position = summaries.findIndex((summary) => summary.i === targetIndex);
          const old = summaries[position];
          if (old === undefined) throw new Error('the index misses an entry');
          summaries[position] = { i: old.i, id: old.id, k: old.k, r: old.r, rd: entry.r };
          await locked.redactEntry(old.id, entry.r);
        },
      );
    },

    async list(who: JournalActor, query: ListQuery): Promise<ListResult> {
      const journal = await ownJournal(who, 'view');
      if (journal === undefined) return { entries: [], total: 0, size: 0, page: 1, pages: 1 };
      const all = await allSummaries(repo, who, journal);
      let chosen = all.filter((summary) => {
        if (query.category !== undefined && summary.c !== query.category) return false;
        if (query.from !== undefined && (summary.d === undefined || summary.d < query.from)) return false;
        if (query.to !== undefined && (summary.d === undefined || summary.d > query.to)) return false;
        return true;
      });
      chosen =
        query.order === 'entry'
          ? chosen.sort((a, b) => b.i - a.i)
          : chosen.sort((a, b) => (eventKey(a) === eventKey(b) ? b.i - a.i : eventKey(a) < eventKey(b) ? 1 : -1));
      const pages = Math.max(1, Math.ceil(chosen.length / PAGE_SIZE));
      const page = Math.min(Math.max(1, query.page), pages);
      const slice = chosen.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
      return {
        entries: await viewsOf(who, journal, slice, all),
        total: chosen.length,
        size: journal.size,
        page,
        pages,
      };
    },

    /** One entry with what belongs with it: the entry it corrects and its corrections. */
    async entry(who: JournalActor, entryId: string): Promise<{ entry: EntryView; related: EntryView[] }> {
      const journal = await ownJournal(who, 'view');
      if (journal === undefined) throw new NotFound('no journal');
      const row = await repo.entry(journal.id, entryId);
      if (row === undefined) throw new NotFound('no such entry');
      const all = await allSummaries(repo, who, journal);
      const links = linksOf(all);
      const relatedIndices = new Set<number>();
      const self = links.byIndex.get(row.index);
      if (self?.x !== undefined) relatedIndices.add(self.x);
      for (const correction of links.corrections.get(row.index) ?? []) relatedIndices.add(correction.i);
      const related = [...relatedIndices]
        .map((index) => links.byIndex.get(index))
        .filter((summary): summary is Summary => summary !== undefined);
      const views = await viewsOf(
        who,
        journal,
        [self ?? { i: row.index, id: row.id, k: 'entry', r: row.receivedAt }, ...related],
        all,
      );
      const [entry, ...rest] = views;
      if (entry === undefined) throw new NotFound('no such entry');
      return { entry, related: rest.sort((a, b) => a.number - b.number) };
    },

    /** Every entry in event order, for the parent's own print-out. */
    async everything(who: JournalActor): Promise<EntryView[]> {
      const journal = await ownJournal(who, 'view');
      if (journal === undefined) return [];
      const all = await allSummaries(repo, who, journal);
      const chosen = [...all].sort((a, b) =>
        eventKey(a) === eventKey(b) ? a.i - b.i : eventKey(a) < eventKey(b) ? -1 : 1,
      );
      const views: EntryView[] = [];
      for (let start = 0; start < chosen.length; start += 500) {
        views.push(...(await viewsOf(who, journal, chosen.slice(start, start + 500), all)));
      }
      return views;
    },

    async attachment(
      who: JournalActor,
      attachmentId: string,
      part: 'content' | 'thumbnail' | 'original',
    ): Promise<{ bytes: Buffer; mediaType: string; entryId: string; number: number }> {
      const journal = await ownJournal(who, 'view');
      if (journal === undefined) throw new NotFound('no journal');
      const row = await repo.attachment(journal.id, attachmentId);
      if (row === undefined) throw new NotFound('no such attachment');
      const opened = openAttachmentPart(who, row, part);
      if (opened === undefined) throw new NotFound('no such part');
      return { bytes: opened.bytes, mediaType: opened.mediaType, entryId: row.entryId, number: row.position + 1 };
    },
  };
}
