import type { Actor } from '../../shared/policy/actor.js';
import { gridToCases, policyTable } from '../../../test/helpers/policy-table.js';
import type { KnowledgeArticleFacts } from './knowledge.policy.js';

/* Who reads which knowledge article (ADR 0035): every actor × published/draft × public/professionals only. */

const actors: Record<string, Actor> = {
  anonymous: { kind: 'anonymous' },
  parent: { kind: 'user', userId: 'p1', roles: ['parent'] },
  young: { kind: 'user', userId: 'y1', roles: ['young'] },
  pendingProfessional: { kind: 'user', userId: 'c0', roles: [] },
  professionalWithoutSecondFactor: { kind: 'user', userId: 'c2', roles: [], mustSetUpSecondFactor: true },
  professional: {
    kind: 'user',
    userId: 'c1',
    roles: ['professional'],
    membership: { organisationId: 'o1', roles: ['school'] },
  },
  editor: { kind: 'user', userId: 'e1', roles: ['editor'] },
  reviewer: { kind: 'user', userId: 'r1', roles: ['reviewer'] },
  admin: { kind: 'user', userId: 'a1', roles: ['admin'] },
};

const resources: Record<string, KnowledgeArticleFacts> = {
  public: { status: 'published', visibility: 'public' },
  professionalsOnly: { status: 'published', visibility: 'professionals' },
  publicDraft: { status: 'draft', visibility: 'public' },
  professionalsDraft: { status: 'draft', visibility: 'professionals' },
};

const everyone = Object.keys(actors);
const editorial = ['editor', 'reviewer', 'admin'];

policyTable(
  'knowledgeArticle',
  actors,
  resources,
  ['read'],
  gridToCases<'knowledgeArticle'>(everyone, {
    read: {
      public: everyone,
      professionalsOnly: ['professional', ...editorial],
      publicDraft: editorial,
      professionalsDraft: editorial,
    },
  }),
);
