import type { Translate } from '../../../shared/i18n/i18n.js';
import { PhoneLink } from '../../../shared/views/components/phone-link.js';
import type { PageContext } from '../../../shared/views/context.js';
import { safeUrl } from '../../../shared/views/safe-url.js';
import { type CaseRole, caseRoles } from '../cases.types.js';
import { allowedMoves, findStep, type PathwayState, type TrackState } from '../pathway.js';
import type { Pathway, PathwayStep, PathwayTrack } from '../pathway.schema.js';
import {
  Heading,
  type HeadingLevel,
  PathwayText,
  type PathwayWords,
  pathwayWords,
  roleLabel,
  SourceList,
  statusOf,
  withPathwayTexts,
} from './pathway.views.js';

/*
 * The pathway of de lijn told to a young person of 12 to 17: each step's own young text (content/pathway/, `young`)
 * says what happens, who does it and what the young person can ask or say. Two uses: the whole pathway on the
 * public page /samenwerken/jongeren, and, given a case's state, where that case stands on the young person's home.
 * Plain HTML (headings, lists, <details>), so it reads without JavaScript, and every state is said in words. The
 * texts are in the visitor's language when the version is complete in it, else in nl or en marked with their lang
 * (pathwayWords, ADR 0056).
 */

/** A step told to a young person: what happens, who does it, what they can ask or say. */
export function YoungStepDetails({
  ctx,
  words,
  step,
  level,
}: {
  ctx: PageContext;
  words: PathwayWords;
  step: PathwayStep;
  level: number;
}) {
  const { t } = ctx;
  return (
    <>
      <p {...words.attributes}>{words.of(step.young.what)}</p>
      <p>
        <strong>{t('pathway.young.step.who')}</strong> <PathwayText words={words} text={words.of(step.young.who)} />
      </p>
      <Heading level={level}>{t('pathway.young.step.ask')}</Heading>
      <ul>
        {step.young.ask.map((text) => (
          <li key={text.nl} {...words.attributes}>
            {words.of(text)}
          </li>
        ))}
      </ul>
    </>
  );
}

/** A step's young title, with its part's title when it belongs to another track than `fromTrack`. */
function youngStepName(
  ctx: PageContext,
  words: PathwayWords,
  pathway: Pathway,
  stepId: string,
  fromTrack: PathwayTrack,
) {
  const found = findStep(pathway, stepId);
  if (found === undefined) return undefined;
  const title = words.of(found.step.young.title);
  return found.track.id === fromTrack.id ? (
    <PathwayText words={words} text={title} />
  ) : (
    withPathwayTexts(ctx.t, 'pathway.step.inTrack', { step: title, track: words.of(found.track.title) }, words)
  );
}

/** The whole pathway for the public page: per track its young summary, its steps, and its sources. */
function YoungGuide({ ctx, pathway, level }: { ctx: PageContext; pathway: Pathway; level: HeadingLevel }) {
  const { t } = ctx;
  const words = pathwayWords(ctx, pathway);
  const own = words.attributes;
  return (
    <>
      {pathway.tracks.map((track) => (
        <section
          class="app-pathway-track"
          id={`jong-spoor-${track.id}`}
          aria-labelledby={`jong-spoor-${track.id}-titel`}
          key={track.id}
        >
          <Heading level={level} id={`jong-spoor-${track.id}-titel`} {...own}>
            {words.of(track.title)}
          </Heading>
          <p {...own}>{words.of(track.young.summary)}</p>
          <ol class="app-pathway-steps" aria-label={`${t('pathway.young.track.steps')}: ${words.of(track.title)}`}>
            {track.steps.map((step) => (
              <li class="app-pathway-step" id={`jong-stap-${step.id}`} key={step.id}>
                <Heading level={level + 1} {...own}>
                  {words.of(step.young.title)}
                </Heading>
                <YoungStepDetails ctx={ctx} words={words} step={step} level={level + 2} />
                {step.next.length > 0 && (
                  <>
                    <Heading level={level + 2}>{t('pathway.step.next')}</Heading>
                    <ul>
                      {step.next.map((id) => {
                        const name = youngStepName(ctx, words, pathway, id, track);
                        return name === undefined ? null : (
                          <li key={id}>
                            <a href={`#jong-stap-${id}`}>{name}</a>
                          </li>
                        );
                      })}
                    </ul>
                  </>
                )}
              </li>
            ))}
          </ol>
          <section aria-labelledby={`jong-bronnen-${track.id}`}>
            <Heading level={level + 1} id={`jong-bronnen-${track.id}`}>
              {t('pathway.young.track.sources')}
            </Heading>
            <SourceList ctx={ctx} sources={track.sources} />
          </section>
        </section>
      ))}
    </>
  );
}

/** Who is on a track in words: a bare case role ("police", as a fold without names gives it) by its label. */
function onItLabel(t: Translate, label: string): string {
  return (caseRoles as readonly string[]).includes(label) ? roleLabel(t, label as CaseRole) : label;
}

