import type { Kysely } from 'kysely';
import type { CasePoliceBundlesTable, Database } from '../../shared/db/schema.js';
import { lockRow } from '../../shared/db/lock.js';
import type { AlsoInTransaction, Trx } from '../../shared/db/transaction.js';
import { enqueue } from '../../shared/jobs/jobs.repo.js';
import type { JobKind } from '../../shared/jobs/jobs.js';
import { type NewCaseEvent, recordCaseEvent } from './case-items.repo.js';
import type { ChildKnows, ConsentBasis } from './cases.types.js';

/*
 * The rows of a case's exports (issue 15, ADR 0029): the police bundle of each parent's shares (migration 0030), the
 * consent records it prints, and the one transaction in which an export is recorded: the exporter still an active
 * member under the case's rows, then its timeline event and audit line together, or nothing at all.
 */

export type PoliceBundleRow = CasePoliceBundlesTable;

export interface ShareConsentRecord {
  at: string;
  basis: ConsentBasis;
  childKnows: ChildKnows;
}

export interface QueuedBundle {
  caseId: string;
  parentMemberId: string;
  id: string;
  entriesHash: string;
  epoch: number;
  ticket: { enc: string; ciphertext: string };
  now: string;
}

export function createCaseExportsRepository(db: Kysely<Database>) {
  const bundleOf = (executor: Kysely<Database> | Trx, caseId: string, parentMemberId: string) =>
    executor
      .selectFrom('case_police_bundles')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('parent_member_id', '=', parentMemberId)
      .executeTakeFirst();

  return {
    policeBundle: (caseId: string, parentMemberId: string): Promise<PoliceBundleRow | undefined> =>
      bundleOf(db, caseId, parentMemberId),

    /** Every parent's bundle row of a case. */
    policeBundles: (caseId: string): Promise<PoliceBundleRow[]> =>
      db.selectFrom('case_police_bundles').selectAll().where('case_id', '=', caseId).execute(),

    /**
     * Replaces a parent's bundle with a new one to make: the row (state queued, its sealed ticket) and its job in
     * one transaction. A job of the replaced making finds another id and stores nothing. `expiry`: a job queued with
     * it to run at `at`, which destroys the ticket of a making no worker finished by then (its job gave up).
     */
    async queue<Payload>(
      bundle: QueuedBundle,
      job: JobKind<Payload>,
      payload: Payload,
      expiry?: { job: JobKind<Payload>; at: Date },
    ): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx
          .deleteFrom('case_police_bundles')
          .where('case_id', '=', bundle.caseId)
          .where('parent_member_id', '=', bundle.parentMemberId)
          .execute();
        await trx
          .insertInto('case_police_bundles')
          .values({
            case_id: bundle.caseId,
            parent_member_id: bundle.parentMemberId,
            id: bundle.id,
            state: 'queued',
            entries_hash: bundle.entriesHash,
            epoch: bundle.epoch,
            ticket_enc: bundle.ticket.enc,
            ticket: bundle.ticket.ciphertext,
            bundle: null,
            bundle_bytes: null,
            failure: null,
            created_at: bundle.now,
            updated_at: bundle.now,
          })
          .execute();
        await enqueue(trx, job, payload, { idempotencyKey: `police-bundle:${bundle.id}` });
        if (expiry !== undefined) {
          await enqueue(trx, expiry.job, payload, {
            idempotencyKey: `police-bundle-expiry:${bundle.id}`,
            runAfter: expiry.at,
          });
        }
      });
    },

    /**
     * A making still queued at its expiry (no worker finished it; its job gave up) goes with its ticket (the
     * parent's master key sealed to the job key); the parent's next look queues a new one. A making done, failed,
     * replaced or dropped is left alone.
     */
    async expire(caseId: string, parentMemberId: string, id: string): Promise<void> {
      await db
        .deleteFrom('case_police_bundles')
        .where('case_id', '=', caseId)
        .where('parent_member_id', '=', parentMemberId)
        .where('id', '=', id)
        .where('state', '=', 'queued')
        .execute();
    },

    /** Deletes a parent's bundle (nothing shared any more). */
    async drop(caseId: string, parentMemberId: string): Promise<void> {
      await db
        .deleteFrom('case_police_bundles')
        .where('case_id', '=', caseId)
        .where('parent_member_id', '=', parentMemberId)
        .execute();
    },

    /** The row of this making, while it is still the one queued; undefined when replaced, dropped or done. */
    async making(caseId: string, parentMemberId: string, id: string): Promise<PoliceBundleRow | undefined> {
      const row = await bundleOf(db, caseId, parentMemberId);
      return row?.id === id && row.state === 'queued' ? row : undefined;
    },

    /** Stores the sealed bundle of this making and destroys its ticket; false when the row moved on meanwhile. */
    async finish(
      caseId: string,
      parentMemberId: string,
      id: string,
      done: { bundle: string; bytes: number; now: string },
    ): Promise<boolean> {
      const result = await db
        .updateTable('case_police_bundles')
        .set({
          state: 'done',
          bundle: done.bundle,
          bundle_bytes: done.bytes,
          ticket_enc: null,
          ticket: null,
          updated_at: done.now,
        })
        .where('case_id', '=', caseId)
        .where('parent_member_id', '=', parentMemberId)
        .where('id', '=', id)
        .where('state', '=', 'queued')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** Records that this making failed, and destroys its ticket. */
    async fail(
      caseId: string,
      parentMemberId: string,
      id: string,
      failure: 'too-large' | 'error',
      now: string,
    ): Promise<void> {
      await db
        .updateTable('case_police_bundles')
        .set({ state: 'failed', failure, ticket_enc: null, ticket: null, updated_at: now })
        .where('case_id', '=', caseId)
        .where('parent_member_id', '=', parentMemberId)
        .where('id', '=', id)
        .execute();
    },

    /** The account of a member, while it exists. */
    async userOfMember(memberId: string): Promise<string | undefined> {
      const row = await db.selectFrom('case_members').select('user_id').where('id', '=', memberId).executeTakeFirst();
      return row?.user_id ?? undefined;
    },

    /** Account deletion: the bundles of the account's memberships, in the deletion's transaction. */
    async deleteBundlesOfUser(trx: Trx, userId: string): Promise<void> {
      await trx
        .deleteFrom('case_police_bundles')
        .where('parent_member_id', 'in', trx.selectFrom('case_members').select('id').where('user_id', '=', userId))
        .execute();
    },

    /** The consent records of a parent's shares into the case (flow 'share-entries'), oldest first. */
    async shareConsents(caseId: string, parentMemberId: string): Promise<ShareConsentRecord[]> {
      const rows = await db
        .selectFrom('case_consents')
        .select(['created_at', 'basis', 'child_knows'])
        .where('case_id', '=', caseId)
        .where('flow', '=', 'share-entries')
        .where('subject_id', '=', parentMemberId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map((row) => ({ at: row.created_at, basis: row.basis, childKnows: row.child_knows }));
    },

    /** The case's sealed label and the 'members' epoch it is sealed at. */
    async label(caseId: string): Promise<{ ciphertext: string; epoch: number } | undefined> {
      const row = await db
        .selectFrom('cases')
        .select(['label_ciphertext', 'label_epoch'])
        .where('id', '=', caseId)
        .executeTakeFirst();
      return row === undefined ? undefined : { ciphertext: row.label_ciphertext, epoch: Number(row.label_epoch) };
    },

    /**
     * Records an export in one transaction: the exporter's membership read again (it must still be active: a
     * member removed a moment ago records nothing and gets nothing), then the timeline events and the audit lines.
     */
    async record(
      exporter: { caseId: string; memberId: string },
      events: readonly NewCaseEvent[],
      lines: readonly AlsoInTransaction[],
    ): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        // The case row's lock, as every change of membership takes it: a removal either came first or waits.
        await lockRow(trx, 'cases', exporter.caseId);
        const member = await trx
          .selectFrom('case_members')
          .select('state')
          .where('id', '=', exporter.memberId)
          .where('case_id', '=', exporter.caseId)
          .executeTakeFirst();
        if (member?.state !== 'active') return false;
        for (const event of events) await recordCaseEvent(trx, event);
        for (const line of lines) await line(trx);
        return true;
      });
    },
  };
}

export type CaseExportsRepository = ReturnType<typeof createCaseExportsRepository>;
