import { describe } from 'node:test';
import { gridToCases, policyTable } from '../../../test/helpers/policy-table.js';
import type { ActionOf } from '../../policies.js';
import { type Actor, anonymous, userActor } from '../../shared/policy/actor.js';
import type { TrustedPersonFacts } from './trusted-person.policy.js';

/*
 * The trusted-person rules as tables (ADR 0049): every actor × action × state of the arrangement. Only parents
 * take part; the owner names, removes, renews and refuses (refusing only while a request is open); the trusted
 * person asks when no request is open and uses a grant only once it is granted. Nobody else may do anything.
 */

const OWNER = '00000000-0000-4000-8000-00000000000a';
const TRUSTED = '00000000-0000-4000-8000-00000000000b';
const OTHER = '00000000-0000-4000-8000-00000000000c';

const actors: Record<string, Actor> = {
  anonymous,
  owner: userActor({ userId: OWNER, kind: 'parent', hasSecondFactor: false }),
  trusted: userActor({ userId: TRUSTED, kind: 'parent', hasSecondFactor: false }),
  otherParent: userActor({ userId: OTHER, kind: 'parent', hasSecondFactor: false }),
  // The same ids as owner and trusted person, but accounts of another kind: their kind decides.
  professionalAsOwner: userActor({
    userId: OWNER,
    kind: 'professional',
    hasSecondFactor: true,
    professional: { organisationId: 'org', role: 'care', active: true },
  }),
  adminAsTrusted: userActor({ userId: TRUSTED, kind: 'admin', hasSecondFactor: true }),
  youngAsTrusted: userActor({ userId: TRUSTED, kind: 'young', hasSecondFactor: false }),
};
const actorNames = Object.keys(actors);

const state = (value: TrustedPersonFacts['state']): TrustedPersonFacts => ({
  ownerId: OWNER,
  trustedId: TRUSTED,
  ...(value === undefined ? {} : { state: value }),
});
const resources: Record<string, TrustedPersonFacts> = {
  none: state('none'),
  waiting: state('waiting'),
  granted: state('granted'),
  refused: state('refused'),
  // Naming oneself: the owner named as their own trusted person.
  self: { ownerId: OWNER, trustedId: OWNER, state: 'none' },
};

const all = { none: [], waiting: [], granted: [], refused: [], self: [] };
const always = (...who: string[]) => ({ none: who, waiting: who, granted: who, refused: who, self: who });
const grid: Record<ActionOf<'trustedPerson'>, Record<string, readonly string[]>> = {
  name: { ...always('owner'), self: [] },
  remove: always('owner'),
  renew: always('owner'),
  refuse: { ...all, waiting: ['owner'], granted: ['owner'] },
  request: { ...all, none: ['trusted'], refused: ['trusted'] },
  useGrant: { ...all, granted: ['trusted'] },
};

describe('trusted person rules', () => {
  policyTable(
    'trustedPerson',
    actors,
    resources,
    Object.keys(grid) as ActionOf<'trustedPerson'>[],
    gridToCases(actorNames, grid),
  );
  policyTable(
    'trustedPersonPage',
    actors,
    { own: { userId: OWNER }, trustedsOwn: { userId: TRUSTED } },
    ['view', 'offer'],
    gridToCases(actorNames, {
      view: { own: ['owner'], trustedsOwn: ['trusted'] },
      offer: { own: ['owner'], trustedsOwn: ['trusted'] },
    }),
  );
});
