import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/*
 * Content kept as versioned JSON files (content/questionnaires/v1.json, content/pathway/v1.json, …): every
 * version is read and checked when the app starts, and the app refuses to start when one is wrong.
 */

/** Reads every `v<n>.json` in `directory`, parsed by `parse`, oldest version first. */
export function readVersionedFiles<Version extends { version: number }>(
  directory: string,
  parse: (raw: unknown, file: string) => Version,
  refuse: (file: string, problems: string[]) => Error,
): Version[] {
  const all: Version[] = [];
  for (const name of readdirSync(directory).filter((file) => /^v\d+\.json$/.test(file))) {
    const file = path.join(directory, name);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw refuse(file, [`not valid JSON: ${(error as Error).message}`]);
    }
    const parsed = parse(raw, file);
    if (`v${parsed.version}.json` !== name) throw refuse(file, [`the file name must be v${parsed.version}.json`]);
    all.push(parsed);
  }
  return all.sort((a, b) => a.version - b.version);
}
