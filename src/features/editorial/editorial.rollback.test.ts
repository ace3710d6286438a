import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/helpers/app.js';
import { dialects } from '../../../test/helpers/databases.js';
import type { Actor } from '../../shared/policy/actor.js';
import { questionnaireField } from '../check/questionnaire.kind.js';
import { EditorialRefusal } from './editorial.service.js';

/*
 * A rollback of a versioned kind (the check's questionnaire) with the real kinds on both databases: the old text
 * goes through the kind's startDraft (the next version number, the status of a draft) and is examined like any
 * draft. A rollback to version 1, which breaks the check's promises, is refused with the reasons and opens
 * nothing; a rollback to a safe earlier version is published by a second person as a new version that parents
 * are asked.
 */

const editor: Actor = { kind: 'user', userId: 'rollback-editor', roles: ['editor'] };
const reviewer: Actor = { kind: 'user', userId: 'rollback-reviewer', roles: ['reviewer'] };
const admin: Actor = { kind: 'user', userId: 'rollback-admin', roles: ['admin'] };
const context = { locale: 'nl' as const, trail: { requestId: 'rollback-test' } };
const newWording = 'Is je kind de laatste maanden opeens heel anders geworden?';

for (const dialect of dialects) {
  describe(`rollback of a versioned kind [${dialect}]`, () => {
    let testApp: TestApp;
    before(async () => {
      testApp = await buildTestApp(dialect);
    });
    after(() => testApp.close());

    const checkDocument = async () => {
      const [listing] = await testApp.services.editorial.documents(editor, 'questionnaire');
      assert.ok(listing !== undefined, 'the check is an editorial document after the import');
      return listing.document.id;
    };

    test('a rollback to version 1 (it breaks the promises) is refused with the reasons, nothing opened', async () => {
      const id = await checkDocument();
      const view = await testApp.services.editorial.document(editor, id);
      assert.deepEqual(
        view.revisions.map((revision) => [revision.number, revision.state]),
        [
          [1, 'retired'],
          [2, 'published'],
        ],
      );
      await assert.rejects(testApp.services.editorial.rollback(reviewer, id, 1, context), (error: unknown) => {
        assert.ok(error instanceof EditorialRefusal);
        assert.equal(error.reason, 'editorial.problem.notReady');
        assert.ok(error.problems.length > 0, 'the safety reasons are named');
        return true;
      });
      const after = await testApp.services.editorial.document(editor, id);
      assert.equal(after.revisions.length, 2);
      assert.equal(after.open, undefined);
      assert.equal(testApp.services.check.current().version, 2);
    });

    test('a rollback to a safe earlier version becomes the next version, in review, published by a second person', async () => {
      const id = await checkDocument();
      const editorial = testApp.services.editorial;
      // Version 3: one question worded differently, published by the reviewer.
      await editorial.startDraft(editor, id, context);
      const draft = (await editorial.document(editor, id)).open!;
      const json = JSON.parse(draft.text) as { groups: { questions: { text: { nl: string } }[] }[] };
      const oldWording = json.groups[1]!.questions[0]!.text.nl;
      json.groups[1]!.questions[0]!.text.nl = newWording;
      const saved = await editorial.saveDraft(
        editor,
        id,
        { form: { [questionnaireField]: JSON.stringify(json, null, 2) }, editNumber: 0, note: 'Andere woorden' },
        context,
      );
      assert.deepEqual(saved, { ok: true, editNumber: 1 });
      await editorial.submit(editor, id, context);
      await editorial.publish(reviewer, id, { note: '' }, context);
      assert.equal(testApp.services.check.current().version, 3);

      // Back to revision 2 (version 2): a new revision 4 with version 4, in review, the old wording.
      const number = await editorial.rollback(reviewer, id, 2, context);
      assert.equal(number, 4);
      const view = await editorial.document(editor, id);
      assert.equal(view.open?.state, 'in_review');
      const text = JSON.parse(view.open.text) as { version: number; status: string };
      assert.equal(text.version, 4);
      assert.equal(text.status, 'draft');
      await assert.rejects(editorial.publish(reviewer, id, { note: '' }, context), EditorialRefusal);
      await editorial.publish(admin, id, { note: 'Terug naar de oude woorden' }, context);
      const current = testApp.services.check.current();
      assert.equal(current.version, 4);
      assert.equal(current.status, 'published');
      assert.equal(current.groups[1]!.questions[0]!.text.nl, oldWording);
    });
  });
}
