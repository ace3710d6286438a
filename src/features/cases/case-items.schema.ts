import { z } from 'zod';
import { checkboxField, choiceField, textField } from '../../shared/http/forms.js';
import type { MessageKey } from '../../shared/i18n/messages.js';
import { type CaseRole, caseRoles } from './cases.types.js';

/*
 * The forms of what members post into a case (ADR 0023): an agreement (new and changed), a meeting, an
 * appointment or next step, a message, a step move. Field names are Dutch words; values are neutral codes. Every
 * limit is checked here, before anything is sealed or stored.
 */

/** Ids the app generates (UUIDs). */
export const isId = (value: unknown): value is string =>
  typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value);

/** A message: at most this many characters (counted as a person counts them). */
export const MESSAGE_MAX = 2000;
/** What an agreement, appointment or next step says. */
export const ITEM_TEXT_MAX = 1000;
/** A meeting's summary. */
export const SUMMARY_MAX = 4000;
/** A meeting's decisions: one a line, each at most ITEM_TEXT_MAX characters, at most this many. */
export const DECISIONS_MAX = 10;
/** A step move's note. */
export const NOTE_MAX = 1000;

/** Who sees an item: everyone in the case, or the professionals only. */
const audienceValues = ['iedereen', 'professionals'] as const;
export type Audience = (typeof audienceValues)[number];
const audienceField = choiceField(audienceValues, 'caseItems.problem.audience');

/** YYYY-MM-DD that is a real day. */
export function validDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Days before this year or far ahead are typing mistakes. */
const EARLIEST_DAY = '2000-01-01';
const LATEST_DAY = '2099-12-31';

/** An optional day: empty (null), or a real day in a sensible range. */
const dayField = (options: { required: boolean; missing?: MessageKey }) =>
  textField({ invalid: 'caseItems.problem.date', max: 10 }).superRefine((value, context) => {
    if (value === '') {
      if (options.required) context.addIssue({ code: 'custom', message: options.missing ?? 'caseItems.problem.date' });
    } else if (!validDay(value) || value < EARLIEST_DAY || value > LATEST_DAY) {
      context.addIssue({ code: 'custom', message: 'caseItems.problem.date' });
    }
  });

/** Who an agreement is for: nobody yet (''), a case role ('rol:care') or a member of the case ('lid:<id>'). */
export type Assignee = { kind: 'nobody' } | { kind: 'role'; role: CaseRole } | { kind: 'member'; memberId: string };

const assigneeField = textField({ invalid: 'caseItems.problem.who', max: 60 }).transform((value, context): Assignee => {
  if (value === '') return { kind: 'nobody' };
  const [kind, rest] = [value.slice(0, 4), value.slice(4)];
  if (kind === 'rol:' && rest !== 'young' && (caseRoles as readonly string[]).includes(rest))
    return { kind: 'role', role: rest as CaseRole };
  if (kind === 'lid:' && isId(rest)) return { kind: 'member', memberId: rest };
  context.addIssue({ code: 'custom', message: 'caseItems.problem.who' });
  return z.NEVER;
});

const agreementText = textField({
  invalid: 'caseItems.problem.agreementText',
  missing: 'caseItems.problem.agreementText',
  tooLong: 'caseItems.problem.agreementTooLong',
  min: 1,
  max: ITEM_TEXT_MAX,
  lines: true,
});

export const agreementSchema = z.object({
  wat: agreementText,
  wie: assigneeField,
  datum: dayField({ required: false }),
  voor: audienceField,
});
export type AgreementForm = z.output<typeof agreementSchema>;

const statusValues = { open: 'open', gedaan: 'done', vervallen: 'dropped' } as const;
export const statusFieldValues = Object.keys(statusValues) as ['open', 'gedaan', 'vervallen'];
export const statusFieldOf = (status: 'open' | 'done' | 'dropped'): string =>
  statusFieldValues.find((value) => statusValues[value] === status) ?? 'open';

/** A change of an agreement: its fields, its status, and the version the form was made from (hidden field). */
export const agreementChangeSchema = z.object({
  wat: agreementText,
  wie: assigneeField,
  datum: dayField({ required: false }),
  status: choiceField(statusFieldValues, 'caseItems.problem.status').transform((value) => statusValues[value]),
  versie: textField({ invalid: 'caseItems.problem.version', max: 9 }).transform((value, context) => {
    if (!/^[1-9]\d{0,8}$/.test(value)) {
      context.addIssue({ code: 'custom', message: 'caseItems.problem.version' });
      return z.NEVER;
    }
    return Number(value);
  }),
});
export type AgreementChangeForm = z.output<typeof agreementChangeSchema>;

/** The roles a meeting form lists as checkboxes: `aanwezig-<role>`. */
export const presentField = (role: CaseRole) => `aanwezig-${role}`;

