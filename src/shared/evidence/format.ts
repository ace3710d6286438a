import { sha256 } from './sha256.js';
import { concatBytes, toHex, utf8 } from './bytes.js';

/*
 * The journal export format, versions 1 and 2 (docs/export-format.md): its types, purpose prefixes and the small
 * computations that the server (signing, exporting) and the verifier must do identically.
 */

export const exportFormat = 'nmk-journal-export';
/** The version the app writes: 2, with the export statement signed by the account (§8). */
export const exportVersion = 2;
/** Versions a verifier reads: 1 (without an export signature) and 2. */
export type ExportVersion = 1 | 2;

/** Purposes of the log's and the account's signatures; each signs its prefix followed by the message (§1). */
export type SignaturePurpose = 'leaf' | 'checkpoint' | 'global-root' | 'key-rotation' | 'export';

const prefixes: Record<SignaturePurpose, Uint8Array> = {
  leaf: utf8('nmk/v1/leaf\n'),
  checkpoint: utf8('nmk/v1/checkpoint\n'),
  'global-root': utf8('nmk/v1/global-root\n'),
  'key-rotation': utf8('nmk/v1/key-rotation\n'),
  export: utf8('nmk/v1/export\n'),
};

/** The bytes an Ed25519 signature for this purpose covers: the ASCII prefix, then the message. */
export function signedMessage(purpose: SignaturePurpose, message: Uint8Array): Uint8Array {
  return concatBytes(prefixes[purpose], message);
}

/** An Ed25519 public key as SubjectPublicKeyInfo DER is this 12-byte header and the 32-byte key. */
export const ed25519SpkiPrefix = new Uint8Array([
  0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00,
]);

export function isEd25519Spki(spki: Uint8Array): boolean {
  return spki.length === 44 && ed25519SpkiPrefix.every((byte, i) => spki[i] === byte);
}

/** A key's id and fingerprint: hex(SHA-256(SPKI DER)). */
export function keyId(spki: Uint8Array): string {
  return toHex(sha256(spki));
}

/** A fingerprint as people read it: 16 groups of 4 hex digits. */
export function formatFingerprint(id: string): string {
  return (id.match(/.{1,4}/g) ?? []).join(' ');
}

/** Accepts a fingerprint as typed (any case, spaces, colons or dashes) and gives the 64-digit id, if it is one. */
export function normaliseFingerprint(typed: string): string | undefined {
  const id = typed.toLowerCase().replace(/[\s:-]/g, '');
  return /^[0-9a-f]{64}$/.test(id) ? id : undefined;
}

/** commitment = SHA-256(salt ‖ JCS(content)); also an attachment's hash: SHA-256(attachmentSalt ‖ file). */
export function saltedHash(salt: Uint8Array, bytes: Uint8Array): Uint8Array {
  return sha256(salt, bytes);
}

export type EntryKind = 'entry' | 'correction' | 'redaction';
export type LinkRel = 'corrects' | 'redacts';

export interface Person {
  name: string;
  description: string;
}
export interface Flagged {
  value: string;
  recognised: boolean;
}
export interface AgencyContact {
  who: string;
  reference: string;
}

/** §2.1: what the parent observed, as typed (dates and times are local calendar values, not instants). */
export interface Observation {
  date: string;
  time?: string;
  approximate: boolean;
  category: string;
  text: string;
  question?: string;
  words?: string;
  people: Person[];
  online: string[];
  phones: Flagged[];
  plates: Flagged[];
  places: string[];
  missingFrom?: string;
  missingUntil?: string;
  agencies: AgencyContact[];
}

export interface ContentAttachment {
  id: string;
  mediaType: string;
  size: number;
  width?: number;
  height?: number;
  /** hex(SHA-256(attachmentSalt ‖ file)). */
  sha256: string;
  /** The same for the kept original, when the parent kept the photo's metadata. */
  originalSha256?: string;
}

export interface Content {
  v: 1;
  kind: EntryKind;
  target?: { index: number; id: string };
  observation?: Observation;
  attachments?: ContentAttachment[];
}

export interface Link {
  rel: LinkRel;
  index: number;
  leaf: string;
}

export interface LeafData {
  v: 1;
  journal: string;
  index: number;
  received: number;
  key: string;
  commitment: string;
  links: Link[];
}

