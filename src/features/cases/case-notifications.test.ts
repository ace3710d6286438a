import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  defaultFrequency,
  isNotifiedKind,
  type NotifiedCaseFacts,
  type NotifiedEvent,
  type NotifiedMember,
  type NotifiedRole,
  notifiedKinds,
  recipientsOf,
} from './case-notifications.js';
import { caseModes, memberStates } from './cases.types.js';

/*
 * The notification rule as properties over random cases: members of every role (the young member's too) in every
 * state, invited by one another, events of every kind in every compartment, with and without "risk in the
 * family". The expectations say what must never happen (a notice to someone who may not read the event) and what
 * must happen (everyone a message is for hears of it).
 */

const roles: readonly NotifiedRole[] = [
  'parent',
  'care',
  'coordinator',
  'veilig-thuis',
  'jeugdbeschermer',
  'raad',
  'police',
  'observer',
  'young',
];
const professional = (role: NotifiedRole) => role !== 'parent' && role !== 'young';
const working = (role: NotifiedRole) => professional(role) && role !== 'observer';

const ids = ['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7'];

const membersArbitrary: fc.Arbitrary<NotifiedMember[]> = fc
  .array(
    fc.record({
      role: fc.constantFrom(...roles),
      state: fc.constantFrom(...memberStates),
      invitedBy: fc.option(fc.constantFrom(...ids), { nil: null }),
    }),
    { minLength: 1, maxLength: ids.length },
  )
  .map((rows) =>
    rows.map((row, index) => ({
      memberId: ids[index]!,
      role: row.role,
      state: row.state,
      invitedByMemberId: row.invitedBy === ids[index] ? null : row.invitedBy,
    })),
  );

const kindArbitrary = fc.constantFrom(...notifiedKinds, 'member.invited', 'risk.confirmed', 'entries.shared', 'x.y');

const compartmentArbitrary = fc.oneof(
  fc.constantFrom('members', 'professionals', 'elsewhere'),
  fc.constantFrom(...ids).map((id) => `share:${id}`),
  fc.constantFrom(...ids).map((id) => `young:${id}`),
);

const assigneeArbitrary = fc.oneof(
  fc.constant(null),
  fc.constantFrom(...ids).map((memberId) => ({ memberId })),
  fc.constantFrom(...roles).map((role) => ({ role })),
);

const eventArbitrary: fc.Arbitrary<NotifiedEvent> = fc.record({
  kind: kindArbitrary,
  compartment: compartmentArbitrary,
  actorMemberId: fc.option(fc.constantFrom(...ids), { nil: null }),
  subjectMemberId: fc.option(fc.constantFrom(...ids), { nil: null }),
  hideOnRisk: fc.boolean(),
  assignee: assigneeArbitrary,
});

const factsArbitrary: fc.Arbitrary<NotifiedCaseFacts> = fc.record({
  mode: fc.constantFrom(...caseModes),
  riskConfirmed: fc.boolean(),
});

/** Checks `property` for every recipient of random events in random cases. */
function everyRecipient(
  property: (
    member: NotifiedMember,
    event: NotifiedEvent,
    facts: NotifiedCaseFacts,
    members: NotifiedMember[],
  ) => boolean,
): void {
  fc.assert(
    fc.property(membersArbitrary, eventArbitrary, factsArbitrary, (members, event, facts) => {
      for (const id of recipientsOf(event, facts, members)) {
        const member = members.find((candidate) => candidate.memberId === id);
        assert.ok(member !== undefined, 'a recipient is a member of the case');
        assert.ok(
          property(member, event, facts, members),
          `${member.role}/${member.state} told of ${JSON.stringify(event)}`,
        );
      }
    }),
    { numRuns: 3000 },
  );
}

