import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { describeEachDialect } from '../../../test/helpers/databases.js';
import { caseRow, memberRow } from '../../../test/helpers/case-setup.js';
import { createCaseExportsRepository } from './case-exports.repo.js';
import {
  expirePoliceBundleJob,
  makePoliceBundleJob,
  POLICE_BUNDLE_TICKET_MS,
  policeBundleJobHandlers,
  type PoliceBundleWorkerDependencies,
} from './case-police-bundles.js';

/*
 * A police bundle's ticket carries the parent's master key sealed to the job key (ADR 0029). A making no worker
 * finishes (its job gave up: the worker was stopped on every attempt) must not keep that ticket until the parent
 * happens to look at their shares again: the making is queued with an expiry a day later, which deletes a making
 * still queued with its ticket (the next look queues a new one) and leaves a finished one alone. Both databases, with a fixed clock.
 */

describeEachDialect('police bundle tickets expire', (database) => {
  const now = new Date('2026-12-07T10:00:00.000Z');

  async function queued() {
    const db = database().handle.db;
    const at = now.toISOString();
    const row = caseRow({ created_at: at });
    await db.insertInto('cases').values(row).execute();
    const parent = memberRow(row.id, 'parent', at);
    await db.insertInto('case_members').values(parent).execute();
    const repo = createCaseExportsRepository(db);
    const bundleId = randomUUID();
    const payload = { caseId: row.id, parentMemberId: parent.id, bundleId };
    await repo.queue(
      {
        caseId: row.id,
        parentMemberId: parent.id,
        id: bundleId,
        entriesHash: 'h',
        epoch: 1,
        ticket: { enc: 'sealed-enc', ciphertext: 'sealed-ticket' },
        now: at,
      },
      makePoliceBundleJob,
      payload,
      { job: expirePoliceBundleJob, at: new Date(now.getTime() + POLICE_BUNDLE_TICKET_MS) },
    );
    const expiry = policeBundleJobHandlers({
      repo,
      clock: () => new Date(now.getTime() + POLICE_BUNDLE_TICKET_MS),
    } as unknown as PoliceBundleWorkerDependencies).find((handler) => handler.kind.name === expirePoliceBundleJob.name);
    assert.ok(expiry !== undefined, 'a handler destroys expired tickets');
    const job = await db
      .selectFrom('jobs')
      .select(['payload', 'run_after'])
      .where('kind', '=', expirePoliceBundleJob.name)
      .where('idempotency_key', '=', `police-bundle-expiry:${bundleId}`)
      .executeTakeFirst();
    assert.ok(job !== undefined, 'the expiry is queued with the making');
    assert.equal(job.run_after, new Date(now.getTime() + POLICE_BUNDLE_TICKET_MS).toISOString());
    const run = () =>
      expiry.run(JSON.parse(job.payload), { jobId: 'x', attempt: 1, signal: new AbortController().signal });
    const stored = () =>
      db
        .selectFrom('case_police_bundles')
        .select(['state', 'ticket', 'ticket_enc', 'bundle'])
        .where('id', '=', bundleId)
        .executeTakeFirst();
    return { repo, row, parent, bundleId, run, stored };
  }

  test('a making no worker finished goes with its ticket at its expiry', async () => {
    const { run, stored } = await queued();
    assert.equal((await stored())?.ticket, 'sealed-ticket');
    await run();
    assert.equal(await stored(), undefined, 'no row, no ticket: the next look queues a new making');
  });

  test('a finished making is left as it is by its expiry', async () => {
    const { repo, row, parent, bundleId, run, stored } = await queued();
    assert.ok(
      await repo.finish(row.id, parent.id, bundleId, { bundle: 'sealed-bundle', bytes: 9, now: now.toISOString() }),
    );
    await run();
    const after = await stored();
    assert.equal(after?.state, 'done');
    assert.equal(after?.bundle, 'sealed-bundle');
  });
});
