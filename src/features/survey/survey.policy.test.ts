import type { Actor } from '../../shared/policy/actor.js';
import { gridToCases, policyTable } from '../../../test/helpers/policy-table.js';
import type { SurveyOfferFacts, SurveyTextFacts } from './survey.policy.js';

/*
 * The parents' survey (ADR 0047): only a parent is offered it, and answers or declines only with an offer open in
 * their session; only reviewers and admins read and decide on the texts (not editors, nobody who owes a second
 * factor, no parent, professional, young person or visitor).
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

const offers: Record<string, SurveyOfferFacts> = {
  open: { open: true },
  none: { open: false },
};

policyTable(
  'survey',
  actors,
  offers,
  ['offer', 'answer', 'decline'],
  gridToCases<'survey'>(Object.keys(actors), {
    offer: { open: ['parent'], none: ['parent'] },
    answer: { open: ['parent'], none: [] },
    decline: { open: ['parent'], none: [] },
  }),
);

const texts: Record<string, SurveyTextFacts> = {
  pending: { state: 'pending' },
  accepted: { state: 'accepted' },
};

policyTable(
  'surveyText',
  actors,
  texts,
  ['read', 'review'],
  gridToCases<'surveyText'>(Object.keys(actors), {
    read: { pending: ['reviewer', 'admin'], accepted: ['reviewer', 'admin'] },
    review: { pending: ['reviewer', 'admin'], accepted: [] },
  }),
);
