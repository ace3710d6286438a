import { scheduleDaily } from './shared/jobs/recurring.js';
import { createApp } from './app.js';
import { prepareDatabase } from './bootstrap.js';
import { createServices } from './services.js';
import { ConfigError, loadConfig } from './shared/config/config.js';
import { resolvePepper } from './shared/crypto/pepper.js';
import { openDatabase } from './shared/db/database.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee .env.example for every variable and its default.\n`);
      process.exit(1);
    }
    throw error;
  }

  config.pepper = resolvePepper(config, (message) => process.stderr.write(`Warning: ${message}\n`));
  const database = openDatabase(config.database);
  const services = createServices(database, config);
  const app = await createApp(services);
  const prepared = await prepareDatabase(database, services);
  app.log.info(
    {
      database: database.dialect,
      migrations: prepared.migrationsApplied.length,
      contentSeeded: prepared.contentSeeded,
    },
    'database ready',
  );
  services.jobs.start((level, fields, message) => app.log[level](fields, message));
  // Today's run of each daily job (digests, retention, measures), unless another instance queued it already.
  await scheduleDaily(database.db, services.dailyJobs, new Date());

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing open requests');
    // A request that hangs must not keep the process alive forever.
    const force = setTimeout(() => {
      app.log.error('shutdown took too long; exiting');
      process.exit(1);
    }, 10_000);
    force.unref();
    // The job worker gets 5 s to finish its running job, then gives it back to the queue for another instance.
    Promise.all([app.close(), services.jobs.stop(5_000)])
      .then(() => database.close())
      .then(() => {
        app.log.info('stopped');
        process.exit(0);
      })
      .catch((error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  await app.listen({ host: config.host, port: config.port });
}

main().catch((error: unknown) => {
  process.stderr.write(`Niet mijn kind could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  if (error instanceof Error && error.cause instanceof Error) process.stderr.write(`  cause: ${error.cause.message}\n`);
  process.exit(1);
});
