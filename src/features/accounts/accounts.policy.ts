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
