import { randomBytes } from 'node:crypto';
// The app as `npm start` builds it (see src/server.ts), for `npm run bench`. Configured by the environment
// that bench/pages.bench.ts passes (a temporary SQLite DATA_DIR, HOST=127.0.0.1, PORT=0, silent logs, a rate
// limit high enough never to trip). Prints { "port": n } as one line on stdout once it listens; exits cleanly
// on SIGTERM/SIGINT so that `--cpu-prof` can write its profile.

import { createApp } from '../src/app.js';
import { prepareDatabase } from '../src/bootstrap.js';
import { createServices } from '../src/services.js';
import { loadConfig } from '../src/shared/config/config.js';
import { openDatabase } from '../src/shared/db/database.js';

async function main(): Promise<void> {
  const config = loadConfig();
  // A throwaway pepper: the benchmark's database is temporary too.
  config.pepper ??= randomBytes(32);
  const database = openDatabase(config.database);
  const services = createServices(database, config);
  const app = await createApp(services);
  await prepareDatabase(database, services);

  let closing = false;
  const stop = (): void => {
    if (closing) return;
    closing = true;
    setTimeout(() => process.exit(0), 3_000).unref();
    app
      .close()
      .then(() => database.close())
      .finally(() => process.exit(0))
      .catch(() => process.exit(1));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);

  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('unexpected server address');
  process.stdout.write(`${JSON.stringify({ port: address.port })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench app server could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
