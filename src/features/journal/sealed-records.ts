import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  DecryptionFailed,
  generateKey,
  open,
  type SealContext,
  seal,
  type SymmetricKey,
  unwrapKey,
  type WrappedKey,
  wrapKey,
} from '../../shared/crypto/aead.js';
import type { ContentAttachment, EntryKind } from '../../shared/evidence/format.js';
import type { InspectedAttachment } from './attachments.js';
import type { JournalActor } from './journal-actor.js';
import type { AttachmentRow, EntryRow } from './journal.repo.js';
import type { Observation } from './journal.schema.js';

/*
 * How the journal and the diary are sealed at rest (DESIGN §2.4). Every entry, attachment and diary note has
 * its own random data key, wrapped under the owner's master key; contents are sealed with associated data
 * naming the journal, the record and the purpose, and padded so stored sizes say little.
 */

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

export const ENTRY_BUCKET = 1024;
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

export const place = (
  purpose: SealContext['purpose'],
  ownerId: string,
  recordId: string,
  epoch: number,
): SealContext => ({
  purpose,
  ownerId,
  recordId,
  epoch,
});

/** Data keys do not change; only the master key that wraps them does (its epoch is in the wrap). */
export const DATA_EPOCH = 1;

export type DataKeyPurpose = 'journal/data-key' | 'diary/data-key';

export const wrapData = (
  who: JournalActor,
  ownerId: string,
  recordId: string,
  key: SymmetricKey,
  purpose: DataKeyPurpose,
) => wrapKey(who.keys.masterKey(), key, place(purpose, ownerId, recordId, who.keys.epoch));

export const unwrapData = (
  who: JournalActor,
  ownerId: string,
  recordId: string,
  keyId: string,
  wrapped: WrappedKey,
  purpose: DataKeyPurpose,
) => unwrapKey(who.keys.masterKey(), wrapped, keyId, place(purpose, ownerId, recordId, who.keys.epoch));

export function openEntry(who: JournalActor, row: EntryRow): EntryPayload | undefined {
  if (row.wrappedKey === null || row.payload === null) return undefined;
  return openEntryWith(unwrapData(who, row.journalId, row.id, row.keyId, row.wrappedKey, 'journal/data-key'), row);
}

/** Opens an entry with its data key itself (an entry shared into a case: the key comes from its share). */
export function openEntryWith(key: SymmetricKey, row: EntryRow): EntryPayload | undefined {
  if (row.payload === null) return undefined;
  const bytes = open(key, row.payload, place('journal/entry', row.journalId, row.id, DATA_EPOCH));
  return JSON.parse(unpad(bytes).toString('utf8')) as EntryPayload;
}

export function sealEntry(journalId: string, entryId: string, dataKey: SymmetricKey, payload: EntryPayload) {
  return seal(
    dataKey,
    pad(Buffer.from(JSON.stringify(payload), 'utf8'), ENTRY_BUCKET),
    place('journal/entry', journalId, entryId, DATA_EPOCH),
  );
}

export function sealAttachment(
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

export function openAttachmentPart(
  who: JournalActor,
  row: AttachmentRow,
  part: 'content' | 'thumbnail' | 'original',
): { bytes: Buffer; mediaType: string; salt: Buffer } | undefined {
  if (row[part] === null) return undefined;
  return openAttachmentPartWith(
    unwrapData(who, row.journalId, row.id, row.keyId, row.wrappedKey, 'journal/data-key'),
    row,
    part,
  );
}

/** Opens a part of an attachment with its data key itself (an attachment shared into a case). */
export function openAttachmentPartWith(
  key: SymmetricKey,
  row: AttachmentRow,
  part: 'content' | 'thumbnail' | 'original',
): { bytes: Buffer; mediaType: string; salt: Buffer } | undefined {
  const sealed = row[part];
  if (sealed === null) return undefined;
  const framed = unpad(open(key, sealed, place('journal/attachment', row.journalId, `${row.id}/${part}`, DATA_EPOCH)));
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
