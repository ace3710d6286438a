import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import Sqlite from 'better-sqlite3';
import { csrfTokenFrom } from '../helpers/app.js';
import { processSecrets, runCli, type ServerProcess, startServerProcess } from '../helpers/app-process.js';
import {
  type Answer,
  entryToken,
  eventually,
  isDutchUnavailablePage,
  logIn,
  passphrase,
  postEntry,
  send,
  signUp,
  uniqueText,
} from './support.js';

/*
 * Issue 17 point 5: a full disk. The SQLite database (and with it every export, which is kept in the database) lives
 * on a small tmpfs of its own; a file is written until the disk has no byte left. A parent then writes entries and
 * asks for an export: every answer is the app's own — the entry form refused with the Dutch "briefly unavailable"
 * page (503), never a 500 — and the process keeps running. When space returns, the same process acknowledges
 * entries again; afterwards SQLite's integrity check passes, every acknowledged entry is there, and
 * `verify-journals` finds the log intact. Mounting needs root: otherwise the test is skipped, saying so.
 */

const isRoot = process.getuid?.() === 0;
const USERNAME = 'ouder.volle.schijf';

/** Writes zeros into `file` until the file system refuses (ENOSPC); returns the bytes written. */
function fillUp(file: string): number {
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(64 * 1024);
  let written = 0;
  try {
    for (;;) {
      try {
        written += writeSync(fd, chunk);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break;
        throw error;
      }
    }
    // The last partial block.
    for (let size = 32 * 1024; size >= 1; size = Math.floor(size / 2)) {
      try {
        written += writeSync(fd, chunk.subarray(0, size));
        size *= 2;
      } catch {
        // Smaller.
      }
    }
  } finally {
    closeSync(fd);
  }
  return written;
}

describe(
  'a full disk under the SQLite database and the exports',
  { skip: isRoot ? false : 'needs root to mount a tmpfs' },
  () => {
    const mountPoint = mkdtempSync(path.join(os.tmpdir(), 'nmk-rel-disk-'));
    let mounted = false;
    let server: ServerProcess | undefined;
    after(async () => {
      if (server !== undefined && server.child.exitCode !== null && server.child.exitCode !== 0) {
        process.stderr.write(`server exited ${server.child.exitCode}:\n${server.output().slice(-6000)}\n`);
      }
      await server?.stop('SIGKILL');
      if (mounted) spawnSync('umount', ['-l', mountPoint]);
      rmSync(mountPoint, { recursive: true, force: true });
    });

    test(
      'a clear refusal while full, nothing corrupt, and writing again once there is space',
      { timeout: 300_000 },
      async (t) => {
        const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=96m,mode=0700', 'tmpfs', mountPoint], {
          encoding: 'utf8',
        });
        if (mount.status !== 0) {
          t.skip(`could not mount a tmpfs: ${mount.stderr.trim()}`);
          return;
        }
        mounted = true;
        const env = {
          ...processSecrets(),
          DATA_DIR: mountPoint,
          RATE_LIMIT_MAX: '1000000',
        };
        server = await startServerProcess(env, 120_000);
        const base = server.baseUrl;
        const jar = await signUp(base, USERNAME);
        const token = await entryToken(base, jar);
        const acknowledged: { id: string; text: string }[] = [];
        // Long entries, so that the full disk is met at once (SQLite reuses free pages of its files first).
        const filling = ' Het ging vandaag weer anders dan anders.'.repeat(220);
        const write = async () => {
          const text = `${uniqueText('schijf')}${filling}`;
          const result = await postEntry(base, jar, token, text);
          if (result.id !== undefined) acknowledged.push({ id: result.id, text });
          return result.answer;
        };
        assert.equal((await write()).status, 303, 'an entry before the disk is full');

        const filler = path.join(mountPoint, 'filler');
        const filled = fillUp(filler);
        t.diagnostic(`filled ${Math.round(filled / 1024 / 1024)} MiB`);

        // While full: entries (with enough text to need new pages), a read, and an export request.
        const whileFull: Answer[] = [];
        // SQLite first fills the free pages of its files (the write-ahead log is reused, not shrunk): write until the
        // disk refuses, then a few more.
        for (let i = 0; i < 1_500; i += 1) {
          const answer = await write();
          whileFull.push(answer);
          if (answer.status !== 303) break;
        }
        for (let i = 0; i < 3; i += 1) whileFull.push(await write());
        whileFull.push(await send(base, jar, '/logboek'));
        const exportPage = await send(base, jar, '/logboek/export');
        if (exportPage.status === 200) {
          whileFull.push(
            await send(
              base,
              jar,
              '/logboek/export',
              new URLSearchParams({
                _csrf: csrfTokenFrom(exportPage.text),
                label: 'Voor de politie',
                keuze: 'alles',
                wachtwoord: passphrase,
              }),
            ),
          );
          whileFull.push(await send(base, jar, '/logboek/export/bezig'));
        } else {
          whileFull.push(exportPage);
        }
        t.diagnostic(
          `while full: ${whileFull.filter((answer) => answer.status === 303).length} acknowledged, then ` +
            whileFull
              .filter((answer) => answer.status !== 303)
              .map((answer) => answer.status)
              .join(' '),
        );
        assert.equal(server.child.exitCode, null, 'the server process kept running');
        assert.deepEqual(
          whileFull.filter((answer) => answer.status >= 500 && !isDutchUnavailablePage(answer)).map((a) => a.status),
          [],
          `no 500: a full disk is answered with the Dutch 503 page; ${server
            .output()
            .split('\n')
            .filter((line) => line.includes('request failed'))
            .slice(-1)
            .join('')
            .slice(0, 1500)}`,
        );
        assert.ok(
          whileFull.some((answer) => isDutchUnavailablePage(answer)),
          'some write was refused as "briefly unavailable" (the disk really was full)',
        );

        // Space returns: the same process writes again.
        rmSync(filler);
        const again = await eventually(async () => (await write()).status === 303, 30_000, 500);
        assert.ok(again, 'entries are acknowledged again once there is space');
        for (let i = 0; i < 3; i += 1) assert.equal((await write()).status, 303);

        const reader = await logIn(base, USERNAME);
        for (const { id, text } of acknowledged) {
          const page = await send(base, reader, `/logboek/${id}`);
          assert.equal(page.status, 200, `acknowledged entry ${id}`);
          assert.ok(page.text.includes(text.slice(0, 20)));
        }
        await server.stop('SIGTERM');

        const database = new Sqlite(path.join(mountPoint, 'niet-mijn-kind.sqlite'), { readonly: true });
        try {
          assert.deepEqual(database.pragma('integrity_check'), [{ integrity_check: 'ok' }]);
        } finally {
          database.close();
        }
        const verified = await runCli(['verify-journals'], env);
        assert.equal(verified.status, 0, verified.stdout + verified.stderr);
        assert.match(verified.stdout, /: ok \(\d+ entries\)$/m);
      },
    );
  },
);
