import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeEachDialect } from '../../../test/helpers/databases.js';
import { inScope, type Scope } from '../policy/policy.js';
import { whereInScope } from './scope.js';

/*
 * A scope in SQL selects exactly the rows inScope() selects in memory, on both databases: 'all', 'none', one
 * condition, several conditions (OR) and a condition on two columns (AND).
 */

type Column = 'key' | 'until';
const rows = [
  { key: 'a', until: 'x' },
  { key: 'b', until: 'x' },
  { key: 'c', until: 'y' },
  { key: 'd', until: 'z' },
];
const scopes: Scope<Column>[] = [
  'all',
  'none',
  { anyOf: [{ key: 'b' }] },
  { anyOf: [{ until: 'x' }, { key: 'd' }] },
  {
    anyOf: [
      { key: 'a', until: 'x' },
      { key: 'c', until: 'x' },
    ],
  },
  { anyOf: [{ key: 'nobody' }] },
];

describeEachDialect('whereInScope', (database) => {
  before(async () => {
    await database()
      .handle.db.insertInto('login_throttle')
      .values(rows.map((row) => ({ key: row.key, failures: 0, blocked_until: row.until, updated_at: 'now' })))
      .execute();
  });

  for (const scope of scopes) {
    test(`the rows of ${JSON.stringify(scope)} are those inScope selects`, async () => {
      const query = whereInScope(database().handle.db.selectFrom('login_throttle').select('key'), scope, {
        key: 'key',
        until: 'blocked_until',
      });
      const selected = (await query.orderBy('key').execute()).map((row) => row.key);
      assert.deepEqual(
        selected,
        rows.filter((row) => inScope(scope, row)).map((row) => row.key),
      );
    });
  }
});
