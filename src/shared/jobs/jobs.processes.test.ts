import assert from 'node:assert/strict';
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { sql } from 'kysely';
import { z } from 'zod';
import { describeEachDialect } from '../../../test/helpers/databases.js';
import { projectRoot } from '../paths.js';
import { defineJob } from './jobs.js';
import { createJobsRepository, enqueue } from './jobs.repo.js';

/** The kind test/helpers/job-worker-process.ts handles. */
const countJob = defineJob('test.count', z.object({ n: z.number().int() }).strict());
const jobCount = 1_000;

interface WorkerProcess {
  child: ChildProcessWithoutNullStreams;
  ready: Promise<void>;
  exited: Promise<{ code: number | null; output: string }>;
}

const children = new Set<ChildProcessWithoutNullStreams>();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

function startWorker(target: string): WorkerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('test', 'helpers', 'job-worker-process.ts')], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', JOBS_TEST_DATABASE: target },
  });
  children.add(child);
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('ready\n')) resolve();
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('exit', () => reject(new Error(`the worker exited before it was ready:\n${output}`)));
  });
  const exited = new Promise<{ code: number | null; output: string }>((resolve) =>
    child.once('exit', (code) => {
      children.delete(child);
      resolve({ code, output });
    }),
  );
  return { child, ready, exited };
}

describeEachDialect('job queue: two worker processes on one database', (testDatabase, dialect) => {
  test(`each of ${jobCount} jobs runs exactly once`, { timeout: 120_000 }, async () => {
    const database = testDatabase();
    const db = database.handle.db;
    await sql`create table job_runs (job_id text not null, worker integer not null)`.execute(db);
    await db.transaction().execute(async (trx) => {
      for (let n = 0; n < jobCount; n += 1) await enqueue(trx, countJob, { n });
    });
    const target =
      dialect === 'postgres'
        ? (database.env.DATABASE_URL ?? '')
        : path.join(database.env.DATA_DIR ?? '', 'test.sqlite');

    const workers = [startWorker(target), startWorker(target)];
    await Promise.all(workers.map((worker) => worker.ready));
    // Both start claiming at the same moment.
    for (const worker of workers) worker.child.stdin.end('go\n');
    const results = await Promise.all(workers.map((worker) => worker.exited));
    for (const result of results) assert.equal(result.code, 0, result.output);

    const runs = await sql<{ job_id: string; worker: number }>`select job_id, worker from job_runs`.execute(db);
    const jobIds = runs.rows.map((row) => row.job_id);
    assert.equal(jobIds.length, jobCount, 'as many runs as jobs');
    assert.equal(new Set(jobIds).size, jobCount, 'no job ran twice');
    assert.equal(new Set(runs.rows.map((row) => Number(row.worker))).size, 2, 'both processes took jobs');
    const counts = await createJobsRepository(db, dialect).countByState();
    assert.deepEqual(counts, { queued: 0, running: 0, done: jobCount, dead: 0 });
  });
});
