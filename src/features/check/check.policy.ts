import type { Actor } from '../../shared/policy/actor.js';

/** What a rule needs to know about a check outcome. */
export interface CheckOutcomeFacts {
  level: string;
}

export const checkOutcomePolicy = {
  /** Anyone may take the check: no account, nothing stored. */
  take: (_actor: Actor, _outcome: CheckOutcomeFacts): boolean => true,
};
