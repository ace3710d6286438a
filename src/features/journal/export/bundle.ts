import { createHash } from 'node:crypto';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import type { LogKey } from '../../../shared/crypto/log-key.js';
import { signMessage } from '../../../shared/crypto/signing.js';
import { concatBytes, fromHex, toHex } from '../../../shared/evidence/bytes.js';
import {
  attachmentPath,
  type Checkpoint,
  exportFormat,
  exportStatement,
  exportVersion,
  formatFingerprint,
  type Manifest,
  type ManifestEntry,
  manifestPath,
  pdfPath,
} from '../../../shared/evidence/format.js';
import { canonicalize } from '../../../shared/evidence/jcs.js';
import { MerkleTree } from '../../../shared/evidence/merkle.js';
import { nextTurn } from '../../../shared/next-turn.js';
import type { Translate } from '../../../shared/i18n/i18n.js';
import type { Locale } from '../../../shared/i18n/messages.js';
import type { GlobalRootRow } from '../../log/log.repo.js';
import type { Disclosure } from '../journal.service.js';
import { type JournalPdfModel, type PdfEntry, renderJournalPdf, type SharedInCase } from './pdf.js';

/*
 * Assembles an export bundle (docs/export-format.md §5): manifest.json for machines, journal.pdf for people,
 * and the disclosed attachments, in one ZIP. Everything signed or hashed is carried as the exact bytes that
 * were signed or hashed; nothing is re-serialised. The account's key signs the export itself (§8): the
 * checkpoint, the index lists, the label, the export time and the SHA-256 of the PDF and of every attachment,
 * so the PDF people read is bound to what the verifier checks.
 */

export interface BundleInput {
  disclosure: Disclosure;
  /** `timestamp`: the TSA's token (base64 DER) over the root (§4.1), when it has one. */
  global: { root: GlobalRootRow; index: number; proof: string[]; timestamp?: string };
  logKey: LogKey;
  label: string;
  exportedAt: number;
  /** The size of a checkpoint the recipient already holds, for a consistency proof (§6.9). */
  knownSize?: number;
  locale: Locale;
  t: Translate;
  /** Told how far the PDF is, and when the ZIP is being written (for the export's progress page). */
  progress?: ExportProgressListener;
  /** The police bundle of entries shared into a case: the shares' consent records, printed on the cover. */
  sharedInCase?: SharedInCase;
}

/** The steps of making an export, in order: opening the entries, the PDF, the ZIP. */
export type ExportPhase = 'reading' | 'pdf' | 'zip';
export type ExportProgressListener = (phase: ExportPhase, done: number, total: number) => void;

const extensionOf = (mediaType: string): string =>
  mediaType === 'application/pdf' ? 'pdf' : mediaType === 'image/jpeg' ? 'jpg' : (mediaType.split('/')[1] ?? 'bin');

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

