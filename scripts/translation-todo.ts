/**
 * What is left to translate (docs/adr/0050): `npx tsx scripts/translation-todo.ts <language> [public|professional|
 * easy] [--count]` prints, as JSON, every key of that part the language does not have yet, with its Dutch and
 * English message to translate from. `--count` prints only how many are left per part.
 */
import { catalogues } from '../src/messages.js';
import type { MessageKey } from '../src/shared/i18n/i18n.js';
import { translations } from '../src/translations/translations.js';

/** The catalogue's key prefixes (the part before the first dot) in each part. */
export const parts = {
  public: [
    'site',
    'layout',
    'quickExit',
    'service',
    'account',
    'mail',
    'error',
    'form',
    'home',
    'nu',
    'info',
    'content',
    'feedback',
    'help',
    'orgKind',
    'check',
    'verify',
    'journal',
    'export',
    'search',
    'survey',
    'trustedPerson',
  ],
  professional: [
    'insights',
    'knowledge',
    'professionals',
    'caseShares',
    'pathway',
    'pathwayKind',
    'caseItems',
    'caseMeasures',
    'caseNotifications',
    'cases',
    'caseExports',
    'caseClosing',
    'caseYoung',
    'editorial',
    'orgInsights',
    'translationReview',
  ],
  /** Easy-read Dutch: the check with its outcomes and the help finder (with the kinds of organisation). */
  easy: ['check', 'help', 'orgKind'],
} as const;

const [language, part, flag] = process.argv.slice(2);
if (language === undefined || !Object.hasOwn(translations, language)) {
  console.error(
    `usage: translation-todo.ts <${Object.keys(translations).join('|')}> [${Object.keys(parts).join('|')}] [--count]`,
  );
  process.exit(2);
}
const have = translations[language as keyof typeof translations].messages;
const nl = catalogues.nl as Record<MessageKey, string>;
const en = catalogues.en as Record<MessageKey, string>;
const prefixOf = (key: string) => key.slice(0, key.indexOf('.'));
const known = new Set<string>([...parts.public, ...parts.professional]);
const unknown = [...new Set(Object.keys(nl).map(prefixOf))].filter((prefix) => !known.has(prefix));
if (unknown.length > 0)
  console.error(`prefixes in no part (add them to scripts/translation-todo.ts): ${unknown.join(', ')}`);

const left = (prefixes: readonly string[]) =>
  (Object.keys(nl) as MessageKey[]).filter((key) => prefixes.includes(prefixOf(key)) && have[key] === undefined);

if (part === '--count' || flag === '--count' || part === undefined) {
  for (const [name, prefixes] of Object.entries(parts)) console.log(`${name}: ${left(prefixes).length} keys left`);
} else {
  const prefixes = parts[part as keyof typeof parts];
  if (prefixes === undefined) process.exit(2);
  const todo: Record<string, { nl: string; en: string }> = {};
  for (const key of left(prefixes)) todo[key] = { nl: nl[key], en: en[key] };
  console.log(JSON.stringify(todo, null, 1));
}
