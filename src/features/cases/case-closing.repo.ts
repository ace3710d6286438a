import type { Kysely } from 'kysely';
import type { Database } from '../../shared/db/schema.js';
import type { Trx } from '../../shared/db/transaction.js';
import type { CloseReason } from './case-closing.js';

/*
 * Closing and deleting cases (migration 0028, ADR 0031): the columns of `cases` the cases repository does not
 * read, the daily task's search, and crypto-shredding. The case's lock and the facts of its members come from
 * the cases repository (withCaseLocked); everything here runs inside that transaction except the reads.
 */

/** A closed case as the daily task sees it. */
export interface ClosingRow {
  caseId: string;
  deleteAfter: string;
  noticeAt: string | null;
}

/** What the case page and the refusals show of a case's closing. */
export interface ClosingState {
  closedAt: string | null;
  deleteAfter: string | null;
  noticeAt: string | null;
  shreddedAt: string | null;
}

/** How a member's request to a case that is closed or gone is answered (undefined: as it would be anyway). */
export type ClosedAnswer = { kind: 'closed' } | { kind: 'deleted'; on: string };

export function createCaseClosingRepository(db: Kysely<Database>) {
  return {
    async closingState(caseId: string): Promise<ClosingState | undefined> {
      const row = await db
        .selectFrom('cases')
        .select(['closed_at', 'delete_after', 'deletion_notice_at', 'shredded_at'])
        .where('id', '=', caseId)
        .executeTakeFirst();
      if (row === undefined) return undefined;
      return {
        closedAt: row.closed_at,
        deleteAfter: row.delete_after,
        noticeAt: row.deletion_notice_at,
        shreddedAt: row.shredded_at,
      };
    },

    /**
     * For a request of `userId` to case `caseId` that was refused: 'closed' when they are an active member of a
     * closed case (a write it no longer takes), 'deleted' when they were a member when its keys were destroyed
     * (their row was taken out then, at the same instant). Anyone else: undefined (a 404 as before).
     */
    async answerFor(userId: string, caseId: string): Promise<ClosedAnswer | undefined> {
      const row = await db
        .selectFrom('case_members as m')
        .innerJoin('cases as c', 'c.id', 'm.case_id')
        .select(['c.closed_at', 'c.shredded_at', 'm.state', 'm.state_changed_at'])
        .where('m.case_id', '=', caseId)
        .where('m.user_id', '=', userId)
        .execute();
      for (const member of row) {
        const shredded = member.shredded_at;
        if (shredded !== null && member.state_changed_at === shredded) return { kind: 'deleted', on: shredded };
        if (shredded === null && member.closed_at !== null && member.state === 'active') return { kind: 'closed' };
      }
      return undefined;
    },

    /** Closed cases not yet deleted whose notice or deletion may be due by `until` (the rules decide exactly). */
    async dueBy(until: string): Promise<ClosingRow[]> {
      const rows = await db
        .selectFrom('cases')
        .select(['id', 'delete_after', 'deletion_notice_at'])
        .where('closed_at', 'is not', null)
        .where('shredded_at', 'is', null)
        .where('delete_after', 'is not', null)
        .where('delete_after', '<=', until)
        .orderBy('delete_after')
        .orderBy('id')
        .execute();
      return rows.map((row) => ({
        caseId: row.id,
        deleteAfter: row.delete_after!,
        noticeAt: row.deletion_notice_at,
      }));
    },

    /** In the case's locked transaction. */
    on(trx: Trx) {
      return {
        async markClosed(
          caseId: string,
          change: { closedAt: string; reason: CloseReason; byMemberId: string; deleteAfter: string },
        ): Promise<boolean> {
          const result = await trx
            .updateTable('cases')
            .set({
              closed_at: change.closedAt,
              close_reason: change.reason,
              closed_by_member_id: change.byMemberId,
              delete_after: change.deleteAfter,
            })
            .where('id', '=', caseId)
            .where('closed_at', 'is', null)
            .executeTakeFirst();
          return Number(result.numUpdatedRows) === 1;
        },

        async closingState(caseId: string): Promise<ClosingState | undefined> {
          const row = await trx
            .selectFrom('cases')
            .select(['closed_at', 'delete_after', 'deletion_notice_at', 'shredded_at'])
            .where('id', '=', caseId)
            .executeTakeFirst();
          return row === undefined
            ? undefined
            : {
                closedAt: row.closed_at,
                deleteAfter: row.delete_after,
                noticeAt: row.deletion_notice_at,
                shreddedAt: row.shredded_at,
              };
        },

        async markNotice(caseId: string, at: string, deleteAfter: string): Promise<void> {
          await trx
            .updateTable('cases')
            .set({ deletion_notice_at: at, delete_after: deleteAfter })
            .where('id', '=', caseId)
            .execute();
        },

        /**
         * Crypto-shredding: every key wrap of the case (every compartment, every epoch: members, professionals,
         * each share, each young member's channel) and every compartment row are deleted, with the wrapped data
         * keys of the journal entries parents shared, the police bundles and the invitation codes; the label becomes an empty
         * tombstone; every member is taken out at `at` (their police reference, unit and month of birth gone) and
         * the case is marked shredded at `at`. What stays (items, timeline events: ciphertext and ids) cannot be
         * opened by anyone: the keys it was sealed under existed only in the wraps.
         */
        async shred(caseId: string, at: string): Promise<{ wraps: number }> {
          const wraps = await trx.deleteFrom('case_key_wraps').where('case_id', '=', caseId).executeTakeFirst();
          await trx.deleteFrom('case_compartments').where('case_id', '=', caseId).execute();
          await trx.deleteFrom('case_shared_attachments').where('case_id', '=', caseId).execute();
          await trx.deleteFrom('case_shared_entries').where('case_id', '=', caseId).execute();
          await trx.deleteFrom('case_invitations').where('case_id', '=', caseId).execute();
          // A police bundle is sealed under a share key, and one still being made carries a ticket for the job.
          await trx.deleteFrom('case_police_bundles').where('case_id', '=', caseId).execute();
          // Who was still in the case now leaves it at `at` (answerFor tells them it was deleted, and when).
          await trx
            .updateTable('case_members')
            .set({ state: 'removed', state_changed_at: at })
            .where('case_id', '=', caseId)
            .where('state', '!=', 'removed')
            .execute();
          await trx
            .updateTable('case_members')
            .set({
              updated_at: at,
              reference_ciphertext: null,
              reference_epoch: null,
              police_unit: null,
              former_signing_keys: null,
              suspension_proposed_by: null,
              birth_month: null,
            })
            .where('case_id', '=', caseId)
            .execute();
          await trx
            .updateTable('cases')
            .set({ label_ciphertext: '', shredded_at: at, risk_proposed_by: null })
            .where('id', '=', caseId)
            .execute();
          return { wraps: Number(wraps.numDeletedRows) };
        },
      };
    },
  };
}

export type CaseClosingRepository = ReturnType<typeof createCaseClosingRepository>;
