import type { Translate } from '../../shared/i18n/i18n.js';
import type { Locale } from '../../shared/i18n/messages.js';
import type { KnowledgeService } from '../knowledge/knowledge.service.js';
import type { PageLookup } from './feedback.service.js';

/**
 * The knowledge base's pages for the feedback: an article the actor may read (the knowledge service decides, a
 * NotFound otherwise), as its slug, language, title and status. The articles drawn from the pathway data are
 * published and titled as the knowledge base titles them.
 */
export function knowledgePages(
  knowledge: Pick<KnowledgeService, 'showArticle'>,
  translatorFor: (locale: Locale) => Translate,
): PageLookup {
  return async (actor, slug, locale) => {
    const shown = await knowledge.showArticle(actor, slug, locale);
    if (shown.kind === 'stored') {
      const { article } = shown;
      return { page: { slug: article.slug, lang: article.lang, title: article.title, status: article.status } };
    }
    const t = translatorFor(locale);
    const title =
      shown.kind === 'lijn'
        ? t('knowledge.lijn.title')
        : t('knowledge.track.title', { track: shown.track.title[locale] });
    return { page: { slug, lang: locale, title, status: 'published' } };
  };
}
