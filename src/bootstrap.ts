import type { Services } from './services.js';
import type { Config } from './shared/config/config.js';
import { type DatabaseHandle, openDatabase } from './shared/db/database.js';
import { migrateToLatest } from './shared/db/migrate.js';
import { grantApplicationPrivileges, roleOf } from './shared/db/privileges.js';
import { contentDir, referenceDataDir } from './shared/paths.js';

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
 * Applies pending migrations. With DATABASE_OWNER_URL (PostgreSQL) they run as the tables' owner, who then
 * grants the application's role (DATABASE_URL's user) its limited privileges; otherwise as the app itself.
 */
export async function migrateDatabase(database: DatabaseHandle, config: Config): Promise<string[]> {
  if (config.databaseOwnerUrl === undefined || config.database.kind !== 'postgres') {
    return migrateToLatest(database.db);
  }
  const owner = openDatabase({ kind: 'postgres', url: config.databaseOwnerUrl });
  try {
    const applied = await migrateToLatest(owner.db);
    await grantApplicationPrivileges(owner.db, roleOf(config.database.url));
    return applied;
  } finally {
    await owner.close();
  }
}

/**
 * Brings the database up to date, seeds content into an empty one, and brings in pages whose files changed
 * since the last start (unchanged files write nothing). Safe to run at every start.
 */
export async function prepareDatabase(database: DatabaseHandle, services: Services): Promise<PrepareResult> {
  const migrationsApplied = await migrateDatabase(database, services.config);
  const wasEmpty = await services.content.isEmpty();
  // Reference data is only loaded into an empty database; a newer file set goes in with the CLI's import-regions.
  const regionsSeeded = !(await services.help.hasReferenceData());
  if (regionsSeeded) await services.help.importReferenceData(referenceDataDir);
  // Every editorial kind's files in content/ (ADR 0033): new texts published as by `import:files`, known ones skipped.
  // Information pages among them: published through the editorial store, which writes content_pages (ADR 0040).
  const imported = await services.editorial.importDirectory(contentDir);
  const pages = imported.page ?? { created: 0, updated: 0, unchanged: 0 };
  // Organisations (content/organisations.json) come in as editorial documents too, written to the help finder's table.
  const organisationsWritten = (imported.organisation?.created ?? 0) + (imported.organisation?.updated ?? 0);
  // The pathway registry from the editorial store (ADR 0037): versions published in the CMS are not in the files.
  await services.pathwayVersions.reload();
  // The check answers from the questionnaire versions in the editorial store (ADR 0036), even when none was new.
  await services.questionnaireVersions.reload();
  // The search index is built from what the database now holds (ADR 0034); publishing rebuilds it.
  await services.search.rebuild();
  return {
    migrationsApplied,
    contentSeeded: wasEmpty && pages.created > 0,
    contentUpdated: pages.updated,
    regionsSeeded,
    organisationsWritten,
  };
}
