import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_MAX_PIXELS,
  inspectAttachment,
  type AttachmentProblem,
  type InspectedAttachment,
} from './attachments.js';

// Fixtures are made here, small, with sharp or by hand: no binary files in the repository.

const solid = (width: number, height: number, channels: 3 | 4 = 3) =>
  sharp({ create: { width, height, channels, background: { r: 200, g: 60, b: 60, alpha: 0.5 } } });

/** GPS position of the Dam in Amsterdam, as EXIF rationals: what must never leave the upload. */
const gps = { latitude: '52/1 22/1 3096/100', longitude: '4/1 53/1 3234/100' };

/** The same rationals as they appear in a little-endian (II) EXIF block: six uint32 per coordinate. */
function rationalBytes(text: string): Buffer {
  const numbers = text.split(/[ /]/).map(Number);
  const bytes = Buffer.alloc(numbers.length * 4);
  numbers.forEach((value, index) => bytes.writeUInt32LE(value, index * 4));
  return bytes;
}

/** sharp writes the Orientation tag itself (withExif's value is overwritten), hence withMetadata for it. */
function photoWithLocation(orientation = 1): Promise<Buffer> {
  return solid(400, 300)
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { Make: 'GeheimMerk', ImageDescription: 'Geheime beschrijving' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: gps.latitude, GPSLongitudeRef: 'E', GPSLongitude: gps.longitude },
    })
    .withXmp(
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>GeheimeXmp</x:xmpmeta>',
    )
    .withMetadata({ orientation })
    .toBuffer();
}

