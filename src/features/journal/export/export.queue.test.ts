import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createApp } from '../../../app.js';
import { createServices, type Services } from '../../../services.js';
import { type DatabaseHandle, openDatabase } from '../../../shared/db/database.js';
import type { Database } from '../../../shared/db/schema.js';
import { verifyBundle } from '../../../shared/evidence/verify.js';
import { appForSuite, signInOverHttp } from '../../../../test/helpers/app.js';
import { dialects } from '../../../../test/helpers/databases.js';
import { buildParent } from '../../../../test/helpers/factories.js';
import { downloadExport, postExportForm, waitForExport } from '../../../../test/helpers/export.js';
import { journalActorOf } from '../journal.service.js';
import { testObservation } from '../../../../test/helpers/journal.js';

/*
 * The export on the job queue (ADR 0025), as parents and attackers meet it: any instance on the database shows
 * the progress and hands over the file to the session that asked, and to no other; the database holds nothing
 * readable of the journal or the label at any point; the chunks and the sealed master key go when the file is
 * taken, the session ends or the time is up; a changed chunk is refused with a page, never a 500.
 */

const passphrase = 'zeven zwanen zwemmen zuidwaarts';
const entryText = 'Kwartelnotitie: een witte bestelbus bij het hek';
const label = 'Zeldzaamlabel';

