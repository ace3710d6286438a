import { equalBytes, fromBase64, fromCheckedBase64, fromHex, toHex } from './bytes.js';
import { sha256 } from './sha256.js';
import { importEd25519PublicKey, ed25519Available, verifyEd25519 } from './ed25519.js';
import {
  attachmentPathPattern,
  type Checkpoint,
  type Content,
  type ContentAttachment,
  type GlobalRoot,
  isEd25519Spki,
  keyId,
  type LeafData,
  type Link,
  type Manifest,
  type ManifestEntry,
  manifestPath,
  normaliseFingerprint,
  pdfPath,
  saltedHash,
  signedMessage,
  attachmentsFolder,
  type EntryKind,
  type ExportStatement,
  type ExportVersion,
} from './format.js';
import { type JsonValue, parseStrict } from './jcs.js';
import { hashLeaf, inclusionChecker, verifyConsistency, verifyInclusion } from './merkle.js';
import {
  parseCheckpoint,
  parseContent,
  parseExportStatement,
  parseGlobalRoot,
  parseKnownCheckpoint,
  parseLeaf,
  parseKeyRotation,
  parseManifest,
} from './schema.js';
import { openZip, readZipMember, type ZipMember } from './zip.js';
import { checkTimestampToken, rootImprint } from './timestamp.js';

/*
 * The verifier of docs/export-format.md §6 and §8, shared by the CLI (`verify-export`) and the offline page
 * (/verifieer). It runs every check of §6 (the entries' leaves and contents are parsed after the keys and the
 * checkpoint, so each leaf's signature check can start as soon as the leaf is read) and, for version 2, the
 * account's export signature of §8 over the PDF, the attachments, the label, the export time and the index
 * lists (each member is read once, and hashed while it is at hand); it names the entry and the check of each
 * failure, never throws on hostile input, and returns decoded entries only when everything verified.
 */

/** The checks of §6, in order; each has a name in the message catalogues (`verify.check.<id>`). */
export const checkIds = [
  'zip',
  'manifest',
  'encoding',
  'log-key',
  'author-key',
  'author-key-history',
  'checkpoint-signature',
  'checkpoint',
  'global-signature',
  'global-inclusion',
  'global-timestamp',
  'leaf',
  'account-signature',
  'inclusion',
  'commitment',
  'attachment',
  'links',
  'coverage',
  'time',
  'known-checkpoint',
  'export-signature',
  'export-checkpoint',
  'export-indices',
  'export-label',
  'export-time',
  'export-pdf',
  'export-attachment',
  'internal',
] as const;
export type CheckId = (typeof checkIds)[number];

export interface Failure {
  check: CheckId;
  /** The log index of the entry concerned, when the failure is about one entry. */
  entry?: number;
  message: string;
}

export interface VerifiedAttachment {
  id: string;
  role: 'file' | 'original';
  path: string;
  mediaType: string;
  bytes: Uint8Array;
  /** hex(SHA-256(file)), as the export statement signs it (version 2 only). */
  sha256?: string;
}

/** A disclosed entry whose every check passed: its decoded content and attachments. */
export interface VerifiedEntry {
  index: number;
  received: number;
  kind: EntryKind;
  content: Content;
  links: Link[];
  leafHash: string;
  attachments: VerifiedAttachment[];
  /** Ids of attachments in the content that the parent withheld (their hashes are still committed to). */
  withheldAttachments: string[];
  /** Ids of attachments whose original (with its metadata) the content commits to but the parent withheld. */
  withheldOriginals: string[];
}

export interface Summary {
  /** The manifest's format version: 1 has no export signature, 2 has one (§8). */
  formatVersion: ExportVersion;
  /**
   * The account's signature over the export (§8): `valid` when it verified (the label, the export time, the PDF,
   * the attachments and the index lists are then exactly what the account signed), `absent` for version 1,
   * `invalid` when it did not verify or something differs from what it signed.
   */
  exportSignature: 'valid' | 'absent' | 'invalid';
  /** hex(SHA-256(journal.pdf)), computed by the verifier (version 2; version 1 does not read the PDF). */
  pdfSha256?: string;
  journal: string;
  label: string;
  size: number;
  root: string;
  checkpointTime: number;
  exportedAt: number;
  globalRoot: { size: number; root: string; time: number };
  /** Computed from the bundle's author key, never read from the bundle. */
  authorFingerprint: string;
  /** Whether the fingerprint given equals that of the author key or of an earlier key in its history. */
  authorFingerprintMatches?: boolean;
  /** Which key the fingerprint given is the fingerprint of (its id), when it matched one. */
  authorFingerprintMatchedKey?: string;
  /** The account's keys as the bundle's history chains them (ids, oldest first); the last is the author key. */
  authorKeys: string[];
  logKeyId: string;
  disclosed: number[];
  withheld: number[];
  redacted: number[];
  /** Set when a known checkpoint was given and the bundle proved consistent with it. */
  knownCheckpointSize?: number;
  /**
   * The RFC 3161 timestamp of the global root (§4.1): `absent` when the bundle has none ("not timestamped", not
   * a failure); `valid` with the TSA's time and certificate, `trusted` when that certificate is a pinned one.
   * A token that is present and does not verify is a failure (check `global-timestamp`).
   */
  timestamp?: TimestampSummary;
}

