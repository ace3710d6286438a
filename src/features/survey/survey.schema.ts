import { z } from 'zod';
// The same refusals as a reader's feedback text: control characters, markup, contact details.
import { contactDetails, controlCharacters, markup } from '../feedback/feedback.schema.js';

/** The most a parent may write (counted in code points, as a person counts characters). */
export const maxTextLength = 1000;

/** The four questions' fields, in the order of the page, with the column each is stored in. */
export const scoreFields = [
  { field: 'zorg', column: 'care' },
  { field: 'politie', column: 'police' },
  { field: 'begrepen', column: 'understood' },
  { field: 'verder', column: 'nextStep' },
] as const;
export type ScoreField = (typeof scoreFields)[number]['field'];

/** A question's choices: 1 to 5, or skipped ("over"; not choosing anything is skipping too). */
export const scoreChoices = ['1', '2', '3', '4', '5', 'over'] as const;

const score = z.preprocess(
  (value) => (value === undefined || value === '' ? 'over' : value),
  z
    .enum(scoreChoices, { error: 'survey.problem.score' })
    .transform((value) => (value === 'over' ? null : Number(value))),
);

/**
 * The parent's text (field `tekst`), optional. Nothing is taken out of it silently: control characters, markup,
 * contact details and more than 1,000 characters are refused with a message, so the parent decides what to change.
 * Only line ends are made plain (Windows' \r\n), the text is put in Unicode NFC, and space around it is trimmed.
 */
const text = z.preprocess(
  (value) => (value === undefined ? '' : value),
  z
    .string({ error: 'survey.problem.text' })
    .superRefine((value, context) => {
      if (controlCharacters.test(value)) context.addIssue({ code: 'custom', message: 'survey.problem.control' });
    })
    .transform((value) => value.normalize('NFC').replace(/\r\n?/g, '\n').trim())
    .superRefine((value, context) => {
      if ([...value].length > maxTextLength) context.addIssue({ code: 'custom', message: 'survey.problem.tooLong' });
      else if (markup.test(value)) context.addIssue({ code: 'custom', message: 'survey.problem.markup' });
      else if (contactDetails.some((pattern) => pattern.test(value))) {
        context.addIssue({ code: 'custom', message: 'survey.problem.contact' });
      }
    })
    .transform((value) => (value === '' ? undefined : value)),
);

/** The survey form: four scores that may each be skipped, and a text; at least one of them must be given. */
export const surveyFormSchema = z
  .object({ zorg: score, politie: score, begrepen: score, verder: score, tekst: text })
  .superRefine((form, context) => {
    const anyScore = [form.zorg, form.politie, form.begrepen, form.verder].some((value) => value !== null);
    if (!anyScore && form.tekst === undefined) {
      context.addIssue({ code: 'custom', path: ['zorg'], message: 'survey.problem.nothing' });
    }
  });

export type SurveyForm = z.output<typeof surveyFormSchema>;
