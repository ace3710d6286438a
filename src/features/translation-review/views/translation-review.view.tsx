import { interfacePage, languageInfo } from '../../../shared/i18n/i18n.js';
import { ActionForm } from '../../../shared/views/components/action-form.js';
import type { PageContext } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import type { PageReview, TranslationReviewOverview } from '../translation-review.service.js';

export type ReviewNotice = { kind: 'done'; text: string } | { kind: 'problem'; text: string };

function pageName(ctx: PageContext, entry: PageReview): string {
  if (entry.page === 'frame') return ctx.t('translationReview.page.frame');
  if (entry.page === interfacePage) return ctx.t('translationReview.page.interface');
  if (entry.slug !== undefined) return ctx.t('translationReview.page.content', { slug: entry.slug });
  return entry.page;
}

/** /beheer/vertalingen: per language every page a reviewer can mark, its state, and the button to change it. */
export function TranslationReviewPage({
  ctx,
  overview,
  notice,
}: {
  ctx: PageContext;
  overview: TranslationReviewOverview;
  notice?: ReviewNotice | undefined;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('translationReview.title')}>
      <h1>{t('translationReview.title')}</h1>
      {notice?.kind === 'problem' && (
        <p class="app-error-message" role="alert">
          {notice.text}
        </p>
      )}
      {notice?.kind === 'done' && (
        <p class="app-callout app-callout--info" role="status">
          {notice.text}
        </p>
      )}
      <p>{t('translationReview.intro')}</p>
      {!overview.mayMark && <p>{t('translationReview.readOnly')}</p>}
      {overview.languages.map(({ language, complete, pages }) => {
        const info = languageInfo[language];
        return (
          <section key={language} aria-labelledby={`language-${language}`}>
            <h2 id={`language-${language}`}>
              <span lang={info.tag} dir={info.dir}>
                {info.name}
              </span>{' '}
              ({language})
            </h2>
            {complete && <p>{t('translationReview.complete')}</p>}
            <table class="app-table">
              <thead>
                <tr>
                  <th scope="col">{t('translationReview.column.page')}</th>
                  <th scope="col">{t('translationReview.column.state')}</th>
                  {overview.mayMark && <th scope="col">{t('translationReview.column.action')}</th>}
                </tr>
              </thead>
              <tbody>
                {pages.map((entry) => (
                  <tr key={entry.page}>
                    <td>{pageName(ctx, entry)}</td>
                    <td>
                      {entry.markedAt === undefined
                        ? t('translationReview.state.unreviewed')
                        : t('translationReview.state.reviewed', { date: new Date(entry.markedAt) })}
                    </td>
                    {overview.mayMark && (
                      <td>
                        <ActionForm
                          ctx={ctx}
                          action="/beheer/vertalingen"
                          look={entry.markedAt === undefined ? 'primary' : 'secondary'}
                          label={t(
                            entry.markedAt === undefined
                              ? 'translationReview.action.mark'
                              : 'translationReview.action.withdraw',
                          )}
                          hidden={{
                            taal: language,
                            pagina: entry.page,
                            actie: entry.markedAt === undefined ? 'markeren' : 'intrekken',
                          }}
                        />
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </Layout>
  );
}
