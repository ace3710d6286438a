import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { render } from 'preact-render-to-string';
import { testPageContext } from '../../../test/helpers/page-context.js';
import { translatorFor } from '../../messages.js';
import { contentDir, questionnairesDir } from '../../shared/paths.js';
import type { PublishedDocument } from '../editorial/editorial.types.js';
import { createQuestionnaireRegistry, loadQuestionnaires } from './questionnaires.js';
import { questionnaireField, questionnaireKind, questionnaireText } from './questionnaire.kind.js';

const nl = translatorFor('nl');
const en = translatorFor('en');

/** A kind over a registry filled from the files, and a store whose published texts the test sets. */
function setUp() {
  const registry = createQuestionnaireRegistry(loadQuestionnaires(questionnairesDir).all);
  let store: PublishedDocument[] = [];
  const kind = questionnaireKind({
    registry,
    publishedDocuments: () => Promise.resolve(store),
    t: nl,
    clock: () => new Date('2026-12-08T10:00:00Z'),
  });
  const publish = (history: string[]) => {
    store = [{ key: 'check', current: history.at(-1)!, history }];
  };
  return { registry, kind, publish };
}

const files = async () =>
  Promise.all(['v1.json', 'v2.json'].map((name) => readFile(path.join(questionnairesDir, name), 'utf8')));

test('readFiles gives the versions in content/check, oldest first, byte for byte', async () => {
  const { kind } = setUp();
  const texts = await kind.readFiles(contentDir);
  assert.deepEqual(
    texts,
    (await files()).map((text) => ({ key: 'check', text })),
  );
});

test('writeFiles of the imported history equals content/check byte for byte', async () => {
  const { kind } = setUp();
  const [v1, v2] = await files();
  const written = kind.writeFiles([{ key: 'check', current: v2!, history: [v1!, v2!] }]);
  assert.deepEqual(written, [
    { path: 'check/v1.json', content: v1 },
    { path: 'check/v2.json', content: v2 },
  ]);
});

test('a new draft is the next version with the status draft; it passes the checks as it is', async () => {
  const { kind } = setUp();
  const [, v2] = await files();
  const draft = kind.startDraft(v2, 'check');
  const parsed = kind.parse(draft, nl);
  assert.ok(parsed.ok);
  assert.equal(parsed.value.version, 3);
  assert.equal(parsed.value.status, 'draft');
  assert.equal(parsed.value.published, '2026-12-08');
  assert.deepEqual(await kind.check(parsed.value, 'check', nl), []);
  assert.equal(kind.title(parsed.value, nl), 'Vragenlijst versie 3');
});

test('publishing the draft: the check serves it, the old version is retired, the files say so', async () => {
  const { kind, registry, publish } = setUp();
  const [v1, v2] = await files();
  const draft = JSON.parse(kind.startDraft(v2, 'check')) as { groups: { questions: { text: { nl: string } }[] }[] };
  draft.groups[1]!.questions[0]!.text.nl = 'Is je kind een beetje anders dan vroeger?';
  const saved = kind.fromForm({ [questionnaireField]: JSON.stringify(draft) }, kind.startDraft(v2, 'check'), nl);
  assert.ok(saved.ok);
  publish([v1!, v2!, saved.value]);
  await kind.afterPublish!('check');

  assert.equal(registry.current.version, 3);
  assert.equal(registry.current.status, 'published');
  assert.equal(registry.current.groups[1]!.questions[0]!.text.nl, 'Is je kind een beetje anders dan vroeger?');
  assert.equal(registry.published(2), undefined, 'a form begun in version 2 asks to start again');
  assert.deepEqual(
    registry.all.map((entry) => [entry.version, entry.status]),
    [
      [1, 'retired'],
      [2, 'retired'],
      [3, 'published'],
    ],
  );

  const written = kind.writeFiles([{ key: 'check', current: saved.value, history: [v1!, v2!, saved.value] }]);
  assert.equal(written.length, 3);
  assert.equal(written[0]!.content, v1);
  assert.equal(written[1]!.content, v2!.replace('"status": "published"', '"status": "retired"'));
  assert.match(written[2]!.content, /^ {2}"status": "published",$/m);
  assert.equal(written[2]!.path, 'check/v3.json');
});

test('a rollback to the retired version 1 never reaches parents: the newest other version stays', async () => {
  const { kind, registry, publish } = setUp();
  const [v1, v2] = await files();
  publish([v1!, v2!, v1!]);
  await kind.afterPublish!('check');
  assert.equal(registry.current.version, 2);
});

