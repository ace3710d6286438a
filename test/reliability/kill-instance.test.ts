import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { journalActorOf } from '../../src/features/journal/journal.service.js';
import { createServices } from '../../src/services.js';
import { sessionCookieName } from '../../src/shared/auth/session-cookie.js';
import { loadConfig } from '../../src/shared/config/config.js';
import { openDatabase } from '../../src/shared/db/database.js';
import { runCli } from '../helpers/app-process.js';
import { type Cluster, startCluster } from '../helpers/cluster.js';
import { entryToken, logIn, postEntry, send, signUp, uniqueText } from './support.js';

/*
 * Issue 17 point 5, the crash test of issue 7 (test/crash.test.ts) with two instances: two app processes behind
 * nginx on one PostgreSQL, a parent keeps CONCURRENCY journal entries in flight, and one instance gets SIGKILL in
 * the middle. The other instance goes on acknowledging entries (nginx sends what the dead one refuses to the living
 * one); only requests that were in flight on the killed instance may fail. Then the killed instance is started
 * again, and: every acknowledged entry is there with its text (read through nginx, so from both instances), the
 * parent's own check of the journal passes, the stored entries are at least the acknowledged ones and at most those
 * plus the ones in flight at the kill, none stored twice, and `verify-journals` finds the log intact.
 */

const USERNAME = 'ouder.tweekoppig';
const CONCURRENCY = 8;
const ACKNOWLEDGED_BEFORE_KILL = 24;
const ACKNOWLEDGED_AFTER_KILL = 24;
const MAX_REQUESTS = 600;

describe('one of two instances killed during a burst of appends', () => {
  let cluster: Cluster | undefined;
  after(() => cluster?.stop());

  test('loses no acknowledged entry; the other instance keeps serving', { timeout: 300_000 }, async (t) => {
    cluster = await startCluster({
      instances: 2,
      env: { UPLOADS_IN_FLIGHT_MAX: String(CONCURRENCY), UPLOADS_PER_ACCOUNT_MAX: String(CONCURRENCY) },
    });
    const running = cluster;
    const base = running.url;
    const jar = await signUp(base, USERNAME);
    const token = await entryToken(base, jar);

    const acknowledged: { id: string; text: string; afterKill: boolean }[] = [];
    const failedAfterKill: number[] = [];
    const failedBeforeKill: number[] = [];
    let started = 0;
    let inFlight = 0;
    let inFlightAtKill = -1;
    let killed: Promise<void> | undefined;
    let killedAt = -1;
    const worker = async () => {
      while (started < MAX_REQUESTS) {
        const afterKillCount = acknowledged.filter((entry) => entry.afterKill).length;
        if (killed !== undefined && afterKillCount >= ACKNOWLEDGED_AFTER_KILL) return;
        const sentAfterKill = killed !== undefined;
        const text = uniqueText(`kill-${started}`);
        started += 1;
        inFlight += 1;
        try {
          const { answer, id } = await postEntry(base, jar, token, text);
          if (id !== undefined) acknowledged.push({ id, text, afterKill: sentAfterKill });
          else (killed === undefined ? failedBeforeKill : failedAfterKill).push(answer.status);
        } catch {
          (killed === undefined ? failedBeforeKill : failedAfterKill).push(0);
        } finally {
          inFlight -= 1;
        }
        if (killed === undefined && acknowledged.length >= ACKNOWLEDGED_BEFORE_KILL) {
          inFlightAtKill = inFlight;
          killedAt = started;
          killed = running.kill(0, 'SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    await killed;
    t.diagnostic(
      `${started} posts, ${acknowledged.length} acknowledged (${acknowledged.filter((e) => e.afterKill).length} ` +
        `sent after the kill), ${inFlightAtKill} in flight at the kill (post ${killedAt}), ` +
        `failures before ${JSON.stringify(failedBeforeKill)}, after ${JSON.stringify(failedAfterKill)}`,
    );
    assert.equal(running.instances[0]!.child.signalCode, 'SIGKILL', 'instance 0 died of the kill');
    assert.equal(running.instances[1]!.child.exitCode, null, 'instance 1 is still running');
    assert.deepEqual(failedBeforeKill, [], 'every answer before the kill was an acknowledgement');
    assert.ok(inFlightAtKill > 0, 'requests were in flight when the instance was killed');
    // Only requests that were already on their way to the killed instance may fail (502 from nginx).
    assert.ok(failedAfterKill.length <= inFlightAtKill, `${failedAfterKill.length} failed after the kill`);
    assert.ok(
      failedAfterKill.every((status) => status === 502 || status === 0),
      JSON.stringify(failedAfterKill),
    );
    assert.ok(
      acknowledged.filter((entry) => entry.afterKill).length >= ACKNOWLEDGED_AFTER_KILL,
      'the living instance kept acknowledging entries',
    );

    await running.restart(0);
    const again = await logIn(base, USERNAME);
    for (const { id, text } of acknowledged) {
      const page = await send(base, again, `/logboek/${id}`);
      assert.equal(page.status, 200, `acknowledged entry ${id}`);
      assert.ok(page.text.includes(text), `entry ${id} shows its text`);
    }
    const servedBy = new Set(
      running
        .served()
        .filter((line) => line.path.startsWith('/logboek/') && line.method === 'GET')
        .map((line) => line.instance),
    );
    assert.deepEqual([...servedBy].sort(), [0, 1], 'the entries were read from both instances');

    // The parent's own check, on the stored data (as test/crash.test.ts does).
    const config = loadConfig({ NODE_ENV: 'test', ...running.env });
    const handle = openDatabase(config.database);
    let size: number;
    try {
      const services = createServices(handle, config);
      const session = await services.accounts.currentSession(again.get(sessionCookieName(false)));
      assert.ok(session !== undefined, 'the session of the login');
      const who = journalActorOf(session);
      const checked = await services.journal.check(who);
      assert.deepEqual(checked.problems, []);
      size = checked.size;
      assert.ok(size >= acknowledged.length, `${size} stored, ${acknowledged.length} acknowledged`);
      assert.ok(size <= acknowledged.length + failedAfterKill.length, `${size} stored`);
      const listed = await services.journal.everything(who);
      assert.equal(listed.length, size);
      const texts = listed.map((entry) => entry.observation?.text);
      assert.equal(new Set(texts).size, texts.length, 'no entry was stored twice');
    } finally {
      await handle.close();
    }
    const verified = await runCli(['verify-journals'], running.env);
    assert.equal(verified.status, 0, verified.stdout + verified.stderr);
    assert.match(verified.stdout, new RegExp(`: ok \\(${size} entries\\)$`, 'm'));
  });
});
