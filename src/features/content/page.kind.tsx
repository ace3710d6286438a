import type { EditorialKind } from '../editorial/editorial.types.js';
import { EditorialRefusal } from '../editorial/editorial.service.js';
import { type Translate, isLocale, languages, locales } from '../../shared/i18n/i18n.js';
import type { MessageKey } from '../../shared/i18n/messages.js';
import type { ContentRepository } from './content.repo.js';
import { frontMatterSchema, pageAudiences, topics, type FrontMatter } from './content.schema.js';
import { type MarkdownDocument, markdownKind, pageKey } from './content.kind.js';
import { ContentArticle } from './views/content-page.view.js';

const audienceLabels: Record<string, MessageKey> = {
  parents: 'content.edit.audience.parents',
  professionals: 'content.edit.audience.professionals',
  everyone: 'content.edit.audience.everyone',
};
const topicLabels: Record<string, MessageKey> = {
  begrijpen: 'info.index.group.begrijpen',
  handelen: 'info.index.group.handelen',
  steun: 'info.index.group.steun',
  over: 'info.index.group.over',
};

/**
 * The folders of information pages: nl and en (complete), then every language being translated
 * (content/makkelijk|ar|tr|pl/<slug>.md, ADR 0053), read in this order so a Dutch page is imported before its
 * translations.
 */
export const pageLanguages: readonly string[] = [...locales, ...languages.filter((language) => !isLocale(language))];

/** Whether two lists of sources name the same titles and addresses, in the same order. */
export function sameSources(
  a: readonly { title: string; url?: string | undefined }[],
  b: readonly { title: string; url?: string | undefined }[],
): boolean {
  return a.length === b.length && a.every((source, index) => source.title === b[index]?.title && source.url === b[index]?.url);
}

/**
 * Kind `page`: the information pages, content/<language>/<slug>.md, key `<language>/<slug>`, shown at
 * /informatie/<slug>. A page in a language being translated (not nl or en) is a translation of the Dutch page
 * with its slug: it is published only when that Dutch page exists, with the Dutch page's sources and date of
 * the last check of its facts (a translation does not check the facts again).
 */
export function pageKind(repo: ContentRepository, clock?: () => Date): EditorialKind<MarkdownDocument<FrontMatter>> {
  const kind = markdownKind({
    kind: 'page',
    section: 'informatie',
    directory: '',
    languages: pageLanguages,
    frontMatter: frontMatterSchema,
    audiences: pageAudiences,
    topics,
    choiceLabel(field: 'audience' | 'topic', value: string, t: Translate) {
      const key = (field === 'audience' ? audienceLabels : topicLabels)[value];
      return key === undefined ? value : t(key);
    },
    Preview: ({ ctx, page }) => <ContentArticle ctx={ctx} page={page} fallback={false} />,
    repo,
    ...(clock === undefined ? {} : { clock }),
  });
  return {
    ...kind,
    keyProblems: (key, t) => (pageKey(key, pageLanguages) === undefined ? [t('content.edit.problem.key')] : []),
    async apply(trx, key, document, publishedAt) {
      const address = pageKey(key, pageLanguages);
      if (address !== undefined && !isLocale(address.lang)) {
        const dutch = await repo.findPageIn(trx, address.slug, 'nl', 'informatie');
        if (
          dutch === undefined ||
          !sameSources(document.front.sources, dutch.sources) ||
          document.front.lastReviewed !== dutch.lastReviewed
        ) {
          throw new EditorialRefusal('content.edit.problem.translation', 409);
        }
      }
      await kind.apply(trx, key, document, publishedAt);
    },
  };
}
