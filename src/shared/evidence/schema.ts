import { base64Length, isCanonicalBase64 } from './bytes.js';
import type {
  KeyRotation,
  Checkpoint,
  Content,
  ContentAttachment,
  ExportStatement,
  GlobalRoot,
  LeafData,
  Link,
  Manifest,
  ManifestAttachment,
  ManifestEntry,
  Observation,
} from './format.js';
import { attachmentPathPattern, exportFormat } from './format.js';
import type { JsonValue } from './jcs.js';
import { maxProofLength } from './merkle.js';

/*
 * Exact shapes of the manifest and of every JCS byte string inside it (docs/export-format.md §2–§5, checked in
 * §6.2): unknown keys, missing keys, wrong types, unknown versions, hashes and salts of the wrong length, long
 * proofs and anything that is not an exact non-negative integer where one is expected all fail, with the path
 * of the offending value in the message. Hand-written (no zod) to keep the browser bundle small.
 */

export class SchemaError extends Error {
  override name = 'SchemaError';

  constructor(
    /** Where: the path of the offending value. */
    readonly path: string,
    /** What is wrong with it. */
    readonly detail: string,
  ) {
    super(`${path}: ${detail}`);
  }
}

type JsonRecord = { [key: string]: JsonValue };

function fail(path: string, message: string): never {
  throw new SchemaError(path, message);
}

/*
 * The many small values of each entry are checked with paths relative to the entry (constants, nothing built
 * per value); a failure gets the entry's own path put in front where it is caught (`within`), so ten thousand
 * entries do not build a hundred thousand path strings that only a failure would ever show.
 */
function within(prefix: string, error: unknown): unknown {
  return error instanceof SchemaError ? new SchemaError(`${prefix}${error.path}`, error.detail) : error;
}

/** Each item of a list checked by `check` with paths relative to the item, which failures get in front. */
function items<T>(list: JsonValue[], path: string, check: (item: JsonValue) => T): T[] {
  const out = new Array<T>(list.length);
  for (let i = 0; i < list.length; i += 1) {
    try {
      out[i] = check(list[i]!);
    } catch (error) {
      throw within(`${path}[${i}]`, error);
    }
  }
  return out;
}

function object(value: JsonValue | undefined, path: string, required: string[], optional: string[] = []): JsonRecord {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail(path, 'expected an object');
  const record = value;
  for (const key of Object.keys(record)) {
    if (!required.includes(key) && !optional.includes(key)) fail(path, `unknown key "${key}"`);
  }
  for (const key of required) if (!Object.hasOwn(record, key)) fail(path, `missing "${key}"`);
  return record;
}

function string(value: JsonValue | undefined, path: string): string {
  if (typeof value !== 'string') fail(path, 'expected a string');
  return value;
}

function boolean(value: JsonValue | undefined, path: string): boolean {
  if (typeof value !== 'boolean') fail(path, 'expected true or false');
  return value;
}

/** An exact non-negative integer (sizes, indices, times). */
export function count(value: JsonValue | undefined, path: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    fail(path, 'expected an exact non-negative integer');
  }
  return value;
}

function array(value: JsonValue | undefined, path: string, max: number): JsonValue[] {
  if (!Array.isArray(value)) fail(path, 'expected an array');
  if (value.length > max) fail(path, `more than ${max} items`);
  return value;
}

function pattern(value: JsonValue | undefined, path: string, regex: RegExp, what: string): string {
  const text = string(value, path);
  if (!regex.test(text)) fail(path, `expected ${what}`);
  return text;
}

/** A 32-byte hash in lower-case hex. */
const hashPattern = /^[0-9a-f]{64}$/;

export function hash(value: JsonValue | undefined, path: string): string {
  const text = string(value, path);
  if (!hashPattern.test(text)) fail(path, 'not a 32-byte hash in lower-case hex');
  return text;
}

function base64(value: JsonValue | undefined, path: string, length?: number): string {
  const text = string(value, path);
  // Checked without decoding: the verifier decodes each value once, where it uses it.
  if (!isCanonicalBase64(text)) fail(path, 'not canonical base64');
  if (length !== undefined && base64Length(text) !== length) fail(path, `not ${length} bytes`);
  return text;
}

