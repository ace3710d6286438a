import { z } from 'zod';
import { choiceField } from '../../shared/http/forms.js';

export const pageAudiences = ['parents', 'professionals', 'everyone'] as const;
export type Audience = (typeof pageAudiences)[number];

/** How the information index groups pages, in this order. */
export const topics = ['begrijpen', 'handelen', 'steun', 'over'] as const;
export type Topic = (typeof topics)[number];

const isoDate = z
  .union([z.date(), z.string()])
  .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value.trim()))
  .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-11-28'));

/** A page's sources: title, optionally the publisher and an http(s) address; none when left out. */
export const sourcesSchema = z
  .array(
    z.object({
      title: z.string().trim().min(1),
      publisher: z.string().trim().min(1).optional(),
      url: z.url({ protocol: /^https?$/ }).optional(),
    }),
  )
  .default([]);

/** The front matter every content file must have; a file that does not match is refused with its path. */
export const frontMatterSchema = z.object({
  title: z.string().trim().min(1).max(200),
  summary: z.string().trim().min(1).max(400),
  audience: z.array(z.enum(pageAudiences)).min(1),
  topic: z.enum(topics),
  sources: sourcesSchema,
  lastReviewed: isoDate,
  order: z.number().int().min(0).max(10_000).default(100),
  draft: z.boolean().default(false),
});

export type FrontMatter = z.output<typeof frontMatterSchema>;

/** Page slugs as they appear in URLs: lower-case words joined by dashes. */
export const slugSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(100);

export const feedbackFormSchema = z.object({
  helpful: choiceField(['ja', 'nee'], 'info.feedback.invalid'),
});
