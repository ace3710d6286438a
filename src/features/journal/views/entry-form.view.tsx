import { CsrfField } from '../../../shared/views/components/csrf-field.js';
import { ErrorSummary } from '../../../shared/views/components/error-summary.js';
import {
  Checkbox,
  describedBy,
  FieldError,
  type FormValues,
  Input,
  RadioItems,
  TextArea,
} from '../../../shared/views/components/fields.js';
import type { PageContext } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import {
  AGENCY_ROWS,
  categories,
  type EntryField,
  type EntryProblem,
  LINES_MAX,
  PEOPLE_ROWS,
  TEXT_MAX,
  WORDS_MAX,
} from '../journal.schema.js';
import type { EntryView } from '../journal.service.js';
import { EntryBlock } from './entry-block.js';
import { categoryKey, JournalNav } from './parts.js';

/** How to write an entry so that it helps, and protects the child's own statement. */
function WritingAdvice({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <div class="app-callout app-callout--info">
      <h2 class="app-callout__title">{t('journal.advice.title')}</h2>
      <ul>
        <li>{t('journal.advice.facts')}</li>
        <li>{t('journal.advice.words')}</li>
        <li>
          <strong>{t('journal.advice.noQuestioning')}</strong> {t('journal.advice.why')}
        </li>
        <li>{t('journal.advice.honest')}</li>
      </ul>
    </div>
  );
}

/** The images rule: impossible to miss, with why and what to do instead. */
function ImagesRule({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <div class="app-callout app-callout--danger" id="beeldregel">
      <h3 class="app-callout__title">{t('journal.rule.title')}</h3>
      <p>{t('journal.rule.why')}</p>
      <p>{t('journal.rule.instead')}</p>
      <p>
        <a href="/informatie/beelden-en-de-wet">{t('journal.rule.more')}</a>
      </p>
    </div>
  );
}

