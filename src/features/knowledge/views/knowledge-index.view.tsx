import type { PageContext } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import { type FilterProblem, type KnowledgeFilter, knowledgeAudiences, knowledgeTopics } from '../knowledge.schema.js';
import type { ArticleListing } from '../knowledge.types.js';
import { ArticleFacts, audienceKey, ReviewedLine, topicKey } from './knowledge-parts.js';

interface IndexProps {
  ctx: PageContext;
  articles: readonly ArticleListing[];
  filter: KnowledgeFilter;
  problems: readonly FilterProblem[];
}

/** The filter: a plain GET form (works without JavaScript; the choice stays in the address to share or bookmark). */
function FilterForm({ ctx, filter }: { ctx: PageContext; filter: KnowledgeFilter }) {
  const { t } = ctx;
  return (
    <form class="app-kb-filter app-no-print" method="get" action="/kennisbank">
      <fieldset>
        <legend>{t('knowledge.filter.legend')}</legend>
        <div class="app-field">
          <label class="app-label" for="doelgroep">
            {t('knowledge.filter.audience')}
          </label>
          <select class="app-input" id="doelgroep" name="doelgroep">
            <option value="">{t('knowledge.filter.all')}</option>
            {knowledgeAudiences.map((audience) => (
              <option key={audience} value={audience} selected={filter.audience === audience}>
                {t(audienceKey(audience))}
              </option>
            ))}
          </select>
        </div>
        <div class="app-field">
          <label class="app-label" for="onderwerp">
            {t('knowledge.filter.topic')}
          </label>
          <select class="app-input" id="onderwerp" name="onderwerp">
            <option value="">{t('knowledge.filter.all')}</option>
            {knowledgeTopics.map((topic) => (
              <option key={topic} value={topic} selected={filter.topic === topic}>
                {t(topicKey(topic))}
              </option>
            ))}
          </select>
        </div>
        <button class="app-button app-button--secondary" type="submit">
          {t('knowledge.filter.submit')}
        </button>{' '}
        {(filter.audience !== undefined || filter.topic !== undefined) && (
          <a href="/kennisbank">{t('knowledge.filter.reset')}</a>
        )}
      </fieldset>
    </form>
  );
}

/** /kennisbank: the filter, then the articles grouped by topic with summary, audience and review date. */
export function KnowledgeIndexPage({ ctx, articles, filter, problems }: IndexProps) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('knowledge.index.title')} description={t('knowledge.index.intro')}>
      <h1>{t('knowledge.index.title')}</h1>
      <p class="app-lead">{t('knowledge.index.intro')}</p>
      {problems.length > 0 && (
        <div class="app-error-summary" data-module="app-error-summary" role="alert" tabindex={-1}>
          {problems.map((problem) => (
            <p key={problem}>
              {t(problem === 'audience' ? 'knowledge.filter.badAudience' : 'knowledge.filter.badTopic')}
            </p>
          ))}
        </div>
      )}
      <FilterForm ctx={ctx} filter={filter} />
      <p role="status">{t('knowledge.index.count', { count: articles.length })}</p>
      {articles.length === 0 && <p>{t('knowledge.index.none')}</p>}
      {knowledgeTopics.map((topic) => {
        const inTopic = articles.filter((article) => article.topic === topic);
        if (inTopic.length === 0) return null;
        return (
          <section key={topic} aria-labelledby={`onderwerp-${topic}`}>
            <h2 id={`onderwerp-${topic}`}>{t(topicKey(topic))}</h2>
            <ul class="app-page-list">
              {inTopic.map((article) => (
                <li key={article.slug} class="app-page-list__item">
                  <a
                    class="app-page-list__link"
                    href={`/kennisbank/${article.slug}`}
                    hreflang={article.fallback ? article.lang : undefined}
                  >
                    <span lang={article.fallback ? article.lang : undefined}>{article.title}</span>
                  </a>
                  {article.fallback && <> {t('knowledge.article.inDutch')}</>}
                  <p class="app-page-list__summary" lang={article.fallback ? article.lang : undefined}>
                    {article.summary}
                  </p>
                  <ArticleFacts
                    ctx={ctx}
                    audience={article.audience}
                    topic={article.topic}
                    professionalsOnly={article.professionalsOnly}
                  />
                  <ReviewedLine ctx={ctx} date={article.lastReviewed} who={article.reviewedBy} />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      <p class="app-hint">{t('knowledge.index.professionalsNote')}</p>
    </Layout>
  );
}
