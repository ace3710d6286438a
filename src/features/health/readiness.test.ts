import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/helpers/app.js';
import { withAdmin } from '../../../test/helpers/postgres.js';

/*
 * Readiness follows the database: /readyz answers 503 while PostgreSQL refuses the app's connections and 200
 * again once it accepts them, without a restart (the pool makes new connections by itself). "Down" here is
 * the app's database refusing every connection (ALLOW_CONNECTIONS false) and every connection the app held cut
 * off, which is what the app sees of a stopped server; the reliability suite stops a whole cluster.
 */
describe('readiness when PostgreSQL goes away and comes back', () => {
  let built: TestApp;
  let name: string;
  const token = 'readiness-test-metrics-token-0123456789';
  before(async () => {
    built = await buildTestApp('postgres', { METRICS_TOKEN: token });
    name = new URL(built.database.env.DATABASE_URL!).pathname.slice(1);
  });
  after(async () => {
    await setConnections(true);
    await built.close();
  });

  /** Allows or refuses connections to the app's database; refusing also ends the connections it has. */
  const setConnections = (allowed: boolean) =>
    withAdmin(process.env.TEST_DATABASE_URL!, async (client) => {
      await client.query(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS ${allowed ? 'true' : 'false'}`);
      if (!allowed) {
        await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
      }
    });

  const ready = () => built.app.inject({ method: 'GET', url: '/readyz' });

  test('503 while the database refuses connections, 200 again once it takes them, the same process', async () => {
    assert.equal((await ready()).statusCode, 200);
    assert.equal((await built.app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200);

    await setConnections(false);
    const down = await ready();
    assert.equal(down.statusCode, 503);
    assert.deepEqual(down.json(), { status: 'unavailable', database: 'postgres' });
    // Liveness stays up (the process serves), so a supervisor does not restart it for the database's sake.
    assert.equal((await built.app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200);
    // The metrics still answer, and count the failed readiness checks as server errors.
    const scrape = await built.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(scrape.statusCode, 200);
    assert.match(scrape.body, /nmk_http_server_errors_total\{method="GET",route="\/readyz"\} 1/);

    await setConnections(true);
    const up = await ready();
    assert.equal(up.statusCode, 200);
    assert.deepEqual(up.json(), { status: 'ready', database: 'postgres' });
    // And the app serves its pages as before.
    assert.equal((await built.app.inject({ method: 'GET', url: '/informatie/over-deze-site' })).statusCode, 200);
  });
});
