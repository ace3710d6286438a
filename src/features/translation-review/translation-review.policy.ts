import { type Actor, editorialRoleOf } from '../../shared/policy/actor.js';

/*
 * The reviewers' marks on translations (ADR 0053). Every editorial role may see which pages are reviewed; only a
 * reviewer or an admin may mark a page reviewed or withdraw the mark, as only they publish (editorial.policy.ts).
 */

/** What a rule knows of a mark: the language and page it is about. */
export interface TranslationReviewFacts {
  language: string;
  page: string;
}

const reviews = (actor: Actor): boolean => {
  const role = editorialRoleOf(actor);
  return role === 'reviewer' || role === 'admin';
};

export const translationReviewPolicy = {
  /** The editors' page /beheer/vertalingen. */
  view: (actor: Actor, _mark: TranslationReviewFacts): boolean => editorialRoleOf(actor) !== undefined,
  markReviewed: (actor: Actor, _mark: TranslationReviewFacts): boolean => reviews(actor),
  withdrawMark: (actor: Actor, _mark: TranslationReviewFacts): boolean => reviews(actor),
};
