import { ActionForm } from '../../../shared/views/components/action-form.js';
import { CsrfField } from '../../../shared/views/components/csrf-field.js';
import { ErrorSummary } from '../../../shared/views/components/error-summary.js';
import {
  FieldError,
  type FormState,
  problemOf,
  RadioItems,
  TextArea,
} from '../../../shared/views/components/fields.js';
import type { MessageKey } from '../../../shared/i18n/messages.js';
import type { PageContext } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import { maxTextLength, scoreChoices, type ScoreField, scoreFields } from '../survey.schema.js';

export const surveyPath = '/vragenlijst';
export const declinePath = '/vragenlijst/nee';
export const thanksPath = '/vragenlijst/bedankt';

const questionKeys: Record<ScoreField, MessageKey> = {
  zorg: 'survey.question.care',
  politie: 'survey.question.police',
  begrepen: 'survey.question.understood',
  verder: 'survey.question.nextStep',
};

const choiceKeys: Record<(typeof scoreChoices)[number], MessageKey> = {
  '1': 'survey.scale.1',
  '2': 'survey.scale.2',
  '3': 'survey.scale.3',
  '4': 'survey.scale.4',
  '5': 'survey.scale.5',
  over: 'survey.scale.skip',
};

/**
 * The offer on the parent's account page: short, and two forms that work without JavaScript. "Ja" opens the survey
 * (a GET: nothing is decided yet); "Nee" closes the offer (a POST with the CSRF token). Nothing says which
 * milestone led to it (someone looking over the parent's shoulder learns nothing about a case).
 */
export function SurveyOffer({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <section class="app-card" aria-labelledby="survey-offer-title" data-survey-offer>
      <h2 class="app-card__title" id="survey-offer-title">
        {t('survey.offer.title')}
      </h2>
      <p>{t('survey.offer.text')}</p>
      <p class="app-hint">{t('survey.offer.when')}</p>
      <form method="get" action={surveyPath} class="app-inline-form">
        <button class="app-button" type="submit">
          {t('survey.offer.yes')}
        </button>
      </form>{' '}
      <ActionForm ctx={ctx} action={declinePath} label={t('survey.offer.no')} look="secondary" />
    </section>
  );
}

function ScoreQuestion({ ctx, field, form }: { ctx: PageContext; field: ScoreField; form: FormState }) {
  const problem = problemOf(form.problems, field);
  return (
    <fieldset class="app-question" id={field} aria-describedby={problem === undefined ? undefined : `${field}-error`}>
      <legend class="app-question__legend">{ctx.t(questionKeys[field])}</legend>
      <FieldError ctx={ctx} id={field} problem={problem} />
      <RadioItems
        name={field}
        chosen={form.values[field]}
        choices={scoreChoices.map((value) => ({ value, label: ctx.t(choiceKeys[value]) }))}
      />
    </fieldset>
  );
}

/** The survey: four questions (1–5, each may be skipped) and an optional text, posted with the CSRF token. */
export function SurveyPage({ ctx, form }: { ctx: PageContext; form: FormState }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('survey.page.title')}>
      <h1>{t('survey.page.title')}</h1>
      <ErrorSummary ctx={ctx} problems={form.problems} />
      <p>{t('survey.page.intro')}</p>
      <p class="app-hint">{t('survey.page.anonymous')}</p>
      <form method="post" action={surveyPath} novalidate>
        <CsrfField ctx={ctx} />
        {scoreFields.map(({ field }) => (
          <ScoreQuestion key={field} ctx={ctx} field={field} form={form} />
        ))}
        <TextArea
          ctx={ctx}
          name="tekst"
          label={t('survey.text.label')}
          hint={t('survey.text.hint')}
          form={form.values}
          problem={problemOf(form.problems, 'tekst')}
          rows={5}
          max={maxTextLength}
        />
        <button class="app-button" type="submit">
          {t('survey.submit')}
        </button>
      </form>
      <p>
        <a href="/account">{t('survey.cancel')}</a>
      </p>
    </Layout>
  );
}

/** After answering and after "Nee, dank je" alike: the page (and the browser's history) does not tell which. */
export function SurveyThanksPage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('survey.thanks.title')}>
      <h1>{t('survey.thanks.title')}</h1>
      <p>{t('survey.thanks.text')}</p>
      <p>
        <a href="/nu">{t('survey.thanks.helpNow')}</a>
      </p>
      <p>
        <a href="/account">{t('survey.thanks.back')}</a>
      </p>
    </Layout>
  );
}
