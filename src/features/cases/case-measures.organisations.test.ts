import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import { describeEachDialect } from '../../../test/helpers/databases.js';
import { caseRow, memberRow } from '../../../test/helpers/case-setup.js';
import type { Database } from '../../shared/db/schema.js';
import { type RegionPlace, regionOfArea, regionOfCase, unknownRegion } from './case-measures.js';
import { createCaseMeasuresRepository, organisationMeasureTable } from './case-measures.repo.js';
import { createCaseMeasuresService } from './case-measures.service.js';
import type { CaseRole } from './cases.types.js';

/*
 * The figures per organisation and region (issue 18 point 4, ADR 0048) as the daily run writes them, on both
 * databases with a fixed clock: which organisation counts which case, in which region, each case once for every
 * organisation together, nothing for a case no organisation took part in, and the rows replaced for the written
 * weeks only. 2026-W48 is Monday 23 to Sunday 29 November, W49 30 November to 6 December; the run is on
 * Friday 4 December.
 */

const places: RegionPlace[] = [
  { code: 'GM0001', provinceCode: 'PV20', safetyRegionCode: 'VR01', policeUnit: 'Noord-Nederland' },
  { code: 'GM0002', provinceCode: 'PV21', safetyRegionCode: 'VR02', policeUnit: 'Noord-Nederland' },
  { code: 'GM0003', provinceCode: 'PV25', safetyRegionCode: 'VR05', policeUnit: 'Oost-Nederland' },
  { code: 'GM0004', provinceCode: 'PV25', safetyRegionCode: 'VR05', policeUnit: 'Oost-Nederland' },
];

describe('the region of an organisation and of a case', () => {
  test('an area in one safety region gives it; national, spanning or unknown areas give none', () => {
    assert.equal(regionOfArea({ type: 'veiligheidsregio', codes: ['VR13'] }, places), 'VR13');
    assert.equal(regionOfArea({ type: 'veiligheidsregio', codes: ['VR13', 'VR14'] }, places), undefined);
    assert.equal(regionOfArea({ type: 'municipalities', codes: ['GM0003', 'GM0004'] }, places), 'VR05');
    assert.equal(regionOfArea({ type: 'municipalities', codes: ['GM0001', 'GM0003'] }, places), undefined);
    assert.equal(regionOfArea({ type: 'province', codes: ['PV25'] }, places), 'VR05');
    assert.equal(regionOfArea({ type: 'police-unit', names: ['Noord-Nederland'] }, places), undefined);
    assert.equal(regionOfArea({ type: 'police-unit', names: ['Oost-Nederland'] }, places), 'VR05');
    assert.equal(regionOfArea({ type: 'national' }, places), undefined);
    assert.equal(regionOfArea({ type: 'municipalities', codes: ['GM9999'] }, places), undefined);
    assert.equal(regionOfArea(null, places), undefined);
    assert.equal(regionOfArea('VR01', places), undefined);
  });

  test("a regional pathway's region comes first, then the starter's organisation's, else unknown", () => {
    assert.equal(regionOfCase('region:VR07', 'VR13'), 'VR07');
    assert.equal(regionOfCase('national', 'VR13'), 'VR13');
    assert.equal(regionOfCase('national', undefined), unknownRegion);
    assert.equal(regionOfCase('region:VR7', undefined), unknownRegion);
  });
});

interface World {
  db: Kysely<Database>;
  ids: string[];
}

async function addOrganisation(world: World, area: unknown): Promise<string> {
  const id = randomUUID();
  await world.db
    .insertInto('organisations')
    .values({
      id,
      slug: `org-${id.slice(0, 8)}`,
      kind: 'specialist-care',
      data: JSON.stringify({ name: 'Test', area }),
      area_type: (area as { type: string }).type,
      verified: 1,
      updated_at: '2026-11-01T00:00:00.000Z',
    })
    .execute();
  return id;
}

async function addCase(
  world: World,
  mode: 'with-parents' | 'professional-only',
  at: string,
  pathwayKey = 'national',
): Promise<string> {
  const row = caseRow({ created_at: at, mode, pathway_key: pathwayKey });
  await world.db.insertInto('cases').values(row).execute();
  world.ids.push(row.id);
  return row.id;
}

async function addMember(
  world: World,
  caseId: string,
  role: CaseRole,
  at: string,
  options: { starter?: boolean; organisationId?: string } = {},
): Promise<void> {
  const row = memberRow(caseId, role, at, { organisation_id: options.organisationId ?? null });
  await world.db.insertInto('case_members').values(row).execute();
  world.ids.push(row.id);
  await world.db
    .insertInto('case_events')
    .values({
      case_id: caseId,
      compartment: 'members',
      kind: options.starter === true ? 'case.started' : 'member.confirmed',
      actor_member_id: options.starter === true ? row.id : null,
      subject_member_id: options.starter === true ? null : row.id,
      created_at: at,
    })
    .execute();
}

