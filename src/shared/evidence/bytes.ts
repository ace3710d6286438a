import { base64 } from '@scure/base';

/*
 * Byte helpers for the evidence library. Isomorphic: no node: imports (the verifier runs in the browser too).
 * Decoders are strict: only the one canonical spelling of a value is accepted, so a bundle cannot carry two
 * spellings of the same bytes.
 */

const utf8Encoder = new TextEncoder();

export function utf8(text: string): Uint8Array {
  return utf8Encoder.encode(text);
}

/** Decodes UTF-8, refusing invalid sequences (and keeping a byte-order mark as a character, never skipping it). */
export function decodeUtf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
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

const hexDigits = '0123456789abcdef';

/** Lower-case hexadecimal. */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 1) {
    const byte = bytes[i]!;
    out += hexDigits[byte >> 4]! + hexDigits[byte & 15]!;
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

function base64Value(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return code < 128 ? base64Values[code]! : -1;
}

/**
 * Standard base64 with padding, in its one canonical spelling (unused bits zero); undefined for anything else.
 * Hand-written because it runs once per salt, leaf, content and signature of a bundle: tens of thousands.
 */
export function fromBase64(text: string): Uint8Array | undefined {
  if (text.length % 4 !== 0) return undefined;
  let padding = 0;
  if (text.endsWith('==')) padding = 2;
  else if (text.endsWith('=')) padding = 1;
  const out = new Uint8Array((text.length / 4) * 3 - padding);
  const fullGroups = padding === 0 ? text.length / 4 : text.length / 4 - 1;
  let o = 0;
  for (let g = 0; g < fullGroups; g += 1) {
    const at = g * 4;
    const a = base64Value(text, at);
    const b = base64Value(text, at + 1);
    const c = base64Value(text, at + 2);
    const d = base64Value(text, at + 3);
    if ((a | b | c | d) < 0) return undefined;
    const triple = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = triple >> 16;
    out[o++] = (triple >> 8) & 0xff;
    out[o++] = triple & 0xff;
  }
  if (padding > 0) {
    const at = text.length - 4;
    const a = base64Value(text, at);
    const b = base64Value(text, at + 1);
    if ((a | b) < 0) return undefined;
    if (padding === 2) {
      if ((b & 0x0f) !== 0) return undefined;
      out[o] = (a << 2) | (b >> 4);
    } else {
      const c = base64Value(text, at + 2);
      if (c < 0 || (c & 0x03) !== 0) return undefined;
      out[o++] = (a << 2) | (b >> 4);
      out[o] = ((b & 0x0f) << 4) | (c >> 2);
    }
  }
  return out;
}
