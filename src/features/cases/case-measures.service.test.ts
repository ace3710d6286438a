import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, test } from 'node:test';
import type { Kysely } from 'kysely';
import { describeEachDialect } from '../../../test/helpers/databases.js';
import { caseRow, memberRow } from '../../../test/helpers/case-setup.js';
import type { Database } from '../../shared/db/schema.js';
import { createCaseMeasuresRepository, measureTables } from './case-measures.repo.js';
import { createCaseMeasuresService, measuresCsv } from './case-measures.service.js';
import type { CaseRole } from './cases.types.js';

/*
 * The weekly figures on both databases with a fixed clock: what daily(now) writes for the previous and the current
 * ISO week, that a second run the same day writes the same, that a week two weeks old is never written again
 * (even after its cases are gone), and a dump of the measure tables in which no id of anything appears.
 *
 * The weeks: 2026-W48 is Monday 23 to Sunday 29 November, W49 30 November to 6 December.
 */

interface World {
  db: Kysely<Database>;
  ids: string[];
}

async function addCase(world: World, mode: 'with-parents' | 'professional-only', at: string): Promise<string> {
  const row = caseRow({ created_at: at, mode });
  await world.db.insertInto('cases').values(row).execute();
  world.ids.push(row.id);
  return row.id;
}

async function addMember(world: World, caseId: string, role: CaseRole, at: string, starter = false): Promise<string> {
  const row = memberRow(caseId, role, at);
  await world.db.insertInto('case_members').values(row).execute();
  world.ids.push(row.id);
  await world.db
    .insertInto('case_events')
    .values({
      case_id: caseId,
      compartment: 'members',
      kind: starter ? 'case.started' : 'member.confirmed',
      actor_member_id: starter ? row.id : null,
      subject_member_id: starter ? null : row.id,
      created_at: at,
    })
    .execute();
  return row.id;
}

async function addMeeting(world: World, caseId: string, at: string, invited: boolean, tookPart: boolean) {
  const id = randomUUID();
  world.ids.push(id);
  await world.db
    .insertInto('case_meetings')
    .values({
      id,
      case_id: caseId,
      compartment: 'professionals',
      epoch: 1,
      held_on: at.slice(0, 10),
      parent_invited: invited ? 1 : 0,
      parent_took_part: tookPart ? 1 : 0,
      roles_present: '[]',
      summary: 'sealed',
      created_by_member_id: 'm',
      created_at: at,
    })
    .execute();
}

async function addAgreement(
  world: World,
  caseId: string,
  versions: { at: string; status: 'open' | 'done' | 'dropped'; dueOn: string | null }[],
) {
  const id = randomUUID();
  world.ids.push(id);
  const last = versions.at(-1)!;
  await world.db
    .insertInto('case_agreements')
    .values({
      id,
      case_id: caseId,
      compartment: 'members',
      epoch: 1,
      version: versions.length,
      status: last.status,
      due_on: last.dueOn,
      assignee_role: null,
      assignee_member_id: null,
      meeting_id: null,
      body: 'sealed',
      created_by_member_id: 'm',
      updated_by_member_id: 'm',
      created_at: versions[0]!.at,
      updated_at: last.at,
    })
    .execute();
  for (const [index, version] of versions.entries()) {
    await world.db
      .insertInto('case_agreement_changes')
      .values({
        id: randomUUID(),
        agreement_id: id,
        case_id: caseId,
        version: index + 1,
        compartment: 'members',
        epoch: 1,
        status: version.status,
        due_on: version.dueOn,
        assignee_role: null,
        assignee_member_id: null,
        body: 'sealed',
        changed_by_member_id: 'm',
        changed_at: version.at,
      })
      .execute();
  }
}

async function addMove(world: World, caseId: string, track: string, step: string, at: string) {
  const id = randomUUID();
  await world.db
    .insertInto('case_step_moves')
    .values({
      id,
      case_id: caseId,
      compartment: 'members',
      epoch: 1,
      pathway_version: 1,
      track,
      step,
      note: 'sealed',
      moved_by_member_id: 'm',
      created_at: at,
    })
    .execute();
  await world.db
    .insertInto('case_events')
    .values({
      case_id: caseId,
      compartment: 'members',
      kind: step === '' ? 'track.finished' : 'step.moved',
      ref_id: id,
      created_at: at,
    })
    .execute();
}

