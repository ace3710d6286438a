import { ActionForm } from '../../../shared/views/components/action-form.js';
import type { PageContext } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import type { FeedbackText } from '../feedback.repo.js';
import type { FeedbackOverview, PageFeedbackSummary } from '../feedback.service.js';
import { pagePath } from './feedback-form.view.js';

export type AdminNotice = 'accepted' | 'discarded' | undefined;

/** A reader's text, escaped like any text (Preact), its line breaks kept. */
function ReaderText({ text }: { text: string }) {
  const lines = text.split('\n');
  return (
    <blockquote class="app-callout">
      <p>{lines.flatMap((line, index) => (index === 0 ? [line] : [<br key={index} />, line]))}</p>
    </blockquote>
  );
}

function Received({ ctx, text }: { ctx: PageContext; text: FeedbackText }) {
  return (
    <p class="app-hint">
      {ctx.t('feedback.admin.received', { date: new Date(`${text.receivedOn}T12:00:00Z`) })} · {text.lang}
    </p>
  );
}

function PageName({ ctx, page }: { ctx: PageContext; page: Pick<PageFeedbackSummary, 'section' | 'slug' | 'title'> }) {
  if (page.section === undefined) {
    return (
      <>
        {page.slug} ({ctx.t('feedback.admin.pages.unknown')})
      </>
    );
  }
  return <a href={pagePath(page.section, page.slug)}>{page.title ?? page.slug}</a>;
}

const actionPath = (text: FeedbackText, action: 'goedkeuren' | 'verwijderen'): string =>
  `/beheer/feedback/${text.id}/${action}`;

/** /beheer/feedback: the moderation queue first, then the answers and accepted texts per page. */
export function FeedbackAdminPage({
  ctx,
  overview,
  notice,
}: {
  ctx: PageContext;
  overview: FeedbackOverview;
  notice: AdminNotice;
}) {
  const { t } = ctx;
  const titleOf = (text: FeedbackText) => ({
    section: text.section,
    slug: text.slug,
    title: overview.titles[`${text.lang}/${text.slug}`],
  });
  return (
    <Layout ctx={ctx} title={t('feedback.admin.title')}>
      <h1>{t('feedback.admin.title')}</h1>
      {notice !== undefined && (
        <p class="app-callout app-callout--info" role="status">
          {t(notice === 'accepted' ? 'feedback.admin.accepted' : 'feedback.admin.discarded')}
        </p>
      )}
      <p>{t('feedback.admin.intro')}</p>
      <p class="app-hint">{t('feedback.admin.retention')}</p>

      <section aria-labelledby="feedback-queue">
        <h2 id="feedback-queue">{t('feedback.admin.queue.title', { count: overview.pending.length })}</h2>
        {overview.pending.length === 0 ? (
          <p>{t('feedback.admin.queue.empty')}</p>
        ) : (
          <>
            <p class="app-hint">{t('feedback.admin.queue.hint')}</p>
            <ul class="app-page-list" data-feedback-queue>
              {overview.pending.map((text) => (
                <li key={text.id}>
                  <h3>
                    <PageName ctx={ctx} page={titleOf(text)} />
                  </h3>
                  <Received ctx={ctx} text={text} />
                  <ReaderText text={text.text} />
                  <ActionForm
                    ctx={ctx}
                    action={actionPath(text, 'goedkeuren')}
                    label={t('feedback.admin.accept')}
                  />{' '}
                  <ActionForm
                    ctx={ctx}
                    action={actionPath(text, 'verwijderen')}
                    label={t('feedback.admin.discard')}
                    look="danger"
                  />
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="feedback-pages">
        <h2 id="feedback-pages">{t('feedback.admin.pages.title')}</h2>
        {overview.pages.length === 0 ? (
          <p>{t('feedback.admin.pages.empty')}</p>
        ) : (
          <ul class="app-page-list" data-feedback-pages>
            {overview.pages.map((page) => (
              <li key={`${page.lang}/${page.slug}`}>
                <h3>
                  <PageName ctx={ctx} page={page} /> <span class="app-hint">({page.lang})</span>
                </h3>
                <p>
                  {t('feedback.admin.pages.helpful', { count: page.helpful })} ·{' '}
                  {t('feedback.admin.pages.notHelpful', { count: page.notHelpful })}
                </p>
                {page.accepted.length > 0 && (
                  <>
                    <h4>{t('feedback.admin.pages.texts')}</h4>
                    <ul class="app-page-list">
                      {page.accepted.map((text) => (
                        <li key={text.id}>
                          <Received ctx={ctx} text={text} />
                          <ReaderText text={text.text} />
                          <ActionForm
                            ctx={ctx}
                            action={actionPath(text, 'verwijderen')}
                            label={t('feedback.admin.discard')}
                            look="secondary"
                          />
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </Layout>
  );
}