for (const dialect of dialects) {
  describe(`journal export on the job queue (${dialect})`, () => {
    const testApp = appForSuite(dialect);
    /** A second instance of the app: its own connection, services and worker, on the same database. */
    let other: { app: FastifyInstance; services: Services; handle: DatabaseHandle };
    let cookies: Record<string, string> = {};
    let logKey = '';

    before(async () => {
      const env = testApp.database.env;
      const handle = openDatabase(
        dialect === 'sqlite'
          ? { kind: 'sqlite', file: path.join(env.DATA_DIR!, 'test.sqlite') }
          : { kind: 'postgres', url: env.DATABASE_URL! },
      );
      const services = createServices(handle, testApp.config);
      other = { app: await createApp(services, { logger: false }), services, handle };
      logKey = testApp.services.logKey.publicKey.toString('base64');
      ({ cookies } = await buildParent(testApp, { username: 'wachtrij.ouder', passphrase }));
      const session = await sessionOf(cookies);
      await testApp.services.journal.addObservation(journalActorOf(session), testObservation({ text: entryText }));
    });
    after(async () => {
      await other?.app.close();
      await other?.handle.close();
    });

    const db = () => testApp.database.handle.db;
    async function sessionOf(jar: Record<string, string>) {
      const cookie = Object.entries(jar).find(([name]) => name.endsWith('sessie'))?.[1];
      const session = await testApp.services.accounts.currentSession(cookie);
      assert.ok(session !== undefined);
      return session;
    }
    const start = async (jar: Record<string, string>, app = testApp.app) => {
      const started = await postExportForm(app, jar, { label, keuze: 'alles', wachtwoord: passphrase });
      assert.equal(started.statusCode, 303, started.body.slice(0, 300));
    };
    const exportRows = () => db().selectFrom('journal_exports').selectAll().execute();
    const chunkRows = () => db().selectFrom('journal_export_chunks').selectAll().execute();

    /** Every table, as text: what a copy of the database shows. */
    async function dump(): Promise<string> {
      const tables: (keyof Database)[] = [
        'users',
        'sessions',
        'audit_log',
        'journals',
        'journal_entries',
        'journal_index_segments',
        'journal_attachments',
        'journal_checkpoints',
        'jobs',
        'journal_exports',
        'journal_export_chunks',
      ];
      const parts: string[] = [];
      for (const table of tables) parts.push(JSON.stringify(await db().selectFrom(table).selectAll().execute()));
      return parts.join('\n');
    }

    test('made by a worker of another instance, shown and handed over by it to the same session; the bundle verifies', async () => {
      await start(cookies);
      // Nothing has run yet: the job waits in the database, for any instance.
      const queued = await other.app.inject({ method: 'GET', url: '/logboek/export/bezig', cookies });
      assert.match(queued.body, /Je export wordt gemaakt/);
      assert.equal(await other.services.jobs.runDue(), 1);
      const ready = await waitForExport(other.app, cookies);
      assert.match(ready.body, /Je export is gemaakt/);
      const [row] = await exportRows();
      assert.equal(row?.state, 'done');
      assert.equal(row?.ticket, null, 'the sealed master key is destroyed when the job ends');
      assert.equal(row?.ticket_enc, null);
      assert.ok((await chunkRows()).length >= 1);
      const before_ = (
        await db().selectFrom('audit_log').select('seq').where('action', '=', 'journal.export').execute()
      ).length;
      // The page came from the second instance; the download comes from the first, which never saw the job.
      const download = await downloadExport(testApp.app, cookies, ready);
      assert.equal(download.statusCode, 200);
      assert.equal(download.headers['content-type'], 'application/zip');
      const report = await verifyBundle(new Uint8Array(download.rawPayload), { extraLogKey: logKey });
      assert.deepEqual(report.failures, []);
      assert.equal(report.valid, true);
      assert.equal(report.summary?.label, label);
      const audited = await db().selectFrom('audit_log').select('seq').where('action', '=', 'journal.export').execute();
      assert.equal(audited.length, before_ + 1, 'the download is in the audit log');
      assert.deepEqual(await exportRows(), [], 'taken: the row is gone');
      assert.deepEqual(await chunkRows(), [], 'taken: the chunks are gone');
    });

    test('the database holds nothing readable: no entry text, no label, while queued or when made', async () => {
      await start(cookies);
      const words = [entryText, 'Kwartelnotitie', label, Buffer.from(label).toString('base64')];
      const queued = await dump();
      for (const word of words) assert.ok(!queued.includes(word), `queued: ${word}`);
      await testApp.services.jobs.runDue();
      const made = await dump();
      assert.ok(made.includes('"state":"done"'));
      for (const word of words) assert.ok(!made.includes(word), `made: ${word}`);
      await testApp.services.exports.drop((await sessionOf(cookies)).idHash);
    });

    test('another session of the account, or another account, gets nothing; moved to its session in the database it does not open', async () => {
      await start(cookies);
      await testApp.services.jobs.runDue();
      const { response: signedIn, cookies: second } = await signInOverHttp(testApp.app, 'wachtrij.ouder', passphrase);
      assert.equal(signedIn.statusCode, 303);
      const { cookies: stranger } = await buildParent(testApp, { username: 'wachtrij.vreemde', passphrase });
      for (const jarOf of [second, stranger]) {
        const page = await testApp.app.inject({ method: 'GET', url: '/logboek/export/bezig', cookies: jarOf });
        assert.match(page.body, /Er wordt nu geen export voor je gemaakt/);
        assert.equal((await downloadExport(testApp.app, jarOf, page)).statusCode, 410);
      }
      assert.equal((await exportRows())[0]?.state, 'done', 'the owner’s export is untouched');
      // Someone with write access to the database hands the export to the other session: it still does not open.
      const secondSession = await sessionOf(second);
      await db()
        .updateTable('journal_exports')
        .set({ session_id_hash: secondSession.idHash })
        .where('session_id_hash', '=', (await sessionOf(cookies)).idHash)
        .execute();
      const page = await testApp.app.inject({ method: 'GET', url: '/logboek/export/bezig', cookies: second });
      assert.match(page.body, /Je export is gemaakt/);
      const refused = await downloadExport(testApp.app, second, page);
      assert.equal(refused.statusCode, 410);
      assert.match(refused.body, /Er ging iets mis bij het maken van je export/);
      assert.notEqual(refused.headers['content-type'], 'application/zip');
      assert.deepEqual(await exportRows(), [], 'what does not open is deleted');
    });

    test('a changed or missing chunk is refused with a page, not a 500, and nothing is handed over', async () => {
      for (const damage of ['flip', 'delete'] as const) {
        await start(cookies);
        await testApp.services.jobs.runDue();
        const [chunk] = await chunkRows();
        assert.ok(chunk !== undefined);
        if (damage === 'flip') {
          const bytes = Buffer.from(chunk.data, 'base64');
          bytes[bytes.length >> 1]! ^= 0x01;
          await db()
            .updateTable('journal_export_chunks')
            .set({ data: bytes.toString('base64') })
            .where('export_id', '=', chunk.export_id)
            .execute();
        } else {
          await db().deleteFrom('journal_export_chunks').where('export_id', '=', chunk.export_id).execute();
        }
        const page = await waitForExport(testApp.app, cookies);
        const before_ = (await db().selectFrom('audit_log').select('seq').execute()).length;
        const refused = await downloadExport(testApp.app, cookies, page);
        assert.equal(refused.statusCode, 410, damage);
        assert.match(refused.body, /Er ging iets mis bij het maken van je export/, damage);
        assert.equal((await db().selectFrom('audit_log').select('seq').execute()).length, before_, 'nothing recorded');
        assert.deepEqual(await exportRows(), [], damage);
      }
    });

    test('an export whose time is up is gone, with its chunks, once the expiry job has run', async () => {
      await start(cookies);
      await testApp.services.jobs.runDue();
      assert.equal((await exportRows()).length, 1);
      const past = new Date(Date.now() - 1000).toISOString();
      await db().updateTable('journal_exports').set({ expires_at: past }).execute();
      // Nobody sees an export past its time, even before it is deleted.
      const page = await testApp.app.inject({ method: 'GET', url: '/logboek/export/bezig', cookies });
      assert.match(page.body, /Er wordt nu geen export voor je gemaakt/);
      await db().updateTable('jobs').set({ run_after: past }).where('kind', '=', 'journal.export.expire').execute();
      assert.ok((await testApp.services.jobs.runDue()) >= 1);
      assert.deepEqual(await exportRows(), []);
      assert.deepEqual(await chunkRows(), []);
    });

    test('an export whose worker died is shown as stopped once it has not moved for a while, and may be made again', async () => {
      await start(cookies);
      const repo = testApp.services.exportsRepository;
      const [row] = await exportRows();
      assert.ok(row !== undefined);
      // A worker takes it and reports, then its process dies: its claim on the job still holds.
      assert.ok((await repo.begin(row.id, 'run-dead', new Date())) !== undefined);
      assert.equal(await repo.report(row.id, 'run-dead', { phase: 'pdf', done: 3, total: 9 }, new Date()), true);
      await db().updateTable('jobs').set({ state: 'running' }).where('kind', '=', 'journal.export.make').execute();
      const statusPage = () => testApp.app.inject({ method: 'GET', url: '/logboek/export/bezig', cookies });
      assert.match((await statusPage()).body, /Je export wordt gemaakt/, 'moving recently: still being made');
      const again = await postExportForm(testApp.app, cookies, { label, keuze: 'alles', wachtwoord: passphrase });
      assert.equal(again.statusCode, 409, 'one export at a time while it moves');

      const quiet = new Date(Date.now() - 11 * 60_000).toISOString();
      await db().updateTable('journal_exports').set({ updated_at: quiet }).where('id', '=', row.id).execute();
      const stopped = await statusPage();
      assert.equal(stopped.statusCode, 200);
      assert.match(stopped.body, /Het maken van je export is mislukt/, 'not moving for ten minutes: it stopped');
      await start(cookies);
      const rows = await exportRows();
      assert.equal(rows.length, 1);
      assert.notEqual(rows[0]!.id, row.id, 'a new export replaced the stopped one');
      await db().deleteFrom('jobs').where('kind', '=', 'journal.export.make').where('state', '=', 'running').execute();
      await testApp.services.exports.drop((await sessionOf(cookies)).idHash);
    });

    test('a ticket whose master key is of an older key epoch makes nothing: the export fails, no chunk is stored', async () => {
      await start(cookies);
      const session = await sessionOf(cookies);
      const [row] = await exportRows();
      assert.ok(row !== undefined);
      // As if the account's keys were replaced while the export waited and its row had survived that.
      const epochOf = async () =>
        (await db().selectFrom('users').select('key_epoch').where('id', '=', session.userId).executeTakeFirstOrThrow())
          .key_epoch;
      const epoch = await epochOf();
      await db()
        .updateTable('users')
        .set({ key_epoch: epoch + 1 })
        .where('id', '=', session.userId)
        .execute();
      try {
        await testApp.services.jobs.runDue();
      } finally {
        await db().updateTable('users').set({ key_epoch: epoch }).where('id', '=', session.userId).execute();
      }
      const [after] = await exportRows();
      assert.equal(after?.state, 'failed');
      assert.equal(after?.ticket, null, 'the ticket is destroyed');
      assert.deepEqual(await chunkRows(), []);
      await testApp.services.exports.drop(session.idHash);
    });

    test("a key rotation on another device deletes this session's export with the session", async () => {
      const { cookies: mine } = await buildParent(testApp, { username: 'draaiende.ouder', passphrase });
      const session = await sessionOf(mine);
      await testApp.services.journal.addObservation(journalActorOf(session), testObservation({ text: entryText }));
      await start(mine);
      await testApp.services.jobs.runDue();
      const ofUser = async () =>
        (await exportRows()).filter((row) => row.user_id === session.userId).map((row) => row.state);
      assert.deepEqual(await ofUser(), ['done']);
      // The same account signs in elsewhere and replaces its keys (someone may know the passphrase).
      const login = await testApp.services.accounts.login(
        { gebruikersnaam: 'draaiende.ouder', wachtwoord: passphrase },
        undefined,
        '10.3.3.3',
      );
      assert.ok(login.ok);
      const elsewhere = (await testApp.services.accounts.currentSession(login.cookie))!;
      const newPassphrase = 'acht apen aten appels';
      const rotated = await testApp.services.keyRotation.rotate(
        elsewhere,
        { huidig: passphrase, wachtwoord: newPassphrase, herhaling: newPassphrase },
        '10.3.3.3',
        'elders',
      );
      assert.ok(rotated.ok);
      assert.deepEqual(await ofUser(), [], 'the export went with its session');
      assert.equal(
        (await chunkRows()).length,
        0,
        'and its chunks (only this export had any: the others were taken or dropped)',
      );
    });

    test('dropped while a worker makes it: the worker stops at its next report and stores nothing', async () => {
      await start(cookies);
      const session = await sessionOf(cookies);
      const repo = testApp.services.exportsRepository;
      const [row] = await exportRows();
      assert.ok(row !== undefined);
      assert.ok((await repo.begin(row.id, 'run-1', new Date())) !== undefined);
      assert.equal(await repo.report(row.id, 'run-1', { phase: 'pdf', done: 1, total: 2 }, new Date()), true);
      await testApp.services.exports.drop(session.idHash);
      assert.equal(await repo.report(row.id, 'run-1', { phase: 'pdf', done: 2, total: 2 }, new Date()), false);
      const finished = await repo.finish(
        row.id,
        'run-1',
        { enc: 'x', bytes: 1, count: 1, chunks: [{ index: 0, data: 'eA==' }], journalId: 'j' },
        new Date(),
        new Date(Date.now() + 60_000),
      );
      assert.equal(finished, false);
      assert.deepEqual(await chunkRows(), []);
      // Its job finds nothing to do.
      await testApp.services.jobs.runDue();
      assert.deepEqual(await exportRows(), []);
    });
  });
}
