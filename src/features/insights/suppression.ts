/*
 * Disclosure control for published figures (issue 18): no count under the threshold is ever shown, and none
 * can be worked out from what is shown.
 *
 * A set of figures is described as cells (an id and a count) and the sums that hold between them: a total
 * cell equals the sum of its parts (a week's checks = the sum over advice levels; the national count = the sum
 * over regions; a year = the sum of its weeks). Every figure that is published anywhere — in a chart, a table,
 * a CSV or a total on another page — must be a cell of the same set, and every sum a reader could form between
 * them must be listed, or subtraction across two views escapes the check.
 *
 * 1. Primary suppression: every cell whose count is under the threshold (zero included) is withheld.
 * 2. Complementary suppression: while some withheld cell's value follows from the shown cells through the sums
 *    (it lies in the span of the sums restricted to the withheld cells), one more cell of a sum that holds it
 *    is withheld: the smallest shown part (ties by id), else the total. Likewise while a sum's shown parts
 *    already make its shown total (its withheld parts must then all be 0, as no count is negative). This
 *    repeats until neither holds; at worst everything is withheld, which is safe.
 *
 * Whether a withheld cell can be solved for is a rank test: over the withheld cells, each sum is a linear
 * equation with the shown cells moved to the known side; cell c is determined exactly when the unit vector of c
 * is a combination of those equations, i.e. when adding it does not raise the rank. Ranks are computed modulo
 * a prime (2^26 − 5, so products stay exact in doubles); with coefficients 0 and ±1 and systems this small the
 * rank over the prime equals the rank over the rationals.
 */

export interface Cell {
  /** Unique within the set, e.g. 'checks/2026-W49/vraag-advies'. */
  id: string;
  count: number;
}

/** total = the sum of parts. */
export interface Sum {
  total: string;
  parts: readonly string[];
}

export interface FigureSet {
  cells: readonly Cell[];
  sums: readonly Sum[];
}

export type Withheld = 'small' | 'complementary';

export interface Published {
  /** The count of each shown cell; a withheld cell is absent. */
  shown: Map<string, number>;
  /** Why each withheld cell is withheld. */
  withheld: Map<string, Withheld>;
}

/** The smallest count that may be published (issue 18: cells under 10 are never shown). */
export const minimumCount = 10;

const prime = 67_108_859; // 2^26 − 5

const mod = (value: number): number => ((value % prime) + prime) % prime;

/** a^(p−2) mod p: the inverse of a non-zero a modulo the prime. */
function inverse(value: number): number {
  let result = 1;
  let base = mod(value);
  let exponent = prime - 2;
  while (exponent > 0) {
    if (exponent & 1) result = mulMod(result, base);
    base = mulMod(base, base);
    exponent = Math.floor(exponent / 2);
  }
  return result;
}

/** (a·b) mod p without leaving the exact range of doubles: a, b < 2^26, so a·b < 2^52. */
const mulMod = (a: number, b: number): number => (a * b) % prime;

/**
 * Row-reduces `rows` (each a sparse map column → coefficient modulo the prime) and returns the reduced basis:
 * pivot column → row with 1 at the pivot and 0 at every other pivot.
 */
function reduce(rows: readonly Map<number, number>[]): Map<number, Map<number, number>> {
  const basis = new Map<number, Map<number, number>>();
  for (const original of rows) {
    const row = eliminate(original, basis);
    const pivot = firstColumn(row);
    if (pivot === undefined) continue;
    const scale = inverse(row.get(pivot)!);
    for (const [column, value] of row) row.set(column, mulMod(value, scale));
    // Keep the basis fully reduced: clear the new pivot from the rows already there.
    for (const other of basis.values()) {
      const factor = other.get(pivot);
      if (factor !== undefined) addScaled(other, row, prime - factor);
    }
    basis.set(pivot, row);
  }
  return basis;
}

/** `row` minus its components along the basis' pivots (a new map). */
function eliminate(
  row: ReadonlyMap<number, number>,
  basis: ReadonlyMap<number, Map<number, number>>,
): Map<number, number> {
  const result = new Map<number, number>();
  for (const [column, value] of row) if (mod(value) !== 0) result.set(column, mod(value));
  for (const [pivot, basisRow] of basis) {
    const factor = result.get(pivot);
    if (factor !== undefined) addScaled(result, basisRow, prime - factor);
  }
  return result;
}

/** target += factor · source, dropping zeros. */
function addScaled(target: Map<number, number>, source: ReadonlyMap<number, number>, factor: number): void {
  for (const [column, value] of source) {
    const next = ((target.get(column) ?? 0) + mulMod(value, factor)) % prime;
    if (next === 0) target.delete(column);
    else target.set(column, next);
  }
}

function firstColumn(row: ReadonlyMap<number, number>): number | undefined {
  let first: number | undefined;
  for (const column of row.keys()) if (first === undefined || column < first) first = column;
  return first;
}