export type TimestampSummary =
  { status: 'absent' } | { status: 'valid'; time: number; tsaFingerprint: string; tsaName: string; trusted: boolean };

export interface Report {
  valid: boolean;
  failures: Failure[];
  summary?: Summary;
  /** Only when valid: every disclosed entry, in index order. */
  entries?: VerifiedEntry[];
}

export interface VerifyLimits {
  maxManifestBytes: number;
  maxAttachmentBytes: number;
  maxTotalBytes: number;
  maxRatio: number;
  maxEntries: number;
  maxAttachmentsPerEntry: number;
  maxFailures: number;
}

export const defaultVerifyLimits: Readonly<VerifyLimits> = Object.freeze({
  maxManifestBytes: 64 * 1024 * 1024,
  maxAttachmentBytes: 10 * 1024 * 1024,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxRatio: 200,
  maxEntries: 1_000_000,
  maxAttachmentsPerEntry: 100,
  maxFailures: 200,
});

export interface VerifyOptions {
  /** Trusted log keys: key id (hex SHA-256 of the SPKI) → SPKI DER in base64. */
  pinnedLogKeys?: Readonly<Record<string, string>>;
  /** One more trusted log key (SPKI DER, base64), e.g. from `--log-key`. */
  extraLogKey?: string;
  /** The author fingerprint the parent handed over, as typed (spaces and case do not matter). */
  authorFingerprint?: string;
  /** A checkpoint noted earlier (§6.9): the JSON file's bytes, or already parsed. */
  knownCheckpoint?: Uint8Array | JsonValue;
  /** Trusted RFC 3161 TSA certificates (DER), e.g. from `--tsa-cert` or the server's TSA_CERT_FILE. */
  trustedTsaCerts?: readonly Uint8Array[];
  limits?: Partial<VerifyLimits>;
}

