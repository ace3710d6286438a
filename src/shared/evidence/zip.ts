import { Inflate } from 'fflate';

/*
 * A ZIP reader for bundles from strangers. It reads the central directory itself, refuses anything unusual
 * (encryption, ZIP64, multi-disk, other compression methods, overlapping or trailing data, names that are not
 * plain ASCII) and inflates one member at a time with fflate in small steps, stopping as soon as the output
 * goes beyond the size the directory declared: declared sizes are checked against the limits first, and the
 * inflated output is then held to them, so a lying header cannot make it allocate more (docs/adr/0011).
 */

export interface ZipLimits {
  /** Most members, directories included. */
  maxMembers: number;
  /** Most uncompressed bytes of all members together. */
  maxTotalBytes: number;
  /** Most uncompressed bytes per compressed byte for a member above 64 KiB. */
  maxRatio: number;
}

export const defaultZipLimits: Readonly<ZipLimits> = Object.freeze({
  maxMembers: 65_535,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxRatio: 200,
});

export interface ZipMember {
  name: string;
  isDirectory: boolean;
  method: 0 | 8;
  compressedSize: number;
  /** The uncompressed size the central directory declares (checked against the inflated output). */
  size: number;
  crc32: number;
  dataOffset: number;
}

export type ZipOpenResult = { ok: true; members: Map<string, ZipMember> } | { ok: false; message: string };
export type ZipReadResult = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

const endOfCentralDirectory = 0x06054b50;
const centralHeader = 0x02014b50;
const localHeader = 0x04034b50;
// Flags we accept: deflate options (bits 1, 2), sizes in a data descriptor (bit 3), UTF-8 names (bit 11).
const allowedFlags = 0b0000_1000_0000_1110;
// Deflate expands at most about 1032:1, so one step never produces more than about 66 MiB before the size check.
const inflateStep = 64 * 1024;

function u16(bytes: Uint8Array, at: number): number {
  return bytes[at]! | (bytes[at + 1]! << 8);
}

function u32(bytes: Uint8Array, at: number): number {
  return (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0;
}

/** Why a member name is unsafe, or undefined when it is a plain relative path. */
export function unsafePathReason(name: string): string | undefined {
  if (name.length === 0) return 'an empty name';
  if (name.includes('\\')) return 'a backslash';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'an absolute path';
  const segments = name.split('/');
  if (segments.some((segment) => segment === '..')) return 'a ".." segment';
  if (segments.some((segment) => segment === '.')) return 'a "." segment';
  if (segments.slice(0, -1).some((segment) => segment === '')) return 'an empty path segment';
  return undefined;
}

/** Reads and checks the central directory; no member is inflated. */
export function openZip(bytes: Uint8Array, limits: Partial<ZipLimits> = {}): ZipOpenResult {
  const { maxMembers, maxTotalBytes, maxRatio } = { ...defaultZipLimits, ...limits };
  const fail = (message: string): ZipOpenResult => ({ ok: false, message });
  if (bytes.length < 22) return fail('not a ZIP file (too short)');
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at -= 1) {
    if (u32(bytes, at) === endOfCentralDirectory && at + 22 + u16(bytes, at + 20) === bytes.length) {
      end = at;
      break;
    }
  }
  if (end < 0) return fail('not a ZIP file (no end of central directory)');
  const disk = u16(bytes, end + 4);
  const directoryDisk = u16(bytes, end + 6);
  const countOnDisk = u16(bytes, end + 8);
  const count = u16(bytes, end + 10);
  const directorySize = u32(bytes, end + 12);
  const directoryOffset = u32(bytes, end + 16);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    return fail('ZIP64 archives are not accepted');
  }
  if (disk !== 0 || directoryDisk !== 0 || countOnDisk !== count) return fail('multi-disk archives are not accepted');
  if (count > maxMembers) return fail(`more than ${maxMembers} members`);
  if (directoryOffset + directorySize !== end) return fail('the central directory is not where the archive says');

  const members = new Map<string, ZipMember>();
  const spans: Array<[number, number, string]> = [];
  let total = 0;
  let at = directoryOffset;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > end || u32(bytes, at) !== centralHeader) return fail('a damaged central directory');
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    const crc32 = u32(bytes, at + 16);
    const compressedSize = u32(bytes, at + 20);
    const size = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    const localOffset = u32(bytes, at + 42);
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (at > end) return fail('a damaged central directory');
    if (!nameBytes.every((byte) => byte >= 0x20 && byte < 0x7f)) {
      return fail('a member name that is not plain ASCII');
    }
    const name = String.fromCharCode(...nameBytes);
    const unsafe = unsafePathReason(name);
    if (unsafe !== undefined) return fail(`member "${name}" has ${unsafe}`);
    if (members.has(name)) return fail(`member "${name}" appears twice`);
    if ((flags & 1) !== 0) return fail(`member "${name}" is encrypted`);
    if ((flags & ~allowedFlags) !== 0) return fail(`member "${name}" uses unsupported ZIP features`);
    if (method !== 0 && method !== 8) return fail(`member "${name}" uses an unsupported compression method`);
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      return fail('ZIP64 archives are not accepted');
    }
    if (method === 0 && size !== compressedSize) return fail(`member "${name}" has inconsistent sizes`);
    if (size > 64 * 1024 && size > compressedSize * maxRatio) {
      return fail(`member "${name}" compresses more than ${maxRatio}:1 (a ZIP bomb?)`);
    }
    total += size;
    if (total > maxTotalBytes) return fail(`the members together are larger than ${maxTotalBytes} bytes`);
    // The local header repeats the name; the data follows it and must end before the central directory.
    if (localOffset + 30 > directoryOffset || u32(bytes, localOffset) !== localHeader) {
      return fail(`member "${name}" has a damaged local header`);
    }
    const localNameLength = u16(bytes, localOffset + 26);
    const localExtraLength = u16(bytes, localOffset + 28);
    const localName = bytes.subarray(localOffset + 30, localOffset + 30 + localNameLength);
    if (localNameLength !== nameLength || !localName.every((byte, k) => byte === nameBytes[k])) {
      return fail(`member "${name}" has a different name in its local header`);
    }
    const dataOffset = localOffset + 30 + localNameLength + localExtraLength;
    if (dataOffset + compressedSize > directoryOffset) return fail(`member "${name}" runs past its end`);
    const isDirectory = name.endsWith('/');
    if (isDirectory && size !== 0) return fail(`directory "${name}" has content`);
    spans.push([localOffset, dataOffset + compressedSize, name]);
    members.set(name, { name, isDirectory, method, compressedSize, size, crc32, dataOffset });
  }
  spans.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < spans.length; i += 1) {
    if (spans[i]![0] < spans[i - 1]![1]) return fail(`members "${spans[i - 1]![2]}" and "${spans[i]![2]}" overlap`);
  }
  return { ok: true, members };
}

