import { createDeflateRaw, crc32 } from 'node:zlib';

/*
 * A tiny ZIP writer for archives fflate would not write (lying sizes, hostile names), and the deflated zeros of
 * a ZIP bomb: for the verifier's tests and its bench.
 */

export interface RawMember {
  name: string;
  data: Uint8Array;
  /** 0 stored (default), 8 deflated. */
  method?: 0 | 8;
  /** The uncompressed size the headers declare (default: the data's length). */
  size?: number;
  /** The CRC-32 the headers declare (default 0). */
  crc?: number;
}

/** A ZIP of these members, each with a local header and a central-directory entry, as declared. */
export function rawZip(members: RawMember[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const member of members) {
    const name = Buffer.from(member.name, 'latin1');
    const size = member.size ?? member.data.length;
    const crc = member.crc ?? 0;
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(member.method ?? 0, 8);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(member.data.length, 18);
    header.writeUInt32LE(size, 22);
    header.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(member.method ?? 0, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(member.data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(header, name, Buffer.from(member.data));
    centrals.push(central, name);
    offset += 30 + name.length + member.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(members.length, 8);
  end.writeUInt16LE(members.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/** A stored member with its true CRC-32. */
export const storedMember = (name: string, data: Uint8Array): RawMember => ({ name, data, crc: crc32(data) });

/** A raw-deflated stream of `bytes` zeros, made in 1 MiB steps without holding the input. */
export async function deflatedZeros(bytes: number): Promise<Uint8Array> {
  const deflate = createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const zeros = Buffer.alloc(1024 * 1024);
  for (let written = 0; written < bytes; written += zeros.length) {
    if (!deflate.write(zeros)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