/** A list of hashes; the parsed list itself is returned (nothing is copied when every node is a hash). */
/** A TimeStampToken (base64 DER), at most 64 KiB: tokens with a certificate or two are a few kilobytes. */
function timestampToken(value: JsonValue): string {
  const text = base64(value, 'manifest.global.timestamp');
  if (base64Length(text) > 64 * 1024) fail('manifest.global.timestamp', 'larger than 64 KiB');
  return text;
}

function proof(value: JsonValue | undefined, path: string): string[] {
  const nodes = array(value, path, maxProofLength);
  for (let i = 0; i < nodes.length; i += 1) {
    const node = nodes[i];
    if (typeof node !== 'string' || !hashPattern.test(node)) hash(node, `${path}[${i}]`);
  }
  return nodes as string[];
}

function version(value: JsonValue | undefined, path: string): 1 {
  if (value !== 1) fail(path, 'unknown version (only 1 is known)');
  return 1;
}

export interface ManifestLimits {
  maxEntries: number;
  maxAttachmentsPerEntry: number;
}

const manifestAttachmentKeys = ['path', 'id', 'role', 'salt'];

/** An attachment of a manifest entry; paths relative to it. */
function manifestAttachment(value: JsonValue): ManifestAttachment {
  const record = object(value, '', manifestAttachmentKeys);
  const role = string(record.role, '.role');
  if (role !== 'file' && role !== 'original') fail('.role', 'expected "file" or "original"');
  return {
    path: string(record.path, '.path'),
    id: string(record.id, '.id'),
    role,
    salt: base64(record.salt, '.salt', 32),
  };
}

const manifestEntryKeys = ['index', 'leaf', 'signature', 'proof', 'salt', 'content', 'attachments'];

/** An entry of the manifest; paths relative to it. */
function manifestEntry(value: JsonValue, limits: ManifestLimits): ManifestEntry {
  const record = object(value, '', manifestEntryKeys);
  const attachments = array(record.attachments, '.attachments', limits.maxAttachmentsPerEntry);
  return {
    index: count(record.index, '.index'),
    leaf: base64(record.leaf, '.leaf'),
    signature: base64(record.signature, '.signature', 64),
    proof: proof(record.proof, '.proof'),
    salt: base64(record.salt, '.salt', 32),
    content: base64(record.content, '.content'),
    attachments: attachments.length === 0 ? [] : items(attachments, '.attachments', manifestAttachment),
  };
}

