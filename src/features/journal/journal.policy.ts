import { type Actor, hasRole } from '../../shared/policy/actor.js';
import type { Scope } from '../../shared/policy/policy.js';

/** What a rule needs to know about a journal or a diary note: whose it is. */
export interface OwnedFacts {
  ownerId: string;
}

/** Only the parent who owns it: no admin, professional or other parent reads or writes a journal. */
const owner = (actor: Actor, facts: OwnedFacts): boolean =>
  actor.kind === 'user' && hasRole(actor, 'parent') && actor.userId === facts.ownerId;

export const journalPolicy = {
  view: owner,
  write: owner,
  /** Making, watching and taking an export bundle of the journal (for the police): its parent only. */
  export: owner,
};

/** The private diary is never shared: the same rule, kept apart so no sharing rule can ever be added to it by accident. */
export const diaryNotePolicy = {
  view: owner,
  create: owner,
  delete: owner,
};

/** Which journals an actor may view, for a list of journals: a parent their own, anyone else none. */
export const journalScopes = {
  view: (actor: Actor): Scope<'ownerId'> =>
    actor.kind === 'user' && hasRole(actor, 'parent') ? { anyOf: [{ ownerId: actor.userId }] } : 'none',
};
