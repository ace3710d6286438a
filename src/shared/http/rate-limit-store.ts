import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { RateLimitsRepository } from '../db/rate-limits.js';

/*
 * A store for @fastify/rate-limit in the database (issue 17, ADR 0041), so every instance behind the proxy counts
 * the same requests: with two instances and round-robin, a client gets its 429 at the configured maximum, not at
 * twice it. A fixed window per limit and client, as the plugin's own in-memory store counts (its
 * continueExceeding and exponentialBackoff options are not supported: the app uses neither).
 *
 * One statement per request, an upsert that starts a new window when the old one ended and otherwise adds one,
 * returning the count and the window's end; atomic on both databases (PostgreSQL takes the row's lock, SQLite the
 * database's write lock). The key the plugin hands over (the client's address, app.ts) is stored as a keyed hash
 * under the pepper, never readable. Rows whose window ended are deleted, at most once a minute per instance, after
 * a request (the index on reset_at keeps that cheap).
 *
 * Through `app.createRateLimit()` (the early answers of stored pages, early-answers.ts) the plugin uses this same
 * store with the global limit's bucket, so a page answered early and one answered by Fastify count alike.
 */

export interface RateLimitStoreOptions {
  /** Turns the plugin's key (a client address) into what is stored: a keyed hash. */
  hashKey: (key: string) => string;
  /** Tests only. */
  clock?: () => number;
  /** Told when deleting ended windows failed (the next attempt follows a minute later). */
  onError?: (error: unknown) => void;
}

const sweepEveryMs = 60_000;

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** The limit a store counts for: '' for the global one, "<METHOD> <route pattern>" for a route's own limit. */
function bucketOf(params: unknown): string {
  const info = (params as { routeInfo?: { method?: unknown; url?: unknown } } | undefined)?.routeInfo;
  if (info === undefined || typeof info.url !== 'string') return '';
  const method = Array.isArray(info.method)
    ? info.method.join(',')
    : typeof info.method === 'string'
      ? info.method
      : '';
  return `${method} ${info.url}`;
}

/** The store's constructor, as the plugin's `store` option takes it: `store: databaseRateLimitStore(repo, …)`. */
export function databaseRateLimitStore(
  repo: RateLimitsRepository,
  options: RateLimitStoreOptions,
): FastifyRateLimitStoreCtor {
  const clock = options.clock ?? Date.now;
  let lastSweep = 0;

  const sweep = (now: number) => {
    if (now - lastSweep < sweepEveryMs) return;
    lastSweep = now;
    repo.deleteEnded(now).catch((error: unknown) => options.onError?.(error));
  };

  const increment = async (bucket: string, key: string, windowMs: number) => {
    const now = clock();
    const counted = await repo.increment(bucket, options.hashKey(key), windowMs, now);
    sweep(now);
    return counted;
  };

  const read = (bucket: string, key: string) => repo.read(bucket, options.hashKey(key), clock());

  class DatabaseRateLimitStore implements FastifyRateLimitStore {
    readonly bucket: string;

    constructor(params: unknown) {
      this.bucket = bucketOf(params);
    }

    incr(key: string, callback: Callback, timeWindow: number): void {
      increment(this.bucket, key, timeWindow).then(
        (result) => callback(null, result),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    }

    read(key: string, callback: Callback): void {
      read(this.bucket, key).then(
        (result) => callback(null, result),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    }

    child(params: unknown): FastifyRateLimitStore {
      return new DatabaseRateLimitStore(params);
    }
  }

  return DatabaseRateLimitStore;
}

/** The global limit's count for one client, now (memoryRateLimitStore): what the plugin's incr would answer. */
export type CountNow = (key: string, windowMs: number) => { current: number; ttl: number };

/**
 * The store for one instance (SQLite: one instance per database file), in memory, counting as the database store
 * does (a fixed window per limit and client, the same buckets) and as the plugin's own in-memory store did. Its
 * `incr` answers at once, and `countNow` gives the early answers of stored pages (early-answers.ts) the global
 * limit's count without a promise: a stored page is answered in the request listener's own turn, which was the
 * largest cost left on that path besides the socket write (issue 13). At most `maxKeys` clients are remembered
 * (ended windows go first, then the oldest windows), as the plugin's store kept 5,000.
 */
export function memoryRateLimitStore(options: { maxKeys?: number; clock?: () => number } = {}): {
  store: FastifyRateLimitStoreCtor;
  countNow: CountNow;
} {
  const clock = options.clock ?? Date.now;
  const maxKeys = options.maxKeys ?? 10_000;
  const windows = new Map<string, { count: number; resetAt: number }>();

  const makeRoom = (now: number): void => {
    if (windows.size < maxKeys) return;
    for (const [key, window] of windows) if (window.resetAt <= now) windows.delete(key);
    for (const key of windows.keys()) {
      if (windows.size < maxKeys) break;
      windows.delete(key);
    }
  };

  const count = (bucket: string, key: string, windowMs: number, increment: boolean) => {
    const now = clock();
    const id = `${bucket}\u0000${key}`;
    let window = windows.get(id);
    if (window === undefined || window.resetAt <= now) {
      if (!increment) return { current: 0, ttl: windowMs };
      if (window !== undefined) windows.delete(id);
      makeRoom(now);
      window = { count: 0, resetAt: now + windowMs };
      windows.set(id, window);
    }
    if (increment) window.count += 1;
    return { current: window.count, ttl: window.resetAt - now };
  };

  class MemoryRateLimitStore implements FastifyRateLimitStore {
    readonly bucket: string;

    constructor(params: unknown) {
      this.bucket = bucketOf(params);
    }

    incr(key: string, callback: Callback, timeWindow: number): void {
      callback(null, count(this.bucket, key, timeWindow, true));
    }

    read(key: string, callback: Callback, timeWindow: number): void {
      callback(null, count(this.bucket, key, timeWindow, false));
    }

    child(params: unknown): FastifyRateLimitStore {
      return new MemoryRateLimitStore(params);
    }
  }

  return { store: MemoryRateLimitStore, countNow: (key, windowMs) => count('', key, windowMs, true) };
}
