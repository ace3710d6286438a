import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachDialect } from '../../../test/helpers/databases.js';
import { translatorFor } from '../../messages.js';
import { anonymous, type Actor } from '../../shared/policy/actor.js';
import { NotFound } from '../../shared/errors.js';
import { createContentRepository } from './content.repo.js';
import { createContentService } from './content.service.js';
import { pageKind } from './page.kind.js';

const admin: Actor = { kind: 'user', userId: 'a1', roles: ['admin'] };

function page(title: string, extra = '', body = '## Eerste deel\n\nTekst.\n\n## Tweede deel\n\nMeer tekst.\n'): string {
  return `---\ntitle: ${title}\nsummary: Samenvatting van ${title}.\naudience: [parents]\ntopic: begrijpen\nsources:\n  - title: Bron\n    publisher: Uitgever\n    url: https://example.org/bron\nlastReviewed: 2026-11-28\norder: 10\n${extra}---\n${body}`;
}

describeEachDialect('content pages', (database) => {
  const clock = { now: new Date('2026-11-28T10:00:00Z') };
  const service = () => createContentService(createContentRepository(database().handle.db), () => clock.now);

  /** Publishes a page as the editorial core does: the kind's apply in a transaction. */
  async function publish(key: string, text: string): Promise<void> {
    const kind = pageKind(createContentRepository(database().handle.db));
    const parsed = kind.parse(text, translatorFor('nl'));
    assert.ok(parsed.ok);
    await database().handle.db.transaction().execute((trx) => kind.apply(trx, key, parsed.value, clock.now));
  }

  test('an empty database is reported empty, and publishing fills it', async () => {
    assert.equal(await service().isEmpty(), true);
    await publish('nl/signalen', page('Signalen'));
    await publish('en/signalen', page('Signals'));
    await publish('nl/alleen-nederlands', page('Alleen Nederlands'));
    await publish('nl/concept', page('Concept', 'draft: true\n'));
    assert.equal(await service().isEmpty(), false);
  });

  test('publishing again updates the page in place', async () => {
    await publish('nl/signalen', page('Signalen herzien'));
    const { page: shown } = await service().showPage(anonymous, 'signalen', 'nl');
    assert.equal(shown.title, 'Signalen herzien');
    assert.equal((await createContentRepository(database().handle.db).countPages()), 4);
  });

  test('a page is shown with sanitized HTML, its sources, headings and review date', async () => {
    const { page: shown, fallback } = await service().showPage(anonymous, 'signalen', 'en');
    assert.equal(fallback, false);
    assert.equal(shown.title, 'Signals');
    assert.deepEqual(shown.sources, [{ title: 'Bron', publisher: 'Uitgever', url: 'https://example.org/bron' }]);
    assert.deepEqual(
      shown.headings.map((heading) => heading.id),
      ['eerste-deel', 'tweede-deel'],
    );
    assert.equal(shown.lastReviewed, '2026-11-28');
    assert.match(shown.bodyHtml, /<h2 id="eerste-deel">Eerste deel<\/h2>/);
  });

  test('a page not yet translated is shown in Dutch and marked as such', async () => {
    const shown = await service().showPage(anonymous, 'alleen-nederlands', 'en');
    assert.equal(shown.fallback, true);
    assert.equal(shown.page.lang, 'nl');
  });

  test('drafts are hidden from visitors as if they did not exist, but admins see them', async () => {
    await assert.rejects(service().showPage(anonymous, 'concept', 'nl'), NotFound);
    assert.equal((await service().showPage(admin, 'concept', 'nl')).page.status, 'draft');
    const visible = await service().listVisiblePages(anonymous, 'nl');
    assert.deepEqual(visible.map((listed) => listed.slug).sort(), ['alleen-nederlands', 'signalen']);
    assert.equal((await service().listVisiblePages(admin, 'nl')).length, 3);
  });

  test('unknown and malformed slugs are not found', async () => {
    await assert.rejects(service().showPage(anonymous, 'bestaat-niet', 'nl'), NotFound);
    await assert.rejects(service().showPage(anonymous, '../../etc/passwd', 'nl'), NotFound);
  });

  test('feedback is counted per page, language and day, and nothing else is stored', async () => {
    const repo = createContentRepository(database().handle.db);
    await service().recordFeedback(anonymous, 'signalen', 'nl', true);
    await service().recordFeedback(anonymous, 'signalen', 'nl', true);
    await service().recordFeedback(anonymous, 'signalen', 'nl', false);
    assert.deepEqual(await repo.feedbackTotals('signalen', 'nl'), { helpful: 2, notHelpful: 1 });
    assert.deepEqual(await repo.feedbackTotals('signalen', 'en'), { helpful: 0, notHelpful: 0 });
    const rows = await database().handle.db.selectFrom('page_feedback').selectAll().execute();
    assert.deepEqual(Object.keys(rows[0] ?? {}).sort(), ['count', 'day', 'helpful', 'lang', 'slug']);
    assert.ok(rows.every((row) => row.day === '2026-11-28'));
  });

  test('drafts take no feedback', async () => {
    await assert.rejects(service().recordFeedback(anonymous, 'concept', 'nl', true), NotFound);
  });

  test('sections: a page is found and listed only in its own section, with its visibility and reviewer', async () => {
    const db = database().handle.db;
    const repo = createContentRepository(db);
    const write = {
      section: 'kennisbank' as const,
      visibility: 'professionals' as const,
      reviewedBy: 'Redactie',
      slug: 'meldcode',
      lang: 'nl',
      status: 'published' as const,
      title: 'De meldcode',
      summary: 'Vijf stappen.',
      audience: ['care', 'school'],
      topic: 'meldcode',
      sources: [],
      headings: [],
      lastReviewed: '2026-12-01',
      order: 5,
      bodyMarkdown: 'Tekst.\n',
      bodyHtml: '<p>Tekst.</p>\n',
      sourceHash: 'h1',
    };
    await db.transaction().execute((trx) => repo.savePage(trx, write, clock.now));
    assert.equal(await repo.findPage('meldcode', 'nl'), undefined);
    const found = await repo.findPage('meldcode', 'nl', 'kennisbank');
    assert.equal(found?.visibility, 'professionals');
    assert.equal(found?.reviewedBy, 'Redactie');
    assert.deepEqual(found?.audience, ['care', 'school']);
    assert.deepEqual(
      (await repo.listPages('nl', 'kennisbank')).map((listed) => listed.slug),
      ['meldcode'],
    );
    assert.ok((await repo.listPages('nl')).every((listed) => listed.section === 'informatie'));
    assert.equal((await repo.findPage('signalen', 'nl'))?.section, 'informatie');

    // Saving again updates in place; the other section cannot take the slug.
    await db.transaction().execute((trx) => repo.savePage(trx, { ...write, title: 'Meldcode' }, clock.now));
    assert.equal((await repo.findPage('meldcode', 'nl', 'kennisbank'))?.title, 'Meldcode');
    await assert.rejects(
      db.transaction().execute((trx) => repo.savePage(trx, { ...write, section: 'informatie' }, clock.now)),
      /already used in the section kennisbank/,
    );
    assert.equal(await repo.sectionOfSlug('meldcode', 'nl'), 'kennisbank');
  });
});