/** manifest.json (§5). */
export function parseManifest(value: JsonValue, limits: ManifestLimits): Manifest {
  const record = object(
    value,
    'manifest',
    [
      'format',
      'version',
      'journal',
      'label',
      'exportedAt',
      'authorKey',
      'logKey',
      'checkpoint',
      'global',
      'entries',
      'withheld',
      'redacted',
    ],
    ['authorKeyHistory', 'export'],
  );
  if (record.format !== exportFormat) fail('manifest.format', `unknown format (expected "${exportFormat}")`);
  const manifestVersion = record.version;
  if (manifestVersion !== 1 && manifestVersion !== 2) {
    fail('manifest.version', 'unknown version (only 1 and 2 are known)');
  }
  // Version 2 carries the account's signed export statement (§8); version 1 has none and may not pretend to.
  if (manifestVersion === 2 && record.export === undefined) fail('manifest', 'missing "export" (version 2)');
  if (manifestVersion === 1 && record.export !== undefined) fail('manifest', 'unknown key "export" (version 1)');
  const checkpoint = object(record.checkpoint, 'manifest.checkpoint', ['bytes', 'signature'], ['consistency']);
  const global = object(record.global, 'manifest.global', ['bytes', 'signature', 'index', 'proof'], ['timestamp']);
  const manifest: Manifest = {
    format: exportFormat,
    version: manifestVersion,
    journal: string(record.journal, 'manifest.journal'),
    label: string(record.label, 'manifest.label'),
    exportedAt: count(record.exportedAt, 'manifest.exportedAt'),
    authorKey: base64(record.authorKey, 'manifest.authorKey', 44),
    logKey: base64(record.logKey, 'manifest.logKey', 44),
    checkpoint: {
      bytes: base64(checkpoint.bytes, 'manifest.checkpoint.bytes'),
      signature: base64(checkpoint.signature, 'manifest.checkpoint.signature', 64),
    },
    global: {
      bytes: base64(global.bytes, 'manifest.global.bytes'),
      signature: base64(global.signature, 'manifest.global.signature', 64),
      index: count(global.index, 'manifest.global.index'),
      proof: proof(global.proof, 'manifest.global.proof'),
      // §4.1 An RFC 3161 token over the root; optional (a root made without a TSA has none).
      ...(global.timestamp === undefined ? {} : { timestamp: timestampToken(global.timestamp) }),
    },
    entries: items(array(record.entries, 'manifest.entries', limits.maxEntries), 'manifest.entries', (entry) =>
      manifestEntry(entry, limits),
    ),
    withheld: array(record.withheld, 'manifest.withheld', limits.maxEntries).map((index, i) =>
      count(index, `manifest.withheld[${i}]`),
    ),
    redacted: array(record.redacted, 'manifest.redacted', limits.maxEntries).map((index, i) =>
      count(index, `manifest.redacted[${i}]`),
    ),
  };
  if (record.authorKeyHistory !== undefined) {
    manifest.authorKeyHistory = array(record.authorKeyHistory, 'manifest.authorKeyHistory', maxKeyHistory).map(
      (item, i) => {
        const path = `manifest.authorKeyHistory[${i}]`;
        const entry = object(item, path, ['key', 'rotation']);
        const rotation = object(entry.rotation, `${path}.rotation`, ['bytes', 'signature']);
        return {
          key: base64(entry.key, `${path}.key`, 44),
          rotation: {
            bytes: base64(rotation.bytes, `${path}.rotation.bytes`),
            signature: base64(rotation.signature, `${path}.rotation.signature`, 64),
          },
        };
      },
    );
  }
  if (record.export !== undefined) {
    const signed = object(record.export, 'manifest.export', ['bytes', 'signature']);
    manifest.export = {
      bytes: base64(signed.bytes, 'manifest.export.bytes'),
      signature: base64(signed.signature, 'manifest.export.signature', 64),
    };
  }
  if (checkpoint.consistency !== undefined) {
    const consistency = object(checkpoint.consistency, 'manifest.checkpoint.consistency', ['size', 'proof']);
    manifest.checkpoint.consistency = {
      size: count(consistency.size, 'manifest.checkpoint.consistency.size'),
      proof: proof(consistency.proof, 'manifest.checkpoint.consistency.proof'),
    };
  }
  return manifest;
}

/** At most this many earlier author keys: far more key rotations than an account will ever need. */
const maxKeyHistory = 1000;

/** A key rotation statement (§4.4). */
export function parseKeyRotation(value: JsonValue, path = 'key rotation'): KeyRotation {
  const record = object(value, path, ['v', 'old', 'new', 'time']);
  return {
    v: version(record.v, `${path}.v`),
    old: hash(record.old, `${path}.old`),
    new: hash(record.new, `${path}.new`),
    time: count(record.time, `${path}.time`),
  };
}

/** The export statement (§8); `limits.maxEntries` bounds each index list. */
export function parseExportStatement(value: JsonValue, limits: ManifestLimits, path = 'export'): ExportStatement {
  const record = object(value, path, [
    'v',
    'journal',
    'key',
    'label',
    'exportedAt',
    'checkpoint',
    'disclosed',
    'withheld',
    'redacted',
    'pdf',
    'attachments',
  ]);
  const indices = (name: 'disclosed' | 'withheld' | 'redacted') =>
    array(record[name], `${path}.${name}`, limits.maxEntries).map((index, i) => count(index, `${path}.${name}[${i}]`));
  // Far more than an export carries: an entry's attachments and their originals, for every entry.
  const maxAttachments = limits.maxEntries * limits.maxAttachmentsPerEntry * 2;
  return {
    v: version(record.v, `${path}.v`),
    journal: string(record.journal, `${path}.journal`),
    key: hash(record.key, `${path}.key`),
    label: string(record.label, `${path}.label`),
    exportedAt: count(record.exportedAt, `${path}.exportedAt`),
    checkpoint: parseCheckpoint(record.checkpoint ?? null, `${path}.checkpoint`),
    disclosed: indices('disclosed'),
    withheld: indices('withheld'),
    redacted: indices('redacted'),
    pdf: hash(record.pdf, `${path}.pdf`),
    attachments: array(record.attachments, `${path}.attachments`, maxAttachments).map((item, i) => {
      const at = `${path}.attachments[${i}]`;
      const attachment = object(item, at, ['path', 'sha256']);
      return {
        path: pattern(attachment.path, `${at}.path`, attachmentPathPattern, 'an attachment path'),
        sha256: hash(attachment.sha256, `${at}.sha256`),
      };
    }),
  };
}

