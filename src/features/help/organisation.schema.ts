import { z } from 'zod';

/*
 * Organisations that help a parent, as data: seeded from content/organisations.json and editable later in the
 * CMS. Each says what it does for a parent, how to reach it, when it is open and which area it serves.
 */

const text = z.object({ nl: z.string().trim().min(1), en: z.string().trim().min(1) });
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be a time like 09:00');
const interval = z
  .tuple([time, time])
  .refine(([from, until]) => from < until, { message: 'an opening interval must end after it starts' });

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];

const openingHoursSchema = z.union([
  z.object({ always: z.literal(true) }),
  z.object({
    always: z.literal(false).default(false),
    /** Local (Europe/Amsterdam) opening intervals per weekday; a missing day is closed. */
    weekly: z.partialRecord(z.enum(weekdays), z.array(interval)),
    /** Dates with other hours (public holidays): an empty list means closed all day. */
    exceptions: z
      .array(z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), hours: z.array(interval) }))
      .default([]),
  }),
]);
export type OpeningHours = z.infer<typeof openingHoursSchema>;

export const organisationKinds = [
  'emergency',
  'police',
  'veilig-thuis',
  'sexual-violence-centre',
  'care-coordinator',
  'specialist-care',
  'victim-support',
  'online-abuse',
  'anonymous-tips',
  'parent-support',
  /** A gecertificeerde instelling: jeugdbescherming under a court order (professional accounts, the case space). */
  'youth-protection',
  /** The Raad voor de Kinderbescherming. */
  'child-protection-board',
  'school',
  /** A GP's practice (huisarts). */
  'gp',
] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

const areaSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('national') }),
  z.object({ type: z.literal('province'), codes: z.array(z.string().regex(/^PV\d{2}$/)).min(1) }),
  z.object({ type: z.literal('veiligheidsregio'), codes: z.array(z.string().regex(/^VR\d{2}$/)).min(1) }),
  z.object({ type: z.literal('police-unit'), names: z.array(z.string().min(1)).min(1) }),
  z.object({ type: z.literal('municipalities'), codes: z.array(z.string().regex(/^GM\d{4}$/)).min(1) }),
]);

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-11-28')
  .refine((value) => new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), 'must be a real date');

/**
 * Where the details come from. Nobody may claim a check that was not done: until someone checks the organisation's
 * own site, the page says which source the details were taken from and that they have not been checked since.
 */
const organisationSourceSchema = z.object({
  /** Who published it: "Politie", "Rijksoverheid", "Omrop Fryslân". */
  publisher: z.string().trim().min(1),
  /** The page, article or report, when it is more than the publisher's site in general. */
  title: z.string().trim().min(1).optional(),
  url: z.url({ protocol: /^https$/ }).optional(),
  /**
   * The source's own date: a year ("2020") for a dated article or report, or the day its text was read for this
   * project when it is an undated web page.
   */
  date: z.union([z.string().regex(/^\d{4}$/, 'must be a year like 2020 or a date like 2026-11-28'), day]),
});

/**
 * Whether an interpreter can be arranged, only where a source says so (ADR 0054). Absent: not known — shown as
 * "not known", never as "no". The boolean of before (true or false, without a source) reads as not known.
 */
const interpreterSchema = z.object({
  /** The source says an interpreter can be arranged for a parent (true), or says it cannot (false). */
  arranged: z.boolean(),
  /** Languages the organisation's own staff speak, as BCP 47 tags, where the source names them. */
  languages: z
    .array(z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'must be a language tag like ar or tr'))
    .max(30)
    .default([]),
  source: organisationSourceSchema,
});
export type InterpreterFacts = z.infer<typeof interpreterSchema>;

export const organisationSchema = z.object({
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  name: z.string().trim().min(1),
  kind: z.enum(organisationKinds),
  /** What they do for a parent, in plain words. */
  description: text,
  phone: z
    .string()
    .regex(/^[0-9 -]{3,20}$/)
    .optional(),
  phoneNote: text.optional(),
  web: z.url({ protocol: /^https$/ }).optional(),
  chat: z.url({ protocol: /^https$/ }).optional(),
  email: z.email().optional(),
  /** Absent when the hours are not known yet: the page then makes no "open now" claim. */
  hours: openingHoursSchema.optional(),
  /** Hours of the chat when they differ from the phone (e.g. Veilig Thuis: phone 24/7, chat office hours). */
  chatHours: openingHoursSchema.optional(),
  area: areaSchema,
  /** Whether an interpreter can be arranged, with the source saying so; absent when not known. */
  interpreter: z.preprocess((value) => (typeof value === 'boolean' ? undefined : value), interpreterSchema.optional()),
  source: organisationSourceSchema,
  /**
   * The day someone really checked these details on the organisation's own site (or with the organisation).
   * Absent until then: a second-hand source is never a check.
   */
  checkedOn: day.optional(),
  /**
   * Who did that check, as a name or role ("Redactie Niet mijn kind"): set together with checkedOn, in the CMS,
   * where the change goes through review like any other (ADR 0037).
   */
  checkedBy: z.string().trim().min(1).max(200).optional(),
  /**
   * Whether parents see the entry: false where the domain brief marks the facts as unverified or old (shown with
   * a mark to admins), set by two admins in the app (four eyes). Not a claim that anyone checked the
   * organisation's own site: that is checkedOn.
   */
  verified: z.boolean(),
  /**
   * A demo organisation made by `npm run cli -- seed-demo` for trying the case space: never shown in the help
   * finder or its API (it is no help to anyone).
   */
  demo: z.literal(true).optional(),
});
export type Organisation = z.infer<typeof organisationSchema>;

export const organisationsFileSchema = z.object({ organisations: z.array(organisationSchema).min(1) });
