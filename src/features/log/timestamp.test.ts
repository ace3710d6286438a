import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { appForSuite } from '../../../test/helpers/app.js';
import { dialects } from '../../../test/helpers/databases.js';
import { exportJournal } from '../../../test/helpers/export.js';
import { buildParent, type BuiltAccount } from '../../../test/helpers/factories.js';
import { testObservation } from '../../../test/helpers/journal.js';
import { type LocalTsa, startLocalTsa } from '../../../test/helpers/tsa.js';
import { GENESIS, rowHash } from '../audit/audit.repo.js';
import { journalActorOf } from '../journal/journal.service.js';
import { runVerifyExport } from '../verify/verify-export.cli.js';
import { toBase64, utf8 } from '../../shared/evidence/bytes.js';
import { checkTimestampToken, rootImprint } from '../../shared/evidence/timestamp.js';
import { verifyBundle } from '../../shared/evidence/verify.js';
import { runVerifyAudit, storedRoot } from './audit-root.js';
import { timestampRootJob } from './timestamp.js';

/*
 * Transparency beyond this server (issue 17, points 4a and 4c), on both databases, against a local TSA made with
 * `openssl ts`: each new global root is timestamped by a job (tried again while the TSA is down), an export
 * carries its root's token and both verifiers' code checks it; and the audit log's chain head is a leaf of every
 * root, so `verify-audit` finds an audit log cut short or rewritten after a root was published (also against a
 * copy of the root kept outside the database).
 */

const passphrase = 'tijd stempel voor elke wortel';

