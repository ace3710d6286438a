import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { before, test } from 'node:test';
import { createTestKind, testText } from '../../../test/helpers/editorial-kind.js';
import { describeEachDialect } from '../../../test/helpers/databases.js';
import { translatorFor } from '../../messages.js';
import { NotFound } from '../../shared/errors.js';
import type { Actor } from '../../shared/policy/actor.js';
import { createAuditRepository } from '../audit/audit.repo.js';
import { createAuditService } from '../audit/audit.service.js';
import { createEditorialRepository } from './editorial.repo.js';
import { createEditorialService, EditConflict, EditorialRefusal, type EditorialService } from './editorial.service.js';

/*
 * The editorial core with a small test kind on both databases: the workflow from draft to published with four
 * eyes, the edit-number conflict with both texts, the kind's check at submit and again at publish, rollback by a
 * second person, the audit lines, the start-up import (all or nothing, unchanged files skipped), and a publish
 * whose apply fails changing nothing.
 */

const editor: Actor = { kind: 'user', userId: 'editor-1', roles: ['editor'] };
const editor2: Actor = { kind: 'user', userId: 'editor-2', roles: ['editor'] };
const reviewer: Actor = { kind: 'user', userId: 'reviewer-1', roles: ['reviewer'] };
const admin: Actor = { kind: 'user', userId: 'admin-1', roles: ['admin'] };
const parent: Actor = { kind: 'user', userId: 'parent-1', roles: ['parent'] };
const context = { locale: 'nl' as const, trail: { requestId: 'test' } };

