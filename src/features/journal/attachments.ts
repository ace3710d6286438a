// Inspection of a journal attachment before it is encrypted and stored (ADR 0010).
//
// A pure function of the uploaded bytes: no file name, no declared content type, no I/O. It decides what the
// bytes are by their content, refuses everything outside PNG, JPEG, WebP and PDF, and turns an image into a
// re-encoded copy without metadata (EXIF with GPS, XMP, IPTC, ICC profile, PNG text chunks) plus a small JPEG
// thumbnail. Every way the input can be bad ends as an `AttachmentProblem`, never as an exception:
//
//   empty            0 bytes
//   too-large        more than ATTACHMENT_MAX_BYTES (checked before anything is decoded)
//   unsupported-type not a PNG/JPEG/WebP/PDF signature, or sharp detects another format (SVG, TIFF, GIF, HEIF/AVIF,
//                    an .exe renamed to .jpg, …)
//   corrupt          a PDF without `%%EOF` near its end; an image libvips cannot read or decode in full
//   too-many-pixels  the header claims more than ATTACHMENT_MAX_PIXELS (image bomb), refused before decoding
//
// What may still throw: only a synchronous exception while *building* a sharp pipeline, which means invalid
// options in this module (a programming error, not something about the input). Every rejection of a sharp
// promise — header read, decode, encode — is about the input and is mapped to a problem.
//
// Decisions, measured on the 2-core development machine (sharp 0.35.5, libvips 8.18; `npm run bench`):
// - Signatures first. Only bytes that start with a PNG, JPEG or WebP signature reach libvips at all, so the
//   SVG, TIFF, HEIF and other decoders bundled with sharp never parse an upload; sharp's own detected format
//   must then agree with the signature. A PDF is recognised by `%PDF-` at offset 0 and kept as given.
// - `failOn: 'error'`: truncated and broken data are refused, but the harmless warnings that many real phone
//   JPEGs trigger ("extraneous bytes before marker") are not. The image is re-encoded anyway.
// - Pixel limit 50,331,648 = 8192 × 6144, the largest output of the 48–50 megapixel phone cameras (8064 × 6048,
//   8160 × 6120, 8192 × 6144). Default 12–24 MP photos and long scrolling screenshots (1080 × 40,000) fit. An
//   image at the limit costs about 1 s and a peak of about 370 MB while it is rotated and re-encoded.
// - Re-encoding: JPEG quality 90 without mozjpeg (12 MP: ≈ 130 ms; mozjpeg takes ≈ 1,100 ms for 20 % less);
//   PNG compression level 6 (a 1080 × 2400 screenshot: ≈ 35 ms; level 9 takes ≈ 370 ms for 18 % less);
//   WebP quality 90. Evidence must stay legible, so quality wins over size. The re-encoded bytes are bounded by
//   the pixel limit, not by the input size: they may in rare cases be somewhat larger than the upload.
// - Animated WebP: only the first frame is kept (`frames` tells the caller how many the upload had); with
//   "keep original metadata" the original, with all its frames, is kept as well.
// - `sharp.concurrency(1)`: one libvips thread per image. A second thread gained nothing measurable for JPEG
//   and PNG encoding (both single-threaded in practice) and would take the core that serves requests.
//   `sharp.cache(false)`: uploads never repeat, so the operation cache would only keep decoded images of
//   parents in memory. Both are process-wide settings; this module is the only user of sharp.
// - At most one inspection runs at a time (`p-limit`): sharp runs on libuv's thread pool, which Argon2 logins
//   share; one image at a time leaves them a thread and bounds memory to one image at the pixel limit.

import pLimit from 'p-limit';
import type createSharp from 'sharp';
import type { Sharp, SharpOptions } from 'sharp';

type SharpConstructor = typeof createSharp;

let sharpLoading: Promise<SharpConstructor> | undefined;

/**
 * sharp and libvips, loaded at the first image (issue 17: about 23 MB of resident memory that most instances
 * never need). The process-wide settings of the module header are applied once, before any pipeline exists.
 */
function loadSharp(): Promise<SharpConstructor> {
  return (sharpLoading ??= import('sharp').then(({ default: sharp }) => {
    sharp.cache(false);
    sharp.concurrency(1);
    return sharp;
  }));
}

export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
/** 8192 × 6144: the largest 48–50 MP phone photo; see the module header and ADR 0010. */
export const ATTACHMENT_MAX_PIXELS = 8192 * 6144;
/** Longest side of the JPEG thumbnail. */
const ATTACHMENT_THUMBNAIL_MAX_SIDE = 320;

export type AttachmentKind = 'png' | 'jpeg' | 'webp' | 'pdf';
export type AttachmentProblem = 'empty' | 'too-large' | 'unsupported-type' | 'corrupt' | 'too-many-pixels';
export type AttachmentMediaType = 'image/png' | 'image/jpeg' | 'image/webp' | 'application/pdf';

export interface InspectedAttachment {
  kind: AttachmentKind;
  mediaType: AttachmentMediaType;
  /** What is stored and shown: re-encoded image without metadata (orientation applied), or the PDF bytes as given. */
  bytes: Buffer;
  /** Only when keepMetadata is true and the file is an image: the original bytes, unchanged. */
  original?: Buffer;
  /** Small preview for lists and the PDF export: JPEG, longest side ≤ 320 px, no metadata. Absent for PDF. */
  thumbnail?: Buffer;
  /** Of `bytes`, after orientation was applied. Absent for PDF. */
  width?: number;
  height?: number;
  /** Only for an animated image: the number of frames in the upload. `bytes` holds the first frame only. */
  frames?: number;
}

