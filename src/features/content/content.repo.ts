import type { Kysely, Selectable } from 'kysely';
import type { ContentPagesTable, Database } from '../../shared/db/schema.js';
import type { Trx } from '../../shared/db/transaction.js';
import { type Heading, sanitizeRenderedHtml } from './markdown.js';

export interface Source {
  title: string;
  publisher?: string | undefined;
  url?: string | undefined;
}

/** Information pages and knowledge articles share content_pages (migration 0033). */
export type ContentSection = 'informatie' | 'kennisbank';
/** Everyone, or signed-in professionals only. */
export type ContentVisibility = 'public' | 'professionals';

export interface ContentPage {
  id: string;
  section: ContentSection;
  visibility: ContentVisibility;
  slug: string;
  lang: string;
  status: 'published' | 'draft';
  title: string;
  summary: string;
  /** Each section's schema narrows these (information pages: parents/professionals/everyone; articles: care, …). */
  audience: string[];
  topic: string;
  /** Who checked the text (knowledge articles); null: nobody named. */
  reviewedBy: string | null;
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
  audience: string[];
  topic: string;
  sources: Source[];
  headings: Heading[];
  lastReviewed: string;
  order: number;
  bodyMarkdown: string;
  bodyHtml: string;
  sourceHash: string;
}

/** What the kinds' apply writes: a page with its section, visibility and reviewer. */
export interface SectionPageWrite extends ContentPageWrite {
  section: ContentSection;
  visibility: ContentVisibility;
  reviewedBy: string | null;
}

/** A published page as search reads it: the text to index and what decides who may find it. */
export interface SearchablePageRow {
  section: ContentSection;
  visibility: ContentVisibility;
  slug: string;
  lang: string;
  title: string;
  summary: string;
  bodyMarkdown: string;
  audience: string[];
  topic: string;
}

/** A page's slug is already used, in that language, by the other section. */
export class SlugTaken extends Error {
  constructor(page: { slug: string; lang: string }, section: string) {
    super(`${page.lang}/${page.slug} is already used in the section ${section}`);
    this.name = 'SlugTaken';
  }
}

function toPage(row: Selectable<ContentPagesTable>): ContentPage {
  return {
    id: row.id,
    section: row.section as ContentSection,
    visibility: row.visibility as ContentVisibility,
    slug: row.slug,
    lang: row.lang,
    status: row.status,
    title: row.title,
    summary: row.summary,
    audience: JSON.parse(row.audience) as string[],
    topic: row.topic,
    reviewedBy: row.reviewed_by,
    sources: JSON.parse(row.sources) as Source[],
    headings: JSON.parse(row.headings) as Heading[],
    lastReviewed: row.last_reviewed,
    order: row.sort_order,
    // Sanitized on save and again here, on the way to every page.
    bodyHtml: sanitizeRenderedHtml(row.body_html),
  };
}

export function createContentRepository(db: Kysely<Database>) {
  return {
    async findPage(slug: string, lang: string, section: ContentSection = 'informatie'): Promise<ContentPage | undefined> {
      return this.findPageIn(db, slug, lang, section);
    },

    /** findPage inside a transaction (a kind's apply, which reads the Dutch page of a translation). */
    async findPageIn(
      executor: Kysely<Database> | Trx,
      slug: string,
      lang: string,
      section: ContentSection,
    ): Promise<ContentPage | undefined> {
      const row = await executor
        .selectFrom('content_pages')
        .selectAll()
        .where('slug', '=', slug)
        .where('lang', '=', lang)
        .where('section', '=', section)
        .executeTakeFirst();
      return row === undefined ? undefined : toPage(row);
    },

    async listPages(lang: string, section: ContentSection = 'informatie'): Promise<ContentPageSummary[]> {
      const rows = await db
        .selectFrom('content_pages')
        .select([
          'id', 'section', 'visibility', 'slug', 'lang', 'status', 'title', 'summary', 'audience', 'topic',
          'reviewed_by', 'last_reviewed', 'sort_order',
        ])
        .where('lang', '=', lang)
        .where('section', '=', section)
        .orderBy('sort_order')
        .orderBy('title')
        .execute();
      return rows.map((row) => ({
        id: row.id,
        section: row.section as ContentSection,
        visibility: row.visibility as ContentVisibility,
        slug: row.slug,
        lang: row.lang,
        status: row.status,
        title: row.title,
        summary: row.summary,
        audience: JSON.parse(row.audience) as string[],
        topic: row.topic,
        reviewedBy: row.reviewed_by,
        lastReviewed: row.last_reviewed,
        order: row.sort_order,
      }));
    },

    /** The section a slug is used in for a language, if any (slugs are unique per language across sections). */
    async sectionOfSlug(slug: string, lang: string): Promise<ContentSection | undefined> {
      const row = await db
        .selectFrom('content_pages')
        .select('section')
        .where('slug', '=', slug)
        .where('lang', '=', lang)
        .executeTakeFirst();
      return row?.section as ContentSection | undefined;
    },

    /**
     * Writes a published page in the publishing transaction (the editorial kinds' apply): inserts or updates the
     * row for (slug, lang). A slug the other section already uses is refused (slugs are unique per language).
     */
    async savePage(trx: Trx, page: SectionPageWrite, now: Date): Promise<void> {
      const existing = await trx
        .selectFrom('content_pages')
        .select(['id', 'section'])
        .where('slug', '=', page.slug)
        .where('lang', '=', page.lang)
        .executeTakeFirst();
      if (existing !== undefined && existing.section !== page.section) throw new SlugTaken(page, existing.section);
      const values = {
        section: page.section,
        visibility: page.visibility,
        reviewed_by: page.reviewedBy,
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
      } else {
        await trx.updateTable('content_pages').set(values).where('id', '=', existing.id).execute();
      }
    },

    /** Every published page of both sections, as the search index reads them (src/features/search, ADR 0034). */
    async searchablePages(): Promise<SearchablePageRow[]> {
      const rows = await db
        .selectFrom('content_pages')
        .select(['section', 'visibility', 'slug', 'lang', 'title', 'summary', 'body_markdown', 'audience', 'topic'])
        .where('status', '=', 'published')
        .orderBy('section')
        .orderBy('lang')
        .orderBy('slug')
        .execute();
      return rows.map((row) => ({
        section: row.section as ContentSection,
        visibility: row.visibility as ContentVisibility,
        slug: row.slug,
        lang: row.lang,
        title: row.title,
        summary: row.summary,
        bodyMarkdown: row.body_markdown,
        audience: JSON.parse(row.audience) as string[],
        topic: row.topic,
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
