import { gridToCases, policyTable } from '../../../test/helpers/policy-table.js';
import { type Actor, anonymous, type ProfessionalRole, userActor } from '../../shared/policy/actor.js';
import type { OrganisationInsightsFacts } from './organisation-insights.policy.js';

/*
 * organisationInsights.view as a table (ADR 0048): the coordinator of an organisation sees that organisation's
 * figures only; an admin sees every organisation together ('*') only; every other kind of user nothing. The
 * actors are built by userActor, as from a session.
 */

const professional = (userId: string, organisationId: string, role: ProfessionalRole, active = true) =>
  userActor({ userId, kind: 'professional', hasSecondFactor: true, professional: { organisationId, role, active } });

const actors: Record<string, Actor> = {
  anonymous,
  parent: userActor({ userId: 'p1', kind: 'parent', hasSecondFactor: false }),
  young: userActor({ userId: 'y1', kind: 'young', hasSecondFactor: false }),
  admin: userActor({ userId: 'a1', kind: 'admin', hasSecondFactor: true }),
  adminWithoutSecondFactor: userActor({ userId: 'a2', kind: 'admin', hasSecondFactor: false }),
  editor: userActor({ userId: 'e1', kind: 'editor', hasSecondFactor: true }),
  reviewer: userActor({ userId: 'r1', kind: 'reviewer', hasSecondFactor: true }),
  coordinator: professional('c1', 'org1', 'coordinator'),
  coordinatorOtherOrganisation: professional('c2', 'org2', 'coordinator'),
  pendingCoordinator: professional('c3', 'org1', 'coordinator', false),
  coordinatorWithoutSecondFactor: userActor({
    userId: 'c4',
    kind: 'professional',
    hasSecondFactor: false,
    professional: { organisationId: 'org1', role: 'coordinator', active: true },
  }),
  care: professional('k1', 'org1', 'care'),
  police: professional('po1', 'org1', 'police'),
  veiligThuis: professional('vt1', 'org1', 'veilig-thuis'),
  jeugdbescherming: professional('gi1', 'org1', 'jeugdbescherming'),
  raad: professional('rk1', 'org1', 'raad'),
  school: professional('s1', 'org1', 'school'),
  gp: professional('h1', 'org1', 'gp'),
};

const resources: Record<string, OrganisationInsightsFacts> = {
  ownOrganisation: { organisationId: 'org1' },
  otherOrganisation: { organisationId: 'org2' },
  unknownOrganisation: { organisationId: 'org9' },
  allOrganisations: { organisationId: '*' },
};

policyTable(
  'organisationInsights',
  actors,
  resources,
  ['view'],
  gridToCases<'organisationInsights'>(Object.keys(actors), {
    view: {
      ownOrganisation: ['coordinator'],
      otherOrganisation: ['coordinatorOtherOrganisation'],
      unknownOrganisation: [],
      allOrganisations: ['admin'],
    },
  }),
);
