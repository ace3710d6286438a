import { createHash } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import { type SymmetricKey, seal, symmetricKey } from '../../shared/crypto/aead.js';
import { encapsulatedKeyFrom, hpkeCiphertextFrom, openBase, sealBase } from '../../shared/crypto/hpke.js';
import type { X25519KeyPair } from '../../shared/crypto/hpke.js';
import { locales, type Locale } from '../../shared/i18n/messages.js';
import { defineJob, handle, type JobHandler } from '../../shared/jobs/jobs.js';
import { ExportTooLarge, type JournalActor } from '../journal/journal.service.js';
import { defaultExportLimits } from '../journal/export/jobs.js';
import { type MakeDependencies, makeExport } from '../journal/export/make.js';
import type { CaseExportsRepository } from './case-exports.repo.js';
import type { CompartmentKey } from './cases.types.js';

/*
 * The police bundle (issue 15 point 2b, ADR 0029): when a parent shares or unshares journal entries, the request
 * seals what a worker needs to make a version-2 export bundle of exactly the shared entries — the parent's master
 * key (the account key signs the export statement), the parent's share compartment key, the label and the entry
 * ids — to the server's job key, as a journal export's ticket (ADR 0025). The worker makes the bundle with the
 * journal export's own code (make.ts: the same manifest, PDF and signature the verifiers accept), with the shares'
 * consent records printed on the PDF's cover, and stores it sealed under the share key: only those who hold the
 * parent's share key (the parent and the professionals who read the shares) can open it.
 */

export const makePoliceBundleJob = defineJob(
  'cases.police-bundle.make',
  z
    .object({
      caseId: z.string().min(1).max(100),
      parentMemberId: z.string().min(1).max(100),
      bundleId: z.uuid(),
    })
    .strict(),
  { maxAttempts: 3, leaseMs: defaultExportLimits.makeMs },
);

/** How long a ticket may wait for its making: after this its job has long given up, and the ticket is destroyed. */
export const POLICE_BUNDLE_TICKET_MS = 24 * 3_600_000;

/** Destroys the ticket of a making still not finished a day after it was queued (queued with the making). */
export const expirePoliceBundleJob = defineJob(
  'cases.police-bundle.expire',
  z
    .object({
      caseId: z.string().min(1).max(100),
      parentMemberId: z.string().min(1).max(100),
      bundleId: z.uuid(),
    })
    .strict(),
  { maxAttempts: 3 },
);

const TICKET_INFO = Buffer.from('nmk/v1/case-police-bundle/ticket');

const keySchema = z.object({ id: z.string(), key: z.base64() }).strict();
const ticketSchema = z
  .object({
    masterKey: keySchema,
    epoch: z.number().int(),
    shareKey: keySchema.extend({ epoch: z.number().int().min(0) }).strict(),
    label: z.string().min(1).max(400),
    entryIds: z.array(z.string().min(1).max(100)).min(1).max(10_000),
    locale: z.enum(locales),
  })
  .strict();

/** What the worker needs: the account's master key at `epoch`, the share key, and what the bundle holds. */
export interface PoliceBundleTicket {
  masterKey: SymmetricKey;
  epoch: number;
  shareKey: { key: SymmetricKey; epoch: number };
  label: string;
  entryIds: string[];
  locale: Locale;
}

/** Where a ticket belongs: its making, the case, the parent member and their account. */
export interface BundlePlace {
  bundleId: string;
  caseId: string;
  parentMemberId: string;
  userId: string;
}

const ticketAad = (place: BundlePlace): Buffer =>
  Buffer.from(
    `police-bundle\u0000${place.bundleId}\u0000${place.caseId}\u0000${place.parentMemberId}\u0000${place.userId}`,
  );

const keyText = (key: SymmetricKey) => {
  const bytes = key.key.export();
  try {
    return { id: key.id, key: bytes.toString('base64') };
  } finally {
    bytes.fill(0);
  }
};

export function sealBundleTicket(
  jobPublicKey: KeyObject,
  place: BundlePlace,
  ticket: PoliceBundleTicket,
): { enc: string; ciphertext: string } {
  const plain = Buffer.from(
    JSON.stringify({
      masterKey: keyText(ticket.masterKey),
      epoch: ticket.epoch,
      shareKey: { ...keyText(ticket.shareKey.key), epoch: ticket.shareKey.epoch },
      label: ticket.label,
      entryIds: ticket.entryIds,
      locale: ticket.locale,
    }),
  );
  try {
    const { enc, ciphertext } = sealBase(jobPublicKey, TICKET_INFO, plain, ticketAad(place));
    return { enc: enc.toString('base64'), ciphertext: ciphertext.toString('base64') };
  } finally {
    plain.fill(0);
  }
}

