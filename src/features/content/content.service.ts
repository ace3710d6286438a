import { NotFound } from '../../shared/errors.js';
import { type Locale, defaultLocale } from '../../shared/i18n/i18n.js';
import type { Actor } from '../../shared/policy/actor.js';
import { authorize, can } from '../../policies.js';
import { amsterdamDay } from '../../shared/time/amsterdam.js';
import type { ContentPage, ContentPageSummary, ContentRepository } from './content.repo.js';
import { slugSchema } from './content.schema.js';

export interface ShownPage {
  page: ContentPage;
  /** True when the page is not available in the requested language and is shown in Dutch instead. */
  fallback: boolean;
}

export function createContentService(repo: ContentRepository, clock: () => Date = () => new Date()) {
  return {
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