async function addMeeting(world: World, caseId: string, at: string, invited: boolean) {
  await world.db
    .insertInto('case_meetings')
    .values({
      id: randomUUID(),
      case_id: caseId,
      compartment: 'professionals',
      epoch: 1,
      held_on: at.slice(0, 10),
      parent_invited: invited ? 1 : 0,
      parent_took_part: 0,
      roles_present: '[]',
      summary: 'sealed',
      created_by_member_id: 'm',
      created_at: at,
    })
    .execute();
}

/** The stored rows of a week as 'organisation/region/measure' → count. */
async function rowsOf(db: Kysely<Database>, week: string): Promise<Record<string, number>> {
  const rows = await db.selectFrom(organisationMeasureTable).selectAll().where('week', '=', week).execute();
  return Object.fromEntries(
    rows
      .map((row) => [`${row.organisation_id}/${row.region}/${row.measure}`, Number(row.count)] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

describeEachDialect('case measures: the figures per organisation and region', (database) => {
  let world: World;
  const organisations = {} as Record<'o1' | 'o2' | 'o3' | 'o4', string>;
  const service = () => createCaseMeasuresService(createCaseMeasuresRepository(database().handle.db));

  before(async () => {
    world = { db: database().handle.db, ids: [] };
    for (const region of [
      { code: 'VR01', name: 'Groningen', police_unit: 'Noord-Nederland' },
      { code: 'VR02', name: 'Fryslân', police_unit: 'Noord-Nederland' },
      { code: 'VR05', name: 'IJsselland', police_unit: 'Oost-Nederland' },
    ]) {
      await world.db.insertInto('safety_regions').values(region).execute();
    }
    for (const place of places) {
      await world.db
        .insertInto('municipalities')
        .values({
          code: place.code,
          cbs_code: place.code.slice(2),
          name: place.code,
          name_key: place.code.toLowerCase(),
          province_code: place.provinceCode,
          province_name: place.provinceCode,
          safety_region_code: place.safetyRegionCode,
          police_unit: place.policeUnit,
        })
        .execute();
    }
    organisations.o1 = await addOrganisation(world, { type: 'veiligheidsregio', codes: ['VR13'] });
    organisations.o2 = await addOrganisation(world, { type: 'municipalities', codes: ['GM0003', 'GM0004'] });
    organisations.o3 = await addOrganisation(world, { type: 'national' });
    organisations.o4 = await addOrganisation(world, { type: 'police-unit', names: ['Noord-Nederland'] });
    const { o1, o2, o3, o4 } = organisations;

    // A: started by o1's care worker on Tuesday (region VR13, o1's); a parent on Wednesday: help after 1 day.
    // o2's coordinator joined on Thursday, so o2 counts the whole case too.
    const a = await addCase(world, 'with-parents', '2026-12-01T09:00:00.000Z');
    await addMember(world, a, 'care', '2026-12-01T09:00:00.000Z', { starter: true, organisationId: o1 });
    await addMember(world, a, 'parent', '2026-12-02T09:00:00.000Z');
    await addMember(world, a, 'coordinator', '2026-12-03T09:00:00.000Z', { organisationId: o2 });
    // B: a regional pathway (VR07) started by a parent; o3 (national) joined the next day.
    const b = await addCase(world, 'with-parents', '2026-12-01T09:00:00.000Z', 'region:VR07');
    await addMember(world, b, 'parent', '2026-12-01T09:00:00.000Z', { starter: true });
    await addMember(world, b, 'coordinator', '2026-12-02T09:00:00.000Z', { organisationId: o3 });
    // C: started in W48 by o3 (national: region unknown), a meeting with the parent invited; no parent yet.
    const c = await addCase(world, 'with-parents', '2026-11-24T09:00:00.000Z');
    await addMember(world, c, 'care', '2026-11-24T09:00:00.000Z', { starter: true, organisationId: o3 });
    await addMeeting(world, c, '2026-11-25T09:00:00.000Z', true);
    // D: professional-only, started by o2 (its municipalities lie in VR05).
    const d = await addCase(world, 'professional-only', '2026-12-02T09:00:00.000Z');
    await addMember(world, d, 'care', '2026-12-02T09:00:00.000Z', { starter: true, organisationId: o2 });
    // E: a parent's case no organisation has joined: in no organisation's figures.
    const e = await addCase(world, 'with-parents', '2026-12-01T09:00:00.000Z');
    await addMember(world, e, 'parent', '2026-12-01T09:00:00.000Z', { starter: true });
    // F: o1 joins only next week: not in o1's figures of this week.
    const f = await addCase(world, 'with-parents', '2026-12-01T09:00:00.000Z');
    await addMember(world, f, 'parent', '2026-12-01T09:00:00.000Z', { starter: true });
    await addMember(world, f, 'care', '2026-12-08T09:00:00.000Z', { organisationId: o1 });
    // G: started by o4, whose police unit spans two safety regions: region unknown.
    const g = await addCase(world, 'professional-only', '2026-12-03T09:00:00.000Z');
    await addMember(world, g, 'police', '2026-12-03T09:00:00.000Z', { starter: true, organisationId: o4 });
  });

  test('daily(now) writes each organisation its cases by region, and every organisation together once', async () => {
    await service().daily(new Date('2026-12-04T12:00:00.000Z'));
    const { o1, o2, o3, o4 } = organisations;
    assert.deepEqual(
      await rowsOf(world.db, '2026-W49'),
      Object.fromEntries(
        Object.entries({
          [`${o1}/VR13/cases.open`]: 1,
          [`${o1}/VR13/cases.started`]: 1,
          [`${o1}/VR13/first_help.1-7`]: 1,
          [`${o2}/VR13/cases.open`]: 1,
          [`${o2}/VR13/cases.started`]: 1,
          [`${o2}/VR13/first_help.1-7`]: 1,
          [`${o2}/VR05/cases.open`]: 1,
          [`${o2}/VR05/cases.started`]: 1,
          [`${o3}/VR07/cases.open`]: 1,
          [`${o3}/VR07/cases.started`]: 1,
          [`${o3}/VR07/first_help.1-7`]: 1,
          [`${o3}/unknown/cases.open`]: 1,
          [`${o3}/unknown/cases.waiting_for_help`]: 1,
          [`${o4}/unknown/cases.open`]: 1,
          [`${o4}/unknown/cases.started`]: 1,
          // Every organisation together: A once (not once for o1 and once for o2), E and F not at all.
          ['*/VR05/cases.open']: 1,
          ['*/VR05/cases.started']: 1,
          ['*/VR07/cases.open']: 1,
          ['*/VR07/cases.started']: 1,
          ['*/VR07/first_help.1-7']: 1,
          ['*/VR13/cases.open']: 1,
          ['*/VR13/cases.started']: 1,
          ['*/VR13/first_help.1-7']: 1,
          ['*/unknown/cases.open']: 2,
          ['*/unknown/cases.started']: 1,
          ['*/unknown/cases.waiting_for_help']: 1,
        }).sort(([a], [b]) => a.localeCompare(b)),
      ),
    );
    assert.deepEqual(await rowsOf(world.db, '2026-W48'), {
      ['*/unknown/cases.open']: 1,
      ['*/unknown/cases.started']: 1,
      ['*/unknown/cases.waiting_for_help']: 1,
      ['*/unknown/meetings']: 1,
      ['*/unknown/meetings.parent_invited']: 1,
      [`${o3}/unknown/cases.open`]: 1,
      [`${o3}/unknown/cases.started`]: 1,
      [`${o3}/unknown/cases.waiting_for_help`]: 1,
      [`${o3}/unknown/meetings`]: 1,
      [`${o3}/unknown/meetings.parent_invited`]: 1,
    });
  });

  test('a second run the same day writes the same rows; a later run leaves older weeks as they were', async () => {
    const w48 = await rowsOf(world.db, '2026-W48');
    const w49 = await rowsOf(world.db, '2026-W49');
    await service().daily(new Date('2026-12-04T20:00:00.000Z'));
    assert.deepEqual(await rowsOf(world.db, '2026-W48'), w48);
    assert.deepEqual(await rowsOf(world.db, '2026-W49'), w49);
    // On Wednesday of W51 the run writes W50 and W51; by then o1 has joined F (started in W49, still open).
    await service().daily(new Date('2026-12-16T05:00:00.000Z'));
    assert.deepEqual(await rowsOf(world.db, '2026-W48'), w48);
    assert.deepEqual(await rowsOf(world.db, '2026-W49'), w49);
    const w51 = await rowsOf(world.db, '2026-W51');
    assert.equal(w51[`${organisations.o1}/VR13/cases.open`], 1, 'A still open');
    assert.equal(w51[`${organisations.o1}/unknown/cases.open`], 1, 'F, started by a parent: region unknown');
    assert.equal(w51[`${organisations.o1}/VR13/cases.started`], undefined, 'nothing started in W51');
  });

  test('the table holds no id of a case, member or user: only weeks, organisation ids, regions and counts', async () => {
    const users = await world.db.selectFrom('users').select('id').execute();
    const ids = [...world.ids, ...users.map((row) => row.id)];
    const known = new Set(['*', ...Object.values(organisations)]);
    const rows = await world.db.selectFrom(organisationMeasureTable).selectAll().execute();
    assert.ok(rows.length > 20);
    for (const row of rows) {
      assert.deepEqual(Object.keys(row).sort(), ['count', 'measure', 'organisation_id', 'region', 'week']);
      assert.ok(known.has(row.organisation_id), row.organisation_id);
      assert.match(row.region, /^(VR\d{2}|unknown)$/);
      assert.match(row.week, /^\d{4}-W\d{2}$/);
      assert.match(row.measure, /^(cases|meetings|first_help|agreements|tracks)(\.[a-z0-9_.+-]+)?$/);
      for (const value of Object.values(row)) {
        for (const id of ids) assert.ok(!String(value).includes(id), `${JSON.stringify(row)} holds an id`);
      }
    }
  });
});
