import type { Kysely } from 'kysely';
import type { Database } from '../../shared/db/schema.js';
import type { Trx } from '../../shared/db/transaction.js';
import type { CaseMode } from './cases.types.js';
import type { NotificationFrequency, NotifiedAssignee, NotifiedEvent, NotifiedMember } from './case-notifications.js';

/*
 * The only code that queries the notification tables (migration 0026): each member's choice, the members waiting
 * for their digest, the due agreements told about; and what the notification job reads of a case: one event,
 * the case's mode and risk flag, its members as they are now. Never content.
 */

export interface EventForNotice {
  caseId: string;
  createdAt: string;
  event: NotifiedEvent;
  mode: CaseMode;
  riskConfirmed: boolean;
  members: (NotifiedMember & { userId: string | null; frequency: NotificationFrequency | undefined })[];
}

export interface PendingDigest {
  memberId: string;
  userId: string;
  since: string;
}

export interface DueAgreement {
  agreementId: string;
  caseId: string;
  compartment: string;
  dueOn: string;
  /** The id of the agreement's current version (the timeline shows the agreement through it). */
  changeId: string;
}

const toFrequency = (value: string | null | undefined): NotificationFrequency | undefined =>
  value === 'now' || value === 'daily' || value === 'never' ? value : undefined;

