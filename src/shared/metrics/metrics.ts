import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/*
 * Prometheus metrics (ADR 0042), one registry per app (tests build many apps in one process). Labels come from
 * closed sets only: the HTTP method (a known one, else "other"), the route pattern Fastify matched (from the
 * code, never the URL; "not-found" when none matched) and the status class. Nothing a visitor types can become
 * a label value, so no personal data reaches a time series.
 *
 * Per request the only work is one observation of a histogram child that is kept per series (no label object
 * made per request), and one counter increment on a 5xx. The request count is read from the histogram when
 * scraped; everything else (pool, queue, Argon2, event loop, memory) is read when scraped.
 */

/** What the metrics read when scraped; each a cheap in-memory read except jobCounts (a query, cached). */
export interface MetricSources {
  /** PostgreSQL's pool (pg.Pool's counts); undefined on SQLite, which has one connection. */
  pool: (() => { total: number; idle: number; waiting: number }) | undefined;
  /** How many jobs are in each state (jobs.repo.ts countByState). */
  jobCounts: () => Promise<Record<string, number>>;
  /** The Argon2 limiter in passphrase.ts: hashes running and waiting for a turn. */
  argon2: () => { active: number; waiting: number };
}

export interface Metrics {
  /** Counts one response: called by app.ts's onResponse hook and by early-answers.ts for pages answered early. */
  responded(method: string, route: string, status: number, ms: number): void;
  /** The registry in Prometheus's text format, and its content type. */
  text(): Promise<string>;
  readonly contentType: string;
  /** Stops the event-loop monitor (the app's onClose). */
  close(): void;
}

/** The methods counted by name; anything else (a WebDAV verb, say) is "other". */
const methodNames = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
const statusClasses = ['1xx', '2xx', '3xx', '4xx', '5xx'] as const;
/** Latency buckets in seconds: few, so an observation is cheap; a cached page, a page, a slow page, Argon2. */
const durationBuckets = [0.005, 0.025, 0.1, 0.25, 1, 5];
/** The job counts are a query: asked at most this often, whatever the scrape interval. */
const jobCountsMaxAgeMs = 5_000;
const jobCountsTimeoutMs = 1_000;

interface Series {
  duration: { observe(seconds: number): void };
  error: { inc(): void } | undefined;
}

