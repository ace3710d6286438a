import { sha256 } from './sha256.js';
import { concatBytes, decodeUtf8, fromBase64, fromHex, toBase64, toHex, utf8 } from './bytes.js';
import { verifyEd25519 } from './ed25519.js';

/*
 * C2SP signed notes (c2sp.org/signed-note), transparency-log checkpoints (c2sp.org/tlog-checkpoint) and Ed25519
 * cosignatures with a timestamp (c2sp.org/tlog-cosignature, "cosignature/v1"). Parsing, key ids, verifier keys
 * (vkeys) and verification; verification goes through WebCrypto (ed25519.ts), so it runs in Node and a browser
 * alike. Signing is the server's and the witness's (node:crypto): they build the message with the functions here.
 */

/** Signature type of a plain Ed25519 note signature (the log's signature on its checkpoint). */
export const ed25519Type = 0x01;
/** Signature type of a timestamped Ed25519 checkpoint cosignature (a witness's). */
export const cosignatureType = 0x04;
export type NoteSignatureType = typeof ed25519Type | typeof cosignatureType;

/** More signature lines than this make a note refused (the spec asks verifiers to accept at least 16). */
export const maxNoteSignatures = 64;
/** A checkpoint's consistency proof never has more nodes than this (c2sp.org/tlog-witness). */
export const maxProofLines = 63;

export interface NoteSignature {
  name: string;
  /** The uint32 key id, as 8 lowercase hex digits. */
  keyId: string;
  /** The bytes after the key id: an Ed25519 signature, or a timestamp and one for a cosignature. */
  signature: Uint8Array;
  /** The signature line as it stood, with its final newline. */
  line: string;
}

export interface Note {
  /** The signed text, with its final newline. */
  text: string;
  signatures: NoteSignature[];
}

/** Key names are non-empty and hold no Unicode space and no plus sign. */
export function isKeyName(name: string): boolean {
  return name.length > 0 && !/[\s+]/u.test(name);
}

/** SHA-256(name ‖ 0x0A ‖ type ‖ public key)[:4] as 8 hex digits (c2sp.org/signed-note, key ids). */
export function noteKeyId(name: string, type: NoteSignatureType, publicKey: Uint8Array): string {
  return toHex(sha256(concatBytes(utf8(name), new Uint8Array([0x0a, type]), publicKey)).subarray(0, 4));
}

/** The verifier key text: name+hex(key id)+base64(type ‖ public key). */
export function formatVkey(name: string, type: NoteSignatureType, publicKey: Uint8Array): string {
  if (!isKeyName(name)) throw new RangeError('not a key name');
  if (publicKey.length !== 32) throw new RangeError('an Ed25519 public key is 32 bytes');
  return `${name}+${noteKeyId(name, type, publicKey)}+${toBase64(concatBytes(new Uint8Array([type]), publicKey))}`;
}

export interface Verifier {
  name: string;
  keyId: string;
  type: NoteSignatureType;
  /** The 32-byte Ed25519 public key (RFC 8032 encoding). */
  publicKey: Uint8Array;
  /** The vkey text it was read from. */
  vkey: string;
}

/**
 * Reads a verifier key of type 0x01 (Ed25519 note signer) or 0x04 (Ed25519 cosigner); undefined for anything
 * else, and for a key id that is not the one the spec computes from the name, type and key.
 */
export function parseVkey(vkey: string): Verifier | undefined {
  const parts = vkey.trim().split('+');
  // The base64 part may itself hold plus signs: the name and the id are the first two parts.
  if (parts.length < 3) return undefined;
  const [name = '', keyIdText = ''] = parts;
  const material = fromBase64(parts.slice(2).join('+'));
  if (!isKeyName(name) || !/^[0-9a-f]{8}$/.test(keyIdText) || material === undefined || material.length !== 33) {
    return undefined;
  }
  const type = material[0];
  if (type !== ed25519Type && type !== cosignatureType) return undefined;
  const publicKey = material.slice(1);
  if (noteKeyId(name, type, publicKey) !== keyIdText) return undefined;
  return { name, keyId: keyIdText, type, publicKey, vkey: vkey.trim() };
}

/** ASCII control characters other than newline are not allowed anywhere in a note. */
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x0a) || code === 0x7f) return true;
  }
  return false;
}

/** Reads a signed note from bytes (strict UTF-8) or text; undefined when it is not one. */
export function parseNote(input: string | Uint8Array): Note | undefined {
  let note: string;
  if (typeof input === 'string') {
    note = input;
  } else {
    try {
      note = decodeUtf8(input);
    } catch {
      return undefined;
    }
  }
  if (note.length > 1_000_000 || hasControlCharacter(note) || !note.endsWith('\n')) return undefined;
  // The text and the signatures are split at the last empty line.
  const split = note.lastIndexOf('\n\n');
  if (split < 0) return undefined;
  const text = note.slice(0, split + 1);
  const lines = note.slice(split + 2).split('\n');
  lines.pop(); // after the final newline
  if (lines.length === 0 || lines.length > maxNoteSignatures) return undefined;
  const signatures: NoteSignature[] = [];
  for (const line of lines) {
    const parsed = parseSignatureLine(line);
    if (parsed === undefined) return undefined;
    signatures.push(parsed);
  }
  return { text, signatures };
}

/** One line "— <name> <base64(key id ‖ signature)>" without its newline. */
export function parseSignatureLine(line: string): NoteSignature | undefined {
  if (!line.startsWith('\u2014 ')) return undefined;
  const rest = line.slice(2);
  const space = rest.indexOf(' ');
  if (space < 0) return undefined;
  const name = rest.slice(0, space);
  const bytes = fromBase64(rest.slice(space + 1));
  if (!isKeyName(name) || bytes === undefined || bytes.length < 5) return undefined;
  return { name, keyId: toHex(bytes.subarray(0, 4)), signature: bytes.slice(4), line: `${line}\n` };
}

