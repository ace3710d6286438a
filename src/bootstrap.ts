import type { Services } from './services.js';
import type { DatabaseHandle } from './shared/db/database.js';
import { migrateToLatest } from './shared/db/migrate.js';
import { contentDir } from './shared/paths.js';

export interface PrepareResult {
  migrationsApplied: string[];
  contentSeeded: boolean;
}

/** Brings the database up to date and seeds content into an empty one. Safe to run at every start. */
export async function prepareDatabase(database: DatabaseHandle, services: Services): Promise<PrepareResult> {
  const migrationsApplied = await migrateToLatest(database.db);
  let contentSeeded = false;
  if (await services.content.isEmpty()) {
    await services.content.importDirectory(contentDir);
    contentSeeded = true;
  }
  return { migrationsApplied, contentSeeded };
}
