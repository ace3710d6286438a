import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import type { Kysely } from 'kysely';
import { insertCaseRow, insertMemberRow } from '../../../test/helpers/case-setup.js';
import { describeEachDialect } from '../../../test/helpers/databases.js';
import { BadRequest, NotFound } from '../../shared/errors.js';
import type { Database } from '../../shared/db/schema.js';
import type { Actor } from '../../shared/policy/actor.js';
import { pathwayDir } from '../../shared/paths.js';
import { createAuditRepository } from '../audit/audit.repo.js';
import { createAuditService } from '../audit/audit.service.js';
import { newCompartmentKey } from './case-keys.js';
import { createCaseItemsRepository } from './case-items.repo.js';
import { createCaseItemsService, StaleCaseKeys } from './case-items.service.js';
import type { CaseRole, Compartment, CompartmentKey, OpenedCase } from './cases.types.js';
import { loadPathways } from './pathway.js';

/*
 * The items' service with a case opened from keys the test makes (as cases.service openCase would): the rules
 * first, texts sealed under the compartment's current key and opened with the key of their epoch, the epoch
 * checked in the write's transaction, conflicts of two edits, limits, and the timeline's cursor.
 */

const pathways = loadPathways(pathwayDir);

interface TestCase {
  caseId: string;
  /** Every compartment's keys by epoch, as the members hold them. */
  keys: Map<string, CompartmentKey>;
  members: Record<'parent' | 'care' | 'police' | 'observer', { memberId: string; userId: string }>;
}

async function makeCase(db: Kysely<Database>): Promise<TestCase> {
  const now = new Date().toISOString();
  const caseId = await insertCaseRow(db, now);
  const keys = new Map<string, CompartmentKey>();
  for (const compartment of ['members', 'professionals'] as const) {
    keys.set(`${compartment}@1`, newCompartmentKey(caseId, compartment, 1));
  }
  const member = async (role: CaseRole) => {
    const memberId = await insertMemberRow(db, caseId, role, now);
    return { memberId, userId: randomUUID() };
  };
  return {
    caseId,
    keys,
    members: {
      parent: await member('parent'),
      care: await member('care'),
      police: await member('police'),
      observer: await member('observer'),
    },
  };
}

const professionalRoleOf = { care: 'care', police: 'police', observer: 'school' } as const;

/** The actor and the opened case of one member; `epochs` says which epochs' keys they hold (default: all). */
function as(
  testCase: TestCase,
  who: keyof TestCase['members'],
  options: { currentEpoch?: number; holds?: (compartment: Compartment, epoch: number) => boolean } = {},
): { actor: Actor; opened: OpenedCase } {
  const { memberId, userId } = testCase.members[who];
  const actor: Actor =
    who === 'parent'
      ? { kind: 'user', userId, roles: ['parent'] }
      : {
          kind: 'user',
          userId,
          roles: ['professional'],
          membership: { organisationId: 'org', roles: [professionalRoleOf[who]] },
        };
  const keyAt = (compartment: Compartment, epoch: number): Promise<CompartmentKey> => {
    const key = testCase.keys.get(`${compartment}@${epoch}`);
    if (key === undefined || (options.holds !== undefined && !options.holds(compartment, epoch))) {
      return Promise.reject(new NotFound('no key'));
    }
    if (compartment === 'professionals' && who === 'parent') return Promise.reject(new NotFound('no key'));
    return Promise.resolve(key);
  };
  const opened: OpenedCase = {
    facts: {
      caseId: testCase.caseId,
      mode: 'with-parents',
      riskInFamily: false,
      closed: false,
      viewer: { memberId, userId, role: who, state: 'active', mandate: 'none' },
    },
    key: (compartment) => keyAt(compartment, options.currentEpoch ?? 1),
    keyAt,
  };
  return { actor, opened };
}

