import type { MessageKey } from '../../../shared/i18n/messages.js';
import type { PageContext } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import type { ContentPageSummary } from '../content.repo.js';
import type { Topic } from '../content.schema.js';

const groups: readonly { topic: Topic; heading: MessageKey }[] = [
  { topic: 'begrijpen', heading: 'info.index.group.begrijpen' },
  { topic: 'handelen', heading: 'info.index.group.handelen' },
  { topic: 'steun', heading: 'info.index.group.steun' },
  { topic: 'over', heading: 'info.index.group.over' },
];

/** Groups pages by topic, in the order a parent needs them: understand, act, hold on, about this site. */
export function ContentIndexPage({ ctx, pages }: { ctx: PageContext; pages: ContentPageSummary[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('info.index.title')} description={t('info.index.intro')}>
      <h1>{t('info.index.title')}</h1>
      <p class="app-lead">{t('info.index.intro')}</p>
      <p>{t('info.index.count', { count: pages.length })}</p>
      {groups.map(({ topic, heading }) => {
        const inGroup = pages.filter((page) => page.topic === topic);
        if (inGroup.length === 0) return null;
        return (
          <section key={topic} aria-labelledby={`group-${topic}`}>
            <h2 id={`group-${topic}`}>{t(heading)}</h2>
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
