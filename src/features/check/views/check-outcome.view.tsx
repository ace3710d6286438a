import type { ComponentChildren } from 'preact';
import type { Translate } from '../../../shared/i18n/i18n.js';
import { NationalLines } from '../../../shared/views/components/national-lines.js';
import type { PageContext } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import { SourceList } from '../../../shared/views/components/source-list.js';
import { type RenderedHtml, joinRendered, renderAround, renderToHtml } from '../../../shared/views/rendered-html.js';
import { CsrfField } from '../../../shared/views/components/csrf-field.js';
import { Pictogram, type PictogramName } from '../../../shared/views/components/pictogram.js';
import type { AcuteKind, AdviceLevel, LocalText, Outcome, Question, Questionnaire } from '../check.schema.js';
import { type Evaluation, severity } from '../scoring.js';
import { type LanguageText, questionnaireLanguage, textIn } from '../questionnaire-languages.js';

/** The language the questionnaire's texts are shown in (nl, en, or a language the version is complete in). */
type TextLanguage = ReturnType<typeof questionnaireLanguage>;
const languageOf = (ctx: PageContext, questionnaire: Questionnaire): TextLanguage =>
  questionnaireLanguage(questionnaire, ctx.pageLanguage, ctx.locale);

interface CheckOutcomeProps {
  ctx: PageContext;
  questionnaire: Questionnaire;
  evaluation: Evaluation;
}

interface CheckOutcomePageProps extends CheckOutcomeProps {
  /** Stands in for OutcomeDetails when the page frame is rendered once for reuse (see check.routes.tsx). */
  details?: ComponentChildren;
}

function Steps({
  ctx,
  pictogram,
  lang,
  title,
  steps,
  heading = 'h2',
}: {
  ctx: PageContext;
  /** Shown before the heading in easy-read Dutch. */
  pictogram?: PictogramName;
  lang: TextLanguage;
  title: string;
  steps: readonly LocalText[];
  heading?: 'h2' | 'h3';
}) {
  if (steps.length === 0) return null;
  const Heading = heading;
  return (
    <section class="app-outcome__section">
      <Heading>
        {pictogram !== undefined && <Pictogram ctx={ctx} name={pictogram} />}
        {title}
      </Heading>
      <ul>
        {steps.map((step) => (
          <li key={step.nl}>{textIn(step, lang)}</li>
        ))}
      </ul>
    </section>
  );
}

function Box({ children, variant }: { children: ComponentChildren; variant: 'danger' | 'info' }) {
  return <div class={`app-callout app-callout--${variant === 'danger' ? 'danger' : 'info'}`}>{children}</div>;
}

/**
 * The part of the outcome that depends on the answers themselves: notes and the answers that weighed in. The
 * rest of the page depends only on the advice level and branches, so it can be rendered once and reused.
 */