describeEachDialect('case items service', (database) => {
  const db = () => database().handle.db;
  const service = (clock?: () => Date) =>
    createCaseItemsService(
      createCaseItemsRepository(db()),
      createAuditService(createAuditRepository(db())),
      { pathways, pageSize: 5 },
      clock,
    );
  const auditActions = async (caseId: string) =>
    (await createAuditService(createAuditRepository(db())).forObject('case', caseId)).map((row) => row.action);

  test('an agreement is sealed in the database, opened for members, audited and on the timeline', async () => {
    const testCase = await makeCase(db());
    const { actor, opened } = as(testCase, 'parent');
    const made = await service().createAgreement(
      actor,
      opened,
      { wat: 'De school bellen over het rooster', wie: 'rol:care', datum: '2026-12-20', voor: 'iedereen' },
      { requestId: 'r1' },
    );
    assert.ok(made.ok);
    const rows = await db().selectFrom('case_agreements').selectAll().where('case_id', '=', testCase.caseId).execute();
    assert.equal(rows.length, 1);
    assert.ok(!rows[0]?.body.includes('rooster'));
    const history = await db().selectFrom('case_agreement_changes').select('body').execute();
    assert.ok(history.every((row) => !row.body.includes('rooster')));

    const care = as(testCase, 'care');
    const [agreement] = await service().agreements(care.actor, care.opened);
    assert.equal(agreement?.text, 'De school bellen over het rooster');
    assert.equal(agreement?.assigneeRole, 'care');
    assert.deepEqual(await auditActions(testCase.caseId), ['case.agreement.made']);
    const timeline = await service().timeline(care.actor, care.opened, undefined);
    assert.equal(timeline.entries[0]?.kind, 'agreement.made');
    assert.equal(timeline.entries[0]?.item?.text, 'De school bellen over het rooster');
  });

  test('a write sealed under a key whose epoch moved on is refused with 409, nothing stored', async () => {
    const testCase = await makeCase(db());
    await db().updateTable('case_compartments').set({ epoch: 2 }).where('case_id', '=', testCase.caseId).execute();
    const { actor, opened } = as(testCase, 'care');
    await assert.rejects(
      service().postMessage(actor, opened, 'members', { bericht: 'hallo' }),
      (error: unknown) => error instanceof StaleCaseKeys && error.status === 409,
    );
    await assert.rejects(
      service().createAgreement(actor, opened, { wat: 'iets', wie: '', datum: '', voor: 'iedereen' }),
      StaleCaseKeys,
    );
    assert.equal(
      (await db().selectFrom('case_messages').selectAll().where('case_id', '=', testCase.caseId).execute()).length,
      0,
    );
    assert.equal(
      (await db().selectFrom('case_events').selectAll().where('case_id', '=', testCase.caseId).execute()).length,
      0,
    );
    assert.deepEqual(await auditActions(testCase.caseId), []);
  });

  test('two edits from the same version: the second sees the first and keeps its own text; saving again wins', async () => {
    const testCase = await makeCase(db());
    const parent = as(testCase, 'parent');
    const care = as(testCase, 'care');
    const made = await service().createAgreement(parent.actor, parent.opened, {
      wat: 'Gesprek plannen',
      wie: '',
      datum: '',
      voor: 'iedereen',
    });
    assert.ok(made.ok);
    const first = await service().updateAgreement(care.actor, care.opened, made.id, {
      wat: 'Gesprek plannen met de school',
      wie: `lid:${testCase.members.care.memberId}`,
      datum: '2026-12-21',
      status: 'open',
      versie: '1',
    });
    assert.deepEqual(first, { ok: true });
    const second = await service().updateAgreement(parent.actor, parent.opened, made.id, {
      wat: 'Gesprek plannen, ik kom ook',
      wie: '',
      datum: '',
      status: 'gedaan',
      versie: '1',
    });
    assert.ok(!second.ok && 'conflict' in second);
    assert.equal(second.conflict.current.text, 'Gesprek plannen met de school');
    assert.deepEqual(
      second.conflict.since.map((change) => [change.version, change.byRole, change.text]),
      [[2, 'care', 'Gesprek plannen met de school']],
    );
    assert.equal(second.form.values['wat'], 'Gesprek plannen, ik kom ook');
    assert.equal(second.form.values['versie'], '2');
    const again = await service().updateAgreement(parent.actor, parent.opened, made.id, second.form.values);
    assert.deepEqual(again, { ok: true });
    const { agreement, history } = await service().agreement(parent.actor, parent.opened, made.id);
    assert.equal(agreement.text, 'Gesprek plannen, ik kom ook');
    assert.equal(agreement.status, 'done');
    assert.deepEqual(
      history.map((change) => change.text),
      ['Gesprek plannen', 'Gesprek plannen met de school', 'Gesprek plannen, ik kom ook'],
    );
  });

  test('the rules come first: no parent writes or reads the professionals’ compartment, an observer only talks', async () => {
    const testCase = await makeCase(db());
    const parent = as(testCase, 'parent');
    await assert.rejects(
      service().postMessage(parent.actor, parent.opened, 'professionals', { bericht: 'hallo' }),
      NotFound,
    );
    await assert.rejects(
      service().createAgreement(parent.actor, parent.opened, { wat: 'x', wie: '', datum: '', voor: 'professionals' }),
      NotFound,
    );
    await assert.rejects(service().messages(parent.actor, parent.opened, 'professionals'), NotFound);
    const observer = as(testCase, 'observer');
    await assert.rejects(
      service().createAgreement(observer.actor, observer.opened, { wat: 'x', wie: '', datum: '', voor: 'iedereen' }),
      NotFound,
    );
    assert.deepEqual(
      await service().postMessage(observer.actor, observer.opened, 'members', { bericht: 'Ik lees mee.' }),
      {
        ok: true,
      },
    );
    const police = as(testCase, 'police');
    await service().postMessage(police.actor, police.opened, 'professionals', { bericht: 'Alleen voor ons' });
    const parentTimeline = await service().timeline(parent.actor, parent.opened, undefined);
    assert.deepEqual(
      parentTimeline.entries.map((entry) => entry.item?.type === 'message' && entry.item.text),
      ['Ik lees mee.'],
    );
    const policeTimeline = await service().timeline(police.actor, police.opened, undefined);
    assert.equal(policeTimeline.entries.length, 2);
    assert.equal(policeTimeline.entries[0]?.professionalsOnly, true);
    assert.deepEqual(await auditActions(testCase.caseId), ['case.message.posted', 'case.message.posted']);
  });

  test('bad forms are answered field by field and store nothing: long messages, dates, who, a meeting', async () => {
    const testCase = await makeCase(db());
    const care = as(testCase, 'care');
    const problems = async (
      result: Promise<
        { ok: true } | { ok: false; form: { problems: readonly { field: string; messageKey: string }[] } }
      >,
    ) => {
      const answer = await result;
      assert.ok(!answer.ok);
      return answer.form.problems.map((problem) => `${problem.field}:${problem.messageKey}`);
    };
    assert.deepEqual(
      await problems(service().postMessage(care.actor, care.opened, 'members', { bericht: 'a'.repeat(2001) })),
      ['bericht:caseItems.problem.messageTooLong'],
    );
    assert.deepEqual(
      await problems(service().postMessage(care.actor, care.opened, 'members', { bericht: ['a', 'b'] })),
      ['bericht:caseItems.problem.message'],
    );
    assert.deepEqual(
      await problems(
        service().createAgreement(care.actor, care.opened, {
          wat: '',
          wie: `lid:${randomUUID()}`,
          datum: '2026-02-30',
          voor: 'iedereen',
        }),
      ),
      ['wat:caseItems.problem.agreementText', 'datum:caseItems.problem.date'],
    );
    // A member of another case (or no member at all) cannot be the one who does it.
    const other = await makeCase(db());
    assert.deepEqual(
      await problems(
        service().createAgreement(care.actor, care.opened, {
          wat: 'x',
          wie: `lid:${other.members.care.memberId}`,
          datum: '',
          voor: 'iedereen',
        }),
      ),
      ['wie:caseItems.problem.who'],
    );
    const today = new Date(Date.UTC(2026, 11, 7, 10));
    assert.deepEqual(
      await problems(
        service(() => today).recordMeeting(care.actor, care.opened, {
          datum: '2026-12-08',
          samenvatting: '',
          'ouder-aanwezig': 'ja',
          voor: 'iedereen',
        }),
      ),
      [
        'datum:caseItems.problem.meetingFuture',
        'samenvatting:caseItems.problem.summary',
        'ouder-aanwezig:caseItems.problem.parentNotInvited',
      ],
    );
    assert.deepEqual(
      await problems(
        service().planAppointment(care.actor, care.opened, {
          soort: 'afspraak',
          wat: 'x',
          datum: '',
          tijd: '25:00',
          voor: 'iedereen',
        }),
      ),
      ['tijd:caseItems.problem.time', 'datum:caseItems.problem.appointmentDate'],
    );
    assert.deepEqual(
      await problems(
        service().moveStep(care.actor, care.opened, { traject: 'geen-traject', stap: 'x', voor: 'iedereen' }),
      ),
      ['traject:caseItems.problem.track'],
    );
    for (const table of [
      'case_agreements',
      'case_messages',
      'case_meetings',
      'case_appointments',
      'case_step_moves',
    ] as const) {
      assert.equal(
        (await db().selectFrom(table).select('id').where('case_id', '=', testCase.caseId).execute()).length,
        0,
        table,
      );
    }
  });

  test('a meeting with decisions becomes agreements; steps move tracks; planning lists what comes', async () => {
    const testCase = await makeCase(db());
    const care = as(testCase, 'care');
    const today = new Date(Date.UTC(2026, 11, 7, 10));
    const meeting = await service(() => today).recordMeeting(care.actor, care.opened, {
      datum: '2026-12-07',
      'ouder-uitgenodigd': 'ja',
      'ouder-aanwezig': 'ja',
      'aanwezig-care': 'ja',
      'aanwezig-police': 'ja',
      samenvatting: 'Besproken: veiligheid thuis en op school.',
      besluiten: 'Wijkteam belt maandag\n\nSchool let op verzuim',
      voor: 'iedereen',
    });
    assert.ok(meeting.ok);
    const parent = as(testCase, 'parent');
    const agreements = await service().agreements(parent.actor, parent.opened);
    assert.deepEqual(agreements.map((agreement) => agreement.text).sort(), [
      'School let op verzuim',
      'Wijkteam belt maandag',
    ]);
    assert.ok(agreements.every((agreement) => agreement.meetingId === meeting.id));

    const track = pathways.current.tracks[0];
    assert.ok(track !== undefined);
    const step = track.steps[0];
    assert.ok(step !== undefined);
    assert.deepEqual(
      await service().moveStep(care.actor, care.opened, {
        traject: track.id,
        stap: step.id,
        notitie: 'Gestart',
        voor: 'iedereen',
      }),
      { ok: true },
    );
    const { state } = await service().pathway(parent.actor, parent.opened, (role) => `rol ${role}`);
    assert.deepEqual(state[track.id], { current: step.id, done: [], onIt: ['rol care'] });
    await service().moveStep(care.actor, care.opened, { traject: track.id, stap: 'afgerond', voor: 'iedereen' });
    const after = await service().pathway(parent.actor, parent.opened, (role) => role);
    assert.deepEqual(after.state[track.id], { current: null, done: [step.id], onIt: ['care'] });

    await service(() => today).planAppointment(care.actor, care.opened, {
      soort: 'afspraak',
      wat: 'Gesprek bij het wijkteam',
      datum: '2026-12-09',
      tijd: '10:00',
      wie: 'rol:care',
      voor: 'iedereen',
    });
    const upcoming = await service(() => today).upcoming(parent.actor, parent.opened);
    assert.deepEqual(
      upcoming.map((item) => [item.text, item.onDate, item.atTime, item.assigneeRole]),
      [['Gesprek bij het wijkteam', '2026-12-09', '10:00', 'care']],
    );
  });

  test('old items open with the key of their epoch; who lacks that key sees that, not an error', async () => {
    const testCase = await makeCase(db());
    const care = as(testCase, 'care');
    await service().postMessage(care.actor, care.opened, 'members', { bericht: 'Voor de wissel' });
    // A rotation: epoch 2 with a new key; the message stays sealed under epoch 1.
    await db()
      .updateTable('case_compartments')
      .set({ epoch: 2 })
      .where('case_id', '=', testCase.caseId)
      .where('compartment', '=', 'members')
      .execute();
    testCase.keys.set('members@2', newCompartmentKey(testCase.caseId, 'members', 2));
    const after = as(testCase, 'care', { currentEpoch: 2 });
    await service().postMessage(after.actor, after.opened, 'members', { bericht: 'Na de wissel' });
    const texts = async (who: ReturnType<typeof as>) =>
      (await service().messages(who.actor, who.opened, 'members')).map((message) => message.text);
    assert.deepEqual(await texts(after), ['Voor de wissel', 'Na de wissel']);
    // A member who holds only the new epoch (joined after the rotation).
    const newcomer = as(testCase, 'police', { currentEpoch: 2, holds: (_compartment, epoch) => epoch === 2 });
    assert.deepEqual(await texts(newcomer), [undefined, 'Na de wissel']);
  });

  test('messages posted in the same millisecond read in the order they were posted', async () => {
    const testCase = await makeCase(db());
    const care = as(testCase, 'care');
    const frozen = service(() => new Date('2026-12-07T10:00:00.000Z'));
    const posted = Array.from({ length: 8 }, (_, index) => `bericht ${index}`);
    for (const text of posted) await frozen.postMessage(care.actor, care.opened, 'members', { bericht: text });
    const read = await frozen.messages(care.actor, care.opened, 'members');
    assert.deepEqual(
      read.map((message) => message.text),
      posted,
    );
  });

  test('the timeline pages with an opaque cursor; a cursor that is not ours is a 400', async () => {
    const testCase = await makeCase(db());
    const care = as(testCase, 'care');
    for (let index = 0; index < 12; index += 1) {
      await service().postMessage(care.actor, care.opened, 'members', { bericht: `bericht ${index}` });
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await service().timeline(care.actor, care.opened, cursor);
      seen.push(...page.entries.map((entry) => entry.item?.text ?? ''));
      assert.ok(page.next === undefined || !page.next.includes('bericht'));
      cursor = page.next;
    } while (cursor !== undefined);
    assert.deepEqual(
      seen,
      Array.from({ length: 12 }, (_, index) => `bericht ${11 - index}`),
    );
    for (const bad of ['', 'abc', '../../etc', 'dDEuLTE', 'x'.repeat(100), ['a'], 12]) {
      await assert.rejects(service().timeline(care.actor, care.opened, bad), BadRequest, String(bad));
    }
  });
});
