import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { processSecrets, runCli, type ServerProcess, startServerProcess } from '../helpers/app-process.js';
import {
  type Answer,
  CookieJar,
  entryToken,
  eventually,
  isDutchUnavailablePage,
  logIn,
  type OwnPostgres,
  postEntry,
  send,
  signUp,
  sleep,
  startOwnPostgres,
  uniqueText,
} from './support.js';

/*
 * Issue 17 point 5: PostgreSQL stopped and started again under load. A server process on a PostgreSQL cluster of
 * the test's own serves a parent who keeps writing journal entries and reading pages. The cluster is stopped: every
 * answer while it is down is either a page the app can serve without it or the Dutch "briefly unavailable" page
 * (503, never a 500), and readiness says 503. The cluster comes back: the same process (no restart) serves the
 * parent again within seconds, every entry it acknowledged before, during and after is there, and
 * `verify-journals` finds the log intact.
 */

const USERNAME = 'ouder.storing';
const WORKERS = 4;

interface Load {
  acknowledged: { id: string; text: string }[];
  /** Every answer by phase, as "status path". */
  answers: Map<string, Answer[]>;
  /** Requests that got no HTTP answer at all (the connection failed). */
  noAnswer: number;
}

describe('PostgreSQL stopped and started under load', () => {
  let postgres: OwnPostgres | undefined;
  let server: ServerProcess | undefined;
  after(async () => {
    // A process that died on its own says why in its last lines.
    if (server !== undefined && server.child.exitCode !== null && server.child.exitCode !== 0) {
      process.stderr.write(`server exited ${server.child.exitCode}:\n${server.output().slice(-6000)}\n`);
    }
    await server?.stop('SIGKILL');
    postgres?.remove();
  });

  test('answers a Dutch 503 page while it is down and recovers without a restart', { timeout: 240_000 }, async (t) => {
    postgres = await startOwnPostgres();
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'nmk-rel-outage-'));
    t.after(() => rmSync(dataDir, { recursive: true, force: true }));
    const env = {
      ...processSecrets(),
      DATABASE_URL: postgres.url,
      DATA_DIR: dataDir,
      RATE_LIMIT_MAX: '1000000',
      UPLOADS_IN_FLIGHT_MAX: String(WORKERS * 2),
      UPLOADS_PER_ACCOUNT_MAX: String(WORKERS * 2),
    };
    server = await startServerProcess(env, 120_000);
    const base = server.baseUrl;
    const jar = await signUp(base, USERNAME);
    const token = await entryToken(base, jar);

    let phase = 'before';
    let running = true;
    const load: Load = { acknowledged: [], answers: new Map(), noAnswer: 0 };
    const record = (answer: Answer, what: string) => {
      const list = load.answers.get(phase) ?? [];
      list.push({ ...answer, location: what });
      load.answers.set(phase, list);
    };
    const worker = async (index: number) => {
      for (let round = 0; running; round += 1) {
        try {
          if ((round + index) % 3 === 0) {
            const text = uniqueText(`storing-${phase}`);
            const { answer, id } = await postEntry(base, jar, token, text);
            record(answer, 'POST /logboek');
            if (id !== undefined) load.acknowledged.push({ id, text });
          } else {
            const path = ['/logboek', '/', '/account', '/informatie'][(round + index) % 4]!;
            record(await send(base, jar, path), `GET ${path}`);
          }
        } catch {
          load.noAnswer += 1;
          await sleep(50);
        }
      }
    };
    const workers = Array.from({ length: WORKERS }, (_, index) => worker(index));

    let readyWhileDown: Answer;
    let pageWhileDown: Answer;
    let urgentWhileDown: Answer;
    let recovered: boolean;
    try {
      await sleep(2_000);
      phase = 'down';
      postgres.stop('fast');
      await sleep(4_000);
      readyWhileDown = await send(base, new CookieJar(), '/readyz');
      pageWhileDown = await send(base, jar, '/logboek');
      // What to do right now needs no database: a visitor still gets it (the rate limit skips its store).
      urgentWhileDown = await send(base, new CookieJar(), '/nu');
      phase = 'back';
      postgres.start();
      recovered = await eventually(async () => (await send(base, jar, '/logboek')).status === 200, 30_000);
      await sleep(2_000);
    } finally {
      // Also when something above failed: the workers must end, or the test process never does.
      running = false;
      await Promise.all(workers);
    }

    assert.equal(server.child.exitCode, null, 'the server process kept running');
    assert.equal(server.child.signalCode, null);
    assert.equal(readyWhileDown.status, 503, 'readiness fails while the database is down');
    assert.ok(isDutchUnavailablePage(pageWhileDown), `a journal page while down: ${pageWhileDown.status}`);
    assert.equal(urgentWhileDown.status, 200, '/nu is served while the database is down');
    assert.ok(recovered, 'the journal page is served again after PostgreSQL is back, without a restart');

    const summary = (list: Answer[] = []) => {
      const counts = new Map<string, number>();
      for (const answer of list) {
        const key = `${answer.status} ${answer.location}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      return [...counts].map(([key, count]) => `${key}: ${count}`);
    };
    t.diagnostic(`before: ${summary(load.answers.get('before')).join(', ')}`);
    t.diagnostic(`down: ${summary(load.answers.get('down')).join(', ')}`);
    t.diagnostic(`back: ${summary(load.answers.get('back')).join(', ')}`);
    t.diagnostic(`no answer at all: ${load.noAnswer}; acknowledged entries: ${load.acknowledged.length}`);

    const all = [...load.answers.values()].flat();
    const fiveHundreds = all.filter((answer) => answer.status >= 500 && answer.status !== 503);
    assert.deepEqual(
      fiveHundreds.map((answer) => `${answer.status} ${answer.location}`),
      [],
      'no 500 while the database is away',
    );
    const unclear = all.filter((answer) => answer.status === 503 && !isDutchUnavailablePage(answer));
    assert.deepEqual(
      unclear.map((answer) => answer.location),
      [],
      'every 503 is the Dutch page',
    );
    assert.equal(load.noAnswer, 0, 'every request got an HTTP answer');
    assert.ok(
      (load.answers.get('down') ?? []).some((answer) => answer.status === 503),
      'the outage was seen',
    );
    assert.ok(
      (load.answers.get('back') ?? []).some((answer) => answer.status === 303 && answer.location === 'POST /logboek'),
      'entries are acknowledged again after the outage',
    );

    // Nothing acknowledged was lost, and the log of the parent verifies.
    const again = await logIn(base, USERNAME);
    for (const { id, text } of load.acknowledged) {
      const page = await send(base, again, `/logboek/${id}`);
      assert.equal(page.status, 200, `acknowledged entry ${id}`);
      assert.ok(page.text.includes(text), `entry ${id} shows its text`);
    }
    await server.stop('SIGTERM');
    const verified = await runCli(['verify-journals'], env);
    assert.equal(verified.status, 0, verified.stdout + verified.stderr);
    assert.match(verified.stdout, /: ok \(\d+ entries\)$/m);
  });
});
