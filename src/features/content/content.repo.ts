import type { Kysely, Selectable } from 'kysely';
import type { ContentPagesTable, Database } from '../../shared/db/schema.js';
import type { Heading } from './markdown.js';
import type { Audience, Topic } from './content.schema.js';

export interface Source {
  title: string;
  publisher?: string | undefined;
  url?: string | undefined;
}

export interface ContentPage {
  id: string;
  slug: string;
  lang: string;
  status: 'published' | 'draft';
  title: string;
  summary: string;
  audience: Audience[];
  topic: Topic;
  sources: Source[];
  headings: Heading[];
  lastReviewed: string;
  order: number;
  bodyHtml: string;
}

export type ContentPageSummary = Omit<ContentPage, 'bodyHtml' | 'headings' | 'sources'>;

export interface ContentPageWrite {
  slug: string;
  lang: string;
  status: 'published' | 'draft';
  title: string;
  summary: string;
  audience: Audience[];
  topic: Topic;
  sources: Source[];
  headings: Heading[];
  lastReviewed: string;
  order: number;
  bodyMarkdown: string;
  bodyHtml: string;
  sourceHash: string;
}

function toPage(row: Selectable<ContentPagesTable>): ContentPage {
  return {
    id: row.id,
    slug: row.slug,
    lang: row.lang,
    status: row.status,
    title: row.title,
    summary: row.summary,
    audience: JSON.parse(row.audience) as Audience[],
    topic: row.topic as Topic,
    sources: JSON.parse(row.sources) as Source[],
    headings: JSON.parse(row.headings) as Heading[],
    lastReviewed: row.last_reviewed,
    order: row.sort_order,
    bodyHtml: row.body_html,
  };
}

export function createContentRepository(db: Kysely<Database>) {
  return {
    async findPage(slug: string, lang: string): Promise<ContentPage | undefined> {
      const row = await db
        .selectFrom('content_pages')
        .selectAll()
        .where('slug', '=', slug)
        .where('lang', '=', lang)
        .executeTakeFirst();
      return row === undefined ? undefined : toPage(row);
    },

    async listPages(lang: string): Promise<ContentPageSummary[]> {
      const rows = await db
        .selectFrom('content_pages')
        .select(['id', 'slug', 'lang', 'status', 'title', 'summary', 'audience', 'topic', 'last_reviewed', 'sort_order'])
        .where('lang', '=', lang)
        .orderBy('sort_order')
        .orderBy('title')
        .execute();
      return rows.map((row) => ({
        id: row.id,
        slug: row.slug,
        lang: row.lang,
        status: row.status,
        title: row.title,
        summary: row.summary,
        audience: JSON.parse(row.audience) as Audience[],
        topic: row.topic as Topic,
        lastReviewed: row.last_reviewed,
        order: row.sort_order,
      }));
    },

    async countPages(): Promise<number> {
      const row = await db
        .selectFrom('content_pages')
        .select((eb) => eb.fn.countAll().as('count'))
        .executeTakeFirstOrThrow();
      // PostgreSQL returns count(*) as a string.
      return Number(row.count);
    },

    /** Inserts or updates the page for (slug, lang); an unchanged source writes nothing. */
    async savePageFromSource(page: ContentPageWrite, now: Date): Promise<'created' | 'updated' | 'unchanged'> {
      return db.transaction().execute(async (trx) => {
        const existing = await trx
          .selectFrom('content_pages')
          .select(['id', 'source_hash'])
          .where('slug', '=', page.slug)
          .where('lang', '=', page.lang)
          .executeTakeFirst();
        const values = {
          status: page.status,
          title: page.title,
          summary: page.summary,
          audience: JSON.stringify(page.audience),
          topic: page.topic,
          sources: JSON.stringify(page.sources),
          headings: JSON.stringify(page.headings),
          last_reviewed: page.lastReviewed,
          sort_order: page.order,
          body_markdown: page.bodyMarkdown,
          body_html: page.bodyHtml,
          source_hash: page.sourceHash,
          updated_at: now.toISOString(),
        };
        if (existing === undefined) {
          await trx
            .insertInto('content_pages')
            .values({ id: crypto.randomUUID(), slug: page.slug, lang: page.lang, created_at: now.toISOString(), ...values })
            .execute();
          return 'created';
        }
        if (existing.source_hash === page.sourceHash) return 'unchanged';
        await trx.updateTable('content_pages').set(values).where('id', '=', existing.id).execute();
        return 'updated';
      });
    },

    async recordFeedback(slug: string, lang: string, day: string, helpful: boolean): Promise<void> {
      await db
        .insertInto('page_feedback')
        .values({ slug, lang, day, helpful: helpful ? 1 : 0, count: 1 })
        .onConflict((conflict) =>
          conflict
            .columns(['slug', 'lang', 'day', 'helpful'])
            .doUpdateSet((eb) => ({ count: eb('page_feedback.count', '+', 1) })),
        )
        .execute();
    },

    async feedbackTotals(slug: string, lang: string): Promise<{ helpful: number; notHelpful: number }> {
      const rows = await db
        .selectFrom('page_feedback')
        .select(['helpful', (eb) => eb.fn.sum<number | string>('count').as('total')])
        .where('slug', '=', slug)
        .where('lang', '=', lang)
        .groupBy('helpful')
        .execute();
      const total = (value: number) => Number(rows.find((row) => Number(row.helpful) === value)?.total ?? 0);
      return { helpful: total(1), notHelpful: total(0) };
    },
  };
}

export type ContentRepository = ReturnType<typeof createContentRepository>;
