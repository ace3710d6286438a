import { createHash, createPublicKey, type KeyObject, randomBytes, randomUUID } from 'node:crypto';
import {
  type Ciphertext,
  DecryptionFailed,
  generateKey,
  open,
  rewrapKey,
  type SealContext,
  seal,
  type SymmetricKey,
  unwrapKey,
  type WrappedKey,
  wrapKey,
} from '../../shared/crypto/aead.js';
import type { LogKey } from '../../shared/crypto/log-key.js';
import { signMessage } from '../../shared/crypto/signing.js';
import type { RetiredSigningKey } from '../../shared/crypto/user-keys.js';
import { AppError, BadRequest, NotFound } from '../../shared/errors.js';
import { fromHex, toHex, utf8 } from '../../shared/evidence/bytes.js';
import type { Checkpoint, ContentAttachment, EntryKind, LeafData, Link } from '../../shared/evidence/format.js';
import { keyId, saltedHash } from '../../shared/evidence/format.js';
import { canonicalize, canonicalString } from '../../shared/evidence/jcs.js';
import { appendLeaf, frontierRoot, hashLeaf } from '../../shared/evidence/merkle.js';
import type { KeyRing } from '../../shared/auth/key-ring.js';
import type { CurrentSession } from '../../shared/auth/session.js';
import type { Actor } from '../../shared/policy/actor.js';
import { authorize } from '../../policies.js';
import { nextTurn } from '../../shared/next-turn.js';
import { type AuditRecorder, type AuditTrail, requestIdOf } from '../audit/audit.service.js';
import type { InspectedAttachment } from './attachments.js';
import { checkJournalLog, type LogProblem } from './log-check.js';
import type {
  AttachmentRow,
  CheckpointRow,
  EntryRow,
  JournalRepository,
  JournalRow,
  LockedJournal,
} from './journal.repo.js';
import type { Category, Observation } from './journal.schema.js';

/*
 * The parent's journal (DESIGN §2.4, issue 6). Every entry, attachment and diary note has its own random data
 * key, wrapped under the owner's master key; contents are sealed with associated data naming the journal, the
 * record and the purpose, and padded so stored sizes say little. Lists and filters read one encrypted index
 * (in segments, so an append rewrites one small segment, not the whole index). Each entry carries a secret
 * 32-byte salt inside its sealed payload: the tamper-evident log (issue 7) commits to salt ‖ content.
 */

export type { EntryKind } from '../../shared/evidence/format.js';

/** An attachment as the entry's content commits to it (format §2: its own salted hashes). */
export interface AttachmentReference extends ContentAttachment {
  mediaType: InspectedAttachment['mediaType'];
}

/** The sealed content of a log entry. */
export interface EntryPayload {
  v: 1;
  /** Secret, random, 32 bytes (base64url): the commitment's salt. Destroyed with the entry on redaction. */
  salt: string;
  kind: EntryKind;
  /** For a correction or redaction: the entry it refers to. */
  target?: { index: number; id: string };
  observation?: Observation;
  attachments?: AttachmentReference[];
}

