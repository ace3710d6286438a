import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';
import { NotFound } from '../../shared/errors.js';
import { type Locale, defaultLocale, isLocale } from '../../shared/i18n/i18n.js';
import type { Actor } from '../../shared/policy/actor.js';
import { authorize, can } from '../../policies.js';
import { amsterdamDay } from '../../shared/time/amsterdam.js';
import type { ContentPage, ContentPageSummary, ContentRepository } from './content.repo.js';
import { frontMatterSchema, slugSchema } from './content.schema.js';
import { renderMarkdown } from './markdown.js';

/*
 * gray-matter runs front matter written as "---js" through eval. Content files are written by people who are
 * not developers, so only YAML is accepted: any other front-matter language is refused.
 */
const refuse = (): never => {
  throw new Error('only YAML front matter is allowed');
};
const noCodeEngines = { js: refuse, javascript: refuse, coffee: refuse, coffeescript: refuse, toml: refuse };

export interface ImportSummary {
  created: number;
  updated: number;
  unchanged: number;
}

/** A content file that cannot be imported; the message names the file and each problem. */
export class ContentFileError extends Error {
  constructor(file: string, problems: readonly string[]) {
    super(`${file}: ${problems.join('; ')}`);
    this.name = 'ContentFileError';
  }
}

export interface ShownPage {
  page: ContentPage;
  /** True when the page is not available in the requested language and is shown in Dutch instead. */
  fallback: boolean;
}

export function createContentService(repo: ContentRepository, clock: () => Date = () => new Date()) {
  async function readPageFile(file: string, lang: Locale) {
    const raw = await readFile(file, 'utf8');
    const parsed = matter(raw, { engines: noCodeEngines });
    const slug = path.basename(file, '.md');
    const problems: string[] = [];
    if (!slugSchema.safeParse(slug).success) problems.push('the file name must be a slug like "veilig-gebruik"');
    const front = frontMatterSchema.safeParse(parsed.data);
    if (!front.success) {
      for (const issue of front.error.issues) problems.push(`${issue.path.join('.') || 'front matter'} ${issue.message}`);
    }
    if (!front.success || problems.length > 0) throw new ContentFileError(file, problems);
    const body = parsed.content.normalize('NFC');
    const rendered = renderMarkdown(body);
    return {
      slug,
      lang,
      status: front.data.draft ? ('draft' as const) : ('published' as const),
      title: front.data.title,
      summary: front.data.summary,
      audience: front.data.audience,
      topic: front.data.topic,
      sources: front.data.sources,
      headings: rendered.headings,
      lastReviewed: front.data.lastReviewed,
      order: front.data.order,
      bodyMarkdown: body,
      bodyHtml: rendered.html,
      sourceHash: createHash('sha256').update(raw).digest('hex'),
    };
  }

  return {
    /** Imports content/<lang>/<slug>.md files; re-running with unchanged files writes nothing. */
    async importDirectory(directory: string): Promise<ImportSummary> {
      const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0 };
      const languages = (await readdir(directory, { withFileTypes: true }))
        .filter((entry) => entry.isDirectory() && isLocale(entry.name))
        .map((entry) => entry.name as Locale);
      // Every file is read and checked before anything is written: one bad file leaves the database as it was.
      const pages = [];
      for (const lang of languages) {
        const files = (await readdir(path.join(directory, lang))).filter((name) => name.endsWith('.md')).sort();
        for (const name of files) pages.push(await readPageFile(path.join(directory, lang, name), lang));
      }
      for (const page of pages) summary[await repo.savePageFromSource(page, clock())] += 1;
      return summary;
    },

    isEmpty: async (): Promise<boolean> => (await repo.countPages()) === 0,

    /** The page in the visitor's language, or in Dutch when it has not been translated yet. */
    async showPage(actor: Actor, slug: string, locale: Locale): Promise<ShownPage> {
      if (!slugSchema.safeParse(slug).success) throw new NotFound('bad slug');
      let page = await repo.findPage(slug, locale);
      let fallback = false;
      if (page === undefined && locale !== defaultLocale) {
        page = await repo.findPage(slug, defaultLocale);
        fallback = true;
      }
      if (page === undefined) throw new NotFound('no such page');
      authorize(actor, 'contentPage', 'read', page);
      return { page, fallback };
    },

    async listVisiblePages(actor: Actor, locale: Locale): Promise<ContentPageSummary[]> {
      const pages = await repo.listPages(locale);
      return pages.filter((page) => can(actor, 'contentPage', 'read', page));
    },

    async recordFeedback(actor: Actor, slug: string, locale: Locale, helpful: boolean): Promise<void> {
      const { page } = await this.showPage(actor, slug, locale);
      authorize(actor, 'contentPage', 'giveFeedback', page);
      await repo.recordFeedback(page.slug, page.lang, amsterdamDay(clock()), helpful);
    },
  };
}

export type ContentService = ReturnType<typeof createContentService>;
