import { type Actor, hasRole, isCoordinatorOf } from '../../shared/policy/actor.js';
import { allOrganisations } from '../cases/case-measures.js';

/*
 * Who may see the figures per region of an organisation's cases (issue 18 point 4, ADR 0048): the coordinator of
 * that organisation (its lead, with a second factor) for their own organisation only; a platform admin (who has no
 * organisation) for every organisation together ('*') only. Anyone else — anonymous, a parent, a young person,
 * another professional role, an editor or reviewer — is refused, and so is a coordinator asking for another
 * organisation or for all of them.
 */

/** Whose figures: an organisation's id, or '*' for every organisation together. */
export interface OrganisationInsightsFacts {
  organisationId: string;
}

export const organisationInsightsPolicy = {
  view: (actor: Actor, facts: OrganisationInsightsFacts): boolean =>
    facts.organisationId === allOrganisations ? hasRole(actor, 'admin') : isCoordinatorOf(actor, facts.organisationId),
};
