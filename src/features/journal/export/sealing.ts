import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import { type SymmetricKey, symmetricKey } from '../../../shared/crypto/aead.js';
import {
  encapsulatedKeyFrom,
  HpkeFailed,
  hpkeCiphertextFrom,
  openBase,
  sealBase,
  setupBaseR,
  setupBaseS,
} from '../../../shared/crypto/hpke.js';
import { deserializePublicKey, serializePublicKey } from '../../../shared/crypto/hpke-rfc9180.js';
import { locales } from '../../../shared/i18n/messages.js';

/*
 * What the journal export seals (ADR 0025), all HPKE (hpke.ts):
 * - the ticket: the account's master key and the parent's choices, from the request to the server's job key,
 *   bound to the export, its account and its session; the worker opens it, and it is destroyed when the job ends;
 * - the bundle: the ZIP in chunks of CHUNK_BYTES, from the worker to the key pair only the requesting session can
 *   derive, under one sender context. Each chunk's associated data names the export, its index and whether it is
 *   the last, so a chunk moved to another export or place, a missing chunk or a cut-off end does not open.
 */

export const CHUNK_BYTES = 1024 * 1024;

const TICKET_INFO = Buffer.from('nmk/v1/journal-export/ticket');
const BUNDLE_INFO = Buffer.from('nmk/v1/journal-export/bundle');

const ids = z.array(z.uuid()).max(100_000);

/** What the parent chose on the export form: which entries, which photos and files, what the bundle says. */
export const exportChoiceSchema = z
  .object({
    label: z.string().min(1).max(400),
    entries: z.discriminatedUnion('mode', [
      z.object({ mode: z.literal('alles') }),
      z.object({ mode: z.literal('reeks'), from: z.number().int().min(1), to: z.number().int().min(1) }),
      z.object({ mode: z.literal('deel'), ids }),
    ]),
    attachments: z.discriminatedUnion('mode', [
      z.object({ mode: z.enum(['alle', 'zonder-origineel', 'geen']) }),
      z.object({ mode: z.literal('kies'), ids }),
    ]),
    knownSize: z.number().int().min(1).optional(),
    locale: z.enum(locales),
  })
  .strict();
export type ExportChoice = z.infer<typeof exportChoiceSchema>;

const ticketSchema = z
  .object({
    masterKey: z.object({ id: z.string(), key: z.base64() }).strict(),
    epoch: z.number().int(),
    choice: exportChoiceSchema,
  })
  .strict();

/** What the worker needs to make an export: the master key of the account's keys at `epoch`, and the choice. */
export interface ExportTicket {
  masterKey: SymmetricKey;
  epoch: number;
  choice: ExportChoice;
}

/** Where a ticket or chunk belongs: opening it anywhere else fails. */
export interface ExportPlace {
  exportId: string;
  userId: string;
  sessionIdHash: string;
}

export interface SealedTicket {
  enc: string;
  ciphertext: string;
}

const ticketAad = (place: ExportPlace): Buffer =>
  Buffer.from(`ticket\u0000${place.exportId}\u0000${place.userId}\u0000${place.sessionIdHash}`);

export function sealTicket(jobPublicKey: KeyObject, place: ExportPlace, ticket: ExportTicket): SealedTicket {
  const key = ticket.masterKey.key.export();
  const plain = Buffer.from(
    JSON.stringify({
      masterKey: { id: ticket.masterKey.id, key: key.toString('base64') },
      epoch: ticket.epoch,
      choice: ticket.choice,
    }),
  );
  key.fill(0);
  try {
    const { enc, ciphertext } = sealBase(jobPublicKey, TICKET_INFO, plain, ticketAad(place));
    return { enc: enc.toString('base64'), ciphertext: ciphertext.toString('base64') };
  } finally {
    plain.fill(0);
  }
}

/** Opens a ticket with the job key; HpkeFailed for a wrong key, place or changed byte. */
export function openTicket(jobPrivateKey: KeyObject, place: ExportPlace, sealed: SealedTicket): ExportTicket {
  const plain = openBase(
    encapsulatedKeyFrom(Buffer.from(sealed.enc, 'base64')),
    jobPrivateKey,
    TICKET_INFO,
    hpkeCiphertextFrom(Buffer.from(sealed.ciphertext, 'base64')),
    ticketAad(place),
  );
  try {
    const parsed = ticketSchema.parse(JSON.parse(plain.toString('utf8')));
    const key = Buffer.from(parsed.masterKey.key, 'base64');
    try {
      return { masterKey: symmetricKey(parsed.masterKey.id, key), epoch: parsed.epoch, choice: parsed.choice };
    } finally {
      key.fill(0);
    }
  } finally {
    plain.fill(0);
  }
}

const chunkAad = (exportId: string, index: number, last: boolean): Buffer =>
  Buffer.from(`chunk\u0000${exportId}\u0000${index}\u0000${last ? 'last' : 'more'}`);

/** The raw public key as stored on the export row (base64), and back. */
export const storedPublicKey = (publicKey: KeyObject): string => serializePublicKey(publicKey).toString('base64');
export const publicKeyFrom = (stored: string): KeyObject => deserializePublicKey(Buffer.from(stored, 'base64'));

/** How many chunks a bundle of `bytes` bytes is sealed in (at least one, so an empty bundle still has its end). */
export const chunkCount = (bytes: number): number => Math.max(1, Math.ceil(bytes / CHUNK_BYTES));

/** Seals a bundle to the session's public key, chunk by chunk, in order. */
export function sealBundle(
  sessionPublicKey: KeyObject,
  exportId: string,
  bytes: Uint8Array,
): { enc: string; count: number; chunks: Generator<{ index: number; data: string }> } {
  const context = setupBaseS(sessionPublicKey, BUNDLE_INFO);
  const count = chunkCount(bytes.length);
  function* chunks() {
    for (let index = 0; index < count; index += 1) {
      const part = bytes.subarray(index * CHUNK_BYTES, (index + 1) * CHUNK_BYTES);
      yield { index, data: context.seal(part, chunkAad(exportId, index, index === count - 1)).toString('base64') };
    }
  }
  return { enc: context.enc.toString('base64'), count, chunks: chunks() };
}

/**
 * Opens a sealed bundle's chunks, which must come in order: each call opens the next one or throws HpkeFailed
 * (a changed, moved, missing or extra chunk, or the wrong session's key).
 */
export function bundleOpener(
  sessionPrivateKey: KeyObject,
  exportId: string,
  enc: string,
  count: number,
): (index: number, data: string) => Buffer {
  const context = setupBaseR(encapsulatedKeyFrom(Buffer.from(enc, 'base64')), sessionPrivateKey, BUNDLE_INFO);
  let next = 0;
  return (index, data) => {
    if (index !== next || index >= count) throw new HpkeFailed();
    const plain = context.open(
      hpkeCiphertextFrom(Buffer.from(data, 'base64')),
      chunkAad(exportId, index, index === count - 1),
    );
    next += 1;
    return plain;
  };
}

/** The session's key pair for one export: derived from its cookie's secret, never stored. */
export const exportKeyPurpose = (exportId: string): string => `journal-export/${exportId}`;
