import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { CaseActor } from '../../src/features/cases/cases.service.js';
import type { Database } from '../../src/shared/db/schema.js';
import type { ProfessionalRole } from '../../src/shared/policy/actor.js';
import { buildParentSession } from './factories.js';

/*
 * A professional as bare rows, for the case space's service tests: an account with keys (made like a parent's),
 * turned into a professional of an organisation of its own (by default verified, national and active).
 */

export interface ProfessionalSetup {
  /** false: the professional is still pending (no role, no membership). */
  active?: boolean;
  /** false: the organisation is not verified. */
  verified?: boolean;
  /** A veiligheidsregio code (VRnn): the organisation serves exactly that region instead of the whole country. */
  region?: string;
}

/** The organisation's `data` column: a bare national one, or one serving a single veiligheidsregio. */
function organisationData(slug: string, verified: boolean, region: string | undefined): string {
  if (region === undefined) return JSON.stringify({ slug, name: `Organisatie ${slug}`, verified });
  return JSON.stringify({
    slug,
    name: `Zorg ${region}`,
    kind: 'specialist-care',
    description: { nl: 'Zorg.', en: 'Care.' },
    area: { type: 'veiligheidsregio', codes: [region] },
    source: { publisher: 'Test', date: '2026' },
    verified,
  });
}

export async function makeProfessional(
  db: Kysely<Database>,
  accounts: Parameters<typeof buildParentSession>[0],
  role: ProfessionalRole,
  options: ProfessionalSetup = {},
): Promise<CaseActor> {
  const account = await buildParentSession(accounts);
  const organisationId = randomUUID();
  const slug = `org-${organisationId.slice(0, 8)}`;
  const verified = options.verified ?? true;
  await db
    .insertInto('organisations')
    .values({
      id: organisationId,
      slug,
      kind: 'specialist-care',
      data: organisationData(slug, verified, options.region),
      area_type: options.region === undefined ? 'national' : 'veiligheidsregio',
      verified: verified ? 1 : 0,
      updated_at: new Date().toISOString(),
    })
    .execute();
  const invitationId = randomUUID();
  await db
    .insertInto('professional_invitations')
    .values({
      id: invitationId,
      token_hash: randomUUID(),
      email: `${invitationId}@example.org`,
      organisation_id: organisationId,
      professional_role: role,
      police_unit: role === 'police' ? 'Noord-Nederland' : null,
      invited_by: account.userId,
      created_at: new Date().toISOString(),
      expires_at: new Date().toISOString(),
    })
    .execute();
  const active = options.active ?? true;
  await db
    .insertInto('professionals')
    .values({
      user_id: account.userId,
      organisation_id: organisationId,
      professional_role: role,
      police_unit: role === 'police' ? 'Noord-Nederland' : null,
      invitation_id: invitationId,
      status: active ? 'active' : 'pending',
      created_at: new Date().toISOString(),
      activated_at: null,
    })
    .execute();
  await db.updateTable('users').set({ role: 'professional' }).where('id', '=', account.userId).execute();
  return {
    actor: {
      kind: 'user',
      userId: account.userId,
      roles: active ? ['professional'] : [],
      ...(active && { membership: { organisationId, roles: [role] } }),
    },
    userId: account.userId,
    keys: account.session.keys,
  };
}
