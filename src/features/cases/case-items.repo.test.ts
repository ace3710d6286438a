import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import type { Kysely } from 'kysely';
import { insertCaseRow, insertMemberRow } from '../../../test/helpers/case-setup.js';
import { describeEachDialect } from '../../../test/helpers/databases.js';
import type { Ciphertext } from '../../shared/crypto/aead.js';
import type { Database } from '../../shared/db/schema.js';
import {
  createCaseItemsRepository,
  type NewAgreement,
  type ReadScope,
  recordCaseEvent,
  type SealedUnder,
} from './case-items.repo.js';
import type { CaseRole } from './cases.types.js';

/*
 * The items' repository on both databases: agreements with versions and history, the epoch check under the
 * compartment lock, meetings whose decisions become agreements, and the timeline scoped in SQL and paged by
 * keyset. The texts here are stand-ins: sealing is the service's (case-items.service.test.ts).
 */

const sealed = (text: string) => `sealed:${text}` as Ciphertext;
const at = (second: number) => new Date(Date.UTC(2026, 11, 7, 9, 0, second)).toISOString();

const everything: ReadScope = { compartments: ['members', 'professionals'], allShares: true, hideRisky: false };
const parentView: ReadScope = { compartments: ['members'], allShares: false, hideRisky: false };

async function insertCase(db: Kysely<Database>) {
  const caseId = await insertCaseRow(db, at(0));
  const member = (role: CaseRole) => insertMemberRow(db, caseId, role, at(0));
  return { caseId, parent: await member('parent'), care: await member('care'), police: await member('police') };
}

const newAgreement = (memberId: string, text: string, second = 1): NewAgreement => ({
  id: randomUUID(),
  changeId: randomUUID(),
  body: sealed(text),
  changeBody: sealed(`${text} (v1)`),
  status: 'open',
  dueOn: '2026-12-20',
  assigneeRole: 'care',
  assigneeMemberId: null,
  meetingId: null,
  memberId,
  at: at(second),
});

