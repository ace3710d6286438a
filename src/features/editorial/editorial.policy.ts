import { type Actor, editorialRoleOf } from '../../shared/policy/actor.js';
import type { RevisionState } from './editorial.types.js';

/**
 * What a rule needs to know about a document's revision: its state ('none' before a document exists, for create)
 * who made it (a user id, or `import:files`), and everyone who saved text into it (its contributors: the author and
 * every later saver; the open draft is shared). Which revision a rule is asked about: the open one (draft or in
 * review) for edit, submit, publish, send back and withdraw; the latest one for startDraft (a published, retired
 * or withdrawn one: there is no open revision); the earlier one to restore for rollback.
 */
export interface EditorialFacts {
  state: RevisionState | 'none';
  authorId: string | null;
  contributorIds: readonly string[];
}

/** Facts before a document exists (create, and the CMS's `view`). */
export const noRevision: EditorialFacts = { state: 'none', authorId: null, contributorIds: [] };

const editorial = (actor: Actor): boolean => editorialRoleOf(actor) !== undefined;
const reviews = (actor: Actor): boolean => {
  const role = editorialRoleOf(actor);
  return role === 'reviewer' || role === 'admin';
};
const isAuthor = (actor: Actor, facts: EditorialFacts): boolean =>
  actor.kind === 'user' && facts.authorId !== null && actor.userId === facts.authorId;
/** The actor made the revision or saved text into it: their words are in it. */
const wroteIn = (actor: Actor, facts: EditorialFacts): boolean =>
  isAuthor(actor, facts) || (actor.kind === 'user' && facts.contributorIds.includes(actor.userId));

/**
 * The CMS's one rule set for every kind (issue 16, ADR 0033). Editors write drafts and send them for review;
 * reviewers and admins also review, and publish only what someone else made (four eyes). Everyone else: nothing
 * (the CMS pages are a 404 to them). Editorial roles exist only with a second factor (userActor).
 */
export const editorialDocumentPolicy = {
  view: (actor: Actor, _facts: EditorialFacts): boolean => editorial(actor),
  create: (actor: Actor, facts: EditorialFacts): boolean => editorial(actor) && facts.state === 'none',
  startDraft: (actor: Actor, facts: EditorialFacts): boolean =>
    editorial(actor) && (facts.state === 'published' || facts.state === 'retired' || facts.state === 'withdrawn'),
  /** The open draft is shared: anyone who may edit works on it (the edit number keeps saves from being lost). */
  edit: (actor: Actor, facts: EditorialFacts): boolean => editorial(actor) && facts.state === 'draft',
  submit: (actor: Actor, facts: EditorialFacts): boolean => editorial(actor) && facts.state === 'draft',
  /** Four eyes: a reviewer or admin who neither made the revision nor saved text into it. */
  publish: (actor: Actor, facts: EditorialFacts): boolean =>
    reviews(actor) && facts.state === 'in_review' && !wroteIn(actor, facts),
  sendBack: (actor: Actor, facts: EditorialFacts): boolean => reviews(actor) && facts.state === 'in_review',
  /** Giving up an open revision: its author, or a reviewer or admin. */
  withdraw: (actor: Actor, facts: EditorialFacts): boolean =>
    (facts.state === 'draft' || facts.state === 'in_review') &&
    (reviews(actor) || (editorial(actor) && isAuthor(actor, facts))),
  /** Restoring an earlier published text: a new revision in review, which a second person publishes. */
  rollback: (actor: Actor, facts: EditorialFacts): boolean =>
    reviews(actor) && (facts.state === 'published' || facts.state === 'retired'),
};

export type EditorialAction = keyof typeof editorialDocumentPolicy;