/** One started or finished track of a case, told to the young person. */
function YoungTrackState({
  ctx,
  pathway,
  track,
  state,
  level,
}: {
  ctx: PageContext;
  pathway: Pathway;
  track: PathwayTrack;
  state: TrackState;
  level: HeadingLevel;
}) {
  const { t } = ctx;
  const words = pathwayWords(ctx, pathway);
  const own = words.attributes;
  const status = statusOf(track, state);
  const current = status === 'current' ? track.steps.find((step) => step.id === state.current) : undefined;
  const done = state.done
    .map((id, index) => ({ key: `${index}-${id}`, step: track.steps.find((step) => step.id === id) }))
    .filter((entry): entry is { key: string; step: PathwayStep } => entry.step !== undefined);
  const upcoming = status === 'current' ? allowedMoves(pathway, track.id, state) : [];
  const headingId = `jong-lijn-${track.id}`;
  return (
    <section class="app-pathway-track" aria-labelledby={headingId}>
      <Heading level={level} id={headingId} {...own}>
        {words.of(track.title)}
      </Heading>
      <p {...own}>{words.of(track.young.summary)}</p>
      <p>
        <strong>{t('pathway.young.case.status')}</strong>{' '}
        {current !== undefined
          ? withPathwayTexts(t, 'pathway.young.case.current', { step: words.of(current.young.title) }, words)
          : t('pathway.young.case.finished')}
      </p>
      {current !== undefined && (
        <details class="app-pathway-about" open>
          <summary>{t('pathway.young.case.aboutStep')}</summary>
          <YoungStepDetails ctx={ctx} words={words} step={current} level={level + 1} />
        </details>
      )}
      {done.length > 0 && (
        <>
          <Heading level={level + 1}>{t('pathway.young.case.done')}</Heading>
          <ol>
            {done.map((entry) => (
              <li key={entry.key} {...own}>
                {words.of(entry.step.young.title)}
              </li>
            ))}
          </ol>
        </>
      )}
      {upcoming.length > 0 && (
        <>
          <Heading level={level + 1}>{t('pathway.young.case.next')}</Heading>
          <ul>
            {upcoming.map((step) => (
              <li key={step.id}>
                <details>
                  <summary>{youngStepName(ctx, words, pathway, step.id, track)}</summary>
                  <YoungStepDetails ctx={ctx} words={words} step={step} level={level + 2} />
                </details>
              </li>
            ))}
          </ul>
        </>
      )}
      {state.onIt.length > 0 && (
        <>
          <Heading level={level + 1}>{t('pathway.young.case.onIt')}</Heading>
          <ul>
            {state.onIt.map((label) => (
              <li key={label}>{onItLabel(t, label)}</li>
            ))}
          </ul>
        </>
      )}
      <details class="app-pathway-sources">
        <summary>{t('pathway.young.track.sources')}</summary>
        <SourceList ctx={ctx} sources={track.sources} />
      </details>
    </section>
  );
}

export interface YoungPathwayProps {
  /** The locale and translator of the page it is drawn on. */
  ctx: PageContext;
  pathway: Pathway;
  /**
   * A case's tracks (track id → where it stands, as for the case page's PathwayTracks). Absent: the whole pathway
   * is explained (the public page). Present: only the tracks that have started or finished are shown, so a young
   * person is not led to expect every track (a criminal case that has not begun may never come).
   */
  state?: PathwayState | undefined;
  /** The level of each track's heading (the section heading around it is one above). */
  level?: HeadingLevel;
}

/** The pathway for a young person: the whole of it, or where one case stands. */
export function YoungPathway({ ctx, pathway, state, level = 3 }: YoungPathwayProps) {
  const { t } = ctx;
  if (state === undefined) return <YoungGuide ctx={ctx} pathway={pathway} level={level} />;
  const started = pathway.tracks
    .map((track) => ({ track, trackState: state[track.id] }))
    .filter(
      (entry): entry is { track: PathwayTrack; trackState: TrackState } =>
        entry.trackState !== undefined && statusOf(entry.track, entry.trackState) !== 'not-started',
    );
  return (
    <div class="app-pathway">
      {started.length === 0 ? (
        <p>{t('pathway.young.case.none')}</p>
      ) : (
        started.map(({ track, trackState }) => (
          <YoungTrackState ctx={ctx} pathway={pathway} track={track} state={trackState} level={level} key={track.id} />
        ))
      )}
      {started.length > 0 && started.length < pathway.tracks.length && <p>{t('pathway.young.case.others')}</p>}
      <p>
        <a href="/samenwerken/jongeren">{t('pathway.young.case.explain')}</a>
      </p>
    </div>
  );
}

/** The places a young person can go to themselves, with number or site and sources (as the help finder's cards). */
export function YoungHelpList({
  ctx,
  pathway,
  level = 3,
}: {
  ctx: PageContext;
  /** The version whose `young.help` is listed (its languages decide the texts' language). */
  pathway: Pathway;
  level?: HeadingLevel;
}) {
  const { t } = ctx;
  const words = pathwayWords(ctx, pathway);
  return (
    <ul class="app-orgs">
      {pathway.young.help.map((place) => (
        <li class="app-org" id={`hulp-${place.id}`} key={place.id}>
          <Heading level={level} class="app-org__name" {...words.attributes}>
            {words.of(place.name)}
          </Heading>
          <p {...words.attributes}>{words.of(place.what)}</p>
          {place.phone !== undefined && (
            <p>
              {t('pathway.young.help.phone')} <PhoneLink number={place.phone} />
            </p>
          )}
          {place.url !== undefined && (
            <p>
              {t('pathway.young.help.web')}{' '}
              <a href={safeUrl(place.url)} rel="noopener noreferrer external">
                {new URL(place.url).host}
              </a>
            </p>
          )}
          <p class="app-hint">{t('pathway.young.help.sources')}</p>
          <SourceList ctx={ctx} sources={place.sources} />
        </li>
      ))}
    </ul>
  );
}
