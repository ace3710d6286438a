import type { Services } from './services.js';
import type { DatabaseHandle } from './shared/db/database.js';
import { migrateToLatest } from './shared/db/migrate.js';
import { contentDir, organisationsFile, referenceDataDir } from './shared/paths.js';

export interface PrepareResult {
  migrationsApplied: string[];
  /** True when content was imported into an empty database. */
  contentSeeded: boolean;
  /** Pages changed in content/ since the last start, updated in the database. */
  contentUpdated: number;
  /** True when the regions (CBS/GeoNames) were loaded into an empty database. */
  regionsSeeded: boolean;
  /** Organisations added or changed from content/organisations.json. */
  organisationsWritten: number;
}

/**
 * Brings the database up to date, seeds content into an empty one, and brings in pages whose files changed
 * since the last start (unchanged files write nothing). Safe to run at every start.
 */
export async function prepareDatabase(database: DatabaseHandle, services: Services): Promise<PrepareResult> {
  const migrationsApplied = await migrateToLatest(database.db);
  const wasEmpty = await services.content.isEmpty();
  const summary = await services.content.importDirectory(contentDir);
  // Reference data is only loaded into an empty database; a newer file set goes in with the CLI's import-regions.
  const regionsSeeded = !(await services.help.hasReferenceData());
  if (regionsSeeded) await services.help.importReferenceData(referenceDataDir);
  const organisationsWritten = await services.help.importOrganisations(organisationsFile);
  return {
    migrationsApplied,
    contentSeeded: wasEmpty && summary.created > 0,
    contentUpdated: summary.updated,
    regionsSeeded,
    organisationsWritten,
  };
}
