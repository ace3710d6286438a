import type { MessageKey } from '../../../shared/i18n/messages.js';
import type { PageContext } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import type { ContentPageSummary } from '../content.repo.js';
import type { Audience } from '../content.schema.js';

const groups: readonly { audience: Audience; heading: MessageKey }[] = [
  { audience: 'parents', heading: 'info.index.group.parents' },
  { audience: 'professionals', heading: 'info.index.group.professionals' },
  { audience: 'everyone', heading: 'info.index.group.everyone' },
];

/** Groups pages by their first audience, so a page appears once, where its main reader looks. */
export function ContentIndexPage({ ctx, pages }: { ctx: PageContext; pages: ContentPageSummary[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('info.index.title')} description={t('info.index.intro')}>
      <h1>{t('info.index.title')}</h1>
      <p class="app-lead">{t('info.index.intro')}</p>
      <p>{t('info.index.count', { count: pages.length })}</p>
      {groups.map(({ audience, heading }) => {
        const inGroup = pages.filter((page) => page.audience[0] === audience);
        if (inGroup.length === 0) return null;
        return (
          <section key={audience} aria-labelledby={`group-${audience}`}>
            <h2 id={`group-${audience}`}>{t(heading)}</h2>
            <ul class="app-page-list">
              {inGroup.map((page) => (
                <li key={page.slug} class="app-page-list__item">
                  <a class="app-page-list__link" href={`/informatie/${page.slug}`}>
                    {page.title}
                  </a>
                  <p class="app-page-list__summary">{page.summary}</p>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </Layout>
  );
}
