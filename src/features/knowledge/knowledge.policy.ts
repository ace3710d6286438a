import { type Actor, editorialRoleOf, hasRole } from '../../shared/policy/actor.js';

/** What a rule needs to know about a knowledge article. */
export interface KnowledgeArticleFacts {
  status: 'published' | 'draft';
  /** 'professionals': only for signed-in, active professionals (ADR 0035). */
  visibility: 'public' | 'professionals';
}

/**
 * Knowledge articles (ADR 0035). A public published article is for everyone. An article marked for professionals
 * is read only by an active professional (the role exists only with a second factor and after four-eyes
 * activation) and by the editorial roles; for everyone else it does not exist (a 404, and not listed). Drafts
 * (front matter `draft: true`) only for the editorial roles.
 */
export const knowledgeArticlePolicy = {
  read: (actor: Actor, article: KnowledgeArticleFacts): boolean => {
    if (editorialRoleOf(actor) !== undefined) return true;
    if (article.status !== 'published') return false;
    return article.visibility === 'public' || hasRole(actor, 'professional');
  },
};
