import { z } from 'zod';
import { cleanText } from '../../shared/http/forms.js';

/** The most a reader may write (counted in code points, as a person counts characters). */
export const maxTextLength = 1000;

/** Control characters nobody types (tabs and line breaks are allowed: they belong in a text area). */
// eslint-disable-next-line no-control-regex
export const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
/** Something that looks like a tag (`<b>`, `</p>`, `<!--`, `<script …>`): plain text is asked for. */
export const markup = /<\s*[/!?]?\s*[a-z][^>]*>|<!--/i;
/** An e-mail address, a Dutch phone number or a Dutch postcode: what could point at a family (also the survey's). */
export const contactDetails = [
  /[^\s@<>]+@[^\s@<>]+\.[a-z]{2,}/i,
  /(?:\+31|0031|\b0)[\s-]?(?:\d[\s-]?){8,9}\b/,
  /\b[1-9]\d{3}\s?(?!SA|SD|SS)[A-Z]{2}\b/,
];

/**
 * The reader's text (field `tekst`): one string, no control characters, not empty once cleaned (NFC, line ends,
 * trimmed), at most 1,000 characters, no markup and no contact details. Each refusal names its own message.
 */
const textField = z.preprocess(
  (value) => (value === undefined ? '' : value),
  z
    .string({ error: 'feedback.text.invalid' })
    .superRefine((value, context) => {
      if (controlCharacters.test(value)) context.addIssue({ code: 'custom', message: 'feedback.text.control' });
    })
    .transform((value) => cleanText(value, { lines: true }))
    .superRefine((value, context) => {
      if (value === '') context.addIssue({ code: 'custom', message: 'feedback.text.missing' });
      else if ([...value].length > maxTextLength)
        context.addIssue({ code: 'custom', message: 'feedback.text.tooLong' });
      else if (markup.test(value)) context.addIssue({ code: 'custom', message: 'feedback.text.markup' });
      else if (contactDetails.some((pattern) => pattern.test(value))) {
        context.addIssue({ code: 'custom', message: 'feedback.text.contact' });
      }
    }),
);

export const feedbackTextFormSchema = z.object({ tekst: textField });
