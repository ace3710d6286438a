import type { Kysely } from 'kysely';
import type { Database, SurveyTextsTable } from '../../shared/db/schema.js';
import type { AlsoInTransaction } from '../../shared/db/transaction.js';
import type { SurveyMilestone } from './survey.schedule.js';

/*
 * The only code that queries the survey's tables (migrations 0043 and 0048, ADR 0047). It also reads, never
 * writes, what the milestones are made of: a parent's case memberships, step moves and closings, and the day of
 * their first journal entry.
 */

/** The four scores (1–5), each null when the parent skipped it. */
export interface SurveyScores {
  care: number | null;
  police: number | null;
  understood: number | null;
  nextStep: number | null;
}

/** A free text as the editors see it: the week it came in, the milestone, and the text. No account, no day. */
export interface SurveyText {
  id: string;
  week: string;
  milestone: string;
  text: string;
  state: 'pending' | 'accepted';
  reviewedOn: string | null;
}

/** What the parent answered, as stored: never with an account or a day, see ADR 0047. */
export interface SurveyAnswerInput {
  week: string;
  milestone: SurveyMilestone;
  scores: SurveyScores | undefined;
  text: string | undefined;
}

/** A timestamp a milestone happened at (ISO 8601, UTC), before it is turned into a Dutch calendar day. */
export interface MilestoneAt {
  milestone: 'new-track' | 'case-closed';
  at: string;
}

const nothingToRecord = (): Promise<void> => Promise.resolve();

/** A stored text as the editors see it. */
const toSurveyText = (row: Omit<SurveyTextsTable, 'reviewed_by'>): SurveyText => ({
  id: row.id,
  week: row.week,
  milestone: row.milestone,
  text: row.text,
  state: row.state,
  reviewedOn: row.reviewed_on,
});

