import type { Kysely, Selectable } from 'kysely';
import type { Database, JournalExportsTable } from '../../../shared/db/schema.js';
import type { AlsoInTransaction } from '../../../shared/db/transaction.js';
import { enqueue } from '../../../shared/jobs/jobs.repo.js';
import { expireExports, makeExportJob } from './export.jobs.js';
import type { ExportProgress } from './jobs.js';
import type { SealedTicket } from './sealing.js';

/*
 * The journal export's rows (ADR 0025): one per session, with its progress, its sealed ticket while a worker may
 * still need it, and its sealed chunks once made. Writes of the worker carry its run token, so an export that was
 * dropped or replaced meanwhile takes nothing from a late worker.
 */

export type ExportRow = Selectable<JournalExportsTable>;

export interface NewExport {
  id: string;
  userId: string;
  sessionIdHash: string;
  bundleKey: string;
  ticket: SealedTicket;
  now: Date;
  /** Dropped at this time when no worker made it by then. */
  expiresAt: Date;
}

const iso = (date: Date): string => date.toISOString();

export function createExportsRepository(db: Kysely<Database>) {
  return {
    /**
     * Replaces this session's finished or failed export with a new one and queues its job, in one transaction;
     * 'busy' when the session's export is still being made, 'full' past the limits (other sessions' exports).
     */
    async create(
      row: NewExport,
      limits: { maxPending: number; maxWaitingBytes: number; stallMs: number },
    ): Promise<'started' | 'busy' | 'full'> {
      const now = iso(row.now);
      // A running export that has not moved since this moment lost its worker: it blocks nothing.
      const stalledBefore = iso(new Date(row.now.getTime() - limits.stallMs));
      return db.transaction().execute(async (trx) => {
        // A write first: on SQLite it takes the database's write lock before anything is read.
        await trx.deleteFrom('journal_exports').where('expires_at', '<=', now).execute();
        const existing = await trx
          .selectFrom('journal_exports')
          .select(['state', 'updated_at'])
          .where('session_id_hash', '=', row.sessionIdHash)
          .executeTakeFirst();
        if (existing?.state === 'queued') return 'busy';
        if (existing?.state === 'running' && existing.updated_at > stalledBefore) return 'busy';
        const others = await trx
          .selectFrom('journal_exports')
          .select((eb) => [
            eb.fn
              .sum<number | string | null>(
                eb
                  .case()
                  .when(
                    eb.or([
                      eb('state', '=', 'queued'),
                      eb.and([eb('state', '=', 'running'), eb('updated_at', '>', stalledBefore)]),
                    ]),
                  )
                  .then(1)
                  .else(0)
                  .end(),
              )
              .as('pending'),
            eb.fn
              .sum<number | string | null>(
                eb.case().when('state', '=', 'done').then(eb.ref('bundle_bytes')).else(0).end(),
              )
              .as('waiting'),
          ])
          .where('session_id_hash', '!=', row.sessionIdHash)
          .executeTakeFirst();
        if (
          Number(others?.pending ?? 0) >= limits.maxPending ||
          Number(others?.waiting ?? 0) >= limits.maxWaitingBytes
        ) {
          return 'full';
        }
        await trx.deleteFrom('journal_exports').where('session_id_hash', '=', row.sessionIdHash).execute();
        await trx
          .insertInto('journal_exports')
          .values({
            id: row.id,
            user_id: row.userId,
            session_id_hash: row.sessionIdHash,
            state: 'queued',
            phase: 'reading',
            done: 0,
            total: 0,
            run: null,
            ticket_enc: row.ticket.enc,
            ticket: row.ticket.ciphertext,
            bundle_key: row.bundleKey,
            bundle_enc: null,
            bundle_bytes: null,
            journal_id: null,
            chunks: null,
            failure: null,
            max_bytes: null,
            created_at: now,
            updated_at: now,
            expires_at: iso(row.expiresAt),
          })
          .execute();
        await enqueue(trx, makeExportJob, { exportId: row.id });
        await enqueue(trx, expireExports, { exportId: row.id }, { runAfter: row.expiresAt });
        return 'started';
      });
    },

    /** This session's export, unless it expired. */
    async ofSession(sessionIdHash: string, now: Date): Promise<ExportRow | undefined> {
      return db
        .selectFrom('journal_exports')
        .selectAll()
        .where('session_id_hash', '=', sessionIdHash)
        .where('expires_at', '>', iso(now))
        .executeTakeFirst();
    },

    /**
     * A worker takes the export on under a new run token (a first attempt, or again after a worker died). Undefined
     * when there is nothing to make: dropped, finished, or its ticket already destroyed.
     */
    async begin(exportId: string, run: string, now: Date): Promise<ExportRow | undefined> {
      return db
        .updateTable('journal_exports')
        .set({ state: 'running', run, phase: 'reading', done: 0, total: 0, updated_at: iso(now) })
        .where('id', '=', exportId)
        .where('state', 'in', ['queued', 'running'])
        .where('ticket', 'is not', null)
        .where('expires_at', '>', iso(now))
        .returningAll()
        .executeTakeFirst();
    },

    /** Writes progress; false when the export is no longer this run's (dropped, replaced, taken over). */
    async report(exportId: string, run: string, progress: ExportProgress, now: Date): Promise<boolean> {
      const result = await db
        .updateTable('journal_exports')
        .set({ phase: progress.phase, done: progress.done, total: progress.total, updated_at: iso(now) })
        .where('id', '=', exportId)
        .where('run', '=', run)
        .where('state', '=', 'running')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /**
     * Stores the sealed bundle and marks the export done, destroying its ticket, in one transaction; false (and
     * nothing stored) when the export is no longer this run's.
     */
    async finish(
      exportId: string,
      run: string,
      bundle: {
        enc: string;
        bytes: number;
        count: number;
        chunks: Iterable<{ index: number; data: string }>;
        journalId: string;
      },
      now: Date,
      expiresAt: Date,
    ): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable('journal_exports')
          .set({
            state: 'done',
            run: null,
            ticket_enc: null,
            ticket: null,
            bundle_enc: bundle.enc,
            bundle_bytes: bundle.bytes,
            journal_id: bundle.journalId,
            chunks: bundle.count,
            updated_at: iso(now),
            expires_at: iso(expiresAt),
          })
          .where('id', '=', exportId)
          .where('run', '=', run)
          .where('state', '=', 'running')
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1) return false;
        await trx.deleteFrom('journal_export_chunks').where('export_id', '=', exportId).execute();
        for (const chunk of bundle.chunks) {
          await trx
            .insertInto('journal_export_chunks')
            .values({ export_id: exportId, idx: chunk.index, data: chunk.data })
            .execute();
        }
        await enqueue(trx, expireExports, { exportId }, { runAfter: expiresAt });
        return true;
      });
    },

    /**
     * Marks the export failed and destroys its ticket. With `run`, only if it is still that run's; without, as
     * long as it has not been made (a ticket that cannot be opened, a dead job).
     */
    async fail(
      exportId: string,
      run: string | undefined,
      failure: { kind: 'too-large'; maxBytes: number } | { kind: 'error' },
      now: Date,
      expiresAt: Date,
    ): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        let update = trx
          .updateTable('journal_exports')
          .set({
            state: 'failed',
            run: null,
            ticket_enc: null,
            ticket: null,
            bundle_enc: null,
            failure: failure.kind,
            max_bytes: failure.kind === 'too-large' ? failure.maxBytes : null,
            updated_at: iso(now),
            expires_at: iso(expiresAt),
          })
          .where('id', '=', exportId);
        update =
          run === undefined
            ? update.where('state', 'in', ['queued', 'running'])
            : update.where('run', '=', run).where('state', '=', 'running');
        const result = await update.executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1) return false;
        await trx.deleteFrom('journal_export_chunks').where('export_id', '=', exportId).execute();
        await enqueue(trx, expireExports, { exportId }, { runAfter: expiresAt });
        return true;
      });
    },

    /** One sealed chunk of a finished export. */
    async chunk(exportId: string, index: number): Promise<string | undefined> {
      const row = await db
        .selectFrom('journal_export_chunks')
        .select('data')
        .where('export_id', '=', exportId)
        .where('idx', '=', index)
        .executeTakeFirst();
      return row?.data;
    },

    /**
     * Hands the finished export over, once: marks it taken and runs `also` (its audit line) in the same
     * transaction. False when it was not there to take (taken by another request, dropped, expired).
     */
    async take(exportId: string, sessionIdHash: string, now: Date, also: AlsoInTransaction): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable('journal_exports')
          .set({ state: 'taken', updated_at: iso(now) })
          .where('id', '=', exportId)
          .where('session_id_hash', '=', sessionIdHash)
          .where('state', '=', 'done')
          .where('expires_at', '>', iso(now))
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1) return false;
        await also(trx);
        return true;
      });
    },

    /** Deletes one export and its chunks. */
    async delete(exportId: string): Promise<void> {
      await db.deleteFrom('journal_exports').where('id', '=', exportId).execute();
    },

    /** Deletes the export of a session (it ended) with its chunks and ticket. */
    async deleteOfSession(sessionIdHash: string): Promise<void> {
      await db.deleteFrom('journal_exports').where('session_id_hash', '=', sessionIdHash).execute();
    },

    /** Deletes the exports of an account, in the deletion's transaction. */
    async deleteOfUser(trx: Kysely<Database>, userId: string): Promise<void> {
      await trx.deleteFrom('journal_exports').where('user_id', '=', userId).execute();
    },

    /** Deletes every export whose time is up, made or not; returns how many. */
    async deleteExpired(now: Date): Promise<number> {
      const result = await db.deleteFrom('journal_exports').where('expires_at', '<=', iso(now)).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

export type ExportsRepository = ReturnType<typeof createExportsRepository>;
