import { randomInt } from 'node:crypto';
import { z } from 'zod';
import { choiceField, parseForm, textField } from '../../shared/http/forms.js';
import { type CaseMode, type CaseRole, caseRoles, childKnowsValues, consentBases } from './cases.types.js';

/*
 * The forms of the case space's life cycle (ADR 0023): start a case, invite, join with a code, confirm a member,
 * a mandate, a police unit and reference. Field names are Dutch words; their values are neutral codes.
 */

/** Ids the app generates (UUIDs): anything else in a URL or form is not an id of ours. */
export const isId = (value: unknown): value is string =>
  typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value);

/** The label's limits: a first name or nickname, one line. */
export const LABEL_MAX = 40;

/** An invitation code: 16 characters from 32 that are hard to mix up (no 0/O, 1/I), 80 bits, shown in 4 groups. */
const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const CODE_LENGTH = 16;

export function newInvitationCode(): string {
  let code = '';
  for (let index = 0; index < CODE_LENGTH; index += 1) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** A code as shown: four groups of four. */
export const formatCode = (code: string): string => code.match(/.{1,4}/g)?.join('-') ?? code;

/** A typed code as stored (upper case, without spaces or dashes), or undefined when it cannot be a code. */
export function normaliseCode(typed: unknown): string | undefined {
  if (typeof typed !== 'string' || typed.length > 64) return undefined;
  const code = typed.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== CODE_LENGTH) return undefined;
  return [...code].every((character) => CODE_ALPHABET.includes(character)) ? code : undefined;
}

const modeValues = { 'met-ouders': 'with-parents', 'alleen-professionals': 'professional-only' } as const;
export const modeFieldValues = Object.keys(modeValues) as ['met-ouders', 'alleen-professionals'];

const consentFields = {
  grondslag: choiceField(consentBases, 'cases.form.basis.missing'),
  kindWeet: choiceField(childKnowsValues, 'cases.form.childKnows.missing'),
};

const labelField = textField({
  invalid: 'cases.form.label.invalid',
  missing: 'cases.form.label.missing',
  tooLong: 'cases.form.label.tooLong',
  max: LABEL_MAX,
  min: 1,
});

export interface StartForm {
  label: string;
  mode: CaseMode;
  /** A professional's own case role; undefined for a parent (always 'parent'). */
  role: CaseRole | undefined;
  basis: (typeof consentBases)[number];
  childKnows: (typeof childKnowsValues)[number];
}

/** Starting a case: a parent gives the label and the consent; a professional also the mode and their case role. */
export const startSchema = (asProfessional: boolean, roles: readonly CaseRole[]) =>
  z
    .object({
      naam: labelField,
      vorm: asProfessional
        ? choiceField(modeFieldValues, 'cases.form.mode.missing')
        : z
            .unknown()
            .optional()
            .transform(() => 'met-ouders' as const),
      rol: asProfessional
        ? z
            .string({ error: 'cases.form.role.missing' })
            .refine((role): role is CaseRole => (roles as readonly string[]).includes(role), {
              error: 'cases.form.role.missing',
            })
        : z
            .unknown()
            .optional()
            .transform(() => undefined),
      ...consentFields,
    })
    .transform((form): StartForm => ({
      label: form.naam.normalize('NFC'),
      mode: modeValues[form.vorm],
      role: form.rol,
      basis: form.grondslag,
      childKnows: form.kindWeet,
    }));

export const parseStartForm = (body: unknown, asProfessional: boolean, roles: readonly CaseRole[]) =>
  parseForm(startSchema(asProfessional, roles), body, { keep: LABEL_MAX + 10 });

/** Inviting: the role the invited person takes, from those the inviter may invite. */
export const inviteSchema = (roles: readonly CaseRole[]) =>
  z.object({
    rol: z
      .string({ error: 'cases.form.inviteRole.missing' })
      .refine((role): role is CaseRole => (roles as readonly string[]).includes(role), {
        error: 'cases.form.inviteRole.missing',
      })
      .transform((role) => role),
  });

export const parseInviteForm = (body: unknown, roles: readonly CaseRole[]) =>
  parseForm(inviteSchema(roles), body, { keep: 40 });

/** Joining: the code, typed. */
export const joinSchema = z.object({
  code: z.unknown().transform((typed, context) => {
    const code = normaliseCode(typed);
    if (code === undefined) {
      context.addIssue({ code: 'custom', message: 'cases.form.code.invalid' });
      return z.NEVER;
    }
    return code;
  }),
});

export const parseJoinForm = (body: unknown) => parseForm(joinSchema, body, { keep: 30 });

/** Confirming a member: the key id the safety number was computed from, and what adding them rests on. */
export const confirmSchema = z.object({
  sleutel: z.string({ error: 'cases.form.key.changed' }).regex(/^[0-9a-f]{64}$/, { error: 'cases.form.key.changed' }),
  ...consentFields,
});

export const parseConfirmForm = (body: unknown) =>
  parseForm(confirmSchema, body, { secrets: ['wachtwoord'], keep: 70 });

/** Veilig Thuis states whether it is investigating (the mandate a parent cannot remove). */
export const mandateSchema = z.object({ onderzoek: choiceField(['ja', 'nee'], 'cases.form.mandate.missing') });

export const parseMandateForm = (body: unknown) => parseForm(mandateSchema, body, { keep: 5 });

/** The police: a reference (never a person's name; the unit comes from the account), sealed under the members' key. */
export const policeSchema = z.object({
  referentie: textField({ invalid: 'cases.form.reference.invalid', max: 40 }),
});

export const parsePoliceForm = (body: unknown) => parseForm(policeSchema, body, { keep: 90 });

export { caseRoles };