for (const dialect of dialects) {
  describe(`RFC 3161 timestamps and the audit head in the global root (${dialect})`, () => {
    let tsa: LocalTsa;
    let parent: BuiltAccount;
    let dir: string;
    before(async () => {
      tsa = await startLocalTsa();
      dir = mkdtempSync(path.join(os.tmpdir(), 'nmk-roots-'));
    });
    const testApp = appForSuite(dialect, () => ({ TSA_URL: tsa.url, TSA_CERT_FILE: tsa.certFile }));
    after(async () => {
      await tsa?.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    const db = () => testApp.database.handle.db;
    async function write(text: string): Promise<void> {
      parent ??= await buildParent(testApp, { passphrase });
      const session = await testApp.services.accounts.currentSession(parent.session);
      assert.ok(session !== undefined && session !== null);
      await testApp.services.journal.addObservation(journalActorOf(session), testObservation({ text }));
    }
    const timestampJobs = () =>
      db().selectFrom('jobs').selectAll().where('kind', '=', timestampRootJob.name).orderBy('created_at').execute();

    test('a new root is timestamped by a job; the checked token is kept and published with the root', async () => {
      await write('Eerste notitie voor de tijdstempel');
      const root = await testApp.services.log.publish();
      assert.ok(root !== undefined);
      assert.equal((await timestampJobs()).length, 1, 'the new root queued one timestamp job');
      await testApp.services.jobs.runDue();
      const kept = await testApp.services.log.timestampOf(root.seq);
      assert.ok(kept !== undefined, 'the token is kept');
      const check = await checkTimestampToken(Buffer.from(kept.token, 'base64'), rootImprint(utf8(root.bytes)), {
        trustedCerts: [tsa.certDer],
      });
      assert.ok(check.ok && check.info.trusted);
      const published = await testApp.app.inject({ method: 'GET', url: '/api/v1/log/root' });
      const body = published.json<{ seq: number; timestamp?: string; audit?: { size: number } }>();
      assert.equal(body.seq, root.seq);
      assert.equal(body.timestamp, kept.token);
      assert.ok(body.audit !== undefined && body.audit.size > 0, 'the root holds the audit head');
    });

    test('while the TSA is down the job fails and is tried again; once it is back the root is timestamped', async () => {
      tsa.down = true;
      await write('Notitie terwijl de tijdstempeldienst uit de lucht is');
      const root = await testApp.services.log.publish();
      assert.ok(root !== undefined);
      const asked = tsa.requests;
      await testApp.services.jobs.runDue();
      assert.ok(tsa.requests > asked, 'the TSA was asked');
      assert.equal(await testApp.services.log.timestampOf(root.seq), undefined);
      const job = (await timestampJobs()).at(-1)!;
      assert.equal(job.state, 'queued', 'the job waits for another attempt');
      assert.equal(Number(job.attempts), 1);
      assert.ok(new Date(job.run_after).getTime() > Date.now(), 'the next attempt is later (back-off)');
      tsa.down = false;
      await db().updateTable('jobs').set({ run_after: new Date().toISOString() }).where('id', '=', job.id).execute();
      await testApp.services.jobs.runDue();
      assert.ok((await testApp.services.log.timestampOf(root.seq)) !== undefined, 'timestamped once the TSA is back');
    });

    test('an export carries its root’s timestamp; verify-export checks it with --tsa-cert', async () => {
      await write('Notitie vlak voor de export');
      const download = await exportJournal(
        testApp.app,
        parent.cookies,
        { label: 'T.', keuze: 'alles', wachtwoord: passphrase },
        () => testApp.services.jobs.runDue(),
      );
      const zip = new Uint8Array(download.rawPayload);
      const logKey = testApp.services.logKey;
      const pinnedLogKeys = { [logKey.id]: logKey.publicKey.toString('base64') };
      const report = await verifyBundle(zip, { pinnedLogKeys, trustedTsaCerts: [tsa.certDer] });
      assert.equal(report.valid, true, JSON.stringify(report.failures));
      assert.ok(report.summary?.timestamp?.status === 'valid' && report.summary.timestamp.trusted);

      const file = path.join(dir, 'export.zip');
      writeFileSync(file, zip);
      const lines: string[] = [];
      const io = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) };
      const args = [file, '--log-key', toBase64(logKey.publicKey)];
      assert.equal(await runVerifyExport([...args, '--tsa-cert', tsa.certFile], io), 0);
      assert.match(lines.join('\n'), /Timestamp: +the global root existed at .*trusted time-stamp authority/);
      lines.length = 0;
      assert.equal(await runVerifyExport(args, io), 0);
      assert.match(lines.join('\n'), /Timestamp: .*NOT given with --tsa-cert/);

      // The offline page trusts the configured TSA's certificate.
      const page = await testApp.app.inject({ method: 'GET', url: '/verifieer' });
      assert.ok(page.body.includes(toBase64(tsa.certDer)));
    });

    /** verify-audit as the CLI runs it, with a root file kept outside the database. */
    async function verifyAudit(rootFile?: string): Promise<{ code: number; text: string }> {
      const lines: string[] = [];
      const services = testApp.services;
      const code = await runVerifyAudit(rootFile === undefined ? [] : ['--root', rootFile], {
        verifyChain: (options) => services.audit.verify(options),
        latestRoot: async () => {
          const root = await services.log.latest();
          return root === undefined ? undefined : storedRoot(root, services.log.auditLeafOf(root));
        },
        logKeys: [services.logKey.publicKey],
        readFile: (file) => readFileSync(file, 'utf8'),
        out: (line) => lines.push(line),
        err: (line) => lines.push(line),
      });
      return { code, text: lines.join('\n') };
    }

    async function keepRoot(name: string): Promise<string> {
      await write(`Notitie voor ${name}`);
      await testApp.services.log.publish();
      const answer = await testApp.app.inject({ method: 'GET', url: '/api/v1/log/root' });
      const file = path.join(dir, `${name}.json`);
      writeFileSync(file, answer.body);
      return file;
    }

    test('verify-audit: an audit log cut short after a published root fails, against the database and a kept copy', async () => {
      const file = await keepRoot('afkappen');
      const intact = await verifyAudit(file);
      assert.equal(intact.code, 0, intact.text);
      assert.match(intact.text, /Audit log intact/);
      assert.match(intact.text, /Against the root in .*: the first \d+ rows are the ones it fixed/);
      // Someone with database access deletes the last two rows and moves the head back: the chain alone agrees.
      const head = await db().selectFrom('audit_head').select(['seq']).executeTakeFirstOrThrow();
      const keep = Number(head.seq) - 2;
      const last = await db().selectFrom('audit_log').selectAll().where('seq', '=', keep).executeTakeFirstOrThrow();
      await db().deleteFrom('audit_log').where('seq', '>', keep).execute();
      await db().updateTable('audit_head').set({ seq: keep, hash: last.hash }).where('id', '=', 1).execute();
      assert.equal((await testApp.services.audit.verify()).ok, true, 'the chain alone does not see it');
      const cut = await verifyAudit(file);
      assert.equal(cut.code, 1);
      assert.match(cut.text, /against the latest published root: the audit log was cut short/);
      assert.match(
        cut.text,
        /against the root in .*: the audit log was cut short: .* fixes \d+ rows, the audit log now has \d+/,
      );
    });

    test('verify-audit: an audit log rewritten and chained anew fails against the kept root', async () => {
      const file = await keepRoot('herschrijven');
      assert.equal((await verifyAudit(file)).code, 0);
      // Someone changes who did something in row 1 and recomputes every hash after it, and the head.
      const rows = await db().selectFrom('audit_log').selectAll().orderBy('seq').execute();
      let previous = GENESIS;
      for (const row of rows) {
        const actor = Number(row.seq) === 1 ? 'iemand-anders' : row.actor;
        const hash = rowHash(previous, {
          seq: Number(row.seq),
          at: row.at,
          actor,
          action: row.action,
          objectType: row.object_type,
          objectId: row.object_id,
          requestId: row.request_id,
        });
        await db()
          .updateTable('audit_log')
          .set({ actor, prev_hash: previous, hash })
          .where('seq', '=', row.seq)
          .execute();
        previous = hash;
      }
      await db().updateTable('audit_head').set({ hash: previous }).where('id', '=', 1).execute();
      assert.equal((await testApp.services.audit.verify()).ok, true, 'the chain alone does not see it');
      const rewritten = await verifyAudit(file);
      assert.equal(rewritten.code, 1);
      assert.match(rewritten.text, /against the root in .*: the audit log was rewritten: row \d+ is not the row/);
    });
  });
}