describe('who is told of a case event', () => {
  test('only active members, never the one who did it, each once', () => {
    everyRecipient((member, event) => member.state === 'active' && member.memberId !== event.actorMemberId);
    fc.assert(
      fc.property(membersArbitrary, eventArbitrary, factsArbitrary, (members, event, facts) => {
        const recipients = recipientsOf(event, facts, members);
        assert.equal(new Set(recipients).size, recipients.length);
      }),
    );
  });

  test('never a parent in a professional-only case, nor about what "risk in the family" hides', () => {
    everyRecipient((member, _event, facts) => member.role !== 'parent' || facts.mode === 'with-parents');
    everyRecipient((member, event, facts) => member.role !== 'parent' || !(event.hideOnRisk && facts.riskConfirmed));
  });

  test('only readers of the compartment: members, working professionals, a share, a young member’s channel', () => {
    everyRecipient((member, event, _facts, members) => {
      const compartment = event.compartment;
      if (compartment === 'members') return member.role !== 'young';
      if (compartment === 'professionals') return working(member.role);
      if (compartment.startsWith('share:')) {
        return working(member.role) || (member.role === 'parent' && compartment === `share:${member.memberId}`);
      }
      if (compartment.startsWith('young:')) {
        const young = members.find((candidate) => `young:${candidate.memberId}` === compartment);
        return (
          young?.role === 'young' &&
          (member.memberId === young.memberId || (young.invitedByMemberId === member.memberId && working(member.role)))
        );
      }
      return false;
    });
  });

  test('a young member hears only of their own channel; a parent never of it', () => {
    everyRecipient((member, event) => member.role !== 'young' || event.compartment === `young:${member.memberId}`);
    everyRecipient((member, event) => member.role !== 'parent' || !event.compartment.startsWith('young:'));
  });

  test('kinds nobody waits for tell nobody', () => {
    fc.assert(
      fc.property(membersArbitrary, eventArbitrary, factsArbitrary, (members, event, facts) => {
        if (!isNotifiedKind(event.kind)) assert.deepEqual(recipientsOf(event, facts, members), []);
      }),
    );
  });

  test('an agreement tells its assignee only; a join tells whoever can confirm it', () => {
    everyRecipient((member, event) => {
      if (!['agreement.made', 'agreement.changed', 'agreement.reopened'].includes(event.kind)) return true;
      const assignee = event.assignee ?? null;
      return (
        assignee !== null &&
        ('memberId' in assignee ? assignee.memberId === member.memberId : assignee.role === member.role)
      );
    });
    everyRecipient((member, event, _facts, members) => {
      if (event.kind !== 'young.joined') return true;
      const joined = members.find((candidate) => candidate.memberId === event.subjectMemberId);
      return joined?.invitedByMemberId === member.memberId && working(member.role);
    });
    everyRecipient((member, event, _facts, members) => {
      if (event.kind !== 'member.joined') return true;
      const joined = members.find((candidate) => candidate.memberId === event.subjectMemberId);
      return member.role === 'coordinator' || joined?.invitedByMemberId === member.memberId;
    });
  });

  test('everyone a message in the members’ channel is for hears of it', () => {
    fc.assert(
      fc.property(membersArbitrary, fc.constantFrom(...ids), (members, actor) => {
        const event: NotifiedEvent = {
          kind: 'message.posted',
          compartment: 'members',
          actorMemberId: actor,
          subjectMemberId: null,
          hideOnRisk: false,
        };
        const told = recipientsOf(event, { mode: 'with-parents', riskConfirmed: false }, members);
        const expected = members
          .filter((member) => member.state === 'active' && member.memberId !== actor && member.role !== 'young')
          .map((member) => member.memberId);
        assert.deepEqual(told, expected);
      }),
    );
  });

  test('a young person waiting to be confirmed: only the professional who invited them hears of it', () => {
    const members: NotifiedMember[] = [
      { memberId: 'p', role: 'parent', state: 'active', invitedByMemberId: null },
      { memberId: 'c', role: 'care', state: 'active', invitedByMemberId: 'p' },
      { memberId: 'k', role: 'coordinator', state: 'active', invitedByMemberId: 'p' },
      { memberId: 'y', role: 'young', state: 'accepted', invitedByMemberId: 'c' },
    ];
    const joined: NotifiedEvent = {
      kind: 'young.joined',
      compartment: 'young:y',
      actorMemberId: null,
      subjectMemberId: 'y',
      hideOnRisk: false,
    };
    assert.deepEqual(recipientsOf(joined, { mode: 'with-parents', riskConfirmed: true }, members), ['c']);
  });

  test('a young member’s message reaches the professional who invited them, and nobody else', () => {
    const members: NotifiedMember[] = [
      { memberId: 'p', role: 'parent', state: 'active', invitedByMemberId: null },
      { memberId: 'c', role: 'care', state: 'active', invitedByMemberId: 'p' },
      { memberId: 'k', role: 'coordinator', state: 'active', invitedByMemberId: 'p' },
      { memberId: 'y', role: 'young', state: 'active', invitedByMemberId: 'c' },
    ];
    const message = (actor: string): NotifiedEvent => ({
      kind: 'young.message',
      compartment: 'young:y',
      actorMemberId: actor,
      subjectMemberId: null,
      hideOnRisk: false,
    });
    assert.deepEqual(recipientsOf(message('y'), { mode: 'with-parents', riskConfirmed: false }, members), ['c']);
    assert.deepEqual(recipientsOf(message('c'), { mode: 'with-parents', riskConfirmed: false }, members), ['y']);
  });

  test('professionals are told at once by default, parents and young people once a day', () => {
    assert.deepEqual(
      roles.map((role) => [role, defaultFrequency(role)]),
      roles.map((role) => [role, role === 'parent' || role === 'young' ? 'daily' : 'now']),
    );
  });
});
