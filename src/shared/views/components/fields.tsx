import type { ComponentChildren } from 'preact';
import type { FieldError as FieldProblem } from '../../errors.js';
import type { MessageKey } from '../../i18n/messages.js';
import type { PageContext } from '../context.js';

/*
 * Form fields shared by the account, journal and professional pages: a label, an optional hint, the field's
 * error in words (announced with it through aria-describedby) and the control, which keeps what was typed.
 */

/** A form as it was posted: the value of each field by name, kept when the form comes back with a problem. */
export type FormValues = Record<string, string>;

/**
 * A form as its page draws it: what was typed and one problem per field. A failed parseForm
 * (src/shared/http/forms.ts) is one; blankForm is the form shown the first time.
 */
export interface FormState {
  values: FormValues;
  problems: readonly FieldProblem[];
}

export const blankForm: FormState = { values: {}, problems: [] };

/** The message for one field of a form drawn again, or undefined when the field is fine. */
export const problemOf = (problems: readonly FieldProblem[], field: string): MessageKey | undefined =>
  problems.find((problem) => problem.field === field)?.messageKey;

export function FieldError({ ctx, id, problem }: { ctx: PageContext; id: string; problem: MessageKey | undefined }) {
  if (problem === undefined) return null;
  return (
    <p class="app-error-message" id={`${id}-error`}>
      <span class="app-visually-hidden">{ctx.t('error.title')}: </span>
      {ctx.t(problem)}
    </p>
  );
}

/** The label, the hint and the error of a field, in that order, above its control. */
function FieldHead({
  ctx,
  name,
  label,
  hint,
  problem,
}: {
  ctx: PageContext;
  name: string;
  label: string;
  hint?: string | undefined;
  problem?: MessageKey | undefined;
}) {
  return (
    <>
      <label class="app-label" for={name}>
        {label}
      </label>
      {hint !== undefined && (
        <p class="app-hint" id={`${name}-hint`}>
          {hint}
        </p>
      )}
      <FieldError ctx={ctx} id={name} problem={problem} />
    </>
  );
}

export const describedBy = (...ids: (string | false | undefined)[]) => {
  const value = ids.filter(Boolean).join(' ');
  return value === '' ? undefined : value;
};

export function Input({
  ctx,
  name,
  label,
  hint,
  form,
  problem,
  type = 'text',
  wide = false,
}: {
  ctx: PageContext;
  name: string;
  label: string;
  hint?: string;
  form: FormValues;
  problem?: MessageKey | undefined;
  type?: 'text' | 'date' | 'time' | 'datetime-local';
  wide?: boolean;
}) {
  const common = {
    class: `app-input${wide ? ' app-input--wide' : ''}${problem === undefined ? '' : ' app-input--error'}`,
    id: name,
    name,
    value: form[name] ?? '',
    autocomplete: 'off',
    'aria-describedby': describedBy(hint !== undefined && `${name}-hint`, problem !== undefined && `${name}-error`),
    'aria-invalid': problem === undefined ? undefined : ('true' as const),
  };
  return (
    <div class="app-field">
      <FieldHead ctx={ctx} name={name} label={label} hint={hint} problem={problem} />
      {type === 'text' ? <input type="text" {...common} /> : <input type={type} {...common} />}
    </div>
  );
}

