import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Gauge, Registry } from 'prom-client';

/*
 * Prometheus metrics (ADR 0042), one registry per app (tests build many apps in one process). Labels come from
 * closed sets only: the HTTP method (a known one, else "other"), the route pattern Fastify matched (from the
 * code, never the URL; "not-found" when none matched) and the status class. Nothing a visitor types can become
 * a label value, so no personal data reaches a time series.
 *
 * Per request the only work is a lookup of the response's series (made once per method, route and status class)
 * and four additions: nothing is allocated. Everything else (pool, queue, Argon2, event loop, memory) is read
 * when scraped.
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

/** One time series of responses: counts per latency bucket (not cumulative), total count and sum of seconds. */
interface Series {
  readonly method: string;
  readonly route: string;
  readonly statusClass: string;
  readonly buckets: Float64Array;
  count: number;
  sum: number;
}

/** A metric whose values are made when scraped, in the shape prom-client's registry formats. */
interface Collected {
  name: string;
  help: string;
  type: 'counter' | 'histogram';
  aggregator: 'sum';
  get(): Promise<{
    name: string;
    help: string;
    type: 'counter' | 'histogram';
    aggregator: 'sum';
    values: { metricName?: string; labels: Record<string, string | number>; value: number }[];
  }>;
}

function collected(
  registry: Registry,
  name: string,
  help: string,
  type: 'counter' | 'histogram',
  values: () => { metricName?: string; labels: Record<string, string | number>; value: number }[],
): void {
  const metric: Collected = {
    name,
    help,
    type,
    aggregator: 'sum',
    get: () => Promise.resolve({ name, help, type, aggregator: 'sum', values: values() }),
  };
  // The registry reads a metric through get() only (registry.js getMetricsAsString); its type names the classes.
  registry.registerMetric(metric as unknown as Parameters<Registry['registerMetric']>[0]);
}

export function createMetrics(sources: MetricSources): Metrics {
  const registry = new Registry();
  const registers = [registry];

  /*
   * The request series are kept here rather than in prom-client's Histogram: its observe() costs about 2 µs
   * (a label object, a validation and a key string per call), this about 0.05 µs (a map lookup and four
   * additions). prom-client formats them when scraped, from plain arrays.
   */
  const series = new Map<string, (Series | undefined)[]>();
  const all: Series[] = [];
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
      found = {
        method: methodNames[methodIndex] ?? 'other',
        route,
        statusClass: statusClasses[classIndex] ?? '5xx',
        buckets: new Float64Array(durationBuckets.length),
        count: 0,
        sum: 0,
      };
      slots[slot] = found;
      all.push(found);
    }
    return found;
  };
  const labelsOf = (one: Series) => ({ method: one.method, route: one.route, status_class: one.statusClass });

  collected(
    registry,
    'nmk_http_requests_total',
    'Requests answered, by method, route pattern and status class.',
    'counter',
    () => all.map((one) => ({ labels: labelsOf(one), value: one.count })),
  );
  collected(
    registry,
    'nmk_http_request_duration_seconds',
    'Time to answer a request, by method, route pattern and status class.',
    'histogram',
    () =>
      all.flatMap((one) => {
        const labels = labelsOf(one);
        let cumulative = 0;
        const buckets = durationBuckets.map((le, index) => {
          cumulative += one.buckets[index] ?? 0;
          return {
            metricName: 'nmk_http_request_duration_seconds_bucket',
            labels: { ...labels, le },
            value: cumulative,
          };
        });
        return [
          ...buckets,
          {
            metricName: 'nmk_http_request_duration_seconds_bucket',
            labels: { ...labels, le: '+Inf' },
            value: one.count,
          },
          { metricName: 'nmk_http_request_duration_seconds_sum', labels, value: one.sum },
          { metricName: 'nmk_http_request_duration_seconds_count', labels, value: one.count },
        ];
      }),
  );
  collected(
    registry,
    'nmk_http_server_errors_total',
    'Responses with a 5xx status, by method and route pattern.',
    'counter',
    () =>
      all
        .filter((one) => one.statusClass === '5xx')
        .map((one) => ({ labels: { method: one.method, route: one.route }, value: one.count })),
  );

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
      const seconds = ms / 1000;
      found.count += 1;
      found.sum += seconds;
      let bucket = 0;
      while (bucket < durationBuckets.length && seconds > (durationBuckets[bucket] ?? Infinity)) bucket++;
      // Past the last bound only +Inf (the count) holds it.
      if (bucket < found.buckets.length) found.buckets[bucket] = (found.buckets[bucket] ?? 0) + 1;
    },
    text: () => registry.metrics(),
    contentType: registry.contentType,
    close: () => loop.disable(),
  };
}
