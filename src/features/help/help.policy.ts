import { type Actor, editorialRoleOf, hasRole } from '../../shared/policy/actor.js';

/** What a rule needs to know about an organisation entry. */
export interface OrganisationFacts {
  verified: boolean;
}

export const organisationPolicy = {
  /**
   * A frightened parent must never be sent to a wrong number: entries whose facts are not verified are shown
   * to admins only (with a mark), until someone checks them.
   */
  view: (actor: Actor, organisation: OrganisationFacts): boolean => organisation.verified || hasRole(actor, 'admin'),
  edit: (actor: Actor, _organisation: OrganisationFacts): boolean => hasRole(actor, 'admin'),
  /** The list of organisations due for a check (/beheer/organisaties/controle): the editorial roles (ADR 0037). */
  listChecks: (actor: Actor, _organisation: OrganisationFacts): boolean => editorialRoleOf(actor) !== undefined,
};