/** Parses a JCS byte string and requires it to be exactly canonical (§6.2), checked while parsing. */
function parseCanonical<T>(bytes: Uint8Array, parse: (value: JsonValue) => T): T {
  return parse(parseStrict(bytes, { maxBytes: bytes.length, maxDepth: 8, canonical: true }));
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

class FailureList {
  readonly items: Failure[] = [];
  private dropped = 0;

  constructor(private readonly max: number) {}

  add(check: CheckId, message: string, entry?: number): void {
    if (this.items.length >= this.max) {
      this.dropped += 1;
      return;
    }
    this.items.push(entry === undefined ? { check, message } : { check, entry, message });
  }

  get count(): number {
    return this.items.length + this.dropped;
  }

  finish(): Failure[] {
    if (this.dropped > 0) {
      this.items.push({ check: 'internal', message: `${this.dropped} further failures were not listed` });
    }
    return this.items;
  }
}

interface EntryState {
  manifest: ManifestEntry;
  leafHash: Uint8Array;
  leaf: LeafData;
  content: Content;
  /** SHA-256(salt ‖ content) equals the leaf's commitment (computed while the bytes are at hand, reported in §6.6). */
  committed: boolean;
  ok: boolean;
  attachments: VerifiedAttachment[];
}

const b64 = (text: string): Uint8Array => fromBase64(text) ?? new Uint8Array(0);
// Values of a parsed manifest: the schema already held them to canonical base64, so they are only decoded.
const m64 = fromCheckedBase64;
const hex = (text: string): Uint8Array => fromHex(text) ?? new Uint8Array(0);

/** Verifies an export bundle (docs/export-format.md §6). Never throws; hostile input gives failures. */
export async function verifyBundle(zip: Uint8Array, options: VerifyOptions = {}): Promise<Report> {
  const limits = { ...defaultVerifyLimits, ...options.limits };
  const failures = new FailureList(limits.maxFailures);
  try {
    return await verifyInner(zip, options, limits, failures);
  } catch (error) {
    failures.add('internal', `verification could not finish: ${describe(error)}`);
    return { valid: false, failures: failures.finish() };
  }
}

async function verifyInner(
  zip: Uint8Array,
  options: VerifyOptions,
  limits: VerifyLimits,
  failures: FailureList,
): Promise<Report> {
  const invalid = (summary?: Summary): Report => ({
    valid: false,
    failures: failures.finish(),
    ...(summary === undefined ? {} : { summary }),
  });

  // §6.1 The ZIP: members, sizes, paths.
  const opened = openZip(zip, { maxTotalBytes: limits.maxTotalBytes, maxRatio: limits.maxRatio });
  if (!opened.ok) {
    failures.add('zip', opened.message);
    return invalid();
  }
  const members = opened.members;
  const attachmentMembers = new Map<string, ZipMember>();
  for (const member of members.values()) {
    if (member.name === manifestPath || member.name === pdfPath) continue;
    if (member.isDirectory) {
      if (member.name !== attachmentsFolder) failures.add('zip', `unexpected directory "${member.name}"`);
      continue;
    }
    if (!attachmentPathPattern.test(member.name)) {
      failures.add('zip', `unknown member "${member.name}"`);
      continue;
    }
    if (member.size > limits.maxAttachmentBytes) {
      failures.add('zip', `"${member.name}" is larger than ${limits.maxAttachmentBytes} bytes`);
      continue;
    }
    attachmentMembers.set(member.name, member);
  }
  const manifestMember = members.get(manifestPath);
  if (manifestMember === undefined) failures.add('zip', 'manifest.json is missing');
  if (!members.has(pdfPath)) failures.add('zip', 'journal.pdf is missing');
  if (failures.count > 0 || manifestMember === undefined) return invalid();
  const manifestRead = readZipMember(zip, manifestMember, limits.maxManifestBytes);
  if (!manifestRead.ok) {
    failures.add('zip', manifestRead.message);
    return invalid();
  }

  // §6.2 Strict parsing of the manifest and of every JCS byte string in it.
  let manifest: Manifest;
  try {
    manifest = parseManifest(parseStrict(manifestRead.bytes, { maxBytes: limits.maxManifestBytes, maxDepth: 8 }), {
      maxEntries: limits.maxEntries,
      maxAttachmentsPerEntry: limits.maxAttachmentsPerEntry,
    });
  } catch (error) {
    failures.add('manifest', `manifest.json: ${describe(error)}`);
    return invalid();
  }
  const checkpointBytes = m64(manifest.checkpoint.bytes);
  const globalBytes = m64(manifest.global.bytes);
  let checkpoint: Checkpoint;
  let globalRoot: GlobalRoot;
  try {
    checkpoint = parseCanonical(checkpointBytes, (value) => parseCheckpoint(value));
  } catch (error) {
    failures.add('encoding', `checkpoint.bytes: ${describe(error)}`);
    return invalid();
  }
  try {
    globalRoot = parseCanonical(globalBytes, (value) => parseGlobalRoot(value));
  } catch (error) {
    failures.add('encoding', `global.bytes: ${describe(error)}`);
    return invalid();
  }
  // §8 Version 2 signs journal.pdf: it is read once and hashed by WebCrypto while the rest is checked.
  let pdfDigest: Promise<string> | undefined;
  const pdfMember = members.get(pdfPath);
  if (manifest.version === 2 && pdfMember !== undefined) {
    const pdfRead = readZipMember(zip, pdfMember, limits.maxTotalBytes);
    if (pdfRead.ok) pdfDigest = digestHex(pdfRead.bytes);
    else failures.add('zip', pdfRead.message);
  }

  // §6.3 Keys: the log key must be trusted; the author fingerprint is computed, never read from the bundle.
  const logSpki = m64(manifest.logKey);
  const authorSpki = m64(manifest.authorKey);
  const logKeyId = keyId(logSpki);
  const authorKeyId = keyId(authorSpki);
  const pinnedSpki = options.pinnedLogKeys?.[logKeyId];
  const trusted =
    (pinnedSpki !== undefined && equalBytes(b64(pinnedSpki), logSpki)) ||
    (options.extraLogKey !== undefined && equalBytes(b64(options.extraLogKey), logSpki));
  if (!trusted) {
    failures.add('log-key', `the log key ${logKeyId} is not pinned in this verifier (nor given with --log-key)`);
  }
  // After key rotations the manifest lists the account's earlier keys, oldest first (§5, §6.3).
  const history = (manifest.authorKeyHistory ?? []).map((item) => ({ spki: m64(item.key), item }));
  const chainIds = [...history.map((earlier) => keyId(earlier.spki)), authorKeyId];
  let authorFingerprintMatches: boolean | undefined;
  let authorFingerprintMatchedKey: string | undefined;
  if (options.authorFingerprint !== undefined) {
    const expected = normaliseFingerprint(options.authorFingerprint);
    // The parent may have handed over the fingerprint of an earlier key: any key of the chain counts.
    authorFingerprintMatches = expected !== undefined && chainIds.includes(expected);
    if (authorFingerprintMatches) authorFingerprintMatchedKey = expected;
    if (expected === undefined) {
      failures.add('author-key', 'the author fingerprint given is not 64 hexadecimal digits');
    } else if (!authorFingerprintMatches) {
      failures.add(
        'author-key',
        history.length === 0
          ? `the author key's fingerprint ${authorKeyId} is not the one given`
          : `the fingerprint given is not that of the author key ${authorKeyId} nor of an earlier key in its history`,
      );
    }
  }
  const summary: Summary = {
    formatVersion: manifest.version,
    exportSignature: manifest.version === 2 ? 'invalid' : 'absent',
    journal: manifest.journal,
    label: manifest.label,
    size: checkpoint.size,
    root: checkpoint.root,
    checkpointTime: checkpoint.time,
    exportedAt: manifest.exportedAt,
    globalRoot: { size: globalRoot.size, root: globalRoot.root, time: globalRoot.time },
    authorFingerprint: authorKeyId,
    ...(authorFingerprintMatches === undefined ? {} : { authorFingerprintMatches }),
    ...(authorFingerprintMatchedKey === undefined ? {} : { authorFingerprintMatchedKey }),
    authorKeys: chainIds,
    logKeyId,
    disclosed: manifest.entries.map((entry) => entry.index).sort((a, b) => a - b),
    withheld: manifest.withheld.slice().sort((a, b) => a - b),
    redacted: manifest.redacted.slice().sort((a, b) => a - b),
  };
  const logKey = isEd25519Spki(logSpki) ? await importEd25519PublicKey(logSpki) : undefined;
  const authorKey = isEd25519Spki(authorSpki) ? await importEd25519PublicKey(authorSpki) : undefined;
  if (logKey === undefined || authorKey === undefined) {
    if (!(await ed25519Available())) {
      failures.add('internal', 'this browser cannot check Ed25519 signatures; use a current browser or the CLI');
    } else {
      if (logKey === undefined) failures.add('log-key', 'logKey is not an Ed25519 public key');
      if (authorKey === undefined) failures.add('author-key', 'authorKey is not an Ed25519 public key');
    }
    return invalid(summary);
  }

  // §6.3 The author key history: each earlier key signed the hand-over to the next, in an unbroken chain.
  const authorKeys = new Map<string, CryptoKey>([[authorKeyId, authorKey]]);
  let previousTime = Number.NEGATIVE_INFINITY;
  for (const [position, earlier] of history.entries()) {
    const id = chainIds[position]!;
    const next = chainIds[position + 1]!;
    const where = `authorKeyHistory[${position}]`;
    const key = isEd25519Spki(earlier.spki) ? await importEd25519PublicKey(earlier.spki) : undefined;
    if (key === undefined) {
      failures.add('author-key-history', `${where}: the key is not an Ed25519 public key`);
      continue;
    }
    if (chainIds.indexOf(id) !== position) {
      failures.add('author-key-history', `${where}: the key ${id} appears more than once in the chain`);
      continue;
    }
    const bytes = m64(earlier.item.rotation.bytes);
    let statement;
    try {
      statement = parseCanonical(bytes, (value) => parseKeyRotation(value, `${where}.rotation`));
    } catch (error) {
      failures.add('author-key-history', `${where}: ${describe(error)}`);
      continue;
    }
    if (!(await verifyEd25519(key, m64(earlier.item.rotation.signature), signedMessage('key-rotation', bytes)))) {
      failures.add('author-key-history', `${where}: the rotation statement's signature does not verify with key ${id}`);
      continue;
    }
    if (statement.old !== id) {
      failures.add('author-key-history', `${where}: the statement hands over from ${statement.old}, not from ${id}`);
      continue;
    }
    if (statement.new !== next) {
      failures.add(
        'author-key-history',
        `${where}: the statement hands over to ${statement.new}, not to the next key in the chain (${next})`,
      );
      continue;
    }
    if (statement.time < previousTime) {
      failures.add('author-key-history', `${where}: the rotation is dated before the previous one`);
    }
    previousTime = statement.time;
    authorKeys.set(id, key);
  }

  // §6.4 The checkpoint.
  if (
    !(await verifyEd25519(logKey, m64(manifest.checkpoint.signature), signedMessage('checkpoint', checkpointBytes)))
  ) {
    failures.add('checkpoint-signature', 'the checkpoint signature does not verify with the log key');
  }
  if (checkpoint.key !== logKeyId) failures.add('checkpoint', "the checkpoint's key is not the log key's id");
  if (checkpoint.journal !== manifest.journal) {
    failures.add('checkpoint', "the checkpoint's journal is not the manifest's");
  }

  // §6.5 The global root, and the checkpoint's place in it.
  if (!(await verifyEd25519(logKey, m64(manifest.global.signature), signedMessage('global-root', globalBytes)))) {
    failures.add('global-signature', 'the global root signature does not verify with the log key');
  }
  if (globalRoot.key !== logKeyId) failures.add('global-signature', "the global root's key is not the log key's id");
  if (
    !verifyInclusion(
      manifest.global.index,
      globalRoot.size,
      hashLeaf(checkpointBytes),
      manifest.global.proof.map(hex),
      hex(globalRoot.root),
    )
  ) {
    failures.add('global-inclusion', 'the checkpoint is not included in the global root at global.index');
  }
  // §4.1 The global root's RFC 3161 timestamp, when the bundle has one (checked by WebCrypto meanwhile).
  const timestamped = checkGlobalTimestamp(manifest, globalBytes, options);

  // §8 The export statement: parsed, and its signature by the author key started (compared at the end).
  let statement: ExportStatement | undefined;
  let statementSigned: Promise<boolean> = Promise.resolve(false);
  if (manifest.export !== undefined) {
    const statementBytes = m64(manifest.export.bytes);
    try {
      statement = parseCanonical(statementBytes, (value) => parseExportStatement(value, limits));
    } catch (error) {
      failures.add('encoding', `export.bytes: ${describe(error)}`);
    }
    statementSigned = verifyEd25519(authorKey, m64(manifest.export.signature), signedMessage('export', statementBytes));
  }
  // Plain SHA-256 of each attachment member, taken while its bytes are read for §6.6 (version 2 only).
  const memberHashes = manifest.version === 2 ? new Map<string, string>() : undefined;

  // §6.2 (continued) Each disclosed entry's leaf and content, strictly parsed. After the checkpoint's and the
  // global root's signatures, so those two are not queued behind ten thousand others.
  const states: EntryState[] = [];
  const signatures: Promise<boolean>[] = [];
  for (const entry of manifest.entries) {
    const leafBytes = m64(entry.leaf);
    const contentBytes = m64(entry.content);
    let leaf: LeafData;
    let content: Content;
    try {
      leaf = parseCanonical(leafBytes, (value) => parseLeaf(value));
    } catch (error) {
      failures.add('encoding', `leaf: ${describe(error)}`, entry.index);
      continue;
    }
    try {
      content = parseCanonical(contentBytes, (value) => parseContent(value, limits.maxAttachmentsPerEntry));
    } catch (error) {
      failures.add('encoding', `content: ${describe(error)}`, entry.index);
      continue;
    }
    const leafHash = hashLeaf(leafBytes);
    // The key the leaf names: the author key or an earlier key whose hand-over verified. The check goes to
    // WebCrypto's worker threads at once, so signatures are verified while this thread parses the rest.
    const key = authorKeys.get(leaf.key);
    signatures.push(
      key === undefined
        ? Promise.resolve(false)
        : verifyEd25519(key, m64(entry.signature), signedMessage('leaf', leafHash)),
    );
    states.push({
      manifest: entry,
      leafHash,
      leaf,
      content,
      committed: toHex(saltedHash(m64(entry.salt), contentBytes)) === leaf.commitment,
      ok: true,
      attachments: [],
    });
  }

  // §6.6 Every disclosed entry.
  const disclosedLeaf = new Map<number, string>();
  for (const state of states) disclosedLeaf.set(state.manifest.index, toHex(state.leafHash));
  const root = hex(checkpoint.root);
  // Proofs share most of their paths: each shared node is hashed once (the answers are verifyInclusion's).
  const included = inclusionChecker(checkpoint.size, root);
  const referencedMembers = new Set<string>();
  states.forEach((state) => {
    const { leaf, manifest: entry } = state;
    const index = entry.index;
    const fail = (check: CheckId, message: string) => {
      state.ok = false;
      failures.add(check, message, index);
    };
    if (leaf.journal !== manifest.journal) fail('leaf', "the leaf's journal is not the manifest's");
    if (leaf.index !== index) fail('leaf', `the leaf's index is ${leaf.index}, the manifest says ${index}`);
    if (index >= checkpoint.size) fail('leaf', `index ${index} is beyond the checkpoint's size ${checkpoint.size}`);
    if (!chainIds.includes(leaf.key)) {
      fail('leaf', "the leaf's key is not the author key's id nor that of an earlier key in its history");
    }
    if (!included(index, state.leafHash, entry.proof)) {
      fail('inclusion', "the inclusion proof does not lead to the checkpoint's root");
    }
    if (!state.committed) {
      fail('commitment', "SHA-256(salt ‖ content) is not the leaf's commitment");
    }
    checkAttachments(state, zip, attachmentMembers, referencedMembers, memberHashes, limits, fail);
    checkLinks(state, disclosedLeaf, fail);
  });
  for (const name of attachmentMembers.keys()) {
    if (!referencedMembers.has(name)) failures.add('zip', `"${name}" is not listed in the manifest`);
  }
  const signaturesValid = await Promise.all(signatures);
  states.forEach((state, position) => {
    if (!signaturesValid[position]) {
      state.ok = false;
      failures.add('account-signature', 'the account signature over the leaf does not verify', state.manifest.index);
    }
  });

  // §6.7 Coverage: disclosed, withheld and redacted are disjoint and together exactly 0 … size − 1.
  checkCoverage(manifest, checkpoint, states, failures);

  // §6.8 Time: receipt times never go backwards, and none is after the checkpoint.
  const byIndex = states.slice().sort((a, b) => a.manifest.index - b.manifest.index);
  for (let i = 0; i < byIndex.length; i += 1) {
    const state = byIndex[i]!;
    const previous = byIndex[i - 1];
    if (previous !== undefined && state.leaf.received < previous.leaf.received) {
      failures.add(
        'time',
        `received before entry ${previous.manifest.index}, which has a smaller index`,
        state.manifest.index,
      );
    }
    if (state.leaf.received > checkpoint.time) {
      failures.add('time', "received after the checkpoint's time", state.manifest.index);
    }
  }

  // §8 The account's signature over the export, and what differs from what it signed.
  if (manifest.version === 2) {
    const signedOk = await checkExportStatement(
      {
        zip,
        manifest,
        summary,
        authorKeyId,
        statement,
        signed: statementSigned,
        pdf: pdfDigest,
        members,
        attachmentMembers,
        memberHashes: memberHashes!,
        limits,
      },
      failures,
    );
    if (signedOk) summary.exportSignature = 'valid';
  }

  const timestamp = await timestamped;
  if (timestamp.ok) summary.timestamp = timestamp.summary;
  else failures.add('global-timestamp', timestamp.message);

  // §6.9 A checkpoint the recipient noted earlier.
  if (options.knownCheckpoint !== undefined) {
    const knownSize = await checkKnownCheckpoint(options, manifest, checkpoint, logKeyId, logKey, failures);
    if (knownSize !== undefined && failures.count === 0) summary.knownCheckpointSize = knownSize;
  }

  if (failures.count > 0) return invalid(summary);
  const entries: VerifiedEntry[] = byIndex.map((state) => ({
    index: state.manifest.index,
    received: state.leaf.received,
    kind: state.content.kind,
    content: state.content,
    links: state.leaf.links,
    leafHash: toHex(state.leafHash),
    attachments: state.attachments,
    withheldAttachments: (state.content.attachments ?? [])
      .filter((attachment) => !state.attachments.some((verified) => verified.id === attachment.id))
      .map((attachment) => attachment.id),
    withheldOriginals: (state.content.attachments ?? [])
      .filter(
        (attachment) =>
          attachment.originalSha256 !== undefined &&
          state.attachments.some((verified) => verified.id === attachment.id && verified.role === 'file') &&
          !state.attachments.some((verified) => verified.id === attachment.id && verified.role === 'original'),
      )
      .map((attachment) => attachment.id),
  }));
  return { valid: true, failures: [], summary, entries };
}

function checkAttachments(
  state: EntryState,
  zip: Uint8Array,
  members: Map<string, ZipMember>,
  referenced: Set<string>,
  hashes: Map<string, string> | undefined,
  limits: VerifyLimits,
  fail: (check: CheckId, message: string) => void,
): void {
  const index = state.manifest.index;
  const listed = state.content.attachments ?? [];
  const seen = new Set<string>();
  for (const attachment of state.manifest.attachments) {
    const match = attachmentPathPattern.exec(attachment.path);
    if (match === null || Number(match[1]) !== index) {
      fail('attachment', `"${attachment.path}" is not a path for an attachment of entry ${index}`);
      continue;
    }
    const position = Number(match[2]);
    const isOriginal = match[3] !== undefined;
    const inContent: ContentAttachment | undefined = listed[position - 1];
    if (inContent === undefined || inContent.id !== attachment.id) {
      fail('attachment', `"${attachment.path}": attachment ${position} of the content is not "${attachment.id}"`);
      continue;
    }
    if (isOriginal !== (attachment.role === 'original')) {
      fail('attachment', `"${attachment.path}": the path does not match the role "${attachment.role}"`);
      continue;
    }
    const key = `${attachment.id}\n${attachment.role}`;
    if (seen.has(key) || referenced.has(attachment.path)) {
      fail('attachment', `"${attachment.path}" is listed twice`);
      continue;
    }
    seen.add(key);
    referenced.add(attachment.path);
    const expected = attachment.role === 'original' ? inContent.originalSha256 : inContent.sha256;
    if (expected === undefined) {
      fail('attachment', `"${attachment.path}": the content commits to no original for "${attachment.id}"`);
      continue;
    }
    const member = members.get(attachment.path);
    if (member === undefined) {
      fail('attachment', `"${attachment.path}" is missing from the ZIP`);
      continue;
    }
    const read = readZipMember(zip, member, limits.maxAttachmentBytes);
    if (!read.ok) {
      fail('attachment', read.message);
      continue;
    }
    const plain = hashes === undefined ? undefined : toHex(sha256(read.bytes));
    if (plain !== undefined) hashes!.set(attachment.path, plain);
    if (toHex(saltedHash(m64(attachment.salt), read.bytes)) !== expected) {
      fail('attachment', `"${attachment.path}": SHA-256(salt ‖ file) is not the hash in the content`);
      continue;
    }
    if (attachment.role === 'file' && read.bytes.length !== inContent.size) {
      fail('attachment', `"${attachment.path}" is not the size the content states`);
      continue;
    }
    state.attachments.push({
      id: attachment.id,
      role: attachment.role,
      path: attachment.path,
      mediaType: inContent.mediaType,
      bytes: read.bytes,
      ...(plain === undefined ? {} : { sha256: plain }),
    });
  }
}

function checkLinks(
  state: EntryState,
  disclosedLeaf: Map<number, string>,
  fail: (check: CheckId, message: string) => void,
): void {
  const { leaf, content } = state;
  const index = state.manifest.index;
  for (const link of leaf.links) {
    if (link.index >= index) fail('links', `links to index ${link.index}, which is not smaller than its own`);
    const target = disclosedLeaf.get(link.index);
    if (target !== undefined && target !== link.leaf) {
      fail('links', `the link to entry ${link.index} names another leaf hash than that entry's`);
    }
  }
  const expectedRel = content.kind === 'correction' ? 'corrects' : content.kind === 'redaction' ? 'redacts' : undefined;
  if (expectedRel === undefined) {
    if (leaf.links.length !== 0) fail('links', 'an ordinary entry has links');
    return;
  }
  const link = leaf.links[0];
  if (leaf.links.length !== 1 || link === undefined || link.rel !== expectedRel) {
    fail('links', `a ${content.kind} must have exactly one "${expectedRel}" link`);
  } else if (content.target?.index !== link.index) {
    fail('links', "the content's target is not the entry the leaf links to");
  }
}

function checkCoverage(manifest: Manifest, checkpoint: Checkpoint, states: EntryState[], failures: FailureList): void {
  const { size } = checkpoint;
  const declared = manifest.entries.length + manifest.withheld.length + manifest.redacted.length;
  if (declared !== size) {
    failures.add(
      'coverage',
      `${manifest.entries.length} disclosed + ${manifest.withheld.length} withheld + ${manifest.redacted.length} ` +
        `redacted indices do not account for the checkpoint's ${size} entries`,
    );
  }
  // `declared` is bounded by the manifest's size limit, so this array is too.
  const owner = new Map<number, string>();
  const claim = (index: number, set: string) => {
    if (index >= size) {
      failures.add('coverage', `index ${index} (${set}) is beyond the checkpoint's size ${size}`, index);
      return;
    }
    const previous = owner.get(index);
    if (previous !== undefined) {
      failures.add('coverage', `index ${index} is declared both ${previous} and ${set}`, index);
      return;
    }
    owner.set(index, set);
  };
  for (const entry of manifest.entries) claim(entry.index, 'disclosed');
  for (const index of manifest.withheld) claim(index, 'withheld');
  for (const index of manifest.redacted) claim(index, 'redacted');
  if (declared === size) {
    let missing = 0;
    let first = -1;
    for (let index = 0; index < size; index += 1) {
      if (owner.has(index)) continue;
      missing += 1;
      if (first < 0) first = index;
    }
    if (missing > 0) {
      failures.add('coverage', `${missing} index(es) are neither disclosed, withheld nor redacted`, first);
    }
  }
  const redactedByEntry = new Map<number, number>();
  for (const state of states) {
    if (state.content.kind !== 'redaction') continue;
    for (const link of state.leaf.links) if (link.rel === 'redacts') redactedByEntry.set(link.index, state.leaf.index);
  }
  for (const index of manifest.redacted) {
    if (!redactedByEntry.has(index)) {
      failures.add('coverage', `index ${index} is declared redacted, but no disclosed redaction entry names it`, index);
    }
  }
  const redacted = new Set(manifest.redacted);
  for (const [target, by] of redactedByEntry) {
    if (!redacted.has(target)) {
      failures.add('coverage', `entry ${by} redacts index ${target}, which is not declared redacted`, target);
    }
  }
}

async function checkKnownCheckpoint(
  options: VerifyOptions,
  manifest: Manifest,
  checkpoint: Checkpoint,
  logKeyId: string,
  logKey: CryptoKey,
  failures: FailureList,
): Promise<number | undefined> {
  const fail = (message: string): undefined => {
    failures.add('known-checkpoint', message);
    return undefined;
  };
  let known: { size: number; root: string };
  try {
    const input = options.knownCheckpoint;
    const value = input instanceof Uint8Array ? parseStrict(input, { maxBytes: 64 * 1024, maxDepth: 4 }) : input;
    const parsed = parseKnownCheckpoint(value ?? null);
    if (parsed.kind === 'signed') {
      const bytes = m64(parsed.bytes);
      const signed = parseCanonical(bytes, (item) => parseCheckpoint(item, 'known checkpoint'));
      // Signed by this bundle's log key, or by another trusted one (the key may have been rotated since).
      const pinned = options.pinnedLogKeys?.[signed.key];
      const key =
        signed.key === logKeyId ? logKey : pinned === undefined ? undefined : await importEd25519PublicKey(b64(pinned));
      if (key === undefined) return fail('the known checkpoint is signed by a log key this verifier does not trust');
      if (!(await verifyEd25519(key, m64(parsed.signature), signedMessage('checkpoint', bytes)))) {
        return fail("the known checkpoint's signature does not verify with the log key");
      }
      if (signed.journal !== manifest.journal) return fail('the known checkpoint is of another journal');
      known = signed;
    } else {
      known = parsed;
    }
  } catch (error) {
    return fail(`the known checkpoint cannot be read: ${describe(error)}`);
  }
  if (known.size > checkpoint.size) {
    return fail(`the known checkpoint (size ${known.size}) is larger than the bundle's (size ${checkpoint.size})`);
  }
  if (known.size === checkpoint.size) {
    return known.root === checkpoint.root
      ? known.size
      : fail('the known checkpoint has the same size as the bundle but another root');
  }
  const consistency = manifest.checkpoint.consistency;
  if (consistency === undefined) return fail('the bundle carries no consistency proof from the known checkpoint');
  if (consistency.size !== known.size) {
    return fail(`the bundle's consistency proof starts at size ${consistency.size}, not ${known.size}`);
  }
  if (
    !verifyConsistency(known.size, checkpoint.size, consistency.proof.map(hex), hex(known.root), hex(checkpoint.root))
  ) {
    return fail("the consistency proof does not lead from the known checkpoint to the bundle's checkpoint");
  }
  return known.size;
}

/**
 * §4.1: the global root's RFC 3161 timestamp. Absent is no failure (the server had no TSA, or the TSA was down
 * when the bundle was made). A token must stamp SHA-256 of the root's bytes and carry a valid TSA signature; a
 * TSA certificate that is not among the trusted ones is reported (not trusted), not failed.
 */
async function checkGlobalTimestamp(
  manifest: Manifest,
  globalBytes: Uint8Array,
  options: VerifyOptions,
): Promise<{ ok: true; summary: TimestampSummary } | { ok: false; message: string }> {
  if (manifest.global.timestamp === undefined) return { ok: true, summary: { status: 'absent' } };
  const check = await checkTimestampToken(m64(manifest.global.timestamp), rootImprint(globalBytes), {
    trustedCerts: options.trustedTsaCerts ?? [],
  });
  if (!check.ok) return { ok: false, message: `the global root's timestamp: ${check.message}` };
  const { time, tsaFingerprint, tsaName, trusted } = check.info;
  return { ok: true, summary: { status: 'valid', time, tsaFingerprint, tsaName, trusted } };
}

/** hex(SHA-256) through WebCrypto (native, off the page's thread in a browser), else the library's own. */
async function digestHex(bytes: Uint8Array): Promise<string> {
  try {
    return toHex(new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)));
  } catch {
    return toHex(sha256(bytes));
  }
}

