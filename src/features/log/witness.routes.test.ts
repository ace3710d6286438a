import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/helpers/app.js';
import { dialects } from '../../../test/helpers/databases.js';
import { buildParentSession } from '../../../test/helpers/factories.js';
import { testObservation } from '../../../test/helpers/journal.js';
import { startTestWitness, type TestWitness } from '../../../test/helpers/witness.js';
import { parseCheckpoint, parseNote } from '../../shared/evidence/note.js';
import { journalActorOf } from '../journal/journal.service.js';
import { runVerifyCheckpoint } from './witness.cli.js';
import { witnessDailyHandler } from './witness.jobs.js';

/*
 * The whole path over HTTP (ADR 0044): a new global root → a push job per witness → the witness checks and
 * cosigns → GET /api/v1/log/checkpoint carries the cosignature → verify-checkpoint accepts it with the witness's
 * key and refuses it when a quorum is not met or the checkpoint was altered.
 */

for (const dialect of dialects) {
  void describe(`checkpoint routes, witnesses and verify-checkpoint [${dialect}]`, () => {
    let testApp: TestApp;
    let witness: TestWitness;
    let absent: TestWitness;
    const directory = mkdtempSync(path.join(os.tmpdir(), 'nmk-checkpoint-'));

    before(async () => {
      witness = await startTestWitness({ name: 'witness.test/w1' });
      // A second witness that is configured in the test's CLI calls only, never sent anything by the app.
      absent = await startTestWitness({ name: 'witness.test/absent' });
      testApp = await buildTestApp(dialect, { LOG_WITNESSES: `${witness.vkey} ${witness.url}` });
      witness.follow(testApp.services.witnesses.logVkey);
    });
    after(async () => {
      await testApp.close();
      await witness.close();
      await absent.close();
      rmSync(directory, { recursive: true, force: true });
    });

    // The CLI's fetch goes to the app in this process.
    const viaApp: typeof fetch = async (input) => {
      const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      const response = await testApp.app.inject({ method: 'GET', url: url.pathname + url.search });
      return new Response(response.body, { status: response.statusCode });
    };
    async function cli(args: string[]): Promise<{ code: number; out: string }> {
      const lines: string[] = [];
      const code = await runVerifyCheckpoint(args, { out: (l) => lines.push(l), err: (l) => lines.push(l) }, viaApp);
      return { code, out: lines.join('\n') };
    }

    async function newRoot(): Promise<void> {
      const { session } = await buildParentSession(testApp.services.accounts);
      await testApp.services.journal.addObservation(journalActorOf(session), testObservation());
      await testApp.services.log.publish();
      await testApp.services.jobs.runDue();
    }

    test('each new root reaches the witness through the job queue; the checkpoint route carries its cosignature', async () => {
      const none = await testApp.app.inject({ method: 'GET', url: '/api/v1/log/checkpoint' });
      const before = none.statusCode === 200 ? parseCheckpoint(parseNote(none.body)!.text)!.size : 0;
      await newRoot();
      const response = await testApp.app.inject({ method: 'GET', url: '/api/v1/log/checkpoint' });
      assert.equal(response.statusCode, 200);
      assert.match(response.headers['content-type'] as string, /^text\/plain/);
      const note = parseNote(response.body)!;
      const checkpoint = parseCheckpoint(note.text)!;
      assert.equal(checkpoint.origin, 'localhost/global-roots');
      assert.equal(checkpoint.size, before + 1);
      assert.deepEqual(
        note.signatures.map((signature) => signature.name),
        ['localhost/global-roots', 'witness.test/w1'],
      );
      assert.equal(witness.state.get(checkpoint.origin)?.size, checkpoint.size);

      await newRoot();
      const second = parseNote((await testApp.app.inject({ method: 'GET', url: '/api/v1/log/checkpoint' })).body)!;
      assert.equal(parseCheckpoint(second.text)!.size, before + 2);
      assert.equal(second.signatures.length, 2, 'the witness checked the consistency proof and cosigned again');

      const keys = (await testApp.app.inject({ method: 'GET', url: '/api/v1/log/witnesses' })).json<{
        origin: string;
        log: string;
        witnesses: string[];
      }>();
      assert.deepEqual(keys, {
        origin: 'localhost/global-roots',
        log: testApp.services.witnesses.logVkey,
        witnesses: [witness.vkey],
      });
      const consistency = await testApp.app.inject({
        method: 'GET',
        url: `/api/v1/log/consistency?from=1&to=${before + 2}`,
      });
      assert.equal(consistency.statusCode, 200);
      const roots = await testApp.app.inject({ method: 'GET', url: `/api/v1/log/roots?from=1&to=${before + 2}` });
      assert.equal(roots.json<{ roots: unknown[] }>().roots.length, before + 2);
    });

    test('a witness that was down gets the latest checkpoint from the daily run', async () => {
      witness.down = true;
      try {
        await newRoot();
      } finally {
        witness.down = false;
      }
      const latest = await testApp.services.witnesses.size();
      assert.ok((witness.state.get('localhost/global-roots')?.size ?? 0) < latest, 'the push failed while down');
      // The daily run queues a push per witness; the failed job itself waits for its back-off.
      const daily = witnessDailyHandler(testApp.database.handle.db, testApp.services.witnesses, () => undefined);
      await daily.run({ day: '2026-12-07' }, { jobId: 'test', attempt: 1, signal: new AbortController().signal });
      await testApp.services.jobs.runDue();
      assert.equal(witness.state.get('localhost/global-roots')?.size, latest);
    });

    test('bad sizes and ranges get a 4xx with a message, never a 500', async () => {
      for (const url of [
        '/api/v1/log/checkpoint?size=0',
        '/api/v1/log/checkpoint?size=abc',
        '/api/v1/log/checkpoint?size=99999',
        '/api/v1/log/consistency?from=2&to=1',
        '/api/v1/log/consistency?from=1&to=99999',
        '/api/v1/log/consistency',
        '/api/v1/log/roots?from=1&to=5000',
        '/api/v1/log/roots?from=-1&to=2',
      ]) {
        const response = await testApp.app.inject({ method: 'GET', url });
        assert.ok(response.statusCode === 400 || response.statusCode === 404, `${url}: ${response.statusCode}`);
        assert.ok(typeof response.json<{ detail: string }>().detail === 'string');
      }
    });

    test('verify-checkpoint: valid with the log key and the witness; not valid without the quorum or when altered', async () => {
      const log = testApp.services.witnesses.logVkey;
      const ok = await cli(['--url', 'http://site.test', '--log', log, '--witness', witness.vkey]);
      assert.equal(ok.code, 0, ok.out);
      assert.match(ok.out, /Witness witness\.test\/w1\+[0-9a-f]{8}: cosigned at \d{4}-/);
      assert.match(ok.out, /^VALID$/m);

      const quorum = await cli([
        '--url',
        'http://site.test',
        '--log',
        log,
        '--witness',
        witness.vkey,
        '--witness',
        absent.vkey,
      ]);
      assert.equal(quorum.code, 1, quorum.out);
      assert.match(quorum.out, /witness\.test\/absent\+[0-9a-f]{8}: no cosignature/);
      assert.match(quorum.out, /1 of 2 cosigned, 2 needed/);

      // A checkpoint kept earlier (size 1) and the site's newer one: the consistency proof from the site checks.
      const first = (await testApp.app.inject({ method: 'GET', url: '/api/v1/log/checkpoint?size=1' })).body;
      const kept = path.join(directory, 'kept.txt');
      writeFileSync(kept, first);
      const consistent = await cli(['--url', 'http://site.test', '--log', log, '--consistent-with', kept]);
      assert.equal(consistent.code, 0, consistent.out);
      assert.match(consistent.out, /Consistent with the earlier checkpoint of size 1: yes/);

      // The same note with another root hash: the log's signature no longer verifies.
      const latest = (await testApp.app.inject({ method: 'GET', url: '/api/v1/log/checkpoint' })).body;
      const lines = latest.split('\n');
      lines[2] = Buffer.alloc(32, 1).toString('base64');
      const altered = path.join(directory, 'altered.txt');
      writeFileSync(altered, lines.join('\n'));
      const refused = await cli(['--file', altered, '--log', log, '--witness', witness.vkey]);
      assert.equal(refused.code, 1, refused.out);
      assert.match(refused.out, /NOT VALID/);

      const usage = await cli(['--file', altered, '--log', witness.vkey]);
      assert.equal(usage.code, 2, 'a cosigner key is not a log key');
    });
  });
}
