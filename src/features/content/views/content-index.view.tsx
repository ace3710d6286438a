import { languageInfo, isLanguage } from '../../../shared/i18n/i18n.js';
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
  // Pages are listed in the chosen language where they are translated, else in its fallback: an entry in another
  // language than the list around it says its own lang and dir (WCAG 3.1.2).
  const around = ctx.pageLanguage?.translated === false ? ctx.locale : (ctx.pageLanguage?.language ?? ctx.locale);
  const tagOf = (lang: string) => (isLanguage(lang) ? languageInfo[lang] : undefined);
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
              {inGroup.map((page) => {
                const own = tagOf(page.lang);
                const differs = own !== undefined && own.tag !== languageInfo[around].tag;
                return (
                <li
                  key={page.slug}
                  class="app-page-list__item"
                  lang={differs ? own.tag : undefined}
                  dir={differs ? own.dir : undefined}
                >
                  <a class="app-page-list__link" href={`/informatie/${page.slug}`}>
                    {page.title}
                  </a>
                  <p class="app-page-list__summary">{page.summary}</p>
                </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </Layout>
  );
}