export function createCaseNotificationsRepository(db: Kysely<Database>) {
  /** An agreement event's assignee as of the version it tells of (its ref is the change row). */
  async function assigneeOf(executor: Kysely<Database>, changeId: string | null): Promise<NotifiedAssignee> {
    if (changeId === null) return null;
    const change = await executor
      .selectFrom('case_agreement_changes')
      .select(['assignee_member_id', 'assignee_role'])
      .where('id', '=', changeId)
      .executeTakeFirst();
    if (change === undefined) return null;
    if (change.assignee_member_id !== null) return { memberId: change.assignee_member_id };
    if (change.assignee_role !== null) return { role: change.assignee_role };
    return null;
  }

  return {
    /** Event `seq` of the case with the case's facts and members as they are now; undefined when gone. */
    async eventForNotice(caseId: string, seq: number): Promise<EventForNotice | undefined> {
      const row = await db
        .selectFrom('case_events as e')
        .innerJoin('cases as c', 'c.id', 'e.case_id')
        .select([
          'e.kind',
          'e.compartment',
          'e.ref_id',
          'e.actor_member_id',
          'e.subject_member_id',
          'e.hide_on_risk',
          'e.created_at',
          'c.mode',
          'c.risk_in_family',
        ])
        .where('e.case_id', '=', caseId)
        .where('e.seq', '=', seq)
        .executeTakeFirst();
      if (row === undefined) return undefined;
      const members = await db
        .selectFrom('case_members as m')
        .leftJoin('case_notification_settings as s', 's.member_id', 'm.id')
        .select(['m.id', 'm.role', 'm.state', 'm.user_id', 'm.invited_by_member_id', 's.frequency'])
        .where('m.case_id', '=', caseId)
        .orderBy('m.created_at')
        .orderBy('m.id')
        .execute();
      const event: NotifiedEvent = {
        kind: row.kind,
        compartment: row.compartment,
        actorMemberId: row.actor_member_id,
        subjectMemberId: row.subject_member_id,
        hideOnRisk: Number(row.hide_on_risk) === 1,
        ...(row.kind.startsWith('agreement.') && { assignee: await assigneeOf(db, row.ref_id) }),
      };
      return {
        caseId,
        createdAt: row.created_at,
        event,
        mode: row.mode,
        riskConfirmed: row.risk_in_family === 'confirmed',
        members: members.map((member) => ({
          memberId: member.id,
          role: member.role,
          state: member.state,
          invitedByMemberId: member.invited_by_member_id,
          userId: member.user_id,
          frequency: toFrequency(member.frequency),
        })),
      };
    },

    /** A member's own choice, undefined when they made none (the default for their role applies). */
    async frequencyOf(memberId: string): Promise<NotificationFrequency | undefined> {
      const row = await db
        .selectFrom('case_notification_settings')
        .select('frequency')
        .where('member_id', '=', memberId)
        .executeTakeFirst();
      return toFrequency(row?.frequency);
    },

    /** Stores a member's choice; choosing anything but the digest drops what waited for it. */
    async setFrequency(memberId: string, frequency: NotificationFrequency, at: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('case_notification_settings')
          .values({ member_id: memberId, frequency, updated_at: at })
          .onConflict((conflict) => conflict.column('member_id').doUpdateSet({ frequency, updated_at: at }))
          .execute();
        if (frequency === 'never') {
          await trx.deleteFrom('case_notification_pending').where('member_id', '=', memberId).execute();
        }
      });
    },

    /** Marks members as waiting for their digest since `since` (an earlier mark stays). */
    async markPending(trx: Kysely<Database>, memberIds: readonly string[], since: string): Promise<void> {
      for (const memberId of memberIds) {
        await trx
          .insertInto('case_notification_pending')
          .values({ member_id: memberId, since })
          .onConflict((conflict) => conflict.column('member_id').doNothing())
          .execute();
      }
    },

    /**
     * The members waiting since before `cutoff` who are still active, with an account, and have not chosen
     * 'never' since; the others' rows are dropped here.
     */
    async pendingBefore(trx: Trx, cutoff: string): Promise<PendingDigest[]> {
      const rows = await trx
        .selectFrom('case_notification_pending as p')
        .innerJoin('case_members as m', 'm.id', 'p.member_id')
        .leftJoin('case_notification_settings as s', 's.member_id', 'p.member_id')
        .select(['p.member_id', 'p.since', 'm.user_id', 'm.state', 's.frequency'])
        .where('p.since', '<', cutoff)
        .orderBy('p.since')
        .execute();
      if (rows.length > 0) {
        await trx
          .deleteFrom('case_notification_pending')
          .where(
            'member_id',
            'in',
            rows.map((row) => row.member_id),
          )
          .execute();
      }
      return rows
        .filter((row) => row.state === 'active' && row.user_id !== null && row.frequency !== 'never')
        .map((row) => ({ memberId: row.member_id, userId: row.user_id!, since: row.since }));
    },

    /**
     * Open agreements due on or before `today` in open cases whose due date was not yet told about (never, or an
     * earlier date since moved).
     */
    async dueAgreements(today: string): Promise<DueAgreement[]> {
      const rows = await db
        .selectFrom('case_agreements as a')
        .innerJoin('cases as c', 'c.id', 'a.case_id')
        .innerJoin('case_agreement_changes as h', (join) =>
          join.onRef('h.agreement_id', '=', 'a.id').onRef('h.version', '=', 'a.version'),
        )
        .leftJoin('case_notification_due as d', 'd.agreement_id', 'a.id')
        .select(['a.id', 'a.case_id', 'a.compartment', 'a.due_on', 'h.id as change_id', 'd.due_on as told_due_on'])
        .where('a.status', '=', 'open')
        .where('a.due_on', 'is not', null)
        .where('a.due_on', '<=', today)
        .where('c.closed_at', 'is', null)
        .orderBy('a.due_on')
        .orderBy('a.id')
        .execute();
      return rows
        .filter((row) => row.told_due_on !== row.due_on)
        .map((row) => ({
          agreementId: row.id,
          caseId: row.case_id,
          compartment: row.compartment,
          dueOn: row.due_on!,
          changeId: row.change_id,
        }));
    },

    /** Records that an agreement's due date was told about, in the transaction of its timeline event. */
    async markDueTold(trx: Trx, agreementId: string, dueOn: string, at: string): Promise<void> {
      await trx
        .insertInto('case_notification_due')
        .values({ agreement_id: agreementId, due_on: dueOn, told_at: at })
        .onConflict((conflict) => conflict.column('agreement_id').doUpdateSet({ due_on: dueOn, told_at: at }))
        .execute();
    },

    /** A membership's state and account now (a mail is sent only while it is active). */
    async memberNow(memberId: string): Promise<{ state: string; userId: string | null } | undefined> {
      const row = await db
        .selectFrom('case_members')
        .select(['state', 'user_id'])
        .where('id', '=', memberId)
        .executeTakeFirst();
      return row === undefined ? undefined : { state: row.state, userId: row.user_id };
    },

    /** Runs `work` in one transaction. */
    transaction<T>(work: (trx: Trx) => Promise<T>): Promise<T> {
      return db.transaction().execute(work);
    },
  };
}

export type CaseNotificationsRepository = ReturnType<typeof createCaseNotificationsRepository>;
