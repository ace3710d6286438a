import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { catalogues } from './messages.js';
import { nl as sharedNl } from './shared/i18n/nl.js';

const srcDir = dirname(fileURLToPath(import.meta.url));

/**
 * Keys that code builds from a value (`journal.category.${category}`), by prefix: a key under one of these counts
 * as used. Every template in src/ that starts like a key must be listed here or in `notMessageKeys`, and every
 * prefix here must still be built somewhere, so the list follows the code.
 */
const builtKeyPrefixes = [
  'service.', // the national lines, by line id (src/shared/views/components/national-lines.tsx)
  'help.invalid.', // why a postcode or place was refused
  'account.recover.code.', // what is wrong with a typed recovery code
  'journal.category.', // an observation's category (views, PDF, verifier, export checker)
  'journal.attachment.type.', // an attachment's media type
  'journal.export.mode.', // which entries an export holds
  'journal.export.attachments.', // which attachments an export holds
  'journal.export.problem.', // why an export could not start
  'journal.export.status.phase.', // how far an export is
  'verify.check.', // a check of the verifier (src/shared/evidence/verify.ts checkIds)
  'verify.entry.kind.', // an entry, correction or redaction in the verifier
  'cases.start.mode.', // with or without parents (cases views)
  'cases.consent.basis.', // what a flow of data rests on
  'cases.consent.childKnows.', // whether the child knows
  'cases.consent.flow.', // which flow a consent record is for
  'cases.role.', // a case role
  'cases.state.', // a membership state
  'cases.mandate.', // why a parent cannot remove a member
  'cases.page.invitation.state.', // an invitation's state
  'cases.page.mandate.', // the Veilig Thuis investigation question's answers
  'cases.problem.', // why a step of the case's life cycle was refused
  'caseYoung.section.state.', // a young member's state, for the professional who invited them (ADR 0030)
  'caseYoung.problem.', // why a young person's code or a change in their channel was refused
  'caseYoung.consent.flow.', // a consent question put to a young member of 16 or older
  'caseYoung.consent.answer.', // their latest answer to it
  'editorial.kind.', // a kind of editorial document (CMS views, ADR 0033)
  'editorial.state.', // a revision's state
  'editorial.accounts.role.', // an editorial role to invite
  'orgKind.field.', // an organisation's field named in a refusal (organisation kind, ADR 0037)
  'orgKind.area.', // the kind of area an organisation serves
  'insights.level.', // an advice level's name in the insights' tables (issue 18)
  'knowledge.audience.', // a knowledge article's audience (ADR 0035)
  'knowledge.topic.', // a knowledge article's topic
];

/** Templates that start like a key but name something else. */
const notMessageKeys = [
  'journal.attachment.', // the audit event of an attachment download (journal.attachment.file / .original)
  'editorial.', // the audit event of a CMS action (editorial.publish, …)
];

/** Source files that may name a key: everything in src/ except tests and the catalogues themselves. */
function sources(): { path: string; text: string }[] {
  return readdirSync(srcDir, { recursive: true, encoding: 'utf8' })
    .filter((path) => /\.(tsx?|js)$/.test(path) && !/\.test\.tsx?$/.test(path))
    .filter((path) => !path.endsWith('.messages.ts') && !/^shared\/i18n\/(nl|en)\.ts$/.test(path))
    .map((path) => ({ path, text: readFileSync(join(srcDir, path), 'utf8') }));
}

/** Every quoted string that looks like a key ('a.b', "a.b", `a.b`), and the heads of templates (`a.b.${…}`). */
function namesIn(files: readonly { text: string }[]): { literals: Set<string>; templateHeads: Set<string> } {
  const literals = new Set<string>();
  const templateHeads = new Set<string>();
  for (const { text } of files) {
    for (const match of text.matchAll(/(['"`])([a-zA-Z][\w-]*(?:\.[\w-]+)+)\1/g)) literals.add(match[2]!);
    for (const match of text.matchAll(/`([a-z][a-zA-Z]*(?:\.[\w-]+)*\.)\$\{/g)) templateHeads.add(match[1]!);
  }
  return { literals, templateHeads };
}

/** The keys that no source names, literally or through a built-key prefix. */
function unusedKeys(keys: readonly string[], files: readonly { text: string }[], prefixes: readonly string[]) {
  const { literals } = namesIn(files);
  return keys.filter((key) => !literals.has(key) && !prefixes.some((prefix) => key.startsWith(prefix)));
}

test('every key in the catalogue is used somewhere in src/', () => {
  const unused = unusedKeys(Object.keys(catalogues.nl), sources(), builtKeyPrefixes);
  assert.deepEqual(unused, [], 'remove these keys from their catalogue part, or list how the code builds them');
});

test('a key that no source names is found, and one named literally or built from a listed prefix is not', () => {
  const files = [{ text: "t('home.title'); t(`journal.category.${category}`)" }];
  const keys = ['home.title', 'journal.category.school', 'home.planted'];
  assert.deepEqual(unusedKeys(keys, files, ['journal.category.']), ['home.planted']);
});

test('the built-key prefixes follow the code: each is built somewhere, and every key-like template is listed', () => {
  const namespaces = new Set(Object.keys(catalogues.nl).map((key) => key.split('.')[0]));
  const { templateHeads } = namesIn(sources());
  const keyLike = [...templateHeads].filter((head) => namespaces.has(head.split('.')[0]));
  const listed = [...builtKeyPrefixes, ...notMessageKeys];
  assert.deepEqual(
    keyLike.filter((head) => !listed.includes(head)),
    [],
    'a template builds a key: add its prefix to builtKeyPrefixes (or to notMessageKeys if it is no message)',
  );
  assert.deepEqual(
    listed.filter((prefix) => !templateHeads.has(prefix)),
    [],
    'no code builds these any more: remove them from the list',
  );
});

test('a key that src/shared/ names is in the shared part, so shared code needs no feature’s messages', () => {
  const shared = sources().filter(({ path }) => relative('shared', path).split('/')[0] !== '..');
  const { literals } = namesIn(shared);
  const allKeys = new Set(Object.keys(catalogues.nl));
  const inFeatures = [...literals].filter((name) => allKeys.has(name) && !Object.hasOwn(sharedNl, name));
  assert.deepEqual(inFeatures, []);
});
