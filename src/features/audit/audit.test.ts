import assert from 'node:assert/strict';
import { test } from 'node:test';
import pg from 'pg';
import { describeEachDialect } from '../../../test/helpers/databases.js';
import { createAuditRepository } from './audit.repo.js';
import { createAuditService } from './audit.service.js';

describeEachDialect('the audit log', (database, dialect) => {
  const service = () => createAuditService(createAuditRepository(database().handle.db));
  const event = (index: number) => ({
    actor: `user-${index % 3}`,
    action: 'login.succeeded',
    objectType: 'account',
    objectId: `user-${index % 3}`,
    requestId: `req-${index}`,
  });

  test('appends form an unbroken chain that verifies', async () => {
    for (let index = 1; index <= 5; index += 1) await service().recordAlone(event(index));
    const result = await service().verify();
    assert.deepEqual(result, { rows: 5, ok: true, problems: [] });
  });

  test('concurrent appends never fork the chain, alone or inside the transactions of their changes', async () => {
    const db = database().handle.db;
    await Promise.all([
      ...Array.from({ length: 10 }, (_, index) => service().recordAlone(event(100 + index))),
      ...Array.from({ length: 10 }, (_, index) =>
        db.transaction().execute(async (trx) => {
          // The change first (a harmless one here), its audit line last, as the services do.
          await trx.updateTable('organisations').set({ verified: 0 }).where('id', '=', 'nobody').execute();
          return service().record(trx, event(200 + index));
        }),
      ),
    ]);
    const result = await service().verify();
    assert.equal(result.ok, true, JSON.stringify(result.problems));
    assert.equal(result.rows, 25);
  });

  test('an audit line recorded in a transaction that rolls back leaves no trace, and the chain stays whole', async () => {
    const db = database().handle.db;
    const before = await service().verify();
    await assert.rejects(
      db.transaction().execute(async (trx) => {
        await service().record(trx, event(300));
        throw new Error('the change failed after its audit line');
      }),
      /the change failed/,
    );
    assert.deepEqual(await service().verify(), before);
  });

  test('events about the objects under one id prefix are found in SQL, and only those (wildcards are plain text)', async () => {
    const line = (objectId: string, action = 'case.shared-entry.open') =>
      service().recordAlone({ actor: 'user-1', action, objectType: 'case-shared-entry', objectId, requestId: 'r' });
    await line('case-1/member-1/entry-1');
    await line('case-1/member-1/entry-2', 'case.shared-attachment.open');
    await line('case-1/member-2/entry-3');
    await line('case-1/member-1x/entry-4');
    await line('case-2/member-1/entry-1');
    await line('case-1/member_1/entry-5');
    await line('case-1/member%/entry-6');
    await service().recordAlone({ ...event(400), objectType: 'journal-entry', objectId: 'case-1/member-1/entry-7' });
    const ids = async (prefix: string, actions?: readonly string[]) =>
      (await service().forObjectPrefix('case-shared-entry', prefix, actions)).map((row) => row.objectId);
    assert.deepEqual(await ids('case-1/member-1/'), ['case-1/member-1/entry-1', 'case-1/member-1/entry-2']);
    assert.deepEqual(await ids('case-1/member-1/', ['case.shared-entry.open']), ['case-1/member-1/entry-1']);
    assert.deepEqual(await ids('case-1/member_1/'), ['case-1/member_1/entry-5']);
    assert.deepEqual(await ids('case-1/member%/'), ['case-1/member%/entry-6']);
    assert.deepEqual(await ids('case-1/member-1/', []), []);
    assert.equal((await service().verify()).ok, true);
  });

  test('an altered row is found', async () => {
    const db = database().handle.db;
    await db.updateTable('audit_log').set({ actor: 'someone-else' }).where('seq', '=', 3).execute();
    const result = await service().verify();
    assert.equal(result.ok, false);
    assert.deepEqual(result.problems[0], { kind: 'altered', seq: 3 });
    await db.updateTable('audit_log').set({ actor: 'user-0' }).where('seq', '=', 3).execute();
    assert.equal((await service().verify()).ok, true, 'restored');
  });

  test('a deleted row is found', async () => {
    const db = database().handle.db;
    const row = await db.selectFrom('audit_log').selectAll().where('seq', '=', 10).executeTakeFirstOrThrow();
    await db.deleteFrom('audit_log').where('seq', '=', 10).execute();
    assert.deepEqual((await service().verify()).problems[0], { kind: 'missing', afterSeq: 9, foundSeq: 11 });
    await db.insertInto('audit_log').values(row).execute();
  });

  test('a row inserted with a forged hash, or a removed last row, is found', async () => {
    const db = database().handle.db;
    const last = await db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').executeTakeFirstOrThrow();
    await db.deleteFrom('audit_log').where('seq', '=', last.seq).execute();
    assert.equal((await service().verify()).problems[0]?.kind, 'head');
    await db
      .insertInto('audit_log')
      .values({ ...last, prev_hash: 'f'.repeat(64) })
      .execute();
    const kinds = (await service().verify()).problems.map((problem) => problem.kind);
    assert.ok(kinds.includes('inserted') && kinds.includes('altered'), kinds.join(','));
    await db.updateTable('audit_log').set({ prev_hash: last.prev_hash }).where('seq', '=', last.seq).execute();
    assert.equal((await service().verify()).ok, true);
  });

  if (dialect === 'postgres') {
    test('an application role without UPDATE, DELETE or TRUNCATE on the log can append but not rewrite', async () => {
      const url = new URL(database().env.DATABASE_URL!);
      const admin = new pg.Client({ connectionString: url.toString() });
      await admin.connect();
      const role = `nmk_app_${Date.now()}`;
      try {
        await admin.query(`create role ${role} login password 'app'`);
        await admin.query(`grant select, insert on audit_log to ${role}`);
        await admin.query(`grant select, update on audit_head to ${role}`);
        const appUrl = new URL(url.toString());
        appUrl.username = role;
        appUrl.password = 'app';
        const { openDatabase } = await import('../../shared/db/database.js');
        const restricted = openDatabase({ kind: 'postgres', url: appUrl.toString() });
        try {
          const appAudit = createAuditService(createAuditRepository(restricted.db));
          await appAudit.recordAlone(event(999));
          assert.equal((await appAudit.verify()).ok, true);
          for (const statement of [
            'update audit_log set actor = $$x$$',
            'delete from audit_log',
            'truncate audit_log',
          ]) {
            const client = new pg.Client({ connectionString: appUrl.toString() });
            await client.connect();
            try {
              await assert.rejects(client.query(statement), /permission denied/, statement);
            } finally {
              await client.end();
            }
          }
        } finally {
          await restricted.close();
        }
      } finally {
        await admin.query(`revoke all on audit_log, audit_head from ${role}`);
        await admin.query(`drop role ${role}`);
        await admin.end();
      }
    });
  }
});