export interface Checkpoint {
  v: 1;
  journal: string;
  size: number;
  root: string;
  time: number;
  key: string;
}

export interface GlobalRoot {
  v: 1;
  size: number;
  root: string;
  time: number;
  key: string;
}

/** §4.4: an account's earlier signing key hands over to the next one (signed by the earlier key). */
export interface KeyRotation {
  v: 1;
  /** The id of the key that signs this statement and is retired by it. */
  old: string;
  /** The id of the key that follows it. */
  new: string;
  time: number;
}

/** One earlier author key in the manifest, with its signed hand-over to the next key (§5). */
export interface AuthorKeyHistoryItem {
  /** SPKI DER of the earlier key, base64. */
  key: string;
  rotation: { bytes: string; signature: string };
}

export type AttachmentRole = 'file' | 'original';

export interface ManifestAttachment {
  path: string;
  id: string;
  role: AttachmentRole;
  salt: string;
}

export interface ManifestEntry {
  index: number;
  leaf: string;
  signature: string;
  proof: string[];
  salt: string;
  content: string;
  attachments: ManifestAttachment[];
}

/**
 * §8 (version 2): what the account signs when it exports: the checkpoint, which indices are disclosed, withheld
 * and redacted, the label, the export time, and the plain SHA-256 of journal.pdf and of every attachment member.
 */
export interface ExportStatement {
  v: 1;
  journal: string;
  /** The id of the author key that signs the statement. */
  key: string;
  label: string;
  exportedAt: number;
  /** The checkpoint exactly as in the manifest: JCS(statement.checkpoint) is the checkpoint's bytes. */
  checkpoint: Checkpoint;
  /** Ascending. */
  disclosed: number[];
  /** Ascending. */
  withheld: number[];
  /** Ascending. */
  redacted: number[];
  /** hex(SHA-256(journal.pdf)). */
  pdf: string;
  /** Every attachment member of the bundle, in byte order of path. */
  attachments: { path: string; sha256: string }[];
}

const ascending = (indices: readonly number[]): number[] => indices.slice().sort((a, b) => a - b);

/** The statement in its one canonical arrangement: index lists ascending, attachments by path (ASCII order). */
export function exportStatement(input: Omit<ExportStatement, 'v'>): ExportStatement {
  return {
    v: 1,
    journal: input.journal,
    key: input.key,
    label: input.label,
    exportedAt: input.exportedAt,
    checkpoint: input.checkpoint,
    disclosed: ascending(input.disclosed),
    withheld: ascending(input.withheld),
    redacted: ascending(input.redacted),
    pdf: input.pdf,
    attachments: input.attachments
      .map(({ path, sha256 }) => ({ path, sha256 }))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
  };
}

export interface Manifest {
  format: typeof exportFormat;
  version: ExportVersion;
  journal: string;
  label: string;
  exportedAt: number;
  authorKey: string;
  /** Earlier author keys, oldest first, the last handing over to authorKey; absent when there are none. */
  authorKeyHistory?: AuthorKeyHistoryItem[];
  logKey: string;
  checkpoint: { bytes: string; signature: string; consistency?: { size: number; proof: string[] } };
  /** `timestamp`: an RFC 3161 TimeStampToken (base64 DER) over SHA-256 of the global root's bytes (§4.1). */
  global: { bytes: string; signature: string; index: number; proof: string[]; timestamp?: string };
  entries: ManifestEntry[];
  withheld: number[];
  redacted: number[];
  /** Version 2 only (required there): the export statement and the author key's signature over it (§8). */
  export?: { bytes: string; signature: string };
}

export const manifestPath = 'manifest.json';
export const pdfPath = 'journal.pdf';
export const attachmentsFolder = 'attachments/';

/** `attachments/<index>-<n>[-original].<ext>`, with n counting from 1 in the content's attachment list. */
export function attachmentPath(index: number, n: number, role: AttachmentRole, extension: string): string {
  return `${attachmentsFolder}${index}-${n}${role === 'original' ? '-original' : ''}.${extension}`;
}

export const attachmentPathPattern =
  /^attachments\/(0|[1-9][0-9]{0,15})-([1-9][0-9]{0,5})(-original)?\.([a-z0-9]{1,8})$/;