/** A choice from a short list, drawn as a select with its label; `selected` is the value shown chosen. */
export function Select({
  name,
  label,
  options,
  selected,
}: {
  name: string;
  label: string;
  options: readonly { value: string; label: string }[];
  selected: string | undefined;
}) {
  return (
    <div class="app-field">
      <label class="app-label" for={name}>
        {label}
      </label>
      <select class="app-input" id={name} name={name}>
        {options.map((option) => (
          <option key={option.value} value={option.value} selected={option.value === selected}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function TextArea({
  ctx,
  name,
  label,
  hint,
  form,
  problem,
  rows = 4,
  max,
}: {
  ctx: PageContext;
  name: string;
  label: string;
  hint?: string;
  form: FormValues;
  problem?: MessageKey | undefined;
  rows?: number;
  max?: number;
}) {
  return (
    <div class="app-field">
      <FieldHead ctx={ctx} name={name} label={label} hint={hint} problem={problem} />
      <textarea
        class={`app-textarea${problem === undefined ? '' : ' app-input--error'}`}
        id={name}
        name={name}
        rows={rows}
        autocomplete="off"
        aria-describedby={describedBy(hint !== undefined && `${name}-hint`, problem !== undefined && `${name}-error`)}
        aria-invalid={problem === undefined ? undefined : 'true'}
        data-max={max}
      >
        {form[name] ?? ''}
      </textarea>
    </div>
  );
}

export function Checkbox({
  name,
  label,
  hint,
  checked,
  problem,
  ctx,
}: {
  name: string;
  label: ComponentChildren;
  hint?: string;
  checked: boolean;
  problem?: MessageKey | undefined;
  ctx: PageContext;
}) {
  return (
    <div class="app-field">
      <FieldError ctx={ctx} id={name} problem={problem} />
      <div class="app-radios__item">
        <input
          class="app-radios__input"
          type="checkbox"
          id={name}
          name={name}
          value="ja"
          checked={checked}
          aria-describedby={describedBy(hint !== undefined && `${name}-hint`, problem !== undefined && `${name}-error`)}
          aria-invalid={problem === undefined ? undefined : 'true'}
        />
        <label class="app-radios__label" for={name}>
          {label}
        </label>
      </div>
      {hint !== undefined && (
        <p class="app-hint" id={`${name}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}

/** The radio buttons of one question (inside its fieldset): one item per choice, the chosen one checked. */
export function RadioItems({
  name,
  choices,
  chosen,
  describedBy: description,
}: {
  name: string;
  choices: readonly { value: string; label: ComponentChildren }[];
  chosen: string | undefined;
  /** The id of a hint every item is described by. */
  describedBy?: string;
}) {
  return (
    <>
      {choices.map((choice) => (
        <div class="app-radios__item" key={choice.value}>
          <input
            class="app-radios__input"
            type="radio"
            id={`${name}-${choice.value}`}
            name={name}
            value={choice.value}
            checked={chosen === choice.value}
            aria-describedby={description}
          />
          <label class="app-radios__label" for={`${name}-${choice.value}`}>
            {choice.label}
          </label>
        </div>
      ))}
    </>
  );
}

/** A text or passphrase field for account forms: names and passphrases, never spell-checked or capitalised. */
export function TextField({
  ctx,
  name,
  label,
  hint,
  type,
  value,
  problem,
  autocomplete,
}: {
  ctx: PageContext;
  name: string;
  label: string;
  hint?: string;
  type: 'text' | 'password';
  value?: string;
  problem: MessageKey | undefined;
  autocomplete: string;
}) {
  const described = describedBy(hint !== undefined && `${name}-hint`, problem !== undefined && `${name}-error`);
  return (
    <div class="app-field">
      <FieldHead ctx={ctx} name={name} label={label} hint={hint} problem={problem} />
      {type === 'password' ? (
        <input
          class={`app-input${problem === undefined ? '' : ' app-input--error'}`}
          id={name}
          name={name}
          type="password"
          autocomplete={autocomplete}
          aria-describedby={described}
          aria-invalid={problem === undefined ? undefined : 'true'}
        />
      ) : (
        <input
          class={`app-input${problem === undefined ? '' : ' app-input--error'}`}
          id={name}
          name={name}
          type="text"
          value={value}
          autocomplete={autocomplete}
          spellcheck={false}
          autocapitalize="none"
          aria-describedby={described}
          aria-invalid={problem === undefined ? undefined : 'true'}
        />
      )}
    </div>
  );
}
