import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, describe, test } from 'node:test';
import { sessionCookieName } from '../src/shared/auth/session-cookie.js';
import { journalActorOf } from '../src/features/journal/journal.service.js';
import { createServices } from '../src/services.js';
import { loadConfig } from '../src/shared/config/config.js';
import { openDatabase } from '../src/shared/db/database.js';
import { csrfTokenFrom } from './helpers/app.js';
import {
  type AppDatabase,
  createAppDatabase,
  processSecrets,
  runCli,
  type ServerProcess,
  startServerProcess,
} from './helpers/app-process.js';
import { dialects } from './helpers/databases.js';
import { type CookieJar, send, signUp, submitLogIn } from './helpers/form-browser.js';

/*
 * Issue 7: kill the server (SIGKILL) during a burst of appends, start it again on the same database, and every
 * entry that was acknowledged (303 to /logboek/<id>) is there with its text, the parent's own check of the journal
 * passes, and `verify-journals` finds the log intact. Entries whose request was still in flight may or may not
 * have been stored, but nothing beyond them: each append is one transaction (entry, leaf, index segment,
 * frontier, checkpoint) that is either wholly there or not at all.
 */

const passphrase = 'paarse regenjas op dinsdag';
const username = 'ouder.crash';
/** Requests kept in flight during the burst, and how many acknowledgements to wait for before the kill. */
const CONCURRENCY = 8;
const ACKNOWLEDGED_BEFORE_KILL = 20;
/** An upper bound, so a server that never acknowledges cannot make the burst run forever. */
const MAX_REQUESTS = 400;

async function logIn(server: ServerProcess): Promise<CookieJar> {
  const { answer, jar } = await submitLogIn(server.baseUrl, username, passphrase);
  assert.equal(answer.status, 303, answer.text);
  assert.equal(answer.location, '/account');
  return jar;
}

interface Burst {
  acknowledged: { id: string; text: string }[];
  /** Requests sent and not yet answered when the kill signal went out. */
  inFlightAtKill: number;
  started: number;
  /** Answers other than an acknowledgement (status), which the test does not expect before the kill. */
  unexpected: number[];
}

/**
 * Keeps CONCURRENCY entry posts in flight; a short random moment after the ACKNOWLEDGED_BEFORE_KILL-th
 * acknowledgement the server gets SIGKILL while the others are still on their way.
 */
