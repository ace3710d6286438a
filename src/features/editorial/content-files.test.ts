import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/helpers/app.js';
import { dialects, openTestDatabase, type TestDatabase } from '../../../test/helpers/databases.js';
import { translatorFor } from '../../messages.js';
import { createServices, type Services } from '../../services.js';
import { migrateToLatest } from '../../shared/db/migrate.js';
import { contentDir } from '../../shared/paths.js';
import { createContentRepository } from '../content/content.repo.js';
import { exportContent, importContent } from './content-files.js';

const t = translatorFor('nl');

for (const dialect of dialects) {
  describe(`export-content and import-content [${dialect}]`, () => {
    let prepared: TestApp;
    let exported: string;
    let empty: TestDatabase;
    let emptyServices: Services;

    before(async () => {
      prepared = await buildTestApp(dialect);
      exported = mkdtempSync(path.join(os.tmpdir(), 'nmk-export-'));
      empty = await openTestDatabase(dialect);
      await migrateToLatest(empty.handle.db);
      emptyServices = createServices(empty.handle, prepared.config);
    });
    after(async () => {
      rmSync(exported, { recursive: true, force: true });
      await empty.cleanup();
      await prepared.close();
    });

    test('the export of a freshly prepared database is content/ byte for byte, for every editorial kind', async () => {
      const written = await exportContent(prepared.services.editorial, exported);
      assert.ok(written.length > 0);
      for (const file of written) {
        assert.equal(
          readFileSync(path.join(exported, file), 'utf8'),
          readFileSync(path.join(contentDir, file), 'utf8'),
          `${file} differs from content/`,
        );
      }
      // And nothing of content/ is left out: each kind reads the same documents from both directories.
      for (const kind of prepared.services.editorial.kinds) {
        const fromRepository = await kind.readFiles(contentDir);
        assert.ok(fromRepository.length > 0, `no files of kind ${kind.kind} in content/`);
        assert.deepEqual(await kind.readFiles(exported), fromRepository, `kind ${kind.kind}`);
      }
    });

    test('a bad file refuses the import with its name and each problem, and nothing is written', async () => {
      const bad = mkdtempSync(path.join(os.tmpdir(), 'nmk-bad-content-'));
      try {
        cpSync(exported, bad, { recursive: true });
        writeFileSync(path.join(bad, 'nl', 'kapot.md'), '---\ntitle: Kapot\naudience: [aliens]\n---\nTekst\n');
        const hostile = readFileSync(path.join(bad, 'nl', 'signalen.md'), 'utf8').replace(
          /\n---\n/,
          '\n---\n[klik](javascript:alert(1)) <iframe src="https://evil.example"></iframe>\n',
        );
        writeFileSync(path.join(bad, 'nl', 'signalen.md'), hostile);
        await assert.rejects(importContent(emptyServices.editorial, bad, t), (error: Error) => {
          assert.match(error.message, /nothing written/);
          assert.match(error.message, /nl\/kapot\.md:[^]*summary[^]*audience/);
          assert.match(error.message, /nl\/signalen\.md:[^]*javascript:alert\(1\)[^]*iframe/);
          return true;
        });
        for (const kind of emptyServices.editorial.kinds) {
          assert.deepEqual(await emptyServices.editorial.publishedDocuments(kind.kind), [], kind.kind);
        }
        assert.equal(await createContentRepository(empty.handle.db).countPages(), 0);
      } finally {
        rmSync(bad, { recursive: true, force: true });
      }
    });

    test('importing the export into an empty database gives the same published documents and pages', async () => {
      const counts = await importContent(emptyServices.editorial, exported, t);
      for (const kind of emptyServices.editorial.kinds) {
        assert.ok((counts[kind.kind]?.created ?? 0) > 0, kind.kind);
        const current = async (services: Services) =>
          (await services.editorial.publishedDocuments(kind.kind)).map(({ key, current: text }) => ({ key, text }));
        assert.deepEqual(await current(emptyServices), await current(prepared.services), kind.kind);
      }
      const original = createContentRepository(prepared.database.handle.db);
      const rebuilt = createContentRepository(empty.handle.db);
      for (const lang of ['nl', 'en']) {
        for (const section of ['informatie', 'kennisbank'] as const) {
          const listed = await original.listPages(lang, section);
          const withoutId = <T extends { id: string }>({ id: _id, ...rest }: T) => rest;
          assert.deepEqual((await rebuilt.listPages(lang, section)).map(withoutId), listed.map(withoutId));
          for (const page of listed) {
            const before = await original.findPage(page.slug, lang, section);
            const after = await rebuilt.findPage(page.slug, lang, section);
            assert.ok(before !== undefined && after !== undefined);
            assert.deepEqual(withoutId(after), withoutId(before), `${section} ${lang}/${page.slug}`);
          }
        }
      }
      // A second import of the same files writes nothing.
      const again = await importContent(emptyServices.editorial, exported, t);
      for (const kind of emptyServices.editorial.kinds) {
        assert.equal(again[kind.kind]?.created, 0);
        assert.equal(again[kind.kind]?.updated, 0);
      }
    });
  });
}
