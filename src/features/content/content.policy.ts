import { type Actor, hasRole } from '../../shared/policy/actor.js';

/** What a rule needs to know about a content page. */
export interface ContentPageFacts {
  status: 'published' | 'draft';
}

const isEditor = (actor: Actor): boolean => hasRole(actor, 'editor') || hasRole(actor, 'admin');

export const contentPagePolicy = {
  /** Published pages are public; drafts are for editors only. */
  read: (actor: Actor, page: ContentPageFacts): boolean => page.status === 'published' || isEditor(actor),
  /** Anyone reading a published page may say whether it helped; drafts collect no feedback. */
  giveFeedback: (_actor: Actor, page: ContentPageFacts): boolean => page.status === 'published',
  edit: (actor: Actor, _page: ContentPageFacts): boolean => isEditor(actor),
};
