/**
 * De lijn's texts in another language (docs/adr/0056): a language is in every text of a pathway version or in
 * none, so it is written into content/pathway/v<N>.json in one go, once it is complete.
 *
 *   npx tsx scripts/pathway-language.ts <makkelijk|ar|tr|pl> todo [version]
 *     prints, as JSON, every text of the version (default: the newest national file):
 *     { "<path>": { "nl": "...", "en": "..." } } — copy it, replace each value by your text (a string).
 *   npx tsx scripts/pathway-language.ts <makkelijk|ar|tr|pl> apply <your-file.json> [version]
 *     writes your texts ({ "<path>": "text" }) into the version's file, each after its text's last language so
 *     nothing else in the file moves; refuses (and writes nothing) when a text is missing, extra or empty or does
 *     not keep the numbers (3+ digits) of its Dutch text — it prints which (the same rules the app checks at start).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { documentVersionFile } from './document-version.js';
import { applyPathwayLanguage, pathwayLanguageTodo } from '../src/features/cases/pathway-languages.js';
import { documentExtraLanguages } from '../src/shared/i18n/document-languages.js';
import { pathwayDir } from '../src/shared/paths.js';

const [language, command, argument, versionArgument] = process.argv.slice(2);
const usage = (): never => {
  console.error('usage: pathway-language.ts <makkelijk|ar|tr|pl> todo [version] | apply <file.json> [version]');
  process.exit(2);
};
if (!(documentExtraLanguages as readonly string[]).includes(language ?? '')) usage();
const lang = language as (typeof documentExtraLanguages)[number];

const chosen = documentVersionFile(pathwayDir, command === 'todo' ? argument : versionArgument) ?? usage();
const { file } = chosen;
const source = readFileSync(file, 'utf8');

if (command === 'todo') {
  console.log(JSON.stringify(pathwayLanguageTodo(JSON.parse(source)), null, 2));
} else if (command === 'apply' && argument !== undefined) {
  const yours = JSON.parse(readFileSync(argument, 'utf8')) as unknown;
  if (yours === null || typeof yours !== 'object' || Array.isArray(yours)) {
    console.error(`${argument}: give an object { "<path>": "your text", … }`);
    process.exit(1);
  }
  const result = applyPathwayLanguage(source, lang, yours as Record<string, unknown>);
  if (!result.ok) {
    for (const problem of result.problems) console.error(problem);
    console.error(`nothing written to ${file}`);
    process.exit(1);
  }
  writeFileSync(file, result.text);
  console.log(`${file}: ${lang} in all ${result.count} texts`);
} else {
  usage();
}
