import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachDialect } from '../../../test/helpers/databases.js';
import { createContentRepository } from '../content/content.repo.js';
import { createFeedbackRepository } from './feedback.repo.js';

describeEachDialect('feedback repository', (database) => {
  const repo = () => createFeedbackRepository(database().handle.db);
  const page = { section: 'informatie' as const, slug: 'veilig-gebruik', lang: 'nl' };

  test('a text is stored pending with its day only, and found by id', async () => {
    const id = await repo().addText({ ...page, text: 'Ik miste <b>uitleg</b>.', receivedOn: '2026-12-01' });
    const text = await repo().findText(id);
    assert.deepEqual(text, {
      id,
      ...page,
      text: 'Ik miste <b>uitleg</b>.',
      receivedOn: '2026-12-01',
      state: 'pending',
    });
    assert.ok((await repo().pendingTexts()).some((row) => row.id === id));
    assert.ok(!(await repo().acceptedTexts()).some((row) => row.id === id));
  });

  test('accepting moves a pending text to accepted once, and runs its audit work in the transaction', async () => {
    const id = await repo().addText({ ...page, text: 'Meer over school.', receivedOn: '2026-12-02' });
    let ran = 0;
    assert.equal(
      await repo().accept(id, () => {
        ran += 1;
        return Promise.resolve();
      }),
      true,
    );
    assert.equal((await repo().findText(id))?.state, 'accepted');
    assert.equal(await repo().accept(id), false, 'an accepted text is not accepted again');
    assert.equal(ran, 1);
    assert.ok((await repo().acceptedTexts()).some((row) => row.id === id));
  });

  test('discarding deletes the row; a second discard finds nothing', async () => {
    const id = await repo().addText({ ...page, text: 'Weg ermee.', receivedOn: '2026-12-03' });
    assert.equal(await repo().discard(id), true);
    assert.equal(await repo().findText(id), undefined);
    assert.equal(await repo().discard(id), false);
  });

  test('an audit line that fails undoes the decision', async () => {
    const id = await repo().addText({ ...page, text: 'Blijft staan.', receivedOn: '2026-12-03' });
    await assert.rejects(repo().discard(id, () => Promise.reject(new Error('audit down'))));
    assert.equal((await repo().findText(id))?.state, 'pending');
  });

  test('deleting by day takes only the state and the days asked for', async () => {
    const old = await repo().addText({ ...page, text: 'Oud.', receivedOn: '2026-01-01' });
    const recent = await repo().addText({ ...page, text: 'Nieuw.', receivedOn: '2026-06-01' });
    const oldAccepted = await repo().addText({ ...page, text: 'Oud en goed.', receivedOn: '2026-01-01' });
    await repo().accept(oldAccepted);
    const deleted = await repo().deleteReceivedBefore('pending', '2026-02-01');
    assert.ok(deleted >= 1);
    assert.equal(await repo().findText(old), undefined);
    assert.equal((await repo().findText(recent))?.state, 'pending');
    assert.equal((await repo().findText(oldAccepted))?.state, 'accepted');
  });

  test('the answers to "was this useful?" are totalled per page over all days', async () => {
    const content = createContentRepository(database().handle.db);
    await content.recordFeedback('ander-onderwerp', 'nl', '2026-12-01', true);
    await content.recordFeedback('ander-onderwerp', 'nl', '2026-12-02', true);
    await content.recordFeedback('ander-onderwerp', 'nl', '2026-12-02', false);
    await content.recordFeedback('ander-onderwerp', 'en', '2026-12-02', false);
    const totals = await repo().voteTotals();
    assert.deepEqual(
      totals.filter((row) => row.slug === 'ander-onderwerp').sort((a, b) => a.lang.localeCompare(b.lang)),
      [
        { slug: 'ander-onderwerp', lang: 'en', helpful: 0, notHelpful: 1 },
        { slug: 'ander-onderwerp', lang: 'nl', helpful: 2, notHelpful: 1 },
      ],
    );
    assert.equal(await repo().countPending(), (await repo().pendingTexts()).length);
    assert.ok(Array.isArray(await repo().pageNames()));
  });
});
