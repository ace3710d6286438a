import type { Actor } from '../../shared/policy/actor.js';
import { gridToCases, policyTable } from '../../../test/helpers/policy-table.js';
import type { TranslationReviewFacts } from './translation-review.policy.js';

/*
 * The reviewers' marks on translations (ADR 0053): every editorial role sees them; only a reviewer or an admin
 * marks a page reviewed or withdraws the mark (not an editor, nobody who owes a second factor, no parent,
 * professional, young person or visitor).
 */

const actors: Record<string, Actor> = {
  anonymous: { kind: 'anonymous' },
  parent: { kind: 'user', userId: 'p1', roles: ['parent'] },
  professional: {
    kind: 'user',
    userId: 'c1',
    roles: ['professional'],
    membership: { organisationId: 'o1', roles: ['care'] },
  },
  young: { kind: 'user', userId: 'y1', roles: ['young'] },
  editor: { kind: 'user', userId: 'e1', roles: ['editor'] },
  reviewer: { kind: 'user', userId: 'r1', roles: ['reviewer'] },
  admin: { kind: 'user', userId: 'a1', roles: ['admin'] },
  reviewerWithoutSecondFactor: { kind: 'user', userId: 'r2', roles: [], mustSetUpSecondFactor: true },
};

const marks: Record<string, TranslationReviewFacts> = {
  frame: { language: 'ar', page: 'frame' },
  contentPage: { language: 'makkelijk', page: '/informatie/signalen' },
};

policyTable(
  'translationReview',
  actors,
  marks,
  ['view', 'markReviewed', 'withdrawMark'],
  gridToCases<'translationReview'>(Object.keys(actors), {
    view: { frame: ['editor', 'reviewer', 'admin'], contentPage: ['editor', 'reviewer', 'admin'] },
    markReviewed: { frame: ['reviewer', 'admin'], contentPage: ['reviewer', 'admin'] },
    withdrawMark: { frame: ['reviewer', 'admin'], contentPage: ['reviewer', 'admin'] },
  }),
);
