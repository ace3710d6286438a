import type { Kysely } from 'kysely';
import type { Database } from '../../shared/db/schema.js';
import type { AlsoInTransaction, Trx } from '../../shared/db/transaction.js';

/** A reviewer's mark: this language's page was checked by a native speaker (migration 0049). */
export interface ReviewMark {
  language: string;
  page: string;
  markedBy: string;
  markedAt: string;
}

/** The only code that queries translation_reviews (and reads which translated information pages exist). */
export function createTranslationReviewRepository(db: Kysely<Database>) {
  return {
    async marks(): Promise<ReviewMark[]> {
      const rows = await db.selectFrom('translation_reviews').selectAll().orderBy('language').orderBy('page').execute();
      return rows.map((row) => ({
        language: row.language,
        page: row.page,
        markedBy: row.marked_by,
        markedAt: row.marked_at,
      }));
    },

    /** The information pages written in a language (content_pages, section informatie), by slug. */
    async contentSlugs(language: string): Promise<string[]> {
      const rows = await db
        .selectFrom('content_pages')
        .select('slug')
        .where('lang', '=', language)
        .where('section', '=', 'informatie')
        .orderBy('slug')
        .execute();
      return rows.map((row) => row.slug);
    },

    /**
     * Sets or removes a mark, with `also` (the audit line, the change-bus message) in the same transaction.
     * Returns false when there was nothing to change (already marked, or no mark to withdraw).
     */
    async setMark(
      mark: { language: string; page: string; markedBy: string; markedAt: string },
      reviewed: boolean,
      also: (trx: Trx) => Promise<unknown>,
    ): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        let changed: boolean;
        if (reviewed) {
          const result = await trx
            .insertInto('translation_reviews')
            .values({ language: mark.language, page: mark.page, marked_by: mark.markedBy, marked_at: mark.markedAt })
            .onConflict((conflict) => conflict.columns(['language', 'page']).doNothing())
            .executeTakeFirst();
          changed = Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
        } else {
          const result = await trx
            .deleteFrom('translation_reviews')
            .where('language', '=', mark.language)
            .where('page', '=', mark.page)
            .executeTakeFirst();
          changed = Number(result.numDeletedRows) > 0;
        }
        if (changed) await also(trx);
        return changed;
      });
    },
  };
}

export type TranslationReviewRepository = ReturnType<typeof createTranslationReviewRepository>;
export type { AlsoInTransaction };
