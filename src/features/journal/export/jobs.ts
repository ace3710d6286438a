import type { ExportPhase } from './bundle.js';

/*
 * What the parent sees of an export while the job queue makes it (ADR 0025): its state and progress, read from
 * the export's row by whichever instance answers, and the limits that keep exports from crowding the server.
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

export interface ExportLimits {
  /** Most exports waiting for or in the hands of a worker, over all instances (each holds a sealed master key). */
  maxPending: number;
  /** How long a finished export waits to be downloaded. */
  keepMs: number;
  /** How long an export may wait for and take a worker before it is dropped. */
  makeMs: number;
  /** Most bytes of finished exports waiting in the database; past it, new exports wait until some are taken. */
  maxWaitingBytes: number;
  /**
   * A worker reports progress every entry and every PDF page. An export being made that has not moved for this
   * long lost its worker (the process died, and its claim still holds): the parent sees that it stopped and may
   * start again, rather than wait for the claim to run out.
   */
  stallMs: number;
}

export const defaultExportLimits: Readonly<ExportLimits> = Object.freeze({
  maxPending: 4,
  keepMs: 15 * 60_000,
  makeMs: 60 * 60_000,
  maxWaitingBytes: 1024 * 1024 * 1024,
  stallMs: 10 * 60_000,
});

/** Whether an export the worker holds has not moved for `stallMs`: its worker is gone. */
export const hasStalled = (row: { state: string; updated_at: string }, now: Date, stallMs: number): boolean =>
  row.state === 'running' && Date.parse(row.updated_at) <= now.getTime() - stallMs;

/** How far an export is, in percent: opening the entries counts for 40, the PDF for 50, the ZIP for 10. */
export function exportPercent(progress: ExportProgress): number {
  const share = progress.total > 0 ? Math.min(1, progress.done / progress.total) : 0;
  const [start, width] = progress.phase === 'reading' ? [0, 40] : progress.phase === 'pdf' ? [40, 50] : [90, 10];
  return Math.floor(start + width * share);
}
