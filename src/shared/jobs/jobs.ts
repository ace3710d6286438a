import type { z } from 'zod';
import type { ClaimedJob, JobsRepository } from './jobs.repo.js';

/*
 * A job queue in the app's own database (ADR 0020), on SQLite and PostgreSQL alike. A request adds a job inside
 * its own transaction (`enqueue` in jobs.repo.ts), so the job exists exactly when the change that asked for it
 * does. A worker in every server process claims due jobs one at a time and runs their handlers. Delivery is at
 * least once: a worker that dies mid-job leaves a claim that runs out, and the job runs again — handlers are
 * written so that running twice does no harm.
 */

/** A kind of job: its name, the schema of its payload (ids only, never personal data) and how often it is tried. */
export interface JobKind<Payload> {
  name: string;
  schema: z.ZodType<Payload>;
  maxAttempts: number;
  /** How long a claim on a job of this kind holds, when its work may take longer than the worker's default. */
  leaseMs?: number;
}

export function defineJob<Payload>(
  name: string,
  schema: z.ZodType<Payload>,
  options: { maxAttempts?: number; leaseMs?: number } = {},
): JobKind<Payload> {
  return {
    name,
    schema,
    maxAttempts: options.maxAttempts ?? 6,
    ...(options.leaseMs === undefined ? {} : { leaseMs: options.leaseMs }),
  };
}

export interface JobContext {
  jobId: string;
  /** This attempt's number, from 1. */
  attempt: number;
  /** Aborted when the worker stops and will not wait any longer: give up and let the job run again later. */
  signal: AbortSignal;
}

export interface JobHandler {
  kind: JobKind<unknown>;
  run(payload: unknown, context: JobContext): Promise<void>;
}

/** Pairs a kind with the function that does its work. */
export function handle<Payload>(
  kind: JobKind<Payload>,
  run: (payload: Payload, context: JobContext) => Promise<void>,
): JobHandler {
  return { kind, run: (payload, context) => run(payload as Payload, context) };
}

/** The wait before attempt `attempt + 1`: `baseMs` doubling per failed attempt, at most `maxMs`. */
export function backoffMs(attempt: number, baseMs = 30_000, maxMs = 3_600_000): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
}

export interface JobWorkerOptions {
  /** How long to wait before looking again when no job was due. */
  pollMs?: number;
  /** How long a claim holds before another worker may take the job (its worker is presumed dead). */
  leaseMs?: number;
  /** How long finished jobs (and so their idempotency keys) are kept. */
  keepDoneMs?: number;
  backoff?: (attempt: number) => number;
  clock?: () => Date;
  log?: (level: 'info' | 'warn' | 'error', fields: Record<string, unknown>, message: string) => void;
}

