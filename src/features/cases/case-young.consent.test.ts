import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { insertCaseRow, memberRow } from '../../../test/helpers/case-setup.js';
import { describeEachDialect } from '../../../test/helpers/databases.js';
import { ageAt, createYoungConsentCheck } from './case-young.consent.js';
import { createCaseYoungRepository } from './case-young.repo.js';

/*
 * Consent from 16 (ADR 0030): the age counted in whole years from the first day of the month of birth, by the
 * clock of each decision; a flow is blocked while an active young member of 16 or older has a refusal as latest
 * answer for it. With a fixed clock, on both databases.
 */

test('ageAt: whole years from the first day of the month of birth', () => {
  assert.equal(ageAt('2012-03', new Date('2026-02-28T23:59:59Z')), 13);
  assert.equal(ageAt('2012-03', new Date('2026-03-01T00:00:00Z')), 14);
  assert.equal(ageAt('2010-12', new Date('2026-11-30T12:00:00Z')), 15);
  assert.equal(ageAt('2010-12', new Date('2026-12-01T00:00:00Z')), 16);
  assert.equal(ageAt('geen', new Date('2026-12-01T00:00:00Z')), 0);
});

describeEachDialect('youngConsentBlocks', (database) => {
  const at = '2026-06-01T10:00:00.000Z';
  const check = () => createYoungConsentCheck(createCaseYoungRepository(database().handle.db));

  async function caseWithYoung(birthMonth: string, state: 'active' | 'removed' = 'active') {
    const db = database().handle.db;
    const caseId = await insertCaseRow(db, at);
    const young = memberRow(caseId, 'young', at, { birth_month: birthMonth, state });
    await db.insertInto('case_members').values(young).execute();
    const answer = async (
      flow: 'share-entries' | 'add-member' | 'export',
      decision: 'given' | 'refused',
      when: string,
    ) =>
      db
        .insertInto('case_consents')
        .values({
          id: randomUUID(),
          case_id: caseId,
          flow,
          subject_id: young.id,
          basis: 'child',
          child_knows: 'yes',
          decision,
          recorded_by_member_id: young.id,
          created_at: when,
        })
        .execute();
    return { caseId, answer };
  }

  test('the latest answer counts, per flow; from the month the young member turns 16', async () => {
    const { caseId, answer } = await caseWithYoung('2010-12');
    assert.equal(await check()(caseId, 'export', new Date('2026-12-02T00:00:00Z')), false);
    await answer('export', 'refused', '2026-12-02T09:00:00.000Z');
    assert.equal(await check()(caseId, 'export', new Date('2026-12-02T10:00:00Z')), true);
    assert.equal(await check()(caseId, 'share-entries', new Date('2026-12-02T10:00:00Z')), false);
    // Before the month they turn 16, their answer is not yet theirs to give: it does not block.
    assert.equal(await check()(caseId, 'export', new Date('2026-11-30T10:00:00Z')), false);
    await answer('export', 'given', '2026-12-03T09:00:00.000Z');
    assert.equal(await check()(caseId, 'export', new Date('2026-12-03T10:00:00Z')), false);
    await answer('export', 'refused', '2026-12-04T09:00:00.000Z');
    assert.equal(await check()(caseId, 'export', new Date('2026-12-04T10:00:00Z')), true);
  });

  test('a young member who left blocks nothing; a case without one blocks nothing', async () => {
    const gone = await caseWithYoung('2008-01', 'removed');
    await gone.answer('add-member', 'refused', at);
    assert.equal(await check()(gone.caseId, 'add-member', new Date(at)), false);
    const none = await insertCaseRow(database().handle.db, at);
    assert.equal(await check()(none, 'add-member', new Date(at)), false);
  });
});
