import type { Actor } from '../../shared/policy/actor.js';

/** What a rule needs to know about a session. */
export interface SessionFacts {
  userId: string;
}

export const accountSessionPolicy = {
  /** People see and end their own sessions only. */
  view: (actor: Actor, session: SessionFacts): boolean => actor.kind === 'user' && actor.userId === session.userId,
  end: (actor: Actor, session: SessionFacts): boolean => actor.kind === 'user' && actor.userId === session.userId,
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
