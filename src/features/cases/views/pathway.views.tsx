import type { ComponentChildren } from 'preact';
import { documentLanguage, type LanguageText, textIn } from '../../../shared/i18n/document-languages.js';
import type { MessageKey } from '../../../shared/i18n/messages.js';
import type { MessageValues, Translate } from '../../../shared/i18n/i18n.js';
import { contentLanguageAttributes } from '../../../shared/views/content-language.js';
import type { PageContext } from '../../../shared/views/context.js';
import { safeUrl } from '../../../shared/views/safe-url.js';
import type { CaseRole } from '../cases.types.js';
import { allowedMoves, findStep, type PathwayState, type TrackState } from '../pathway.js';
import type { Pathway, PathwaySource, PathwayStep, PathwayTrack } from '../pathway.schema.js';

/*
 * The pathway of de lijn, drawn for people: the steps of each track with what happens, who usually does it, what
 * a parent can expect and can ask (the public page), and where each track of one case stands (the case page).
 * Plain HTML: headings, lists and <details>, so it reads without JavaScript, and every state is said in words,
 * never by colour alone.
 *
 * Its texts are shown in the visitor's language when the page is translated in it and the version is complete in
 * it (ADR 0056), else in the page's content locale (nl or en): then, inside a page in another language, every
 * element holding such a text carries that text's `lang` and `dir` (WCAG 3.1.2; pathwayWords).
 */

/** How a page shows one pathway version's texts. */
export interface PathwayWords {
  /** A text of the version in the language the page shows the version in. */
  of(text: LanguageText): string;
  /** For an element holding such texts: none when they are in the page's language, else their own lang and dir. */
  readonly attributes: { lang?: string; dir?: 'ltr' | 'rtl' };
}

/**
 * The version's texts for this page: in the chosen language when the page is translated in it and the version is
 * complete in it, else in the locale, marked with the locale's lang and dir when the page around is in another one.
 */
export function pathwayWords(ctx: PageContext, pathway: Pathway): PathwayWords {
  const language = documentLanguage(pathway, ctx.pageLanguage, ctx.locale);
  return {
    of: (text) => textIn(text, language),
    attributes: language === ctx.locale ? contentLanguageAttributes(ctx) : {},
  };
}

/**
 * A message whose values are pathway texts (a step's title, a track's title), each value marked with the texts'
 * lang and dir when they are not in the page's language, so only the pathway's words are read in the other one.
 */
export function withPathwayTexts(
  t: Translate,
  key: MessageKey,
  values: Readonly<Record<string, string>>,
  words: PathwayWords,
): ComponentChildren {
  if (words.attributes.lang === undefined) return t(key, values);
  const names = Object.keys(values);
  const markers: MessageValues = Object.fromEntries(names.map((name, index) => [name, `\uE000${index}\uE001`]));
  return t(key, markers)
    .split(/\uE000(\d+)\uE001/)
    .map((part, index) =>
      index % 2 === 0 ? (
        part
      ) : (
        <span {...words.attributes} key={index}>
          {values[names[Number(part)]!]}
        </span>
      ),
    );
}

export type { PathwayState, TrackState } from '../pathway.js';

export type HeadingLevel = 2 | 3 | 4;

/** A heading at a level the caller gives (the page around it decides where it sits). */
export function Heading({
  level,
  id,
  class: className,
  lang,
  dir,
  children,
}: {
  level: number;
  id?: string;
  class?: string;
  /** The language of a heading that is a pathway text in another language than the page's (pathwayWords). */
  lang?: string | undefined;
  dir?: 'ltr' | 'rtl' | undefined;
  children: ComponentChildren;
}) {
  const Tag = `h${Math.min(level, 6)}` as 'h2';
  return (
    <Tag id={id} class={className} lang={lang} dir={dir}>
      {children}
    </Tag>
  );
}

/** A pathway text inside other words: in a span with its lang and dir when it is not in the page's language. */
export function PathwayText({ words, text }: { words: PathwayWords; text: string }) {
  return words.attributes.lang === undefined ? <>{text}</> : <span {...words.attributes}>{text}</span>;
}

const roleKeys: Record<CaseRole, MessageKey> = {
  parent: 'pathway.role.parent',
  care: 'pathway.role.care',
  coordinator: 'pathway.role.coordinator',
  'veilig-thuis': 'pathway.role.veilig-thuis',
  jeugdbeschermer: 'pathway.role.jeugdbeschermer',
  raad: 'pathway.role.raad',
  police: 'pathway.role.police',
  observer: 'pathway.role.observer',
  young: 'pathway.role.young',
};

/** A case role in plain words ("hulpverlener", "care worker"). */
export function roleLabel(t: Translate, role: CaseRole): string {
  return t(roleKeys[role]);
}

/** A step's title, with its track's title when it belongs to another track than `fromTrack`. */
function stepName(
  ctx: PageContext,
  words: PathwayWords,
  pathway: Pathway,
  stepId: string,
  fromTrack: PathwayTrack,
): ComponentChildren | undefined {
  const found = findStep(pathway, stepId);
  if (found === undefined) return undefined;
  const title = words.of(found.step.title);
  return found.track.id === fromTrack.id ? (
    <PathwayText words={words} text={title} />
  ) : (
    withPathwayTexts(ctx.t, 'pathway.step.inTrack', { step: title, track: words.of(found.track.title) }, words)
  );
}

