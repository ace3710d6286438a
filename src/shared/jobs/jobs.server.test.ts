import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { z } from 'zod';
import { createAppDatabase, processSecrets, startServerProcess } from '../../../test/helpers/app-process.js';
import { dialects } from '../../../test/helpers/databases.js';
import { loadConfig } from '../config/config.js';
import { openDatabase } from '../db/database.js';
import { defineJob } from './jobs.js';
import { createJobsRepository, enqueue } from './jobs.repo.js';

/** A kind no server version handles: the worker claims it, counts the attempt and puts it back for later. */
const unknown = defineJob('test.nobody-handles-this', z.object({ id: z.uuid() }).strict(), { maxAttempts: 5 });

for (const dialect of dialects) {
  describe(`the server runs the job worker [${dialect}]`, () => {
    const cleanups: (() => Promise<unknown>)[] = [];
    after(async () => {
      for (const cleanup of cleanups.reverse()) await cleanup();
    });

    test('a job enqueued while the server runs is claimed by it; SIGTERM stops the server cleanly', async () => {
      const database = await createAppDatabase(dialect);
      cleanups.push(() => database.cleanup());
      const env = { ...database.env, ...processSecrets() };
      const server = await startServerProcess(env);
      cleanups.push(() => server.stop('SIGKILL'));

      const handle = openDatabase(loadConfig({ NODE_ENV: 'test', ...env }).database);
      cleanups.push(() => handle.close());
      const repo = createJobsRepository(handle.db, handle.dialect);
      const { id } = await enqueue(handle.db, unknown, { id: '6f1d3c2a-8b7e-4f0a-9c5d-1e2f3a4b5c6d' });
      // The worker polls; wait until it has tried the job once.
      for (let tries = 0; tries < 300 && (await repo.find(id))?.attempts === 0; tries += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const job = await repo.find(id);
      assert.equal(job?.attempts, 1, server.output());
      assert.equal(job?.state, 'queued', 'an unknown kind is tried again later');
      assert.equal(job?.lastError, 'unknown kind');

      const exit = await server.stop('SIGTERM');
      assert.deepEqual(exit, { code: 0, signal: null }, server.output());
      assert.match(server.output(), /"msg":"stopped"/);
    });
  });
}
