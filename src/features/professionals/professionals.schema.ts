import { z } from 'zod';
import type { MessageKey } from '../../shared/i18n/messages.js';
import { type ProfessionalRole, professionalRoles } from '../../shared/policy/actor.js';

export interface InviteProblem {
  field: 'email' | 'organisatie' | 'rol';
  messageKey: MessageKey;
}

export interface InviteForm {
  email: string;
  organisationId: string;
  role: ProfessionalRole;
}

/** Ids the app generates (UUIDs): anything else in a URL or form is not an id of ours. */
export const isId = (value: unknown): value is string =>
  typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value);

/** A one-time invitation token: 32 random bytes in base64url. */
export const isInvitationToken = (value: unknown): value is string =>
  typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);

/** The invitation form as typed: an address, an organisation from the list, a role. One message per field. */
export function parseInviteForm(
  form: Record<string, unknown>,
  organisationIds: ReadonlySet<string>,
): { ok: true; value: InviteForm } | { ok: false; problems: InviteProblem[] } {
  const problems: InviteProblem[] = [];
  const email = typeof form.email === 'string' ? form.email.trim() : '';
  if (email === '') problems.push({ field: 'email', messageKey: 'professionals.invite.email.missing' });
  else if (email.length > 254 || !z.email().safeParse(email).success)
    problems.push({ field: 'email', messageKey: 'professionals.invite.email.invalid' });
  const organisationId = form.organisatie;
  if (!isId(organisationId) || !organisationIds.has(organisationId))
    problems.push({ field: 'organisatie', messageKey: 'professionals.invite.organisation.missing' });
  const role = form.rol;
  const isRole = (value: unknown): value is ProfessionalRole => professionalRoles.some((known) => known === value);
  if (!isRole(role)) problems.push({ field: 'rol', messageKey: 'professionals.invite.role.missing' });
  if (problems.length > 0 || !isId(organisationId) || !isRole(role)) return { ok: false, problems };
  return { ok: true, value: { email, organisationId, role } };
}
