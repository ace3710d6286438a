import { randomUUID } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import type { KeyRing } from '../../../shared/auth/key-ring.js';
import type { Actor } from '../../../shared/policy/actor.js';
import { authorize } from '../../../policies.js';
import { HpkeFailed } from '../../../shared/crypto/hpke.js';
import type { AuditRecorder, AuditTrail } from '../../audit/audit.service.js';
import { requestIdOf } from '../../audit/audit.service.js';
import type { ExportRow, ExportsRepository } from './export.repo.js';
import { defaultExportLimits, type ExportLimits, type ExportStatus, hasStalled, type StartResult } from './jobs.js';
import { bundleOpener, type ExportChoice, exportKeyPurpose, sealTicket, storedPublicKey } from './sealing.js';

/*
 * The request's side of the journal export (ADR 0025). Starting one seals the master key and the parent's
 * choices to the server's job key, derives this session's key pair for the export, and stores the row and its
 * job together. Any instance then shows its progress from the row and hands the finished file over: opened with
 * the session's key pair, which only this session's cookie can make, and recorded in the audit log in the
 * transaction that marks it taken. Each call asks the journal's rule first: only its parent, only this session.
 */

/**
 * The session asking: its id hash owns the export, its key ring seals the ticket and opens the bundle. The actor
 * must be the journal's own parent (the journal's rule, asked before anything else).
 */
export interface ExportSession {
  idHash: string;
  userId: string;
  keys: KeyRing;
  actor: Actor;
}

const mayExport = (session: ExportSession): void =>
  authorize(session.actor, 'journal', 'export', { ownerId: session.userId });

export type TakeResult =
  | { kind: 'file'; bytes: number; content: AsyncIterable<Buffer> }
  /** Still being made (a second tab, an early click). */
  | { kind: 'running' }
  /** Not there: never made, taken already, expired, or made for another session. */
  | { kind: 'gone' }
  /** Stored, but it does not open as it was sealed: changed in the database. Deleted; the parent starts again. */
  | { kind: 'damaged' };

export interface ExportServiceOptions {
  jobPublicKey: KeyObject;
  audit: AuditRecorder;
  limits?: Partial<ExportLimits>;
  /** Told after an export was queued, so a worker in this process looks at once. */
  queued?: () => void;
  clock?: () => Date;
}

export function createExportService(repo: ExportsRepository, options: ExportServiceOptions) {
  const limits = { ...defaultExportLimits, ...options.limits };
  const now = options.clock ?? (() => new Date());

  const statusOf = (row: ExportRow): ExportStatus | undefined => {
    switch (row.state) {
      case 'queued':
        return { state: 'running', progress: { phase: 'reading', done: 0, total: 0 } };
      case 'running':
        // Its worker is gone: the parent is told it stopped and may start again.
        if (hasStalled(row, now(), limits.stallMs)) return { state: 'failed' };
        return { state: 'running', progress: { phase: row.phase, done: Number(row.done), total: Number(row.total) } };
      case 'done':
        return { state: 'done', bytes: Number(row.bundle_bytes ?? 0), expiresAt: Date.parse(row.expires_at) };
      case 'failed':
        return row.failure === 'too-large' && row.max_bytes !== null
          ? { state: 'failed', tooLarge: { maxBytes: Number(row.max_bytes) } }
          : { state: 'failed' };
      case 'taken':
        return undefined;
    }
  };

  /** Opens every chunk in order with this session's key; false at the first that does not open. */
  async function opens(row: ExportRow, privateKey: KeyObject): Promise<boolean> {
    try {
      const open = bundleOpener(privateKey, row.id, row.bundle_enc ?? '', Number(row.chunks ?? 0));
      for (let index = 0; index < Number(row.chunks ?? 0); index += 1) {
        const data = await repo.chunk(row.id, index);
        if (data === undefined) return false;
        open(index, data).fill(0);
      }
      return true;
    } catch (error) {
      if (error instanceof HpkeFailed) return false;
      throw error;
    }
  }

  return {
    /** Starts an export for this session, unless one is still being made for it or too many are elsewhere. */
    async start(session: ExportSession, choice: ExportChoice): Promise<StartResult> {
      mayExport(session);
      const id = randomUUID();
      const at = now();
      const pair = session.keys.sessionKeyPair(exportKeyPurpose(id));
      const ticket = sealTicket(
        options.jobPublicKey,
        { exportId: id, userId: session.userId, sessionIdHash: session.idHash },
        { masterKey: session.keys.masterKey(), epoch: session.keys.epoch, choice },
      );
      const result = await repo.create(
        {
          id,
          userId: session.userId,
          sessionIdHash: session.idHash,
          bundleKey: storedPublicKey(pair.publicKey),
          ticket,
          now: at,
          expiresAt: new Date(at.getTime() + limits.makeMs),
        },
        limits,
      );
      if (result === 'started') options.queued?.();
      return result;
    },

    /** This session's export as its progress page shows it; undefined when there is none. */
    async status(session: ExportSession): Promise<ExportStatus | undefined> {
      mayExport(session);
      const row = await repo.ofSession(session.idHash, now());
      return row === undefined ? undefined : statusOf(row);
    },

    /**
     * The finished ZIP, once. Every chunk is opened before anything is handed over, so a changed chunk is refused
     * rather than sent half; then the export is marked taken with its audit line, and the file streams from the
     * database, opened chunk by chunk, and is deleted after the last.
     */
    async take(session: ExportSession, trail: AuditTrail): Promise<TakeResult> {
      mayExport(session);
      const row = await repo.ofSession(session.idHash, now());
      if (row?.state === 'queued' || (row?.state === 'running' && !hasStalled(row, now(), limits.stallMs)))
        return { kind: 'running' };
      if (row?.state !== 'done' || row.bundle_enc === null) return { kind: 'gone' };
      const { privateKey } = session.keys.sessionKeyPair(exportKeyPurpose(row.id));
      if (!(await opens(row, privateKey))) {
        await repo.delete(row.id);
        return { kind: 'damaged' };
      }
      const taken = await repo.take(
        row.id,
        session.idHash,
        now(),
        options.audit.recording({
          actor: session.userId,
          action: 'journal.export',
          objectType: 'journal',
          objectId: row.journal_id ?? 'unknown',
          requestId: requestIdOf(trail),
        }),
      );
      if (!taken) return { kind: 'gone' };
      const count = Number(row.chunks ?? 0);
      const enc = row.bundle_enc;
      async function* content(): AsyncGenerator<Buffer> {
        try {
          const open = bundleOpener(privateKey, row!.id, enc, count);
          for (let index = 0; index < count; index += 1) {
            const data = await repo.chunk(row!.id, index);
            if (data === undefined) throw new HpkeFailed();
            yield open(index, data);
          }
        } finally {
          await repo.delete(row!.id);
        }
      }
      return { kind: 'file', bytes: Number(row.bundle_bytes ?? 0), content: content() };
    },

    /** Forgets this session's export, made or not (logout, quick exit, a session that ended). */
    drop: (sessionIdHash: string): Promise<void> => repo.deleteOfSession(sessionIdHash),
  };
}

export type ExportService = ReturnType<typeof createExportService>;
