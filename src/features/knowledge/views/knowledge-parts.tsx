import type { MessageKey } from '../../../shared/i18n/messages.js';
import type { PageContext } from '../../../shared/views/context.js';
import type { KnowledgeAudience, KnowledgeTopic } from '../knowledge.schema.js';

export const audienceKey = (audience: KnowledgeAudience): MessageKey => `knowledge.audience.${audience}`;
export const topicKey = (topic: KnowledgeTopic): MessageKey => `knowledge.topic.${topic}`;

/** "Laatst gecontroleerd op 7 december 2026 door …": on every article and in the index. */
export function ReviewedLine({ ctx, date, who }: { ctx: PageContext; date: string; who: string }) {
  return (
    <p class="app-hint app-kb-reviewed">
      {ctx.t('knowledge.article.reviewed', { date: new Date(`${date}T12:00:00Z`), who })}
    </p>
  );
}

/** Who an article is for and what it is about, in words. */
export function ArticleFacts({
  ctx,
  audience,
  topic,
  professionalsOnly,
}: {
  ctx: PageContext;
  audience: readonly KnowledgeAudience[];
  topic: KnowledgeTopic;
  professionalsOnly: boolean;
}) {
  const { t } = ctx;
  return (
    <p class="app-kb-facts">
      <strong>{t('knowledge.article.for')}</strong> {audience.map((entry) => t(audienceKey(entry))).join(', ')}.{' '}
      <strong>{t('knowledge.article.topic')}</strong> {t(topicKey(topic))}.
      {professionalsOnly && (
        <>
          {' '}
          <span class="app-tag">{t('knowledge.article.professionalsOnly')}</span>
        </>
      )}
    </p>
  );
}

/** The print button (JavaScript only; the browser's own print works without it) and the way back. */
export function ArticleActions({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <p class="app-kb-actions app-no-print">
      <button class="app-button app-button--secondary app-js-only" type="button" data-module="app-print">
        {t('knowledge.article.print')}
      </button>{' '}
      <a href="/kennisbank">{t('knowledge.article.back')}</a>
    </p>
  );
}
