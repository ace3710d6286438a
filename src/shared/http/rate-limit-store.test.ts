import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import Fastify from 'fastify';
import fastifyRateLimit from '@fastify/rate-limit';
import { describeEachDialect } from '../../../test/helpers/databases.js';
import { openDatabase } from '../db/database.js';
import { createRateLimitsRepository } from '../db/rate-limits.js';
import { databaseRateLimitStore, memoryRateLimitStore } from './rate-limit-store.js';

/*
 * The rate limit's store in the database (issue 17, ADR 0041), on both databases: counts in a fixed window, a new
 * window once it ended, a route's own limit apart from the global one, ended windows deleted, no client address
 * stored; on PostgreSQL two instances (two pools) share one count.
 */

const hashKey = (key: string) => `hashed:${Buffer.from(key).toString('hex')}`;

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;
/** The store's read (the plugin calls it for `{ increment: false }`; its type does not list it). */
type Readable = FastifyRateLimitStore & {
  read(key: string, callback: Callback, timeWindow: number, max: number): void;
};

const incr = (store: FastifyRateLimitStore, key: string, windowMs: number) =>
  new Promise<{ current: number; ttl: number }>((resolve, reject) => {
    store.incr(key, (error, result) => (error ? reject(error) : resolve(result!)), windowMs, 10);
  });

describeEachDialect('rate-limit store', (database, dialect) => {
  test('counts in a window, starts again when it ends, keeps a route apart and stores no address', async () => {
    let now = 1_000_000;
    const Store = databaseRateLimitStore(createRateLimitsRepository(database().handle.db), {
      hashKey,
      clock: () => now,
    });
    const global = new Store({});
    const route = global.child({ routeInfo: { method: 'POST', url: '/feedback/:slug' } } as never);

    assert.deepEqual(await incr(global, '192.0.2.7', 1_000), { current: 1, ttl: 1_000 });
    now += 400;
    assert.deepEqual(await incr(global, '192.0.2.7', 1_000), { current: 2, ttl: 600 });
    assert.deepEqual(await incr(route, '192.0.2.7', 1_000), { current: 1, ttl: 1_000 }, 'a route counts apart');
    assert.deepEqual(await incr(global, '192.0.2.8', 1_000), { current: 1, ttl: 1_000 }, 'another client apart');
    now += 600;
    assert.deepEqual(await incr(global, '192.0.2.7', 1_000), { current: 1, ttl: 1_000 }, 'a new window');

    const rows = await database().handle.db.selectFrom('rate_limits').selectAll().execute();
    assert.ok(rows.length >= 3);
    assert.ok(
      rows.every((row) => !row.key.includes('192.0.2')),
      'the address is stored only as a keyed hash',
    );
    assert.deepEqual([...new Set(rows.map((row) => row.bucket))].sort(), ['', 'POST /feedback/:slug']);
  });

  test('read tells the count without counting; ended windows are deleted', async () => {
    let now = 5_000_000;
    const repo = createRateLimitsRepository(database().handle.db);
    const Store = databaseRateLimitStore(repo, { hashKey, clock: () => now });
    const store = new Store({});
    await incr(store, '198.51.100.1', 1_000);
    await incr(store, '198.51.100.1', 1_000);
    const read = () =>
      new Promise<{ current: number; ttl: number }>((resolve, reject) => {
        (store as Readable).read(
          '198.51.100.1',
          (error, result) => (error ? reject(error) : resolve(result!)),
          1_000,
          10,
        );
      });
    assert.deepEqual(await read(), { current: 2, ttl: 1_000 });
    assert.deepEqual(await read(), { current: 2, ttl: 1_000 });
    now += 2_000;
    assert.deepEqual(await read(), { current: 0, ttl: 0 });
    assert.ok((await repo.deleteEnded(now)) >= 1);
    const left = await database().handle.db.selectFrom('rate_limits').select('reset_at').execute();
    assert.ok(left.every((row) => Number(row.reset_at) > now));
  });

  test('through the plugin: the limit answers 429 after max requests, and a failing store is not a pass', async () => {
    const Store = databaseRateLimitStore(createRateLimitsRepository(database().handle.db), { hashKey });
    const app = Fastify();
    await app.register(fastifyRateLimit, { max: 3, timeWindow: 60_000, store: Store });
    app.get('/', () => 'ok');
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      statuses.push((await app.inject({ method: 'GET', url: '/', remoteAddress: '203.0.113.5' })).statusCode);
    }
    assert.deepEqual(statuses, [200, 200, 200, 429, 429]);
    // createRateLimit() (the early answers' path) counts in the same store and bucket.
    const limit = app.createRateLimit();
    const result = await limit({ ip: '203.0.113.5', routeOptions: { config: {} } } as never);
    assert.equal(result.isAllowed, false);
    assert.equal(result.isAllowed === false && result.isExceeded, true);
    await app.close();
  });

  if (dialect !== 'postgres') return;

  test('two instances (two pools on one database) share one count, also when they count at the same time', async () => {
    const other = openDatabase({ kind: 'postgres', url: database().env.DATABASE_URL! });
    try {
      const stores = [database().handle, other].map((handle) => {
        const Store = databaseRateLimitStore(createRateLimitsRepository(handle.db), { hashKey });
        return new Store({});
      });
      const counts = await Promise.all(
        Array.from({ length: 40 }, (_, i) => incr(stores[i % 2]!, '2001:db8::1', 60_000)),
      );
      assert.deepEqual(
        counts.map((count) => count.current).sort((a, b) => a - b),
        Array.from({ length: 40 }, (_, i) => i + 1),
        'every request counted once, none lost',
      );
    } finally {
      await other.close();
    }
  });
});

