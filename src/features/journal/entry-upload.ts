import type { FastifyRequest } from 'fastify';

/*
 * Reading an entry form with files (multipart) without letting it fill the server's memory.
 *
 * - The CSRF token is checked before any file is read: from the `x-csrf-token` header, or else it must be the
 *   form's first field (the entry form renders its CsrfField first, and browsers send fields in page order).
 * - The number of files and the size of each are checked while the body streams in: at the sixth file, or at
 *   the first byte past the size limit, reading stops. What was read is dropped; the rest of the body is never
 *   read (the journal routes answer with `Connection: close`, so the server stops reading the connection too).
 * - A body that is not proper multipart (no boundary, cut off) is "unreadable": a 400, never a 500.
 * - A gate bounds how many multipart posts are read at once, per account and for everyone together.
 */

export type Form = Record<string, string>;

export interface UploadLimits {
  /** Files one entry may carry; the next one stops the reading. */
  files: number;
  /** Bytes one file may have; the next byte stops the reading. */
  fileBytes: number;
  /** Bytes one text field may have; a longer value arrives cut and marked, to be answered with "too long". */
  fieldBytes: number;
  /** Bytes all text fields together may have; past it the reading stops (no form has that much text). */
  formTextBytes: number;
}

export type UploadOutcome =
  /** Everything arrived within the limits. */
  | { kind: 'read'; fields: Form; files: Buffer[]; truncated: string[] }
  /** The token was refused; the refusal has been sent. */
  | { kind: 'answered' }
  /** Reading stopped at a file: the fields that came before it, to show the form again. */
  | { kind: 'stopped'; fields: Form; problem: 'too-many-files' | 'file-too-large' }
  /** More text or parts than any entry form has. */
  | { kind: 'too-much' }
  /** Not a multipart body that can be read (no boundary, cut off, a part without an end). */
  | { kind: 'unreadable' };

/** Errors of @fastify/multipart for its own limits; every other error while reading means a malformed body. */
const limitCodes = new Set(['FST_PARTS_LIMIT', 'FST_FIELDS_LIMIT']);
const filesLimitCode = 'FST_FILES_LIMIT';

const codeOf = (error: unknown): string | undefined => {
  const code: unknown = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
};

/**
 * Reads a multipart entry form as it streams in. `checkToken` checks the CSRF token in the fields it is given
 * (or in the header when they hold none) and resolves false when it has answered with a refusal.
 */
export async function readEntryUpload(
  request: FastifyRequest,
  checkToken: (fields: Form) => Promise<boolean>,
  limits: UploadLimits,
): Promise<UploadOutcome> {
  let tokenChecked = false;
  if (typeof request.headers['x-csrf-token'] === 'string') {
    if (!(await checkToken({}))) return { kind: 'answered' };
    tokenChecked = true;
  }
  // Without a boundary (or with an empty one) there are no parts to find: unreadable, not a form without a token.
  if (!/;\s*boundary=(?:"[^"]+"|[^;\s"]+)/i.test(request.headers['content-type'] ?? '')) return { kind: 'unreadable' };
  const fields: Form = {};
  const files: Buffer[] = [];
  const truncated: string[] = [];
  let textBytes = 0;
  const parts = request.parts({
    limits: {
      // Our own counts below stop first; these are the parser's backstops.
      fileSize: limits.fileBytes + 1,
      // An empty file field still sends a part, so one more part than files is allowed.
      files: limits.files + 1,
      fields: 80,
      fieldSize: limits.fieldBytes,
      parts: 100,
    },
  });
  try {
    for await (const part of parts) {
      if (!tokenChecked) {
        // The token must come first: nothing else is looked at before it is checked.
        const token = part.type === 'field' && part.fieldname === '_csrf' ? part.value : undefined;
        if (part.type === 'file') part.file.destroy();
        if (!(await checkToken(typeof token === 'string' ? { _csrf: token } : {}))) return { kind: 'answered' };
        tokenChecked = true;
        continue;
      }
      if (part.type === 'field') {
        if (typeof part.value !== 'string') continue;
        textBytes += Buffer.byteLength(part.value);
        if (textBytes > limits.formTextBytes) return { kind: 'too-much' };
        fields[part.fieldname] = part.value;
        if (part.valueTruncated) truncated.push(part.fieldname);
        continue;
      }
      // A named file beyond the limit is refused before its first byte is read.
      if (part.filename !== '' && files.length >= limits.files) {
        part.file.destroy();
        return { kind: 'stopped', fields, problem: 'too-many-files' };
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of part.file as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > limits.fileBytes) return { kind: 'stopped', fields, problem: 'file-too-large' };
        // A part without a name but with content counts as a file as well.
        if (files.length >= limits.files) return { kind: 'stopped', fields, problem: 'too-many-files' };
        chunks.push(chunk);
      }
      if (part.file.truncated) return { kind: 'stopped', fields, problem: 'file-too-large' };
      // A file input left empty still sends a part, without a name and without content.
      if (size === 0 && part.filename === '') continue;
      files.push(Buffer.concat(chunks));
    }
  } catch (error) {
    const code = codeOf(error);
    if (code === filesLimitCode) return { kind: 'stopped', fields, problem: 'too-many-files' };
    if (code !== undefined && limitCodes.has(code)) return { kind: 'too-much' };
    return { kind: 'unreadable' };
  }
  if (!tokenChecked && !(await checkToken({}))) return { kind: 'answered' };
  return { kind: 'read', fields, files, truncated };
}

/** How many multipart posts may be read at once: per account, and for everyone together. */
export interface UploadGate {
  /** A place, with the function that gives it back; or who is full. */
  enter(accountId: string): { leave: () => void } | 'account-busy' | 'everyone-busy';
  /** Posts being read now (for tests and the benchmark). */
  readonly inFlight: number;
}

export function createUploadGate(limits: { perAccount: number; overall: number }): UploadGate {
  const perAccount = new Map<string, number>();
  let total = 0;
  return {
    enter(accountId) {
      const mine = perAccount.get(accountId) ?? 0;
      if (mine >= limits.perAccount) return 'account-busy';
      if (total >= limits.overall) return 'everyone-busy';
      perAccount.set(accountId, mine + 1);
      total += 1;
      let left = false;
      return {
        leave: () => {
          if (left) return;
          left = true;
          total -= 1;
          const now = (perAccount.get(accountId) ?? 1) - 1;
          if (now === 0) perAccount.delete(accountId);
          else perAccount.set(accountId, now);
        },
      };
    },
    get inFlight() {
      return total;
    },
  };
}
