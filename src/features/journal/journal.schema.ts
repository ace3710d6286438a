import type { AgencyContact, Observation as FormatObservation, Person } from '../../shared/evidence/format.js';
import { z } from 'zod';
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

export interface EntryProblem {
  field: EntryField;
  messageKey: MessageKey;
}

type Form = Record<string, unknown>;

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

/** Reads an observation from the entry form; problems name the field and the message to show. */
export function parseObservation(
  form: Form,
  now: Date,
): { ok: true; observation: Observation } | { ok: false; problems: EntryProblem[] } {
  const problems: EntryProblem[] = [];
  const problem = (field: EntryField, messageKey: MessageKey) => problems.push({ field, messageKey });

  const date = oneLine(form.datum);
  if (date === '') problem('datum', 'journal.problem.dateMissing');
  else if (!validDay(date)) problem('datum', 'journal.problem.dateInvalid');
  else if (date < EARLIEST_DAY) problem('datum', 'journal.problem.dateTooEarly');

  const time = oneLine(form.tijd);
  if (time !== '' && !validTime(time)) problem('tijd', 'journal.problem.timeInvalid');
  if (validDay(date) && date >= EARLIEST_DAY && inFuture(date, validTime(time) ? time : undefined, now)) {
    problem('datum', 'journal.problem.dateFuture');
  }

  const category = categories.find((candidate) => candidate === form.categorie);
  if (category === undefined) problem('categorie', 'journal.problem.categoryMissing');

  const rawText = typeof form.tekst === 'string' ? form.tekst : '';
  const text = cleanText(rawText);
  const question = cleanText(form.vraag);
  const words = cleanText(form.woorden);
  if ([...text].length > TEXT_MAX) problem('tekst', 'journal.problem.textTooLong');
  if ([...question].length > WORDS_MAX) problem('vraag', 'journal.problem.wordsTooLong');
  if ([...words].length > WORDS_MAX) problem('woorden', 'journal.problem.wordsTooLong');

  const people: Person[] = [];
  for (let row = 1; row <= PEOPLE_ROWS; row += 1) {
    const name = oneLine(form[`persoon-${row}-naam`]);
    const description = oneLine(form[`persoon-${row}-beschrijving`]);
    if (name === '' && description === '') continue;
    if ([...name].length > LINE_MAX || [...description].length > LINE_MAX * 3) {
      problem('personen', 'journal.problem.lineTooLong');
    }
    people.push({ name, description });
  }

  const listField = (field: EntryField, value: unknown): string[] => {
    const items = lines(value);
    if (items.length > LINES_MAX) problem(field, 'journal.problem.tooManyLines');
    else if (items.some((item) => [...item].length > LINE_MAX)) problem(field, 'journal.problem.lineTooLong');
    return items;
  };
  const online = listField('online', form.online);
  const phones = listField('telefoon', form.telefoon).map((value) => ({ value, recognised: isPhoneNumber(value) }));
  const plates = listField('kenteken', form.kenteken).map((value) => ({ value, recognised: isDutchPlate(value) }));
  const places = listField('plaatsen', form.plaatsen);

  const readMoment = (field: 'vermist-van' | 'vermist-tot') => {
    const value = oneLine(form[field]);
    if (value === '') return undefined;
    const moment = dateTime(value);
    if (moment === undefined) {
      problem(field, 'journal.problem.momentInvalid');
      return undefined;
    }
    if (moment.day < EARLIEST_DAY) problem(field, 'journal.problem.dateTooEarly');
    else if (inFuture(moment.day, moment.time, now)) problem(field, 'journal.problem.dateFuture');
    return `${moment.day}T${moment.time}`;
  };
  const missingFrom = readMoment('vermist-van');
  const missingUntil = readMoment('vermist-tot');
  if (missingFrom !== undefined && missingUntil !== undefined && missingUntil < missingFrom) {
    problem('vermist-tot', 'journal.problem.untilBeforeFrom');
  }

  const agencies: AgencyContact[] = [];
  for (let row = 1; row <= AGENCY_ROWS; row += 1) {
    const who = oneLine(form[`instantie-${row}-wie`]);
    const reference = oneLine(form[`instantie-${row}-kenmerk`]);
    if (who === '' && reference === '') continue;
    if ([...who].length > LINE_MAX || [...reference].length > LINE_MAX) {
      problem('instanties', 'journal.problem.lineTooLong');
    }
    agencies.push({ who, reference });
  }

  const empty =
    text === '' &&
    words === '' &&
    people.length + online.length + phones.length + plates.length + places.length + agencies.length === 0 &&
    missingFrom === undefined;
  if (empty) problem('tekst', 'journal.problem.textMissing');

  if (problems.length > 0 || category === undefined) return { ok: false, problems };
  const observation: Observation = {
    date,
    approximate: form.ongeveer === 'ja' || form.ongeveer === 'on',
    category,
    text,
    people,
    online,
    phones,
    plates,
    places,
    agencies,
  };
  if (time !== '') observation.time = time;
  if (question !== '') observation.question = question;
  if (words !== '') observation.words = words;
  if (missingFrom !== undefined) observation.missingFrom = missingFrom;
  if (missingUntil !== undefined) observation.missingUntil = missingUntil;
  return { ok: true, observation };
}

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
