import { CsrfField } from '../../../shared/views/components/csrf-field.js';
import { ErrorSummaryBox } from '../../../shared/views/components/error-summary.js';
import { emergencyNumbers, PhoneLink } from '../../../shared/views/components/phone-link.js';
import type { PageContext } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import type { Question, Questionnaire } from '../check.schema.js';
import { questionnaireLanguage, textIn } from '../questionnaire-languages.js';

interface CheckFormProps {
  ctx: PageContext;
  questionnaire: Questionnaire;
  answers: ReadonlyMap<string, string>;
  /** Questions left unanswered in a submitted form; empty on first view. */
  missing: readonly Question[];
}

const inputId = (question: Question, value: string) => `q-${question.id}-${value}`;

function QuestionField({
  ctx,
  questionnaire,
  question,
  answer,
  isMissing,
  preview = false,
}: {
  ctx: PageContext;
  questionnaire: Questionnaire;
  question: Question;
  answer: string | undefined;
  isMissing: boolean;
  preview?: boolean;
}) {
  const { t } = ctx;
  const lang = questionnaireLanguage(questionnaire, ctx.pageLanguage, ctx.locale);
  const options = questionnaire.scales[question.scale] ?? [];
  const hintId = `${question.id}-hint`;
  const errorId = `${question.id}-error`;
  const describedBy = [question.hint ? hintId : '', isMissing ? errorId : ''].filter(Boolean).join(' ');
  return (
    <fieldset
      class={`app-question${isMissing ? ' app-question--error' : ''}`}
      id={`vraag-${question.id}`}
      aria-describedby={describedBy === '' ? undefined : describedBy}
    >
      <legend class="app-question__legend">{textIn(question.text, lang)}</legend>
      {question.hint && (
        <p class="app-hint" id={hintId}>
          {textIn(question.hint, lang)}
        </p>
      )}
      {isMissing && (
        <p class="app-error-message" id={errorId}>
          <span class="app-visually-hidden">{t('error.title')}: </span>
          {t('check.missingAnswer')}
        </p>
      )}
      <div class="app-radios">
        {options.map((option) => (
          <div key={option.value} class="app-radios__item">
            <input
              class="app-radios__input"
              type="radio"
              id={inputId(question, option.value)}
              name={question.id}
              value={option.value}
              checked={answer === option.value}
              disabled={preview}
            />
            <label class="app-radios__label" for={inputId(question, option.value)}>
              {textIn(option.label, lang)}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/** The questionnaire's groups of questions: in the form, and (disabled, one heading level down) in the CMS preview. */
function QuestionGroups({
  ctx,
  questionnaire,
  answers,
  missingIds,
  preview = false,
}: {
  ctx: PageContext;
  questionnaire: Questionnaire;
  answers: ReadonlyMap<string, string>;
  missingIds: ReadonlySet<string>;
  preview?: boolean;
}) {
  const lang = questionnaireLanguage(questionnaire, ctx.pageLanguage, ctx.locale);
  const Heading = preview ? 'h3' : 'h2';
  return (
    <>
      {questionnaire.groups.map((group, index) => (
        <section key={group.id} class="app-check__group" aria-labelledby={`groep-${group.id}`} data-check-group>
          <Heading id={`groep-${group.id}`}>
            <span class="app-check__step">{`${index + 1}/${questionnaire.groups.length}`}</span>{' '}
            {textIn(group.title, lang)}
          </Heading>
          {group.intro && <p>{textIn(group.intro, lang)}</p>}
          {group.questions.map((question) => (
            <QuestionField
              key={question.id}
              ctx={ctx}
              questionnaire={questionnaire}
              question={question}
              answer={answers.get(question.id)}
              isMissing={missingIds.has(question.id)}
              preview={preview}
            />
          ))}
        </section>
      ))}
    </>
  );
}

/** The questionnaire's introduction, where to call when it is acute, and that the check is not validated. */
function CheckIntro({ ctx, questionnaire }: { ctx: PageContext; questionnaire: Questionnaire }) {
  const { t } = ctx;
  const lang = questionnaireLanguage(questionnaire, ctx.pageLanguage, ctx.locale);
  return (
    <>
      <p class="app-lead">{textIn(questionnaire.intro, lang)}</p>
      <p class="app-callout app-callout--danger">
        <strong>{t('check.acuteHint')}</strong> <PhoneLink number={emergencyNumbers.emergency} />
      </p>
      <p class="app-callout app-callout--info" data-not-validated>
        {t('check.notValidated')}
      </p>
    </>
  );
}

/**
 * The questionnaire as parents will see it, for the CMS preview (ADR 0036): the same questions, intro and
 * warnings as the form, inside the editor's page (no form of its own, the answers disabled).
 */
export function CheckFormPreview({ ctx, questionnaire }: { ctx: PageContext; questionnaire: Questionnaire }) {
  const { t } = ctx;
  const lang = questionnaireLanguage(questionnaire, ctx.pageLanguage, ctx.locale);
  return (
    <section class="app-check app-check--preview" data-check-preview>
      <p class="app-hint">{t('check.editor.previewNote')}</p>
      <h2>{textIn(questionnaire.title, lang)}</h2>
      <CheckIntro ctx={ctx} questionnaire={questionnaire} />
      <QuestionGroups ctx={ctx} questionnaire={questionnaire} answers={new Map()} missingIds={new Set()} preview />
    </section>
  );
}

/** The whole questionnaire as one form: works without JavaScript, keeps answers when something is missing. */
export function CheckFormPage({ ctx, questionnaire, answers, missing }: CheckFormProps) {
  const { t } = ctx;
  const lang = questionnaireLanguage(questionnaire, ctx.pageLanguage, ctx.locale);
  const missingIds = new Set(missing.map((question) => question.id));
  const options = (question: Question) => questionnaire.scales[question.scale] ?? [];
  return (
    <Layout
      ctx={ctx}
      title={
        missing.length > 0
          ? `${t('error.title')}: ${textIn(questionnaire.title, lang)}`
          : textIn(questionnaire.title, lang)
      }
    >
      {missing.length > 0 && (
        <ErrorSummaryBox
          title={t('check.errorSummary.title')}
          lead={t('check.errorSummary.missing', { count: missing.length })}
          links={missing.map((question) => ({
            href: `#${inputId(question, options(question)[0]?.value ?? '')}`,
            text: textIn(question.text, lang),
          }))}
        />
      )}
      <h1>{textIn(questionnaire.title, lang)}</h1>
      <CheckIntro ctx={ctx} questionnaire={questionnaire} />
      <p>{t('check.required')}</p>
      <form method="post" action="/check" class="app-check" novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="versie" value={String(questionnaire.version)} />
        <QuestionGroups ctx={ctx} questionnaire={questionnaire} answers={answers} missingIds={missingIds} />
        <p class="app-hint">{t('check.notStored')}</p>
        <button class="app-button" type="submit">
          {t('check.submit')}
        </button>
      </form>
    </Layout>
  );
}
