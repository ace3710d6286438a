import { z } from 'zod';
import type { FieldError } from '../errors.js';
import type { MessageKey } from '../i18n/messages.js';
import type { FormValues } from '../views/components/fields.js';

export { blankForm, type FormState, type FormValues, problemOf } from '../views/components/fields.js';

/*
 * The one way a posted form is read (ADR 0023). A feature describes its form as a zod schema whose messages
 * are catalogue keys; parseForm gives either the typed value or one FieldError per field, together with what
 * was typed (without secrets) so the page can be drawn again with status 400.
 */

export type FormResult<T> =
  { ok: true; value: T; values: FormValues } | { ok: false; problems: FieldError[]; values: FormValues };

export interface FormOptions {
  /** Fields never shown again (passphrases, codes): left out of `values`. */
  secrets?: readonly string[];
  /** At most this many characters of each field are shown again (what a field may hold, or a little more). */
  keep?: number;
}

/** For an issue whose schema names no message of its own: the field is marked, in words that fit any field. */
export const FALLBACK_PROBLEM: MessageKey = 'form.problem.invalid';

/**
 * The posted fields as an object without a prototype: own keys only, so a field called `__proto__`,
 * `constructor` or `toString` is just a field, and a field that was not sent is absent (never inherited).
 * Anything that is not an object of fields (a string, a list, nothing) counts as a form with no fields.
 */
export function formFields(body: unknown): Record<string, unknown> {
  const fields = Object.create(null) as Record<string, unknown>;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return fields;
  for (const key of Object.keys(body)) fields[key] = (body as Record<string, unknown>)[key];
  return fields;
}

/** Control characters put back into no page (tabs and line breaks stay: they belong in a text area). */
// eslint-disable-next-line no-control-regex
const unprintable = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** What was typed, to put back into the form: text fields only (no lists), secrets and control characters left out. */
export function formValues(body: unknown, options: FormOptions = {}): FormValues {
  const fields = formFields(body);
  const values = Object.create(null) as FormValues;
  const secrets = new Set(options.secrets ?? []);
  for (const key of Object.keys(fields)) {
    const value = fields[key];
    if (typeof value !== 'string' || secrets.has(key)) continue;
    values[key] = (options.keep === undefined ? value : value.slice(0, options.keep)).replace(unprintable, '');
  }
  return values;
}

/**
 * Reads a form with its schema: the typed value, or the first problem of each field (in the schema's order)
 * with the catalogue key of its message. Never throws for what a client sends.
 */
export function parseForm<Schema extends z.ZodType>(
  schema: Schema,
  body: unknown,
  options: FormOptions = {},
): FormResult<z.output<Schema>> {
  const values = formValues(body, options);
  const result = schema.safeParse(formFields(body), { error: () => FALLBACK_PROBLEM });
  if (result.success) return { ok: true, value: result.data, values };
  const problems: FieldError[] = [];
  for (const issue of result.error.issues) {
    const field = issue.path.length === 0 ? '' : String(issue.path[0]);
    if (problems.some((problem) => problem.field === field)) continue;
    // A schema's own messages are catalogue keys; every other issue got FALLBACK_PROBLEM from the error map.
    problems.push({ field, messageKey: issue.message as MessageKey });
  }
  return { ok: false, problems, values };
}

/** Control characters nobody types into a field (line breaks and tabs are white space, handled apart). */
// eslint-disable-next-line no-control-regex
const control = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029]/g;

/**
 * Text as stored: NFC, Windows line ends made plain, control characters removed, trimmed. One line (the
 * default): every run of white space, line breaks included, becomes one space.
 */
export function cleanText(value: string, options: { lines?: boolean } = {}): string {
  const plain = value.normalize('NFC').replace(/\r\n?/g, '\n').replace(control, '');
  return (options.lines === true ? plain : plain.replace(/\s+/g, ' ')).trim();
}

/**
 * A text field: one string (a field sent twice is a list, and refused), cleaned (see cleanText), and an absent
 * field read as empty. `invalid` is the message for a list or a non-text value; `missing` for an empty field
 * when `min` ≥ 1; `tooLong` beyond `max` characters (counted in code points, as a person counts them).
 */
export function textField(messages: {
  invalid: MessageKey;
  missing?: MessageKey;
  tooLong?: MessageKey;
  max: number;
  min?: number;
  lines?: boolean;
}) {
  const { invalid, missing = invalid, tooLong = invalid, max, min = 0, lines = false } = messages;
  return z.preprocess(
    (value) => (value === undefined ? '' : value),
    z
      .string({ error: invalid })
      .transform((value) => cleanText(value, { lines }))
      .superRefine((value, context) => {
        const length = [...value].length;
        if (length < min) context.addIssue({ code: 'custom', message: missing });
        else if (length > max) context.addIssue({ code: 'custom', message: tooLong });
      }),
  );
}

/** One of a fixed set of values (radio buttons, a select); anything else, a list or nothing gets `invalid`. */
export function choiceField<const Values extends readonly [string, ...string[]]>(values: Values, invalid: MessageKey) {
  return z.enum(values, { error: invalid });
}

/** A checkbox: ticked when sent with its value ("ja", or "on" from a browser's default); unticked otherwise. */
export const checkboxField = () =>
  z
    .unknown()
    .optional()
    .transform((value) => value === 'ja' || value === 'on');
