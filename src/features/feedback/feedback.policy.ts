import { type Actor, editorialRoleOf } from '../../shared/policy/actor.js';

/*
 * Readers' texts under "what was missing?" (ADR 0038). Giving one is decided by the page's own rules (the
 * reader may read it, it is published: contentPage.giveFeedback); what happens to a text afterwards is for the
 * editorial roles only (editor, reviewer, admin, each only with a second factor — see userActor). A pending text
 * is read by nobody else; everyone else gets a 404 for the editors' list, as for the rest of /beheer.
 */

/** A stored text as the rules see it. */
export interface FeedbackTextFacts {
  state: 'pending' | 'accepted';
}

const isEditorial = (actor: Actor): boolean => editorialRoleOf(actor) !== undefined;

export const feedbackTextPolicy = {
  /** The editors' list: accepted texts per page, and the moderation queue of pending ones. */
  read: (actor: Actor, _text: FeedbackTextFacts): boolean => isEditorial(actor),
  /** Only a pending text can be accepted (an accepted one stays accepted). */
  accept: (actor: Actor, text: FeedbackTextFacts): boolean => isEditorial(actor) && text.state === 'pending',
  /** Discarding deletes the text: a pending one from the queue, or an accepted one that should not have been. */
  discard: (actor: Actor, _text: FeedbackTextFacts): boolean => isEditorial(actor),
};
