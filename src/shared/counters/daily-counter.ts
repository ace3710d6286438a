import { amsterdamDay } from '../time/amsterdam.js';

/*
 * Anonymous counts per day (Europe/Amsterdam), kept in memory and written every few seconds: a write per request
 * would cost more than the rest of the request. The written counts add up in the database, so several instances
 * can count side by side; a crash loses at most the last few seconds (statistics, nothing about a visitor).
 * Used by the check (outcomes per version and level) and the help finder (lookups per veiligheidsregio).
 */

export interface DailyCounterOptions {
  /** How often pending counts are written (they are also written on flush() and close()). */
  flushMs?: number;
  clock?: () => Date;
  /** A failed write keeps its counts for the next one; this hears about the failure. */
  onFlushError?: (error: unknown) => void;
}

export interface DailyCounter<Fields extends Record<string, string | number>> {
  /** Counts one (or `by`) for today and these fields. */
  add: (fields: Fields, by?: number) => void;
  /** Writes pending counts now (tests, and before the database closes). */
  flush: () => Promise<void>;
  /** Stops the timer and writes what is pending. */
  close: () => Promise<void>;
}

export function createDailyCounter<Fields extends Record<string, string | number>>(
  write: (counts: (Fields & { day: string; count: number })[]) => Promise<void>,
  options: DailyCounterOptions = {},
): DailyCounter<Fields> {
  const clock = options.clock ?? (() => new Date());
  const pending = new Map<string, Fields & { day: string; count: number }>();
  let timer: NodeJS.Timeout | undefined;

  function addOn(day: string, fields: Fields, by: number): void {
    const key = `${day}\u0000${Object.values(fields).join('\u0000')}`;
    const entry = pending.get(key);
    if (entry === undefined) pending.set(key, { ...fields, day, count: by });
    else entry.count += by;
    timer ??= setInterval(() => void flush(), options.flushMs ?? 2_000).unref();
  }

  async function flush(): Promise<void> {
    if (pending.size === 0) return;
    const counts = [...pending.values()];
    pending.clear();
    try {
      await write(counts);
    } catch (error) {
      for (const { day, count, ...fields } of counts) addOn(day, fields as unknown as Fields, count);
      options.onFlushError?.(error);
    }
  }

  return {
    add: (fields, by = 1) => addOn(amsterdamDay(clock()), fields, by),
    flush,
    close: async () => {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
      await flush();
    },
  };
}
