import type { KeyRing } from '../../shared/auth/key-ring.js';
import type { CurrentSession } from '../../shared/auth/session.js';
import type { Actor } from '../../shared/policy/actor.js';

/** Who is acting, and the key ring of the account they act with (src/shared/auth/key-ring.ts). */
export interface JournalActor {
  actor: Actor;
  userId: string;
  /** The account's keys for this request: the journal opens the master and signing keys from here. */
  keys: KeyRing;
}

/**
 * The journal's view of a signed-in session (routes, tests, benches): its key ring, and the actor the policy
 * decides for — the request's where one is at hand, else the session's own.
 */
export function journalActorOf(
  session: Pick<CurrentSession, 'actor' | 'userId' | 'keys'>,
  actor: Actor = session.actor,
): JournalActor {
  return { actor, userId: session.userId, keys: session.keys };
}
