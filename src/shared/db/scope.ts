import { type ReferenceExpression, type SelectQueryBuilder, sql, type SqlBool } from 'kysely';
import type { Scope } from '../policy/policy.js';

/**
 * Narrows a list query to a policy scope (src/shared/policy/policy.ts), in SQL: 'all' adds nothing, 'none' no
 * row, and `{ anyOf }` an OR of ANDs of equalities on the columns named for the scope's facts. A long list is
 * never loaded to be filtered in memory. (The columns hold text ids; Kysely cannot type a value against a column
 * chosen at run time, hence the cast.)
 */
export function whereInScope<DB, TB extends keyof DB, O, Column extends string>(
  query: SelectQueryBuilder<DB, TB, O>,
  scope: Scope<Column>,
  columns: Record<Column, ReferenceExpression<DB, TB>>,
): SelectQueryBuilder<DB, TB, O> {
  if (scope === 'all') return query;
  if (scope === 'none') return query.where(sql<SqlBool>`1 = 0`);
  return query.where((eb) =>
    eb.or(
      scope.anyOf.map((condition) =>
        eb.and(
          (Object.entries(condition) as [Column, string | undefined][])
            .filter((entry): entry is [Column, string] => entry[1] !== undefined)
            .map(([column, value]) => eb(columns[column], '=', value as never)),
        ),
      ),
    ),
  );
}