export async function buildBundle(input: BundleInput): Promise<Uint8Array> {
  const { disclosure } = input;
  const leafHashes = disclosure.leafHashes.map((hash) => fromHex(hash)!);
  // One tree for every proof: built once in O(n), then each proof is O(log² n).
  const tree = new MerkleTree(leafHashes);
  // Which disclosed corrections correct each entry, found once rather than per entry.
  const correctedBy = new Map<number, number[]>();
  for (const other of disclosure.entries) {
    const target = other.payload.kind === 'correction' ? other.payload.target?.index : undefined;
    if (target !== undefined) correctedBy.set(target, [...(correctedBy.get(target) ?? []), other.row.index + 1]);
  }
  const checkpoint = JSON.parse(disclosure.checkpoint.bytes) as Checkpoint;
  const members: Record<string, Uint8Array> = {};
  const entries: ManifestEntry[] = [];
  const pdfEntries: PdfEntry[] = [];
  for (const { row, payload, attachments } of disclosure.entries) {
    const { salt, ...committed } = payload;
    const manifestAttachments: ManifestEntry['attachments'] = [];
    const pdfAttachments: PdfEntry['attachments'] = [];
    for (const reference of committed.attachments ?? []) {
      const attachment = attachments.find((candidate) => candidate.id === reference.id);
      const n = (committed.attachments ?? []).indexOf(reference) + 1;
      if (attachment === undefined) {
        pdfAttachments.push({ number: n, mediaType: reference.mediaType, size: reference.size, withheld: true });
        continue;
      }
      const path = attachmentPath(row.index, n, 'file', extensionOf(attachment.file.mediaType));
      members[path] = attachment.file.bytes;
      manifestAttachments.push({ path, id: reference.id, role: 'file', salt: b64(attachment.file.salt) });
      let original: PdfEntry['attachments'][number]['original'];
      if (attachment.original === undefined) {
        // Kept at upload but left out of this export by the parent: the PDF says so.
        if (reference.originalSha256 !== undefined) original = 'withheld';
      } else {
        const originalPath = attachmentPath(row.index, n, 'original', extensionOf(attachment.original.mediaType));
        original = { path: originalPath };
        members[originalPath] = attachment.original.bytes;
        manifestAttachments.push({
          path: originalPath,
          id: reference.id,
          role: 'original',
          salt: b64(attachment.original.salt),
        });
      }
      pdfAttachments.push({
        number: n,
        mediaType: reference.mediaType,
        size: reference.size,
        path,
        withheld: false,
        ...(attachment.thumbnail === undefined ? {} : { thumbnail: attachment.thumbnail }),
        ...(original === undefined ? {} : { original }),
      });
    }
    entries.push({
      index: row.index,
      leaf: b64(Buffer.from(row.leafData!, 'utf8')),
      signature: row.signature!,
      proof: tree.inclusionProof(row.index).map((node) => toHex(node)),
      salt: b64(Buffer.from(salt, 'base64url')),
      content: b64(canonicalize(committed)),
      attachments: manifestAttachments,
    });
    const pdfEntry: PdfEntry = {
      number: row.index + 1,
      index: row.index,
      receivedAt: Date.parse(row.receivedAt),
      leafHash: row.leafHash!,
      kind: payload.kind,
      correctedBy: correctedBy.get(row.index) ?? [],
      attachments: pdfAttachments,
    };
    if (payload.target !== undefined) pdfEntry.target = { number: payload.target.index + 1 };
    if (payload.observation !== undefined) pdfEntry.observation = payload.observation;
    pdfEntries.push(pdfEntry);
  }

  const manifest: Manifest = {
    format: exportFormat,
    version: exportVersion,
    journal: disclosure.journalId,
    label: input.label,
    exportedAt: input.exportedAt,
    authorKey: b64(disclosure.author.publicKey),
    // After key rotations: the earlier keys, oldest first, each with its signed hand-over to the next (§5).
    ...(disclosure.authorHistory.length === 0
      ? {}
      : {
          authorKeyHistory: disclosure.authorHistory.map((earlier) => ({
            key: b64(earlier.publicKey),
            rotation: {
              bytes: b64(Buffer.from(earlier.rotation.bytes, 'utf8')),
              signature: earlier.rotation.signature,
            },
          })),
        }),
    logKey: b64(input.logKey.publicKey),
    checkpoint: {
      bytes: b64(Buffer.from(disclosure.checkpoint.bytes, 'utf8')),
      signature: disclosure.checkpoint.signature,
      ...(input.knownSize === undefined || input.knownSize < 1 || input.knownSize > checkpoint.size
        ? {}
        : {
            consistency: {
              size: input.knownSize,
              proof: tree.consistencyProof(input.knownSize).map((node) => toHex(node)),
            },
          }),
    },
    global: {
      bytes: b64(Buffer.from(input.global.root.bytes, 'utf8')),
      signature: input.global.root.signature,
      index: input.global.index,
      proof: input.global.proof,
      ...(input.global.timestamp === undefined ? {} : { timestamp: input.global.timestamp }),
    },
    entries,
    withheld: disclosure.withheld,
    redacted: disclosure.redacted,
  };

  const dates = disclosure.entries
    .map((entry) => entry.payload.observation?.date)
    .filter((date): date is string => date !== undefined)
    .sort();
  const model: JournalPdfModel = {
    locale: input.locale,
    label: input.label,
    period: {
      ...(dates[0] === undefined ? {} : { from: dates[0] }),
      ...(dates.at(-1) === undefined ? {} : { to: dates.at(-1)! }),
    },
    counts: {
      disclosed: entries.length,
      withheld: disclosure.withheld.length,
      redacted: disclosure.redacted.length,
      size: checkpoint.size,
    },
    authorFingerprint: formatFingerprint(disclosure.author.id),
    earlierFingerprints: disclosure.authorHistory.map((earlier) => formatFingerprint(earlier.id)),
    logKeyId: input.logKey.id,
    checkpoint: { size: checkpoint.size, root: checkpoint.root, time: checkpoint.time },
    exportedAt: input.exportedAt,
    entries: [
      ...pdfEntries,
      ...disclosure.redactedEntries.map((entry): PdfEntry => ({
        number: entry.index + 1,
        index: entry.index,
        receivedAt: Date.parse(entry.receivedAt),
        leafHash: entry.leafHash,
        kind: 'entry',
        redacted: { at: Date.parse(entry.redactedAt) },
        correctedBy: [],
        attachments: [],
      })),
    ].sort((a, b) => a.index - b.index),
    withheldIndices: disclosure.withheld,
    ...(input.sharedInCase === undefined ? {} : { sharedInCase: input.sharedInCase }),
  };
  const { progress } = input;
  progress?.('pdf', 0, model.entries.length);
  members[pdfPath] = await renderJournalPdf(
    model,
    input.t,
    progress === undefined ? undefined : (done, total) => progress('pdf', done, total),
  );
  progress?.('zip', 0, 1);
  // §8 The export statement, signed with the account's key over the bytes that go into the ZIP.
  const plainSha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
  const statement = canonicalize(
    exportStatement({
      journal: disclosure.journalId,
      key: disclosure.author.id,
      label: input.label,
      exportedAt: input.exportedAt,
      checkpoint,
      disclosed: entries.map((entry) => entry.index),
      withheld: disclosure.withheld,
      redacted: disclosure.redacted,
      pdf: plainSha256(members[pdfPath]),
      attachments: Object.entries(members)
        .filter(([path]) => path !== pdfPath)
        .map(([path, bytes]) => ({ path, sha256: plainSha256(bytes) })),
    }),
  );
  manifest.export = {
    bytes: b64(statement),
    signature: b64(signMessage(disclosure.author.privateKey, 'export', statement)),
  };
  members[manifestPath] = Buffer.from(JSON.stringify(manifest), 'utf8');

  return zipInSteps(members, new Date(input.exportedAt), progress);
}

