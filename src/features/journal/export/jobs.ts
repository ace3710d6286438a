import { ExportTooLarge } from '../journal.service.js';
import type { ExportPhase } from './bundle.js';

/*
 * Exports of a large journal take a while (opening every entry, a PDF of hundreds of pages, the photos), so
 * they run as a job in this process while the parent watches a progress page. A job belongs to one session
 * (its id hash), never to the account: another device of the same account has not given the passphrase and
 * cannot take the file. The finished ZIP stays in memory only, until it is downloaded, the session leaves
 * (logout, quick exit), or `keepMs` has passed; a restart loses it, and the page then says to start again.
 */

export interface ExportProgress {
  phase: ExportPhase;
  done: number;
  total: number;
}

export type ExportStatus =
  | { state: 'running'; progress: ExportProgress }
  | { state: 'done'; bytes: number; expiresAt: number }
  /** Failed: too large for what one export may carry (the parent can choose less), or an error. */
  | { state: 'failed'; tooLarge?: { maxBytes: number } };

export type StartResult = 'started' | 'busy' | 'full';

export interface ExportJobOptions {
  /** Most exports made at the same time in this process (each holds its entries and files in memory). */
  maxRunning: number;
  /** How long a finished export waits to be downloaded. */
  keepMs: number;
  /** Most bytes of finished exports waiting in memory; past it, new exports wait until some are taken. */
  maxWaitingBytes: number;
  now?: () => number;
  /** Told when an export fails (the page only says it failed). */
  onError?: (error: unknown) => void;
}

export const defaultExportJobOptions: Readonly<Omit<ExportJobOptions, 'now' | 'onError'>> = Object.freeze({
  maxRunning: 2,
  keepMs: 15 * 60_000,
  maxWaitingBytes: 1024 * 1024 * 1024,
});

/** What an export job makes: the ZIP, and what it is about (the journal's id, for the audit log). */
export interface ExportResult {
  bytes: Uint8Array;
  subject: string;
}

type Work = (progress: (progress: ExportProgress) => void, signal: AbortSignal) => Promise<ExportResult>;

/** How far an export is, in percent: opening the entries counts for 40, the PDF for 50, the ZIP for 10. */
export function exportPercent(progress: ExportProgress): number {
  const share = progress.total > 0 ? Math.min(1, progress.done / progress.total) : 0;
  const [start, width] = progress.phase === 'reading' ? [0, 40] : progress.phase === 'pdf' ? [40, 50] : [90, 10];
  return Math.floor(start + width * share);
}

interface Job {
  state: 'running' | 'done' | 'failed';
  progress: ExportProgress;
  result?: ExportResult;
  tooLarge?: { maxBytes: number };
  expiresAt?: number;
  controller: AbortController;
  timer?: NodeJS.Timeout;
}

export type ExportJobs = ReturnType<typeof createExportJobs>;

export function createExportJobs(options: Partial<ExportJobOptions> = {}) {
  const { maxRunning, keepMs, maxWaitingBytes } = { ...defaultExportJobOptions, ...options };
  const now = options.now ?? Date.now;
  const jobs = new Map<string, Job>();

  const remove = (owner: string, job: Job) => {
    job.controller.abort();
    if (job.timer !== undefined) clearTimeout(job.timer);
    delete job.result;
    if (jobs.get(owner) === job) jobs.delete(owner);
  };

  const current = (owner: string): Job | undefined => {
    const job = jobs.get(owner);
    if (job?.expiresAt !== undefined && now() >= job.expiresAt) {
      remove(owner, job);
      return undefined;
    }
    return job;
  };

  const finish = (owner: string, job: Job, outcome: { result: ExportResult } | { error: unknown }) => {
    if (job.controller.signal.aborted || jobs.get(owner) !== job) return;
    if ('result' in outcome) {
      job.state = 'done';
      job.result = outcome.result;
    } else {
      job.state = 'failed';
      // Too large is the parent's choice to adjust, not a fault of the server.
      if (outcome.error instanceof ExportTooLarge) job.tooLarge = { maxBytes: outcome.error.maxBytes };
      else options.onError?.(outcome.error);
    }
    job.expiresAt = now() + keepMs;
    // Dropped when nobody comes for it; unref'd, so a waiting export never keeps the process alive.
    job.timer = setTimeout(() => remove(owner, job), keepMs);
    job.timer.unref();
  };

  return {
    /** Starts an export for this session, unless one is still being made here or too many are elsewhere. */
    start(owner: string, work: Work): StartResult {
      const existing = current(owner);
      if (existing?.state === 'running') return 'busy';
      // Each export holds its entries and files in memory: a few at a time, and not too many waiting. This
      // session's own waiting file does not count: the new export replaces it.
      let running = 0;
      let waiting = 0;
      for (const [other, job] of [...jobs]) {
        if (other === owner || current(other) === undefined) continue;
        if (job.state === 'running') running += 1;
        waiting += job.result?.bytes.length ?? 0;
      }
      if (running >= maxRunning || waiting >= maxWaitingBytes) return 'full';
      if (existing !== undefined) remove(owner, existing);
      const job: Job = {
        state: 'running',
        progress: { phase: 'reading', done: 0, total: 0 },
        controller: new AbortController(),
      };
      jobs.set(owner, job);
      // A dropped export stops at its next report: the work is told by an exception where it stands.
      const report = (progress: ExportProgress) => {
        job.controller.signal.throwIfAborted();
        job.progress = { ...progress };
      };
      // On the next turn, so the request that started it is answered first.
      setImmediate(() => {
        if (job.controller.signal.aborted) return;
        work(report, job.controller.signal).then(
          (result) => finish(owner, job, { result }),
          (error: unknown) => finish(owner, job, { error }),
        );
      });
      return 'started';
    },

    status(owner: string): ExportStatus | undefined {
      const job = current(owner);
      if (job === undefined) return undefined;
      if (job.state === 'running') return { state: 'running', progress: { ...job.progress } };
      if (job.state === 'failed')
        return job.tooLarge === undefined ? { state: 'failed' } : { state: 'failed', tooLarge: job.tooLarge };
      return { state: 'done', bytes: job.result?.bytes.length ?? 0, expiresAt: job.expiresAt! };
    },

    /** The finished ZIP, once: it is forgotten as it is handed over. */
    take(owner: string): ExportResult | undefined {
      const job = current(owner);
      if (job?.state !== 'done' || job.result === undefined) return undefined;
      const result = job.result;
      remove(owner, job);
      return result;
    },

    /** Forgets this session's export, stopping it if it is still being made (logout, quick exit). */
    drop(owner: string): void {
      const job = jobs.get(owner);
      if (job !== undefined) remove(owner, job);
    },

    /** Exports being made now, in this process. */
    running(): number {
      let running = 0;
      for (const job of jobs.values()) if (job.state === 'running') running += 1;
      return running;
    },

    /** Stops and forgets every export (the server closes). */
    close(): void {
      for (const [owner, job] of [...jobs]) remove(owner, job);
    },
  };
}
