import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gridToCases, policyTable, scopeTable } from '../../../test/helpers/policy-table.js';
import { type Actor, anonymous, type ProfessionalRole, userActor } from '../../shared/policy/actor.js';
import { professionalAccountScopes } from './professionals.policy.js';

/*
 * Invitations, professional account activation, organisation verification and the admin area as tables: every
 * actor kind × action × state (own or other organisation, pending or active, with or without a second factor).
 * The actors are built by userActor, the same function that builds them from a session.
 */

const professional = (userId: string, organisationId: string, role: ProfessionalRole, active = true) =>
  userActor({ userId, kind: 'professional', hasSecondFactor: true, professional: { organisationId, role, active } });

const actors: Record<string, Actor> = {
  anonymous,
  parent: userActor({ userId: 'p1', kind: 'parent', hasSecondFactor: false }),
  admin: userActor({ userId: 'a1', kind: 'admin', hasSecondFactor: true }),
  adminWithoutSecondFactor: userActor({ userId: 'a2', kind: 'admin', hasSecondFactor: false }),
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
  // Roles beside care and police: none of them approves colleagues (only the organisation's coordinator does).
  veiligThuis: professional('vt1', 'org1', 'veilig-thuis'),
  jeugdbescherming: professional('gi1', 'org1', 'jeugdbescherming'),
  raad: professional('rk1', 'org1', 'raad'),
  school: professional('s1', 'org1', 'school'),
  gp: professional('h1', 'org1', 'gp'),
  /** The professional whose account the resources below mostly are: second factor set, waiting. */
  owner: professional('x1', 'org1', 'care', false),
  ownerWithoutSecondFactor: userActor({
    userId: 'x1',
    kind: 'professional',
    hasSecondFactor: false,
    professional: { organisationId: 'org1', role: 'care', active: false },
  }),
};
const everyone = Object.keys(actors);

test('userActor: rights only with a second factor, and for professionals only once activated', () => {
  assert.deepEqual(actors.adminWithoutSecondFactor, {
    kind: 'user',
    userId: 'a2',
    roles: [],
    mustSetUpSecondFactor: true,
  });
  assert.deepEqual(actors.ownerWithoutSecondFactor, {
    kind: 'user',
    userId: 'x1',
    roles: [],
    mustSetUpSecondFactor: true,
  });
  assert.deepEqual(actors.owner, { kind: 'user', userId: 'x1', roles: [] });
  assert.deepEqual(actors.coordinator, {
    kind: 'user',
    userId: 'c1',
    roles: ['professional'],
    membership: { organisationId: 'org1', roles: ['coordinator'] },
  });
  assert.deepEqual(userActor({ userId: 'p9', kind: 'parent', hasSecondFactor: false }), {
    kind: 'user',
    userId: 'p9',
    roles: ['parent'],
  });
});

policyTable(
  'professionalAccount',
  actors,
  {
    pendingOwnOrganisation: { userId: 'x1', organisationId: 'org1', status: 'pending' },
    activeOwnOrganisation: { userId: 'x1', organisationId: 'org1', status: 'active' },
    pendingOtherOrganisation: { userId: 'x1', organisationId: 'org2', status: 'pending' },
    pendingOfTheCoordinator: { userId: 'c1', organisationId: 'org1', status: 'pending' },
    pendingOfTheAdmin: { userId: 'a1', organisationId: 'org1', status: 'pending' },
  },
  ['view', 'approve', 'approveAsAdmin'],
  gridToCases<'professionalAccount'>(everyone, {
    view: {
      pendingOwnOrganisation: ['admin', 'coordinator', 'owner'],
      activeOwnOrganisation: ['admin', 'coordinator', 'owner'],
      pendingOtherOrganisation: ['admin', 'coordinatorOtherOrganisation', 'owner'],
      pendingOfTheCoordinator: ['admin', 'coordinator'],
      pendingOfTheAdmin: ['admin', 'coordinator'],
    },
    approve: {
      pendingOwnOrganisation: ['admin', 'coordinator'],
      activeOwnOrganisation: [],
      pendingOtherOrganisation: ['admin', 'coordinatorOtherOrganisation'],
      // Nobody approves their own account.
      pendingOfTheCoordinator: ['admin'],
      pendingOfTheAdmin: ['coordinator'],
    },
    // The approval that counts as an admin's, which activation needs at least once.
    approveAsAdmin: {
      pendingOwnOrganisation: ['admin'],
      activeOwnOrganisation: [],
      pendingOtherOrganisation: ['admin'],
      pendingOfTheCoordinator: ['admin'],
      pendingOfTheAdmin: [],
    },
  }),
);

