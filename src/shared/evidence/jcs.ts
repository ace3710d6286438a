import { decodeUtf8, utf8 } from './bytes.js';

/*
 * RFC 8785 (JSON Canonicalization Scheme) with the strict profile of docs/export-format.md §1: strings,
 * booleans, null, arrays, objects with unique keys, and integers in −(2^53−1) … 2^53−1. No floats, no
 * exponents, no -0. With only integers, RFC 8785's number serialisation is the integer's decimal digits.
 *
 * JSON.parse is not used for bytes from a bundle: it silently keeps the last of duplicate keys and accepts
 * floats and exponents, so two different byte strings would parse to the same value (docs/adr/0011).
 */

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

/** Thrown by canonicalize() and parseStrict(); the message says what and, for parsing, where. */
export class JcsError extends Error {
  override name = 'JcsError';
}

export interface ParseLimits {
  /** Longest input in bytes (default 64 MiB). */
  maxBytes: number;
  /** Deepest nesting of arrays and objects (default 32). */
  maxDepth: number;
}

export interface ParseOptions extends ParseLimits {
  /**
   * Also require the input to be exactly its canonical serialisation (RFC 8785): no whitespace, keys in
   * UTF-16 order, and strings escaped only as §3.2.2.2 escapes them. Checked while parsing, so it is the same
   * answer as `equalBytes(canonicalize(parseStrict(bytes)), bytes)` without serialising again (tested).
   */
  canonical: boolean;
}

export const defaultParseLimits: Readonly<ParseOptions> = Object.freeze({
  maxBytes: 64 * 1024 * 1024,
  maxDepth: 32,
  canonical: false,
});

const maxCanonicalDepth = 64;

/** True when every surrogate code unit is part of a pair (String.prototype.isWellFormed is ES2024). */
function isWellFormedPortable(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0xd800 || code > 0xdfff) continue;
    if (code >= 0xdc00) return false;
    const next = text.charCodeAt(i + 1);
    if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
    i += 1;
  }
  return true;
}

const nativeIsWellFormed = (String.prototype as { isWellFormed?: (this: string) => boolean }).isWellFormed;
const isWellFormed: (text: string) => boolean =
  nativeIsWellFormed === undefined ? isWellFormedPortable : (text) => nativeIsWellFormed.call(text);

function isPlainObject(value: object): value is JsonObject {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** The JSON spelling of a string per RFC 8785 §3.2.2.2; refuses lone surrogates. */
function serialiseString(text: string): string {
  if (!isWellFormed(text)) throw new JcsError('a string contains a lone surrogate');
  let out = '"';
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= 0x20 && code !== 0x22 && code !== 0x5c) continue;
    out += text.slice(start, i);
    start = i + 1;
    switch (code) {
      case 0x22:
        out += '\\"';
        break;
      case 0x5c:
        out += '\\\\';
        break;
      case 0x08:
        out += '\\b';
        break;
      case 0x09:
        out += '\\t';
        break;
      case 0x0a:
        out += '\\n';
        break;
      case 0x0c:
        out += '\\f';
        break;
      case 0x0d:
        out += '\\r';
        break;
      default:
        out += `\\u00${code.toString(16).padStart(2, '0')}`;
    }
  }
  return `${out}${text.slice(start)}"`;
}

function serialise(value: unknown, depth: number): string {
  if (depth > maxCanonicalDepth) throw new JcsError('nested too deeply (or a cycle)');
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return serialiseString(value);
    case 'number':
      if (!Number.isSafeInteger(value)) throw new JcsError(`${String(value)} is not an integer in the safe range`);
      if (Object.is(value, -0)) throw new JcsError('-0 is not allowed');
      return String(value);
    case 'object': {
      if (Array.isArray(value)) {
        const items: string[] = [];
        for (let i = 0; i < value.length; i += 1) {
          if (!(i in value)) throw new JcsError('an array has a hole');
          items.push(serialise(value[i], depth + 1));
        }
        return `[${items.join(',')}]`;
      }
      if (!isPlainObject(value)) throw new JcsError('only plain objects can be canonicalized');
      // RFC 8785 §3.2.3: keys sorted by their UTF-16 code units, which is what comparing JS strings does.
      const keys = Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      const members = keys.map((key) => {
        const member = value[key];
        if (member === undefined) throw new JcsError(`the value of "${key}" is undefined`);
        return `${serialiseString(key)}:${serialise(member, depth + 1)}`;
      });
      return `{${members.join(',')}}`;
    }
    case 'bigint':
    case 'function':
    case 'symbol':
    case 'undefined':
      throw new JcsError(`a ${typeof value} cannot be canonicalized`);
  }
  throw new JcsError('cannot be canonicalized');
}

/** The UTF-8 bytes of the canonical serialisation of `value` (RFC 8785, strict profile). Throws JcsError. */
export function canonicalize(value: unknown): Uint8Array {
  return utf8(serialise(value, 0));
}

