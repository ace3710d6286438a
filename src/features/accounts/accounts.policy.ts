import { type Actor, isUnrestrictedUser } from '../../shared/policy/actor.js';

/** What a rule needs to know about a session. */
export interface SessionFacts {
  userId: string;
}

/** What a rule needs to know about an account: whose it is. */
export interface AccountFacts {
  userId: string;
}

const own = (actor: Actor, userId: string): boolean => actor.kind === 'user' && actor.userId === userId;

export const accountSessionPolicy = {
  /** People see and end their own sessions only, and only once any second factor they owe is set up. */
  view: (actor: Actor, session: SessionFacts): boolean => isUnrestrictedUser(actor) && actor.userId === session.userId,
  end: (actor: Actor, session: SessionFacts): boolean => isUnrestrictedUser(actor) && actor.userId === session.userId,
  /** "Stay logged in": one's own session, also while a second factor is being set up (that takes a while). */
  extend: (actor: Actor, session: SessionFacts): boolean => own(actor, session.userId),
};

export const accountPolicy = {
  /** The account page and its actions (passphrase, e-mail, data): the owner, once no second factor is owed. */
  use: (actor: Actor, account: AccountFacts): boolean => isUnrestrictedUser(actor) && actor.userId === account.userId,
  /** Setting up a second factor: the owner, always (for admins and professionals it is the only thing they may do). */
  setUpSecondFactor: (actor: Actor, account: AccountFacts): boolean => own(actor, account.userId),
};

/** What a rule needs to know about a passkey. */
export interface PasskeyFacts {
  userId: string;
}

export const passkeyPolicy = {
  /**
   * People see, add and remove their own passkeys only (for add, the facts name the account it is added to). No role is needed: an admin without a second factor
   * holds no roles yet and must be able to add one.
   */
  view: (actor: Actor, passkey: PasskeyFacts): boolean => actor.kind === 'user' && actor.userId === passkey.userId,
  add: (actor: Actor, passkey: PasskeyFacts): boolean => actor.kind === 'user' && actor.userId === passkey.userId,
  remove: (actor: Actor, passkey: PasskeyFacts): boolean => actor.kind === 'user' && actor.userId === passkey.userId,
};
