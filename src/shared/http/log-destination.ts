import { writeSync } from 'node:fs';

/** Characters of log lines gathered before they are written in one call. */
const BATCH_CHARS = 64 * 1024;
/** The longest a line waits before it is written, in a quiet moment. */
const FLUSH_MS = 1000;
/** How often a write that finds the descriptor busy (EAGAIN, a full non-blocking pipe) is tried again. */
const BUSY_RETRIES = 100;
const BUSY_WAIT_MS = 10;

/** The destinations written when the process exits (one listener for all of them). */
const flushedOnExit = new Set<() => void>();
process.on('exit', () => {
  for (const flush of flushedOnExit) flush();
});

export interface BatchedDestination {
  /** Takes one log line (pino passes each line with its newline). */
  write(line: string): boolean;
  /** Writes every gathered line now, synchronously. */
  flushSync(): void;
  /** Writes what is gathered and stops the timer and the exit hook. */
  end(): void;
}

export interface BatchOptions {
  batchChars?: number;
  flushMs?: number;
  /** The write call (tests pass their own); fs.writeSync by default. */
  writeSync?: (fd: number, data: Buffer) => number;
  /** Whether the batch is also written when the process exits (default true). */
  flushOnExit?: boolean;
}

/**
 * Where the server's JSON log lines go: a file descriptor (stdout), written in batches. With an access line on
 * every response, a write per line (pino's default for stdout) or a hand-off to a libuv thread per line is among
 * the largest costs of a cached page; so is pino's own asynchronous destination in batching mode, which adds
 * each line to the batch by concatenating strings and measuring the whole batch again (docs/adr/0026). Here
 * lines are kept in a list and written together, synchronously, when 64 K characters have gathered or a second
 * has passed: one system call per few hundred responses, nothing in flight, and what is left is written when
 * the process exits (also after an uncaught exception, which emits 'exit'). Only a process killed outright
 * (SIGKILL, out of memory) can lose its last second of lines. Nothing in the lines changes.
 */
export function batchedDestination(fd: number, options: BatchOptions = {}): BatchedDestination {
  const batchChars = options.batchChars ?? BATCH_CHARS;
  const write = options.writeSync ?? ((target: number, data: Buffer) => writeSync(target, data));
  let lines: string[] = [];
  let chars = 0;
  let ended = false;

  const flushSync = (): void => {
    if (lines.length === 0) return;
    let data = Buffer.from(lines.join(''), 'utf8');
    lines = [];
    chars = 0;
    let busy = 0;
    while (data.length > 0) {
      try {
        data = data.subarray(write(fd, data));
        busy = 0;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if ((code === 'EAGAIN' || code === 'EBUSY') && busy < BUSY_RETRIES) {
          busy += 1;
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, BUSY_WAIT_MS);
          continue;
        }
        // A closed or broken stdout: there is nowhere to write these lines, and logging must not stop the server.
        return;
      }
    }
  };

  const timer = setInterval(flushSync, options.flushMs ?? FLUSH_MS);
  timer.unref();
  if (options.flushOnExit ?? true) flushedOnExit.add(flushSync);

  return {
    write(line: string): boolean {
      if (ended) return false;
      lines.push(line);
      chars += line.length;
      if (chars >= batchChars) flushSync();
      return true;
    },
    flushSync,
    end(): void {
      flushSync();
      ended = true;
      clearInterval(timer);
      flushedOnExit.delete(flushSync);
    },
  };
}

/** The server's log destination: stdout in batches. */
export function batchedStdout(): BatchedDestination {
  return batchedDestination(1);
}
