import type { PageContext } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import type { Pathway } from '../pathway.schema.js';
import { YoungHelpList, YoungPathway } from './pathway-young.view.js';
import { pathwayWords, SourceList } from './pathway.views.js';

/**
 * /samenwerken/jongeren: de lijn explained to young people of 12 to 17, without an account. Danger and "not your
 * fault" first, then where a young person can go themselves, what they decide and what not, what happens when they
 * tell a care worker something, their own place on this site, and every step in their words. Every fact has its
 * source on the page; the places' sources sit with each place.
 */
export function YoungPathwayPage({ ctx, pathway }: { ctx: PageContext; pathway: Pathway }) {
  const { t } = ctx;
  const words = pathwayWords(ctx, pathway);
  return (
    <Layout ctx={ctx} title={t('pathway.young.page.title')} description={t('pathway.young.page.description')}>
      <article class="app-article">
        <h1>{t('pathway.young.page.title')}</h1>
        <p class="app-lead">{t('pathway.young.page.lead')}</p>
        <div class="app-callout app-callout--danger">
          <p>{t('pathway.young.page.urgent')}</p>
          <p>
            {`${t('pathway.young.page.safeUse')} `}
            <a href="/informatie/veilig-gebruik">{t('pathway.young.page.safeUseLink')}</a>
          </p>
        </div>

        <section aria-labelledby="jongeren-schuld">
          <h2 id="jongeren-schuld">{t('pathway.young.page.fault.title')}</h2>
          <p>{t('pathway.young.page.fault.text')}</p>
        </section>

        <section aria-labelledby="jongeren-hulp">
          <h2 id="jongeren-hulp">{t('pathway.young.page.help.title')}</h2>
          <p>{t('pathway.young.page.help.text')}</p>
          <YoungHelpList ctx={ctx} pathway={pathway} level={3} />
        </section>

        <section aria-labelledby="jongeren-beslissen">
          <h2 id="jongeren-beslissen">{t('pathway.young.page.decide.title')}</h2>
          <ul>
            <li>{t('pathway.young.page.decide.twelve')}</li>
            <li>{t('pathway.young.page.decide.sixteen')}</li>
            <li>{t('pathway.young.page.decide.judge')}</li>
            <li>{t('pathway.young.page.decide.eighteen')}</li>
            <li>{t('pathway.young.page.decide.cannot')}</li>
          </ul>
          <p>{t('pathway.young.page.decide.can')}</p>
        </section>

        <section aria-labelledby="jongeren-vertellen">
          <h2 id="jongeren-vertellen">{t('pathway.young.page.tell.title')}</h2>
          <p>{t('pathway.young.page.tell.text')}</p>
        </section>

        <section aria-labelledby="jongeren-plek">
          <h2 id="jongeren-plek">{t('pathway.young.page.space.title')}</h2>
          <p>{t('pathway.young.page.space.invite')}</p>
          <p>
            <a href="/samenwerken/jongere">{t('pathway.young.page.space.codeLink')}</a>
          </p>
          <p>{t('pathway.young.page.space.channel')}</p>
          <p>{t('pathway.young.page.space.sixteen')}</p>
        </section>

        <section aria-labelledby="jongeren-stappen">
          <h2 id="jongeren-stappen">{t('pathway.young.page.tracks.title')}</h2>
          <p>{t('pathway.young.page.tracks.text')}</p>
          <nav class="app-toc" aria-labelledby="jongeren-inhoud">
            <h3 id="jongeren-inhoud" class="app-toc__title">
              {t('pathway.young.page.contents')}
            </h3>
            <ul class="app-toc__list">
              {pathway.tracks.map((track) => (
                <li key={track.id}>
                  <a href={`#jong-spoor-${track.id}`} {...words.attributes}>
                    {words.of(track.title)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <YoungPathway ctx={ctx} pathway={pathway} level={3} />
        </section>

        <section aria-labelledby="jongeren-bronnen">
          <h2 id="jongeren-bronnen">{t('pathway.young.page.sources')}</h2>
          <SourceList ctx={ctx} sources={pathway.young.sources} />
        </section>

        <p class="app-hint">{t('pathway.young.page.reviewed')}</p>
        <p>
          <a href="/samenwerken/hoe-het-werkt">{t('pathway.young.page.forParents')}</a>
        </p>
      </article>
    </Layout>
  );
}