// The list of accounts is narrowed in SQL by this scope: it must let through exactly what the view rule allows.
scopeTable('professionalAccount', 'view', actors, professionalAccountScopes.view, {
  pendingOwnOrganisation: { userId: 'x1', organisationId: 'org1', status: 'pending' },
  activeOwnOrganisation: { userId: 'x1', organisationId: 'org1', status: 'active' },
  pendingOtherOrganisation: { userId: 'x1', organisationId: 'org2', status: 'pending' },
  pendingOfTheCoordinator: { userId: 'c1', organisationId: 'org1', status: 'pending' },
  pendingOfTheAdmin: { userId: 'a1', organisationId: 'org1', status: 'pending' },
  pendingOfSomeoneElse: { userId: 'z9', organisationId: 'org3', status: 'pending' },
});

policyTable(
  'coordinatorArea',
  actors,
  { organisatie: { area: 'organisatie' } },
  ['enter'],
  gridToCases<'coordinatorArea'>(everyone, { enter: { organisatie: ['coordinator', 'coordinatorOtherOrganisation'] } }),
);

policyTable(
  'invitation',
  actors,
  { open: { state: 'open' }, used: { state: 'used' }, revoked: { state: 'revoked' }, expired: { state: 'expired' } },
  ['create', 'view', 'revoke', 'accept'],
  gridToCases<'invitation'>(everyone, {
    create: { open: ['admin'], used: ['admin'], revoked: ['admin'], expired: ['admin'] },
    view: { open: ['admin'], used: ['admin'], revoked: ['admin'], expired: ['admin'] },
    revoke: { open: ['admin'], used: [], revoked: [], expired: [] },
    accept: { open: everyone, used: [], revoked: [], expired: [] },
  }),
);

policyTable(
  'organisationVerification',
  actors,
  { unverified: { verified: false }, verified: { verified: true } },
  ['view', 'approve'],
  gridToCases<'organisationVerification'>(everyone, {
    view: { unverified: ['admin'], verified: ['admin'] },
    approve: { unverified: ['admin'], verified: [] },
  }),
);

policyTable(
  'adminArea',
  actors,
  { beheer: { area: 'beheer' } },
  ['enter'],
  gridToCases<'adminArea'>(everyone, { enter: { beheer: ['admin'] } }),
);

policyTable(
  'account',
  actors,
  { ofTheOwner: { userId: 'x1' }, ofTheCoordinator: { userId: 'c1' }, ofTheSecondAdmin: { userId: 'a2' } },
  ['use', 'setUpSecondFactor'],
  gridToCases<'account'>(everyone, {
    // Without a second factor an admin or professional may only set one up.
    use: { ofTheOwner: ['owner'], ofTheCoordinator: ['coordinator'], ofTheSecondAdmin: [] },
    setUpSecondFactor: {
      ofTheOwner: ['owner', 'ownerWithoutSecondFactor'],
      ofTheCoordinator: ['coordinator'],
      ofTheSecondAdmin: ['adminWithoutSecondFactor'],
    },
  }),
);

policyTable(
  'accountSession',
  actors,
  { ofTheOwner: { userId: 'x1' }, ofTheSecondAdmin: { userId: 'a2' } },
  ['view', 'end', 'extend'],
  gridToCases<'accountSession'>(everyone, {
    view: { ofTheOwner: ['owner'], ofTheSecondAdmin: [] },
    end: { ofTheOwner: ['owner'], ofTheSecondAdmin: [] },
    // Staying logged in while a second factor is set up.
    extend: { ofTheOwner: ['owner', 'ownerWithoutSecondFactor'], ofTheSecondAdmin: ['adminWithoutSecondFactor'] },
  }),
);
