import type { AgencyContact, Observation as FormatObservation, Person } from '../../shared/evidence/format.js';
import { z } from 'zod';
import type { FieldError } from '../../shared/errors.js';
import { textField } from '../../shared/http/forms.js';
import type { MessageKey } from '../../shared/i18n/messages.js';
import { amsterdamDay } from '../../shared/time/amsterdam.js';

/*
 * What a journal entry holds, and how the entry form is read. Everything the parent types is NFC-normalised
 * and stripped of control characters on the way in (the evidence log hashes these exact strings). Values that
 * look wrong, such as an odd phone number or a foreign number plate, are kept as typed and flagged: the parent
 * saw what they saw, and the log must not lose it.
 */

export const categories = [
  'behaviour',
  'absence',
  'contact',
  'online',
  'money',
  'health',
  'school',
  'agencies',
  'other',
] as const;
export type Category = (typeof categories)[number];

/** Neutral codes for categories in links (filters): a URL in the browser history names no subject. */
export const categoryCode = (category: Category): string => String(categories.indexOf(category) + 1);
export const categoryFromCode = (code: unknown): Category | undefined =>
  typeof code === 'string' && /^[1-9]$/.test(code) ? categories[Number(code) - 1] : undefined;

export const TEXT_MAX = 10_000;
export const WORDS_MAX = 5_000;
export const LINE_MAX = 300;
export const LINES_MAX = 30;
export const PEOPLE_ROWS = 3;
export const AGENCY_ROWS = 2;
export const EARLIEST_DAY = '1990-01-01';

// The shapes are those of the export format (docs/export-format.md §2.1): what is stored is what is committed to.
export type { AgencyContact, Flagged, Person } from '../../shared/evidence/format.js';

/** The content of an observation; a correction has the same shape. Its category is one of ours. */
export interface Observation extends FormatObservation {
  category: Category;
}

export type EntryField =
  | 'datum'
  | 'tijd'
  | 'categorie'
  | 'tekst'
  | 'vraag'
  | 'woorden'
  | 'personen'
  | 'online'
  | 'telefoon'
  | 'kenteken'
  | 'plaatsen'
  | 'vermist-van'
  | 'vermist-tot'
  | 'instanties'
  | 'bijlagen'
  | 'regel';

/** A problem of the entry form; its field is an EntryField (the schema's fields and 'bijlagen', 'regel'). */
export type EntryProblem = FieldError;

/** Text as stored: NFC, no control characters except line breaks and tabs, Windows line ends made plain. */
export function cleanText(value: unknown): string {
  if (typeof value !== 'string') return '';
  return (
    value
      .normalize('NFC')
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029]/g, '')
      .trim()
  );
}

const oneLine = (value: unknown): string => cleanText(value).replace(/\s+/g, ' ');

function lines(value: unknown): string[] {
  return cleanText(value)
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '');
}

const dutchPlatePatterns = [
  /^[A-Z]{2}\d{4}$/,
  /^\d{4}[A-Z]{2}$/,
  /^\d{2}[A-Z]{2}\d{2}$/,
  /^[A-Z]{2}\d{2}[A-Z]{2}$/,
  /^[A-Z]{4}\d{2}$/,
  /^\d{2}[A-Z]{4}$/,
  /^\d{2}[A-Z]{3}\d$/,
  /^\d[A-Z]{3}\d{2}$/,
  /^[A-Z]{2}\d{3}[A-Z]$/,
  /^[A-Z]\d{3}[A-Z]{2}$/,
  /^[A-Z]{3}\d{2}[A-Z]$/,
  /^[A-Z]\d{2}[A-Z]{3}$/,
  /^\d[A-Z]{2}\d{3}$/,
  /^\d{3}[A-Z]{2}\d$/,
];

/** Whether a plate has one of the Dutch side codes 1–14 (dashes and spaces ignored). */
export function isDutchPlate(plate: string): boolean {
  const compact = plate.toUpperCase().replace(/[\s-]/g, '');
  return dutchPlatePatterns.some((pattern) => pattern.test(compact));
}

/** A Dutch number (0 + 9 digits, or +31 / 0031 + 9 digits) or an international one (+ and 7–15 digits). */
export function isPhoneNumber(phone: string): boolean {
  const compact = phone.replace(/[\s\-().]/g, '');
  return (
    /^0[1-9]\d{8}$/.test(compact) || /^(\+|00)31[1-9]\d{8}$/.test(compact) || /^(\+|00)[1-9]\d{6,14}$/.test(compact)
  );
}

const validDay = (day: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
};
const validTime = (time: string): boolean => /^([01]\d|2[0-3]):[0-5]\d$/.test(time);