describeEachDialect('case items repository', (database) => {
  const db = () => database().handle.db;
  const repo = () => createCaseItemsRepository(db());
  const members = (caseId: string): SealedUnder => ({ caseId, compartment: 'members', epoch: 1 });

  test('an agreement is made at version 1, changed with the version it was read at, and keeps its history', async () => {
    const { caseId, parent, care } = await insertCase(db());
    const agreement = newAgreement(parent, 'school bellen');
    assert.deepEqual(await repo().createAgreement(members(caseId), agreement), { ok: true });

    const changed = await repo().updateAgreement(members(caseId), {
      id: agreement.id,
      expectedVersion: 1,
      changeId: randomUUID(),
      body: sealed('school bellen, vandaag'),
      changeBody: sealed('v2'),
      status: 'done',
      dueOn: null,
      assigneeRole: null,
      assigneeMemberId: care,
      memberId: care,
      at: at(2),
    });
    assert.deepEqual(changed, { ok: true, version: 2 });

    const stored = await repo().findAgreement(caseId, agreement.id, parentView);
    assert.equal(stored?.version, 2);
    assert.equal(stored?.status, 'done');
    assert.equal(stored?.assigneeMemberId, care);
    assert.equal(stored?.body, 'sealed:school bellen, vandaag');
    const history = await repo().agreementHistory(caseId, agreement.id);
    assert.deepEqual(
      history.map((change) => [change.version, change.status, change.changedByRole, change.body]),
      [
        [1, 'open', 'parent', 'sealed:school bellen (v1)'],
        [2, 'done', 'care', 'sealed:v2'],
      ],
    );
    const page = await repo().timeline(caseId, everything, { limit: 10 });
    assert.deepEqual(
      page.events.map((event) => [event.kind, event.actorRole]),
      [
        ['agreement.done', 'care'],
        ['agreement.made', 'parent'],
      ],
    );
  });

  test('a change made from an older version is a conflict that shows the other change and writes nothing', async () => {
    const { caseId, parent, care } = await insertCase(db());
    const agreement = newAgreement(parent, 'afspraak');
    await repo().createAgreement(members(caseId), agreement);
    const edit = (memberId: string, text: string) => ({
      id: agreement.id,
      expectedVersion: 1,
      changeId: randomUUID(),
      body: sealed(text),
      changeBody: sealed(text),
      status: 'open' as const,
      dueOn: '2026-12-24',
      assigneeRole: 'parent' as const,
      assigneeMemberId: null,
      memberId,
      at: at(3),
    });
    assert.deepEqual(await repo().updateAgreement(members(caseId), edit(care, 'eerste')), { ok: true, version: 2 });
    const second = await repo().updateAgreement(members(caseId), edit(parent, 'tweede'));
    assert.equal(second.ok, false);
    assert.ok(!second.ok && second.reason === 'conflict');
    assert.equal(second.current.version, 2);
    assert.equal(second.current.body, 'sealed:eerste');
    assert.deepEqual(
      second.since.map((change) => [change.version, change.changedByMemberId]),
      [[2, care]],
    );
    assert.equal((await repo().agreementHistory(caseId, agreement.id)).length, 2);
    assert.equal((await repo().findAgreement(caseId, agreement.id, everything))?.body, 'sealed:eerste');
  });

  test('two edits of one agreement at the same time: one is saved, the other is told of it, nothing is lost', async () => {
    const { caseId, parent, care } = await insertCase(db());
    const agreement = newAgreement(parent, 'samen');
    await repo().createAgreement(members(caseId), agreement);
    const edit = (memberId: string, text: string) =>
      repo().updateAgreement(members(caseId), {
        id: agreement.id,
        expectedVersion: 1,
        changeId: randomUUID(),
        body: sealed(text),
        changeBody: sealed(text),
        status: 'open',
        dueOn: null,
        assigneeRole: null,
        assigneeMemberId: null,
        memberId,
        at: at(4),
      });
    const results = await Promise.all([edit(parent, 'van de ouder'), edit(care, 'van de hulpverlener')]);
    assert.equal(results.filter((result) => result.ok).length, 1);
    const refused = results.find((result) => !result.ok);
    assert.ok(refused !== undefined && !refused.ok && refused.reason === 'conflict');
    assert.equal(refused.since.length, 1);
    const history = await repo().agreementHistory(caseId, agreement.id);
    assert.deepEqual(
      history.map((change) => change.version),
      [1, 2],
    );
  });

  test('a write sealed under an epoch that moved on is refused, with nothing stored and no audit line', async () => {
    const { caseId, parent } = await insertCase(db());
    await db()
      .updateTable('case_compartments')
      .set({ epoch: 2 })
      .where('case_id', '=', caseId)
      .where('compartment', '=', 'members')
      .execute();
    let audited = false;
    const also = () => {
      audited = true;
      return Promise.resolve();
    };
    const stale = members(caseId);
    assert.deepEqual(await repo().createAgreement(stale, newAgreement(parent, 'oud'), also), {
      ok: false,
      reason: 'stale-epoch',
    });
    assert.deepEqual(
      await repo().postMessage(stale, { id: randomUUID(), body: sealed('hallo'), memberId: parent, at: at(5) }, also),
      { ok: false, reason: 'stale-epoch' },
    );
    assert.equal(audited, false);
    assert.equal((await repo().listAgreements(caseId, everything)).length, 0);
    assert.equal((await repo().timeline(caseId, everything, { limit: 5 })).events.length, 0);
    // At the current epoch the same write goes through.
    const current = { ...stale, epoch: 2 };
    assert.deepEqual(await repo().createAgreement(current, newAgreement(parent, 'nieuw'), also), { ok: true });
    assert.equal(audited, true);
  });

  test("another case's ids find nothing and change nothing", async () => {
    const first = await insertCase(db());
    const other = await insertCase(db());
    const agreement = newAgreement(first.parent, 'van de eerste');
    await repo().createAgreement(members(first.caseId), agreement);
    assert.equal(await repo().findAgreement(other.caseId, agreement.id, everything), undefined);
    assert.deepEqual(await repo().agreementHistory(other.caseId, agreement.id), []);
    const result = await repo().updateAgreement(members(other.caseId), {
      id: agreement.id,
      expectedVersion: 1,
      changeId: randomUUID(),
      body: sealed('overgenomen'),
      changeBody: sealed('overgenomen'),
      status: 'dropped',
      dueOn: null,
      assigneeRole: null,
      assigneeMemberId: null,
      memberId: other.parent,
      at: at(6),
    });
    assert.deepEqual(result, { ok: false, reason: 'missing' });
    assert.equal((await repo().findAgreement(first.caseId, agreement.id, everything))?.version, 1);
    assert.equal(await repo().activeMember(other.caseId, first.care), undefined);
    const items = await repo().timelineItems(other.caseId, everything, [
      { kind: 'agreement.made', refId: agreement.changeId },
    ]);
    assert.equal(items.agreementChanges.size, 0);
  });

  test('a meeting is recorded with who took part, and its decisions become agreements', async () => {
    const { caseId, care, parent } = await insertCase(db());
    const meetingId = randomUUID();
    const decisions = [newAgreement(care, 'besluit 1'), newAgreement(care, 'besluit 2')].map((decision) => ({
      ...decision,
      meetingId,
    }));
    const result = await repo().recordMeeting(
      members(caseId),
      {
        id: meetingId,
        heldOn: '2026-12-06',
        parentInvited: true,
        parentTookPart: false,
        rolesPresent: ['care', 'police'],
        summary: sealed('overleg'),
        memberId: care,
        at: at(7),
      },
      decisions,
    );
    assert.deepEqual(result, { ok: true });
    const meeting = await repo().findMeeting(caseId, meetingId, parentView);
    assert.deepEqual(
      [meeting?.heldOn, meeting?.parentInvited, meeting?.parentTookPart, meeting?.rolesPresent],
      ['2026-12-06', true, false, ['care', 'police']],
    );
    const agreements = await repo().listAgreements(caseId, parentView);
    assert.deepEqual(agreements.map((agreement) => agreement.meetingId).sort(), [meetingId, meetingId]);
    const kinds = (await repo().timeline(caseId, parentView, { limit: 10 })).events.map((event) => event.kind);
    assert.deepEqual(kinds.sort(), ['agreement.made', 'agreement.made', 'meeting.recorded']);
    assert.equal(parent.length > 0, true);
  });

  test('appointments, next steps, messages per channel and step moves are stored and listed in scope', async () => {
    const { caseId, parent, police } = await insertCase(db());
    const professionals: SealedUnder = { caseId, compartment: 'professionals', epoch: 1 };
    await repo().planAppointment(members(caseId), {
      id: randomUUID(),
      kind: 'appointment',
      onDate: '2026-12-10',
      atTime: '14:30',
      assigneeRole: 'police',
      body: sealed('gesprek'),
      memberId: police,
      at: at(8),
    });
    await repo().planAppointment(members(caseId), {
      id: randomUUID(),
      kind: 'next-step',
      onDate: null,
      atTime: null,
      assigneeRole: null,
      body: sealed('volgende stap'),
      memberId: parent,
      at: at(9),
    });
    await repo().planAppointment(professionals, {
      id: randomUUID(),
      kind: 'appointment',
      onDate: '2026-12-11',
      atTime: null,
      assigneeRole: 'police',
      body: sealed('alleen professionals'),
      memberId: police,
      at: at(10),
    });
    const upcoming = await repo().upcomingAppointments(caseId, parentView, '2026-12-07');
    assert.deepEqual(
      upcoming.map((item) => [item.kind, item.onDate, item.atTime]),
      [
        ['appointment', '2026-12-10', '14:30'],
        ['next-step', null, null],
      ],
    );
    await repo().postMessage(members(caseId), { id: randomUUID(), body: sealed('m1'), memberId: parent, at: at(11) });
    await repo().postMessage(professionals, { id: randomUUID(), body: sealed('p1'), memberId: police, at: at(12) });
    assert.deepEqual(
      (await repo().recentMessages(caseId, 'members', 10)).map((message) => [message.body, message.authorRole]),
      [['sealed:m1', 'parent']],
    );
    assert.deepEqual(
      (await repo().recentMessages(caseId, 'professionals', 10)).map((message) => message.body),
      ['sealed:p1'],
    );
    await repo().moveStep(members(caseId), {
      id: randomUUID(),
      pathwayVersion: 1,
      track: 'criminal',
      step: 'aangifte',
      note: sealed(''),
      memberId: police,
      at: at(13),
    });
    await repo().moveStep(professionals, {
      id: randomUUID(),
      pathwayVersion: 1,
      track: 'criminal',
      step: 'studioverhoor',
      note: sealed('n'),
      memberId: police,
      at: at(14),
    });
    assert.deepEqual(
      (await repo().stepMoves(caseId, parentView)).map((move) => [move.track, move.step, move.movedByRole]),
      [['criminal', 'aangifte', 'police']],
    );
    assert.equal((await repo().stepMoves(caseId, everything)).length, 2);
  });

  test('the timeline is scoped in SQL: compartments, share compartments and what risk in the family hides', async () => {
    const { caseId, parent, police } = await insertCase(db());
    await db()
      .transaction()
      .execute(async (trx) => {
        await recordCaseEvent(trx, { caseId, compartment: 'members', kind: 'member.joined', createdAt: at(1) });
        await recordCaseEvent(trx, {
          caseId,
          compartment: 'members',
          kind: 'member.joined',
          subjectMemberId: police,
          hideOnRisk: true,
          createdAt: at(2),
        });
        await recordCaseEvent(trx, { caseId, compartment: 'professionals', kind: 'message.posted', createdAt: at(3) });
        await recordCaseEvent(trx, {
          caseId,
          compartment: `share:${parent}`,
          kind: 'entries.shared',
          actorMemberId: parent,
          createdAt: at(4),
        });
        await recordCaseEvent(trx, {
          caseId,
          compartment: 'share:someone-else',
          kind: 'entries.shared',
          createdAt: at(5),
        });
      });
    const kinds = async (scope: ReadScope) =>
      (await repo().timeline(caseId, scope, { limit: 20 })).events.map((event) => `${event.compartment}/${event.kind}`);
    assert.deepEqual(await kinds(everything), [
      'share:someone-else/entries.shared',
      `share:${parent}/entries.shared`,
      'professionals/message.posted',
      'members/member.joined',
      'members/member.joined',
    ]);
    assert.deepEqual(await kinds({ compartments: ['members', `share:${parent}`], allShares: false, hideRisky: true }), [
      `share:${parent}/entries.shared`,
      'members/member.joined',
    ]);
    assert.deepEqual(await kinds({ compartments: [], allShares: false, hideRisky: false }), []);
    const subject = (await repo().timeline(caseId, parentView, { limit: 20 })).events[0];
    assert.equal(subject?.subjectRole, 'police');
  });

  test('the timeline pages by keyset: newest first, no event twice or missed, events added meanwhile stay out', async () => {
    const { caseId, parent } = await insertCase(db());
    await db()
      .transaction()
      .execute(async (trx) => {
        for (let index = 0; index < 45; index += 1) {
          await recordCaseEvent(trx, {
            caseId,
            compartment: index % 3 === 0 ? 'professionals' : 'members',
            kind: 'message.posted',
            refId: String(index),
            actorMemberId: parent,
            // Many share one moment: the order is the sequence, not the clock.
            createdAt: at(Math.floor(index / 10)),
          });
        }
      });
    const seen: string[] = [];
    let before: number | undefined;
    let pages = 0;
    do {
      const page = await repo().timeline(caseId, parentView, { before, limit: 10 });
      seen.push(...page.events.map((event) => event.refId ?? ''));
      before = page.nextBefore;
      pages += 1;
      if (pages === 1) {
        // Written after the first page was read: not on a later page.
        await db()
          .transaction()
          .execute((trx) =>
            recordCaseEvent(trx, {
              caseId,
              compartment: 'members',
              kind: 'message.posted',
              refId: 'new',
              createdAt: at(9),
            }),
          );
      }
    } while (before !== undefined);
    const expected = Array.from({ length: 45 }, (_, index) => index)
      .filter((index) => index % 3 !== 0)
      .reverse()
      .map(String);
    assert.deepEqual(seen, expected);
    assert.equal(pages, 3);
  });
});
