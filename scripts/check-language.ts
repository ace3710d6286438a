/**
 * The check's questionnaire in another language (docs/adr/0054): a language is in every text of a version or in
 * none, so it is written into content/check/v<N>.json in one go, once it is complete.
 *
 *   npx tsx scripts/check-language.ts <makkelijk|ar|tr|pl> todo [version]
 *     prints, as JSON, every text of the version (default: the newest file) without the language:
 *     { "<path>": { "nl": "...", "en": "..." } } — copy it, replace each value by your text (a string).
 *   npx tsx scripts/check-language.ts <makkelijk|ar|tr|pl> apply <your-file.json> [version]
 *     writes your texts ({ "<path>": "text" }) into the version's file, keeping its 2-space JSON format; refuses
 *     (and writes nothing) unless every text then has the language and every text keeps its Dutch numbers and
 *     placeholders (the same check the app makes at start).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { documentVersionFile } from './document-version.js';
import { questionnaireSchema } from '../src/features/check/check.schema.js';
import {
  describeLanguageProblem,
  languageProblems,
  questionnaireExtraLanguages,
  textsOf,
} from '../src/features/check/questionnaire-languages.js';
import { questionnairesDir } from '../src/shared/paths.js';

const [language, command, argument, versionArgument] = process.argv.slice(2);
const usage = (): never => {
  console.error('usage: check-language.ts <makkelijk|ar|tr|pl> todo [version] | apply <file.json> [version]');
  process.exit(2);
};
if (!(questionnaireExtraLanguages as readonly string[]).includes(language ?? '')) usage();
const lang = language as (typeof questionnaireExtraLanguages)[number];

const chosen = documentVersionFile(questionnairesDir, command === 'todo' ? argument : versionArgument) ?? usage();
const { file, version } = chosen;
const raw = JSON.parse(readFileSync(file, 'utf8')) as unknown;

if (command === 'todo') {
  const todo: Record<string, { nl: string; en: string }> = {};
  for (const { path: where, text } of textsOf(raw)) {
    if (text[lang] === undefined) todo[where] = { nl: text.nl, en: text.en };
  }
  console.log(JSON.stringify(todo, null, 2));
} else if (command === 'apply' && argument !== undefined) {
  const yours = JSON.parse(readFileSync(argument, 'utf8')) as Record<string, unknown>;
  const texts = new Map(textsOf(raw).map(({ path: where, text }) => [where, text as Record<string, string>]));
  const unknown = Object.keys(yours).filter((where) => !texts.has(where));
  if (unknown.length > 0) {
    console.error(`not texts of v${version}.json: ${unknown.join(', ')}`);
    process.exit(1);
  }
  for (const [where, value] of Object.entries(yours)) {
    if (typeof value !== 'string') {
      console.error(`${where}: give your text as a string`);
      process.exit(1);
    }
    texts.get(where)![lang] = value;
  }
  const problems = languageProblems(raw).filter((problem) => problem.language === lang);
  const parsed = questionnaireSchema.safeParse(raw);
  if (problems.length > 0 || !parsed.success) {
    for (const problem of problems) console.error(describeLanguageProblem(problem));
    if (!parsed.success && problems.length === 0) console.error(parsed.error.message);
    console.error(`nothing written to ${file}`);
    process.exit(1);
  }
  writeFileSync(file, `${JSON.stringify(raw, null, 2)}\n`);
  console.log(`${file}: ${lang} in all ${texts.size} texts`);
} else {
  usage();
}