/**
 * The withheld cells whose value follows from the shown ones through the sums. `withheld` lists the unknowns;
 * each sum becomes an equation over them (total − parts; shown cells are known and drop out).
 */
export function solvableCells(sums: readonly Sum[], withheld: ReadonlySet<string>): string[] {
  const unknowns = [...withheld].sort();
  const columnOf = new Map(unknowns.map((id, index) => [id, index]));
  const rows: Map<number, number>[] = [];
  for (const sum of sums) {
    const row = new Map<number, number>();
    const add = (id: string, coefficient: number): void => {
      const column = columnOf.get(id);
      if (column !== undefined) row.set(column, mod((row.get(column) ?? 0) + coefficient));
    };
    add(sum.total, 1);
    for (const part of sum.parts) add(part, -1);
    if (row.size > 0) rows.push(row);
  }
  const basis = reduce(rows);
  // c is determined iff e_c lies in the row space: eliminating it against the basis leaves nothing.
  return unknowns.filter((id) => eliminate(new Map([[columnOf.get(id)!, 1]]), basis).size === 0);
}

/** Checks that the set is well formed: unique ids, counts that are whole and not negative, sums over known cells. */
function validate(set: FigureSet): Map<string, number> {
  const counts = new Map<string, number>();
  for (const cell of set.cells) {
    if (counts.has(cell.id)) throw new Error(`figure ${cell.id} is listed twice`);
    if (!Number.isInteger(cell.count) || cell.count < 0) throw new Error(`figure ${cell.id} is not a count`);
    counts.set(cell.id, cell.count);
  }
  for (const sum of set.sums) {
    for (const id of [sum.total, ...sum.parts]) {
      if (!counts.has(id)) throw new Error(`a sum names ${id}, which is not a figure of the set`);
    }
  }
  return counts;
}

/**
 * A sum whose total is shown and whose shown parts already add up to it while some parts are withheld: those
 * parts are then all 0, which a reader can tell since no count is negative.
 */
export function zeroRemainder(
  sums: readonly Sum[],
  withheld: ReadonlyMap<string, unknown>,
  counts: ReadonlyMap<string, number>,
): Sum | undefined {
  return sums.find((sum) => {
    if (withheld.has(sum.total) || !sum.parts.some((id) => withheld.has(id))) return false;
    const shownSum = sum.parts.filter((id) => !withheld.has(id)).reduce((total, id) => total + counts.get(id)!, 0);
    return shownSum === counts.get(sum.total);
  });
}

/** What may be published of a set of figures: see the comment at the top of this file. */
export function publish(set: FigureSet, minimum: number = minimumCount): Published {
  const counts = validate(set);
  const withheld = new Map<string, Withheld>();
  for (const [id, count] of counts) if (count < minimum) withheld.set(id, 'small');

  const sumsOf = new Map<string, Sum[]>();
  for (const sum of set.sums) {
    for (const id of [sum.total, ...sum.parts]) {
      const list = sumsOf.get(id) ?? [];
      list.push(sum);
      sumsOf.set(id, list);
    }
  }
  const byCountThenId = (a: string, b: string): number =>
    counts.get(a)! - counts.get(b)! || (a < b ? -1 : a > b ? 1 : 0);

  for (;;) {
    const solvable = solvableCells(set.sums, new Set(withheld.keys()));
    if (solvable.length === 0) {
      // Counts are never negative: withheld parts whose sum is known to be 0 are each 0. Hide that too.
      const pinned = zeroRemainder(set.sums, withheld, counts);
      if (pinned === undefined) break;
      const smallest = pinned.parts.filter((id) => !withheld.has(id)).sort(byCountThenId)[0];
      withheld.set(smallest ?? pinned.total, 'complementary');
      continue;
    }
    // Protect the first solvable cell through the sum around it with the fewest withheld members.
    const target = solvable[0]!;
    const candidates = (sumsOf.get(target) ?? [])
      .map((sum) => {
        const shownParts = sum.parts.filter((id) => !withheld.has(id)).sort(byCountThenId);
        const next = shownParts[0] ?? (withheld.has(sum.total) ? undefined : sum.total);
        const withheldMembers = [sum.total, ...sum.parts].filter((id) => withheld.has(id)).length;
        return { next, withheldMembers };
      })
      .filter((candidate): candidate is { next: string; withheldMembers: number } => candidate.next !== undefined)
      .sort((a, b) => a.withheldMembers - b.withheldMembers || byCountThenId(a.next, b.next));
    const chosen = candidates[0];
    if (chosen === undefined) {
      // Cannot happen: a cell in no sum with a shown member cannot be solved for. Withhold all to be safe.
      for (const id of counts.keys()) if (!withheld.has(id)) withheld.set(id, 'complementary');
      break;
    }
    withheld.set(chosen.next, 'complementary');
  }

  const shown = new Map<string, number>();
  for (const [id, count] of counts) if (!withheld.has(id)) shown.set(id, count);
  return { shown, withheld };
}