let crcTable: Uint32Array | undefined;

function portableCrc32(bytes: Uint8Array): number {
  if (crcTable === undefined) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n += 1) {
      let c = n;
      for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i += 1) crc = crcTable[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** How far an inflation got: compressed bytes fed to the inflater, and output bytes it produced. */
export interface InflateMeter {
  consumed: number;
  produced: number;
}

/**
 * Inflates raw deflate data that must come to exactly `size` bytes, never producing (or allocating) much more
 * than `size` before it stops: 'too-large' as soon as the output passes `size`. The portable inflater adds its
 * progress to `meter` when one is given (tests check with it that a bomb stops early).
 */
export type RawInflater = (
  data: Uint8Array,
  size: number,
  meter?: InflateMeter,
) => { ok: true; bytes: Uint8Array } | { ok: false; reason: 'invalid' | 'too-large' | 'too-small' };

const portableInflateRaw: RawInflater = (data, size, meter) => {
  // Even an empty file deflates to a final block of two bytes; no bytes at all is not a deflate stream.
  if (data.length === 0) return { ok: false, reason: 'invalid' };
  const out = new Uint8Array(size);
  let length = 0;
  let overflow = false;
  const inflater = new Inflate((chunk) => {
    if (meter !== undefined) meter.produced += chunk.length;
    if (overflow || length + chunk.length > size) {
      overflow = true;
      return;
    }
    out.set(chunk, length);
    length += chunk.length;
  });
  try {
    for (let offset = 0; offset < data.length && !overflow; offset += inflateStep) {
      const step = data.subarray(offset, offset + inflateStep);
      if (meter !== undefined) meter.consumed += step.length;
      inflater.push(step, offset + inflateStep >= data.length);
    }
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (overflow) return { ok: false, reason: 'too-large' };
  if (length !== size) return { ok: false, reason: 'too-small' };
  return { ok: true, bytes: out };
};

export interface ZipCodecs {
  inflateRaw: RawInflater;
  crc32: (bytes: Uint8Array) => number;
}

/** fflate and a table CRC-32: what the browser runs. */
export const portableZipCodecs: Readonly<ZipCodecs> = Object.freeze({
  inflateRaw: portableInflateRaw,
  crc32: portableCrc32,
});

let codecs: ZipCodecs = portableZipCodecs;

/** Installs other codecs with the same answers (Node's zlib: same limits, tested against these). */
export function installZipCodecs(next: ZipCodecs): void {
  codecs = next;
}

/**
 * Inflates one member, refusing it when it is larger than `maxBytes` (declared or actual), when the output
 * differs from the declared size, or when its CRC-32 does not match. Never allocates much more than the
 * declared size.
 */
export function readZipMember(archive: Uint8Array, member: ZipMember, maxBytes: number): ZipReadResult {
  const fail = (message: string): ZipReadResult => ({ ok: false, message });
  if (member.size > maxBytes) return fail(`"${member.name}" is larger than ${maxBytes} bytes`);
  const data = archive.subarray(member.dataOffset, member.dataOffset + member.compressedSize);
  let out: Uint8Array;
  if (member.method === 0) {
    out = data.slice();
  } else {
    const inflated = codecs.inflateRaw(data, member.size);
    if (!inflated.ok) {
      switch (inflated.reason) {
        case 'invalid':
          return fail(`"${member.name}" is not valid deflate data`);
        case 'too-large':
          return fail(`"${member.name}" inflates to more than its declared ${member.size} bytes`);
        case 'too-small':
          return fail(`"${member.name}" inflates to fewer bytes than declared`);
      }
    }
    out = inflated.bytes;
  }
  if (codecs.crc32(out) !== member.crc32) return fail(`"${member.name}" fails its CRC-32 check`);
  return { ok: true, bytes: out };
}
