import { z } from 'zod';
import { tokenize } from './search-text.js';

/** A few words are enough to search; a longer text is refused with a message (a 10 KB query gets a 400). */
export const maxQueryLength = 200;

/** The search form (POST /zoeken): the query travels in the body, never in the address. */
export const searchFormSchema = z.object({
  zoekterm: z
    .string()
    .default('')
    .transform((value) => value.trim())
    .pipe(
      z
        .string()
        .min(1, 'search.problem.empty')
        .max(maxQueryLength, 'search.problem.tooLong')
        .refine((value) => tokenize(value).length > 0, 'search.problem.noWords'),
    ),
});