export const meetingSchema = (today: string) =>
  z
    .object({
      datum: dayField({ required: true, missing: 'caseItems.problem.meetingDate' }).superRefine((value, context) => {
        if (value !== '' && value > today)
          context.addIssue({ code: 'custom', message: 'caseItems.problem.meetingFuture' });
      }),
      'ouder-uitgenodigd': checkboxField(),
      'ouder-aanwezig': checkboxField(),
      samenvatting: textField({
        invalid: 'caseItems.problem.summary',
        missing: 'caseItems.problem.summary',
        tooLong: 'caseItems.problem.summaryTooLong',
        min: 1,
        max: SUMMARY_MAX,
        lines: true,
      }),
      besluiten: textField({
        invalid: 'caseItems.problem.decisions',
        max: DECISIONS_MAX * (ITEM_TEXT_MAX + 1),
        lines: true,
      }).transform((value, context) => {
        const lines = value
          .split('\n')
          .map((line) => line.trim())
          .filter((line) => line !== '');
        if (lines.length > DECISIONS_MAX || lines.some((line) => [...line].length > ITEM_TEXT_MAX)) {
          context.addIssue({ code: 'custom', message: 'caseItems.problem.decisions' });
          return z.NEVER;
        }
        return lines;
      }),
      voor: audienceField,
      ...Object.fromEntries(caseRoles.map((role) => [presentField(role), checkboxField()])),
    })
    .superRefine((value, context) => {
      if (value['ouder-aanwezig'] && !value['ouder-uitgenodigd']) {
        context.addIssue({ code: 'custom', path: ['ouder-aanwezig'], message: 'caseItems.problem.parentNotInvited' });
      }
    })
    .transform((value) => ({
      heldOn: value.datum,
      parentInvited: value['ouder-uitgenodigd'],
      parentTookPart: value['ouder-aanwezig'],
      summary: value.samenvatting,
      decisions: value.besluiten,
      audience: value.voor,
      rolesPresent: caseRoles.filter((role) => (value as Record<string, unknown>)[presentField(role)] === true),
    }));
export type MeetingForm = z.output<ReturnType<typeof meetingSchema>>;

const kindValues = { afspraak: 'appointment', stap: 'next-step' } as const;
export const kindFieldValues = Object.keys(kindValues) as ['afspraak', 'stap'];

export const appointmentSchema = z
  .object({
    soort: choiceField(kindFieldValues, 'caseItems.problem.kind').transform((value) => kindValues[value]),
    wat: textField({
      invalid: 'caseItems.problem.appointmentText',
      missing: 'caseItems.problem.appointmentText',
      tooLong: 'caseItems.problem.appointmentTooLong',
      min: 1,
      max: ITEM_TEXT_MAX,
      lines: true,
    }),
    datum: dayField({ required: false }),
    tijd: textField({ invalid: 'caseItems.problem.time', max: 5 }).superRefine((value, context) => {
      if (value !== '' && !/^([01]\d|2[0-3]):[0-5]\d$/.test(value)) {
        context.addIssue({ code: 'custom', message: 'caseItems.problem.time' });
      }
    }),
    wie: assigneeField,
    voor: audienceField,
  })
  .superRefine((value, context) => {
    if (value.soort === 'appointment' && value.datum === '') {
      context.addIssue({ code: 'custom', path: ['datum'], message: 'caseItems.problem.appointmentDate' });
    }
    if (value.tijd !== '' && value.datum === '') {
      context.addIssue({ code: 'custom', path: ['tijd'], message: 'caseItems.problem.timeWithoutDate' });
    }
    if (value.wie.kind === 'member') {
      context.addIssue({ code: 'custom', path: ['wie'], message: 'caseItems.problem.who' });
    }
  });
export type AppointmentForm = z.output<typeof appointmentSchema>;

export const messageSchema = z.object({
  bericht: textField({
    invalid: 'caseItems.problem.message',
    missing: 'caseItems.problem.message',
    tooLong: 'caseItems.problem.messageTooLong',
    min: 1,
    max: MESSAGE_MAX,
    lines: true,
  }),
});

/** A step move: a track, and a step of it or 'afgerond' (the track is finished). */
export const stepMoveSchema = z.object({
  traject: textField({ invalid: 'caseItems.problem.track', missing: 'caseItems.problem.track', min: 1, max: 80 }),
  stap: textField({ invalid: 'caseItems.problem.step', missing: 'caseItems.problem.step', min: 1, max: 80 }),
  notitie: textField({
    invalid: 'caseItems.problem.note',
    tooLong: 'caseItems.problem.noteTooLong',
    max: NOTE_MAX,
    lines: true,
  }),
  voor: audienceField,
});
export const FINISHED_STEP = 'afgerond';

/** The timeline's cursor (`?na=`): the sequence number to continue below, as an opaque token. */
export function encodeCursor(before: number): string {
  return Buffer.from(`t1.${before}`, 'utf8').toString('base64url');
}

/** A cursor back into a number; undefined for anything that is not one of ours (a 400). */
export function decodeCursor(token: unknown): number | undefined {
  if (typeof token !== 'string' || token.length === 0 || token.length > 32) return undefined;
  if (!/^[A-Za-z0-9_-]+$/.test(token)) return undefined;
  const match = /^t1\.([1-9]\d{0,14})$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (match === null) return undefined;
  const value = Number(match[1]);
  // case_events.seq is an integer column (PostgreSQL: at most 2^31 - 1): a larger cursor is not one of ours.
  return Number.isSafeInteger(value) && value <= 2_147_483_647 ? value : undefined;
}
