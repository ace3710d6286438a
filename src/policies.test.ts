import type { Actor } from './shared/policy/actor.js';
import { gridToCases, policyTable, scopeTable } from '../test/helpers/policy-table.js';
import { journalScopes } from './features/journal/journal.policy.js';

/*
 * Every rule of every resource as a table: each actor × action × resource state, so a changed rule or a new
 * role that is not thought through fails here. (The content page table lives beside its feature.)
 */

const actors: Record<string, Actor> = {
  anonymous: { kind: 'anonymous' },
  parent: { kind: 'user', userId: 'p1', roles: ['parent'] },
  otherParent: { kind: 'user', userId: 'p2', roles: ['parent'] },
  professional: { kind: 'user', userId: 'c1', roles: ['professional'] },
  admin: { kind: 'user', userId: 'a1', roles: ['admin'] },
  adminWithoutSecondFactor: { kind: 'user', userId: 'a2', roles: [] },
};
const everyone = Object.keys(actors);
const admins = ['admin'];

policyTable(
  'accountSession',
  actors,
  { ownedByParent: { userId: 'p1' }, ownedByAdmin: { userId: 'a1' } },
  ['view', 'end', 'extend'],
  gridToCases<'accountSession'>(everyone, {
    view: { ownedByParent: ['parent'], ownedByAdmin: ['admin'] },
    end: { ownedByParent: ['parent'], ownedByAdmin: ['admin'] },
    extend: { ownedByParent: ['parent'], ownedByAdmin: ['admin'] },
  }),
);

policyTable(
  'passkey',
  actors,
  {
    ownedByParent: { userId: 'p1' },
    ownedByAdmin: { userId: 'a1' },
    ownedByAdminWithoutSecondFactor: { userId: 'a2' },
  },
  ['view', 'add', 'remove'],
  gridToCases<'passkey'>(everyone, {
    view: {
      ownedByParent: ['parent'],
      ownedByAdmin: ['admin'],
      ownedByAdminWithoutSecondFactor: ['adminWithoutSecondFactor'],
    },
    add: {
      ownedByParent: ['parent'],
      ownedByAdmin: ['admin'],
      ownedByAdminWithoutSecondFactor: ['adminWithoutSecondFactor'],
    },
    remove: {
      ownedByParent: ['parent'],
      ownedByAdmin: ['admin'],
      ownedByAdminWithoutSecondFactor: ['adminWithoutSecondFactor'],
    },
  }),
);

policyTable(
  'organisation',
  actors,
  { verified: { verified: true }, unverified: { verified: false } },
  ['view', 'edit', 'listChecks'],
  gridToCases<'organisation'>(everyone, {
    view: { verified: everyone, unverified: admins },
    edit: { verified: admins, unverified: admins },
    // The editorial roles (editor, reviewer: organisation-kind.test.ts) and admins with a second factor.
    listChecks: { verified: admins, unverified: admins },
  }),
);

policyTable(
  'checkOutcome',
  actors,
  { outcome: { level: 'vraag-advies' } },
  ['take', 'lookUpHelp'],
  gridToCases<'checkOutcome'>(everyone, {
    take: { outcome: everyone },
    lookUpHelp: { outcome: everyone },
  }),
);

// The journal and the private diary belong to one parent: nobody else, not even an admin, reads or writes them.
for (const type of ['journal', 'diaryNote'] as const) {
  const resources = {
    ownedByParent: { ownerId: 'p1' },
    ownedByAdmin: { ownerId: 'a1' },
    ownedByProfessional: { ownerId: 'c1' },
  };
  const ownerOnly = { ownedByParent: ['parent'], ownedByAdmin: [], ownedByProfessional: [] };
  if (type === 'journal') {
    policyTable(
      'journal',
      actors,
      resources,
      ['view', 'write', 'export'],
      gridToCases<'journal'>(everyone, { view: ownerOnly, write: ownerOnly, export: ownerOnly }),
    );
    // A list of journals is narrowed in SQL by this scope: exactly the journals the view rule allows.
    scopeTable('journal', 'view', actors, journalScopes.view, resources);
  } else {
    policyTable(
      'diaryNote',
      actors,
      resources,
      ['view', 'create', 'delete'],
      gridToCases<'diaryNote'>(everyone, { view: ownerOnly, create: ownerOnly, delete: ownerOnly }),
    );
  }
}
