import type { Actor } from '../../shared/policy/actor.js';
import { gridToCases, policyTable } from '../../../test/helpers/policy-table.js';
import type { FeedbackTextFacts } from './feedback.policy.js';

/*
 * Readers' texts: only the editorial roles (with their second factor) read, accept and discard them; a parent, a
 * professional, a young person, a visitor and an editor who owes a second factor do nothing with them.
 */

const actors: Record<string, Actor> = {
  anonymous: { kind: 'anonymous' },
  parent: { kind: 'user', userId: 'p1', roles: ['parent'] },
  professional: {
    kind: 'user',
    userId: 'c1',
    roles: ['professional'],
    membership: { organisationId: 'o1', roles: ['coordinator'] },
  },
  young: { kind: 'user', userId: 'y1', roles: ['young'] },
  editor: { kind: 'user', userId: 'e1', roles: ['editor'] },
  reviewer: { kind: 'user', userId: 'r1', roles: ['reviewer'] },
  admin: { kind: 'user', userId: 'a1', roles: ['admin'] },
  editorWithoutSecondFactor: { kind: 'user', userId: 'e2', roles: [], mustSetUpSecondFactor: true },
};

const resources: Record<string, FeedbackTextFacts> = {
  pending: { state: 'pending' },
  accepted: { state: 'accepted' },
};

const editorial = ['editor', 'reviewer', 'admin'];

policyTable(
  'feedbackText',
  actors,
  resources,
  ['read', 'accept', 'discard'],
  gridToCases<'feedbackText'>(Object.keys(actors), {
    read: { pending: editorial, accepted: editorial },
    accept: { pending: editorial, accepted: [] },
    discard: { pending: editorial, accepted: editorial },
  }),
);
