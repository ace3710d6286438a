import type { PageContext } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import { findStep } from '../../cases/pathway.js';
import type { Pathway, PathwaySource, PathwayStep, PathwayTrack } from '../../cases/pathway.schema.js';
import { roleLabel, SourceList } from '../../cases/views/pathway.views.js';
import { knowledgeAudiences } from '../knowledge.schema.js';
import { lijnSlug, pathwayReviewedBy, trackSlug } from '../pathway-articles.js';
import { ArticleFeedback } from '../../feedback/views/feedback-form.view.js';
import { ArticleActions, ArticleFacts, ReviewedLine } from './knowledge-parts.js';

/*
 * The articles about de lijn, drawn from the pathway data and nothing else (ADR 0035): the words of every step
 * are the data's own, told to a professional ("what parents can expect"), so this page and the parents' pathway
 * page (/samenwerken/hoe-het-werkt) cannot disagree.
 */

/** A step for a professional: what happens, who does it, what parents can expect and ask, what can follow. */
function StepForProfessionals({
  ctx,
  pathway,
  track,
  step,
}: {
  ctx: PageContext;
  pathway: Pathway;
  track: PathwayTrack;
  step: PathwayStep;
}) {
  const { t, locale } = ctx;
  const next = step.next
    .map((id) => findStep(pathway, id))
    .filter((found) => found !== undefined)
    .map((found) => ({
      id: found.step.id,
      href:
        found.track.id === track.id
          ? `#stap-${found.step.id}`
          : `/kennisbank/${trackSlug(found.track)}#stap-${found.step.id}`,
      name:
        found.track.id === track.id
          ? found.step.title[locale]
          : t('pathway.step.inTrack', { step: found.step.title[locale], track: found.track.title[locale] }),
    }));
  return (
    <li class="app-pathway-step" id={`stap-${step.id}`}>
      <h3>{step.title[locale]}</h3>
      <p>{step.what[locale]}</p>
      <p>
        <strong>{t('knowledge.step.who')}</strong> {step.roles.map((role) => roleLabel(t, role)).join(', ')}.
        {step.others !== undefined && (
          <>
            {' '}
            <strong>{t('knowledge.step.others')}</strong> {step.others[locale]}.
          </>
        )}
      </p>
      <h4>{t('knowledge.step.expect')}</h4>
      <ul>
        {step.expect.map((text) => (
          <li key={text.nl}>{text[locale]}</li>
        ))}
      </ul>
      <h4>{t('knowledge.step.ask')}</h4>
      <ul>
        {step.ask.map((text) => (
          <li key={text.nl}>{text[locale]}</li>
        ))}
      </ul>
      {next.length > 0 && (
        <>
          <h4>{t('knowledge.step.next')}</h4>
          <ul>
            {next.map((entry) => (
              <li key={entry.id}>
                <a href={entry.href}>{entry.name}</a>
              </li>
            ))}
          </ul>
        </>
      )}
      {step.end && <p class="app-hint">{t('knowledge.step.canEnd')}</p>}
    </li>
  );
}

function Sources({ ctx, sources }: { ctx: PageContext; sources: readonly PathwaySource[] }) {
  return (
    <section aria-labelledby="bronnen">
      <h2 id="bronnen">{ctx.t('knowledge.article.sources')}</h2>
      <SourceList ctx={ctx} sources={sources} />
    </section>
  );
}

/** /kennisbank/de-lijn-<track>: one track of de lijn, step by step. */
export function TrackArticlePage({ ctx, pathway, track }: { ctx: PageContext; pathway: Pathway; track: PathwayTrack }) {
  const { t, locale } = ctx;
  const title = t('knowledge.track.title', { track: track.title[locale] });
  return (
    <Layout ctx={ctx} title={title} description={track.summary[locale]}>
      <article class="app-article app-kb-article">
        <h1>{title}</h1>
        <p class="app-lead">{track.summary[locale]}</p>
        <ArticleFacts ctx={ctx} audience={knowledgeAudiences} topic="de-lijn" professionalsOnly={false} />
        <p>{t('knowledge.track.intro')}</p>
        <ol class="app-pathway-steps" aria-label={`${t('knowledge.lijn.steps')}: ${track.title[locale]}`}>
          {track.steps.map((step) => (
            <StepForProfessionals key={step.id} ctx={ctx} pathway={pathway} track={track} step={step} />
          ))}
        </ol>
        {track.readMore.length > 0 && (
          <>
            <h2>{t('knowledge.track.readMore')}</h2>
            <ul>
              {track.readMore.map((page) => (
                <li key={page.slug}>
                  <a href={`/informatie/${page.slug}`}>{page.title[locale]}</a>
                </li>
              ))}
            </ul>
          </>
        )}
        <footer class="app-article__meta">
          <Sources ctx={ctx} sources={track.sources} />
          <ReviewedLine ctx={ctx} date={pathway.published} who={pathwayReviewedBy(pathway, t)} />
        </footer>
      </article>
      <p class="app-no-print">
        <a href="/kennisbank/de-lijn">{t('knowledge.track.overview')}</a>
      </p>
      <ArticleFeedback ctx={ctx} slug={trackSlug(track)} />
      <ArticleActions ctx={ctx} />
    </Layout>
  );
}

/** /kennisbank/de-lijn: every track with its summary and its steps (title and who), linking to the track. */
export function LijnArticlePage({ ctx, pathway }: { ctx: PageContext; pathway: Pathway }) {
  const { t, locale } = ctx;
  const sources = new Map<string, PathwaySource>();
  for (const track of pathway.tracks) {
    for (const source of track.sources) sources.set(`${source.publisher}|${source.title}`, source);
  }
  return (
    <Layout ctx={ctx} title={t('knowledge.lijn.title')} description={t('knowledge.lijn.summary')}>
      <article class="app-article app-kb-article">
        <h1>{t('knowledge.lijn.title')}</h1>
        <p class="app-lead">{t('knowledge.lijn.summary')}</p>
        <ArticleFacts ctx={ctx} audience={knowledgeAudiences} topic="de-lijn" professionalsOnly={false} />
        <p>{t('knowledge.lijn.intro')}</p>
        <p>
          {`${t('knowledge.lijn.forParents')} `}
          <a href="/samenwerken/hoe-het-werkt">{t('knowledge.lijn.forParentsLink')}</a>.
        </p>
        {pathway.tracks.map((track) => (
          <section key={track.id} id={`spoor-${track.id}`} aria-labelledby={`spoor-${track.id}-titel`}>
            <h2 id={`spoor-${track.id}-titel`}>{track.title[locale]}</h2>
            <p>{track.summary[locale]}</p>
            <ol aria-label={`${t('knowledge.lijn.steps')}: ${track.title[locale]}`}>
              {track.steps.map((step) => (
                <li key={step.id}>
                  <a href={`/kennisbank/${trackSlug(track)}#stap-${step.id}`}>{step.title[locale]}</a> (
                  {step.roles.map((role) => roleLabel(t, role)).join(', ')})
                </li>
              ))}
            </ol>
            <p>
              <a href={`/kennisbank/${trackSlug(track)}`}>
                {t('knowledge.lijn.trackLink', { track: track.title[locale] })}
              </a>
            </p>
          </section>
        ))}
        <footer class="app-article__meta">
          <Sources ctx={ctx} sources={[...sources.values()]} />
          <ReviewedLine ctx={ctx} date={pathway.published} who={pathwayReviewedBy(pathway, t)} />
        </footer>
      </article>
      <ArticleFeedback ctx={ctx} slug={lijnSlug} />
      <ArticleActions ctx={ctx} />
    </Layout>
  );
}
