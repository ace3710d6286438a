import type { PageContext } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import type { Pathway } from '../pathway.schema.js';
import { PathwayGuide } from './pathway.views.js';

/**
 * /samenwerken/hoe-het-werkt: the pathway of de lijn explained to parents (and anyone else) without an account.
 * What a parent decides and what not comes before the tracks, so nobody reads a promise of control into them.
 */
export function PathwayPage({ ctx, pathway }: { ctx: PageContext; pathway: Pathway }) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('pathway.page.title')} description={t('pathway.page.description')}>
      <article class="app-article">
        <h1>{t('pathway.page.title')}</h1>
        <p class="app-lead">{t('pathway.page.lead')}</p>
        <p class="app-callout app-callout--danger">
          {`${t('pathway.page.urgent')} `}
          <a href="/nu">{t('pathway.page.urgentLink')}</a>
        </p>

        <section aria-labelledby="zo-werkt-het-sporen">
          <h2 id="zo-werkt-het-sporen">{t('pathway.page.tracks.title')}</h2>
          <p>{t('pathway.page.tracks.text')}</p>
          <p>{t('pathway.page.tracks.different')}</p>
        </section>

        <section aria-labelledby="zo-werkt-het-beslissen">
          <h2 id="zo-werkt-het-beslissen">{t('pathway.page.decide.title')}</h2>
          <ul>
            <li>{t('pathway.page.decide.police')}</li>
            <li>{t('pathway.page.decide.prosecutor')}</li>
            <li>{t('pathway.page.decide.mandate')}</li>
            <li>{t('pathway.page.decide.secrecy')}</li>
            <li>{t('pathway.page.decide.sixteen')}</li>
          </ul>
          <p>{t('pathway.page.decide.can')}</p>
        </section>

        <section aria-labelledby="zo-werkt-het-samenwerking">
          <h2 id="zo-werkt-het-samenwerking">{t('pathway.page.space.title')}</h2>
          <p>{t('pathway.page.space.text')}</p>
          <p>
            {`${t('pathway.page.forYoung')} `}
            <a href="/samenwerken/jongeren">{t('pathway.page.forYoungLink')}</a>
          </p>
        </section>

        <nav class="app-toc" aria-labelledby="zo-werkt-het-inhoud">
          <h2 id="zo-werkt-het-inhoud" class="app-toc__title">
            {t('pathway.page.contents')}
          </h2>
          <ul class="app-toc__list">
            {pathway.tracks.map((track) => (
              <li key={track.id}>
                <a href={`#spoor-${track.id}`}>{track.title[locale]}</a>
              </li>
            ))}
          </ul>
        </nav>

        <PathwayGuide ctx={ctx} pathway={pathway} />

        <p class="app-hint">{t('pathway.page.reviewed')}</p>
      </article>
    </Layout>
  );
}
