import { CsrfField } from '../../../shared/views/components/csrf-field.js';
import { ErrorSummary } from '../../../shared/views/components/error-summary.js';
import { FieldError, type FormState, Input, problemOf, RadioItems } from '../../../shared/views/components/fields.js';
import type { PageContext } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import type { Category } from '../journal.schema.js';
import { categoryKey, formatDay, JournalNav } from './parts.js';

export interface ExportChoice {
  id: string;
  number: number;
  date?: string;
  category?: Category;
  kind: 'entry' | 'correction' | 'redaction';
  redacted: boolean;
}

/** How many entries can be ticked one by one; above it the parent chooses a range of numbers. */
export const EXPORT_PICK_LIMIT = 500;
/** How many attachments can be ticked one by one; above it the parent chooses all, none or no originals. */
export const EXPORT_ATTACHMENT_PICK_LIMIT = 200;

export interface ExportAttachmentChoice {
  id: string;
  /** The entry's number. */
  number: number;
  /** The attachment's number within its entry. */
  attachment: number;
}

const attachmentModes = ['alle', 'zonder-origineel', 'geen', 'kies'] as const;

export function ExportPage({
  ctx,
  choices,
  attachmentChoices,
  checkpoint,
  fingerprint,
  form,
  ticked,
  fresh,
}: {
  ctx: PageContext;
  fresh: boolean;
  choices: ExportChoice[];
  /** The journal's attachments, or undefined when there are too many to tick one by one. */
  attachmentChoices: ExportAttachmentChoice[] | undefined;
  checkpoint: { size: number; root: string; time: number } | undefined;
  fingerprint: string;
  /** What was typed and one problem per field (a failed parseForm, or blankForm the first time). */
  form: FormState;
  /** The entries (notitie) and attachments (bijlage) ticked, which a FormState's text values do not hold. */
  ticked: { entries: readonly string[]; attachments: readonly string[] };
}) {
  const { t } = ctx;
  const { values, problems } = form;
  const problem = (field: string) => problemOf(problems, field);
  /** A radio group's choice, or its first choice when none was sent. */
  const chosen = (field: string, first: string) =>
    values[field] === undefined || values[field] === '' ? first : values[field];
  const mode = chosen('keuze', 'alles');
  const attachmentMode = chosen('bijlagen', 'alle');
  const title = t('journal.export.title');
  return (
    <Layout ctx={ctx} title={problems.length > 0 ? `${t('error.title')}: ${title}` : title}>
      <JournalNav ctx={ctx} current="export" />
      <h1>{title}</h1>
      <p class="app-lead">{t('journal.export.lead')}</p>
      <div class="app-callout app-callout--info">
        <p>{t('journal.export.honest')}</p>
        <p>{t('journal.export.diary')}</p>
      </div>
      {checkpoint === undefined ? (
        <p>{t('journal.export.empty')}</p>
      ) : (
        <>
          <h2>{t('journal.export.anchorsTitle')}</h2>
          <p>{t('journal.export.anchors')}</p>
          <dl class="app-journal-fields">
            <dt>{t('journal.export.fingerprint')}</dt>
            <dd class="app-fingerprint">{fingerprint}</dd>
            <dt>{t('journal.export.checkpoint')}</dt>
            <dd>
              {t('journal.export.checkpointSize', { size: checkpoint.size })}
              <br />
              <span class="app-fingerprint">{checkpoint.root}</span>
            </dd>
          </dl>
          <ErrorSummary ctx={ctx} problems={problems} />
          <form
            method="post"
            action="/logboek/export"
            data-module="app-busy-form"
            data-busy-message={t('journal.export.busy')}
          >
            <CsrfField ctx={ctx} />
            <Input
              ctx={ctx}
              name="label"
              label={t('journal.export.label')}
              hint={t('journal.export.labelHint')}
              form={values}
              problem={problem('label')}
              wide
            />
            <fieldset>
              <legend>{t('journal.export.which')}</legend>
              <FieldError ctx={ctx} id="keuze" problem={problem('keuze')} />
              <div class="app-radios app-radios--stacked" id="keuze">
                <RadioItems
                  name="keuze"
                  choices={(['alles', 'reeks', 'deel'] as const).map((choice) => ({
                    value: choice,
                    label: t(`journal.export.mode.${choice}`),
                  }))}
                  chosen={mode}
                />
              </div>
              <div class="app-journal-row">
                <Input ctx={ctx} name="van" label={t('journal.export.from')} form={values} />
                <Input ctx={ctx} name="tot" label={t('journal.export.to')} form={values} />
              </div>
              {choices.length <= EXPORT_PICK_LIMIT && (
                <fieldset>
                  <legend>{t('journal.export.pick')}</legend>
                  {choices
                    .filter((choice) => !choice.redacted && choice.kind !== 'redaction')
                    .map((choice) => (
                      <div class="app-radios__item" key={choice.id}>
                        <input
                          class="app-radios__input"
                          type="checkbox"
                          id={`notitie-${choice.number}`}
                          name="notitie"
                          value={choice.id}
                          checked={ticked.entries.includes(choice.id)}
                        />
                        <label class="app-radios__label" for={`notitie-${choice.number}`}>
                          {t('journal.entry.number', { number: choice.number })}
                          {choice.date === undefined ? '' : `, ${formatDay(ctx, choice.date)}`}
                          {choice.category === undefined ? '' : ` – ${t(categoryKey(choice.category))}`}
                          {choice.kind === 'correction' ? ` (${t('journal.export.correction')})` : ''}
                        </label>
                      </div>
                    ))}
                </fieldset>
              )}
              <p class="app-hint">{t('journal.export.redactions')}</p>
            </fieldset>
            {attachmentChoices?.length !== 0 && (
              <fieldset>
                <legend>{t('journal.export.attachments')}</legend>
                <p class="app-hint" id="bijlagen-hint">
                  {t('journal.export.attachmentsHint')}
                </p>
                <FieldError ctx={ctx} id="bijlagen" problem={problem('bijlagen')} />
                <div class="app-radios app-radios--stacked" id="bijlagen">
                  <RadioItems
                    name="bijlagen"
                    choices={attachmentModes
                      .filter((mode) => mode !== 'kies' || attachmentChoices !== undefined)
                      .map((mode) => ({ value: mode, label: t(`journal.export.attachments.${mode}`) }))}
                    chosen={attachmentMode}
                    describedBy="bijlagen-hint"
                  />
                </div>
                {attachmentChoices !== undefined && (
                  <fieldset>
                    <legend>{t('journal.export.attachments.pick')}</legend>
                    {attachmentChoices.map((choice) => (
                      <div class="app-radios__item" key={choice.id}>
                        <input
                          class="app-radios__input"
                          type="checkbox"
                          id={`bijlage-${choice.number}-${choice.attachment}`}
                          name="bijlage"
                          value={choice.id}
                          checked={ticked.attachments.includes(choice.id)}
                        />
                        <label class="app-radios__label" for={`bijlage-${choice.number}-${choice.attachment}`}>
                          {t('journal.export.attachments.item', {
                            number: choice.number,
                            attachment: choice.attachment,
                          })}
                        </label>
                      </div>
                    ))}
                  </fieldset>
                )}
              </fieldset>
            )}
            <Input
              ctx={ctx}
              name="bekend"
              label={t('journal.export.known')}
              hint={t('journal.export.knownHint')}
              form={values}
              problem={problem('bekend')}
            />
            <div class="app-field">
              <label class="app-label" for="wachtwoord">
                {t('journal.export.passphrase')}
              </label>
              <p class="app-hint" id="wachtwoord-hint">
                {t(fresh ? 'journal.export.passphraseFresh' : 'journal.export.passphraseHint')}
              </p>
              <FieldError ctx={ctx} id="wachtwoord" problem={problem('wachtwoord')} />
              <input
                class={`app-input${problem('wachtwoord') === undefined ? '' : ' app-input--error'}`}
                type="password"
                id="wachtwoord"
                name="wachtwoord"
                autocomplete="current-password"
                aria-describedby="wachtwoord-hint"
              />
            </div>
            <button class="app-button" type="submit">
              {t('journal.export.make')}
            </button>
            <p class="app-hint" role="status" aria-live="polite" data-busy-status></p>
          </form>
          <p>
            <a href="/verifieer">{t('journal.export.verifyLink')}</a>
          </p>
        </>
      )}
    </Layout>
  );
}