export function EntryFormPage({
  ctx,
  form,
  problems,
  correcting,
}: {
  ctx: PageContext;
  form: FormValues;
  problems: readonly EntryProblem[];
  correcting?: EntryView | undefined;
}) {
  const { t } = ctx;
  const problemOf = (field: EntryField) => problems.find((problem) => problem.field === field)?.messageKey;
  const title =
    correcting === undefined ? t('journal.new.title') : t('journal.correct.title', { number: correcting.number });
  const action = correcting === undefined ? '/logboek' : `/logboek/${correcting.id}/corrigeren`;
  return (
    <Layout ctx={ctx} title={problems.length > 0 ? `${t('error.title')}: ${title}` : title}>
      <JournalNav ctx={ctx} current={correcting === undefined ? 'new' : 'entry'} />
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} problems={problems} />
      {correcting !== undefined && (
        <>
          <p>{t('journal.correct.lead')}</p>
          <div class="app-journal-original">
            <EntryBlock ctx={ctx} entry={correcting} level={2} full={true} />
          </div>
        </>
      )}
      <WritingAdvice ctx={ctx} />
      <form method="post" action={action} enctype="multipart/form-data" novalidate>
        <CsrfField ctx={ctx} />
        <fieldset>
          <legend>{t('journal.form.when')}</legend>
          <Input
            ctx={ctx}
            name="datum"
            type="date"
            label={t('journal.field.date')}
            form={form}
            problem={problemOf('datum')}
          />
          <Input
            ctx={ctx}
            name="tijd"
            type="time"
            label={t('journal.field.time')}
            hint={t('journal.field.timeHint')}
            form={form}
            problem={problemOf('tijd')}
          />
          <Checkbox ctx={ctx} name="ongeveer" label={t('journal.field.approximate')} checked={form.ongeveer === 'ja'} />
        </fieldset>
        <fieldset aria-describedby={problemOf('categorie') === undefined ? undefined : 'categorie-error'}>
          <legend>{t('journal.field.category')}</legend>
          <FieldError ctx={ctx} id="categorie" problem={problemOf('categorie')} />
          <div class="app-radios app-radios--stacked" id="categorie">
            <RadioItems
              name="categorie"
              choices={categories.map((category) => ({ value: category, label: t(categoryKey(category)) }))}
              chosen={form.categorie}
            />
          </div>
        </fieldset>
        <TextArea
          ctx={ctx}
          name="tekst"
          label={t('journal.field.text')}
          hint={t('journal.field.textHint', { max: TEXT_MAX })}
          form={form}
          problem={problemOf('tekst')}
          rows={8}
          max={TEXT_MAX}
        />
        <fieldset>
          <legend>{t('journal.form.childWords')}</legend>
          <p class="app-hint">{t('journal.form.childWordsHint')}</p>
          <TextArea
            ctx={ctx}
            name="vraag"
            label={t('journal.field.question')}
            hint={t('journal.field.questionHint')}
            form={form}
            problem={problemOf('vraag')}
            rows={2}
            max={WORDS_MAX}
          />
          <TextArea
            ctx={ctx}
            name="woorden"
            label={t('journal.field.words')}
            hint={t('journal.field.wordsHint')}
            form={form}
            problem={problemOf('woorden')}
            rows={4}
            max={WORDS_MAX}
          />
        </fieldset>
        <fieldset>
          <legend>{t('journal.form.details')}</legend>
          <p class="app-hint">{t('journal.form.detailsHint')}</p>
          <FieldError ctx={ctx} id="personen" problem={problemOf('personen')} />
          {Array.from({ length: PEOPLE_ROWS }, (_, index) => index + 1).map((row) => (
            <div class="app-journal-row" key={row}>
              <Input
                ctx={ctx}
                name={`persoon-${row}-naam`}
                label={t('journal.field.personName', { row })}
                form={form}
              />
              <Input
                ctx={ctx}
                name={`persoon-${row}-beschrijving`}
                label={t('journal.field.personDescription', { row })}
                form={form}
                wide
              />
            </div>
          ))}
          <TextArea
            ctx={ctx}
            name="online"
            label={t('journal.field.online')}
            hint={t('journal.field.linesHint', { max: LINES_MAX })}
            form={form}
            problem={problemOf('online')}
            rows={3}
          />
          <TextArea
            ctx={ctx}
            name="telefoon"
            label={t('journal.field.phones')}
            hint={t('journal.field.linesHint', { max: LINES_MAX })}
            form={form}
            problem={problemOf('telefoon')}
            rows={2}
          />
          <TextArea
            ctx={ctx}
            name="kenteken"
            label={t('journal.field.plates')}
            hint={t('journal.field.platesHint')}
            form={form}
            problem={problemOf('kenteken')}
            rows={2}
          />
          <TextArea
            ctx={ctx}
            name="plaatsen"
            label={t('journal.field.places')}
            hint={t('journal.field.linesHint', { max: LINES_MAX })}
            form={form}
            problem={problemOf('plaatsen')}
            rows={2}
          />
          <Input
            ctx={ctx}
            name="vermist-van"
            type="datetime-local"
            label={t('journal.field.missingFromLabel')}
            form={form}
            problem={problemOf('vermist-van')}
          />
          <Input
            ctx={ctx}
            name="vermist-tot"
            type="datetime-local"
            label={t('journal.field.missingUntilLabel')}
            hint={t('journal.field.missingUntilHint')}
            form={form}
            problem={problemOf('vermist-tot')}
          />
          <FieldError ctx={ctx} id="instanties" problem={problemOf('instanties')} />
          {Array.from({ length: AGENCY_ROWS }, (_, index) => index + 1).map((row) => (
            <div class="app-journal-row" key={row}>
              <Input
                ctx={ctx}
                name={`instantie-${row}-wie`}
                label={t('journal.field.agencyWho', { row })}
                form={form}
              />
              <Input
                ctx={ctx}
                name={`instantie-${row}-kenmerk`}
                label={t('journal.field.agencyReference', { row })}
                form={form}
              />
            </div>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('journal.attachments.title')}</legend>
          <ImagesRule ctx={ctx} />
          <div class="app-field">
            <label class="app-label" for="bijlagen">
              {t('journal.field.files')}
            </label>
            <p class="app-hint" id="bijlagen-waarschuwing">
              <strong>{t('journal.field.filesWarning')}</strong>
            </p>
            <p class="app-hint" id="bijlagen-hint">
              {t('journal.field.filesHint')}
            </p>
            <FieldError ctx={ctx} id="bijlagen" problem={problemOf('bijlagen')} />
            <input
              class="app-file"
              type="file"
              id="bijlagen"
              name="bijlagen"
              multiple
              accept="image/png,image/jpeg,image/webp,application/pdf"
              aria-describedby={describedBy(
                'bijlagen-waarschuwing',
                'bijlagen-hint',
                problemOf('bijlagen') !== undefined && 'bijlagen-error',
              )}
            />
          </div>
          <Checkbox
            ctx={ctx}
            name="regel"
            label={<strong>{t('journal.field.ruleConfirm')}</strong>}
            checked={false}
            problem={problemOf('regel')}
          />
          <Checkbox
            ctx={ctx}
            name="metadata"
            label={t('journal.field.keepMetadata')}
            hint={t('journal.field.keepMetadataHint')}
            checked={form.metadata === 'ja'}
          />
        </fieldset>
        <button class="app-button" type="submit">
          {t('journal.form.save')}
        </button>
      </form>
    </Layout>
  );
}
