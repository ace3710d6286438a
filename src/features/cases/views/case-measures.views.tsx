import { Fragment } from 'preact';
import type { PageContext } from '../../../shared/views/context.js';
import type { CaseMeasuresView } from '../case-measures.service.js';
import { PathwayText, pathwayWords } from './pathway.views.js';

/*
 * One case's measures on its page (ADR 0032), for its professionals only (the route passes none to anyone else):
 * meetings and the parent's part in them, the time to the first help contact, agreements open and late, and the
 * tracks with a step in progress.
 */

/** An active track's title, in the language its version shows in on this page (ADR 0056). */
function TrackTitle({ ctx, track }: { ctx: PageContext; track: CaseMeasuresView['tracks'][number] }) {
  if (track.pathway === undefined) return <>{track.title[ctx.locale]}</>;
  const words = pathwayWords(ctx, track.pathway);
  return <PathwayText words={words} text={words.of(track.title)} />;
}

export function CaseMeasuresSection({ ctx, measures }: { ctx: PageContext; measures: CaseMeasuresView }) {
  const { t } = ctx;
  const firstHelp = !measures.firstHelpApplies
    ? t('caseMeasures.firstHelp.notApplicable')
    : measures.daysToFirstHelp === undefined
      ? t('caseMeasures.firstHelp.none')
      : t('caseMeasures.firstHelp.days', { days: measures.daysToFirstHelp });
  const ofMeetings = (count: number) => t('caseMeasures.ofMeetings', { count, total: measures.meetings });
  return (
    <section data-case-measures aria-labelledby="case-measures-heading">
      <h2 id="case-measures-heading">{t('caseMeasures.heading')}</h2>
      <p class="app-hint">{t('caseMeasures.lead')}</p>
      <dl class="app-journal-fields">
        <dt>{t('caseMeasures.meetings')}</dt>
        <dd data-measure="meetings">{measures.meetings}</dd>
        <dt>{t('caseMeasures.parentInvited')}</dt>
        <dd data-measure="parent-invited">{ofMeetings(measures.parentInvited)}</dd>
        <dt>{t('caseMeasures.parentTookPart')}</dt>
        <dd data-measure="parent-took-part">{ofMeetings(measures.parentTookPart)}</dd>
        <dt>{t('caseMeasures.firstHelp')}</dt>
        <dd data-measure="first-help">
          {firstHelp}
          <br />
          <span class="app-hint">{t('caseMeasures.firstHelp.explain')}</span>
        </dd>
        <dt>{t('caseMeasures.agreements')}</dt>
        <dd data-measure="agreements">
          {t('caseMeasures.agreements.value', {
            open: measures.agreementsOpen,
            overdue: measures.agreementsOverdue,
          })}
        </dd>
        <dt>{t('caseMeasures.tracks')}</dt>
        <dd data-measure="tracks">
          {measures.tracks.length === 0
            ? t('caseMeasures.tracks.none')
            : measures.tracks.map((track, index) => (
                <Fragment key={track.id}>
                  {index > 0 && ', '}
                  <TrackTitle ctx={ctx} track={track} />
                </Fragment>
              ))}
        </dd>
      </dl>
    </section>
  );
}
