import { SanitizedHtml } from '../../../shared/views/components/trusted-html.js';
import { SourceList } from '../../../shared/views/components/source-list.js';
import type { PageContext } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import { isKnowledgeAudience, isKnowledgeTopic } from '../knowledge.schema.js';
import type { StoredArticle } from '../knowledge.types.js';
import { ArticleActions, ArticleFacts, ReviewedLine } from './knowledge-parts.js';
import { ArticleFeedback } from '../../feedback/views/feedback-form.view.js';

/** An article to draw; `fallback`: it is shown in Dutch because it was not written in the visitor's language. */
interface ArticleProps {
  ctx: PageContext;
  article: StoredArticle;
  fallback: boolean;
}

/**
 * A written knowledge article (content/kennisbank/<lang>/<slug>.md): who it is for, the sanitized body, its
 * sources and who checked it when. Also the editor's preview, so a draft looks exactly as it will be published.
 */
export function KnowledgeArticleBody({ ctx, article, fallback }: ArticleProps) {
  const { t } = ctx;
  const audience = article.audience.filter(isKnowledgeAudience);
  // The article's own words are in its language (Dutch when it was not written in the visitor's); the rest not.
  const lang = fallback ? article.lang : undefined;
  return (
    <article class="app-article app-kb-article">
      {fallback && <p class="app-callout app-callout--info">{t('knowledge.article.notTranslated')}</p>}
      <h1 lang={lang}>{article.title}</h1>
      <p class="app-lead" lang={lang}>
        {article.summary}
      </p>
      {isKnowledgeTopic(article.topic) && (
        <ArticleFacts
          ctx={ctx}
          audience={audience}
          topic={article.topic}
          professionalsOnly={article.visibility === 'professionals'}
        />
      )}
      {article.headings.length > 1 && (
        <nav class="app-toc app-no-print" aria-labelledby="toc-title">
          <h2 id="toc-title" class="app-toc__title">
            {t('knowledge.article.onThisPage')}
          </h2>
          <ul class="app-toc__list">
            {article.headings.map((heading) => (
              <li key={heading.id}>
                <a href={`#${heading.id}`} lang={lang}>
                  {heading.text}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <div lang={lang}>
        <SanitizedHtml className="app-prose" html={article.bodyHtml} />
      </div>
      <footer class="app-article__meta">
        <SourceList id="sources-title" title={t('knowledge.article.sources')} sources={article.sources} />
        <ReviewedLine ctx={ctx} date={article.lastReviewed} who={article.reviewedBy ?? ''} />
      </footer>
    </article>
  );
}

export function KnowledgeArticlePage({ ctx, article, fallback }: ArticleProps) {
  return (
    <Layout ctx={ctx} title={article.title} description={article.summary}>
      <KnowledgeArticleBody ctx={ctx} article={article} fallback={fallback} />
      <ArticleFeedback ctx={ctx} slug={article.slug} />
      <ArticleActions ctx={ctx} />
    </Layout>
  );
}