export function OutcomeDetails({ ctx, questionnaire, evaluation }: CheckOutcomeProps) {
  const { t } = ctx;
  const lang = languageOf(ctx, questionnaire);
  return (
    <>
      {evaluation.notes.length > 0 && (
        <section class="app-outcome__section">
          <h2>{t('check.outcome.notesTitle')}</h2>
          {evaluation.notes.map((note) => (
            <NoteItem key={note.nl} note={note} lang={lang} />
          ))}
        </section>
      )}

      <section class="app-outcome__section">
        <h2>{t('check.outcome.whyTitle')}</h2>
        <p>{t('check.outcome.notDiagnosis')}</p>
        {evaluation.weighed.length === 0 ? (
          <p>{t('check.outcome.noneWeighed')}</p>
        ) : (
          <>
            <p>{t('check.outcome.weighedIntro')}</p>
            <ul class="app-outcome__weighed">
              {evaluation.weighed.map(({ question, value }) => (
                <WeighedItem
                  key={question.id}
                  ctx={ctx}
                  questionnaire={questionnaire}
                  question={question}
                  value={value}
                />
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  );
}

function labelOf(questionnaire: Questionnaire, lang: TextLanguage, scale: string, value: string): string {
  const label = questionnaire.scales[scale]?.find((option) => option.value === value)?.label;
  return label === undefined ? value : textIn(label, lang);
}

function NoteItem({ note, lang }: { note: LanguageText; lang: TextLanguage }) {
  return <p>{textIn(note, lang)}</p>;
}

function WeighedItem({
  ctx,
  questionnaire,
  question,
  value,
}: {
  ctx: PageContext;
  questionnaire: Questionnaire;
  question: Question;
  value: string;
}) {
  return (
    <li>
      {textIn(question.text, languageOf(ctx, questionnaire))}{' '}
      <span class="app-hint">
        {ctx.t('check.outcome.yourAnswer', {
          answer: labelOf(questionnaire, languageOf(ctx, questionnaire), question.scale, value),
        })}
      </span>
    </li>
  );
}

/**
 * Look up help from the result (issue 18): posted with the advice level in the form's body, so that the level is
 * never in an address or the browser's history; the answer is a redirect to /hulp for the postcode or place. It
 * carries a CSRF token, so it belongs to the part of the page rendered for each response (the slot), not the frame.
 */
export function CheckHelpForm({ ctx, level }: { ctx: PageContext; level: AdviceLevel }) {
  const { t } = ctx;
  return (
    <section class="app-outcome__section" aria-labelledby="check-help-title">
      <h2 id="check-help-title">{t('help.checkLink')}</h2>
      <form class="app-help-form" method="post" action="/hulp/na-check">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="niveau" value={level} />
        <label class="app-label" for="check-plaats">
          {t('help.field.label')}
        </label>
        <p class="app-hint" id="check-plaats-hint">
          {t('help.field.hint')} {t('check.outcome.findHelpCounted')}
        </p>
        <div class="app-help-form__row">
          <input
            class="app-input"
            id="check-plaats"
            name="plaats"
            type="text"
            autocomplete="postal-code"
            spellcheck={false}
            maxLength={100}
            aria-describedby="check-plaats-hint"
          />
          <button class="app-button" type="submit">
            {t('help.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** OutcomeDetails in pieces, rendered once per questionnaire version and language (see renderOutcomeDetails). */
interface DetailPieces {
  /** The translator the pieces were rendered with. */
  t: Translate;
  notes: [RenderedHtml, RenderedHtml];
  noteItems: Map<LocalText, RenderedHtml>;
  why: [RenderedHtml, RenderedHtml];
  noneWeighed: RenderedHtml;
  weighed: [RenderedHtml, RenderedHtml];
  /** Question id → answer value → list item, for every answer option of every question. */
  weighedItems: Map<string, Map<string, RenderedHtml>>;
}

const detailPieces = new WeakMap<Questionnaire, Map<TextLanguage, DetailPieces>>();

function piecesFor(ctx: PageContext, questionnaire: Questionnaire): DetailPieces {
  let byLocale = detailPieces.get(questionnaire);
  if (byLocale === undefined) {
    byLocale = new Map();
    detailPieces.set(questionnaire, byLocale);
  }
  const lang = languageOf(ctx, questionnaire);
  const cached = byLocale.get(lang);
  if (cached !== undefined && cached.t === ctx.t) return cached;

  const { t } = ctx;
  const noteItems = new Map<LocalText, RenderedHtml>();
  const weighedItems = new Map<string, Map<string, RenderedHtml>>();
  // Every option of every question, whether anyone chose it or not: the pieces hold questionnaire text only.
  for (const question of questionnaire.groups.flatMap((group) => group.questions)) {
    const items = new Map<string, RenderedHtml>();
    for (const option of questionnaire.scales[question.scale] ?? []) {
      items.set(
        option.value,
        renderToHtml(<WeighedItem ctx={ctx} questionnaire={questionnaire} question={question} value={option.value} />),
      );
      if (option.note !== undefined)
        noteItems.set(option.note, renderToHtml(<NoteItem note={option.note} lang={lang} />));
    }
    weighedItems.set(question.id, items);
  }
  const pieces: DetailPieces = {
    t,
    notes: renderAround((slot) => (
      <section class="app-outcome__section">
        <h2>{t('check.outcome.notesTitle')}</h2>
        {slot}
      </section>
    )),
    noteItems,
    why: renderAround((slot) => (
      <section class="app-outcome__section">
        <h2>{t('check.outcome.whyTitle')}</h2>
        <p>{t('check.outcome.notDiagnosis')}</p>
        {slot}
      </section>
    )),
    noneWeighed: renderToHtml(<p>{t('check.outcome.noneWeighed')}</p>),
    weighed: renderAround((slot) => (
      <>
        <p>{t('check.outcome.weighedIntro')}</p>
        <ul class="app-outcome__weighed">{slot}</ul>
      </>
    )),
    weighedItems,
  };
  byLocale.set(lang, pieces);
  return pieces;
}

/**
 * The same HTML as rendering OutcomeDetails, put together from pieces rendered once per questionnaire version and
 * language, because rendering the details cost more than anything else in answering a check. The pieces are
 * rendered for every answer option up front and hold only questionnaire text: nothing about anyone's answers is
 * kept; the answers only choose which pieces this one response joins.
 */
export function renderOutcomeDetails(
  ctx: PageContext,
  questionnaire: Questionnaire,
  evaluation: Evaluation,
): RenderedHtml {
  const pieces = piecesFor(ctx, questionnaire);
  const html: RenderedHtml[] = [];
  if (evaluation.notes.length > 0) {
    html.push(pieces.notes[0]);
    for (const note of evaluation.notes) {
      html.push(
        pieces.noteItems.get(note) ?? renderToHtml(<NoteItem note={note} lang={languageOf(ctx, questionnaire)} />),
      );
    }
    html.push(pieces.notes[1]);
  }
  html.push(pieces.why[0]);
  if (evaluation.weighed.length === 0) {
    html.push(pieces.noneWeighed);
  } else {
    html.push(pieces.weighed[0]);
    for (const { question, value } of evaluation.weighed) {
      html.push(
        pieces.weighedItems.get(question.id)?.get(value) ??
          renderToHtml(<WeighedItem ctx={ctx} questionnaire={questionnaire} question={question} value={value} />),
      );
    }
    html.push(pieces.weighed[1]);
  }
  html.push(pieces.why[1]);
  return joinRendered(html);
}

type Block = NonNullable<Questionnaire['situations']>[AcuteKind];

/** A situation's or a guidance block's advice: what to do, in order, and whom to call (first number first). */
function AdviceBlock({
  ctx,
  lang,
  block,
  heading,
}: {
  ctx: PageContext;
  lang: TextLanguage;
  block: Block;
  heading: 'h2' | 'h3';
}) {
  const { t } = ctx;
  const Heading = heading;
  return (
    <>
      <ol class="app-outcome__steps">
        {block.steps.map((step) => (
          <li key={step.nl}>{textIn(step, lang)}</li>
        ))}
      </ol>
      <Heading>{t('check.outcome.callFirst')}</Heading>
      <NationalLines ctx={ctx} lines={block.services} />
      {block.dont.length > 0 && (
        <>
          <Heading>{t('check.outcome.dont')}</Heading>
          <ul>
            {block.dont.map((step) => (
              <li key={step.nl}>{textIn(step, lang)}</li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/**
 * The outcome of the signals check: an advice level named by what to do, why, and concrete steps. Rendered
 * straight from the POST (answers are never stored, so there is nothing to redirect to), and never cached.
 *
 * When an acute situation was answered (version 2 on), the first one in the questionnaire's order of priority
 * decides the title and the first number (missing or in danger now: 112; an assault in the last 7 days: the
 * Centrum Seksueel Geweld; blackmail with images: stop and report; a threat: the police). Other situations
 * follow as blocks, then the advice that the signals alone lead to, if they ask for more than staying alert.
 */
export function CheckOutcomePage({ ctx, questionnaire, evaluation, details }: CheckOutcomePageProps) {
  const { t } = ctx;
  const lang = languageOf(ctx, questionnaire);
  const outcomeOf = (level: AdviceLevel) => questionnaire.outcomes.find((entry) => entry.level === level) as Outcome;
  const outcome = outcomeOf(evaluation.level);
  const family = evaluation.family ? questionnaire.branches.family : undefined;
  const situations = evaluation.acute.flatMap((kind) => {
    const block = questionnaire.situations?.[kind];
    return block === undefined ? [] : [{ kind, block }];
  });
  const primary = situations[0];
  const shownSteps = new Set(situations.map(({ block }) => JSON.stringify(block.steps)));
  const guidance = evaluation.guidance.flatMap((id) => {
    const block = questionnaire.guidance[id];
    return block === undefined || shownSteps.has(JSON.stringify(block.steps)) ? [] : [{ id, block }];
  });
  // Version 1 only: one assault text next to the 112 advice.
  const assaultBranch =
    primary === undefined && evaluation.acute.includes('assault') ? questionnaire.branches.assault : undefined;
  const next =
    primary !== undefined && severity[evaluation.signalsLevel] >= severity['vraag-advies']
      ? outcomeOf(evaluation.signalsLevel)
      : undefined;
  const services =
    primary !== undefined
      ? [...new Set([...primary.block.services, ...outcome.services])]
      : assaultBranch !== undefined
        ? [...new Set(['alarm', 'csg', ...outcome.services] as const)]
        : outcome.services;
  return (
    <Layout ctx={ctx} title={t('check.outcome.pageTitle')}>
      <article
        class={`app-outcome app-outcome--${outcome.level}`}
        data-advice-level={outcome.level}
        data-situation={primary?.kind}
      >
        <p class="app-outcome__kicker">{t('check.outcome.yourAdvice')}</p>
        <h1>{primary !== undefined ? textIn(primary.block.title, lang) : textIn(outcome.title, lang)}</h1>
        <p class="app-lead">
          {primary !== undefined
            ? textIn(primary.block.intro ?? outcome.explanation, lang)
            : textIn(outcome.explanation, lang)}
        </p>

        {primary !== undefined && (
          <section class="app-outcome__section app-outcome__now" data-situation-block={primary.kind}>
            <h2>{t('check.outcome.doNow')}</h2>
            <AdviceBlock ctx={ctx} lang={lang} block={primary.block} heading="h3" />
            {primary.kind === 'threat' && (
              <p>
                <a href="/informatie/als-het-gezin-bedreigd-wordt">{t('check.outcome.readFamilySafety')}</a>
              </p>
            )}
          </section>
        )}

        {situations.slice(1).map(({ kind, block }) => (
          <Box key={kind} variant="danger">
            <section data-situation-block={kind}>
              <h2>
                {t('check.outcome.alsoTitle')} {textIn(block.title, lang)}
              </h2>
              {block.intro !== undefined && <p>{textIn(block.intro, lang)}</p>}
              <AdviceBlock ctx={ctx} lang={lang} block={block} heading="h3" />
            </section>
          </Box>
        ))}

        {assaultBranch !== undefined && (
          <Box variant="danger">
            <h2>{t('check.outcome.assaultTitle')}</h2>
            <p>{textIn(assaultBranch, lang)}</p>
          </Box>
        )}

        {guidance.map(({ id, block }) => (
          <section key={id} class="app-outcome__section" data-guidance={id}>
            <h2>{textIn(block.title, lang)}</h2>
            {block.intro !== undefined && <p>{textIn(block.intro, lang)}</p>}
            <AdviceBlock ctx={ctx} lang={lang} block={block} heading="h3" />
          </section>
        ))}

        <Box variant="info">
          <p>
            <strong>{t('check.outcome.worryEnough')}</strong>
          </p>
          <p data-not-validated>{t('check.outcome.notValidated')}</p>
        </Box>

        {family && (
          <section class="app-outcome__family">
            <h2>{textIn(family.title, lang)}</h2>
            <p>{textIn(family.explanation, lang)}</p>
            <ul>
              {[...family.dont, ...family.today, ...family.thisWeek, ...family.contact].map((step) => (
                <li key={step.nl}>{textIn(step, lang)}</li>
              ))}
            </ul>
          </section>
        )}

        {primary === undefined && <OutcomeSteps ctx={ctx} lang={lang} outcome={outcome} heading="h2" />}

        {next !== undefined && (
          <section class="app-outcome__section app-outcome__next" data-next-level={next.level}>
            <h2>{t('check.outcome.nextTitle')}</h2>
            <p>
              <strong>{textIn(next.title, lang)}</strong>
            </p>
            <p>{textIn(next.explanation, lang)}</p>
            <OutcomeSteps ctx={ctx} lang={lang} outcome={next} heading="h3" />
          </section>
        )}

        <section class="app-outcome__section">
          <h2>{t('check.outcome.services')}</h2>
          <NationalLines ctx={ctx} lines={services} />
        </section>

        {details ?? (
          <>
            <CheckHelpForm ctx={ctx} level={evaluation.level} />
            <OutcomeDetails ctx={ctx} questionnaire={questionnaire} evaluation={evaluation} />
          </>
        )}

        <p class="app-hint">
          <Pictogram ctx={ctx} name="writeDown" />
          {t('check.outcome.notStored')}
        </p>
        <p class="app-outcome__actions">
          <button class="app-button app-button--secondary app-js-only" type="button" data-module="app-print">
            {t('check.outcome.print')}
          </button>{' '}
          <a href="/check">{t('check.outcome.startAgain')}</a>
        </p>
        <SourceList id="bronnen" title={t('check.outcome.sourcesTitle')} sources={questionnaire.sources} />
        <ul class="app-outcome__more">
          <li>
            <a href="/informatie/signalen">{t('check.outcome.readSignals')}</a>
          </li>
          <li>
            <a href="/informatie/wat-kun-je-doen">{t('check.outcome.readWhatToDo')}</a>
          </li>
        </ul>
      </article>
    </Layout>
  );
}

function OutcomeSteps({
  ctx,
  lang,
  outcome,
  heading,
}: {
  ctx: PageContext;
  lang: TextLanguage;
  outcome: Outcome;
  heading: 'h2' | 'h3';
}) {
  const { t } = ctx;
  return (
    <>
      <Steps ctx={ctx} lang={lang} heading={heading} title={t('check.outcome.today')} steps={outcome.today} />
      <Steps ctx={ctx} lang={lang} heading={heading} title={t('check.outcome.thisWeek')} steps={outcome.thisWeek} />
      <Steps ctx={ctx} lang={lang} heading={heading} title={t('check.outcome.dont')} steps={outcome.dont} />
      <Steps
        ctx={ctx}
        lang={lang}
        heading={heading}
        title={t('check.outcome.contact')}
        steps={outcome.contact}
        pictogram="talk"
      />
    </>
  );
}
