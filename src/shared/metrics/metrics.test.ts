import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/helpers/app.js';
import { registeredRoutes } from '../../../test/helpers/routes.js';
import { createMetrics, type MetricSources } from './metrics.js';
import { bearerMatches, listenForMetrics, metricsAddress } from './metrics-http.js';

const token = 'metrics-token-for-the-tests-0123456789abcdef';

interface Answer {
  status: number;
  headers: Record<string, unknown>;
  body: string;
}

function get(port: number, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const sent = httpRequest({ host: '127.0.0.1', port, path, method, headers, agent: false }, (response) => {
      let text = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
    });
    sent.on('error', reject);
    sent.end();
  });
}

/** Every sample line of a scrape: its metric name, labels and value. */
function samples(text: string): { name: string; labels: Record<string, string>; value: number }[] {
  const found = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([a-z_:][a-z0-9_:]*)(?:\{(.*)\})? (\S+)$/i.exec(line);
    assert.ok(match, `a sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const pair of (match[2] ?? '').matchAll(/([a-z_]+)="((?:[^"\\]|\\.)*)"/g)) labels[pair[1]!] = pair[2]!;
    found.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return found;
}

const valueOf = (text: string, name: string, labels: Record<string, string>): number | undefined =>
  samples(text).find(
    (sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
  )?.value;

const fakeSources = (overrides: Partial<MetricSources> = {}): MetricSources => ({
  pool: undefined,
  jobCounts: () => Promise.resolve({ queued: 0, running: 0, done: 0, dead: 0 }),
  argon2: () => ({ active: 0, waiting: 0 }),
  ...overrides,
});

test('the bearer token is matched exactly, and only as a bearer token', () => {
  assert.equal(bearerMatches(`Bearer ${token}`, token), true);
  assert.equal(bearerMatches(`bearer ${token}`, token), true);
  for (const header of [undefined, '', token, `Bearer ${token}x`, `Bearer ${token.slice(1)}`, `Basic ${token}`]) {
    assert.equal(bearerMatches(header, token), false, String(header));
  }
  assert.equal(bearerMatches('Bearer ', token), false);
});

test('a 5xx is counted as an error and by its status class; an odd method is "other"', async () => {
  const metrics = createMetrics(fakeSources());
  try {
    metrics.responded('GET', '/readyz', 503, 12);
    metrics.responded('GET', '/readyz', 200, 3);
    metrics.responded('PROPFIND', 'not-found', 404, 1);
    const text = await metrics.text();
    assert.equal(valueOf(text, 'nmk_http_server_errors_total', { method: 'GET', route: '/readyz' }), 1);
    const requests = { method: 'GET', route: '/readyz', status_class: '5xx' };
    assert.equal(valueOf(text, 'nmk_http_requests_total', requests), 1);
    assert.equal(valueOf(text, 'nmk_http_requests_total', { ...requests, status_class: '2xx' }), 1);
    assert.equal(valueOf(text, 'nmk_http_request_duration_seconds_bucket', { ...requests, le: '0.025' }), 1);
    assert.equal(valueOf(text, 'nmk_http_request_duration_seconds_bucket', { ...requests, le: '0.005' }), 0);
    assert.equal(valueOf(text, 'nmk_http_requests_total', { method: 'other', route: 'not-found' }), 1);
    assert.doesNotMatch(text, /PROPFIND/);
  } finally {
    metrics.close();
  }
});

test('pool, Argon2 queue and job counts are read when scraped; jobs are counted at most every few seconds', async () => {
  let asked = 0;
  const metrics = createMetrics(
    fakeSources({
      pool: () => ({ total: 7, idle: 2, waiting: 3 }),
      argon2: () => ({ active: 4, waiting: 9 }),
      jobCounts: () => {
        asked += 1;
        return Promise.resolve({ queued: 5, running: 1, done: 20, dead: 2 });
      },
    }),
  );
  try {
    const text = await metrics.text();
    assert.equal(valueOf(text, 'nmk_db_pool_connections', { state: 'total' }), 7);
    assert.equal(valueOf(text, 'nmk_db_pool_connections', { state: 'idle' }), 2);
    assert.equal(valueOf(text, 'nmk_db_pool_waiting', {}), 3);
    assert.equal(valueOf(text, 'nmk_argon2_hashes', { state: 'active' }), 4);
    assert.equal(valueOf(text, 'nmk_argon2_hashes', { state: 'waiting' }), 9);
    assert.equal(valueOf(text, 'nmk_jobs', { state: 'queued' }), 5);
    assert.equal(valueOf(text, 'nmk_jobs', { state: 'dead' }), 2);
    assert.ok((valueOf(text, 'nmk_process_resident_memory_bytes', {}) ?? 0) > 0);
    // Scraped again and again (several Prometheus servers, a short interval): one query.
    await Promise.all([metrics.text(), metrics.text(), metrics.text()]);
    assert.equal(asked, 1);
  } finally {
    metrics.close();
  }
  // A database that does not answer leaves the last counts; the scrape still answers.
  const sqlite = createMetrics(fakeSources({ jobCounts: () => Promise.reject(new Error('database down')) }));
  try {
    const text = await sqlite.text();
    assert.equal(valueOf(text, 'nmk_jobs', { state: 'queued' }), 0);
    assert.equal(valueOf(text, 'nmk_db_pool_connections', { state: 'total' }), 1, 'SQLite: one connection');
    assert.equal(valueOf(text, 'nmk_db_pool_waiting', {}), undefined);
  } finally {
    sqlite.close();
  }
});

describe('metrics on the public port', () => {
  test('without METRICS_TOKEN there is no /metrics (404) and nothing is kept', async () => {
    const built = await buildTestApp('sqlite');
    try {
      assert.equal(built.services.metrics, undefined);
      const response = await built.app.inject({
        method: 'GET',
        url: '/metrics',
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(response.statusCode, 404);
      assert.doesNotMatch(response.body, /nmk_/);
    } finally {
      await built.close();
    }
  });

  describe('with METRICS_TOKEN', () => {
    let built: TestApp;
    before(async () => {
      built = await buildTestApp('sqlite', { METRICS_TOKEN: token, RATE_LIMIT_MAX: '100000' });
    });
    after(() => built.close());

    test('a missing, wrong or non-bearer token gets 401; the right one the metrics', async () => {
      for (const authorization of [undefined, `Bearer ${token.slice(0, -1)}`, `Basic ${token}`, token]) {
        const response = await built.app.inject({
          method: 'GET',
          url: '/metrics',
          headers: authorization === undefined ? {} : { authorization },
        });
        assert.equal(response.statusCode, 401, String(authorization));
        assert.equal(response.headers['www-authenticate'], 'Bearer');
        assert.doesNotMatch(response.body, /nmk_/);
      }
      await built.app.inject({ method: 'GET', url: '/nu' });
      const response = await built.app.inject({
        method: 'GET',
        url: '/metrics',
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(response.statusCode, 200);
      assert.match(String(response.headers['content-type']), /^text\/plain; version=0\.0\.4/);
      assert.equal(response.headers['cache-control'], 'no-store');
      const pages = valueOf(response.body, 'nmk_http_requests_total', {
        method: 'GET',
        route: '/nu',
        status_class: '2xx',
      });
      assert.ok(pages !== undefined && pages >= 1);
      assert.match(response.body, /nmk_eventloop_delay_seconds/);
    });

    test('every label value after a walk of every route with personal data in paths and queries is from the closed sets', async () => {
      const personal = ['jan.jansen@example.org', '0612345678', 'Piet de Vries', '1234AB'];
      const routes = registeredRoutes(built.app);
      assert.ok(routes.length > 50, 'the walk covers the app');
      const patterns = new Set(routes.map((route) => route.path));
      for (const { method, path } of routes) {
        const filled = path.replaceAll(/:[A-Za-z]+/g, () => encodeURIComponent(personal[0]!)).replace('*', 'x');
        await built.app.inject({
          method: method as 'GET',
          url: `${filled}?naam=${encodeURIComponent(personal[2]!)}&telefoon=${personal[1]}`,
          ...(method === 'GET' ? {} : { payload: { naam: personal[2], postcode: personal[3] } }),
        });
      }
      for (const url of [`/${encodeURIComponent(personal[0]!)}`, `/informatie/${personal[1]}/${personal[3]}`]) {
        await built.app.inject({ method: 'GET', url });
        await built.app.inject({ method: 'PROPFIND' as 'GET', url });
      }
      const response = await built.app.inject({
        method: 'GET',
        url: '/metrics',
        headers: { authorization: `Bearer ${token}` },
      });
      const seen = { methods: new Set<string>(), routes: new Set<string>(), classes: new Set<string>() };
      for (const sample of samples(response.body)) {
        for (const [label, value] of Object.entries(sample.labels)) {
          if (label === 'method') seen.methods.add(value);
          else if (label === 'route') seen.routes.add(value);
          else if (label === 'status_class') seen.classes.add(value);
          else if (label === 'le') assert.ok(value === '+Inf' || Number.isFinite(Number(value)), value);
          else if (label === 'state' || label === 'stat') assert.match(value, /^[a-z0-9]+$/, `${label}=${value}`);
          else assert.fail(`an unexpected label ${label}="${value}" on ${sample.name}`);
        }
      }
      for (const method of seen.methods) {
        assert.ok(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'other'].includes(method), method);
      }
      for (const route of seen.routes) assert.ok(route === 'not-found' || patterns.has(route), route);
      for (const statusClass of seen.classes) assert.match(statusClass, /^[1-5]xx$/);
      assert.ok(seen.routes.size > 50, 'the walk was counted by route pattern');
      assert.ok(seen.routes.has('not-found'));
      for (const value of [...personal, ...personal.map(encodeURIComponent), 'naam=', 'PROPFIND']) {
        assert.equal(response.body.includes(value), false, `the scrape holds no ${value}`);
      }
    });
  });

  test('pages answered early, before Fastify, are counted too', async () => {
    const built = await buildTestApp('sqlite', { METRICS_TOKEN: token, RATE_LIMIT_MAX: '100000' });
    const reachedFastify = { count: 0 };
    built.app.addHook('onRequest', (_request, _reply, done) => {
      reachedFastify.count += 1;
      done();
    });
    try {
      await built.app.listen({ host: '127.0.0.1', port: 0 });
      const { port } = built.app.server.address() as AddressInfo;
      for (let index = 0; index < 3; index++) assert.equal((await get(port, '/nu')).status, 200);
      assert.equal(reachedFastify.count, 1, 'the second and third were answered early');
      const scrape = await get(port, '/metrics', { authorization: `Bearer ${token}` });
      assert.equal(
        valueOf(scrape.body, 'nmk_http_requests_total', { method: 'GET', route: '/nu', status_class: '2xx' }),
        3,
      );
    } finally {
      await built.close();
    }
  });
});

describe('the metrics port', () => {
  test('METRICS_PORT listens on 127.0.0.1 with the app, answers only GET /metrics, and closes with the app', async () => {
    const built = await buildTestApp('sqlite', { METRICS_PORT: '0' });
    let port: number | undefined;
    try {
      await built.app.ready();
      const address = metricsAddress(built.app);
      assert.ok(address !== undefined);
      assert.equal(address.address, '127.0.0.1');
      port = address.port;
      await built.app.inject({ method: 'GET', url: '/healthz' });
      const scrape = await get(port, '/metrics');
      assert.equal(scrape.status, 200);
      assert.equal(valueOf(scrape.body, 'nmk_http_requests_total', { route: '/healthz', status_class: '2xx' }), 1);
      assert.equal((await get(port, '/metrics', {}, 'HEAD')).status, 200);
      for (const [path, method] of [
        ['/', 'GET'],
        ['/healthz', 'GET'],
        ['/metrics', 'POST'],
        ['/metrics/../nu', 'GET'],
      ] as const) {
        const answer = await get(port, path, {}, method);
        assert.equal(answer.status, 404, `${method} ${path}`);
        assert.doesNotMatch(answer.body, /nmk_/);
      }
      // Not on the public port: no token is configured.
      assert.equal((await built.app.inject({ method: 'GET', url: '/metrics' })).statusCode, 404);
    } finally {
      await built.close();
    }
    assert.equal(metricsAddress(built.app), undefined);
    await assert.rejects(get(port, '/metrics'), /ECONNREFUSED/);
  });

  test('with METRICS_TOKEN set, the metrics port asks for it too', async () => {
    const metrics = createMetrics(fakeSources());
    const server = await listenForMetrics(metrics, { port: 0, host: '127.0.0.1', token });
    try {
      const { port } = server.address() as AddressInfo;
      assert.equal((await get(port, '/metrics')).status, 401);
      assert.equal((await get(port, '/metrics', { authorization: 'Bearer wrong' })).status, 401);
      const scrape = await get(port, '/metrics', { authorization: `Bearer ${token}` });
      assert.equal(scrape.status, 200);
      assert.match(scrape.body, /# TYPE nmk_http_request_duration_seconds histogram/);
    } finally {
      metrics.close();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
