import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachDialect } from '../../../test/helpers/databases.js';
import { anonymous } from '../../shared/policy/actor.js';
import { questionnairesDir } from '../../shared/paths.js';
import { createCheckRepository } from './check.repo.js';
import { createCheckService } from './check.service.js';
import { loadQuestionnaires } from './questionnaires.js';

const registry = loadQuestionnaires(questionnairesDir);
const calmForm = (): Record<string, string> => {
  const form: Record<string, string> = { versie: String(registry.current.version) };
  for (const group of registry.current.groups) {
    for (const question of group.questions) form[question.id] = question.scale === 'leeftijd' ? '13-15' : 'nee';
  }
  return form;
};

describeEachDialect('counting completed checks', (database) => {
  const counts = async () =>
    (await createCheckRepository(database().handle.db).outcomeCounts()).map(
      (row) => `${row.day} ${row.level} ${row.count}`,
    );

  test('counts are written in the background within the flush interval, added up per day and level', async () => {
    const now = new Date('2026-03-29T00:30:00Z'); // 01:30 in the Netherlands
    // The repository tells when the timer's write is done: nobody calls flush, and the test waits for no clock.
    const repo = createCheckRepository(database().handle.db);
    let written!: () => void;
    const backgroundWrite = new Promise<void>((resolve) => (written = resolve));
    const watched: typeof repo = {
      ...repo,
      addOutcomeCounts: async (counts) => {
        await repo.addOutcomeCounts(counts);
        written();
      },
    };
    const service = createCheckService(registry, watched, () => now, { flushMs: 30 });
    for (let index = 0; index < 3; index += 1) service.submit(anonymous, calmForm());
    service.submit(anonymous, { ...calmForm(), 'vermist-nu': 'ja' });
    // The service's timer is unref'd (it never holds the process open), so something else must while we wait.
    const keepAlive = setInterval(() => undefined, 1_000);
    await backgroundWrite;
    clearInterval(keepAlive);
    assert.deepEqual(await counts(), ['2026-03-29 bel-112 1', '2026-03-29 blijf-in-gesprek 3']);
    await service.close();
  });

  test('closing writes what is pending; a second service adds to the same counts', async () => {
    const now = new Date('2026-03-29T12:00:00Z');
    const service = createCheckService(registry, createCheckRepository(database().handle.db), () => now, {
      flushMs: 60_000,
    });
    service.submit(anonymous, calmForm());
    await service.close();
    assert.deepEqual(await counts(), ['2026-03-29 bel-112 1', '2026-03-29 blijf-in-gesprek 4']);
  });

  test('incomplete and rejected forms are not counted', async () => {
    const service = createCheckService(registry, createCheckRepository(database().handle.db));
    const form = calmForm();
    delete form.school;
    assert.equal(service.submit(anonymous, form).kind, 'incomplete');
    assert.equal(service.submit(anonymous, { ...calmForm(), versie: '999' }).kind, 'rejected');
    assert.equal(service.submit(anonymous, { ...calmForm(), school: ['ja', 'nee'] }).kind, 'rejected');
    assert.equal(service.submit(anonymous, 'versie=1').kind, 'rejected');
    await service.close();
    assert.equal((await counts()).length, 2);
  });
});