/** A signature line for the note text, with its newline. */
export function signatureLine(name: string, keyId: string, signature: Uint8Array): string {
  const id = fromHex(keyId);
  if (!isKeyName(name) || id === undefined || id.length !== 4) throw new RangeError('not a key name and key id');
  return `\u2014 ${name} ${toBase64(concatBytes(id, signature))}\n`;
}

/** The note: its text, an empty line, its signature lines. */
export function formatNote(text: string, signatureLines: readonly string[]): string {
  if (!text.endsWith('\n')) throw new RangeError('a note text ends with a newline');
  return `${text}\n${signatureLines.join('')}`;
}

/** The message an Ed25519 cosignature (cosignature/v1) signs: header, time line, the checkpoint text. */
export function cosignedMessage(timestamp: number, checkpointText: string): Uint8Array {
  return utf8(`cosignature/v1\ntime ${timestamp}\n${checkpointText}`);
}

/** timestamped_signature: the u64 big-endian POSIX time, then the 64-byte Ed25519 signature. */
export function timestampedSignature(timestamp: number, signature: Uint8Array): Uint8Array {
  const out = new Uint8Array(8 + signature.length);
  new DataView(out.buffer).setBigUint64(0, BigInt(timestamp));
  out.set(signature, 8);
  return out;
}

function readTimestamped(bytes: Uint8Array): { timestamp: number; signature: Uint8Array } | undefined {
  if (bytes.length !== 72) return undefined;
  const time = new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0);
  if (time > BigInt(Number.MAX_SAFE_INTEGER)) return undefined;
  return { timestamp: Number(time), signature: bytes.subarray(8) };
}

async function importRaw(publicKey: Uint8Array): Promise<CryptoKey | undefined> {
  try {
    return await globalThis.crypto.subtle.importKey('raw', new Uint8Array(publicKey), { name: 'Ed25519' }, false, [
      'verify',
    ]);
  } catch {
    return undefined;
  }
}

export interface VerifiedSignature {
  verifier: Verifier;
  /** A cosignature's time (POSIX seconds); undefined for a plain note signature. */
  timestamp?: number;
  line: string;
}

export type NoteVerification =
  | { ok: true; verified: VerifiedSignature[] }
  | { ok: false; reason: 'malformed' | 'bad-signature' | 'no-known-signature'; verifier?: Verifier };

/**
 * Verifies a note as c2sp.org/signed-note asks: lines from unknown keys (name and id not both matching) are
 * ignored; a line from a known key must verify, else the whole note is refused; at least one must verify.
 */
export async function verifyNote(
  input: string | Uint8Array | Note,
  verifiers: readonly Verifier[],
): Promise<NoteVerification> {
  const note = typeof input === 'string' || input instanceof Uint8Array ? parseNote(input) : input;
  if (note === undefined) return { ok: false, reason: 'malformed' };
  const verified: VerifiedSignature[] = [];
  for (const line of note.signatures) {
    const verifier = verifiers.find((known) => known.name === line.name && known.keyId === line.keyId);
    if (verifier === undefined) continue;
    const key = await importRaw(verifier.publicKey);
    let good = false;
    let timestamp: number | undefined;
    if (key !== undefined && verifier.type === ed25519Type) {
      good = await verifyEd25519(key, line.signature, utf8(note.text));
    } else if (key !== undefined) {
      const stamped = readTimestamped(line.signature);
      if (stamped !== undefined) {
        timestamp = stamped.timestamp;
        good = await verifyEd25519(key, stamped.signature, cosignedMessage(stamped.timestamp, note.text));
      }
    }
    if (!good) return { ok: false, reason: 'bad-signature', verifier };
    verified.push({ verifier, ...(timestamp === undefined ? {} : { timestamp }), line: line.line });
  }
  if (verified.length === 0) return { ok: false, reason: 'no-known-signature' };
  return { ok: true, verified };
}

export interface Checkpoint {
  origin: string;
  size: number;
  /** The 32-byte root hash. */
  rootHash: Uint8Array;
  /** Extension lines, if any (this log writes none). */
  extensions: string[];
}

/** A checkpoint's note text (c2sp.org/tlog-checkpoint): origin, size, base64 root hash, each with a newline. */
export function formatCheckpoint(origin: string, size: number, rootHash: Uint8Array): string {
  if (origin === '' || origin.includes('\n')) throw new RangeError('not an origin line');
  if (!Number.isSafeInteger(size) || size < 0) throw new RangeError('not a tree size');
  if (rootHash.length !== 32) throw new RangeError('a root hash is 32 bytes');
  return `${origin}\n${size}\n${toBase64(rootHash)}\n`;
}

/** Reads a checkpoint's note text; undefined when it is not one. */
export function parseCheckpoint(text: string): Checkpoint | undefined {
  if (!text.endsWith('\n')) return undefined;
  const lines = text.slice(0, -1).split('\n');
  if (lines.length < 3 || lines.some((line) => line === '')) return undefined;
  const [origin = '', sizeText = '', hashText = '', ...extensions] = lines;
  if (!/^(0|[1-9][0-9]{0,15})$/.test(sizeText) || !Number.isSafeInteger(Number(sizeText))) return undefined;
  const rootHash = fromBase64(hashText);
  if (rootHash === undefined || rootHash.length !== 32) return undefined;
  return { origin, size: Number(sizeText), rootHash, extensions };
}
