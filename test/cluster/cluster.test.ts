import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { HttpBrowser, httpRequest } from '../helpers/cluster-client.js';
import { type Cluster, startCluster } from '../helpers/cluster.js';

/*
 * The harness itself: nginx in front of two instances on one PostgreSQL, round-robin without sticky sessions,
 * and a session made on one instance that the other one knows.
 */

describe('two instances behind nginx', () => {
  let cluster: Cluster;
  before(async () => {
    cluster = await startCluster({ instances: 2 });
  });
  after(() => cluster?.stop());

  test('consecutive requests land on alternating instances, each also reachable directly', async () => {
    const before = cluster.served().length;
    for (let i = 0; i < 6; i++) {
      const response = await httpRequest(`${cluster.url}/healthz`);
      assert.equal(response.status, 200);
    }
    const served = cluster.served().slice(before);
    assert.deepEqual(
      served.map((line) => line.path),
      Array(6).fill('/healthz'),
    );
    const instances = served.map((line) => line.instance);
    for (let i = 1; i < instances.length; i++) assert.notEqual(instances[i], instances[i - 1], instances.join(','));
    assert.deepEqual(new Set(instances), new Set([0, 1]));
    for (const instance of cluster.instances) {
      assert.equal((await httpRequest(`${instance.url}/readyz`)).status, 200);
    }
  });

  test('a parent signed up through one instance is signed in on the other', async () => {
    const browser = new HttpBrowser(cluster.url);
    await browser.get('/registreren');
    const signUp = await browser.post('/registreren', {
      gebruikersnaam: 'cluster-ouder',
      wachtwoord: 'een lange zin die niemand raadt 42',
      herhaling: 'een lange zin die niemand raadt 42',
    });
    assert.equal(signUp.status, 200, signUp.text.slice(0, 500));
    // Straight to each instance with the same cookies: both know the session (it is in the database).
    for (const instance of cluster.instances) {
      const direct = new HttpBrowser(instance.url);
      for (const [name, value] of browser.cookies) direct.cookies.set(name, value);
      const account = await direct.get('/account');
      assert.equal(account.status, 200, `instance at ${instance.url}: ${account.status}`);
      assert.match(account.text, /cluster-ouder/);
    }
  });
});
