import { NotFound } from '../../shared/errors.js';
import { type Language, defaultLocale, languageInfo } from '../../shared/i18n/i18n.js';
import type { Actor } from '../../shared/policy/actor.js';
import { authorize, can } from '../../policies.js';
import { amsterdamDay } from '../../shared/time/amsterdam.js';
import type { ContentPage, ContentPageSummary, ContentRepository } from './content.repo.js';
import { slugSchema } from './content.schema.js';

export interface ShownPage {
  page: ContentPage;
  /** True when the page is in the chosen language itself (a translation, or nl or en chosen). */
  translated: boolean;
  /**
   * True when the page is in another language than the content locale the visitor's language falls back to
   * (an English visitor, or an Arabic one, reading the Dutch page because there is no English one).
   */
  fallback: boolean;
}

/** The languages to look a page up in, first found wins: the chosen one (if allowed), its fallback, Dutch. */
function lookupOrder(language: Language, translationAllowed: boolean): string[] {
  const { locale } = languageInfo[language];
  const order = translationAllowed ? [language, locale, defaultLocale] : [locale, defaultLocale];
  return [...new Set(order)];
}

export function createContentService(repo: ContentRepository, clock: () => Date = () => new Date()) {
  return {
    isEmpty: async (): Promise<boolean> => (await repo.countPages()) === 0,

    /**
     * The page in the visitor's language; else in the language's fallback (nl or en); else in Dutch.
     * `translationAllowed`: whether a page written in the chosen language may be shown in it (the route knows
     * whether the language has the page's own texts, ADR 0053); nl and en are always allowed.
     */
    async showPage(actor: Actor, slug: string, language: Language, translationAllowed = true): Promise<ShownPage> {
      if (!slugSchema.safeParse(slug).success) throw new NotFound('bad slug');
      const { locale } = languageInfo[language];
      let page: ContentPage | undefined;
      for (const lang of lookupOrder(language, translationAllowed || language === locale)) {
        page = await repo.findPage(slug, lang);
        if (page !== undefined) break;
      }
      if (page === undefined) throw new NotFound('no such page');
      authorize(actor, 'contentPage', 'read', page);
      const translated = page.lang === language;
      return { page, translated, fallback: !translated && page.lang !== locale };
    },

    /**
     * The index: the pages of the language's fallback (nl or en), each replaced by its translation in the chosen
     * language where there is one (and `translationAllowed`), plus translations of Dutch pages the fallback lacks.
     */
    async listVisiblePages(actor: Actor, language: Language, translationAllowed = true): Promise<ContentPageSummary[]> {
      const { locale } = languageInfo[language];
      let pages = await repo.listPages(locale);
      if (language !== locale && translationAllowed) {
        const translations = await repo.listPages(language);
        const bySlug = new Map(translations.map((page) => [page.slug, page]));
        pages = pages.map((page) => bySlug.get(page.slug) ?? page);
        const shown = new Set(pages.map((page) => page.slug));
        pages.push(...translations.filter((page) => !shown.has(page.slug)));
        pages.sort((a, b) => a.order - b.order || a.title.localeCompare(b.title));
      }
      return pages.filter((page) => can(actor, 'contentPage', 'read', page));
    },

    /** Counts a vote for the page as the visitor was shown it (a translation is counted as its own page). */
    async recordFeedback(
      actor: Actor,
      slug: string,
      language: Language,
      helpful: boolean,
      translationAllowed = true,
    ): Promise<void> {
      const { page } = await this.showPage(actor, slug, language, translationAllowed);
      authorize(actor, 'contentPage', 'giveFeedback', page);
      await repo.recordFeedback(page.slug, page.lang, amsterdamDay(clock()), helpful);
    },
  };
}

export type ContentService = ReturnType<typeof createContentService>;
