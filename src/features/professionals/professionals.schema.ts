import { z } from 'zod';
import { choiceField, parseForm } from '../../shared/http/forms.js';
import { type ProfessionalRole, professionalRoles } from '../../shared/policy/actor.js';

export interface InviteForm {
  email: string;
  organisationId: string;
  role: ProfessionalRole;
  /** The police unit (a police_units name) for the role 'police'; null for every other role. */
  policeUnit: string | null;
}

/** Ids the app generates (UUIDs): anything else in a URL or form is not an id of ours. */
export const isId = (value: unknown): value is string =>
  typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value);

/** A one-time invitation token: 32 random bytes in base64url. */
export const isInvitationToken = (value: unknown): value is string =>
  typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);

/**
 * The invitation form: an address, an organisation from the list (`organisationIds`), a role, and for the role
 * 'police' a police unit from the list (`policeUnits`; ignored for other roles). A field sent twice is a list
 * and gets the field's first message, like an empty one.
 */
export const inviteSchema = (organisationIds: ReadonlySet<string>, policeUnits: ReadonlySet<string>) =>
  z
    .object({
      email: z
        .string({ error: 'professionals.invite.email.missing' })
        .trim()
        .min(1, { error: 'professionals.invite.email.missing' })
        .max(254, { error: 'professionals.invite.email.invalid' })
        .pipe(z.email({ error: 'professionals.invite.email.invalid' })),
      organisatie: z
        .string({ error: 'professionals.invite.organisation.missing' })
        .refine((id) => isId(id) && organisationIds.has(id), { error: 'professionals.invite.organisation.missing' }),
      rol: choiceField(professionalRoles, 'professionals.invite.role.missing'),
      eenheid: z.preprocess(
        (value) => (value === undefined ? '' : value),
        z
          .string({ error: 'professionals.invite.policeUnit.missing' })
          .refine((unit) => unit === '' || policeUnits.has(unit), { error: 'professionals.invite.policeUnit.missing' }),
      ),
    })
    .superRefine((form, context) => {
      if (form.rol === 'police' && form.eenheid === '') {
        context.addIssue({ code: 'custom', path: ['eenheid'], message: 'professionals.invite.policeUnit.missing' });
      }
    })
    .transform((form): InviteForm => ({
      email: form.email,
      organisationId: form.organisatie,
      role: form.rol,
      policeUnit: form.rol === 'police' ? form.eenheid : null,
    }));

/** Reads the invitation form; on a problem, what was typed comes back to be shown again. */
export const parseInviteForm = (
  body: unknown,
  organisationIds: ReadonlySet<string>,
  policeUnits: ReadonlySet<string>,
) => parseForm(inviteSchema(organisationIds, policeUnits), body, { keep: 254 });
