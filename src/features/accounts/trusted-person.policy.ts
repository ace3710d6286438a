import { type Actor, hasRole, isUnrestrictedUser } from '../../shared/policy/actor.js';

/*
 * Rules for a trusted person as a way back in (ADR 0049). Only parents take part, on both sides: a parent names
 * another parent (who first gave them a code), asks for access as someone's trusted person, or refuses a request
 * made to their own account. Professionals, admins and young people hold no part in it.
 */

/** Where a request stands: none, waiting out the period, granted (period over, not refused), or refused. */
export type TrustedRequestState = 'none' | 'waiting' | 'granted' | 'refused';

/** What a rule needs to know: the owner, the trusted person (absent while naming) and the request's state. */
export interface TrustedPersonFacts {
  ownerId: string;
  trustedId?: string;
  state?: TrustedRequestState;
}

/** What a rule needs for one's own trusted-person page or code: whose it is. */
export interface TrustedPersonAccountFacts {
  userId: string;
}

const parent = (actor: Actor): actor is Extract<Actor, { kind: 'user' }> =>
  isUnrestrictedUser(actor) && hasRole(actor, 'parent');

const owner = (actor: Actor, facts: TrustedPersonFacts): boolean => parent(actor) && actor.userId === facts.ownerId;
const trusted = (actor: Actor, facts: TrustedPersonFacts): boolean =>
  parent(actor) &&
  facts.trustedId !== undefined &&
  facts.trustedId !== facts.ownerId &&
  actor.userId === facts.trustedId;

/** One's own trusted-person page and the code one offers. */
export const trustedPersonPagePolicy = {
  /** The page about one's own trusted person and the people who trust one. */
  view: (actor: Actor, facts: TrustedPersonAccountFacts): boolean => parent(actor) && actor.userId === facts.userId,
  /** A one-time code for a parent who wants to name one as trusted person. */
  offer: (actor: Actor, facts: TrustedPersonAccountFacts): boolean => parent(actor) && actor.userId === facts.userId,
};

/** An owner's arrangement with their trusted person, and its request. */
export const trustedPersonPolicy = {
  /** Naming (or replacing) one's trusted person: the owner, never oneself. */
  name: (actor: Actor, facts: TrustedPersonFacts): boolean => owner(actor, facts) && facts.trustedId !== facts.ownerId,
  /** Removing one's trusted person (the wrap goes), at any time. */
  remove: (actor: Actor, facts: TrustedPersonFacts): boolean => owner(actor, facts),
  /** Wrapping again for the trusted person's new keys (after their key rotation). */
  renew: (actor: Actor, facts: TrustedPersonFacts): boolean => owner(actor, facts),
  /** Refusing a request: the owner, while it waits or is granted and not yet used. */
  refuse: (actor: Actor, facts: TrustedPersonFacts): boolean =>
    owner(actor, facts) && (facts.state === 'waiting' || facts.state === 'granted'),
  /** Asking for access: the trusted person, when no request is open. */
  request: (actor: Actor, facts: TrustedPersonFacts): boolean =>
    trusted(actor, facts) && (facts.state === 'none' || facts.state === 'refused'),
  /** Using a granted request (a new recovery code for the owner): the trusted person, only once granted. */
  useGrant: (actor: Actor, facts: TrustedPersonFacts): boolean => trusted(actor, facts) && facts.state === 'granted',
};
