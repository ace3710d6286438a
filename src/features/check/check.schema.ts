import { z } from 'zod';
import { describeLanguageProblem, languageProblems } from './questionnaire-languages.js';

/*
 * The signals check is data, not code: each questionnaire version is a JSON file in content/check/, checked
 * against this schema when the app starts. Scoring rules sit next to the questions (see content/check/README.md).
 */

const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by dashes')
  .max(60);
/**
 * A text: Dutch and English always; easy-read Dutch, Arabic, Turkish and Polish where the version has them, each
 * in every text or in none (questionnaire-languages.ts, ADR 0054).
 */
const text = z.object({
  nl: z.string().trim().min(1),
  en: z.string().trim().min(1),
  makkelijk: z.string().trim().min(1).optional(),
  ar: z.string().trim().min(1).optional(),
  tr: z.string().trim().min(1).optional(),
  pl: z.string().trim().min(1).optional(),
});

export const adviceLevels = ['bel-112', 'bel-vandaag', 'vraag-advies', 'blijf-in-gesprek'] as const;
export type AdviceLevel = (typeof adviceLevels)[number];

const acuteKinds = ['missing', 'danger', 'threat', 'assault', 'blackmail'] as const;
export type AcuteKind = (typeof acuteKinds)[number];

const serviceIds = [
  'alarm',
  'politie',
  'veilig-thuis',
  'csg',
  'helpwanted',
  'meld-misdaad-anoniem',
  'slachtofferhulp',
  'akj',
  'zelfmoordpreventie',
] as const;

const option = z.object({
  value: id,
  label: text,
  /** Points this answer adds, multiplied by the question's weight. */
  points: z.number().int().min(0).max(10),
  /** A short note shown in the outcome when this answer is given (e.g. what changes at 16). */
  note: text.optional(),
});

const question = z.object({
  id,
  text,
  hint: text.optional(),
  scale: id,
  /** The signal category a "yes" counts towards; context questions have none. */
  category: id.optional(),
  weight: z.number().int().min(0).max(5).default(1),
  /** An acute question: one of scoring.acuteAnswers sends the outcome straight to 112. */
  acute: z.enum(acuteKinds).optional(),
  /** A "yes" here is enough on its own for the second-highest level. */
  critical: z.boolean().default(false),
  /** The family-member branch: a family member may be involved. */
  family: z.boolean().default(false),
  /** Answer → the lowest level this answer alone leads to (e.g. a strong signal: at least "ask advice"). */
  raises: z.record(id, z.enum(['bel-vandaag', 'vraag-advies'])).optional(),
  /** Answer → a guidance block (questionnaire.guidance) shown with the outcome. */
  guidance: z.record(id, id).optional(),
});

const group = z.object({
  id,
  title: text,
  intro: text.optional(),
  questions: z.array(question).min(1),
});

const outcome = z.object({
  level: z.enum(adviceLevels),
  title: text,
  explanation: text,
  today: z.array(text).min(1),
  thisWeek: z.array(text),
  dont: z.array(text).min(1),
  contact: z.array(text).min(1),
  services: z.array(z.enum(serviceIds)).min(1),
});

/**
 * A block of advice for one situation: what to do now, in order. The first service is the number to call
 * first; the outcome page lists the services in this order.
 */
const block = z.object({
  title: text,
  intro: text.optional(),
  steps: z.array(text).min(1),
  dont: z.array(text).default([]),
  services: z.array(z.enum(serviceIds)).min(1),
});

const threshold = z.object({
  level: z.enum(['bel-vandaag', 'vraag-advies']),
  /** Reached when the weighted points are at least this… */
  minScore: z.number().int().min(1),
  /** …or when "yes" answers fall in at least this many signal categories… */
  minCategories: z.number().int().min(1),
  /** …or (if true) when any critical question is answered with a counting answer. */
  anyCritical: z.boolean(),
});

/**
 * The shape of a version without the cross-checks (the CMS parses with this and reports what names something
 * missing in the editor's language, src/features/check/safety.ts). A draft in the CMS has the status "draft".
 */