function listDifference(signed: readonly number[], bundle: readonly number[]): string | undefined {
  if (signed.length === bundle.length && signed.every((index, i) => index === bundle[i])) return undefined;
  const inSigned = new Set(signed);
  const inBundle = new Set(bundle);
  const shown = (indices: number[]) =>
    `${indices.slice(0, 20).join(', ')}${indices.length > 20 ? `, … (${indices.length} in all)` : ''}`;
  const added = bundle.filter((index) => !inSigned.has(index));
  const removed = signed.filter((index) => !inBundle.has(index));
  const parts = [
    ...(added.length === 0 ? [] : [`not signed as such: ${shown(added)}`]),
    ...(removed.length === 0 ? [] : [`signed but not so here: ${shown(removed)}`]),
  ];
  return parts.length === 0 ? 'the same indices, listed in another order or twice' : parts.join('; ');
}

interface ExportCheckInput {
  zip: Uint8Array;
  manifest: Manifest;
  summary: Summary;
  authorKeyId: string;
  statement: ExportStatement | undefined;
  signed: Promise<boolean>;
  pdf: Promise<string> | undefined;
  members: Map<string, ZipMember>;
  attachmentMembers: Map<string, ZipMember>;
  memberHashes: Map<string, string>;
  limits: VerifyLimits;
}

