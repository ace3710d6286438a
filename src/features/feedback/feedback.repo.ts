import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../shared/db/schema.js';
import type { AlsoInTransaction } from '../../shared/db/transaction.js';

/** Where a page lives: the information pages or the knowledge base (content_pages.section). */
export const feedbackSections = ['informatie', 'kennisbank'] as const;
export type FeedbackSection = (typeof feedbackSections)[number];

export type FeedbackTextState = 'pending' | 'accepted';

/** What a reader wrote under "what was missing?", as stored (ADR 0038). */
export interface FeedbackText {
  id: string;
  section: FeedbackSection;
  slug: string;
  lang: string;
  text: string;
  /** The day it came in (YYYY-MM-DD, Europe/Amsterdam); nothing finer. */
  receivedOn: string;
  state: FeedbackTextState;
}

/** A page's "was this useful?" answers, all days together. */
export interface VoteTotals {
  slug: string;
  lang: string;
  helpful: number;
  notHelpful: number;
}

/** A page as the editors' list names it. */
export interface PageName {
  section: FeedbackSection;
  slug: string;
  lang: string;
  title: string;
}

const nothingToRecord = (): Promise<void> => Promise.resolve();

const sectionOf = (value: unknown): FeedbackSection => (value === 'kennisbank' ? 'kennisbank' : 'informatie');

/** A stored reader's text as the feature speaks of it. */
const feedbackTextOf = (row: Selectable<Database['page_feedback_texts']>): FeedbackText => ({
  id: row.id,
  section: sectionOf(row.section),
  slug: row.slug,
  lang: row.lang,
  text: row.text,
  receivedOn: row.received_on,
  state: row.state,
});

export function createFeedbackRepository(db: Kysely<Database>) {
  const texts = (state: FeedbackTextState) =>
    db
      .selectFrom('page_feedback_texts')
      .selectAll()
      .where('state', '=', state)
      .orderBy('received_on')
      .orderBy('id')
      .execute()
      .then((rows) => rows.map(feedbackTextOf));

  return {
    /** Stores a reader's text as pending; returns its id. */
    async addText(text: Omit<FeedbackText, 'id' | 'state'>): Promise<string> {
      const id = crypto.randomUUID();
      await db
        .insertInto('page_feedback_texts')
        .values({
          id,
          section: text.section,
          slug: text.slug,
          lang: text.lang,
          text: text.text,
          received_on: text.receivedOn,
          state: 'pending',
        })
        .execute();
      return id;
    },

    async findText(id: string): Promise<FeedbackText | undefined> {
      const row = await db.selectFrom('page_feedback_texts').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : feedbackTextOf(row);
    },

    /** The moderation queue, oldest first. */
    pendingTexts: () => texts('pending'),

    acceptedTexts: () => texts('accepted'),

    async countPending(): Promise<number> {
      const row = await db
        .selectFrom('page_feedback_texts')
        .select((eb) => eb.fn.countAll().as('count'))
        .where('state', '=', 'pending')
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },

    /** Marks a pending text accepted and runs `also` (its audit line) in the same transaction; false if none. */
    async accept(id: string, also: AlsoInTransaction = nothingToRecord): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable('page_feedback_texts')
          .set({ state: 'accepted' })
          .where('id', '=', id)
          .where('state', '=', 'pending')
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0) return false;
        await also(trx);
        return true;
      });
    },

    /** Deletes a text (pending or accepted) and runs `also` in the same transaction; false if there was none. */
    async discard(id: string, also: AlsoInTransaction = nothingToRecord): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const result = await trx.deleteFrom('page_feedback_texts').where('id', '=', id).executeTakeFirst();
        if (Number(result.numDeletedRows) === 0) return false;
        await also(trx);
        return true;
      });
    },

    /** Deletes the texts in `state` received before `day` (YYYY-MM-DD); returns how many. */
    async deleteReceivedBefore(state: FeedbackTextState, day: string): Promise<number> {
      const result = await db
        .deleteFrom('page_feedback_texts')
        .where('state', '=', state)
        .where('received_on', '<', day)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    /** Every page's "was this useful?" totals (page_feedback), all days together. */
    async voteTotals(): Promise<VoteTotals[]> {
      const rows = await db
        .selectFrom('page_feedback')
        .select(['slug', 'lang', 'helpful', (eb) => eb.fn.sum<number | string>('count').as('total')])
        .groupBy(['slug', 'lang', 'helpful'])
        .execute();
      const totals = new Map<string, VoteTotals>();
      for (const row of rows) {
        const key = `${row.lang}/${row.slug}`;
        const entry = totals.get(key) ?? { slug: row.slug, lang: row.lang, helpful: 0, notHelpful: 0 };
        if (Number(row.helpful) === 1) entry.helpful += Number(row.total);
        else entry.notHelpful += Number(row.total);
        totals.set(key, entry);
      }
      return [...totals.values()];
    },

    /** The title and section of every stored page (to name the pages in the editors' list). */
    async pageNames(): Promise<PageName[]> {
      // selectAll: the section column (migration 0033) is read by name, 'informatie' where a row has none.
      const rows = await db.selectFrom('content_pages').selectAll().execute();
      return rows.map((row) => ({
        section: sectionOf((row as { section?: unknown }).section),
        slug: row.slug,
        lang: row.lang,
        title: row.title,
      }));
    },
  };
}

export type FeedbackRepository = ReturnType<typeof createFeedbackRepository>;