/** Every row of the measure tables, as plain objects with numbers. */
async function measureRows(db: Kysely<Database>) {
  const rows: Record<string, unknown[]> = {};
  for (const table of measureTables) {
    const found = await db.selectFrom(table).selectAll().orderBy('week').execute();
    rows[table] = found
      .map((row) =>
        Object.fromEntries(
          Object.entries(row).map(([key, value]) => [key, typeof value === 'string' ? value : Number(value)]),
        ),
      )
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  return rows;
}

describeEachDialect('case measures: the weekly figures', (database) => {
  let world: World;
  let caseA: string;
  const service = () => createCaseMeasuresService(createCaseMeasuresRepository(database().handle.db));

  before(async () => {
    world = { db: database().handle.db, ids: [] };
    // A: with parents, started in W48 by the parent; a care worker confirmed three days later.
    caseA = await addCase(world, 'with-parents', '2026-11-23T09:00:00.000Z');
    await addMember(world, caseA, 'parent', '2026-11-23T09:00:00.000Z', true);
    await addMember(world, caseA, 'police', '2026-11-24T10:00:00.000Z');
    await addMember(world, caseA, 'care', '2026-11-26T10:00:00.000Z');
    await addMeeting(world, caseA, '2026-11-27T14:00:00.000Z', true, true);
    await addMeeting(world, caseA, '2026-12-01T14:00:00.000Z', true, false);
    await addAgreement(world, caseA, [
      { at: '2026-11-24T10:00:00.000Z', status: 'open', dueOn: '2026-11-25' },
      { at: '2026-12-02T10:00:00.000Z', status: 'done', dueOn: '2026-11-25' },
    ]);
    await addMove(world, caseA, 'zorg', 'zorg-intake', '2026-11-25T10:00:00.000Z');
    await addMove(world, caseA, 'melding', 'melding-advies', '2026-11-26T10:00:00.000Z');
    await addMove(world, caseA, 'melding', '', '2026-12-01T10:00:00.000Z');
    // B: professional-only, started in W49 by a care worker; a meeting without a parent.
    const caseB = await addCase(world, 'professional-only', '2026-12-02T08:00:00.000Z');
    await addMember(world, caseB, 'care', '2026-12-02T08:00:00.000Z', true);
    await addMeeting(world, caseB, '2026-12-03T08:00:00.000Z', false, false);
    // C: with parents, started in W49 by a coordinator; no parent has joined yet.
    const caseC = await addCase(world, 'with-parents', '2026-12-01T08:00:00.000Z');
    await addMember(world, caseC, 'coordinator', '2026-12-01T08:00:00.000Z', true);
    // An evening in the Netherlands that is still the day before in UTC counts on the Dutch day (W49, not W48).
    await addMeeting(world, caseC, '2026-11-29T23:30:00.000Z', false, false);
  });

  test('daily(now) writes the previous and the current week, counted through today', async () => {
    const weeks = await service().daily(new Date('2026-12-04T12:00:00.000Z'));
    assert.deepEqual(weeks, ['2026-W48', '2026-W49']);
    const stored = await service().stored();
    assert.deepEqual(stored.weeks, [
      { week: '2026-W48', through: '2026-11-29', complete: true },
      { week: '2026-W49', through: '2026-12-04', complete: false },
    ]);
    assert.deepEqual(stored.cases, [
      { week: '2026-W48', mode: 'professional-only', started: 0, closed: 0, open: 0, waitingForHelp: 0 },
      { week: '2026-W48', mode: 'with-parents', started: 1, closed: 0, open: 1, waitingForHelp: 0 },
      { week: '2026-W49', mode: 'professional-only', started: 1, closed: 0, open: 1, waitingForHelp: 0 },
      { week: '2026-W49', mode: 'with-parents', started: 1, closed: 0, open: 2, waitingForHelp: 1 },
    ]);
    assert.deepEqual(stored.meetings, [
      { week: '2026-W48', mode: 'professional-only', meetings: 0, parentInvited: 0, parentTookPart: 0 },
      { week: '2026-W48', mode: 'with-parents', meetings: 1, parentInvited: 1, parentTookPart: 1 },
      { week: '2026-W49', mode: 'professional-only', meetings: 1, parentInvited: 0, parentTookPart: 0 },
      { week: '2026-W49', mode: 'with-parents', meetings: 2, parentInvited: 1, parentTookPart: 0 },
    ]);
    // The police joining is not help reaching the family; the care worker three days after the start is.
    assert.deepEqual(stored.firstHelp, [{ week: '2026-W48', daysBucket: '1-7', cases: 1 }]);
    assert.deepEqual(stored.agreements, [
      { week: '2026-W48', open: 1, overdue: 1 },
      { week: '2026-W49', open: 0, overdue: 0 },
    ]);
    assert.deepEqual(stored.tracks, [
      { week: '2026-W48', track: 'melding', cases: 1 },
      { week: '2026-W48', track: 'zorg', cases: 1 },
      { week: '2026-W49', track: 'zorg', cases: 1 },
    ]);
    const csv = measuresCsv(stored);
    assert.ok(csv.startsWith('table,week,category,measure,value\n'));
    assert.ok(csv.includes('\nmeetings,2026-W48,with-parents,parent_took_part,1\n'));
    assert.ok(csv.includes('\nfirst_help,2026-W48,1-7,cases,1\n'));
  });

  test('a second run on the same day writes the same figures', async () => {
    const first = await measureRows(world.db);
    await service().daily(new Date('2026-12-04T18:00:00.000Z'));
    assert.deepEqual(await measureRows(world.db), first);
  });

  test('a week two weeks old is never written again, even when its cases are gone', async () => {
    const before = await measureRows(world.db);
    const ofWeek = (rows: Record<string, unknown[]>, week: string) =>
      Object.fromEntries(
        Object.entries(rows).map(([table, list]) => [
          table,
          list.filter((row) => (row as { week: string }).week === week),
        ]),
      );
    // The case that made most of W48 and W49 is deleted outright (shredding keeps less than this removes).
    await world.db.deleteFrom('cases').where('id', '=', caseA).execute();
    // On Wednesday of W51 the run writes W50 and W51 only.
    assert.deepEqual(await service().daily(new Date('2026-12-16T05:00:00.000Z')), ['2026-W50', '2026-W51']);
    const after = await measureRows(world.db);
    for (const week of ['2026-W48', '2026-W49']) assert.deepEqual(ofWeek(after, week), ofWeek(before, week), week);
    // The new weeks no longer count the deleted case: B and C are open, C still waits for help.
    const stored = await service().stored();
    assert.deepEqual(
      stored.cases.filter((row) => row.week === '2026-W51'),
      [
        { week: '2026-W51', mode: 'professional-only', started: 0, closed: 0, open: 1, waitingForHelp: 0 },
        { week: '2026-W51', mode: 'with-parents', started: 0, closed: 0, open: 1, waitingForHelp: 1 },
      ],
    );
    assert.deepEqual(
      stored.weeks.map((row) => row.week),
      ['2026-W48', '2026-W49', '2026-W50', '2026-W51'],
    );
  });

  test('a dump of the measure tables holds no id of a case, member, item or user, and no column is named for one', async () => {
    const users = await world.db.selectFrom('users').select('id').execute();
    const ids = [...world.ids, ...users.map((row) => row.id)];
    for (const table of measureTables) {
      const rows = await world.db.selectFrom(table).selectAll().execute();
      assert.ok(rows.length > 0, `${table} has rows to look at`);
      for (const row of rows) {
        for (const [column, value] of Object.entries(row)) {
          assert.doesNotMatch(
            column,
            /(^|_)ids?$|user|member|case_id|organisation|account|actor/i,
            `${table}.${column}`,
          );
          const text = String(value);
          // Weeks, modes, bands of days, track names and counts: nothing shaped like a generated id.
          assert.doesNotMatch(text, /[0-9a-f]{8}-[0-9a-f]{4}-/i, `${table}.${column}`);
          for (const id of ids) assert.ok(!text.includes(id), `${table}.${column} holds an id`);
        }
      }
    }
  });
});