export const questionnaireShape = z.object({
  version: z.number().int().min(1),
  status: z.enum(['published', 'retired', 'draft']),
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  title: text,
  intro: text,
  scales: z.record(id, z.array(option).min(2)),
  categories: z.record(id, text),
  groups: z.array(group).min(1),
  scoring: z.object({
    /** Answers to acute questions that count as "yes, now". */
    acuteAnswers: z.array(id).min(1),
    /** Answers to the family question that open the family branch. */
    familyAnswers: z.array(id).min(1),
    /** Answers that count a category as present and a critical question as triggered. */
    countingAnswers: z.array(id).min(1),
    /** Highest first. */
    thresholds: z.array(threshold).length(2),
    familyMinimumLevel: z.enum(['bel-vandaag', 'vraag-advies']),
    /**
     * Acute situations in order of priority: the first one answered decides the page's title and first
     * number (version 2 on). Without it (version 1) every acute answer leads to 112.
     */
    situationOrder: z.array(z.enum(acuteKinds)).optional(),
    /** The level each acute situation leads to at least. */
    situationLevels: z.record(z.enum(acuteKinds), z.enum(adviceLevels)).optional(),
  }),
  outcomes: z.array(outcome).length(adviceLevels.length),
  /** What to do in each acute situation (version 2 on). */
  situations: z.record(z.enum(acuteKinds), block).optional(),
  /** Advice blocks that answers open (question.guidance), e.g. when a child stays away at night. */
  guidance: z.record(id, block).default({}),
  /** Where the facts in the advice come from (numbers, opening times, time windows): shown on every outcome. */
  sources: z
    .array(
      z.object({
        title: z.string().trim().min(1),
        publisher: z.string().trim().min(1),
        url: z.url({ protocol: /^https$/ }).optional(),
      }),
    )
    .default([]),
  /** Extra advice blocks shown with the family branch, or (version 1) an assault in the last days. */
  branches: z.object({ family: outcome.omit({ level: true, services: true }), assault: text.optional() }),
});

/** A version as content/check/ holds it, with its cross-checks (the files are checked at start). */
export const questionnaireSchema = questionnaireShape.superRefine((value, context) => {
  const questions = value.groups.flatMap((entry) => entry.questions);
  const ids = new Set<string>();
  for (const entry of questions) {
    if (ids.has(entry.id)) context.addIssue({ code: 'custom', message: `question ${entry.id} appears twice` });
    ids.add(entry.id);
    if (value.scales[entry.scale] === undefined) {
      context.addIssue({ code: 'custom', message: `question ${entry.id} uses unknown scale ${entry.scale}` });
    }
    if (entry.category !== undefined && value.categories[entry.category] === undefined) {
      context.addIssue({ code: 'custom', message: `question ${entry.id} uses unknown category ${entry.category}` });
    }
    const answers = new Set((value.scales[entry.scale] ?? []).map((option) => option.value));
    for (const answer of [...Object.keys(entry.raises ?? {}), ...Object.keys(entry.guidance ?? {})]) {
      if (!answers.has(answer)) {
        context.addIssue({
          code: 'custom',
          message: `question ${entry.id} names answer ${answer}, not on its scale`,
        });
      }
    }
    for (const block of Object.values(entry.guidance ?? {})) {
      if (value.guidance[block] === undefined) {
        context.addIssue({ code: 'custom', message: `question ${entry.id} opens unknown guidance ${block}` });
      }
    }
    if (entry.acute !== undefined && value.scoring.situationOrder !== undefined) {
      const kind = entry.acute;
      if (!value.scoring.situationOrder.includes(kind) || value.scoring.situationLevels?.[kind] === undefined) {
        context.addIssue({ code: 'custom', message: `acute question ${entry.id}: ${kind} has no order or level` });
      }
      if (value.situations?.[kind] === undefined) {
        context.addIssue({ code: 'custom', message: `acute question ${entry.id}: no situation block for ${kind}` });
      }
    }
  }
  if (value.scoring.situationOrder === undefined && value.branches.assault === undefined) {
    context.addIssue({ code: 'custom', message: 'a version without situations needs branches.assault' });
  }
  for (const level of adviceLevels) {
    if (!value.outcomes.some((entry) => entry.level === level)) {
      context.addIssue({ code: 'custom', message: `no outcome for level ${level}` });
    }
  }
  if (!questions.some((entry) => entry.family)) {
    context.addIssue({ code: 'custom', message: 'no family-branch question' });
  }
  for (const problem of languageProblems(value)) {
    context.addIssue({ code: 'custom', message: describeLanguageProblem(problem) });
  }
});

export type Questionnaire = z.infer<typeof questionnaireSchema>;
export type Question = Questionnaire['groups'][number]['questions'][number];
export type Outcome = Questionnaire['outcomes'][number];
export type LocalText = z.infer<typeof text>;
