import { readFileSync } from 'node:fs';
import { migrateDatabase, prepareDatabase } from './bootstrap.js';
import { z } from 'zod';
import { runVerifyExport } from './features/verify/verify-export.cli.js';
import { runVerifyCheckpoint } from './features/log/witness.cli.js';
import { runVerifyAudit, storedRoot } from './features/log/audit-root.js';
import { createApp } from './app.js';
import { demoCode, demoRefusal, printDemoAccounts, productionRefusal, seedDemo } from './features/demo/seed-demo.js';
import { measuresCsv } from './features/cases/case-measures.service.js';
import { exportContent, importContent } from './features/editorial/content-files.js';
import { translatorFor } from './messages.js';
import { createServices } from './services.js';
import { ConfigError, loadConfig } from './shared/config/config.js';
import { useNodeNatives } from './shared/crypto/node-natives.js';
import { resolvePepper } from './shared/crypto/pepper.js';
import { BackupRefused, backupDatabase } from './shared/db/backup.js';
import { openDatabase } from './shared/db/database.js';
import { contentDir, organisationsFile, referenceDataDir } from './shared/paths.js';

// The evidence library hashes with Node's native SHA-256 here (the browser uses the portable one).
useNodeNatives();

const usage = `Usage: npm run cli -- <command>

Commands:
  migrate                 apply pending database migrations
  import-content [folder] import every editorial kind's files (default: ./content) as published revisions by
                          import:files; every file is checked first, one bad file imports nothing; texts already
                          published are skipped (seed-content is another name for it)
  export-content <folder> write every published document as the files content/ holds (ADR 0040)
  import-regions [folder] load municipalities, postcodes, veiligheidsregio's and police units from CSV files
                          (default: ./reference-data); replaces the previous set in one transaction
  backup <file>           copy the SQLite database to a new file (mode 0600) while the server keeps serving;
                          never overwrites a file, never copies the key files; on PostgreSQL it refuses and
                          points to pg_dump (docs/operations.md, "Backups and restore")
  verify-audit [--root <file>]
                          check the audit log's hash chain (finds deleted, altered or inserted rows), and its
                          head against the latest published global root and a root file kept elsewhere (the
                          JSON of GET /api/v1/log/root): finds an audit log cut short or rewritten since
  verify-journals         check every journal's log as stored (leaves, account signatures, checkpoints signed
                          by LOG_SIGNING_KEY or LOG_PREVIOUS_PUBLIC_KEYS) without user keys; prints journal ids,
                          positions and check names only; exit code 0 all fine, 1 a problem
  create-admin --email <address> [--origin <https://…>]
                          print a one-time set-up link (24 hours) for a new admin, who must then set up a
                          second factor before anything else
  create-editor --email <address> --role editor|reviewer [--origin <https://…>]
                          the same for an editor or reviewer of the CMS (/beheer, ADR 0033)
  import-organisations [file]
                          add or update organisations from JSON (default: ./content/organisations.json)
  verify-export <bundle.zip> [--show] [--log-key <key or file>] [--author-fingerprint <hex>] [--known-checkpoint <file>] [--tsa-cert <file>]
                          check a journal export bundle offline (docs/export-format.md §6); needs no
                          database; exit code 0 valid, 1 not valid, 2 usage error
  verify-checkpoint (--url <site> | --file <note>) --log <vkey> [--witness <vkey>…] [--quorum <n>]
                          [--consistent-with <older note>]
                          check the log of global roots' checkpoint: the log's signature and the witnesses'
                          cosignatures (docs/transparency.md); needs no database; exit code 0 valid, 1 not, 2 usage
  seed-demo [--origin <http://…>]
                          a demo to try the case space: verified demo organisations for every professional role
                          and active demo accounts (two admins, a parent, care worker, regisseur, Veilig Thuis,
                          police, jeugdbescherming, school), each with TOTP; prints their names, passphrases and
                          TOTP secrets. Refused in production, on a database with other accounts, and a second time
  measures [--compute]    print the case space's weekly figures (measure tables, ADR 0032) as CSV in long form:
                          table,week,category,measure,value; --compute first writes the previous and the current
                          week again, as the daily job does
  demo-code <secret>      print the current TOTP code of a (demo) account's secret, as an authenticator app would;
                          needs no database
  help                    show this text

The database is chosen as for npm start: DATABASE_URL (PostgreSQL) or DATA_DIR (SQLite).`;

