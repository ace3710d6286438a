import assert from 'node:assert/strict';
import path from 'node:path';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { describeEachDialect } from '../../../test/helpers/databases.js';
import { type openDatabase } from './database.js';
import { lockRow } from './lock.js';

/*
 * What lockRow promises (see its doc comment): a second transaction that locks the same row waits for the
 * first to end and then reads what it wrote, on both databases, also from another connection (another app
 * instance, the CLI). better-sqlite3 is synchronous: a connection waiting for SQLite's lock blocks its thread,
 * so the other SQLite connection lives in a worker thread.
 */

const headSeq = async (db: ReturnType<typeof openDatabase>['db']) =>
  Number((await db.selectFrom('audit_head').select('seq').where('id', '=', 1).executeTakeFirstOrThrow()).seq);

/** Plain JavaScript in a worker: its own SQLite connection to the same file, driven by messages. */
const sqliteWorker = (file: string) =>
  new Worker(
    `
    const { parentPort, workerData } = require('node:worker_threads');
    const Database = require(workerData.module);
    const db = new Database(workerData.file);
    db.pragma('busy_timeout = 5000');
    parentPort.on('message', (message) => {
      if (message === 'increment-now') {
        db.exec('BEGIN IMMEDIATE; UPDATE audit_head SET seq = seq + 1 WHERE id = 1; COMMIT');
        parentPort.postMessage('done');
      } else if (message === 'lock-then-increment') {
        db.exec('BEGIN IMMEDIATE');
        parentPort.postMessage('locked');
        setTimeout(() => {
          db.exec('UPDATE audit_head SET seq = seq + 1 WHERE id = 1; COMMIT');
          parentPort.postMessage('done');
        }, 100);
      }
    });
    `,
    { eval: true, workerData: { file, module: createRequire(import.meta.url).resolve('better-sqlite3') } },
  );

const message = (worker: Worker, expected: string) =>
  new Promise<void>((resolve, reject) => {
    const onMessage = (value: unknown) => {
      if (value !== expected) return;
      worker.off('message', onMessage);
      resolve();
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
  });

describeEachDialect('lockRow', (database, dialect) => {
  test('concurrent read-modify-write transactions that lock the row first lose no update', async () => {
    const db = database().handle.db;
    const before = await headSeq(db);
    await Promise.all(
      Array.from({ length: 20 }, () =>
        db.transaction().execute(async (trx) => {
          await lockRow(trx, 'audit_head', 1);
          const seq = await headSeq(trx);
          await sleep(1);
          await trx
            .updateTable('audit_head')
            .set({ seq: seq + 1 })
            .where('id', '=', 1)
            .execute();
        }),
      ),
    );
    assert.equal(await headSeq(db), before + 20);
  });

  if (dialect === 'postgres') {
    test('a transaction on another connection waits for the lock and then reads what the first one wrote', async () => {
      const db = database().handle.db;
      const before = await headSeq(db);
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let locked!: () => void;
      const isLocked = new Promise<void>((resolve) => (locked = resolve));
      const first = db.transaction().execute(async (trx) => {
        await lockRow(trx, 'audit_head', 1);
        locked();
        await released;
        await trx
          .updateTable('audit_head')
          .set({ seq: before + 1 })
          .where('id', '=', 1)
          .execute();
      });
      await isLocked;
      const second = db.transaction().execute(async (trx) => {
        await lockRow(trx, 'audit_head', 1);
        return headSeq(trx);
      });
      // The second is waiting on the row; the first writes and commits only now.
      await sleep(50);
      release();
      await first;
      assert.equal(await second, before + 1);
    });
  }

  if (dialect === 'sqlite') {
    const file = () => path.join(database().env.DATA_DIR!, 'test.sqlite');

    test('another connection waits for the lock, then reads what the first one wrote', async () => {
      const db = database().handle.db;
      const before = await headSeq(db);
      const worker = sqliteWorker(file());
      try {
        const locked = message(worker, 'locked');
        const done = message(worker, 'done');
        worker.postMessage('lock-then-increment');
        await locked;
        // Blocks this thread (busy_timeout) until the worker commits, then sees its write.
        const seen = await db.transaction().execute(async (trx) => {
          await lockRow(trx, 'audit_head', 1);
          return headSeq(trx);
        });
        await done;
        assert.equal(seen, before + 1);
      } finally {
        await worker.terminate();
      }
    });

    test('a transaction that read first and locks after another connection wrote fails with SQLITE_BUSY', async () => {
      const db = database().handle.db;
      const worker = sqliteWorker(file());
      try {
        await assert.rejects(
          db.transaction().execute(async (trx) => {
            await headSeq(trx);
            const done = message(worker, 'done');
            worker.postMessage('increment-now');
            await done;
            await lockRow(trx, 'audit_head', 1);
          }),
          (error: { code?: string }) => error.code === 'SQLITE_BUSY_SNAPSHOT' || error.code === 'SQLITE_BUSY',
        );
      } finally {
        await worker.terminate();
      }
    });
  }
});