/** One line of the encrypted index: what lists, filters and sorting need, nothing more. */
interface Summary {
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
export const PAGE_SIZE = 50;
export const ATTACHMENTS_PER_ENTRY = 5;
const ENTRY_BUCKET = 1024;
const ATTACHMENT_BUCKET = 64 * 1024;

/** Length-prefixed and zero-padded to a whole number of buckets. */
export function pad(bytes: Uint8Array, bucket: number): Buffer {
  const size = Math.ceil((bytes.length + 4) / bucket) * bucket;
  const out = Buffer.alloc(size);
  out.writeUInt32BE(bytes.length, 0);
  out.set(bytes, 4);
  return out;
}

export function unpad(bytes: Buffer): Buffer {
  if (bytes.length < 4) throw new DecryptionFailed();
  const length = bytes.readUInt32BE(0);
  if (length > bytes.length - 4) throw new DecryptionFailed();
  return bytes.subarray(4, 4 + length);
}

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

/** Who is acting, and the key ring of the account they act with (src/shared/auth/key-ring.ts). */
export interface JournalActor {
  actor: Actor;
  userId: string;
  /** The account's keys for this request: the journal opens the master and signing keys from here. */
  keys: KeyRing;
}

/**
 * The journal's view of a signed-in session (routes, tests, benches): its key ring, and the actor the policy
 * decides for — the request's where one is at hand, else the session's own.
 */
export function journalActorOf(
  session: Pick<CurrentSession, 'actor' | 'userId' | 'keys'>,
  actor: Actor = session.actor,
): JournalActor {
  return { actor, userId: session.userId, keys: session.keys };
}

export interface AuthorKey {
  privateKey: KeyObject;
  /** SPKI DER */
  publicKey: Buffer;
  /** hex(SHA-256(SPKI DER)) */
  id: string;
}

const fromHexStrict = (text: string): Uint8Array => {
  const bytes = fromHex(text);
  if (bytes === undefined) throw new Error('a stored hash is not hex');
  return bytes;
};

export interface NewAttachment {
  inspected: InspectedAttachment;
}

/** A correction or redaction of an entry that was redacted, or of a redaction itself. */
export class JournalConflict extends AppError {
  readonly status = 409;
  readonly messageKey = 'journal.problem.conflict';
}

const place = (purpose: SealContext['purpose'], ownerId: string, recordId: string, epoch: number): SealContext => ({
  purpose,
  ownerId,
  recordId,
  epoch,
});

/** Data keys do not change; only the master key that wraps them does (its epoch is in the wrap). */
const DATA_EPOCH = 1;

/** The audit log's name for each kind of append. */
const auditActions: Record<EntryKind, string> = {
  entry: 'journal.entry.add',
  correction: 'journal.entry.correct',
  redaction: 'journal.entry.redact',
};

export interface JournalServiceOptions {
  /** The server's log key: signs a checkpoint after every append. */
  logKey: LogKey;
  /** Where every change is recorded, in the transaction that makes it. */
  audit: AuditRecorder;
  /** Earlier log public keys (SPKI DER), still trusted for checkpoints they signed. */
  previousLogKeys?: readonly Buffer[];
  clock?: () => Date;
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

export interface JournalCheckResult {
  size: number;
  problems: (LogProblem | { at: number; check: 'ciphertext' | 'commitment' })[];
}

const isEd25519PublicKey = (spki: Buffer): boolean => {
  try {
    return createPublicKey({ key: spki, format: 'der', type: 'spki' }).asymmetricKeyType === 'ed25519';
  } catch {
    return false;
  }
};

/** One journal's log as the operator's check saw it: ids, positions and check names only, never content. */
export interface JournalLogReport {
  journalId: string;
  /** Entries stored for the journal. */
  entries: number;
  problems: (LogProblem | { at: number; check: 'journal-size' | 'author-key' })[];
}

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

export function createJournalService(repo: JournalRepository, options: JournalServiceOptions) {
  const { logKey, audit } = options;
  const logKeys = new Map<string, Buffer>([
    [logKey.id, logKey.publicKey],
    ...(options.previousLogKeys ?? []).map((key): [string, Buffer] => [keyId(key), key]),
  ]);
  const clock = options.clock ?? (() => new Date());
  const wrapData = (
    who: JournalActor,
    ownerId: string,
    recordId: string,
    key: SymmetricKey,
    purpose: 'journal/data-key' | 'diary/data-key',
  ) => wrapKey(who.keys.masterKey(), key, place(purpose, ownerId, recordId, who.keys.epoch));
  const unwrapData = (
    who: JournalActor,
    ownerId: string,
    recordId: string,
    keyId: string,
    wrapped: WrappedKey,
    purpose: 'journal/data-key' | 'diary/data-key',
  ) => unwrapKey(who.keys.masterKey(), wrapped, keyId, place(purpose, ownerId, recordId, who.keys.epoch));

  const indexKey = (who: JournalActor, journal: JournalRow) =>
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

  function openEntry(who: JournalActor, row: EntryRow): EntryPayload | undefined {
    if (row.wrappedKey === null || row.payload === null) return undefined;
    const key = unwrapData(who, row.journalId, row.id, row.keyId, row.wrappedKey, 'journal/data-key');
    const bytes = open(key, row.payload, place('journal/entry', row.journalId, row.id, DATA_EPOCH));
    return JSON.parse(unpad(bytes).toString('utf8')) as EntryPayload;
  }

  async function createJournal(who: JournalActor): Promise<JournalRow> {
    const id = randomUUID();
    const key = generateKey(`ix-${randomUUID()}`);
    return repo.createJournal({
      id,
      owner_id: who.userId,
      created_at: clock().toISOString(),
      last_received_at: null,
      index_key_id: key.id,
      index_key: wrapData(who, id, 'index', key, 'journal/data-key'),
    });
  }

  /**
   * The journal the actor may view or write in; anything else is "not found". The decision comes before any
   * write: a journal is created on the first new entry (`create`) only once the actor may write in it, never for
   * a correction or redaction (which name an entry that must already exist).
   */
  async function ownJournal(
    who: JournalActor,
    action: 'view' | 'write',
    create = action === 'write',
  ): Promise<JournalRow | undefined> {
    const existing = await repo.journalOf(who.userId);
    authorize(who.actor, 'journal', action, { ownerId: existing?.ownerId ?? who.userId });
    if (existing !== undefined || !create) return existing;
    return createJournal(who);
  }

  /** The journal an existing entry is changed in; without a journal there is no such entry. */
  async function journalWithEntries(who: JournalActor): Promise<JournalRow> {
    const journal = await ownJournal(who, 'write', false);
    if (journal === undefined) throw new NotFound('no such entry');
    return journal;
  }

  async function allSummaries(who: JournalActor, journal: JournalRow): Promise<Summary[]> {
    const key = indexKey(who, journal);
    const segments = await repo.segments(journal.id);
    return segments.flatMap((segment) => openSegment(key, journal.id, segment.segment, segment.payload));
  }

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

      // The tamper-evident log (docs/export-format.md §2–3): commitment, leaf, account signature, checkpoint.
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
      const receivedMs = Date.parse(receivedAt);
      const leafData: LeafData = {
        v: 1,
        journal: journal.id,
        index,
        received: receivedMs,
        key: author.id,
        commitment: toHex(saltedHash(salt, canonicalize(committed))),
        links,
      };
      const leafText = canonicalString(leafData);
      const leafHash = hashLeaf(utf8(leafText));
      const frontier = appendLeaf(
        { size: locked.journal.frontier.size, nodes: locked.journal.frontier.nodes.map((node) => fromHexStrict(node)) },
        leafHash,
      );
      if (frontier.size !== index + 1) throw new Error('the journal and its log disagree about its size');
      const checkpoint: Checkpoint = {
        v: 1,
        journal: journal.id,
        size: frontier.size,
        root: toHex(frontierRoot(frontier)),
        time: Math.max(clock().getTime(), locked.journal.lastCheckpointMs, receivedMs),
        key: logKey.id,
      };
      const checkpointText = canonicalString(checkpoint);
      await locked.insertEntry({
        id: entryId,
        journalId: journal.id,
        index,
        receivedAt,
        keyId: dataKey.id,
        wrappedKey: wrapData(who, journal.id, entryId, dataKey, 'journal/data-key'),
        payload: seal(
          dataKey,
          pad(Buffer.from(JSON.stringify(payload), 'utf8'), ENTRY_BUCKET),
          place('journal/entry', journal.id, entryId, DATA_EPOCH),
        ),
        redactedAt: null,
        leafData: leafText,
        leafHash: toHex(leafHash),
        signature: signMessage(author.privateKey, 'leaf', leafHash).toString('base64'),
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
      const touched = new Map<number, Summary[]>();
      const segmentOf = async (segment: number): Promise<Summary[]> => {
        let summaries = touched.get(segment);
        if (summaries === undefined) {
          const stored = await locked.segment(segment);
          summaries = stored === undefined ? [] : openSegment(key, journal.id, segment, stored);
          touched.set(segment, summaries);
        }
        return summaries;
      };
      (await segmentOf(Math.floor(index / SEGMENT_SIZE))).push(summary);
      if (afterInsert !== undefined) {
        if (content.target !== undefined) await segmentOf(Math.floor(content.target.index / SEGMENT_SIZE));
        await afterInsert(locked, touched, key, summary);
      }
      for (const [segment, summaries] of touched) {
        await locked.putSegment(segment, sealSegment(key, journal.id, segment, summaries));
      }
      await locked.advance(
        index + 1,
        receivedAt,
        { size: frontier.size, nodes: frontier.nodes.map((node) => toHex(node)) },
        {
          journalId: journal.id,
          size: checkpoint.size,
          timeMs: checkpoint.time,
          bytes: checkpointText,
          signature: signMessage(logKey.privateKey, 'checkpoint', utf8(checkpointText)).toString('base64'),
        },
      );
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

  function sealAttachment(
    who: JournalActor,
    journalId: string,
    entryId: string,
    position: number,
    inspected: InspectedAttachment,
  ): { row: AttachmentRow; reference: AttachmentReference } {
    const id = randomUUID();
    const key = generateKey(id);
    const salt = randomBytes(32);
    const digest = (bytes: Buffer) => createHash('sha256').update(salt).update(bytes).digest('hex');
    const header = Buffer.from(JSON.stringify({ salt: salt.toString('base64url'), mediaType: inspected.mediaType }));
    const framed = (bytes: Buffer) => {
      const length = Buffer.alloc(4);
      length.writeUInt32BE(header.length);
      return pad(Buffer.concat([length, header, bytes]), ATTACHMENT_BUCKET);
    };
    const sealPart = (part: 'content' | 'thumbnail' | 'original', bytes: Buffer) =>
      seal(key, framed(bytes), place('journal/attachment', journalId, `${id}/${part}`, DATA_EPOCH));
    const reference: AttachmentReference = {
      id,
      mediaType: inspected.mediaType,
      size: inspected.bytes.length,
      sha256: digest(inspected.bytes),
    };
    if (inspected.width !== undefined) reference.width = inspected.width;
    if (inspected.height !== undefined) reference.height = inspected.height;
    if (inspected.original !== undefined) reference.originalSha256 = digest(inspected.original);
    return {
      reference,
      row: {
        id,
        journalId,
        entryId,
        position,
        keyId: key.id,
        wrappedKey: wrapData(who, journalId, id, key, 'journal/data-key'),
        content: sealPart('content', inspected.bytes),
        thumbnail: inspected.thumbnail === undefined ? null : sealPart('thumbnail', inspected.thumbnail),
        original: inspected.original === undefined ? null : sealPart('original', inspected.original),
      },
    };
  }

  function openAttachmentPart(
    who: JournalActor,
    row: AttachmentRow,
    part: 'content' | 'thumbnail' | 'original',
  ): { bytes: Buffer; mediaType: string; salt: Buffer } | undefined {
    const sealed = row[part];
    if (sealed === null) return undefined;
    const key = unwrapData(who, row.journalId, row.id, row.keyId, row.wrappedKey, 'journal/data-key');
    const framed = unpad(
      open(key, sealed, place('journal/attachment', row.journalId, `${row.id}/${part}`, DATA_EPOCH)),
    );
    const headerLength = framed.readUInt32BE(0);
    const header = JSON.parse(framed.subarray(4, 4 + headerLength).toString('utf8')) as {
      mediaType: string;
      salt: string;
    };
    return {
      bytes: Buffer.from(framed.subarray(4 + headerLength)),
      mediaType: part === 'thumbnail' ? 'image/jpeg' : header.mediaType,
      salt: Buffer.from(header.salt, 'base64url'),
    };
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

  function linksOf(summaries: readonly Summary[]) {
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

  async function viewsOf(who: JournalActor, journal: JournalRow, chosen: readonly Summary[], all: readonly Summary[]) {
    const ids = chosen.map((summary) => summary.id);
    const [rows, attachments] = await Promise.all([repo.entries(journal.id, ids), repo.attachmentsOf(journal.id, ids)]);
    const links = linksOf(all);
    const views = toViews(who, rows, attachments, links.byIndex, links.corrections, links.redactions);
    return chosen.map((summary) => views.get(summary.id)).filter((view): view is EntryView => view !== undefined);
  }

  const eventKey = (summary: Summary): string => `${summary.d ?? summary.r.slice(0, 10)}T${summary.t ?? '99:99'}`;

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
          const target = await locked.entry(targetId);
          // An id from another journal (or a diary note's id) is simply not found here.
          if (target === undefined) throw new NotFound('no such entry');
          if (target.redactedAt !== null) throw new JournalConflict('the entry was redacted');
          const payload = openEntry(who, target);
          if (payload?.kind === 'redaction') throw new JournalConflict('a redaction cannot be corrected');
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
          const target = await locked.entry(targetId);
          if (target === undefined) throw new NotFound('no such entry');
          if (target.redactedAt !== null) throw new JournalConflict('already redacted');
          const payload = openEntry(who, target);
          if (payload?.kind === 'redaction') throw new JournalConflict('a redaction cannot be redacted');
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
      const all = await allSummaries(who, journal);
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
      const all = await allSummaries(who, journal);
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
      const all = await allSummaries(who, journal);
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

    /**
     * The parent's own check of their journal: the log as stored (leaves, signatures, checkpoints) and, with
     * their keys, that every entry still opens and matches the commitment in its leaf.
     */
    async check(who: JournalActor): Promise<JournalCheckResult> {
      const journal = await ownJournal(who, 'view');
      if (journal === undefined) return { size: 0, problems: [] };
      const entries: EntryRow[] = [];
      for await (const row of repo.allEntries(journal.id)) entries.push(row);
      const author = who.keys.signingKey();
      const retired = await who.keys.retiredSigningKeys();
      const problems: JournalCheckResult['problems'] = checkJournalLog({
        journalId: journal.id,
        entries,
        checkpoints: await repo.checkpoints(journal.id),
        authorKeys: [...retired.map((key) => ({ publicKey: key.publicKey, id: key.id })), author],
        logKeys,
      });
      for (const row of entries) {
        if (row.redactedAt !== null || row.leafData === null) continue;
        let payload: EntryPayload | undefined;
        try {
          payload = openEntry(who, row);
        } catch (error) {
          if (!(error instanceof DecryptionFailed) && !(error instanceof SyntaxError)) throw error;
          problems.push({ at: row.index, check: 'ciphertext' });
          continue;
        }
        if (payload === undefined) continue;
        const { salt, ...committed } = payload;
        let leaf: LeafData;
        try {
          leaf = JSON.parse(row.leafData) as LeafData;
        } catch {
          continue; // already reported as a malformed leaf
        }
        if (toHex(saltedHash(Buffer.from(salt, 'base64url'), canonicalize(committed))) !== leaf.commitment) {
          problems.push({ at: row.index, check: 'commitment' });
        }
      }
      return { size: journal.size, problems: problems.sort((a, b) => a.at - b.at) };
    },

    /**
     * The operator's check of every journal's log as stored (`npm run cli -- verify-journals`): leaves, account
     * signatures and checkpoints, without any user key, so content stays sealed. Besides checkJournalLog, the
     * journal row's size, the stored entries and the latest checkpoint must agree ('journal-size', at the row's
     * size): a dropped last entry with its checkpoint shows there. No actor: this is for the command line only.
     */
    async *checkAllLogs(): AsyncGenerator<JournalLogReport> {
      for await (const { journal, authorKey } of repo.journalsWithAuthorKeys()) {
        const entries: EntryRow[] = [];
        for await (const row of repo.allEntries(journal.id)) entries.push(row);
        const checkpoints = await repo.checkpoints(journal.id);
        const problems: JournalLogReport['problems'] =
          authorKey === null || !isEd25519PublicKey(authorKey)
            ? [{ at: 0, check: 'author-key' }]
            : checkJournalLog({
                journalId: journal.id,
                entries,
                checkpoints,
                authorKeys: [
                  ...(await repo.retiredSigningKeys(journal.ownerId)).map((key) => ({
                    publicKey: key,
                    id: keyId(key),
                  })),
                  { publicKey: authorKey, id: keyId(authorKey) },
                ],
                logKeys,
              });
        const latest = checkpoints.reduce((size, checkpoint) => Math.max(size, checkpoint.size), 0);
        if (journal.size !== entries.length || journal.size !== latest || journal.frontier.size !== journal.size) {
          problems.push({ at: journal.size, check: 'journal-size' });
        }
        yield { journalId: journal.id, entries: entries.length, problems: problems.sort((a, b) => a.at - b.at) };
      }
    },

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
      const all = await allSummaries(who, journal);
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
      const withAttachments = (await allSummaries(who, journal)).filter(
        (summary) => (summary.a ?? 0) > 0 && summary.rd === undefined,
      );
      if (withAttachments.reduce((sum, summary) => sum + (summary.a ?? 0), 0) > limit) return undefined;
      const numberOf = new Map(withAttachments.map((summary) => [summary.id, summary.i + 1]));
      return (await repo.attachmentPlaces(journal.id))
        .filter((place) => numberOf.has(place.entryId))
        .map((place) => ({ id: place.id, number: numberOf.get(place.entryId)!, attachment: place.position + 1 }))
        .sort((a, b) => a.number - b.number || a.attachment - b.attachment);
    },

    /** The journal's latest checkpoint, for the parent to show at intake (size and root). */
    async currentCheckpoint(who: JournalActor): Promise<{ size: number; root: string; time: number } | undefined> {
      const journal = await ownJournal(who, 'view');
      if (journal === undefined) return undefined;
      const checkpoint = await repo.latestCheckpoint(journal.id);
      if (checkpoint === undefined) return undefined;
      const parsed = JSON.parse(checkpoint.bytes) as Checkpoint;
      return { size: parsed.size, root: parsed.root, time: parsed.time };
    },

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

export type JournalService = ReturnType<typeof createJournalService>;