/** What happens in a step, who does it, what a parent can expect and ask. */
export function StepDetails({
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
  const own = words.attributes;
  return (
    <>
      <p {...own}>{words.of(step.what)}</p>
      <p>
        <strong>{t('pathway.step.who')}</strong> {step.roles.map((role) => roleLabel(t, role)).join(', ')}.
        {step.others !== undefined && (
          <>
            {' '}
            <strong>{t('pathway.step.others')}</strong> <PathwayText words={words} text={words.of(step.others)} />.
          </>
        )}
      </p>
      <Heading level={level}>{t('pathway.step.expect')}</Heading>
      <ul>
        {step.expect.map((text) => (
          <li key={text.nl} {...own}>
            {words.of(text)}
          </li>
        ))}
      </ul>
      <Heading level={level}>{t('pathway.step.ask')}</Heading>
      <ul>
        {step.ask.map((text) => (
          <li key={text.nl} {...own}>
            {words.of(text)}
          </li>
        ))}
      </ul>
    </>
  );
}

/** "Niet gecontroleerd sinds …" for a source's date, or the day of a real check. */
function sourceDateLine(t: Translate, source: PathwaySource): string {
  if (source.checkedOn !== undefined) {
    return t('pathway.source.checkedOn', { date: new Date(`${source.checkedOn}T12:00:00Z`) });
  }
  return source.date.length === 4
    ? t('pathway.source.notCheckedSinceYear', { year: source.date })
    : t('pathway.source.notCheckedSince', { date: new Date(`${source.date}T12:00:00Z`) });
}

/** Sources, each linked where it has an address and with the date since which nobody checked it. */
export function SourceList({ ctx, sources }: { ctx: PageContext; sources: readonly PathwaySource[] }) {
  return (
    <ul class="app-sources">
      {sources.map((source) => {
        const name = `${source.publisher}: ${source.title}`;
        return (
          <li key={name}>
            {source.url === undefined ? (
              name
            ) : (
              <a href={safeUrl(source.url)} rel="noopener noreferrer external">
                {name}
              </a>
            )}{' '}
            <span class="app-hint">{sourceDateLine(ctx.t, source)}</span>
          </li>
        );
      })}
    </ul>
  );
}

/** Where a track's facts come from, each with the date since which nobody checked it. */
export function TrackSources({ ctx, track, level }: { ctx: PageContext; track: PathwayTrack; level: number }) {
  const id = `bronnen-${track.id}`;
  return (
    <section aria-labelledby={id}>
      <Heading level={level} id={id}>
        {ctx.t('pathway.track.sources')}
      </Heading>
      <SourceList ctx={ctx} sources={track.sources} />
    </section>
  );
}

/** The steps after `step`: in its own track by title, in another track with that track's name. */
function NextSteps({
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
  const words = pathwayWords(ctx, pathway);
  const names = step.next
    .map((id) => ({ id, name: stepName(ctx, words, pathway, id, track) }))
    .filter((entry) => entry.name !== undefined);
  return (
    <ul>
      {names.map((entry) => (
        <li key={entry.id}>
          <a href={`#stap-${entry.id}`}>{entry.name}</a>
        </li>
      ))}
    </ul>
  );
}

/**
 * The whole pathway, track by track, for the public explanation: each track's summary, its steps in order with
 * their details and what can follow, its sources and pages to read on.
 */
export function PathwayGuide({
  ctx,
  pathway,
  level = 2,
}: {
  ctx: PageContext;
  pathway: Pathway;
  level?: HeadingLevel;
}) {
  const { t } = ctx;
  const words = pathwayWords(ctx, pathway);
  const own = words.attributes;
  return (
    <>
      {pathway.tracks.map((track) => (
        <section
          class="app-pathway-track"
          id={`spoor-${track.id}`}
          aria-labelledby={`spoor-${track.id}-titel`}
          key={track.id}
        >
          <Heading level={level} id={`spoor-${track.id}-titel`} {...own}>
            {words.of(track.title)}
          </Heading>
          <p {...own}>{words.of(track.summary)}</p>
          <ol class="app-pathway-steps" aria-label={`${t('pathway.track.steps')}: ${words.of(track.title)}`}>
            {track.steps.map((step) => (
              <li class="app-pathway-step" id={`stap-${step.id}`} key={step.id}>
                <Heading level={level + 1} {...own}>
                  {words.of(step.title)}
                </Heading>
                <StepDetails ctx={ctx} words={words} step={step} level={level + 2} />
                {step.next.length > 0 && (
                  <>
                    <Heading level={level + 2}>{t('pathway.step.next')}</Heading>
                    <NextSteps ctx={ctx} pathway={pathway} track={track} step={step} />
                  </>
                )}
                {step.end && <p class="app-hint">{t('pathway.step.canEnd')}</p>}
              </li>
            ))}
          </ol>
          {track.readMore.length > 0 && (
            <>
              <Heading level={level + 1}>{t('pathway.track.readMore')}</Heading>
              <ul>
                {track.readMore.map((page) => (
                  <li key={page.slug}>
                    <a href={`/informatie/${page.slug}`} {...own}>
                      {words.of(page.title)}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          )}
          <TrackSources ctx={ctx} track={track} level={level + 1} />
        </section>
      ))}
    </>
  );
}

/** Where a track stands: started (a current step of this track), finished (steps done, none current), or not. */
export function statusOf(track: PathwayTrack, state: TrackState | undefined): 'not-started' | 'current' | 'finished' {
  if (state?.current !== null && state?.current !== undefined) {
    return track.steps.some((step) => step.id === state.current) ? 'current' : 'not-started';
  }
  return state !== undefined && state.done.length > 0 ? 'finished' : 'not-started';
}

export interface PathwayTracksProps {
  ctx: PageContext;
  pathway: Pathway;
  /** The case's tracks: track id → where it stands; an absent track has not started. */
  state: PathwayState;
  /** The level of each track's heading (the case page's section heading is one above). */
  level?: HeadingLevel;
  /**
   * What a member may do on a track (e.g. the form to move a step with a note), given the steps it may move to.
   * Absent for a viewer who may not move steps.
   */
  actions?: (track: PathwayTrack, moves: readonly PathwayStep[]) => ComponentChildren;
}

/**
 * A case's pathway: per track where it stands, what is done, what can come next and who is on it, with what a
 * parent can expect and ask at the current step. Tracks that have not started are listed too, so a parent sees
 * what may still come.
 */
export function PathwayTracks({ ctx, pathway, state, level = 3, actions }: PathwayTracksProps) {
  const { t } = ctx;
  const words = pathwayWords(ctx, pathway);
  const own = words.attributes;
  return (
    <div class="app-pathway">
      {pathway.tracks.map((track) => {
        const trackState = state[track.id];
        const status = statusOf(track, trackState);
        const current = status === 'current' ? track.steps.find((step) => step.id === trackState?.current) : undefined;
        const done = (trackState?.done ?? [])
          .map((id, index) => ({ key: `${index}-${id}`, step: track.steps.find((step) => step.id === id) }))
          .filter((entry): entry is { key: string; step: PathwayStep } => entry.step !== undefined);
        const moves = allowedMoves(pathway, track.id, trackState);
        // Where a finished track can lead (e.g. after aftercare, back to signal and advice).
        const lastDone = done.at(-1)?.step;
        const upcoming =
          status === 'finished' && lastDone !== undefined
            ? lastDone.next
                .map((id) => findStep(pathway, id))
                .filter((found) => found !== undefined)
                .map((found) => found.step)
            : moves;
        const headingId = `lijn-spoor-${track.id}`;
        return (
          <section class="app-pathway-track" aria-labelledby={headingId} key={track.id}>
            <Heading level={level} id={headingId} {...own}>
              {words.of(track.title)}
            </Heading>
            <p>
              <strong>{t('pathway.case.status')}</strong>{' '}
              {status === 'current' && current !== undefined
                ? withPathwayTexts(t, 'pathway.case.current', { step: words.of(current.title) }, words)
                : status === 'finished'
                  ? t('pathway.case.finished')
                  : t('pathway.case.notStarted')}
            </p>
            {current !== undefined && (
              <details class="app-pathway-about" open>
                <summary>{t('pathway.case.aboutStep')}</summary>
                <StepDetails ctx={ctx} words={words} step={current} level={level + 1} />
              </details>
            )}

            <Heading level={level + 1}>{t('pathway.case.done')}</Heading>
            {done.length === 0 ? (
              <p>{t('pathway.case.noneDone')}</p>
            ) : (
              <ol>
                {done.map((entry) => (
                  <li key={entry.key} {...own}>
                    {words.of(entry.step.title)}
                  </li>
                ))}
              </ol>
            )}

            <Heading level={level + 1}>{t('pathway.case.next')}</Heading>
            {upcoming.length === 0 ? (
              <p>{t('pathway.case.noNext')}</p>
            ) : (
              <ul>
                {upcoming.map((step) => (
                  <li key={step.id}>
                    <details>
                      <summary>{stepName(ctx, words, pathway, step.id, track)}</summary>
                      <StepDetails ctx={ctx} words={words} step={step} level={level + 2} />
                    </details>
                  </li>
                ))}
              </ul>
            )}

            <Heading level={level + 1}>{t('pathway.case.onIt')}</Heading>
            {trackState === undefined || trackState.onIt.length === 0 ? (
              <p>{t('pathway.case.nobody')}</p>
            ) : (
              <ul>
                {trackState.onIt.map((label) => (
                  <li key={label}>{label}</li>
                ))}
              </ul>
            )}
            {actions?.(track, moves)}
          </section>
        );
      })}
      <p>
        <a href="/samenwerken/hoe-het-werkt">{t('pathway.case.explain')}</a>
      </p>
    </div>
  );
}
