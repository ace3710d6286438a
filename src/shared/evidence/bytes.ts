import { base64 } from '@scure/base';

/*
 * Byte helpers for the evidence library. Isomorphic: no node: imports (the verifier runs in the browser too).
 * Decoders are strict: only the one canonical spelling of a value is accepted, so a bundle cannot carry two
 * spellings of the same bytes.
 */

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function utf8(text: string): Uint8Array {
  return utf8Encoder.encode(text);
}

/** Decodes UTF-8, refusing invalid sequences (and keeping a byte-order mark as a character, never skipping it). */
export function decodeUtf8(bytes: Uint8Array): string {
  // One decoder serves every call: without `stream` it keeps no state between calls.
  return utf8Decoder.decode(bytes);
}

export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i += 1) difference |= a[i]! ^ b[i]!;
  return difference === 0;
}

const hexCodes = new Uint16Array(16);
for (let i = 0; i < 16; i += 1) hexCodes[i] = '0123456789abcdef'.charCodeAt(i);
// Character codes are gathered and turned into one string per chunk: appending two characters at a time would
// make a short-lived string per byte, and a verifier turns tens of thousands of hashes into hex.
const hexChunk = 4096;
const hexScratch = new Uint16Array(2 * hexChunk);

/** Lower-case hexadecimal. */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (let start = 0; start < bytes.length; start += hexChunk) {
    const end = Math.min(bytes.length, start + hexChunk);
    for (let i = start, o = 0; i < end; i += 1, o += 2) {
      const byte = bytes[i]!;
      hexScratch[o] = hexCodes[byte >> 4]!;
      hexScratch[o + 1] = hexCodes[byte & 15]!;
    }
    out += String.fromCharCode.apply(null, hexScratch.subarray(0, 2 * (end - start)) as unknown as number[]);
  }
  return out;
}

function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 102) return code - 87;
  return -1;
}

/** Lower-case hexadecimal only; undefined for anything else (upper case, odd length, other characters). */
export function fromHex(text: string): Uint8Array | undefined {
  if (text.length % 2 !== 0) return undefined;
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i += 1) {
    const high = hexValue(text.charCodeAt(2 * i));
    const low = hexValue(text.charCodeAt(2 * i + 1));
    if (high < 0 || low < 0) return undefined;
    out[i] = (high << 4) | low;
  }
  return out;
}

/** Standard base64 with padding (RFC 4648 §4). */
export function toBase64(bytes: Uint8Array): string {
  return base64.encode(bytes);
}

const base64Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const base64Values = new Int16Array(128).fill(-1);
for (let i = 0; i < base64Alphabet.length; i += 1) base64Values[base64Alphabet.charCodeAt(i)] = i;
const base64Shape = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Whether `text` is standard base64 with padding (RFC 4648 §4) in its one canonical spelling: length a
 * multiple of 4, only the alphabet, padding only at the end, and the unused bits of the last group zero.
 */
export function isCanonicalBase64(text: string): boolean {
  if (text.length % 4 !== 0 || !base64Shape.test(text)) return false;
  if (text.endsWith('==')) return (base64Values[text.charCodeAt(text.length - 3)]! & 0x0f) === 0;
  if (text.endsWith('=')) return (base64Values[text.charCodeAt(text.length - 2)]! & 0x03) === 0;
  return true;
}

/** The decoded length of canonical base64 text, without decoding it. */
export function base64Length(text: string): number {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return (text.length / 4) * 3 - padding;
}

/** Decodes base64 that isCanonicalBase64 accepted (a parsed manifest's values: the schema checked them). */
export type Base64Decoder = (text: string) => Uint8Array;

/** The portable decoder (the browser's); Node installs its own, and tests compare the two. */
export const portableBase64Decoder: Base64Decoder = (text) => {
  const out = new Uint8Array(base64Length(text));
  const full = Math.floor(out.length / 3);
  let o = 0;
  for (let g = 0; g < full; g += 1) {
    const at = g * 4;
    const triple =
      (base64Values[text.charCodeAt(at)]! << 18) |
      (base64Values[text.charCodeAt(at + 1)]! << 12) |
      (base64Values[text.charCodeAt(at + 2)]! << 6) |
      base64Values[text.charCodeAt(at + 3)]!;
    out[o++] = triple >> 16;
    out[o++] = (triple >> 8) & 0xff;
    out[o++] = triple & 0xff;
  }
  if (o < out.length) {
    const at = full * 4;
    const a = base64Values[text.charCodeAt(at)]!;
    const b = base64Values[text.charCodeAt(at + 1)]!;
    out[o++] = (a << 2) | (b >> 4);
    if (o < out.length) out[o] = ((b & 0x0f) << 4) | (base64Values[text.charCodeAt(at + 2)]! >> 2);
  }
  return out;
};

let base64Decoder: Base64Decoder = portableBase64Decoder;

/** Installs another decoder of the same canonical text (Node's native one; same bytes, tested). */
export function installBase64Decoder(next: Base64Decoder): void {
  base64Decoder = next;
}

/** Decodes base64 already checked with isCanonicalBase64; anything else gives meaningless bytes. */
export function fromCheckedBase64(text: string): Uint8Array {
  return base64Decoder(text);
}

/**
 * Standard base64 with padding, in its one canonical spelling (unused bits zero); undefined for anything else.
 * The check is a native regular expression; the decoding is native in Node (installBase64Decoder), because it
 * runs once per salt, leaf, content and signature of a bundle: tens of thousands.
 */
export function fromBase64(text: string): Uint8Array | undefined {
  return isCanonicalBase64(text) ? base64Decoder(text) : undefined;
}