/**
 * §8: the export statement must be signed by the author key, and the bundle must be exactly what it signed.
 * Each difference is named (PDF, label, export time, an attachment, an index list). Nothing is compared against
 * a statement whose signature fails: what it says then proves nothing. True when all of it holds.
 */
async function checkExportStatement(input: ExportCheckInput, failures: FailureList): Promise<boolean> {
  const { manifest, summary, statement } = input;
  const before = failures.count;
  const signed = await input.signed;
  if (statement === undefined) return false; // reported as an encoding failure
  if (!signed) {
    failures.add(
      'export-signature',
      "the account's export signature does not verify with the author key: the PDF, the label, the export time " +
        'and the attachments are not bound to the entries',
    );
    return false;
  }
  if (statement.key !== input.authorKeyId) {
    failures.add('export-signature', `the export statement names the key ${statement.key}, not the author key`);
    return false;
  }
  const checkpoint = statement.checkpoint;
  if (
    statement.journal !== manifest.journal ||
    checkpoint.journal !== manifest.journal ||
    checkpoint.size !== summary.size ||
    checkpoint.root !== summary.root ||
    checkpoint.time !== summary.checkpointTime
  ) {
    failures.add('export-checkpoint', 'the journal or checkpoint is not the one the account signed');
  }
  for (const [name, bundle, signedList] of [
    ['disclosed', summary.disclosed, statement.disclosed],
    ['withheld', summary.withheld, statement.withheld],
    ['redacted', summary.redacted, statement.redacted],
  ] as const) {
    const difference = listDifference(signedList, bundle);
    if (difference !== undefined) {
      failures.add('export-indices', `the ${name} indices are not those the account signed (${difference})`);
    }
  }
  if (statement.label !== manifest.label) {
    failures.add(
      'export-label',
      `the label was changed: the account signed ${JSON.stringify(statement.label)}, the manifest says ` +
        JSON.stringify(manifest.label),
    );
  }
  if (statement.exportedAt !== manifest.exportedAt) {
    failures.add(
      'export-time',
      `the export time was changed: the account signed ${new Date(statement.exportedAt).toISOString()}, the ` +
        `manifest says ${new Date(manifest.exportedAt).toISOString()}`,
    );
  }
  const pdf = input.pdf === undefined ? undefined : await input.pdf;
  if (pdf !== undefined) {
    summary.pdfSha256 = pdf;
    if (pdf !== statement.pdf) {
      failures.add('export-pdf', 'journal.pdf is not the PDF the account signed: it was replaced or changed');
    }
  }
  const entryOf = (path: string): number | undefined => {
    const match = attachmentPathPattern.exec(path);
    return match === null ? undefined : Number(match[1]);
  };
  const signedFiles = new Map(statement.attachments.map((item) => [item.path, item.sha256]));
  if (signedFiles.size !== statement.attachments.length) {
    failures.add('export-attachment', 'the export statement lists an attachment twice');
  }
  for (const [path, expected] of signedFiles) {
    const member = input.attachmentMembers.get(path);
    if (member === undefined) {
      if (!input.members.has(path)) {
        failures.add('export-attachment', `"${path}" was signed with the export but is missing`, entryOf(path));
      }
      continue; // present but refused: reported under the ZIP check
    }
    let actual = input.memberHashes.get(path);
    if (actual === undefined) {
      // Not read for §6.6 (its entry failed before): read now, on a path that only invalid bundles take.
      const read = readZipMember(input.zip, member, input.limits.maxAttachmentBytes);
      if (!read.ok) continue; // reported under the attachment or ZIP check
      actual = toHex(sha256(read.bytes));
    }
    if (actual !== expected) {
      failures.add(
        'export-attachment',
        `"${path}" is not the file the account signed: it was replaced or changed`,
        entryOf(path),
      );
    }
  }
  for (const path of input.attachmentMembers.keys()) {
    if (!signedFiles.has(path)) {
      failures.add('export-attachment', `"${path}" is not among the attachments the account signed`, entryOf(path));
    }
  }
  return failures.count === before;
}
