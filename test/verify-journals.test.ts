import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Observation } from '../src/features/journal/journal.schema.js';
import { journalActorOf } from '../src/features/journal/journal.service.js';
import { createServices, type Services } from '../src/services.js';
import { loadConfig } from '../src/shared/config/config.js';
import { type DatabaseHandle, openDatabase } from '../src/shared/db/database.js';
import { migrateToLatest } from '../src/shared/db/migrate.js';
import { type AppDatabase, createAppDatabase, newLogKey, processSecrets, runCli } from './helpers/app-process.js';
import { dialects } from './helpers/databases.js';
import { buildParentSession } from './helpers/factories.js';
import { testObservation } from './helpers/journal.js';

/*
 * `npm run cli -- verify-journals`: the operator's check of every journal's log as stored, with no user key.
 * It names journals by id and problems by position and check, never a username or content.
 */

const observation = (text: string): Observation => testObservation({ text });

/** A copy of a hex string with one digit changed: the text stays canonical JSON, only its meaning changes. */
const flipHexDigit = (text: string, at: number): string =>
  `${text.slice(0, at)}${text[at] === '0' ? '1' : '0'}${text.slice(at + 1)}`;

for (const dialect of dialects) {
  describe(`verify-journals [${dialect}]`, () => {
    const logKey = newLogKey();
    const secrets = processSecrets(logKey.signingKey);
    let database: AppDatabase;
    let handle: DatabaseHandle;
    let services: Services;
    let env: Record<string, string>;
    const journals: { id: string; username: string }[] = [];

    const db = () => handle.db;
    const verify = (extra: Record<string, string> = {}) => runCli(['verify-journals'], { ...env, ...extra });

    async function parentWithEntries(username: string, count: number): Promise<void> {
      const passphrase = 'zeven zwanen op het water';
      const { session } = await buildParentSession(services.accounts, { username, passphrase });
      const who = journalActorOf(session);
      for (let index = 0; index < count; index += 1) {
        await services.journal.addObservation(who, observation(`geheime inhoud ${username} ${index}`));
      }
      const { id } = await db()
        .selectFrom('journals')
        .select('id')
        .where('owner_id', '=', session.userId)
        .executeTakeFirstOrThrow();
      journals.push({ id, username });
    }

    before(async () => {
      database = await createAppDatabase(dialect);
      env = { ...database.env, ...secrets };
      const config = loadConfig({ NODE_ENV: 'test', ...env });
      handle = openDatabase(config.database);
      await migrateToLatest(handle.db);
      services = createServices(handle, config);
      await parentWithEntries('ouder.een', 3);
      await parentWithEntries('ouder.twee', 2);
    });
    after(async () => {
      await handle?.close();
      await database?.cleanup();
    });

    test('a clean database passes: every journal ok with its number of entries, exit code 0', async () => {
      const result = await verify();
      assert.equal(result.status, 0, result.stdout + result.stderr);
      const [one, two] = journals;
      assert.match(result.stdout, new RegExp(`^journal ${one!.id}: ok \\(3 entries\\)$`, 'm'));
      assert.match(result.stdout, new RegExp(`^journal ${two!.id}: ok \\(2 entries\\)$`, 'm'));
      assert.match(result.stdout, /^Journals: 2 checked, 0 with problems\.$/m);
      for (const { username } of journals) assert.ok(!(result.stdout + result.stderr).includes(username));
      assert.doesNotMatch(result.stdout + result.stderr, /geheime inhoud/);
    });

    test('a tampered leaf and a tampered checkpoint are named with their journal, position and check, exit 1', async () => {
      const [one, two] = journals;
      const entry = await db()
        .selectFrom('journal_entries')
        .select(['id', 'leaf_data'])
        .where('journal_id', '=', one!.id)
        .where('idx', '=', 1)
        .executeTakeFirstOrThrow();
      const checkpoint = await db()
        .selectFrom('journal_checkpoints')
        .select(['signature'])
        .where('journal_id', '=', two!.id)
        .where('size', '=', 1)
        .executeTakeFirstOrThrow();
      const leaf = entry.leaf_data!;
      // A digit of the commitment: still a canonical leaf, but no longer the one that was signed and hashed.
      const commitmentDigit = leaf.indexOf('"commitment":"') + '"commitment":"'.length + 10;
      const signatureBytes = Buffer.from(checkpoint.signature, 'base64');
      signatureBytes[5]! ^= 1;
      await db()
        .updateTable('journal_entries')
        .set({ leaf_data: flipHexDigit(leaf, commitmentDigit) })
        .where('id', '=', entry.id)
        .execute();
      await db()
        .updateTable('journal_checkpoints')
        .set({ signature: signatureBytes.toString('base64') })
        .where('journal_id', '=', two!.id)
        .where('size', '=', 1)
        .execute();
      try {
        const result = await verify();
        assert.equal(result.status, 1, result.stdout + result.stderr);
        const lines = result.stdout.trim().split('\n');
        assert.deepEqual(
          lines.filter((line) => line.startsWith(`journal ${one!.id}:`)),
          [
            `journal ${one!.id}: entry 1: leaf-hash`,
            `journal ${one!.id}: entry 1: leaf-signature`,
            // The tree is built from the stored leaf: every later checkpoint's root no longer matches.
            `journal ${one!.id}: size 2: checkpoint-root`,
            `journal ${one!.id}: size 3: checkpoint-root`,
          ],
        );
        assert.deepEqual(
          lines.filter((line) => line.startsWith(`journal ${two!.id}:`)),
          [`journal ${two!.id}: size 1: checkpoint-signature`],
        );
        assert.match(result.stderr, /^Journals: 2 checked, 2 with problems\.$/m);
        for (const { username } of journals) assert.ok(!(result.stdout + result.stderr).includes(username));
      } finally {
        await db().updateTable('journal_entries').set({ leaf_data: leaf }).where('id', '=', entry.id).execute();
        await db()
          .updateTable('journal_checkpoints')
          .set({ signature: checkpoint.signature })
          .where('journal_id', '=', two!.id)
          .where('size', '=', 1)
          .execute();
      }
    });

    test('after a log key rotation, old checkpoints pass only while the old public key is listed', async () => {
      const rotated = { ...env, LOG_SIGNING_KEY: newLogKey().signingKey };
      const unlisted = await verify(rotated);
      assert.equal(unlisted.status, 1, unlisted.stdout + unlisted.stderr);
      assert.match(unlisted.stdout, new RegExp(`^journal ${journals[0]!.id}: size 1: checkpoint-signature$`, 'm'));
      const listed = await verify({ ...rotated, LOG_PREVIOUS_PUBLIC_KEYS: logKey.publicKey });
      assert.equal(listed.status, 0, listed.stdout + listed.stderr);
    });

    test('a last entry deleted together with its checkpoint shows as a size mismatch', async () => {
      const [one] = journals;
      await db().deleteFrom('journal_entries').where('journal_id', '=', one!.id).where('idx', '=', 2).execute();
      await db().deleteFrom('journal_checkpoints').where('journal_id', '=', one!.id).where('size', '=', 3).execute();
      const result = await verify();
      assert.equal(result.status, 1, result.stdout + result.stderr);
      assert.match(result.stdout, new RegExp(`^journal ${one!.id}: size 3: journal-size$`, 'm'));
      assert.match(result.stdout, new RegExp(`^journal ${journals[1]!.id}: ok \\(2 entries\\)$`, 'm'));
    });
  });
}
