import type { PageContext } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import type { Pathway } from '../pathway.schema.js';
import { PathwayGuide, pathwayWords } from './pathway.views.js';

/** A published regional variant of the pathway (ADR 0037). */
export interface RegionalVariant {
  code: string;
  name: string;
  version: number;
}

/**
 * /samenwerken/hoe-het-werkt: the pathway of de lijn explained to parents (and anyone else) without an account.
 * What a parent decides and what not comes before the tracks, so nobody reads a promise of control into them.
 */
export function PathwayPage({
  ctx,
  pathway,
  regions = [],
  variant,
}: {
  ctx: PageContext;
  pathway: Pathway;
  /** The published regional variants (listed under the national pathway). */
  regions?: readonly RegionalVariant[];
  /** Set when this page shows a regional variant rather than the national pathway. */
  variant?: RegionalVariant | undefined;
}) {
  const { t } = ctx;
  const words = pathwayWords(ctx, pathway);
  const title =
    variant === undefined ? t('pathway.page.title') : t('pathwayKind.region.title', { region: variant.name });
  return (
    <Layout ctx={ctx} title={title} description={t('pathway.page.description')}>
      <article class="app-article">
        <h1>{title}</h1>
        {variant !== undefined && (
          <p>
            {`${t('pathwayKind.region.lead', { region: variant.name })} `}
            <a href="/samenwerken/hoe-het-werkt">{t('pathwayKind.region.back')}</a>
          </p>
        )}
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
                <a href={`#spoor-${track.id}`} {...words.attributes}>
                  {words.of(track.title)}
                </a>
              </li>
            ))}
          </ul>
        </nav>

        <PathwayGuide ctx={ctx} pathway={pathway} />

        {variant === undefined && regions.length > 0 && (
          <section aria-labelledby="zo-werkt-het-regio">
            <h2 id="zo-werkt-het-regio">{t('pathwayKind.regions.title')}</h2>
            <p>{t('pathwayKind.regions.intro')}</p>
            <ul>
              {regions.map((region) => (
                <li key={region.code}>
                  <a href={`/samenwerken/hoe-het-werkt/regio/${region.code}`}>
                    {t('pathwayKind.regions.item', { region: region.name, version: region.version })}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        )}

        <p class="app-hint">{t('pathway.page.reviewed')}</p>
      </article>
    </Layout>
  );
}