async function burstThenKill(server: ServerProcess, jar: CookieJar, token: string, label: string): Promise<Burst> {
  const burst: Burst = { acknowledged: [], inFlightAtKill: -1, started: 0, unexpected: [] };
  let inFlight = 0;
  let killScheduled = false;
  let killed = false;
  const kill = () => {
    if (killed) return;
    burst.inFlightAtKill = inFlight;
    killed = true;
    server.child.kill('SIGKILL');
  };
  const worker = async () => {
    while (!killed && burst.started < MAX_REQUESTS) {
      const text = `crash-${label}-${burst.started}-${randomBytes(6).toString('hex')}`;
      burst.started += 1;
      const form = new FormData();
      form.append('_csrf', token);
      form.append('datum', '2026-11-20');
      form.append('categorie', 'behaviour');
      form.append('tekst', text);
      inFlight += 1;
      try {
        const answer = await send(server.baseUrl, jar, '/logboek', form);
        const id = /^\/logboek\/([0-9a-f-]{36})$/.exec(answer.location ?? '')?.[1];
        if (answer.status === 303 && id !== undefined) burst.acknowledged.push({ id, text });
        else burst.unexpected.push(answer.status);
      } catch {
        // The connection died with the server: not acknowledged, so it may or may not have been stored.
      } finally {
        inFlight -= 1;
      }
      if (!killScheduled && burst.acknowledged.length >= ACKNOWLEDGED_BEFORE_KILL) {
        killScheduled = true;
        setTimeout(kill, Math.floor(Math.random() * 15));
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  // Too few acknowledgements (the test then fails on them): the server still goes, so nothing waits forever.
  kill();
  return burst;
}

for (const dialect of dialects) {
  describe(`a server killed during a burst of appends [${dialect}]`, () => {
    const running: ServerProcess[] = [];
    let database: AppDatabase | undefined;
    after(async () => {
      for (const server of running) await server.stop('SIGKILL');
      await database?.cleanup();
    });

    test('keeps every acknowledged entry, and the log verifies after a restart', { timeout: 120_000 }, async (t) => {
      database = await createAppDatabase(dialect);
      // The burst comes from one address: the rate limit would otherwise answer 429 instead of appending.
      // The burst sends CONCURRENCY entries of one account at once: the upload gate must let them all in.
      const env = {
        ...database.env,
        ...processSecrets(),
        RATE_LIMIT_MAX: '100000',
        UPLOADS_IN_FLIGHT_MAX: String(CONCURRENCY),
        UPLOADS_PER_ACCOUNT_MAX: String(CONCURRENCY),
      };

      const first = await startServerProcess(env);
      running.push(first);
      const parent = await signUp(first.baseUrl, username, passphrase);
      const form = await send(first.baseUrl, parent, '/logboek/nieuw');
      assert.equal(form.status, 200);
      const burst = await burstThenKill(first, parent, csrfTokenFrom(form.text), dialect);
      const ended = await first.exited;
      assert.equal(ended.signal, 'SIGKILL', 'the server died of the kill, not of something else');
      assert.deepEqual(burst.unexpected, [], 'every answer before the kill was an acknowledgement');
      assert.ok(burst.acknowledged.length >= ACKNOWLEDGED_BEFORE_KILL, `only ${burst.acknowledged.length} acked`);
      assert.ok(burst.inFlightAtKill > 0, 'requests were in flight when the server was killed');

      const second = await startServerProcess(env);
      running.push(second);
      const again = await logIn(second);
      for (const { id, text } of burst.acknowledged) {
        const page = await send(second.baseUrl, again, `/logboek/${id}`);
        assert.equal(page.status, 200, `acknowledged entry ${id}`);
        assert.ok(page.text.includes(text), `entry ${id} shows its text`);
      }
      await second.stop('SIGTERM');

      // The parent's own check (log and, with their keys, every ciphertext and commitment), on the stored data.
      const config = loadConfig({ NODE_ENV: 'test', ...env });
      const handle = openDatabase(config.database);
      let size: number;
      try {
        const services = createServices(handle, config);
        const session = await services.accounts.currentSession(again.get(sessionCookieName(false)));
        assert.ok(session !== undefined, 'the session of the second login');
        const who = journalActorOf(session);
        const checked = await services.journal.check(who);
        assert.deepEqual(checked.problems, []);
        size = checked.size;
        // Nothing lost, nothing made up: at least every acknowledged entry, at most those plus the ones in flight.
        assert.ok(size >= burst.acknowledged.length, `${size} stored, ${burst.acknowledged.length} acknowledged`);
        assert.ok(size <= burst.acknowledged.length + burst.inFlightAtKill, `${size} stored`);
        // The encrypted index was written in the same transactions: it lists exactly the stored entries.
        const listed = await services.journal.everything(who);
        assert.equal(listed.length, size);
        const listedIds = new Set(listed.map((entry) => entry.id));
        for (const { id } of burst.acknowledged) assert.ok(listedIds.has(id), `entry ${id} is in the index`);
        const texts = listed.map((entry) => entry.observation?.text);
        assert.equal(new Set(texts).size, texts.length, 'no entry was stored twice');
      } finally {
        await handle.close();
      }

      const verified = await runCli(['verify-journals'], env);
      assert.equal(verified.status, 0, verified.stdout + verified.stderr);
      assert.match(verified.stdout, new RegExp(`: ok \\(${size} entries\\)$`, 'm'));

      t.diagnostic(
        `${burst.started} posts sent, ${burst.acknowledged.length} acknowledged, ${burst.inFlightAtKill} in flight ` +
          `at the kill, ${size} stored (${size - burst.acknowledged.length} of those in flight)`,
      );
    });
  });
}
