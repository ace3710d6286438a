// Builds a VALID journal export bundle from scratch, exactly per docs/export-format.md, with its own test author
// key and test log key, so the verifier can be tested (and benchmarked) without the server. Version 2 (the
// default) carries the account's export signature (§8); version 1 has none. Hooks let a test change one thing
// before signing (receipt times, how leaves are signed, what the export signs) or after (the manifest, the
// members, or by name: the PDF, the label, the export time, an attachment).

import { generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { toBase64, toHex, utf8 } from '../../src/shared/evidence/bytes.js';
import {
  attachmentPath,
  type Checkpoint,
  type Content,
  exportFormat,
  exportStatement,
  type ExportStatement,
  type GlobalRoot,
  keyId,
  type LeafData,
  type Link,
  type Manifest,
  type ManifestEntry,
  type Observation,
  saltedHash,
  signedMessage,
} from '../../src/shared/evidence/format.js';
import { canonicalize } from '../../src/shared/evidence/jcs.js';
import { hashLeaf, MerkleTree } from '../../src/shared/evidence/merkle.js';
import { sha256 } from '../../src/shared/evidence/sha256.js';
import type { Report } from '../../src/shared/evidence/verify.js';

export interface TestKey {
  privateKey: KeyObject;
  spki: Uint8Array;
  spkiB64: string;
  id: string;
}

export function makeKey(): TestKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const spki = new Uint8Array(publicKey.export({ type: 'spki', format: 'der' }));
  return { privateKey, spki, spkiB64: toBase64(spki), id: keyId(spki) };
}

/** Signs purpose prefix ‖ message, as the server and the browser session do. */
export function signFor(key: TestKey, purpose: Parameters<typeof signedMessage>[0], message: Uint8Array): string {
  return toBase64(new Uint8Array(sign(null, signedMessage(purpose, message), key.privateKey)));
}

export interface BuildOptions {
  /** Entries in the log (at least 7; the first seven are the special cases below). Default 10. */
  size?: number;
  journal?: string;
  authorKey?: TestKey;
  logKey?: TestKey;
  /** Receipt time of each index (default: 2026-03-01 plus one minute per index). */
  received?: (index: number) => number;
  /** What the account key signs for a leaf (default: the "nmk/v1/leaf\n" prefix and the leaf hash). */
  signLeaf?: (key: TestKey, leafHash: Uint8Array) => string;
  /**
   * A rotated author: the account's keys before `authorKey`, oldest first. Leaf i is signed by earlierKeys[k] for
   * the first k with i < rotatedAt[k], else by authorKey; the manifest gets authorKeyHistory with each hand-over.
   */
  rotatedAuthor?: { earlierKeys: TestKey[]; rotatedAt: number[] };
  /** Changes a leaf before it is hashed and signed. */
  leaf?: (leaf: LeafData) => void;
  /** Adds checkpoint.consistency from this earlier size, and returns that signed checkpoint as knownCheckpoint. */
  consistencyFrom?: number;
  /** The manifest's format version: 2 (default) with the export signature of §8, or 1 without. */
  version?: 1 | 2;
  /** Changes the manifest and members before the export statement is made and signed (so they are signed). */
  beforeExportSignature?: (manifest: Manifest, members: Record<string, Uint8Array>) => void;
  /** Changes the manifest before it is written (after everything was signed). */
  manifest?: (manifest: Manifest) => void;
  /** Changes the ZIP members before they are zipped. */
  members?: (members: Record<string, Uint8Array>) => void;
  /** After signing, as someone who got hold of the bundle would: each field replaces one thing. */
  tamper?: {
    /** New bytes for journal.pdf. */
    pdf?: Uint8Array;
    /** Another label in the manifest. */
    label?: string;
    /** Another export time in the manifest. */
    exportedAt?: number;
    /** New bytes for one attachment member (its manifest record unchanged). */
    attachment?: { path: string; bytes: Uint8Array };
  };
}

