import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, fsyncSync, linkSync, openSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import type { DatabaseTarget } from '../config/config.js';

/*
 * `npm run cli -- backup <file>`: one consistent copy of the SQLite database while the server keeps serving
 * (docs/operations.md, "Backups and restore"). SQLite's online backup API reads a snapshot: in WAL mode the
 * server's writers go on meanwhile. All pages are copied in one step, because a write by another process
 * between two steps would make SQLite start the copy again from the first page, and a busy server could keep
 * a step-by-step copy from ever finishing.
 *
 * The copy is made in a hidden file next to the target (0600: it holds the encrypted personal data), synced,
 * checked with SQLite's own integrity check, and only then linked under the target's name. link() fails when
 * the name is taken, so an existing file is never overwritten, not even one created while the copy ran, and a
 * copy cut off halfway never carries the target's name. The key files are never part of it.
 */

/** Why a backup was not made: the message says what to do; the CLI prints it and exits 1. */
export class BackupRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupRefused';
  }
}

export interface BackupResult {
  file: string;
  bytes: number;
  pages: number;
}

export const postgresBackupRefusal =
  'backup copies a SQLite database only; this configuration uses PostgreSQL (DATABASE_URL). Use pg_dump, e.g. ' +
  'pg_dump --format=custom --file=nmk-$(date +%F).dump "$DATABASE_URL", and restore with pg_restore ' +
  '(docs/operations.md, "Backups and restore"). Keep PEPPER and LOG_SIGNING_KEY apart from the dump.';

/** Copies the configured SQLite database to `target`, a file that must not exist yet. */
export async function backupDatabase(database: DatabaseTarget, target: string): Promise<BackupResult> {
  if (database.kind === 'postgres') throw new BackupRefused(postgresBackupRefusal);
  const source = path.resolve(database.file);
  const destination = path.resolve(target);
  if (source === destination || destination.startsWith(`${source}-`)) {
    throw new BackupRefused(`${target} is the database itself; choose a file outside DATA_DIR's database files.`);
  }
  if (!existsSync(source)) {
    throw new BackupRefused(`There is no database at ${source}: check DATA_DIR (nothing was written).`);
  }
  if (existsSync(destination)) {
    throw new BackupRefused(`${target} already exists; a backup never overwrites a file. Choose a new name.`);
  }
  const directory = path.dirname(destination);
  if (!existsSync(directory) || !statSync(directory).isDirectory()) {
    throw new BackupRefused(`The folder ${directory} does not exist; create it first.`);
  }

  const partial = path.join(directory, `.${path.basename(destination)}.${randomBytes(6).toString('hex')}.partial`);
  // Created empty, exclusively, and readable by this user only, before SQLite writes a single page into it.
  closeSync(openSync(partial, 'wx', 0o600));
  chmodSync(partial, 0o600);
  try {
    // The server's file, opened as a second connection: never created, never migrated, its journal mode kept.
    const sqlite = new SqliteDatabase(source, { fileMustExist: true });
    let pages: number;
    try {
      sqlite.pragma('busy_timeout = 5000');
      const progress = await sqlite.backup(partial, { progress: () => 0x7fffffff });
      pages = progress.totalPages;
    } finally {
      sqlite.close();
    }
    const copy = new SqliteDatabase(partial, { fileMustExist: true });
    try {
      const problems = copy.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
      const ok = problems.length === 1 && problems[0]?.integrity_check === 'ok';
      if (!ok) throw new Error(`the copy fails SQLite's integrity check: ${problems[0]?.integrity_check ?? '?'}`);
    } finally {
      copy.close();
    }
    const handle = openSync(partial, 'r+');
    try {
      fsyncSync(handle);
    } finally {
      closeSync(handle);
    }
    try {
      linkSync(partial, destination);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
        throw new BackupRefused(`${target} was created while the copy ran; it was not overwritten.`);
      }
      throw error;
    }
    const directoryHandle = openSync(directory, 'r');
    try {
      fsyncSync(directoryHandle);
    } finally {
      closeSync(directoryHandle);
    }
    return { file: destination, bytes: statSync(destination).size, pages };
  } finally {
    for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(partial + suffix, { force: true });
  }
}
