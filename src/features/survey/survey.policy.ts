import { type Actor, editorialRoleOf, hasRole, isUnrestrictedUser } from '../../shared/policy/actor.js';

/*
 * The parents' survey (ADR 0047). Being offered it, answering and declining are for a signed-in parent, and
 * answering or declining only while an offer is open in their session (once per offer). Reading and deciding on
 * the free texts is for reviewers and admins: a text is published in the figures only after a second person
 * (not its writer, who is anonymous) found it fit; editors write content but do not moderate parents' words.
 */

/** An offer as the rules see it: whether one is open in the actor's session. */
export interface SurveyOfferFacts {
  open: boolean;
}

/** A free text as the rules see it. */
export interface SurveyTextFacts {
  state: 'pending' | 'accepted';
}

const isParent = (actor: Actor): boolean => isUnrestrictedUser(actor) && hasRole(actor, 'parent');

const isModerator = (actor: Actor): boolean => {
  const role = editorialRoleOf(actor);
  return role === 'reviewer' || role === 'admin';
};

export const surveyPolicy = {
  /** May be offered the survey at all (whether an offer is due is the schedule's answer, ADR 0047). */
  offer: (actor: Actor, _offer: SurveyOfferFacts): boolean => isParent(actor),
  answer: (actor: Actor, offer: SurveyOfferFacts): boolean => isParent(actor) && offer.open,
  decline: (actor: Actor, offer: SurveyOfferFacts): boolean => isParent(actor) && offer.open,
};

export const surveyTextPolicy = {
  /** The moderation page: pending texts and the accepted ones. */
  read: (actor: Actor, _text: SurveyTextFacts): boolean => isModerator(actor),
  /** Accept (kept) or reject (deleted): a pending text only. */
  review: (actor: Actor, text: SurveyTextFacts): boolean => isModerator(actor) && text.state === 'pending',
};
