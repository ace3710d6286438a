// The baseline for `npm run bench`: a bare node:http server that answers the benchmarked requests with the
// exact bytes the app sent for them: the same body and the same headers (security headers, cookies, Vary). A POST is answered once its body has been
// read (and discarded). Started by bench/pages.bench.ts in its own process with one argument: a JSON file of
// { ["METHOD /path"]: { contentType, bodyBase64 } }. Prints { "port": n } as one line on stdout once it
// listens on 127.0.0.1.

import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

interface FixtureFile {
  /** Keyed by method and path, e.g. "GET /" or "POST /check". */
  [request: string]: { contentType: string; bodyBase64: string; headers?: Record<string, string | string[]> };
}

interface Fixture {
  contentType: string;
  body: Buffer;
  headers: Record<string, string | string[]>;
}

const file = process.argv[2];
if (file === undefined) {
  process.stderr.write('usage: node --import tsx bench/bare-server.ts <fixtures.json>\n');
  process.exit(2);
}

const parsed = JSON.parse(readFileSync(file, 'utf8')) as FixtureFile;
const fixtures = new Map<string, Fixture>(
  Object.entries(parsed).map(([request, entry]) => [
    request,
    {
      contentType: entry.contentType,
      body: Buffer.from(entry.bodyBase64, 'base64'),
      headers: entry.headers ?? { 'content-type': entry.contentType },
    },
  ]),
);

const server = createServer((request, response) => {
  const fixture = fixtures.get(`${request.method ?? ''} ${request.url ?? ''}`);
  if (fixture === undefined) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('not found');
    return;
  }
  const answer = (): void => {
    response.writeHead(200, fixture.headers);
    response.end(fixture.body);
  };
  if (request.method === 'GET') {
    answer();
    return;
  }
  // Read the whole body, as the app must, then drop it.
  request.on('end', answer);
  request.resume();
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('unexpected server address');
  process.stdout.write(`${JSON.stringify({ port: address.port })}\n`);
});

const stop = (): void => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 2_000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
