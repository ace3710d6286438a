import type { Actor } from '../../shared/policy/actor.js';
import { gridToCases, policyTable } from '../../../test/helpers/policy-table.js';
import type { ContentPageFacts } from './content.policy.js';

const actors: Record<string, Actor> = {
  anonymous: { kind: 'anonymous' },
  parent: { kind: 'user', userId: 'p1', roles: ['parent'] },
  professional: { kind: 'user', userId: 'c1', roles: ['professional'] },
  admin: { kind: 'user', userId: 'a1', roles: ['admin'] },
};

const resources: Record<string, ContentPageFacts> = {
  published: { status: 'published' },
  draft: { status: 'draft' },
};

const everyone = Object.keys(actors);

policyTable(
  'contentPage',
  actors,
  resources,
  ['read', 'giveFeedback', 'edit'],
  gridToCases<'contentPage'>(everyone, {
    read: { published: everyone, draft: ['admin'] },
    giveFeedback: { published: everyone, draft: [] },
    edit: { published: ['admin'], draft: ['admin'] },
  }),
);