export function createSurveyRepository(db: Kysely<Database>) {
  /** The cases in which this account is an active parent member, not flagged "risk in family" (no notices there). */
  const parentCases = (userId: string) =>
    db
      .selectFrom('case_members as member')
      .innerJoin('cases as c', 'c.id', 'member.case_id')
      .select('c.id')
      .where('member.user_id', '=', userId)
      .where('member.role', '=', 'parent')
      .where('member.state', '=', 'active')
      .where('c.risk_in_family', '!=', 'confirmed');

  return {
    /** The account's not-before day (YYYY-MM-DD), if it was ever offered the survey. */
    async notBefore(userId: string): Promise<string | undefined> {
      return surveyNotBeforeOf(db, userId);
    },

    /** The milestone of the offer open in this session, if there is one. */
    async openOffer(sessionIdHash: string): Promise<string | undefined> {
      const row = await db
        .selectFrom('survey_offers')
        .select('milestone')
        .where('session_id_hash', '=', sessionIdHash)
        .executeTakeFirst();
      return row?.milestone;
    },

    /**
     * Makes an offer: moves the account's not-before day to `notBefore` and opens the offer in this session, in one
     * transaction, but only while no other offer was made (the not-before day is absent or not after `today`).
     * Two requests at once make one offer at most: the conditional update and the insert that ignores a conflict
     * each let one writer through. Returns whether this call made the offer.
     */
    async makeOffer(offer: {
      userId: string;
      sessionIdHash: string;
      milestone: SurveyMilestone;
      today: string;
      notBefore: string;
    }): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const updated = await trx
          .updateTable('survey_schedule')
          .set({ not_before: offer.notBefore })
          .where('user_id', '=', offer.userId)
          .where('not_before', '<=', offer.today)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) === 0) {
          const inserted = await trx
            .insertInto('survey_schedule')
            .values({ user_id: offer.userId, not_before: offer.notBefore })
            .onConflict((conflict) => conflict.column('user_id').doNothing())
            .executeTakeFirst();
          if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return false;
        }
        await trx
          .insertInto('survey_offers')
          .values({ session_id_hash: offer.sessionIdHash, milestone: offer.milestone })
          .onConflict((conflict) => conflict.column('session_id_hash').doNothing())
          .execute();
        return true;
      });
    },

    /** Closes the session's open offer without an answer; false when there was none. */
    async closeOffer(sessionIdHash: string): Promise<boolean> {
      const result = await db
        .deleteFrom('survey_offers')
        .where('session_id_hash', '=', sessionIdHash)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    /**
     * Closes the session's open offer and stores the answer, in one transaction: the scores (when any was given)
     * and the text (pending) as two rows that share nothing but the week and the milestone. False when the offer
     * was no longer open (answered meanwhile): then nothing is stored.
     */
    async answer(sessionIdHash: string, answer: SurveyAnswerInput): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const closed = await trx
          .deleteFrom('survey_offers')
          .where('session_id_hash', '=', sessionIdHash)
          .executeTakeFirst();
        if (Number(closed.numDeletedRows) === 0) return false;
        if (answer.scores !== undefined) {
          await trx
            .insertInto('survey_answers')
            .values({
              id: crypto.randomUUID(),
              week: answer.week,
              milestone: answer.milestone,
              care: answer.scores.care,
              police: answer.scores.police,
              understood: answer.scores.understood,
              next_step: answer.scores.nextStep,
            })
            .execute();
        }
        if (answer.text !== undefined) {
          await trx
            .insertInto('survey_texts')
            .values({
              id: crypto.randomUUID(),
              week: answer.week,
              milestone: answer.milestone,
              text: answer.text,
              state: 'pending',
              reviewed_on: null,
              reviewed_by: null,
            })
            .execute();
        }
        return true;
      });
    },

    /** Step moves into a track the case had not been in before, and closings, of the account's cases since `since`. */
    async caseMilestonesSince(userId: string, since: string): Promise<MilestoneAt[]> {
      const moves = await db
        .selectFrom('case_step_moves as move')
        .select('move.created_at')
        .where('move.case_id', 'in', parentCases(userId))
        // What the parent can see: a move told to everyone, not one among the professionals.
        .where('move.compartment', '=', 'members')
        .where('move.created_at', '>', since)
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('case_step_moves as earlier')
                .select('earlier.id')
                .whereRef('earlier.case_id', '=', 'move.case_id')
                .whereRef('earlier.track', '=', 'move.track')
                .where('earlier.compartment', '=', 'members')
                .whereRef('earlier.created_at', '<', 'move.created_at'),
            ),
          ),
        )
        .execute();
      const closings = await db
        .selectFrom('cases')
        .select('closed_at')
        .where('id', 'in', parentCases(userId))
        .where('closed_at', 'is not', null)
        .where('closed_at', '>', since)
        .execute();
      return [
        ...moves.map((row) => ({ milestone: 'new-track' as const, at: row.created_at })),
        ...closings.flatMap((row) =>
          row.closed_at === null ? [] : [{ milestone: 'case-closed' as const, at: row.closed_at }],
        ),
      ];
    },

    /** When the account's first journal entry came in (ISO 8601), if it wrote one. */
    async firstJournalEntryAt(userId: string): Promise<string | undefined> {
      const row = await db
        .selectFrom('journal_entries as entry')
        .innerJoin('journals as journal', 'journal.id', 'entry.journal_id')
        .select((eb) => eb.fn.min<string>('entry.received_at').as('first'))
        .where('journal.owner_id', '=', userId)
        .executeTakeFirst();
      return row?.first ?? undefined;
    },

    /** The texts in a state, oldest week first. */
    async texts(state: 'pending' | 'accepted'): Promise<SurveyText[]> {
      const rows = await db
        .selectFrom('survey_texts')
        .select(['id', 'week', 'milestone', 'text', 'state', 'reviewed_on'])
        .where('state', '=', state)
        .orderBy('week')
        .orderBy('id')
        .execute();
      return rows.map(toSurveyText);
    },

    async findText(id: string): Promise<SurveyText | undefined> {
      const row = await db.selectFrom('survey_texts').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : toSurveyText(row);
    },

    /** Accepts a pending text (with the day and the reviewer's editorial role) and runs `also`; false if none. */
    async accept(id: string, reviewed: { on: string; by: string }, also: AlsoInTransaction = nothingToRecord) {
      return db.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable('survey_texts')
          .set({ state: 'accepted', reviewed_on: reviewed.on, reviewed_by: reviewed.by })
          .where('id', '=', id)
          .where('state', '=', 'pending')
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0) return false;
        await also(trx);
        return true;
      });
    },

    /** Deletes the pending texts of `lastWeek` and every week before it (retention); returns how many. */
    async deletePendingUpTo(lastWeek: string): Promise<number> {
      const result = await db
        .deleteFrom('survey_texts')
        .where('state', '=', 'pending')
        .where('week', '<=', lastWeek)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    /** Deletes a pending text (rejected) and runs `also`; false if there was none. */
    async reject(id: string, also: AlsoInTransaction = nothingToRecord) {
      return db.transaction().execute(async (trx) => {
        const result = await trx
          .deleteFrom('survey_texts')
          .where('id', '=', id)
          .where('state', '=', 'pending')
          .executeTakeFirst();
        if (Number(result.numDeletedRows) === 0) return false;
        await also(trx);
        return true;
      });
    },
  };
}

export type SurveyRepository = ReturnType<typeof createSurveyRepository>;

/** The account's survey rows, for account deletion (in its transaction): the not-before day and open offers. */
export async function deleteSurveyScheduleOf(trx: Kysely<Database>, userId: string): Promise<void> {
  await trx
    .deleteFrom('survey_offers')
    .where('session_id_hash', 'in', trx.selectFrom('sessions').select('id_hash').where('user_id', '=', userId))
    .execute();
  await trx.deleteFrom('survey_schedule').where('user_id', '=', userId).execute();
}

/** The account's not-before day, for "download my data". */
export async function surveyNotBeforeOf(db: Kysely<Database>, userId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('survey_schedule')
    .select('not_before')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.not_before;
}