test('an empty store keeps the versions from the files (services built without an import)', async () => {
  const { kind, registry } = setUp();
  await kind.reload();
  assert.equal(registry.current.version, 2);
});

test('the editor cannot set the version number or the status: the system keeps them', async () => {
  const { kind } = setUp();
  const [, v2] = await files();
  const draft = kind.startDraft(v2, 'check');
  const posted = { ...(JSON.parse(draft) as object), version: 99, status: 'published' };
  const saved = kind.fromForm({ [questionnaireField]: JSON.stringify(posted) }, draft, nl);
  assert.ok(saved.ok);
  assert.equal(saved.value, draft);
});

test('text that is not JSON is kept as typed but refused, like a text that is not a questionnaire, with the place and reason in words', () => {
  const { kind } = setUp();
  const typed = kind.fromForm({ [questionnaireField]: '{"version": 3,' }, '{}', nl);
  assert.deepEqual(typed, { ok: true, value: '{"version": 3,' }, 'what was typed is kept, nothing lost');
  const notJson = kind.parse('{"version": 3,', nl);
  assert.ok(!notJson.ok);
  assert.match(notJson.problems[0]!, /geen geldige JSON/);
  const ctx = testPageContext('nl', { path: '/beheer/inhoud/x/bewerken', csrfToken: () => 'token' });
  assert.match(render(kind.Form({ ctx, text: '{"version": 3,', documentKey: 'check' })), /geen geldige JSON/);
  const shape = kind.parse(questionnaireText({ version: 3, status: 'draft' }), en);
  assert.ok(!shape.ok);
  assert.ok(shape.problems.some((problem) => problem.startsWith('published:')));
  const nlShape = kind.parse(questionnaireText({ version: 'drie' }), nl);
  assert.ok(!nlShape.ok);
  assert.ok(
    nlShape.problems.some((problem) => /^version: .*(getal|number)/i.test(problem)),
    nlShape.problems[0],
  );
});

test('a version that breaks a promise is refused with the reason, in the editor language', async () => {
  const { kind } = setUp();
  const [, v2] = await files();
  const value = JSON.parse(kind.startDraft(v2, 'check')) as {
    groups: { questions: { id: string; raises?: Record<string, string> }[] }[];
  };
  const spullen = value.groups.flatMap((group) => group.questions).find((question) => question.id === 'spullen')!;
  delete spullen.raises;
  const parsed = kind.parse(questionnaireText(value), nl);
  assert.ok(parsed.ok);
  const problems = await kind.check(parsed.value, 'check', nl);
  assert.equal(problems.length, 1, problems.join('\n'));
  assert.match(problems[0]!, /sterk signaal alleen .*spullen|sterk signaal alleen/i);
  const english = await kind.check(parsed.value, 'check', en);
  assert.match(english[0]!, /One strong signal alone/);
  assert.deepEqual(await kind.check(parsed.value, 'something-else', nl), [nl('check.editor.wrongKey')]);
});

test('the form lists the problems; the preview shows the questions as parents see them; fields read in words', async () => {
  const { kind } = setUp();
  const [, v2] = await files();
  const ctx = testPageContext('nl', { path: '/beheer/inhoud/x/bewerken', csrfToken: () => 'token' });
  const broken = v2!.replace('"familyMinimumLevel": "bel-vandaag"', '"familyMinimumLevel": "vraag-advies"');
  const form = render(kind.Form({ ctx, text: broken, documentKey: 'check' }));
  assert.match(form, /name="vragenlijst"/);
  assert.match(form, /data-questionnaire-problems/);
  assert.match(form, /gezinstak/);
  const parsed = kind.parse(v2!, nl);
  assert.ok(parsed.ok);
  const preview = render(kind.Preview({ ctx, value: parsed.value, documentKey: 'check' }));
  assert.doesNotMatch(preview, /<form/);
  assert.match(preview, /niet getest of wetenschappelijk onderzocht/);
  const question = parsed.value.groups[0]!.questions[0]!;
  assert.ok(preview.includes(question.text.nl.replaceAll('"', '&quot;')));
  const fields = kind.fields(parsed.value, nl);
  const field = fields.find((entry) => entry.label === `Vraag ${question.id}`);
  assert.ok(field?.text.includes(question.text.nl));
  assert.ok(fields.some((entry) => entry.label.startsWith('Regel:') && /vanaf 12 punten/.test(entry.text)));
});
