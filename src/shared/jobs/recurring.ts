import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.js';
import { defineJob, handle, type JobContext, type JobHandler, type JobKind } from './jobs.js';
import { enqueue } from './jobs.repo.js';

/*
 * Work done once a day (digests, retention, measures) through the job queue, so exactly one instance does it and
 * a failed run is retried like any job. Each day's run is one job whose idempotency key names the kind and the
 * day: enqueueing it again (another instance starting, a retry) finds the first one. A run first queues the next
 * day's, then does its work, so a run that fails for good does not end the chain; the server also queues
 * today's run at start (`scheduleDaily`), which puts back a chain a long stop broke.
 *
 * The work itself is a service method that takes the time (`daily(now)`): tests call it with a fixed clock,
 * and it is written so that running it twice on one day does nothing new.
 */

/** The hour (UTC) at which daily work runs: 05:00 UTC is 06:00 or 07:00 in the Netherlands, before office hours. */
export const dailyRunHourUtc = 5;

export type DailyPayload = { day: string };
export type DailyJobKind = JobKind<DailyPayload>;

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

export function defineDailyJob(name: string): DailyJobKind {
  return defineJob(name, z.object({ day: z.string().regex(dayPattern) }).strict(), { maxAttempts: 5 });
}

const dayOf = (at: Date): string => at.toISOString().slice(0, 10);

/** The run time of a day: that day at `dailyRunHourUtc`. */
function runTimeOf(day: string): Date {
  return new Date(`${day}T${String(dailyRunHourUtc).padStart(2, '0')}:00:00.000Z`);
}

/** The first daily run time strictly after `now`. */
export function nextDailyRun(now: Date): { day: string; at: Date } {
  const today = runTimeOf(dayOf(now));
  const at = today.getTime() > now.getTime() ? today : new Date(today.getTime() + 24 * 3_600_000);
  return { day: dayOf(at), at };
}

const keyOf = (kind: DailyJobKind, day: string): string => `${kind.name}:${day}`;

/** A daily job: `run(now)` is the day's work; the next day's run is queued before it starts. */
export function dailyHandler(
  db: Kysely<Database>,
  kind: DailyJobKind,
  run: (now: Date, context: JobContext) => Promise<void>,
  clock: () => Date = () => new Date(),
): JobHandler {
  return handle(kind, async (_payload, context) => {
    const next = nextDailyRun(clock());
    await enqueue(db, kind, { day: next.day }, { runAfter: next.at, idempotencyKey: keyOf(kind, next.day) });
    await run(clock(), context);
  });
}

/**
 * Queues today's run of each kind (at the run hour, or at once when that has passed) unless one exists already.
 * Called when a server starts; harmless on every instance.
 */
export async function scheduleDaily(db: Kysely<Database>, kinds: readonly DailyJobKind[], now: Date): Promise<void> {
  const day = dayOf(now);
  const at = runTimeOf(day);
  for (const kind of kinds) {
    await enqueue(
      db,
      kind,
      { day },
      { runAfter: at.getTime() > now.getTime() ? at : now, idempotencyKey: keyOf(kind, day) },
    );
  }
}
