import type { Cell, Sum } from '../../src/features/insights/suppression.js';

/*
 * The judge of disclosure control in tests (issue 18): which withheld figures an attacker can solve for from the
 * shown ones through the published sums. Exact integer elimination in BigInt, a different method from the
 * modular rank test the code uses, so the two cannot share a mistake.
 */

/** Rank of integer rows by fraction-free elimination in BigInt. */
function exactRank(input: readonly bigint[][]): number {
  const rows = input.map((row) => [...row]);
  const width = rows[0]?.length ?? 0;
  let rank = 0;
  for (let column = 0; column < width && rank < rows.length; column += 1) {
    const pivot = rows.findIndex((row, index) => index >= rank && row[column] !== 0n);
    if (pivot === -1) continue;
    [rows[rank], rows[pivot]] = [rows[pivot]!, rows[rank]!];
    const top = rows[rank]!;
    for (let index = rank + 1; index < rows.length; index += 1) {
      const row = rows[index]!;
      const factor = row[column]!;
      if (factor === 0n) continue;
      for (let k = column; k < width; k += 1) row[k] = row[k]! * top[column]! - top[k]! * factor;
    }
    rank += 1;
  }
  return rank;
}

/** The withheld cells an attacker can solve for from the shown cells and the sums (judge's version). */
export function recoverable(sums: readonly Sum[], shown: ReadonlyMap<string, number>, all: readonly Cell[]): string[] {
  const unknowns = all.map((cell) => cell.id).filter((id) => !shown.has(id));
  const rows = sums
    .map((sum) => {
      const row = unknowns.map(() => 0n);
      unknowns.forEach((id, index) => {
        if (sum.total === id) row[index]! += 1n;
        for (const part of sum.parts) if (part === id) row[index]! -= 1n;
      });
      return row;
    })
    .filter((row) => row.some((value) => value !== 0n));
  const base = exactRank(rows);
  return unknowns.filter((_, index) => {
    const unit = unknowns.map((__, k) => (k === index ? 1n : 0n));
    return exactRank([...rows, unit]) === base;
  });
}