test('in memory: a fixed window per limit and client, counted at once, as the plugin counts it', async () => {
  let now = 1_000_000;
  const { store: Store, countNow } = memoryRateLimitStore({ clock: () => now });
  const global = new Store({});
  const route = global.child({ routeInfo: { method: 'POST', url: '/feedback/:slug' } } as never);
  assert.deepEqual(await incr(global, '192.0.2.7', 1_000), { current: 1, ttl: 1_000 });
  now += 400;
  // The early answers' count is the global limit's: the same window.
  assert.deepEqual(countNow('192.0.2.7', 1_000), { current: 2, ttl: 600 });
  assert.deepEqual(await incr(route, '192.0.2.7', 1_000), { current: 1, ttl: 1_000 }, 'a route counts apart');
  assert.deepEqual(await incr(global, '192.0.2.8', 1_000), { current: 1, ttl: 1_000 }, 'another client apart');
  const read = (store: FastifyRateLimitStore, key: string) =>
    new Promise((resolve) => (store as Readable).read(key, (_error, result) => resolve(result), 1_000, 10));
  assert.deepEqual(await read(global, '192.0.2.7'), { current: 2, ttl: 600 }, 'read does not count');
  now += 600;
  assert.deepEqual(await incr(global, '192.0.2.7', 1_000), { current: 1, ttl: 1_000 }, 'a new window');
});

test('in memory: at most maxKeys clients are kept, ended windows and then the oldest go first', () => {
  let now = 0;
  const { countNow } = memoryRateLimitStore({ maxKeys: 3, clock: () => now });
  countNow('a', 1_000);
  countNow('a', 1_000);
  countNow('b', 10_000);
  countNow('c', 10_000);
  now = 2_000; // a's window ended
  countNow('d', 10_000); // a goes
  assert.equal(countNow('b', 10_000).current, 2, 'b kept');
  countNow('e', 10_000); // full: the oldest window (b's) goes
  assert.equal(countNow('c', 10_000).current, 2, 'c kept');
  assert.equal(countNow('b', 10_000).current, 1, 'b was forgotten and starts again');
});

test('in memory, through the plugin: 429 after max requests in the window', async () => {
  const { store } = memoryRateLimitStore();
  const app = Fastify();
  await app.register(fastifyRateLimit, { max: 3, timeWindow: 60_000, store });
  app.get('/', () => 'ok');
  const statuses: number[] = [];
  for (let index = 0; index < 5; index += 1) statuses.push((await app.inject({ method: 'GET', url: '/' })).statusCode);
  assert.deepEqual(statuses, [200, 200, 200, 429, 429]);
  await app.close();
});
