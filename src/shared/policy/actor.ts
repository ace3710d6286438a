/**
 * Who is acting. An anonymous visitor, or a signed-in user whose rights are its roles. Admins and professionals
 * hold no roles until they have a second factor; professionals also not until two people have activated them.
 */
export type Role = 'parent' | 'professional' | 'admin' | 'young' | 'editor' | 'reviewer';

/**
 * What a professional does at their organisation (one account, one organisation). 'coordinator' is the
 * coordinator at the organisation: besides care work, they approve their colleagues' activation. The others
 * name the kind of work: Veilig Thuis, a jeugdbeschermer of a gecertificeerde instelling, the Raad voor de
 * Kinderbescherming, a school, a GP (huisarts). Which case roles each may take: cases.types.ts caseRoleFits.
 */
export const professionalRoles = [
  'care',
  'police',
  'coordinator',
  'veilig-thuis',
  'jeugdbescherming',
  'raad',
  'school',
  'gp',
] as const;
export type ProfessionalRole = (typeof professionalRoles)[number];

/** Where an active professional works and as what: the facts rules about organisations compare against. */
export interface Membership {
  organisationId: string;
  roles: readonly ProfessionalRole[];
}

export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      userId: string;
      roles: readonly Role[];
      /** Set only for an active professional with a second factor (together with the role 'professional'). */
      membership?: Membership;
      /** A second factor is mandatory for this account and missing: it may do nothing but set one up. */
      mustSetUpSecondFactor?: true;
    };

export const anonymous: Actor = { kind: 'anonymous' };

export function hasRole(actor: Actor, role: Role): boolean {
  return actor.kind === 'user' && actor.roles.includes(role);
}

/**
 * The kind of account, as stored (src/shared/db/schema.ts UsersTable.role). 'young': a child of 12 or older invited
 * into a case by a professional of it (ADR 0030); no journal, no diary, no professional rights.
 */
export type AccountKind = 'parent' | 'professional' | 'admin' | 'young' | 'editor' | 'reviewer';

/**
 * The editorial roles of the CMS (/beheer, ADR 0033): an editor writes drafts and sends them for review; a reviewer
 * also reviews and publishes changes made by someone else; an admin may do both and everything only admins may.
 */
export const editorialRoles = ['editor', 'reviewer', 'admin'] as const satisfies readonly Role[];
export type EditorialRole = (typeof editorialRoles)[number];

/** Signed in with one of the editorial roles (which exist only with a second factor, see userActor). */
export function editorialRoleOf(actor: Actor): EditorialRole | undefined {
  if (actor.kind !== 'user') return undefined;
  if (actor.roles.includes('admin')) return 'admin';
  if (actor.roles.includes('reviewer')) return 'reviewer';
  if (actor.roles.includes('editor')) return 'editor';
  return undefined;
}

/** What the accounts feature knows about a signed-in user, to decide the actor. */
export interface UserFacts {
  userId: string;
  kind: AccountKind;
  /** TOTP or a passkey: the one check for "has a second factor". */
  hasSecondFactor: boolean;
  /** A professional's organisation, role and whether four eyes have activated the account. */
  professional?: { organisationId: string; role: ProfessionalRole; active: boolean } | undefined;
}

/** Parents and young people may add a second factor; for admins and professionals it comes before anything else. */
const secondFactorRequired = (kind: AccountKind): boolean => kind !== 'parent' && kind !== 'young';

/**
 * The actor for a signed-in user. The single place where a missing second factor and a pending activation take
 * rights away: an admin or professional without a second factor gets no roles and the set-up restriction; a
 * professional without activation gets no roles.
 */
export function userActor(facts: UserFacts): Actor {
  const base = { kind: 'user' as const, userId: facts.userId };
  if (secondFactorRequired(facts.kind) && !facts.hasSecondFactor) {
    return { ...base, roles: [], mustSetUpSecondFactor: true };
  }
  if (facts.kind === 'professional') {
    const professional = facts.professional;
    if (professional === undefined || !professional.active) return { ...base, roles: [] };
    return {
      ...base,
      roles: ['professional'],
      membership: { organisationId: professional.organisationId, roles: [professional.role] },
    };
  }
  return { ...base, roles: [facts.kind] };
}

/** The actor's membership when it is an active professional with a second factor. */
export function membershipOf(actor: Actor): Membership | undefined {
  return actor.kind === 'user' && actor.roles.includes('professional') ? actor.membership : undefined;
}

/** An active coordinator of this organisation. */
export function isCoordinatorOf(actor: Actor, organisationId: string): boolean {
  const membership = membershipOf(actor);
  return membership?.organisationId === organisationId && membership.roles.includes('coordinator');
}

/** Signed in and free to act (no second factor owed). */
export function isUnrestrictedUser(actor: Actor): actor is Extract<Actor, { kind: 'user' }> {
  return actor.kind === 'user' && actor.mustSetUpSecondFactor !== true;
}
