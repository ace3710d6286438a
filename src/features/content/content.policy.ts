import { type Actor, hasRole } from '../../shared/policy/actor.js';

/** What a rule needs to know about a content page. */
export interface ContentPageFacts {
  status: 'published' | 'draft';
}

export const contentPagePolicy = {
  /** Published pages are public; drafts are for admins only (they maintain the content). */
  read: (actor: Actor, page: ContentPageFacts): boolean => page.status === 'published' || hasRole(actor, 'admin'),
  /** Anyone reading a published page may say whether it helped; drafts collect no feedback. */
  giveFeedback: (_actor: Actor, page: ContentPageFacts): boolean => page.status === 'published',
  edit: (actor: Actor, _page: ContentPageFacts): boolean => hasRole(actor, 'admin'),
};