/** Only the error's class and code: a message may quote an address or other data of the job's subject. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return 'non-error thrown';
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' || typeof code === 'number' ? `${error.name} ${code}` : error.name;
}

export function createJobWorker(repo: JobsRepository, handlers: readonly JobHandler[], options: JobWorkerOptions = {}) {
  const byKind = new Map(handlers.map((handler) => [handler.kind.name, handler]));
  const clock = options.clock ?? (() => new Date());
  const pollMs = options.pollMs ?? 1_000;
  const leaseMs = options.leaseMs ?? 10 * 60_000;
  const keepDoneMs = options.keepDoneMs ?? 7 * 24 * 3_600_000;
  const backoff = options.backoff ?? ((attempt: number) => backoffMs(attempt));
  let log = options.log ?? (() => undefined);

  let stopping = false;
  let loop: Promise<void> | undefined;
  let wakeUp: (() => void) | undefined;
  let current: { job: ClaimedJob; done: Promise<void>; abort: AbortController } | undefined;
  let lastPurge = 0;

  async function settle(job: ClaimedJob, outcome: { ok: true } | { ok: false; error: string }): Promise<void> {
    const now = clock();
    if (outcome.ok) {
      if (!(await repo.complete(job, now)))
        log('warn', { job: job.id, kind: job.kind }, 'job finished after its claim ran out');
      return;
    }
    const retryAt = job.attempt < job.maxAttempts ? new Date(now.getTime() + backoff(job.attempt)) : undefined;
    await repo.fail(job, outcome.error, now, retryAt);
    log(
      retryAt === undefined ? 'error' : 'warn',
      { job: job.id, kind: job.kind, attempt: job.attempt, error: outcome.error },
      retryAt === undefined ? 'job failed for the last time: dead' : 'job failed; will retry',
    );
  }

  async function execute(job: ClaimedJob, abort: AbortController): Promise<void> {
    const handler = byKind.get(job.kind);
    if (handler === undefined) {
      // Perhaps a newer version of the app, running next to this one, knows it: try again later.
      await settle(job, { ok: false, error: 'unknown kind' });
      return;
    }
    const parsed = handler.kind.schema.safeParse(job.payload);
    if (!parsed.success) {
      await repo.fail(job, 'payload does not match its kind', clock(), undefined);
      log('error', { job: job.id, kind: job.kind }, 'job payload does not match its kind: dead');
      return;
    }
    let outcome: { ok: true } | { ok: false; error: string };
    try {
      await handler.run(parsed.data, { jobId: job.id, attempt: job.attempt, signal: abort.signal });
      outcome = { ok: true };
    } catch (error) {
      outcome = { ok: false, error: describeError(error) };
    }
    // Stopped without waiting for it: the job was released and runs again elsewhere.
    if (abort.signal.aborted) return;
    await settle(job, outcome);
  }

  /** Claims and runs one due job; false when none was due. */
  async function runOne(): Promise<boolean> {
    const job = await repo.claim(clock(), (kind) => byKind.get(kind)?.kind.leaseMs ?? leaseMs);
    if (job === undefined) return false;
    if (stopping) {
      await repo.release(job, clock());
      return false;
    }
    const abort = new AbortController();
    const done = execute(job, abort);
    current = { job, done, abort };
    try {
      await done;
    } finally {
      current = undefined;
    }
    return true;
  }

  async function purge(): Promise<void> {
    const now = clock().getTime();
    if (now - lastPurge < 3_600_000) return;
    lastPurge = now;
    await repo.purgeDone(new Date(now - keepDoneMs));
  }

  async function run(): Promise<void> {
    while (!stopping) {
      let ran = false;
      try {
        ran = await runOne();
        if (!ran) await purge();
      } catch (error) {
        // The database is away (restart, network): wait and try again.
        log('error', { error: describeError(error) }, 'job worker could not reach the queue');
      }
      if (!ran && !stopping) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pollMs);
          wakeUp = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wakeUp = undefined;
      }
    }
  }

  return {
    /** Starts working in the background (the server does this once it is ready), logging to `logTo`. */
    start(logTo?: JobWorkerOptions['log']): void {
      if (loop !== undefined) return;
      if (logTo !== undefined) log = logTo;
      stopping = false;
      loop = run();
    },

    /** Looks for a due job now instead of after the poll interval (after a request enqueued one). */
    poke(): void {
      wakeUp?.();
    },

    /**
     * Stops claiming. A running job gets `graceMs` to finish; after that its handler is aborted and the job is
     * released (queued again at once, the attempt not counted) for another worker or the next start.
     */
    async stop(graceMs = 5_000): Promise<void> {
      stopping = true;
      wakeUp?.();
      const running = current;
      let released = false;
      if (running !== undefined) {
        let timer: NodeJS.Timeout | undefined;
        const finished = await Promise.race([
          running.done.then(() => true),
          new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), graceMs))),
        ]);
        clearTimeout(timer);
        if (!finished) {
          running.abort.abort();
          await repo.release(running.job, clock());
          log('info', { job: running.job.id, kind: running.job.kind }, 'job released at shutdown');
          released = true;
        }
      }
      // A released job's handler may never return; the loop waits on it, so it is not awaited then.
      if (!released) await loop;
      loop = undefined;
    },

    /** Runs due jobs until none is left; returns how many ran. For tests and the CLI; not with start(). */
    async runDue(): Promise<number> {
      let count = 0;
      while (!stopping && (await runOne())) count += 1;
      return count;
    },
  };
}
