import type { EditorialKind } from '../editorial/editorial.types.js';
import type { Translate } from '../../shared/i18n/i18n.js';
import { type MarkdownDocument, markdownKind, pageKey } from '../content/content.kind.js';
import type { ContentRepository } from '../content/content.repo.js';
import {
  type ArticleFrontMatter,
  articleFrontMatterSchema,
  isKnowledgeAudience,
  isKnowledgeTopic,
  isPathwayArticleSlug,
  knowledgeAudiences,
  knowledgeTopics,
} from './knowledge.schema.js';
import { KnowledgeArticleBody } from './views/knowledge-article.view.js';
import { audienceKey, topicKey } from './views/knowledge-parts.js';

/*
 * The editorial kind `article` (ADR 0035): a knowledge article is a markdown file content/kennisbank/<lang>/<slug>.md
 * with the article front matter (knowledge.schema.ts), kept as revisions by the editorial core and made live in
 * content_pages with section 'kennisbank'. Built with the content feature's markdown factory; only the schema, the
 * reviewer and "professionals only" fields, the reserved slugs of the pathway articles and the preview are its own.
 */

const choiceLabel = (field: 'audience' | 'topic', value: string, t: Translate): string => {
  if (field === 'audience') return isKnowledgeAudience(value) ? t(audienceKey(value)) : value;
  return isKnowledgeTopic(value) ? t(topicKey(value)) : value;
};

export function articleKind(
  repo: ContentRepository,
  clock?: () => Date,
): EditorialKind<MarkdownDocument<ArticleFrontMatter>> {
  const kind = markdownKind<ArticleFrontMatter>({
    kind: 'article',
    section: 'kennisbank',
    directory: 'kennisbank',
    frontMatter: articleFrontMatterSchema,
    audiences: knowledgeAudiences,
    topics: knowledgeTopics,
    choiceLabel,
    extraFields: [
      { name: 'reviewedBy', type: 'text', label: 'knowledge.edit.reviewedBy', hint: 'knowledge.edit.reviewedByHint' },
      {
        name: 'professionalsOnly',
        type: 'boolean',
        label: 'knowledge.edit.professionalsOnly',
        hint: 'knowledge.edit.professionalsOnlyHint',
      },
    ],
    visibility: (front) => (front.professionalsOnly ? 'professionals' : 'public'),
    reviewedBy: (front) => front.reviewedBy,
    check(_document, key, t) {
      const address = pageKey(key);
      // "de-lijn" and "de-lijn-<track>" are drawn from the pathway data; a written article may not take them.
      return address !== undefined && isPathwayArticleSlug(address.slug)
        ? [t('knowledge.edit.problem.reservedSlug', { slug: address.slug })]
        : [];
    },
    Preview: ({ ctx, page }) => <KnowledgeArticleBody ctx={ctx} article={page} fallback={false} />,
    repo,
    ...(clock !== undefined && { clock }),
  });
  return {
    ...kind,
    /** A new article's key: 'nl/<slug>' or 'en/<slug>', and not one of the pathway articles' slugs. */
    keyProblems(key, t) {
      const address = pageKey(key);
      if (address === undefined) return [t('content.edit.problem.key')];
      return isPathwayArticleSlug(address.slug)
        ? [t('knowledge.edit.problem.reservedSlug', { slug: address.slug })]
        : [];
    },
  };
}
