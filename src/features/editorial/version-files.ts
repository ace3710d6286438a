import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/*
 * The files of the versioned kinds (questionnaire and pathway, ADR 0036/0037): one JSON file a version, named
 * v<N>.json, in a directory of its own.
 */

/** A version's text as the files hold it: JSON two spaces deep, ending in a newline. */
export const versionText = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** The texts of the v<N>.json files in `directory`, lowest version first (other files are passed over). */
export async function readVersionFiles(directory: string): Promise<string[]> {
  const names = (await readdir(directory))
    .map((name) => ({ name, number: /^v(\d+)\.json$/.exec(name)?.[1] }))
    .filter((entry): entry is { name: string; number: string } => entry.number !== undefined)
    .sort((a, b) => Number(a.number) - Number(b.number));
  return Promise.all(names.map(({ name }) => readFile(path.join(directory, name), 'utf8')));
}