/** "2026-11-28T21:15" as typed in a date-and-time field. */
function dateTime(value: string): { day: string; time: string } | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2}(\.\d+)?)?$/.exec(value);
  if (match === null || !validDay(match[1]!) || !validTime(match[2]!)) return undefined;
  return { day: match[1]!, time: match[2]! };
}

const nowInAmsterdam = (now: Date): { day: string; time: string } => {
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Amsterdam',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(now);
  return { day: amsterdamDay(now), time };
};

/** Later than now in the Netherlands (a minute's grace for clocks that differ a little). */
function inFuture(day: string, time: string | undefined, now: Date): boolean {
  const here = nowInAmsterdam(new Date(now.getTime() + 60_000));
  if (day !== here.day) return day > here.day;
  return time !== undefined && time > here.time;
}

const always = { when: () => true };

/** A text field of the entry form, cleaned (cleanText); a list or anything but text reads as empty. */
const entryText = (options: { oneLine?: boolean } = {}) =>
  z
    .unknown()
    .optional()
    .transform((value) => (options.oneLine === true ? oneLine(value) : cleanText(value)));

/** A text of at most `max` characters. */
const longText = (max: number, messageKey: MessageKey) =>
  entryText().superRefine((text, context) => {
    if ([...text].length > max) context.addIssue({ code: 'custom', message: messageKey });
  });

/** A list field: one item per line, at most LINES_MAX lines of at most LINE_MAX characters. */
const listField = () =>
  z
    .unknown()
    .optional()
    .transform((value) => lines(value))
    .superRefine((items, context) => {
      if (items.length > LINES_MAX) context.addIssue({ code: 'custom', message: 'journal.problem.tooManyLines' });
      else if (items.some((item) => [...item].length > LINE_MAX))
        context.addIssue({ code: 'custom', message: 'journal.problem.lineTooLong' });
    });

/** A date-and-time field (missing from / until): empty, or a moment not before EARLIEST_DAY and not in the future. */
const momentField = (now: Date) =>
  entryText({ oneLine: true }).transform((value, context) => {
    if (value === '') return undefined;
    const moment = dateTime(value);
    if (moment === undefined) {
      context.addIssue({ code: 'custom', message: 'journal.problem.momentInvalid' });
      return z.NEVER;
    }
    if (moment.day < EARLIEST_DAY) context.addIssue({ code: 'custom', message: 'journal.problem.dateTooEarly' });
    else if (inFuture(moment.day, moment.time, now))
      context.addIssue({ code: 'custom', message: 'journal.problem.dateFuture' });
    return `${moment.day}T${moment.time}`;
  });

/** The rows of people (name, description) or agencies (who, reference) as fields `<prefix>-<row>-<part>`. */
const rowFields = (prefix: string, rows: number, parts: readonly [string, string]) =>
  Object.fromEntries(
    Array.from({ length: rows }, (_, index) =>
      parts.map((part) => [`${prefix}-${index + 1}-${part}`, entryText({ oneLine: true })] as const),
    ).flat(),
  );

/**
 * The entry form (read with parseForm): one problem per field, named by the field. A date in the future, an
 * end before its start, over-long people or agency rows and an entry with nothing in it are judged on the whole
 * form.
 */