export interface BuiltBundle {
  zip: Uint8Array;
  manifest: Manifest;
  members: Record<string, Uint8Array>;
  authorKey: TestKey;
  /** With rotatedAuthor: the account's earlier keys, oldest first. */
  earlierKeys: TestKey[];
  logKey: TestKey;
  /** verifyBundle's pinnedLogKeys for this bundle's log key. */
  pinnedLogKeys: Record<string, string>;
  /** Leaf hashes of every index, disclosed or not. */
  leafHashes: Uint8Array[];
  checkpoint: Checkpoint;
  /** With consistencyFrom: the signed checkpoint of that size, as a known-checkpoint file holds it. */
  knownCheckpoint?: { bytes: string; signature: string };
  /** Indices with an attachment member, with the member's path. */
  attachmentPaths: string[];
  /** Version 2: the export statement the author key signed. */
  statement?: ExportStatement;
}

/*
 * The layout of the first seven indices; every further index is an ordinary disclosed entry.
 *   0 entry with a photo, its kept original and a withheld screenshot   4 redaction of 2
 *   1 entry                                                             5 entry, withheld by the parent
 *   2 entry, later redacted (content, salt and key destroyed)           6 entry with the child's words
 *   3 correction of 1
 */
export const layout = { photo: 0, corrected: 1, redacted: 2, correction: 3, redaction: 4, withheld: 5 } as const;

const baseTime = Date.UTC(2026, 2, 1, 9, 0, 0);

function observation(index: number): Observation {
  return {
    date: '2026-02-28',
    time: '21:15',
    approximate: index % 2 === 0,
    category: 'missing',
    text: `Melding ${index}: ze kwam om 02:00 thuis met een nieuwe telefoon. Ĳsbaan, café, €50.`,
    people: [{ name: 'Mo', description: 'ouder, rijdt een grijze auto' }],
    online: ['@nieuwe_vriend'],
    phones: [{ value: '06-12345678', recognised: false }],
    plates: [{ value: 'XX-123-Y', recognised: true }],
    places: ['station'],
    agencies: [],
    ...(index === 6 ? { question: 'Waar was je?', words: 'Gewoon bij een vriendin, echt waar.' } : {}),
  };
}

function fakeImage(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(randomBytes(length));
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, seed & 0xff]);
  return bytes;
}