/** A checkpoint (§3). */
export function parseCheckpoint(value: JsonValue, path = 'checkpoint'): Checkpoint {
  const record = object(value, path, ['v', 'journal', 'size', 'root', 'time', 'key']);
  return {
    v: version(record.v, `${path}.v`),
    journal: string(record.journal, `${path}.journal`),
    size: count(record.size, `${path}.size`),
    root: hash(record.root, `${path}.root`),
    time: count(record.time, `${path}.time`),
    key: hash(record.key, `${path}.key`),
  };
}

/** A global root (§4). */
export function parseGlobalRoot(value: JsonValue, path = 'global root'): GlobalRoot {
  const record = object(value, path, ['v', 'size', 'root', 'time', 'key']);
  return {
    v: version(record.v, `${path}.v`),
    size: count(record.size, `${path}.size`),
    root: hash(record.root, `${path}.root`),
    time: count(record.time, `${path}.time`),
    key: hash(record.key, `${path}.key`),
  };
}

const linkKeys = ['rel', 'index', 'leaf'];

/** A leaf's link; paths relative to it. */
function link(value: JsonValue): Link {
  const record = object(value, '', linkKeys);
  const rel = string(record.rel, '.rel');
  if (rel !== 'corrects' && rel !== 'redacts') fail('.rel', 'expected "corrects" or "redacts"');
  return { rel, index: count(record.index, '.index'), leaf: hash(record.leaf, '.leaf') };
}

const leafKeys = ['v', 'journal', 'index', 'received', 'key', 'commitment', 'links'];

/** Leaf data (§2). */
export function parseLeaf(value: JsonValue, path = 'leaf'): LeafData {
  try {
    const record = object(value, '', leafKeys);
    return {
      v: version(record.v, '.v'),
      journal: string(record.journal, '.journal'),
      index: count(record.index, '.index'),
      received: count(record.received, '.received'),
      key: hash(record.key, '.key'),
      commitment: hash(record.commitment, '.commitment'),
      links: items(array(record.links, '.links', 1), '.links', link),
    };
  } catch (error) {
    throw within(path, error);
  }
}

const datePattern = /^\d{4}-\d{2}-\d{2}$/;
const timePattern = /^\d{2}:\d{2}$/;
const dateTimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const maxListItems = 1000;

/** A list of strings; the parsed list itself is returned. */
function strings(value: JsonValue | undefined, path: string): string[] {
  const list = array(value, path, maxListItems);
  for (let i = 0; i < list.length; i += 1) if (typeof list[i] !== 'string') string(list[i], `${path}[${i}]`);
  return list as string[];
}

const flaggedKeys = ['value', 'recognised'];
const personKeys = ['name', 'description'];
const agencyKeys = ['who', 'reference'];

function flaggedValue(item: JsonValue): { value: string; recognised: boolean } {
  const entry = object(item, '', flaggedKeys);
  return { value: string(entry.value, '.value'), recognised: boolean(entry.recognised, '.recognised') };
}

function flagged(value: JsonValue | undefined, path: string): { value: string; recognised: boolean }[] {
  return items(array(value, path, maxListItems), path, flaggedValue);
}

function person(item: JsonValue): { name: string; description: string } {
  const record = object(item, '', personKeys);
  return { name: string(record.name, '.name'), description: string(record.description, '.description') };
}

function agency(item: JsonValue): { who: string; reference: string } {
  const record = object(item, '', agencyKeys);
  return { who: string(record.who, '.who'), reference: string(record.reference, '.reference') };
}

const observationKeys = [
  'date',
  'approximate',
  'category',
  'text',
  'people',
  'online',
  'phones',
  'plates',
  'places',
  'agencies',
];
const observationOptionalKeys = ['time', 'question', 'words', 'missingFrom', 'missingUntil'];