/** Opens a ticket with the job key; HpkeFailed for another key or place, or a changed byte. */
export function openBundleTicket(
  jobPrivateKey: KeyObject,
  place: BundlePlace,
  sealed: { enc: string; ciphertext: string },
): PoliceBundleTicket {
  const plain = openBase(
    encapsulatedKeyFrom(Buffer.from(sealed.enc, 'base64')),
    jobPrivateKey,
    TICKET_INFO,
    hpkeCiphertextFrom(Buffer.from(sealed.ciphertext, 'base64')),
    ticketAad(place),
  );
  try {
    const parsed = ticketSchema.parse(JSON.parse(plain.toString('utf8')));
    const keyOf = (stored: { id: string; key: string }) => {
      const bytes = Buffer.from(stored.key, 'base64');
      try {
        return symmetricKey(stored.id, bytes);
      } finally {
        bytes.fill(0);
      }
    };
    return {
      masterKey: keyOf(parsed.masterKey),
      epoch: parsed.epoch,
      shareKey: { key: keyOf(parsed.shareKey), epoch: parsed.shareKey.epoch },
      label: parsed.label,
      entryIds: parsed.entryIds,
      locale: parsed.locale,
    };
  } finally {
    plain.fill(0);
  }
}

/** Which set of shared entries a bundle is of: a hash of their ids, sorted (nothing readable on the row). */
export const entriesHash = (entryIds: readonly string[]): string =>
  createHash('sha256')
    .update([...entryIds].sort().join('\n'))
    .digest('hex');

/** Where a bundle is sealed: the case, the parent member's bundle row and this making, at the share key's epoch. */
export const bundlePlace = (caseId: string, parentMemberId: string, bundleId: string, epoch: number) => ({
  purpose: 'case/police-bundle' as const,
  ownerId: caseId,
  recordId: `${parentMemberId}/${bundleId}`,
  epoch,
});

export const sealPoliceBundle = (
  shareKey: Pick<CompartmentKey, 'key' | 'epoch'>,
  caseId: string,
  parentMemberId: string,
  bundleId: string,
  bytes: Uint8Array,
): string => seal(shareKey.key, bytes, bundlePlace(caseId, parentMemberId, bundleId, shareKey.epoch));

export interface PoliceBundleWorkerDependencies extends MakeDependencies {
  repo: CaseExportsRepository;
  jobKey: X25519KeyPair;
  /** The account as a job acts for it, with a key ring over the ticket's master key; undefined when gone. */
  actingWith: (userId: string, masterKey: SymmetricKey) => Promise<JournalActor | undefined>;
  onError?: (error: unknown) => void;
}

async function makeBundle(
  dependencies: PoliceBundleWorkerDependencies,
  payload: { caseId: string; parentMemberId: string; bundleId: string },
  signal: AbortSignal,
): Promise<void> {
  const { repo } = dependencies;
  const { caseId, parentMemberId, bundleId } = payload;
  const now = () => (dependencies.clock?.() ?? new Date()).toISOString();
  const row = await repo.making(caseId, parentMemberId, bundleId);
  if (row === undefined) return;
  const failed = (failure: 'too-large' | 'error') => repo.fail(caseId, parentMemberId, bundleId, failure, now());
  const userId = await repo.userOfMember(parentMemberId);
  let ticket: PoliceBundleTicket;
  let who: JournalActor | undefined;
  try {
    if (userId === undefined) throw new Error('the parent has no account any more');
    ticket = openBundleTicket(
      dependencies.jobKey.privateKey,
      { bundleId, caseId, parentMemberId, userId },
      { enc: row.ticket_enc ?? '', ciphertext: row.ticket ?? '' },
    );
    who = await dependencies.actingWith(userId, ticket.masterKey);
    // The account's keys were replaced since the ticket was sealed: its master key opens nothing any more.
    if (who?.keys.epoch !== ticket.epoch) who = undefined;
  } catch (error) {
    dependencies.onError?.(error);
    await failed('error');
    return;
  }
  if (who === undefined) {
    await failed('error');
    return;
  }
  const consents = await repo.shareConsents(caseId, parentMemberId);
  try {
    const made = await makeExport(
      dependencies,
      who,
      {
        label: ticket.label,
        entries: { mode: 'deel', ids: ticket.entryIds },
        // What a share gives the professionals: each attachment's file, not an original kept with its metadata.
        attachments: { mode: 'zonder-origineel' },
        locale: ticket.locale,
      },
      () => signal.throwIfAborted(),
      signal,
      {
        consents: consents.map((consent) => ({
          at: Date.parse(consent.at),
          basis: consent.basis,
          childKnows: consent.childKnows,
        })),
      },
    );
    const sealed = sealPoliceBundle(ticket.shareKey, caseId, parentMemberId, bundleId, made.bytes);
    await repo.finish(caseId, parentMemberId, bundleId, { bundle: sealed, bytes: made.bytes.length, now: now() });
  } catch (error) {
    // The worker stopping: the queue hands the job out again, and the ticket is still on the row.
    if (signal.aborted) throw error;
    if (error instanceof ExportTooLarge) {
      await failed('too-large');
      return;
    }
    dependencies.onError?.(error);
    await failed('error');
  }
}

export function policeBundleJobHandlers(dependencies: PoliceBundleWorkerDependencies): JobHandler[] {
  return [
    handle(makePoliceBundleJob, (payload, context) => makeBundle(dependencies, payload, context.signal)),
    handle(expirePoliceBundleJob, ({ caseId, parentMemberId, bundleId }) =>
      dependencies.repo.expire(caseId, parentMemberId, bundleId),
    ),
  ];
}