// Photos go into the ZIP a megabyte at a time, with a turn for other requests in between: a 200 MB export
// would otherwise hold the server for a second.
const ZIP_STEP = 1024 * 1024;

/**
 * The ZIP with fflate's streaming writer, members in name order. Images and the PDF are compressed already
 * and are stored; the manifest compresses well and is deflated. Sizes and CRCs go into data descriptors and
 * the central directory (standard ZIP, which every reader, this project's verifier included, understands).
 */
async function zipInSteps(
  members: Record<string, Uint8Array>,
  mtime: Date,
  progress: ExportProgressListener | undefined,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const written: { failure?: Error; finished: boolean } = { finished: false };
  const zip = new Zip((error, chunk, final) => {
    if (error !== null) written.failure = error;
    else chunks.push(chunk);
    if (final) written.finished = true;
  });
  const names = Object.keys(members).sort();
  for (const [position, name] of names.entries()) {
    const bytes = members[name]!;
    const file = name === manifestPath ? new ZipDeflate(name, { level: 6 }) : new ZipPassThrough(name);
    file.mtime = mtime;
    zip.add(file);
    if (bytes.length === 0) file.push(bytes, true);
    for (let offset = 0; offset < bytes.length; offset += ZIP_STEP) {
      file.push(bytes.subarray(offset, offset + ZIP_STEP), offset + ZIP_STEP >= bytes.length);
      if (bytes.length > ZIP_STEP) await nextTurn();
    }
    progress?.('zip', position + 1, names.length + 1);
  }
  zip.end();
  if (written.failure !== undefined) throw written.failure;
  if (!written.finished) throw new Error('the ZIP writer did not finish');
  return concatBytes(...chunks);
}