describeEachDialect('editorial service', (database) => {
  let kind: ReturnType<typeof createTestKind>;
  let service: EditorialService;
  let audit: ReturnType<typeof createAuditService>;
  const published: string[] = [];

  before(() => {
    kind = createTestKind();
    audit = createAuditService(createAuditRepository(database().handle.db));
    service = createEditorialService(createEditorialRepository(database().handle.db), {
      kinds: [kind],
      audit,
      translatorFor,
    });
    service.onPublished((kindName, key) => {
      published.push(`${kindName}:${key}`);
    });
  });

  const save = (actor: Actor, id: string, title: string, body: string, editNumber: number) =>
    service.saveDraft(actor, id, { form: { title, body }, editNumber, note: 'why' }, context);

  test('draft → review → published by a second person, the old one retired, applied, listeners told', async () => {
    const id = await service.createDocument(editor, 'page', 'about', context);
    assert.deepEqual(await save(editor, id, 'About', 'First words', 0), { ok: true, editNumber: 1 });
    await service.submit(editor, id, context);
    // The author cannot publish their own change, even as an admin would need someone else.
    await assert.rejects(service.publish(editor, id, { note: '' }, context), EditorialRefusal);
    await service.publish(reviewer, id, { note: 'fine' }, context);
    assert.deepEqual(kind.live.get('about'), { title: 'About', body: 'First words' });
    assert.deepEqual(published, ['page:about']);
    assert.ok(kind.reloads.includes('about'));

    const number = await service.startDraft(editor2, id, context);
    assert.equal(number, 2);
    await save(editor2, id, 'About', 'Second words', 0);
    await service.submit(editor2, id, context);
    await service.publish(admin, id, { note: '' }, context);
    const view = await service.document(reviewer, id);
    assert.deepEqual(
      view.revisions.map((revision) => [revision.number, revision.state]),
      [
        [1, 'retired'],
        [2, 'published'],
      ],
    );
    assert.equal(view.document.title, 'About');
    const lines = await audit.forObjectPrefix('editorial-document', 'page:about#');
    assert.deepEqual(
      lines.map((row) => `${row.actor} ${row.action} ${row.objectId}`),
      [
        'editor-1 editorial.create page:about#1',
        'editor-1 editorial.edit page:about#1',
        'editor-1 editorial.submit page:about#1',
        'reviewer-1 editorial.publish page:about#1',
        'editor-2 editorial.startDraft page:about#2',
        'editor-2 editorial.edit page:about#2',
        'editor-2 editorial.submit page:about#2',
        'admin-1 editorial.publish page:about#2',
      ],
    );
  });

  test('two editors on one draft: the second save on an old edit number is a conflict with both texts', async () => {
    const id = await service.createDocument(editor, 'page', 'conflict', context);
    await save(editor, id, 'T', 'editor one', 0);
    await assert.rejects(save(editor2, id, 'T', 'editor two', 0), (error: unknown) => {
      assert.ok(error instanceof EditConflict);
      assert.match(error.theirs.text, /editor one/);
      assert.equal(error.theirs.editNumber, 1);
      assert.match(error.yours.text, /editor two/);
      return true;
    });
    const view = await service.document(editor, id);
    assert.match(view.open!.text, /editor one/);
    // Saving again on the new number works.
    assert.deepEqual(await save(editor2, id, 'T', 'editor two', 1), { ok: true, editNumber: 2 });
  });

  test("the kind's check refuses at submit and again at publish; nothing is published", async () => {
    const id = await service.createDocument(editor, 'page', 'checked', context);
    await save(editor, id, 'T', 'FORBIDDEN', 0);
    await assert.rejects(service.submit(editor, id, context), (error: unknown) => {
      assert.ok(error instanceof EditorialRefusal);
      assert.deepEqual(error.problems, ['the body holds a forbidden word']);
      return true;
    });
    await assert.rejects(service.publish(reviewer, id, { note: '' }, context), EditorialRefusal);
    assert.equal(kind.live.has('checked'), false);
  });

  test('a publish whose apply fails changes nothing; a draft cannot be published', async () => {
    const id = await service.createDocument(editor, 'page', 'failing', context);
    await save(editor, id, 'T', 'words', 0);
    await assert.rejects(service.publish(reviewer, id, { note: '' }, context), EditorialRefusal);
    await service.submit(editor, id, context);
    kind.failApply = true;
    try {
      await assert.rejects(service.publish(reviewer, id, { note: '' }, context), /apply failed/);
    } finally {
      kind.failApply = false;
    }
    const view = await service.document(reviewer, id);
    assert.equal(view.open?.state, 'in_review');
    assert.equal(view.published, undefined);
  });

  test('rollback: a new revision in review by the one who asked, published by a second person', async () => {
    const id = await service.createDocument(editor, 'page', 'rolled', context);
    await save(editor, id, 'T', 'old', 0);
    await service.submit(editor, id, context);
    await service.publish(reviewer, id, { note: '' }, context);
    await service.startDraft(editor, id, context);
    await save(editor, id, 'T', 'new', 0);
    await service.submit(editor, id, context);
    await service.publish(reviewer, id, { note: '' }, context);
    assert.equal(kind.live.get('rolled')?.body, 'new');
    // Editors may not roll back; a reviewer may, and then may not publish their own rollback.
    await assert.rejects(service.rollback(editor, id, 1, context), EditorialRefusal);
    assert.equal(await service.rollback(reviewer, id, 1, context), 3);
    await assert.rejects(service.publish(reviewer, id, { note: '' }, context), EditorialRefusal);
    await service.publish(admin, id, { note: '' }, context);
    assert.equal(kind.live.get('rolled')?.body, 'old');
  });

  test('someone without an editorial role gets a 404 for every action, and nothing changes', async () => {
    const id = await service.createDocument(editor, 'page', 'hidden', context);
    await assert.rejects(service.createDocument(parent, 'page', 'other', context), NotFound);
    await assert.rejects(save(parent, id, 'T', 'x', 0), NotFound);
    await assert.rejects(service.submit(parent, id, context), NotFound);
    await assert.rejects(service.publish(parent, id, { note: '' }, context), NotFound);
    await assert.rejects(service.document(parent, id), NotFound);
    await assert.rejects(service.document(editor, 'no-such-id'), NotFound);
    assert.equal((await service.document(editor, id)).open?.editNumber, 0);
  });

  test('import: all texts checked before anything is written; unchanged files skipped; history kept', async () => {
    const directory = mkdtempSync(path.join(os.tmpdir(), 'editorial-import-'));
    try {
      mkdirSync(path.join(directory, 'test-kind'));
      const write = (name: string, body: string) =>
        writeFileSync(path.join(directory, 'test-kind', name), testText({ title: name, body }));
      write('imported.1.json', 'version one');
      write('imported.2.json', 'version two');
      write('broken.1.json', 'FORBIDDEN');
      await assert.rejects(service.importDirectory(directory), /broken[\s\S]*forbidden word/);
      assert.equal(kind.live.has('imported'), false);
      rmSync(path.join(directory, 'test-kind', 'broken.1.json'));
      assert.deepEqual(await service.importDirectory(directory), { page: { created: 1, updated: 1, unchanged: 0 } });
      assert.equal(kind.live.get('imported')?.body, 'version two');
      assert.deepEqual(await service.importDirectory(directory), { page: { created: 0, updated: 0, unchanged: 2 } });
      const documents = await service.publishedDocuments('page');
      const imported = documents.find((document) => document.key === 'imported');
      assert.equal(imported?.history.length, 2);
      assert.match(imported?.current ?? '', /version two/);
      // A published text edited in the CMS is not overwritten by the same files at the next start.
      const listing = (await service.documents(editor, 'page')).find((row) => row.document.key === 'imported');
      const id = listing!.document.id;
      await service.startDraft(editor, id, context);
      await save(editor, id, 'imported.2.json', 'cms words', 0);
      await service.submit(editor, id, context);
      await service.publish(reviewer, id, { note: '' }, context);
      assert.deepEqual(await service.importDirectory(directory), { page: { created: 0, updated: 0, unchanged: 2 } });
      assert.equal(kind.live.get('imported')?.body, 'cms words');
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
