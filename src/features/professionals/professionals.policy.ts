import { type Actor, hasRole, isCoordinatorOf, isUnrestrictedUser, membershipOf } from '../../shared/policy/actor.js';
import { type Scope, scopeOfConditions } from '../../shared/policy/policy.js';

/*
 * Invitations, activation of professional accounts and verification of organisations. Admin rights exist only
 * with a second factor (see userActor), so `hasRole(actor, 'admin')` already means "an admin who may act".
 */

/** An invitation as the rules see it; the state is decided by the service with its clock. */
export interface InvitationFacts {
  state: 'open' | 'used' | 'revoked' | 'expired';
}

/** A professional account as the rules see it. */
export interface ProfessionalAccountFacts {
  userId: string;
  organisationId: string;
  status: 'pending' | 'active';
}

/** An organisation as its verification sees it. */
export interface OrganisationVerificationFacts {
  verified: boolean;
}

const isAdmin = (actor: Actor): boolean => hasRole(actor, 'admin');
const isSelf = (actor: Actor, userId: string): boolean => actor.kind === 'user' && actor.userId === userId;

export const invitationPolicy = {
  create: (actor: Actor, _invitation: InvitationFacts): boolean => isAdmin(actor),
  view: (actor: Actor, _invitation: InvitationFacts): boolean => isAdmin(actor),
  /** Only an invitation that can still be used can be withdrawn. */
  revoke: (actor: Actor, invitation: InvitationFacts): boolean => isAdmin(actor) && invitation.state === 'open',
  /** Whoever holds the link (it is the credential), while it is open. */
  accept: (_actor: Actor, invitation: InvitationFacts): boolean => invitation.state === 'open',
};

/**
 * One of the two approvals activation needs: an admin, or an active coordinator of the account's organisation;
 * never for one's own account, only while it waits. (That two different people approve, at least one an admin,
 * is checked when the approvals are counted.)
 */
const mayApprove = (actor: Actor, account: ProfessionalAccountFacts): boolean =>
  account.status === 'pending' &&
  !isSelf(actor, account.userId) &&
  (isAdmin(actor) || isCoordinatorOf(actor, account.organisationId));

export const professionalAccountPolicy = {
  /** Admins; the owner (once their second factor is set up); an active coordinator of the same organisation. */
  view: (actor: Actor, account: ProfessionalAccountFacts): boolean =>
    isAdmin(actor) ||
    (isUnrestrictedUser(actor) && actor.userId === account.userId) ||
    isCoordinatorOf(actor, account.organisationId),
  approve: mayApprove,
  /** An approval that counts as an admin's (activation needs at least one): an approval by an admin. */
  approveAsAdmin: (actor: Actor, account: ProfessionalAccountFacts): boolean =>
    mayApprove(actor, account) && isAdmin(actor),
};

/**
 * Which professional accounts an actor may view, as a condition for SQL (it agrees with the view rule): admins
 * all; the owner their own; an active coordinator those of their organisation.
 */
export const professionalAccountScopes = {
  view: (actor: Actor): Scope<'userId' | 'organisationId'> => {
    if (isAdmin(actor)) return 'all';
    const membership = membershipOf(actor);
    return scopeOfConditions<'userId' | 'organisationId'>(
      isUnrestrictedUser(actor) ? { userId: actor.userId } : undefined,
      membership !== undefined && isCoordinatorOf(actor, membership.organisationId)
        ? { organisationId: membership.organisationId }
        : undefined,
    );
  },
};

export const organisationVerificationPolicy = {
  view: (actor: Actor, _organisation: OrganisationVerificationFacts): boolean => isAdmin(actor),
  /** Two different admins verify an organisation; each approves an unverified one once. */
  approve: (actor: Actor, organisation: OrganisationVerificationFacts): boolean =>
    isAdmin(actor) && !organisation.verified,
};

/** The admin pages under /beheer (other than an admin's own set-up link): admins only, everyone else a 404. */
export interface AdminAreaFacts {
  area: 'beheer';
}

export const adminAreaPolicy = {
  enter: (actor: Actor, _area: AdminAreaFacts): boolean => isAdmin(actor),
};

/** The coordinator's page: an active coordinator of an organisation (with a second factor); for anyone else a 404. */
export interface CoordinatorAreaFacts {
  area: 'organisatie';
}

export const coordinatorAreaPolicy = {
  enter: (actor: Actor, _area: CoordinatorAreaFacts): boolean => {
    const membership = membershipOf(actor);
    return membership !== undefined && isCoordinatorOf(actor, membership.organisationId);
  },
};
