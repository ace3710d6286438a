import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { X25519KeyPair } from '../../../shared/crypto/hpke.js';
import { defineJob, handle, type JobHandler } from '../../../shared/jobs/jobs.js';
import type { SymmetricKey } from '../../../shared/crypto/aead.js';
import { ExportTooLarge, type JournalActor } from '../journal.service.js';
import type { ExportsRepository } from './export.repo.js';
import { defaultExportLimits, type ExportProgress } from './jobs.js';
import { type MakeDependencies, makeExport } from './make.js';
import { openTicket, publicKeyFrom, sealBundle } from './sealing.js';

/*
 * The journal export's jobs (ADR 0025). `journal.export.make` opens the export's ticket with the server's job key,
 * acts for the account with the master key it carries, makes the bundle, seals it to the requesting session's
 * public key and stores it, destroying the ticket. `journal.export.expire` deletes exports whose time is up.
 * Payloads name the export only.
 */

/** Its claim holds as long as an export may take (a large journal with many photos), so no second worker starts it. */
export const makeExportJob = defineJob('journal.export.make', z.object({ exportId: z.uuid() }).strict(), {
  maxAttempts: 3,
  leaseMs: defaultExportLimits.makeMs,
});

export const expireExports = defineJob('journal.export.expire', z.object({ exportId: z.uuid() }).strict(), {
  maxAttempts: 3,
});

export interface ExportWorkerDependencies extends MakeDependencies {
  repo: ExportsRepository;
  jobKey: X25519KeyPair;
  /** The account as the job acts for it, with a key ring over the ticket's master key; undefined when gone. */
  actingWith: (userId: string, masterKey: SymmetricKey) => Promise<JournalActor | undefined>;
  keepMs: number;
  /** Told when making an export failed for a reason other than its size (the parent's page only says it failed). */
  onError?: (error: unknown) => void;
}

/** The export was dropped or replaced while it was being made: the worker stops at its next report. */
class ExportDropped extends Error {
  override name = 'ExportDropped';
}

async function runExport(
  dependencies: ExportWorkerDependencies,
  exportId: string,
  workerStopping: AbortSignal,
): Promise<void> {
  const { repo } = dependencies;
  const now = () => dependencies.clock?.() ?? new Date();
  const keepUntil = () => new Date(now().getTime() + dependencies.keepMs);
  const run = randomUUID();
  const row = await repo.begin(exportId, run, now());
  if (row === undefined) return;
  const failed = async (error: unknown) => {
    if (error instanceof ExportTooLarge) {
      await repo.fail(exportId, run, { kind: 'too-large', maxBytes: error.maxBytes }, now(), keepUntil());
      return;
    }
    dependencies.onError?.(error);
    await repo.fail(exportId, run, { kind: 'error' }, now(), keepUntil());
  };

  let who: JournalActor | undefined;
  let ticket: ReturnType<typeof openTicket>;
  try {
    ticket = openTicket(
      dependencies.jobKey.privateKey,
      { exportId, userId: row.user_id, sessionIdHash: row.session_id_hash },
      { enc: row.ticket_enc ?? '', ciphertext: row.ticket ?? '' },
    );
    who = await dependencies.actingWith(row.user_id, ticket.masterKey);
    // The account's keys were replaced since: the ticket's master key opens nothing any more.
    if (who?.keys.epoch !== ticket.epoch) who = undefined;
  } catch (error) {
    await failed(error);
    return;
  }
  if (who === undefined) {
    await failed(new Error('the account or its keys changed'));
    return;
  }

  // Progress goes to the row, the latest first; the write that finds the row gone stops the work.
  const stop = new AbortController();
  const onStopping = () => stop.abort(workerStopping.reason);
  workerStopping.addEventListener('abort', onStopping, { once: true });
  let latest: ExportProgress | undefined;
  let writing: Promise<void> | undefined;
  const flush = async () => {
    while (latest !== undefined) {
      const progress = latest;
      latest = undefined;
      if (!(await repo.report(exportId, run, progress, now()))) stop.abort(new ExportDropped());
    }
  };
  const report = (progress: ExportProgress) => {
    stop.signal.throwIfAborted();
    latest = { ...progress };
    writing ??= flush()
      // A progress write that fails (the database is away a moment) is not worth stopping the export for.
      .catch(() => undefined)
      .finally(() => {
        writing = undefined;
      });
  };

  try {
    const made = await makeExport(dependencies, who, ticket.choice, report, stop.signal);
    await writing;
    stop.signal.throwIfAborted();
    const sealed = sealBundle(publicKeyFrom(row.bundle_key), exportId, made.bytes);
    await repo.finish(
      exportId,
      run,
      {
        enc: sealed.enc,
        bytes: made.bytes.length,
        count: sealed.count,
        chunks: sealed.chunks,
        journalId: made.subject,
      },
      now(),
      keepUntil(),
    );
  } catch (error) {
    // Dropped: nothing to keep. The worker stopping: the queue gives the job back and it runs again.
    if (stop.signal.aborted) return;
    await failed(error);
  } finally {
    workerStopping.removeEventListener('abort', onStopping);
  }
}

export function exportJobHandlers(dependencies: ExportWorkerDependencies): JobHandler[] {
  return [
    handle(makeExportJob, ({ exportId }, context) => runExport(dependencies, exportId, context.signal)),
    handle(expireExports, async () => {
      await dependencies.repo.deleteExpired(dependencies.clock?.() ?? new Date());
    }),
  ];
}
