import pino from 'pino';

/** Bytes of log lines gathered before they are written in one call. */
const BATCH_BYTES = 4096;
/** The longest a line waits before it is written, in a quiet moment. */
const FLUSH_MS = 1000;

/**
 * Where the server's JSON log lines go: stdout, written in batches. pino's default destination starts a write
 * as soon as the previous one finishes, so with an access line on every response the server hands a write to
 * a libuv thread (a system call and two thread switches) for nearly every request; the page benchmark showed
 * that as the largest single cost of a page (docs/adr/0022-honest-page-benchmark.md). Here lines wait until
 * 4 KB have gathered or a second has passed, and are then written together (pino's documented asynchronous
 * mode). Nothing in the lines changes. On exit, also after an uncaught exception, pino writes what is left
 * synchronously; only a process killed outright (SIGKILL, out of memory) can lose up to its last second of lines.
 */
export function batchedStdout(): pino.DestinationStream {
  return pino.destination({ dest: 1, sync: false, minLength: BATCH_BYTES, periodicFlush: FLUSH_MS });
}
