// A throwaway SQLite database with the real services and one signed-up parent, for the journal and export
// benches: the same configuration the tests use (light Argon2, a throwaway log key), removed by close().
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prepareDatabase } from '../src/bootstrap.js';
import { categories, type Observation } from '../src/features/journal/journal.schema.js';
import { type JournalActor, journalActorOf } from '../src/features/journal/journal.service.js';
import { createServices, type Services } from '../src/services.js';
import { type Config, loadConfig } from '../src/shared/config/config.js';
import { type DatabaseHandle, openDatabase } from '../src/shared/db/database.js';

export interface BenchJournal {
  config: Config;
  database: DatabaseHandle;
  services: Services;
  /** The parent's session cookie value and journal actor. */
  cookie: string;
  who: JournalActor;
  close(): Promise<void>;
}

export async function openBenchJournal(name: string): Promise<BenchJournal> {
  const directory = mkdtempSync(path.join(os.tmpdir(), `nmk-bench-${name}-`));
  try {
    const config = loadConfig({
      NODE_ENV: 'test',
      DATA_DIR: directory,
      LOG_LEVEL: 'silent',
      RATE_LIMIT_MAX: '1000000',
      ARGON2_MEMORY_KIB: '19456',
      ARGON2_ITERATIONS: '2',
      // A throwaway log key for the throwaway database.
      LOG_SIGNING_KEY: generateKeyPairSync('ed25519')
        .privateKey.export({ type: 'pkcs8', format: 'der' })
        .toString('base64'),
    });
    config.pepper ??= randomBytes(32);
    const database = openDatabase(config.database);
    const services = createServices(database, config);
    await prepareDatabase(database, services);
    const passphrase = 'meetlint onder de trap';
    const signUp = await services.accounts.register(
      { gebruikersnaam: `bench.${name}`, wachtwoord: passphrase, herhaling: passphrase },
      undefined,
    );
    if (!signUp.ok) throw new Error('sign-up failed');
    const session = (await services.accounts.currentSession(signUp.cookie))!;
    return {
      config,
      database,
      services,
      cookie: signUp.cookie,
      who: journalActorOf(session),
      close: async () => {
        await database.close();
        rmSync(directory, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(directory, { recursive: true, force: true });
    throw error;
  }
}

/** A typical entry, varied by its number: a few details now and then, dates over about two and a half years. */
export function observation(index: number): Observation {
  const day = new Date(Date.UTC(2024, 0, 1) + (index % 900) * 86_400_000).toISOString().slice(0, 10);
  return {
    date: day,
    time: `${String(index % 24).padStart(2, '0')}:15`,
    approximate: index % 7 === 0,
    category: categories[index % categories.length]!,
    text: `Notitie ${index}: kwam laat thuis, had een nieuwe telefoon en wilde niet zeggen van wie. Ze zei dat een vriend hem had gegeven.`,
    people: index % 3 === 0 ? [{ name: 'Rico', description: 'ouder, zwarte jas' }] : [],
    online: index % 5 === 0 ? ['snap: rico_0612'] : [],
    phones: [],
    plates: index % 4 === 0 ? [{ value: 'GB-123-X', recognised: true }] : [],
    places: [],
    agencies: [],
  };
}
