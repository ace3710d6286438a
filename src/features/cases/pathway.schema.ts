import { z } from 'zod';
import { caseRoles } from './cases.types.js';

/*
 * The pathway of de lijn is data, not code: each version is a JSON file in content/pathway/, checked against
 * this schema when the app starts (pathway.ts). Tracks run side by side; a step names the steps that may come
 * after it, in its own track or in another one, and may point back to an earlier step (a loop). See
 * content/pathway/README.md.
 */

const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by dashes')
  .max(60);

/**
 * A text in both languages: Dutch (B1) first, English second. Neither may be empty. Easy-read Dutch, Arabic, Turkish
 * and Polish where the version has them: each in every text or in none, every text keeping its Dutch numbers (the
 * editorial documents' rule, src/shared/i18n/document-languages.ts, checked by parsePathway and the CMS; ADR 0056).
 */
const text = z.object({
  nl: z.string().trim().min(1, 'needs a Dutch text'),
  en: z.string().trim().min(1, 'needs an English text'),
  makkelijk: z.string().trim().min(1).optional(),
  ar: z.string().trim().min(1).optional(),
  tr: z.string().trim().min(1).optional(),
  pl: z.string().trim().min(1).optional(),
});

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-11-28')
  .refine((value) => new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), 'must be a real date');

/**
 * Where a track's facts come from. Nobody may claim a check that was not done: `date` is the source's own date
 * (a year for a dated report or article) or the day its text was read for this project, and the page says the
 * facts were not checked since then. `checkedOn` is set only when someone really checked the source itself.
 */
const source = z.object({
  publisher: z.string().trim().min(1),
  /** What the source says that the track relies on, or its own title. */
  title: z.string().trim().min(1),
  url: z.url({ protocol: /^https$/ }).optional(),
  date: z.union([z.string().regex(/^\d{4}$/, 'must be a year like 2020 or a date like 2026-11-28'), day]),
  checkedOn: day.optional(),
});

/**
 * A step told to a young person of 12 to 17 (the child's own account, issue 15): A2/B1 Dutch, short sentences,
 * addressed as "jij". Its own title (the parent's titles say "je kind"), what happens, who does it, and what the
 * young person can ask or say. Facts only from the track's sources.
 */
const youngStep = z.object({
  title: text,
  what: text,
  who: text,
  /** What the young person can ask, or say ("Ik wil …"). */
  ask: z.array(text).min(1),
});

const step = z.object({
  /** Unique in the whole file: a case's step moves name it, and other tracks may point to it. */
  id,
  /** Shown on the case page: neutral words only (never "uitbuiting" or "dossier"). */
  title: text,
  /** What happens in this step. */
  what: text,
  /** Who usually does it, as case roles (the case page shows them by role). */
  roles: z.array(z.enum(caseRoles)).min(1),
  /** Who else takes part without being a member of a case (the public prosecutor, the juvenile court). */
  others: text.optional(),
  /** What the parent can expect, including what the parent cannot change. */
  expect: z.array(text).min(1),
  /** What the parent can ask. */
  ask: z.array(text).min(1),
  /** The steps that may follow: in this track or another; an earlier step is a loop back. */
  next: z.array(id).default([]),
  /** A track may be finished at this step. */
  end: z.boolean().default(false),
  /** The same step told to a young person (required: the young person's home shows every step). */
  young: youngStep,
});

const track = z.object({
  id,
  title: text,
  /** One or two sentences: what this track is about. */
  summary: text,
  /** The track told to a young person of 12 to 17. */
  young: z.object({ summary: text }),
  /** In order; the first is where the track starts. */
  steps: z.array(step).min(1),
  sources: z.array(source).min(1),
  /** Information pages that explain the track further (content/<lang>/<slug>.md), with their titles. */
  readMore: z.array(z.object({ slug: id, title: text })).default([]),
});

/**
 * A place a young person can go to themselves (the page /samenwerken/jongeren): only organisations and numbers
 * from the project's domain brief, each with where that comes from. A phone number, a web address, or both.
 */
const youngHelp = z
  .object({
    id,
    name: text,
    phone: z
      .string()
      .regex(/^\d[\d -]*\d$/, 'must be a phone number like 0800-2000')
      .optional(),
    url: z.url({ protocol: /^https$/ }).optional(),
    /** What the place does for a young person, and when it is open where known. */
    what: text,
    sources: z.array(source).min(1),
  })
  .refine((help) => help.phone !== undefined || help.url !== undefined, 'needs a phone number or a web address');

export const pathwaySchema = z
  .object({
    version: z.number().int().min(1),
    status: z.enum(['published', 'retired']),
    published: day,
    /**
     * A regional variant's veiligheidsregio (ADR 0037): absent for the national pathway. A variant's files live in
     * content/pathway/regions/<code>/ and the editorial key is `region:<code>`.
     */
    region: z
      .string()
      .regex(/^VR\d{2}$/, 'must be a veiligheidsregio code like VR01')
      .optional(),
    /** What the page for young people says besides the tracks: where to go, and the sources of its own facts. */
    young: z.object({
      help: z.array(youngHelp).min(1),
      /** Sources of the page's general facts (ages and decisions, the meldcode, "not your fault"). */
      sources: z.array(source).min(1),
    }),
    tracks: z.array(track).min(1),
  })
  .superRefine((value, context) => {
    const trackIds = new Set<string>();
    const stepIds = new Set<string>();
    for (const [trackIndex, entry] of value.tracks.entries()) {
      if (trackIds.has(entry.id)) {
        context.addIssue({ code: 'custom', path: ['tracks', trackIndex, 'id'], message: `track ${entry.id} twice` });
      }
      trackIds.add(entry.id);
      for (const [stepIndex, item] of entry.steps.entries()) {
        if (stepIds.has(item.id)) {
          context.addIssue({
            code: 'custom',
            path: ['tracks', trackIndex, 'steps', stepIndex, 'id'],
            message: `step ${item.id} appears twice (step ids are unique in the whole pathway)`,
          });
        }
        stepIds.add(item.id);
      }
    }
    for (const [trackIndex, entry] of value.tracks.entries()) {
      for (const [stepIndex, item] of entry.steps.entries()) {
        const path = ['tracks', trackIndex, 'steps', stepIndex, 'next'];
        for (const next of item.next) {
          if (!stepIds.has(next)) {
            context.addIssue({ code: 'custom', path, message: `step ${item.id} points to unknown step ${next}` });
          }
          if (next === item.id) {
            context.addIssue({ code: 'custom', path, message: `step ${item.id} points to itself` });
          }
        }
        if (new Set(item.next).size !== item.next.length) {
          context.addIssue({ code: 'custom', path, message: `step ${item.id} names a next step twice` });
        }
      }
      if (!entry.steps.some((item) => item.end)) {
        context.addIssue({
          code: 'custom',
          path: ['tracks', trackIndex, 'steps'],
          message: `track ${entry.id} has no step where it can end`,
        });
      }
    }
  });

export type Pathway = z.infer<typeof pathwaySchema>;
export type PathwayTrack = Pathway['tracks'][number];
export type PathwayStep = PathwayTrack['steps'][number];
export type PathwaySource = PathwayTrack['sources'][number];
export type PathwayText = z.infer<typeof text>;
export type YoungStep = PathwayStep['young'];
export type YoungHelp = Pathway['young']['help'][number];
