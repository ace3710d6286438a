import { hostname } from 'node:os';
import type { FastifyBaseLogger } from 'fastify';

/** One access line's fields: by route pattern, so no query strings, addresses or user agents. */
export interface AccessLine {
  requestId: string;
  method: string;
  route: string;
  status: number;
  ms: number;
}

export type AccessLog = (line: AccessLine) => void;

/** Where pino writes the app's lines (app.ts's logStream or the batched stdout); write takes one whole line. */
export interface LineDestination {
  write(line: string): unknown;
}

/** pino's number for the info level (the access line's level). */
const INFO = 30;

/**
 * The one access line per response (app.ts's onResponse hook, and early-answers.ts for pages answered before
 * Fastify). Every line is the line pino writes for `log.child({ requestId }).info({ method, route, status, ms },
 * 'request completed')` under the app's logger (level, time, pid, hostname, the request id, the fields, the
 * message — access-log.test.ts compares the two byte for byte), but written here straight into the logger's own
 * destination: pino's general path (serializers, redaction, string building per field) was the largest cost of
 * a stored page after the socket write (issue 13). Without a destination of the app's own (a logger passed in, or
 * none in tests) the line goes through `log.info`. Nothing is written below the info level.
 */
export function createAccessLog(log: FastifyBaseLogger, destination: LineDestination | undefined): AccessLog {
  if (destination === undefined) {
    return ({ requestId, method, route, status, ms }) => {
      log.child({ requestId }).info({ method, route, status, ms: Math.round(ms) }, 'request completed');
    };
  }
  const bindings = `,"pid":${process.pid},"hostname":${JSON.stringify(hostname())}`;
  // Methods and route patterns are few; their JSON is made once.
  const quoted = new Map<string, string>();
  const quote = (text: string): string => {
    let json = quoted.get(text);
    if (json === undefined) {
      json = JSON.stringify(text);
      if (quoted.size < 10_000) quoted.set(text, json);
    }
    return json;
  };
  const levelOf = log as unknown as { levelVal?: number };
  return ({ requestId, method, route, status, ms }) => {
    if ((levelOf.levelVal ?? INFO) > INFO) return;
    destination.write(
      `{"level":${INFO},"time":${Date.now()}${bindings},"requestId":${JSON.stringify(requestId)},"method":${quote(method)},` +
        `"route":${quote(route)},"status":${status},"ms":${Math.round(ms)},"msg":"request completed"}\n`,
    );
  };
}