async function run(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help') {
    console.log(usage);
    return command === undefined ? 1 : 0;
  }
  if (command === 'demo-code') {
    const code = await demoCode(rest.join(''));
    if (code === undefined) {
      console.error('demo-code needs a TOTP secret in base32 (the letters A–Z and digits 2–7).');
      return 2;
    }
    console.log(code);
    return 0;
  }
  if (command === 'verify-export') {
    return runVerifyExport(rest, { out: (line) => console.log(line), err: (line) => console.error(line) });
  }
  if (command === 'backup') return runBackup(rest);
  if (command === 'verify-checkpoint') {
    return runVerifyCheckpoint(rest, { out: (line) => console.log(line), err: (line) => console.error(line) });
  }
  const commands = [
    'migrate',
    'seed-content',
    'import-content',
    'export-content',
    'import-regions',
    'import-organisations',
    'verify-audit',
    'verify-journals',
    'create-admin',
    'create-editor',
    'seed-demo',
    'measures',
  ];
  if (!commands.includes(command)) {
    console.error(`Unknown command "${command}".\n\n${usage}`);
    return 1;
  }
  const config = loadConfig();
  if (command === 'seed-demo' && config.env === 'production') {
    // Before the database is even opened.
    console.error(productionRefusal);
    return 1;
  }
  config.pepper = resolvePepper(config, (message) => console.error(`Warning: ${message}`));
  const database = openDatabase(config.database);
  try {
    const applied = await migrateDatabase(database, config);
    if (command === 'migrate') {
      console.log(applied.length === 0 ? 'Database is up to date.' : `Applied: ${applied.join(', ')}`);
      return 0;
    }
    const services = createServices(database, config);
    if (command === 'measures') {
      if (rest.includes('--compute')) await services.caseMeasures.daily(new Date());
      process.stdout.write(measuresCsv(await services.caseMeasures.stored()));
      return 0;
    }
    if (command === 'seed-demo') {
      const refused = await demoRefusal(config, database.db);
      if (refused !== undefined) {
        console.error(refused.message);
        return 1;
      }
      // What npm start does first (content, reference data with the police units, organisations), then the demo.
      await prepareDatabase(database, services);
      const app = await createApp(services, { logger: false });
      try {
        const result = await seedDemo(app, services, database.db);
        if (!result.ok) {
          console.error(result.message);
          return 1;
        }
        const originAt = rest.indexOf('--origin');
        const origin = originAt === -1 ? `http://localhost:${config.port}` : (rest[originAt + 1] ?? '');
        for (const line of printDemoAccounts(result, origin.replace(/\/$/, ''))) console.log(line);
        return 0;
      } finally {
        await app.close();
      }
    }
    if (command === 'import-regions') {
      const counts = await services.help.importReferenceData(rest[0] ?? referenceDataDir);
      console.log(
        `Regions: ${counts.municipalities} municipalities, ${counts.postcodes} postcode pairs, ` +
          `${counts.safetyRegions} veiligheidsregio's, ${counts.policeUnits} police units.`,
      );
      return 0;
    }
    if (command === 'create-admin' || command === 'create-editor') {
      const emailAt = rest.indexOf('--email');
      const email = emailAt === -1 ? undefined : rest[emailAt + 1];
      if (email === undefined || !z.email().safeParse(email).success) {
        console.error(`${command} needs --email with a valid e-mail address.`);
        return 1;
      }
      const roleAt = rest.indexOf('--role');
      const asked = roleAt === -1 ? undefined : rest[roleAt + 1];
      const role =
        command === 'create-admin' ? 'admin' : asked === 'editor' || asked === 'reviewer' ? asked : undefined;
      if (role === undefined) {
        console.error('create-editor needs --role editor or --role reviewer.');
        return 1;
      }
      const originAt = rest.indexOf('--origin');
      const origin = originAt === -1 ? `http://localhost:${config.port}` : (rest[originAt + 1] ?? '');
      const token = await services.accounts.createAdminSetupLink(email, role);
      console.log(
        `One-time set-up link for ${email} (valid 24 hours, once):\n${origin.replace(/\/$/, '')}/beheer/start/${token}`,
      );
      return 0;
    }
    if (command === 'verify-audit') {
      // The chain, then its head against the latest published root and any --root file (§4.2).
      return await runVerifyAudit(rest, {
        verifyChain: (options) => services.audit.verify(options),
        latestRoot: async () => {
          const root = await services.log.latest();
          return root === undefined ? undefined : storedRoot(root, services.log.auditLeafOf(root));
        },
        logKeys: [services.logKey.publicKey, ...config.logPreviousPublicKeys],
        readFile: (file) => readFileSync(file, 'utf8'),
        out: (line) => console.log(line),
        err: (line) => console.error(line),
      });
    }
    if (command === 'verify-journals') {
      let journals = 0;
      let failing = 0;
      for await (const report of services.journal.checkAllLogs()) {
        journals += 1;
        if (report.problems.length === 0) {
          console.log(`journal ${report.journalId}: ok (${report.entries} entries)`);
          continue;
        }
        failing += 1;
        for (const problem of report.problems) {
          // Checkpoint and size problems are at a log size; the account key has no position; the rest at an entry.
          const where =
            problem.check === 'author-key'
              ? 'account key'
              : /^checkpoint-|^journal-size$/.test(problem.check)
                ? `size ${problem.at}`
                : `entry ${problem.at}`;
          console.log(`journal ${report.journalId}: ${where}: ${problem.check}`);
        }
      }
      const summary = `Journals: ${journals} checked, ${failing} with problems.`;
      if (failing === 0) console.log(summary);
      else console.error(summary);
      return failing === 0 ? 0 : 1;
    }
    if (command === 'import-organisations') {
      const written = await services.help.importOrganisations(rest[0] ?? organisationsFile);
      console.log(`Organisations: ${written} added or changed.`);
      return 0;
    }
    if (command === 'export-content') {
      const target = rest[0];
      if (target === undefined) {
        console.error('export-content needs a folder to write to, e.g. npm run cli -- export-content ./content');
        return 2;
      }
      const written = await exportContent(services.editorial, target);
      console.log(`Content: ${written.length} files written to ${target}.`);
      return 0;
    }
    // import-content and seed-content: through the editorial store, which writes the pages' tables on publish.
    const imported = Object.entries(
      await importContent(services.editorial, rest[0] ?? contentDir, translatorFor('nl')),
    );
    const total = (field: 'created' | 'updated' | 'unchanged') =>
      imported.reduce((sum, [, counts]) => sum + counts[field], 0);
    for (const [kind, counts] of imported) {
      console.log(`  ${kind}: ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged`);
    }
    console.log(`Content: ${total('created')} created, ${total('updated')} updated, ${total('unchanged')} unchanged.`);
    return 0;
  } finally {
    await database.close();
  }
}

/** Neither migrates nor reads the pepper: a backup takes the database exactly as the server has it. */
async function runBackup(rest: readonly string[]): Promise<number> {
  const target = rest[0];
  if (target === undefined || rest.length > 1) {
    console.error('backup needs exactly one file to write, e.g. npm run cli -- backup /backups/nmk-2026-12-07.sqlite');
    return 2;
  }
  const config = loadConfig();
  try {
    const done = await backupDatabase(config.database, target);
    console.log(`Backup written: ${done.file} (${done.pages} pages, ${done.bytes} bytes, integrity ok, mode 0600).`);
    console.log(
      'The keys (PEPPER and LOG_SIGNING_KEY, or pepper.key and log-signing.key in DATA_DIR) are not in it: ' +
        'keep them apart from the backups (docs/operations.md).',
    );
    return 0;
  } catch (error) {
    if (!(error instanceof BackupRefused)) throw error;
    console.error(error.message);
    return 1;
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(
      error instanceof ConfigError
        ? error.message
        : `Failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  },
);