/** An observation; paths relative to it. */
function observation(value: JsonValue | undefined): Observation {
  const record = object(value, '', observationKeys, observationOptionalKeys);
  const result: Observation = {
    date: pattern(record.date, '.date', datePattern, 'a date YYYY-MM-DD'),
    approximate: boolean(record.approximate, '.approximate'),
    category: string(record.category, '.category'),
    text: string(record.text, '.text'),
    people: items(array(record.people, '.people', maxListItems), '.people', person),
    online: strings(record.online, '.online'),
    phones: flagged(record.phones, '.phones'),
    plates: flagged(record.plates, '.plates'),
    places: strings(record.places, '.places'),
    agencies: items(array(record.agencies, '.agencies', maxListItems), '.agencies', agency),
  };
  if (record.time !== undefined) result.time = pattern(record.time, '.time', timePattern, 'a time HH:MM');
  if (record.question !== undefined) result.question = string(record.question, '.question');
  if (record.words !== undefined) result.words = string(record.words, '.words');
  if (record.missingFrom !== undefined) {
    result.missingFrom = pattern(record.missingFrom, '.missingFrom', dateTimePattern, 'YYYY-MM-DDTHH:MM');
  }
  if (record.missingUntil !== undefined) {
    result.missingUntil = pattern(record.missingUntil, '.missingUntil', dateTimePattern, 'YYYY-MM-DDTHH:MM');
  }
  return result;
}

const contentAttachmentKeys = ['id', 'mediaType', 'size', 'sha256'];
const contentAttachmentOptionalKeys = ['width', 'height', 'originalSha256'];

/** An attachment in a content; paths relative to it. */
function contentAttachment(value: JsonValue): ContentAttachment {
  const record = object(value, '', contentAttachmentKeys, contentAttachmentOptionalKeys);
  const result: ContentAttachment = {
    id: string(record.id, '.id'),
    mediaType: string(record.mediaType, '.mediaType'),
    size: count(record.size, '.size'),
    sha256: hash(record.sha256, '.sha256'),
  };
  if (record.width !== undefined) result.width = count(record.width, '.width');
  if (record.height !== undefined) result.height = count(record.height, '.height');
  if (record.originalSha256 !== undefined) result.originalSha256 = hash(record.originalSha256, '.originalSha256');
  return result;
}

const contentKeys = ['v', 'kind'];
const contentOptionalKeys = ['target', 'observation', 'attachments'];
const targetKeys = ['index', 'id'];

/** An entry's content (§2): an observation for entries and corrections, a target for corrections and redactions. */
export function parseContent(value: JsonValue, maxAttachments: number, path = 'content'): Content {
  try {
    return content(value, maxAttachments);
  } catch (error) {
    throw within(path, error);
  }
}

/** parseContent with paths relative to the content. */
function content(value: JsonValue, maxAttachments: number): Content {
  const record = object(value, '', contentKeys, contentOptionalKeys);
  const kind = string(record.kind, '.kind');
  if (kind !== 'entry' && kind !== 'correction' && kind !== 'redaction') {
    fail('.kind', 'expected "entry", "correction" or "redaction"');
  }
  const result: Content = { v: version(record.v, '.v'), kind };
  if (kind === 'entry' && record.target !== undefined) fail('.target', 'an entry has no target');
  if (kind !== 'entry') {
    const target = object(record.target, '.target', targetKeys);
    result.target = { index: count(target.index, '.target.index'), id: string(target.id, '.target.id') };
  }
  if (kind === 'redaction') {
    if (record.observation !== undefined) fail('.observation', 'a redaction has no observation');
  } else {
    try {
      result.observation = observation(record.observation);
    } catch (error) {
      throw within('.observation', error);
    }
  }
  if (record.attachments !== undefined) {
    const attachments = items(
      array(record.attachments, '.attachments', maxAttachments),
      '.attachments',
      contentAttachment,
    );
    result.attachments = attachments;
    const ids = new Set(attachments.map((attachment) => attachment.id));
    if (ids.size !== attachments.length) fail('.attachments', 'an attachment id appears twice');
  }
  return result;
}

/** A known checkpoint file (§6.9): signed bytes, or the size and root as written down. */
export function parseKnownCheckpoint(
  value: JsonValue,
): { kind: 'signed'; bytes: string; signature: string } | { kind: 'noted'; size: number; root: string } {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, 'bytes')) {
    const record = object(value, 'known checkpoint', ['bytes', 'signature']);
    return {
      kind: 'signed',
      bytes: base64(record.bytes, 'known checkpoint.bytes'),
      signature: base64(record.signature, 'known checkpoint.signature', 64),
    };
  }
  const record = object(value, 'known checkpoint', ['size', 'root']);
  return {
    kind: 'noted',
    size: count(record.size, 'known checkpoint.size'),
    root: hash(record.root, 'known checkpoint.root'),
  };
}
