// A job worker as its own process, for the test that two processes on one database run each job exactly once
// (src/shared/jobs/jobs.processes.test.ts). Not a test file itself: it must not end in .test.ts.
//
// JOBS_TEST_DATABASE is a postgres:// URL or an SQLite file. The process says "ready", waits for a line on
// stdin, then runs due jobs of kind test.count until none is left; each run inserts a row into job_runs (made
// by the test) naming the job and this process. It prints "ran <n>" and exits.

import { createInterface } from 'node:readline';
import { sql } from 'kysely';
import { z } from 'zod';
import { openDatabase } from '../../src/shared/db/database.js';
import { createJobWorker, defineJob, handle } from '../../src/shared/jobs/jobs.js';
import { createJobsRepository } from '../../src/shared/jobs/jobs.repo.js';

const countJob = defineJob('test.count', z.object({ n: z.number().int() }).strict());

const target = process.env.JOBS_TEST_DATABASE ?? '';
const database = openDatabase(
  target.startsWith('postgres://') ? { kind: 'postgres', url: target } : { kind: 'sqlite', file: target },
);
const worker = createJobWorker(createJobsRepository(database.db, database.dialect), [
  handle(countJob, async (_payload, { jobId }) => {
    await sql`insert into job_runs (job_id, worker) values (${jobId}, ${process.pid})`.execute(database.db);
  }),
]);

const lines = createInterface({ input: process.stdin });
process.stdout.write('ready\n');
lines.once('line', () => {
  lines.close();
  process.stdin.destroy();
  worker
    .runDue()
    .then(async (ran) => {
      process.stdout.write(`ran ${ran}\n`);
      await database.close();
    })
    .catch(async (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      await database.close();
      process.exitCode = 1;
    });
});