/** A complete, valid bundle. */
export function buildBundle(options: BuildOptions = {}): BuiltBundle {
  const size = options.size ?? 10;
  if (size < 7) throw new Error('a test bundle has at least 7 entries');
  const journal = options.journal ?? 'journal-0001';
  const authorKey = options.authorKey ?? makeKey();
  const earlierKeys = options.rotatedAuthor?.earlierKeys ?? [];
  const rotatedAt = options.rotatedAuthor?.rotatedAt ?? [];
  const signerOf = (index: number): TestKey => {
    const position = rotatedAt.findIndex((first) => index < first);
    return position < 0 ? authorKey : (earlierKeys[position] ?? authorKey);
  };
  const logKey = options.logKey ?? makeKey();
  const received = options.received ?? ((index: number) => baseTime + index * 60_000);
  const signLeaf = options.signLeaf ?? ((key: TestKey, leafHash: Uint8Array) => signFor(key, 'leaf', leafHash));

  const members: Record<string, Uint8Array> = { 'journal.pdf': strToU8('%PDF-1.7\n% test\n%%EOF\n') };
  const entries: ManifestEntry[] = [];
  const leafHashes: Uint8Array[] = [];
  const attachmentPaths: string[] = [];
  for (let index = 0; index < size; index += 1) {
    let content: Content;
    const links: Link[] = [];
    const manifestAttachments: ManifestEntry['attachments'] = [];
    if (index === layout.correction) {
      content = {
        v: 1,
        kind: 'correction',
        target: { index: layout.corrected, id: 'e-1' },
        observation: observation(3),
      };
      links.push({ rel: 'corrects', index: layout.corrected, leaf: toHex(leafHashes[layout.corrected]!) });
    } else if (index === layout.redaction) {
      content = { v: 1, kind: 'redaction', target: { index: layout.redacted, id: 'e-2' } };
      links.push({ rel: 'redacts', index: layout.redacted, leaf: toHex(leafHashes[layout.redacted]!) });
    } else {
      content = { v: 1, kind: 'entry', observation: observation(index) };
    }
    if (index === layout.photo) {
      const photo = fakeImage(2048, 1);
      const original = fakeImage(3072, 2);
      const screenshot = fakeImage(1024, 3);
      const [photoSalt, originalSalt, screenshotSalt] = [randomBytes(32), randomBytes(32), randomBytes(32)];
      content.attachments = [
        {
          id: 'a-photo',
          mediaType: 'image/png',
          size: photo.length,
          width: 4,
          height: 3,
          sha256: toHex(saltedHash(photoSalt, photo)),
          originalSha256: toHex(saltedHash(originalSalt, original)),
        },
        {
          id: 'a-screenshot',
          mediaType: 'image/png',
          size: screenshot.length,
          sha256: toHex(saltedHash(screenshotSalt, screenshot)),
        },
      ];
      const photoPath = attachmentPath(index, 1, 'file', 'png');
      const originalPath = attachmentPath(index, 1, 'original', 'png');
      members[photoPath] = photo;
      members[originalPath] = original;
      attachmentPaths.push(photoPath, originalPath);
      manifestAttachments.push(
        { path: photoPath, id: 'a-photo', role: 'file', salt: toBase64(photoSalt) },
        { path: originalPath, id: 'a-photo', role: 'original', salt: toBase64(originalSalt) },
      );
    }
    const salt = randomBytes(32);
    const contentBytes = canonicalize(content);
    const leaf: LeafData = {
      v: 1,
      journal,
      index,
      received: received(index),
      key: signerOf(index).id,
      commitment: toHex(saltedHash(salt, contentBytes)),
      links,
    };
    options.leaf?.(leaf);
    const leafBytes = canonicalize(leaf);
    const leafHash = hashLeaf(leafBytes);
    leafHashes.push(leafHash);
    if (index === layout.redacted || index === layout.withheld) continue;
    entries.push({
      index,
      leaf: toBase64(leafBytes),
      signature: signLeaf(signerOf(index), leafHash),
      proof: [],
      salt: toBase64(salt),
      content: toBase64(contentBytes),
      attachments: manifestAttachments,
    });
  }
  const tree = new MerkleTree(leafHashes);
  for (const entry of entries) entry.proof = tree.inclusionProof(entry.index).map(toHex);

  let lastReceived = 0;
  for (let index = 0; index < size; index += 1) lastReceived = Math.max(lastReceived, received(index));
  const checkpoint: Checkpoint = {
    v: 1,
    journal,
    size,
    root: toHex(tree.root()),
    time: lastReceived + 1000,
    key: logKey.id,
  };
  const checkpointBytes = canonicalize(checkpoint);

  // The global tree: this journal's checkpoint among two others, in order of journal id.
  const others = ['journal-0000', 'journal-0002'].map((id, n) =>
    canonicalize({
      v: 1,
      journal: id,
      size: n + 3,
      root: toHex(randomBytes(32)),
      time: checkpoint.time,
      key: logKey.id,
    }),
  );
  const globalLeaves = [others[0]!, checkpointBytes, others[1]!].map(hashLeaf);
  const globalTree = new MerkleTree(globalLeaves);
  const globalRoot: GlobalRoot = {
    v: 1,
    size: globalLeaves.length,
    root: toHex(globalTree.root()),
    time: checkpoint.time + 60_000,
    key: logKey.id,
  };
  const globalBytes = canonicalize(globalRoot);

  const version = options.version ?? 2;
  const manifest: Manifest = {
    format: exportFormat,
    version,
    journal,
    label: 'Sanne',
    exportedAt: globalRoot.time + 1000,
    authorKey: authorKey.spkiB64,
    ...(earlierKeys.length === 0
      ? {}
      : {
          authorKeyHistory: earlierKeys.map((earlier, k) => {
            const bytes = canonicalize({
              v: 1,
              old: earlier.id,
              new: (earlierKeys[k + 1] ?? authorKey).id,
              time: received(Math.max(0, (rotatedAt[k] ?? 1) - 1)) + 1,
            });
            return {
              key: earlier.spkiB64,
              rotation: { bytes: toBase64(bytes), signature: signFor(earlier, 'key-rotation', bytes) },
            };
          }),
        }),
    logKey: logKey.spkiB64,
    checkpoint: { bytes: toBase64(checkpointBytes), signature: signFor(logKey, 'checkpoint', checkpointBytes) },
    global: {
      bytes: toBase64(globalBytes),
      signature: signFor(logKey, 'global-root', globalBytes),
      index: 1,
      proof: globalTree.inclusionProof(1).map(toHex),
    },
    entries,
    withheld: [layout.withheld],
    redacted: [layout.redacted],
  };
  let knownCheckpoint: BuiltBundle['knownCheckpoint'];
  if (options.consistencyFrom !== undefined) {
    const from = options.consistencyFrom;
    manifest.checkpoint.consistency = { size: from, proof: tree.consistencyProof(from).map(toHex) };
    const earlier = canonicalize({ ...checkpoint, size: from, root: toHex(tree.root(from)), time: received(from - 1) });
    knownCheckpoint = { bytes: toBase64(earlier), signature: signFor(logKey, 'checkpoint', earlier) };
  }
  options.beforeExportSignature?.(manifest, members);
  let statement: ExportStatement | undefined;
  if (version === 2) {
    statement = exportStatement({
      journal,
      key: authorKey.id,
      label: manifest.label,
      exportedAt: manifest.exportedAt,
      checkpoint,
      disclosed: manifest.entries.map((entry) => entry.index),
      withheld: manifest.withheld,
      redacted: manifest.redacted,
      pdf: toHex(sha256(members['journal.pdf']!)),
      attachments: Object.entries(members)
        .filter(([path]) => path.startsWith('attachments/'))
        .map(([path, bytes]) => ({ path, sha256: toHex(sha256(bytes)) })),
    });
    const bytes = canonicalize(statement);
    manifest.export = { bytes: toBase64(bytes), signature: signFor(authorKey, 'export', bytes) };
  }
  const { tamper } = options;
  if (tamper?.label !== undefined) manifest.label = tamper.label;
  if (tamper?.exportedAt !== undefined) manifest.exportedAt = tamper.exportedAt;
  if (tamper?.pdf !== undefined) members['journal.pdf'] = tamper.pdf;
  if (tamper?.attachment !== undefined) members[tamper.attachment.path] = tamper.attachment.bytes;
  options.manifest?.(manifest);
  members['manifest.json'] = utf8(JSON.stringify(manifest));
  options.members?.(members);
  return {
    zip: zipMembers(members),
    manifest,
    members,
    authorKey,
    earlierKeys,
    logKey,
    pinnedLogKeys: { [logKey.id]: logKey.spkiB64 },
    leafHashes,
    checkpoint,
    ...(knownCheckpoint === undefined ? {} : { knownCheckpoint }),
    attachmentPaths,
    ...(statement === undefined ? {} : { statement }),
  };
}

/** Zips members (deflate, level 6), in a stable order. */
export function zipMembers(members: Record<string, Uint8Array>): Uint8Array {
  const zippable: Zippable = {};
  for (const name of Object.keys(members).sort()) zippable[name] = members[name]!;
  return zipSync(zippable, { level: 6, mtime: new Date(Date.UTC(2026, 2, 1)) });
}

/** The same bundle with its manifest replaced by `text` (other members unchanged). */
export function withManifestText(bundle: BuiltBundle, text: string | Uint8Array): Uint8Array {
  return zipMembers({ ...bundle.members, 'manifest.json': typeof text === 'string' ? utf8(text) : text });
}

/** The same bundle with its manifest changed by `change` (nothing re-signed). */
export function withManifest(bundle: BuiltBundle, change: (manifest: Manifest) => void): Uint8Array {
  const manifest = structuredClone(bundle.manifest);
  change(manifest);
  return withManifestText(bundle, JSON.stringify(manifest));
}

/** A verifier report's failures, one a line ("check #entry: message"), for the message of a failed assertion. */
export function describeReport(report: Report): string {
  return report.failures
    .map((failure) => `${failure.check}${failure.entry === undefined ? '' : ` #${failure.entry}`}: ${failure.message}`)
    .join('\n');
}