// PNG chunks by hand (for the image bomb and text chunks), with CRC-32 from a table: Node 20 has no zlib.crc32.
const CRC_TABLE = Array.from({ length: 256 }, (_, byte) => {
  let crc = byte;
  for (let bit = 0; bit < 8; bit += 1) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  return crc >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A few hundred bytes whose header claims width × height RGB pixels (with `pixelData` as its IDAT chunk). */
function pngClaiming(width: number, height: number, pixelData: Buffer = deflateSync(Buffer.alloc(4096))): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  return Buffer.concat([
    PNG_SIGNATURE,
    pngChunk('IHDR', header),
    pngChunk('IDAT', pixelData),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Inserts a chunk right after IHDR (8-byte signature + 25-byte IHDR chunk). */
function withPngChunk(png: Buffer, chunk: Buffer): Buffer {
  return Buffer.concat([png.subarray(0, 33), chunk, png.subarray(33)]);
}

const minimalPdf = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n' +
    'trailer << /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);

async function accepted(input: Buffer, keepMetadata = false): Promise<InspectedAttachment> {
  const result = await inspectAttachment(input, { keepMetadata });
  assert.ok(result.ok, `expected acceptance, got ${result.ok ? '' : result.problem}`);
  return result.attachment;
}

async function refusedWith(input: Buffer, problem: AttachmentProblem): Promise<void> {
  assert.deepEqual(await inspectAttachment(input, { keepMetadata: false }), { ok: false, problem });
}

describe('accepted attachments', () => {
  test('a PNG, a JPEG and a WebP are accepted as what their content is, re-encoded in the same format', async () => {
    const cases = [
      { input: await solid(64, 48).png().toBuffer(), kind: 'png', mediaType: 'image/png' },
      { input: await solid(64, 48).jpeg().toBuffer(), kind: 'jpeg', mediaType: 'image/jpeg' },
      { input: await solid(64, 48).webp().toBuffer(), kind: 'webp', mediaType: 'image/webp' },
    ] as const;
    for (const { input, kind, mediaType } of cases) {
      const attachment = await accepted(input);
      assert.equal(attachment.kind, kind);
      assert.equal(attachment.mediaType, mediaType);
      assert.equal((await sharp(attachment.bytes).metadata()).format, kind);
      assert.equal(attachment.width, 64);
      assert.equal(attachment.height, 48);
      assert.equal(attachment.original, undefined);
      assert.equal(attachment.frames, undefined);
    }
  });

  test('a PDF is accepted by its signature and kept byte for byte, without thumbnail or original', async () => {
    const attachment = await accepted(minimalPdf, true);
    assert.equal(attachment.kind, 'pdf');
    assert.equal(attachment.mediaType, 'application/pdf');
    assert.ok(attachment.bytes.equals(minimalPdf));
    assert.equal(attachment.thumbnail, undefined);
    assert.equal(attachment.original, undefined);
    assert.equal(attachment.width, undefined);
  });

  test('a file of exactly 10 MB is accepted', async () => {
    const padded = Buffer.alloc(ATTACHMENT_MAX_BYTES, 0x20);
    minimalPdf.copy(padded);
    padded.write('%%EOF\n', ATTACHMENT_MAX_BYTES - 6, 'latin1');
    assert.equal((await accepted(padded)).bytes.length, ATTACHMENT_MAX_BYTES);
  });

  test('the thumbnail is a JPEG without metadata whose longest side is at most 320 px', async () => {
    for (const input of [await photoWithLocation(), await solid(1080, 2400, 4).png().toBuffer()]) {
      const { thumbnail } = await accepted(input);
      assert.ok(thumbnail);
      const metadata = await sharp(thumbnail).metadata();
      assert.equal(metadata.format, 'jpeg');
      assert.ok(Math.max(metadata.width, metadata.height) <= 320);
      assert.equal(metadata.exif, undefined);
    }
    const small = await accepted(await solid(40, 20).png().toBuffer());
    const smallThumbnail = await sharp(small.thumbnail).metadata();
    assert.deepEqual([smallThumbnail.width, smallThumbnail.height], [40, 20], 'small images are not enlarged');
  });

  test('an animated WebP keeps only its first frame and says how many frames the upload had', async () => {
    const frames = await Promise.all(
      ['#f00', '#0f0', '#00f'].map((colour) => solid(32, 32).tint(colour).png().toBuffer()),
    );
    const animated = await sharp(frames, { join: { animated: true } })
      .webp()
      .toBuffer();
    const attachment = await accepted(animated, true);
    assert.equal(attachment.frames, 3);
    assert.equal((await sharp(attachment.bytes).metadata()).pages, undefined);
    assert.deepEqual([attachment.width, attachment.height], [32, 32]);
    assert.ok(attachment.original?.equals(animated));
  });

  test('many uploads at once are all answered (they queue for one inspection slot)', async () => {
    const input = await solid(200, 100).jpeg().toBuffer();
    const results = await Promise.all(
      Array.from({ length: 6 }, () => inspectAttachment(input, { keepMetadata: false })),
    );
    assert.ok(results.every((result) => result.ok));
  });
});

describe('metadata and orientation', () => {
  test('EXIF with the GPS position, XMP and the camera fields are gone from the stored image', async () => {
    const input = await photoWithLocation();
    const before = await sharp(input).metadata();
    assert.ok(before.exif && before.xmp, 'the fixture carries EXIF and XMP');
    assert.ok(input.includes(rationalBytes(gps.latitude)) && input.includes(rationalBytes(gps.longitude)));

    const attachment = await accepted(input);
    const after = await sharp(attachment.bytes).metadata();
    assert.equal(after.exif, undefined);
    assert.equal(after.xmp, undefined);
    assert.equal(after.iptc, undefined);
    assert.equal(after.hasProfile, false);
    for (const output of [attachment.bytes, attachment.thumbnail!]) {
      assert.equal(output.includes(rationalBytes(gps.latitude)), false);
      assert.equal(output.includes(rationalBytes(gps.longitude)), false);
      for (const secret of ['Exif\0\0', 'GeheimMerk', 'Geheime beschrijving', 'GeheimeXmp', 'adobe:ns:meta']) {
        assert.equal(output.includes(secret), false, `${secret} left in the output`);
      }
    }
  });

  test("with 'keep original metadata' the original is kept byte for byte while the stored image is still stripped", async () => {
    const input = await photoWithLocation();
    const attachment = await accepted(input, true);
    const { original } = attachment;
    assert.ok(original);
    assert.ok(original.equals(input));
    assert.notEqual(original.buffer, input.buffer, 'a copy, not a view of the caller’s buffer');
    assert.equal((await sharp(attachment.bytes).metadata()).exif, undefined);
    assert.equal(attachment.bytes.includes(rationalBytes(gps.latitude)), false);
  });

  test('PNG text chunks and an embedded ICC profile are gone from a re-encoded PNG', async () => {
    const png = await solid(64, 48).withIccProfile('p3').png().toBuffer();
    const input = withPngChunk(png, pngChunk('tEXt', Buffer.from('Comment\0Adres: Geheimstraat 1', 'latin1')));
    const before = await sharp(input).metadata();
    assert.ok(before.hasProfile && before.comments?.length, 'the fixture carries a profile and a text chunk');

    const attachment = await accepted(input);
    const after = await sharp(attachment.bytes).metadata();
    assert.equal(after.hasProfile, false);
    assert.equal(after.comments, undefined);
    assert.equal(attachment.bytes.includes('Geheimstraat'), false);
  });

  test('EXIF orientation is applied: a landscape JPEG marked "rotate 90°" is stored as portrait', async () => {
    const attachment = await accepted(await photoWithLocation(6));
    assert.deepEqual([attachment.width, attachment.height], [300, 400]);
    const stored = await sharp(attachment.bytes).metadata();
    assert.deepEqual([stored.width, stored.height, stored.orientation], [300, 400, undefined]);
    const thumbnail = await sharp(attachment.thumbnail).metadata();
    assert.ok(thumbnail.height > thumbnail.width);
  });
});

describe('refused attachments', () => {
  test('0 bytes is empty', async () => {
    await refusedWith(Buffer.alloc(0), 'empty');
  });

  test('10 MB + 1 byte is too large, and a 50 MB upload is refused by its length, without its bytes being read', async () => {
    await refusedWith(Buffer.alloc(ATTACHMENT_MAX_BYTES + 1, 0xff), 'too-large');
    const huge = Buffer.alloc(50 * 1024 * 1024);
    (await solid(10, 10).jpeg().toBuffer()).copy(huge);
    // Every property inspection asks of the upload is noted: reading its bytes would show up here.
    const asked: PropertyKey[] = [];
    const watched = new Proxy(huge, {
      get: (target, property) => {
        asked.push(property);
        const value: unknown = Reflect.get(target, property);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
    await refusedWith(watched, 'too-large');
    assert.deepEqual([...new Set(asked)], ['length'], 'only its length was looked at');
  });

  test('a Windows program renamed to .jpg is not an image', async () => {
    const exe = Buffer.alloc(512);
    exe.write('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1');
    exe.write('This program cannot be run in DOS mode.', 78, 'latin1');
    await refusedWith(exe, 'unsupported-type');
  });

  test('SVG, TIFF, GIF, AVIF and HEIF-like input, text and a PDF signature after other bytes are unsupported', async () => {
    const inputs = {
      svg: Buffer.from(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>',
      ),
      svgWithDeclaration: Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>'),
      tiff: await solid(16, 16).tiff().toBuffer(),
      gif: await solid(16, 16).gif().toBuffer(),
      avif: await solid(16, 16).avif().toBuffer(),
      text: Buffer.from('gewoon tekst'),
      pdfAfterWhitespace: Buffer.concat([Buffer.from('\n'), minimalPdf]),
      html: Buffer.from('<html><script>alert(1)</script></html>'),
    };
    for (const [name, input] of Object.entries(inputs)) {
      assert.deepEqual(
        await inspectAttachment(input, { keepMetadata: true }),
        {
          ok: false,
          problem: 'unsupported-type',
        },
        name,
      );
    }
  });

  test('a truncated JPEG or PNG, and a JPEG signature followed by rubbish, are corrupt', async () => {
    const jpeg = await solid(400, 300).jpeg().toBuffer();
    const png = await solid(400, 300).png().toBuffer();
    await refusedWith(jpeg.subarray(0, Math.floor(jpeg.length / 2)), 'corrupt');
    await refusedWith(png.subarray(0, png.length - 20), 'corrupt');
    await refusedWith(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(100, 0x41)]), 'corrupt');
  });

  test('a PDF without an end marker, or with no version after the signature, is corrupt', async () => {
    await refusedWith(minimalPdf.subarray(0, minimalPdf.length - 7), 'corrupt');
    await refusedWith(Buffer.from('%PDF-\n%%EOF\n', 'latin1'), 'corrupt');
  });

  test('an image bomb (a PNG header claiming 100,000 × 100,000 pixels) is refused from its header, never decoded', async () => {
    const bomb = pngClaiming(100_000, 100_000);
    assert.ok(bomb.length < 1024);
    await refusedWith(bomb, 'too-many-pixels');
    // Its pixel data is not deflate at all: decoding it would end as "corrupt", as it does for a small image
    // with the same data. "Too many pixels" for the large one shows that its pixels were never decoded.
    const rubbish = Buffer.from('this is not deflate data', 'latin1');
    await refusedWith(pngClaiming(100_000, 100_000, rubbish), 'too-many-pixels');
    await refusedWith(pngClaiming(10, 10, rubbish), 'corrupt');
  });

  test('the pixel limit is 8192 × 6144: one row more is too many', async () => {
    assert.equal(ATTACHMENT_MAX_PIXELS, 50_331_648);
    await refusedWith(pngClaiming(8192, 6145), 'too-many-pixels');
    await refusedWith(pngClaiming(ATTACHMENT_MAX_PIXELS + 1, 1), 'too-many-pixels');
  });
});
