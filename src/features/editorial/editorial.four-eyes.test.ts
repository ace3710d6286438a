import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { createTestKind } from '../../../test/helpers/editorial-kind.js';
import { describeEachDialect } from '../../../test/helpers/databases.js';
import { translatorFor } from '../../messages.js';
import type { Actor } from '../../shared/policy/actor.js';
import { createAuditRepository } from '../audit/audit.repo.js';
import { createAuditService } from '../audit/audit.service.js';
import { createEditorialRepository } from './editorial.repo.js';
import { createEditorialService, EditConflict, EditorialRefusal, type EditorialService } from './editorial.service.js';

/*
 * Four eyes with a shared draft (issue 16): everyone who saved text into a revision is one of its contributors, and
 * none of them may publish it — only a reviewer or admin whose words are not in it. On both databases.
 */

const editorA: Actor = { kind: 'user', userId: 'editor-a', roles: ['editor'] };
const reviewerB: Actor = { kind: 'user', userId: 'reviewer-b', roles: ['reviewer'] };
const reviewerC: Actor = { kind: 'user', userId: 'reviewer-c', roles: ['reviewer'] };
const adminD: Actor = { kind: 'user', userId: 'admin-d', roles: ['admin'] };
const context = { locale: 'nl' as const, trail: { requestId: 'test' } };

describeEachDialect('editorial four eyes with contributors', (database) => {
  let kind: ReturnType<typeof createTestKind>;
  let service: EditorialService;

  before(() => {
    kind = createTestKind();
    service = createEditorialService(createEditorialRepository(database().handle.db), {
      kinds: [kind],
      audit: createAuditService(createAuditRepository(database().handle.db)),
      translatorFor,
    });
  });

  const save = (actor: Actor, id: string, body: string, editNumber: number) =>
    service.saveDraft(actor, id, { form: { title: 'T', body }, editNumber, note: 'why' }, context);

  test("A drafts, B saves into it, A submits: B may not publish B's own words, C may", async () => {
    const id = await service.createDocument(editorA, 'page', 'shared', context);
    await save(editorA, id, 'words of A', 0);
    await save(reviewerB, id, 'words of A and of B', 1);
    await service.submit(editorA, id, context);

    const view = await service.document(reviewerC, id);
    assert.equal(view.open?.authorId, 'editor-a');
    assert.deepEqual(view.open?.contributorIds, ['editor-a', 'reviewer-b']);

    // B is not the author, but B's words are in it: refused, with the reason, and nothing published.
    assert.equal(service.abilities(reviewerB, view).publish, false);
    assert.equal(service.abilities(reviewerB, view).sendBack, true);
    await assert.rejects(service.publish(reviewerB, id, { note: '' }, context), (error: unknown) => {
      assert.ok(error instanceof EditorialRefusal);
      assert.equal(error.reason, 'editorial.problem.contributed');
      return true;
    });
    assert.equal(kind.live.has('shared'), false);
    assert.equal((await service.dashboard(reviewerB)).mayPublish, 0);
    assert.equal((await service.dashboard(reviewerC)).mayPublish, 1);

    assert.equal(service.abilities(reviewerC, view).publish, true);
    await service.publish(reviewerC, id, { note: 'checked' }, context);
    assert.equal(kind.live.get('shared')?.body, 'words of A and of B');
  });

  test('a save made from the conflict page makes its saver a contributor too', async () => {
    const id = await service.createDocument(editorA, 'page', 'conflicted', context);
    await save(editorA, id, 'first', 0);
    // D's form was made on edit number 0: a conflict, nothing saved, and D not yet a contributor.
    await assert.rejects(save(adminD, id, 'mine', 0), EditConflict);
    assert.deepEqual((await service.document(adminD, id)).open?.contributorIds, ['editor-a']);
    // The conflict page posts D's text on the current edit number.
    await save(adminD, id, 'mine after all', 1);
    await service.submit(editorA, id, context);
    await assert.rejects(service.publish(adminD, id, { note: '' }, context), EditorialRefusal);
    await service.publish(reviewerC, id, { note: '' }, context);
    assert.equal(kind.live.get('conflicted')?.body, 'mine after all');
  });

  test('a new draft starts with its author alone; saving twice lists a person once', async () => {
    const id = await service.createDocument(editorA, 'page', 'fresh', context);
    await save(reviewerB, id, 'one', 0);
    await save(reviewerB, id, 'two', 1);
    await service.submit(editorA, id, context);
    await service.publish(reviewerC, id, { note: '' }, context);
    await service.startDraft(editorA, id, context);
    const view = await service.document(editorA, id);
    assert.deepEqual(
      view.revisions.map((revision) => revision.contributorIds),
      [['editor-a', 'reviewer-b'], ['editor-a']],
    );
  });
});