export type InspectResult = { ok: true; attachment: InspectedAttachment } | { ok: false; problem: AttachmentProblem };

type ImageKind = Exclude<AttachmentKind, 'pdf'>;

const MEDIA_TYPES: Record<AttachmentKind, AttachmentMediaType> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  pdf: 'application/pdf',
};

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG_SIGNATURE = Buffer.from([0xff, 0xd8, 0xff]);
const PDF_SIGNATURE = Buffer.from('%PDF-', 'latin1');
const PDF_END_MARKER = Buffer.from('%%EOF', 'latin1');
/** PDF readers look for `%%EOF` in the last 1024 bytes (ISO 32000-1, implementation note 18); so do we. */
const PDF_END_WINDOW = 1024;

const INPUT_OPTIONS: SharpOptions = {
  limitInputPixels: ATTACHMENT_MAX_PIXELS,
  failOn: 'error',
  // The first frame only: the pixel limit then bounds one frame, not frames × pixels.
  pages: 1,
};

const inspectionSlot = pLimit(1);

/**
 * Decides by content whether an upload may be attached to the journal, and returns what to store: a re-encoded
 * image without metadata (plus its original when `keepMetadata` is set) and a thumbnail, or the PDF as given.
 */
export async function inspectAttachment(input: Buffer, options: { keepMetadata: boolean }): Promise<InspectResult> {
  if (input.length === 0) return refuse('empty');
  if (input.length > ATTACHMENT_MAX_BYTES) return refuse('too-large');

  const kind = kindBySignature(input);
  if (kind === undefined) return refuse('unsupported-type');
  if (kind === 'pdf') return inspectPdf(input);
  return inspectionSlot(() => inspectImage(input, kind, options.keepMetadata));
}

function refuse(problem: AttachmentProblem): InspectResult {
  return { ok: false, problem };
}

function kindBySignature(input: Buffer): AttachmentKind | undefined {
  if (startsWith(input, PDF_SIGNATURE)) return 'pdf';
  if (startsWith(input, PNG_SIGNATURE)) return 'png';
  if (startsWith(input, JPEG_SIGNATURE)) return 'jpeg';
  if (input.length >= 12 && input.toString('latin1', 0, 4) === 'RIFF' && input.toString('latin1', 8, 12) === 'WEBP') {
    return 'webp';
  }
  return undefined;
}

function startsWith(input: Buffer, signature: Buffer): boolean {
  return input.length >= signature.length && input.subarray(0, signature.length).equals(signature);
}

/** A PDF is not parsed or rendered here: a version after the signature and an end marker is all we ask. */
function inspectPdf(input: Buffer): InspectResult {
  const version = input.toString('latin1', PDF_SIGNATURE.length, PDF_SIGNATURE.length + 3);
  const tail = input.subarray(Math.max(0, input.length - PDF_END_WINDOW));
  if (!/^[12]\.\d$/.test(version) || !tail.includes(PDF_END_MARKER)) return refuse('corrupt');
  // A copy: the caller's buffer may be a view into a larger one, or be reused.
  return { ok: true, attachment: { kind: 'pdf', mediaType: MEDIA_TYPES.pdf, bytes: Buffer.from(input) } };
}

async function inspectImage(input: Buffer, kind: ImageKind, keepMetadata: boolean): Promise<InspectResult> {
  const sharp = await loadSharp();
  const header = await settle(sharp(input, INPUT_OPTIONS).metadata());
  if (!header.ok) return refuse(header.problem);
  const { format, width, height, pages } = header.value;
  if (format !== kind) return refuse('unsupported-type');
  // sharp enforces limitInputPixels while reading the header already; this keeps the rule visible here.
  if (width * height > ATTACHMENT_MAX_PIXELS) return refuse('too-many-pixels');

  // rotate() without an angle applies the EXIF orientation; no keep*/with* call, so no metadata is written.
  const stored = await settle(encode(sharp(input, INPUT_OPTIONS).rotate(), kind).toBuffer({ resolveWithObject: true }));
  if (!stored.ok) return refuse(stored.problem);

  const thumbnail = await settle(
    sharp(input, INPUT_OPTIONS)
      .rotate()
      .resize(ATTACHMENT_THUMBNAIL_MAX_SIDE, ATTACHMENT_THUMBNAIL_MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 80 })
      .toBuffer(),
  );
  if (!thumbnail.ok) return refuse(thumbnail.problem);

  const attachment: InspectedAttachment = {
    kind,
    mediaType: MEDIA_TYPES[kind],
    bytes: stored.value.data,
    thumbnail: thumbnail.value,
    width: stored.value.info.width,
    height: stored.value.info.height,
  };
  if (keepMetadata) attachment.original = Buffer.from(input);
  if (pages !== undefined && pages > 1) attachment.frames = pages;
  return { ok: true, attachment };
}

function encode(pipeline: Sharp, kind: ImageKind): Sharp {
  switch (kind) {
    case 'jpeg':
      return pipeline.jpeg({ quality: 90 });
    case 'png':
      return pipeline.png({ compressionLevel: 6 });
    case 'webp':
      return pipeline.webp({ quality: 90 });
  }
}

type Settled<T> = { ok: true; value: T } | { ok: false; problem: AttachmentProblem };

/** Awaits a sharp promise; a rejection is libvips failing on this input and becomes a problem. */
async function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    return { ok: false, problem: problemFromSharpError(error) };
  }
}

function problemFromSharpError(error: unknown): AttachmentProblem {
  const message = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(message)) return 'too-many-pixels';
  if (/unsupported image format/i.test(message)) return 'unsupported-type';
  return 'corrupt';
}