/** Like canonicalize(), as a string (for tests and messages). */
export function canonicalString(value: unknown): string {
  return serialise(value, 0);
}

// A string's characters up to its closing quote that need a closer look: escapes and control characters.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const specialInString = /[\\\u0000-\u001f]/;
// The same, or a surrogate code unit (without the u flag a class matches single code units): a string with none
// of these is plain and well-formed after one native scan.
// eslint-disable-next-line no-control-regex -- as above
const specialOrSurrogate = /[\\\u0000-\u001f\ud800-\udfff]/;
// The escapes RFC 8785 §3.2.2.2 writes as two characters; every other control character is \u00xx (lower case).
const shortEscapes: Readonly<Record<number, string>> = {
  0x22: '"',
  0x5c: '\\',
  0x2f: '/',
  0x62: '\b',
  0x66: '\f',
  0x6e: '\n',
  0x72: '\r',
  0x74: '\t',
};
const canonicalShortEscapes = new Set([0x22, 0x5c, 0x62, 0x66, 0x6e, 0x72, 0x74]);
const shortEscapeCodes = new Set([0x08, 0x09, 0x0a, 0x0c, 0x0d]);

class StrictParser {
  private position = 0;

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
    private readonly canonical: boolean,
  ) {}

  private fail(message: string, at = this.position): never {
    throw new JcsError(`${message} at character ${at}`);
  }

  private notCanonical(what: string, at = this.position): never {
    return this.fail(`not the canonical (JCS) serialisation: ${what}`, at);
  }

  private skipWhitespace(): void {
    const { text } = this;
    while (this.position < text.length) {
      const code = text.charCodeAt(this.position);
      if (code !== 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return;
      if (this.canonical) this.notCanonical('whitespace');
      this.position += 1;
    }
  }

  parseDocument(): JsonValue {
    this.skipWhitespace();
    const value = this.parseValue(0);
    this.skipWhitespace();
    if (this.position !== this.text.length) this.fail('unexpected data after the JSON value');
    return value;
  }

  private parseValue(depth: number): JsonValue {
    const code = this.text.charCodeAt(this.position);
    if (code === 0x22) return this.parseString();
    if (code === 0x7b) return this.parseObject(depth + 1);
    if (code === 0x5b) return this.parseArray(depth + 1);
    if (code === 0x2d || (code >= 0x30 && code <= 0x39)) return this.parseInteger();
    if (this.text.startsWith('true', this.position)) return this.literal(4, true);
    if (this.text.startsWith('false', this.position)) return this.literal(5, false);
    if (this.text.startsWith('null', this.position)) return this.literal(4, null);
    if (this.position >= this.text.length) this.fail('unexpected end of input');
    return this.fail('unexpected character');
  }

  private literal<T>(length: number, value: T): T {
    this.position += length;
    return value;
  }

  private parseObject(depth: number): JsonObject {
    if (depth > this.maxDepth) this.fail(`nested deeper than ${this.maxDepth} levels`);
    this.position += 1;
    const object: JsonObject = {};
    // Canonical input has its keys in strictly increasing order, which also makes them unique.
    const seen = this.canonical ? undefined : new Set<string>();
    let previous: string | undefined;
    this.skipWhitespace();
    if (this.text.charCodeAt(this.position) === 0x7d) {
      this.position += 1;
      return object;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text.charCodeAt(this.position) !== 0x22) this.fail('expected a key');
      const keyAt = this.position;
      const key = this.parseString();
      if (seen === undefined) {
        if (previous !== undefined && key <= previous) {
          if (key === previous) this.fail(`duplicate key "${key}"`, keyAt);
          this.notCanonical(`the key "${key}" is out of order`, keyAt);
        }
        previous = key;
      } else {
        if (seen.has(key)) this.fail(`duplicate key "${key}"`, keyAt);
        seen.add(key);
      }
      this.skipWhitespace();
      if (this.text.charCodeAt(this.position) !== 0x3a) this.fail('expected ":"');
      this.position += 1;
      this.skipWhitespace();
      const value = this.parseValue(depth);
      // A key "__proto__" must become data, never the prototype: defineProperty for it, plain stores otherwise.
      if (key === '__proto__') {
        Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
      } else {
        object[key] = value;
      }
      this.skipWhitespace();
      const next = this.text.charCodeAt(this.position);
      this.position += 1;
      if (next === 0x7d) return object;
      if (next !== 0x2c) this.fail('expected "," or "}"', this.position - 1);
    }
  }

  private parseArray(depth: number): JsonValue[] {
    if (depth > this.maxDepth) this.fail(`nested deeper than ${this.maxDepth} levels`);
    this.position += 1;
    const items: JsonValue[] = [];
    this.skipWhitespace();
    if (this.text.charCodeAt(this.position) === 0x5d) {
      this.position += 1;
      return items;
    }
    for (;;) {
      this.skipWhitespace();
      items.push(this.parseValue(depth));
      this.skipWhitespace();
      const next = this.text.charCodeAt(this.position);
      this.position += 1;
      if (next === 0x5d) return items;
      if (next !== 0x2c) this.fail('expected "," or "]"', this.position - 1);
    }
  }

  private parseInteger(): number {
    const { text } = this;
    const start = this.position;
    if (text.charCodeAt(this.position) === 0x2d) this.position += 1;
    const digitsStart = this.position;
    while (this.position < text.length) {
      const code = text.charCodeAt(this.position);
      if (code < 0x30 || code > 0x39) break;
      this.position += 1;
    }
    const digits = this.position - digitsStart;
    if (digits === 0) this.fail('expected a digit');
    if (digits > 1 && text.charCodeAt(digitsStart) === 0x30) this.fail('leading zeros are not allowed', start);
    const after = text.charCodeAt(this.position);
    if (after === 0x2e || after === 0x65 || after === 0x45) {
      this.fail('floats and exponents are not allowed (integers only)', start);
    }
    if (digits > 16) this.fail('integer beyond 2^53−1', start);
    const value = Number(text.slice(start, this.position));
    if (!Number.isSafeInteger(value)) this.fail('integer beyond 2^53−1', start);
    if (Object.is(value, -0)) this.fail('-0 is not allowed', start);
    return value;
  }

  private parseString(): string {
    const { text } = this;
    const start = this.position + 1;
    // The common case, found natively: no escape and no control character before the closing quote.
    const close = text.indexOf('"', start);
    if (close < 0) this.fail('unterminated string', text.length);
    const plain = text.slice(start, close);
    if (!specialOrSurrogate.test(plain)) {
      this.position = close + 1;
      return plain;
    }
    if (!specialInString.test(plain)) {
      if (!isWellFormed(plain)) this.fail('a string contains a lone surrogate', start);
      this.position = close + 1;
      return plain;
    }
    return this.parseEscapedString(start);
  }

  private parseEscapedString(start: number): string {
    const { text } = this;
    this.position = start;
    let out = '';
    let chunkStart = this.position;
    for (;;) {
      if (this.position >= text.length) this.fail('unterminated string');
      const code = text.charCodeAt(this.position);
      if (code === 0x22) {
        out += text.slice(chunkStart, this.position);
        this.position += 1;
        break;
      }
      if (code < 0x20) this.fail('control character in a string');
      if (code !== 0x5c) {
        this.position += 1;
        continue;
      }
      out += text.slice(chunkStart, this.position);
      const escapeAt = this.position;
      const escape = text.charCodeAt(this.position + 1);
      this.position += 2;
      const short = shortEscapes[escape];
      if (short !== undefined) {
        if (this.canonical && !canonicalShortEscapes.has(escape)) this.notCanonical('"\\/" escape', escapeAt);
        out += short;
      } else if (escape === 0x75) {
        const hex = text.slice(this.position, this.position + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('bad \\u escape');
        const unit = parseInt(hex, 16);
        // Canonical: only control characters without a short escape, as \u00 and two lower-case digits.
        if (this.canonical && (unit >= 0x20 || shortEscapeCodes.has(unit) || hex !== hex.toLowerCase())) {
          this.notCanonical('an unnecessary or upper-case \\u escape', escapeAt);
        }
        out += String.fromCharCode(unit);
        this.position += 4;
      } else {
        this.fail('bad escape', escapeAt);
      }
      chunkStart = this.position;
    }
    if (!isWellFormed(out)) this.fail('a string contains a lone surrogate');
    return out;
  }
}

/**
 * Parses UTF-8 JSON bytes under the strict profile: refuses duplicate keys, floats and exponents, integers
 * beyond 2^53−1, -0, lone surrogates, invalid UTF-8, and input beyond the limits. Throws JcsError.
 */
export function parseStrict(bytes: Uint8Array, limits: Partial<ParseOptions> = {}): JsonValue {
  const { maxBytes, maxDepth, canonical } = { ...defaultParseLimits, ...limits };
  if (bytes.length > maxBytes) throw new JcsError(`larger than ${maxBytes} bytes`);
  let text: string;
  try {
    text = decodeUtf8(bytes);
  } catch {
    throw new JcsError('not valid UTF-8');
  }
  return new StrictParser(text, maxDepth, canonical).parseDocument();
}

/** True when `bytes` parse strictly and are exactly the canonical serialisation of what they parse to. */
export function isCanonical(bytes: Uint8Array, limits: Partial<ParseLimits> = {}): boolean {
  try {
    parseStrict(bytes, { ...limits, canonical: true });
    return true;
  } catch {
    return false;
  }
}
