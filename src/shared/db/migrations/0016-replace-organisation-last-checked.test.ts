import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachDialect } from '../../../../test/helpers/databases.js';
import { down, up } from './0016-replace-organisation-last-checked.js';

/** A record as stored before this migration: a source address and a "last checked" day nobody checked on. */
const before = {
  slug: 'oud',
  name: 'Oud',
  kind: 'parent-support',
  description: { nl: 'Helpt.', en: 'Helps.' },
  area: { type: 'national' },
  interpreter: false,
  sourceUrl: 'https://www.voorbeeld.example/pagina',
  lastChecked: '2026-11-28',
  verified: true,
};

describeEachDialect('migration 0016: last_checked becomes a source and a checked_on day', (database) => {
  test('a stored record keeps its address and date as its source, and gets no day of checking', async () => {
    const db = database().handle.db;
    // Back to the schema before 0016, with a record as it was stored then.
    await down(db);
    await db
      .insertInto('organisations')
      .values({
        id: 'o1',
        slug: 'oud',
        kind: 'parent-support',
        data: JSON.stringify(before),
        area_type: 'national',
        verified: 1,
        last_checked: '2026-11-28',
        updated_at: '2026-11-28T10:00:00.000Z',
      } as never)
      .execute();

    await up(db);
    const row = await db.selectFrom('organisations').selectAll().where('id', '=', 'o1').executeTakeFirstOrThrow();
    assert.equal(row.checked_on, null);
    assert.equal('last_checked' in row, false, 'the column is gone');
    const record = JSON.parse(row.data) as Record<string, unknown>;
    assert.deepEqual(record.source, {
      publisher: 'voorbeeld.example',
      url: 'https://www.voorbeeld.example/pagina',
      date: '2026-11-28',
    });
    assert.equal('lastChecked' in record, false);
    assert.equal('sourceUrl' in record, false);
    assert.equal('checkedOn' in record, false);
    // The other fields, in their order.
    assert.deepEqual(Object.keys(record), [
      'slug',
      'name',
      'kind',
      'description',
      'area',
      'interpreter',
      'source',
      'verified',
    ]);

    // And back again: the old shape, with the source's date as the old "last checked".
    await down(db);
    const old = (await db.selectFrom('organisations').selectAll().where('id', '=', 'o1').executeTakeFirstOrThrow()) as {
      data: string;
      last_checked?: string;
    };
    assert.deepEqual(JSON.parse(old.data), before);
    assert.equal(old.last_checked, '2026-11-28');
    await up(db);
  });
});
