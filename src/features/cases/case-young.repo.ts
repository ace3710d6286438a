import type { Kysely } from 'kysely';
import { lockCaseCompartment } from '../../shared/db/lock.js';
import type { Database } from '../../shared/db/schema.js';
import type { AlsoInTransaction, Trx } from '../../shared/db/transaction.js';
import { readCompartmentEpoch } from './case-compartments.repo.js';
import { recordCaseEvent } from './case-items.repo.js';
import type { Compartment, YoungConsentFlow } from './cases.types.js';

/*
 * The young members' part of the case tables (migration 0027, ADR 0030): a young member's month of birth, their
 * channel's messages (case_messages under the compartment 'young:<member id>', each with its timeline event
 * 'young.message' in that compartment) and their answers to the consent questions (case_consents, basis 'child').
 * Members, invitations and key wraps go through cases.repo.ts like everyone's.
 */

export interface YoungMessageRow {
  id: string;
  epoch: number;
  body: string;
  authorMemberId: string;
  createdAt: string;
}

export interface YoungAnswer {
  flow: YoungConsentFlow;
  decision: 'given' | 'refused';
  createdAt: string;
}

const nothing: AlsoInTransaction = () => Promise.resolve();

export function createCaseYoungRepository(db: Kysely<Database>) {
  return {
    /**
     * The active young members of a case, each with their month of birth and their latest answer about `flow`
     * (undefined: never asked or never answered): what the consent check (case-young.consent.ts) weighs.
     */
    async consentStanding(
      caseId: string,
      flow: YoungConsentFlow,
    ): Promise<{ birthMonth: string | null; latest: 'given' | 'refused' | undefined }[]> {
      const young = await db
        .selectFrom('case_members')
        .select(['id', 'birth_month'])
        .where('case_id', '=', caseId)
        .where('role', '=', 'young')
        .where('state', '=', 'active')
        .execute();
      const standing = [];
      for (const member of young) {
        const latest = await db
          .selectFrom('case_consents')
          .select('decision')
          .where('case_id', '=', caseId)
          .where('flow', '=', flow)
          .where('subject_id', '=', member.id)
          .where('basis', '=', 'child')
          .orderBy('created_at', 'desc')
          .orderBy('id', 'desc')
          .limit(1)
          .executeTakeFirst();
        standing.push({ birthMonth: member.birth_month, latest: latest?.decision ?? undefined });
      }
      return standing;
    },

    /** Sets a young member's month of birth, in the transaction that invites them. */
    async setBirthMonth(trx: Trx, memberId: string, birthMonth: string): Promise<void> {
      await trx.updateTable('case_members').set({ birth_month: birthMonth }).where('id', '=', memberId).execute();
    },

    async birthMonth(memberId: string): Promise<string | undefined> {
      const row = await db
        .selectFrom('case_members')
        .select('birth_month')
        .where('id', '=', memberId)
        .executeTakeFirst();
      return row?.birth_month ?? undefined;
    },

    /**
     * In the transaction that makes the young person's account: the code's invitation is used and its young member
     * waits ('accepted') with the new account, only if the code is still open and the member still invited; false,
     * changing nothing, otherwise.
     */
    async claim(trx: Trx, invitation: { id: string; memberId: string }, userId: string, nowIso: string) {
      const used = await trx
        .updateTable('case_invitations')
        .set({ used_at: nowIso })
        .where('id', '=', invitation.id)
        .where('used_at', 'is', null)
        .where('withdrawn_at', 'is', null)
        .where('expires_at', '>', nowIso)
        .executeTakeFirst();
      if (Number(used.numUpdatedRows) !== 1) return false;
      const joined = await trx
        .updateTable('case_members')
        .set({ user_id: userId, state: 'accepted', updated_at: nowIso, state_changed_at: nowIso })
        .where('id', '=', invitation.memberId)
        .where('role', '=', 'young')
        .where('state', '=', 'invited')
        .executeTakeFirst();
      return Number(joined.numUpdatedRows) === 1;
    },

    /**
     * A message in a young member's channel, under the compartment's lock at `epoch`, with its timeline event and
     * `also` (the audit line); 'stale' (nothing written) when the epoch moved on.
     */
    async postMessage(
      under: { caseId: string; compartment: Compartment; epoch: number },
      message: { id: string; body: string; memberId: string; at: string },
      also: AlsoInTransaction = nothing,
    ): Promise<'posted' | 'stale'> {
      return db.transaction().execute(async (trx) => {
        await lockCaseCompartment(trx, under.caseId, under.compartment);
        if ((await readCompartmentEpoch(trx, under.caseId, under.compartment)) !== under.epoch) return 'stale';
        await trx
          .insertInto('case_messages')
          .values({
            id: message.id,
            case_id: under.caseId,
            compartment: under.compartment,
            epoch: under.epoch,
            body: message.body,
            author_member_id: message.memberId,
            created_at: message.at,
          })
          .execute();
        await recordCaseEvent(trx, {
          caseId: under.caseId,
          compartment: under.compartment,
          kind: 'young.message',
          refId: message.id,
          actorMemberId: message.memberId,
          createdAt: message.at,
        });
        await also(trx);
        return 'posted';
      });
    },

    /** The newest messages of a young member's channel, oldest of them first (in the order of their events). */
    async messages(caseId: string, compartment: Compartment, limit: number): Promise<YoungMessageRow[]> {
      const rows = await db
        .selectFrom('case_messages as g')
        .innerJoin('case_events as e', (join) =>
          join.onRef('e.ref_id', '=', 'g.id').onRef('e.case_id', '=', 'g.case_id').on('e.kind', '=', 'young.message'),
        )
        .select(['g.id', 'g.epoch', 'g.body', 'g.author_member_id', 'g.created_at'])
        .where('g.case_id', '=', caseId)
        .where('g.compartment', '=', compartment)
        .orderBy('e.seq', 'desc')
        .limit(limit)
        .execute();
      return rows
        .map((row) => ({
          id: row.id,
          epoch: Number(row.epoch),
          body: row.body,
          authorMemberId: row.author_member_id,
          createdAt: row.created_at,
        }))
        .reverse();
    },

    /** A young member's answer to a consent question, with its timeline event and audit line, in one transaction. */
    async answer(
      input: { id: string; caseId: string; memberId: string; flow: YoungConsentFlow; decision: 'given' | 'refused' },
      eventCompartment: Compartment,
      at: string,
      also: AlsoInTransaction = nothing,
    ): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('case_consents')
          .values({
            id: input.id,
            case_id: input.caseId,
            flow: input.flow,
            subject_id: input.memberId,
            basis: 'child',
            child_knows: 'yes',
            decision: input.decision,
            recorded_by_member_id: input.memberId,
            created_at: at,
          })
          .execute();
        await recordCaseEvent(trx, {
          caseId: input.caseId,
          compartment: eventCompartment,
          kind: input.decision === 'given' ? 'consent.given' : 'consent.refused',
          refId: input.id,
          actorMemberId: input.memberId,
          subjectMemberId: input.memberId,
          createdAt: at,
        });
        await also(trx);
      });
    },

    /** A young member's latest answer per flow. */
    async answers(caseId: string, memberId: string): Promise<YoungAnswer[]> {
      const rows = await db
        .selectFrom('case_consents')
        .select(['flow', 'decision', 'created_at', 'id'])
        .where('case_id', '=', caseId)
        .where('subject_id', '=', memberId)
        .where('basis', '=', 'child')
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      const latest = new Map<string, YoungAnswer>();
      for (const row of rows) {
        if (latest.has(row.flow) || row.flow === 'start') continue;
        latest.set(row.flow, {
          flow: row.flow,
          decision: row.decision === 'refused' ? 'refused' : 'given',
          createdAt: row.created_at,
        });
      }
      return [...latest.values()];
    },
  };
}

export type CaseYoungRepository = ReturnType<typeof createCaseYoungRepository>;