export const observationSchema = (now: Date) =>
  z
    .object({
      datum: entryText({ oneLine: true }).superRefine((date, context) => {
        if (date === '') context.addIssue({ code: 'custom', message: 'journal.problem.dateMissing' });
        else if (!validDay(date)) context.addIssue({ code: 'custom', message: 'journal.problem.dateInvalid' });
        else if (date < EARLIEST_DAY) context.addIssue({ code: 'custom', message: 'journal.problem.dateTooEarly' });
      }),
      tijd: entryText({ oneLine: true }).superRefine((time, context) => {
        if (time !== '' && !validTime(time))
          context.addIssue({ code: 'custom', message: 'journal.problem.timeInvalid' });
      }),
      categorie: z.enum(categories, { error: 'journal.problem.categoryMissing' }),
      tekst: longText(TEXT_MAX, 'journal.problem.textTooLong'),
      vraag: longText(WORDS_MAX, 'journal.problem.wordsTooLong'),
      woorden: longText(WORDS_MAX, 'journal.problem.wordsTooLong'),
      online: listField(),
      telefoon: listField(),
      kenteken: listField(),
      plaatsen: listField(),
      'vermist-van': momentField(now),
      'vermist-tot': momentField(now),
      ongeveer: z
        .unknown()
        .optional()
        .transform((value) => value === 'ja' || value === 'on'),
      ...rowFields('persoon', PEOPLE_ROWS, ['naam', 'beschrijving']),
      ...rowFields('instantie', AGENCY_ROWS, ['wie', 'kenmerk']),
    })
    .superRefine((form, context) => {
      // Also when other fields have problems: every problem of the form is shown at once.
      const text = (value: unknown) => (typeof value === 'string' ? value : '');
      const date = text(form.datum);
      const time = text(form.tijd);
      if (validDay(date) && date >= EARLIEST_DAY && inFuture(date, validTime(time) ? time : undefined, now)) {
        context.addIssue({ code: 'custom', path: ['datum'], message: 'journal.problem.dateFuture' });
      }
      const { people, agencies } = rowsOf(form);
      if (people.some((person) => [...person.name].length > LINE_MAX || [...person.description].length > LINE_MAX * 3))
        context.addIssue({ code: 'custom', path: ['personen'], message: 'journal.problem.lineTooLong' });
      if (agencies.some((agency) => [...agency.who].length > LINE_MAX || [...agency.reference].length > LINE_MAX))
        context.addIssue({ code: 'custom', path: ['instanties'], message: 'journal.problem.lineTooLong' });
      const from = form['vermist-van'];
      const until = form['vermist-tot'];
      if (typeof from === 'string' && typeof until === 'string' && until < from) {
        context.addIssue({ code: 'custom', path: ['vermist-tot'], message: 'journal.problem.untilBeforeFrom' });
      }
      const listed = [form.online, form.telefoon, form.kenteken, form.plaatsen].reduce(
        (sum, list) => sum + (Array.isArray(list) ? list.length : 0),
        0,
      );
      const momentGiven = typeof form['vermist-van'] === 'string';
      if (
        text(form.tekst) === '' &&
        text(form.woorden) === '' &&
        people.length + agencies.length + listed === 0 &&
        !momentGiven
      ) {
        context.addIssue({ code: 'custom', path: ['tekst'], message: 'journal.problem.textMissing' });
      }
    }, always)
    .transform((form): Observation => {
      const { people, agencies } = rowsOf(form);
      const observation: Observation = {
        date: form.datum,
        approximate: form.ongeveer,
        category: form.categorie,
        text: form.tekst,
        people,
        online: form.online,
        phones: form.telefoon.map((value) => ({ value, recognised: isPhoneNumber(value) })),
        plates: form.kenteken.map((value) => ({ value, recognised: isDutchPlate(value) })),
        places: form.plaatsen,
        agencies,
      };
      if (form.tijd !== '') observation.time = form.tijd;
      if (form.vraag !== '') observation.question = form.vraag;
      if (form.woorden !== '') observation.words = form.woorden;
      if (form['vermist-van'] !== undefined) observation.missingFrom = form['vermist-van'];
      if (form['vermist-tot'] !== undefined) observation.missingUntil = form['vermist-tot'];
      return observation;
    });

/** The filled-in rows of people and agencies (a row with both parts empty is left out). */
function rowsOf(form: Record<string, unknown>): { people: Person[]; agencies: AgencyContact[] } {
  const text = (name: string) => {
    const value = form[name];
    return typeof value === 'string' ? value : '';
  };
  const people: Person[] = [];
  for (let row = 1; row <= PEOPLE_ROWS; row += 1) {
    const person = { name: text(`persoon-${row}-naam`), description: text(`persoon-${row}-beschrijving`) };
    if (person.name !== '' || person.description !== '') people.push(person);
  }
  const agencies: AgencyContact[] = [];
  for (let row = 1; row <= AGENCY_ROWS; row += 1) {
    const agency = { who: text(`instantie-${row}-wie`), reference: text(`instantie-${row}-kenmerk`) };
    if (agency.who !== '' || agency.reference !== '') agencies.push(agency);
  }
  return { people, agencies };
}

/** A day filter of the list: empty, or a day as the date field sends it (YYYY-MM-DD). */
const dayFilter = z
  .string({ error: 'journal.problem.dateInvalid' })
  .optional()
  .refine(
    (value) =>
      value === undefined || value === '' || (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))),
    {
      error: 'journal.problem.dateInvalid',
    },
  )
  .transform((value) => value ?? '');

/**
 * The journal list's filters (a GET form): a category by its neutral code, a period, the order and the page.
 * Only a day that is not a day is a problem; an unknown category, order or page reads as none, newest, page 1.
 */
export const listFiltersSchema = z.object({
  c: z.unknown().optional().transform(categoryFromCode),
  van: dayFilter,
  tot: dayFilter,
  volgorde: z
    .unknown()
    .optional()
    .transform((value) => (value === 'geschreven' ? ('entry' as const) : ('event' as const))),
  pagina: z
    .unknown()
    .optional()
    .transform((value) => (typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : 1)),
});

export const DIARY_MAX = 20_000;

/** A diary note: one text, not empty, at most DIARY_MAX characters (a field sent twice counts as empty). */
export const diaryNoteSchema = z.object({
  tekst: textField({
    invalid: 'journal.diary.problem.missing',
    tooLong: 'journal.diary.problem.tooLong',
    min: 1,
    max: DIARY_MAX,
    lines: true,
  }),
});
