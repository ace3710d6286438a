import type { Actor } from '../../shared/policy/actor.js';

/** What a rule needs to know about a check outcome. */
export interface CheckOutcomeFacts {
  level: string;
}

export const checkOutcomePolicy = {
  /** Anyone may take the check: no account, nothing stored. */
  take: (_actor: Actor, _outcome: CheckOutcomeFacts): boolean => true,
  /**
   * Anyone may look up help from a check's result: counted only by day, advice level and veiligheidsregio, and
   * the level never goes into an address.
   */
  lookUpHelp: (_actor: Actor, _outcome: CheckOutcomeFacts): boolean => true,
};
