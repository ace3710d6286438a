import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../shared/db/schema.js';
import { defineJob, handle, type JobHandler } from '../../shared/jobs/jobs.js';
import { enqueue } from '../../shared/jobs/jobs.repo.js';
import { dailyHandler, defineDailyJob } from '../../shared/jobs/recurring.js';
import type { GlobalRootRow } from './log.repo.js';
import type { WitnessService } from './witness.service.js';

/**
 * Sending the log of roots' latest checkpoint to one witness (ADR 0044): a job per witness and new root, so a
 * witness that is down is retried with back-off without holding up the others. The job always sends the latest
 * checkpoint, so a late or repeated run does no harm. The payload is the witness's vkey (public, no user data).
 */
export const witnessPush = defineJob('log.witness-push', z.object({ witness: z.string().min(1).max(500) }).strict(), {
  maxAttempts: 10,
  leaseMs: 2 * 60_000,
});

export function witnessPushHandler(witnesses: WitnessService): JobHandler {
  return handle(witnessPush, async ({ witness }, context) => {
    // A witness taken out of LOG_WITNESSES since the job was queued: nothing to do.
    if (!witnesses.witnesses.includes(witness)) return;
    await witnesses.pushTo(witness, context.signal);
  });
}

/** The listener for log.onPublished: queues a push to every configured witness for this new root. */
export function queueWitnessPushes(
  db: Kysely<Database>,
  witnesses: WitnessService,
  queued: () => void,
): (root: GlobalRootRow) => Promise<void> {
  return async (root) => {
    if (witnesses.witnesses.length === 0) return;
    for (const witness of witnesses.witnesses) {
      await enqueue(db, witnessPush, { witness }, { idempotencyKey: `log.witness-push:${root.seq}:${witness}` });
    }
    queued();
  };
}

/**
 * Once a day, a push to every witness: one that was down longer than its job's attempts, or was added to
 * LOG_WITNESSES while no new root came, catches up without waiting for the next root. Up to date: no request.
 */
export const witnessDaily = defineDailyJob('log.witness-daily');

export function witnessDailyHandler(db: Kysely<Database>, witnesses: WitnessService, queued: () => void): JobHandler {
  return dailyHandler(db, witnessDaily, async (now) => {
    if (witnesses.witnesses.length === 0 || (await witnesses.size()) === 0) return;
    const day = now.toISOString().slice(0, 10);
    for (const witness of witnesses.witnesses) {
      await enqueue(db, witnessPush, { witness }, { idempotencyKey: `log.witness-push:${day}:${witness}` });
    }
    queued();
  });
}
