import type { MessageKey } from '../../../shared/i18n/messages.js';
import { SanitizedHtml } from '../../../shared/views/components/trusted-html.js';
import type { PageContext } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import { SourceList } from '../../../shared/views/components/source-list.js';
import type { ContentPage } from '../content.repo.js';
import { MissingTextForm, VoteForm } from '../../feedback/views/feedback-form.view.js';

export type FeedbackState = 'ask' | 'thanks' | 'invalid';

/**
 * The page's own texts around the markdown (table of contents, sources, feedback question and form): a language
 * must hold all of them before its information pages are shown in it (ADR 0053). The content tests render the
 * page in every feedback state and compare the keys asked for with this list, so it cannot fall behind the view.
 */
export const contentPageKeys: readonly MessageKey[] = [
  'info.page.onThisPage',
  'info.page.sources',
  'info.page.lastReviewed',
  'info.page.allPages',
  'info.feedback.question',
  'info.feedback.yes',
  'info.feedback.no',
  'info.feedback.privacy',
  'info.feedback.thanks',
  'info.feedback.invalid',
  'feedback.form.title',
  'feedback.form.label',
  'feedback.form.hint',
  'feedback.form.whoReads',
  'feedback.form.warning',
  'feedback.form.helpNow',
  'feedback.form.helpNowLink',
  'feedback.form.veiligThuis',
  'feedback.form.submit',
];

interface ContentPageProps {
  ctx: PageContext;
  page: ContentPage;
  fallback: boolean;
  feedback: FeedbackState;
}

function Feedback({ ctx, page, state }: { ctx: PageContext; page: ContentPage; state: FeedbackState }) {
  const { t } = ctx;
  if (state === 'thanks') {
    return (
      <>
        <div class="app-feedback" id="feedback" role="status">
          <p>{t('info.feedback.thanks')}</p>
        </div>
        <div class="app-feedback">
          <MissingTextForm ctx={ctx} section="informatie" slug={page.slug} />
        </div>
      </>
    );
  }
  return <VoteForm ctx={ctx} action={`/informatie/${page.slug}/feedback`} invalid={state === 'invalid'} />;
}

/**
 * The article of an information page (title, table of contents, sanitized body, sources, review date), without the
 * layout: the public page and the CMS preview both draw it, so a preview looks exactly as the page will.
 */
export function ContentArticle({ ctx, page, fallback }: { ctx: PageContext; page: ContentPage; fallback: boolean }) {
  const { t } = ctx;
  return (
    <article class="app-article" lang={fallback ? page.lang : undefined}>
      <h1>{page.title}</h1>
      <p class="app-lead">{page.summary}</p>
      {page.headings.length > 1 && (
        <nav class="app-toc" aria-labelledby="toc-title">
          <h2 id="toc-title" class="app-toc__title">
            {t('info.page.onThisPage')}
          </h2>
          <ul class="app-toc__list">
            {page.headings.map((heading) => (
              <li key={heading.id}>
                <a href={`#${heading.id}`}>{heading.text}</a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <SanitizedHtml className="app-prose" html={page.bodyHtml} />
      <footer class="app-article__meta">
        <SourceList id="sources-title" title={t('info.page.sources')} sources={page.sources} />
        <p class="app-hint">{t('info.page.lastReviewed', { date: new Date(`${page.lastReviewed}T12:00:00Z`) })}</p>
      </footer>
    </article>
  );
}

/** An information page: the article, the feedback question and the way back to all pages. */
export function ContentPageView({ ctx, page, fallback, feedback }: ContentPageProps) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={page.title} description={page.summary}>
      <ContentArticle ctx={ctx} page={page} fallback={fallback} />
      <Feedback ctx={ctx} page={page} state={feedback} />
      <p>
        <a href="/informatie">{t('info.page.allPages')}</a>
      </p>
    </Layout>
  );
}
