import { readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * The file of a numbered editorial document in `dir` (v1.json, v2.json, …) for the language scripts
 * (check-language.ts, pathway-language.ts): the version asked for, or the newest; undefined when there is none.
 */
export function documentVersionFile(
  dir: string,
  wanted: string | undefined,
): { file: string; version: number } | undefined {
  const versions = readdirSync(dir)
    .map((name) => /^v(\d+)\.json$/.exec(name)?.[1])
    .filter((number): number is string => number !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
  const version = wanted === undefined ? versions.at(-1) : Number(wanted);
  if (version === undefined || !versions.includes(version)) return undefined;
  return { file: path.join(dir, `v${version}.json`), version };
}
