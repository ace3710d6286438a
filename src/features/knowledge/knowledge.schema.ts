import { z } from 'zod';
import { sourcesSchema } from '../content/content.schema.js';

/*
 * The knowledge base for professionals (/kennisbank, issue 16, ADR 0035): the words its articles, filters and
 * files share. An article is a markdown file in content/kennisbank/<lang>/<slug>.md, stored in content_pages with
 * section 'kennisbank'. Besides them, the articles about de lijn are made from the pathway data (pathway-articles.ts).
 */

/** Who an article is for, in the order the filter lists them. */
export const knowledgeAudiences = ['care', 'police', 'school', 'gp'] as const;
export type KnowledgeAudience = (typeof knowledgeAudiences)[number];

/** What an article is about, in the order the index groups them. */
export const knowledgeTopics = [
  'de-lijn',
  'meldcode',
  'signalen',
  'ouders',
  'jongeren',
  'organisaties',
  'onderzoek',
] as const;
export type KnowledgeTopic = (typeof knowledgeTopics)[number];

export const isKnowledgeAudience = (value: string): value is KnowledgeAudience =>
  (knowledgeAudiences as readonly string[]).includes(value);
export const isKnowledgeTopic = (value: string): value is KnowledgeTopic =>
  (knowledgeTopics as readonly string[]).includes(value);

/**
 * Slugs the articles made from the pathway data use: "de-lijn" and "de-lijn-<track>". An article file may not take
 * one, so the data and a hand-written text can never disagree under one address.
 */
export const isPathwayArticleSlug = (slug: string): boolean => slug === 'de-lijn' || slug.startsWith('de-lijn-');

const isoDate = z
  .union([z.date(), z.string()])
  .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value.trim()))
  .pipe(
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-11-28')
      .refine((value) => new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), 'must be a real date'),
  );

/** The front matter of a knowledge article; a file or draft that does not match is refused with each problem. */
export const articleFrontMatterSchema = z.object({
  title: z.string().trim().min(1).max(200),
  summary: z.string().trim().min(1).max(400),
  audience: z
    .array(z.enum(knowledgeAudiences))
    .min(1, 'needs at least one of care, police, school, gp')
    .refine((list) => new Set(list).size === list.length, 'names an audience twice'),
  topic: z.enum(knowledgeTopics),
  /** Who checked the text, honestly: "Redactie Niet mijn kind; nog niet getoetst door een vakorganisatie". */
  reviewedBy: z.string().trim().min(1).max(200),
  lastReviewed: isoDate,
  /** Shown and listed only to signed-in, active professionals (and the editors). */
  professionalsOnly: z.boolean().default(false),
  sources: sourcesSchema,
  order: z.number().int().min(0).max(10_000).default(100),
  draft: z.boolean().default(false),
});
export type ArticleFrontMatter = z.infer<typeof articleFrontMatterSchema>;

/** The index's filter as it arrives in the query string (?doelgroep=police&onderwerp=meldcode). */
export interface KnowledgeQuery {
  doelgroep?: unknown;
  onderwerp?: unknown;
}

export interface KnowledgeFilter {
  audience?: KnowledgeAudience | undefined;
  topic?: KnowledgeTopic | undefined;
}

export type FilterProblem = 'audience' | 'topic';

/**
 * The filter from the query: an empty value means "all"; a value that is not in the list, given twice, or of any
 * length beyond the longest name is a problem (the page says which filter, shows all articles, answers 400).
 */
export function parseKnowledgeQuery(query: KnowledgeQuery): { filter: KnowledgeFilter; problems: FilterProblem[] } {
  const filter: KnowledgeFilter = {};
  const problems: FilterProblem[] = [];
  const audience = query.doelgroep;
  if (audience !== undefined && audience !== '') {
    if (typeof audience === 'string' && isKnowledgeAudience(audience)) filter.audience = audience;
    else problems.push('audience');
  }
  const topic = query.onderwerp;
  if (topic !== undefined && topic !== '') {
    if (typeof topic === 'string' && isKnowledgeTopic(topic)) filter.topic = topic;
    else problems.push('topic');
  }
  return { filter, problems };
}