export function createMetrics(sources: MetricSources): Metrics {
  const registry = new Registry();
  const registers = [registry];

  const duration = new Histogram({
    name: 'nmk_http_request_duration_seconds',
    help: 'Time to answer a request, by method, route pattern and status class.',
    labelNames: ['method', 'route', 'status_class'] as const,
    buckets: durationBuckets,
    registers,
  });
  new Counter({
    name: 'nmk_http_requests_total',
    help: 'Requests answered, by method, route pattern and status class (the count of the duration histogram).',
    labelNames: ['method', 'route', 'status_class'] as const,
    registers,
    async collect() {
      const observed = await duration.get();
      this.reset();
      for (const value of observed.values) {
        if (value.metricName === 'nmk_http_request_duration_seconds_count') {
          const { method, route, status_class } = value.labels;
          this.inc({ method: String(method), route: String(route), status_class: String(status_class) }, value.value);
        }
      }
    },
  });
  const errors = new Counter({
    name: 'nmk_http_server_errors_total',
    help: 'Responses with a 5xx status, by method and route pattern.',
    labelNames: ['method', 'route'] as const,
    registers,
  });

  // route → one slot per method × status class, filled on first use.
  const series = new Map<string, (Series | undefined)[]>();
  const slotsPerRoute = (methodNames.length + 1) * statusClasses.length;
  const seriesFor = (methodIndex: number, route: string, classIndex: number): Series => {
    let slots = series.get(route);
    if (slots === undefined) {
      slots = new Array<Series | undefined>(slotsPerRoute).fill(undefined);
      series.set(route, slots);
    }
    const slot = methodIndex * statusClasses.length + classIndex;
    let found = slots[slot];
    if (found === undefined) {
      const method = methodNames[methodIndex] ?? 'other';
      const status_class = statusClasses[classIndex] ?? '5xx';
      found = {
        duration: duration.labels({ method, route, status_class }),
        error: status_class === '5xx' ? errors.labels({ method, route }) : undefined,
      };
      slots[slot] = found;
    }
    return found;
  };

  // Event-loop delay: sampled by Node every 20 ms, read and reset at each scrape.
  const loop = monitorEventLoopDelay({ resolution: 20 });
  loop.enable();
  new Gauge({
    name: 'nmk_eventloop_delay_seconds',
    help: 'Event-loop delay since the last scrape: median, 99th percentile and maximum.',
    labelNames: ['stat'] as const,
    registers,
    collect() {
      if (loop.count > 0) {
        this.set({ stat: 'p50' }, loop.percentile(50) / 1e9);
        this.set({ stat: 'p99' }, loop.percentile(99) / 1e9);
        this.set({ stat: 'max' }, loop.max / 1e9);
      }
      loop.reset();
    },
  });
  new Gauge({
    name: 'nmk_process_resident_memory_bytes',
    help: 'Resident set size of this process.',
    registers,
    collect() {
      this.set(process.memoryUsage.rss());
    },
  });
  new Gauge({
    name: 'nmk_process_heap_used_bytes',
    help: 'V8 heap in use.',
    registers,
    collect() {
      this.set(process.memoryUsage().heapUsed);
    },
  });

  const pool = sources.pool;
  new Gauge({
    name: 'nmk_db_pool_connections',
    help: 'Database connections: total open and idle (PostgreSQL pool); SQLite has one.',
    labelNames: ['state'] as const,
    registers,
    collect() {
      if (pool === undefined) {
        this.set({ state: 'total' }, 1);
        return;
      }
      const now = pool();
      this.set({ state: 'total' }, now.total);
      this.set({ state: 'idle' }, now.idle);
    },
  });
  if (pool !== undefined) {
    new Gauge({
      name: 'nmk_db_pool_waiting',
      help: 'Queries waiting for a free PostgreSQL connection.',
      registers,
      collect() {
        this.set(pool().waiting);
      },
    });
  }

  let jobCounts: { at: number; counts: Promise<Record<string, number>> } | undefined;
  let lastJobCounts: Record<string, number> = {};
  const currentJobCounts = async (): Promise<Record<string, number>> => {
    const now = Date.now();
    if (jobCounts === undefined || now - jobCounts.at >= jobCountsMaxAgeMs) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error('counting jobs timed out')), jobCountsTimeoutMs);
      });
      const asked = Promise.race([sources.jobCounts(), timeout]).finally(() => clearTimeout(timer));
      jobCounts = { at: now, counts: asked };
    }
    try {
      lastJobCounts = await jobCounts.counts;
    } catch {
      // The database does not answer (readiness says so): the last counts stay, the scrape goes on.
    }
    return lastJobCounts;
  };
  new Gauge({
    name: 'nmk_jobs',
    help: 'Jobs in the queue by state (counted at most every 5 s).',
    labelNames: ['state'] as const,
    registers,
    async collect() {
      const counts = await currentJobCounts();
      for (const state of ['queued', 'running', 'done', 'dead']) this.set({ state }, counts[state] ?? 0);
    },
  });

  new Gauge({
    name: 'nmk_argon2_hashes',
    help: 'Argon2 passphrase hashes running and waiting for a turn (ARGON2_CONCURRENCY).',
    labelNames: ['state'] as const,
    registers,
    collect() {
      const load = sources.argon2();
      this.set({ state: 'active' }, load.active);
      this.set({ state: 'waiting' }, load.waiting);
    },
  });

  return {
    responded(method, route, status, ms) {
      let methodIndex: number = methodNames.length;
      for (let index = 0; index < methodNames.length; index++) {
        if (methodNames[index] === method) {
          methodIndex = index;
          break;
        }
      }
      const classIndex = status >= 100 && status < 600 ? Math.floor(status / 100) - 1 : 4;
      const found = seriesFor(methodIndex, route, classIndex);
      found.duration.observe(ms / 1000);
      found.error?.inc();
    },
    text: () => registry.metrics(),
    contentType: registry.contentType,
    close: () => loop.disable(),
  };
}
