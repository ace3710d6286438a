import type { OneInstance } from '../../shared/db/one-instance.js';
import type { GlobalRootRow } from './log.repo.js';

/*
 * The scheduled global root (issue 17, ADR 0041): every instance ticks at the configured interval, but a root is
 * made by one instance at a time (an advisory lock on PostgreSQL) and only when the latest root, whoever made it,
 * is about an interval old. So with several instances there is one scheduled root per interval, not one per
 * instance. Roots made on demand (before an export) count as the latest too.
 */

export interface RootPublisher {
  latest(): Promise<GlobalRootRow | undefined>;
  publish(): Promise<GlobalRootRow | undefined>;
}

/** A root younger than the interval less this share of it is recent enough (timers of instances drift). */
const slackShare = 0.1;

export function createRootSchedule(
  log: RootPublisher,
  oneInstance: OneInstance,
  intervalMs: number,
  clock: () => number = Date.now,
) {
  const slackMs = Math.min(intervalMs * slackShare, 60_000);
  return {
    /**
     * One tick: publishes a root when one is due and no other instance is at it. Returns 'published', 'recent'
     * (the latest root is young enough), or 'busy' (another instance holds the lock).
     */
    async tick(): Promise<'published' | 'recent' | 'busy'> {
      const outcome = await oneInstance.run('log.global-root', async () => {
        const latest = await log.latest();
        if (latest !== undefined && clock() - latest.timeMs < intervalMs - slackMs) return 'recent' as const;
        await log.publish();
        return 'published' as const;
      });
      return outcome?.value ?? 'busy';
    },
  };
}
