import { type Ciphertext, open, seal, type SymmetricKey } from '../../shared/crypto/aead.js';
import type { EntryKind } from '../../shared/evidence/format.js';
import type { JournalActor } from './journal-actor.js';
import type { JournalRepository, JournalRow, LockedJournal } from './journal.repo.js';
import type { Category } from './journal.schema.js';
import { DATA_EPOCH, ENTRY_BUCKET, pad, place, unpad, unwrapData } from './sealed-records.js';

/*
 * The journal's encrypted index: what lists, filters and sorting need, one line per entry, sealed under the
 * journal's index key in segments of SEGMENT_SIZE entries, so an append rewrites one small segment, not the
 * whole index.
 */

/** One line of the encrypted index: what lists, filters and sorting need, nothing more. */
export interface Summary {
  i: number;
  id: string;
  k: EntryKind;
  r: string;
  c?: Category;
  d?: string;
  t?: string;
  x?: number;
  rd?: string;
  a?: number;
}

export const SEGMENT_SIZE = 256;

export const indexKey = (who: JournalActor, journal: JournalRow) =>
  unwrapData(who, journal.id, 'index', journal.indexKeyId, journal.indexKey, 'journal/data-key');

const openSegment = (key: SymmetricKey, journalId: string, segment: number, payload: Ciphertext): Summary[] =>
  JSON.parse(
    unpad(open(key, payload, place('journal/index', journalId, `segment-${segment}`, DATA_EPOCH))).toString('utf8'),
  ) as Summary[];

const sealSegment = (key: SymmetricKey, journalId: string, segment: number, summaries: Summary[]): Ciphertext =>
  seal(
    key,
    pad(Buffer.from(JSON.stringify(summaries), 'utf8'), ENTRY_BUCKET),
    place('journal/index', journalId, `segment-${segment}`, DATA_EPOCH),
  );

/** The whole index of a journal, opened. */
export async function allSummaries(
  repo: JournalRepository,
  who: JournalActor,
  journal: JournalRow,
): Promise<Summary[]> {
  const key = indexKey(who, journal);
  const segments = await repo.segments(journal.id);
  return segments.flatMap((segment) => openSegment(key, journal.id, segment.segment, segment.payload));
}

/**
 * The segments one append changes, under the journal's lock: each is read and opened once (`segment`), changed
 * in place, and sealed back by `save`.
 */
export function segmentsToRewrite(locked: LockedJournal, key: SymmetricKey, journalId: string) {
  const touched = new Map<number, Summary[]>();
  return {
    touched,
    async segment(segment: number): Promise<Summary[]> {
      let summaries = touched.get(segment);
      if (summaries === undefined) {
        const stored = await locked.segment(segment);
        summaries = stored === undefined ? [] : openSegment(key, journalId, segment, stored);
        touched.set(segment, summaries);
      }
      return summaries;
    },
    async save(): Promise<void> {
      for (const [segment, summaries] of touched) {
        await locked.putSegment(segment, sealSegment(key, journalId, segment, summaries));
      }
    },
  };
}

/** Which entries correct or redact which: by index, from the index alone. */
export function linksOf(summaries: readonly Summary[]) {
  const byIndex = new Map(summaries.map((summary) => [summary.i, summary]));
  const corrections = new Map<number, Summary[]>();
  const redactions = new Map<number, Summary>();
  for (const summary of summaries) {
    if (summary.x === undefined) continue;
    if (summary.k === 'correction') corrections.set(summary.x, [...(corrections.get(summary.x) ?? []), summary]);
    if (summary.k === 'redaction') redactions.set(summary.x, summary);
  }
  return { byIndex, corrections, redactions };
}

/** Sorts by when it happened (date, then time; an entry without a time comes last on its day). */
export const eventKey = (summary: Summary): string => `${summary.d ?? summary.r.slice(0, 10)}T${summary.t ?? '99:99'}`;
