import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { contentDir } from '../../src/shared/paths.js';

/**
 * A Dutch information page with no translation in `language` in content/ (translators keep adding files, so a
 * test never names a fixed slug for "not translated"). veilig-gebruik is left out: tests publish their own
 * translation of it.
 */
export function untranslatedSlug(language: string): string {
  const folder = path.join(contentDir, language);
  const translated = existsSync(folder) ? readdirSync(folder) : [];
  const name = readdirSync(path.join(contentDir, 'nl'))
    .sort()
    .find((file) => file.endsWith('.md') && !translated.includes(file) && file !== 'veilig-gebruik.md');
  assert.ok(name !== undefined, `every Dutch page is translated into ${language}`);
  return name.slice(0, -'.md'.length);
}
