import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { appForSuite } from '../../../test/helpers/app.js';
import { dialects } from '../../../test/helpers/databases.js';
import { buildParentSession } from '../../../test/helpers/factories.js';
import { makeProfessional } from '../../../test/helpers/professional-setup.js';
import { pathwayDir } from '../../shared/paths.js';
import type { CaseActor } from './cases.service.js';

/*
 * A case follows its region's pathway (ADR 0037), with the real services on both databases: a professional of an
 * organisation serving one veiligheidsregio starts a case before and after that region's variant is published;
 * only the later case follows the variant, and a parent's case stays national.
 */

const consent = { grondslag: 'parent', kindWeet: 'unknown' } as const;

for (const dialect of dialects) {
  describe(`a case follows its region's pathway [${dialect}]`, () => {
    const target = appForSuite(dialect);

    /** A care worker of a verified organisation serving exactly `region`, active. */
    const careWorkerIn = (region: string): Promise<CaseActor> =>
      makeProfessional(target.database.handle.db, target.services.accounts, 'care', { region });

    const pathwayKeyOf = async (caseId: string) =>
      (
        await target.database.handle.db
          .selectFrom('cases')
          .select('pathway_key')
          .where('id', '=', caseId)
          .executeTakeFirstOrThrow()
      ).pathway_key;

    const start = async (who: CaseActor, naam: string) => {
      const started = await target.services.cases.start(who, {
        naam,
        vorm: 'alleen-professionals',
        rol: 'care',
        ...consent,
      });
      assert.ok(started.ok, JSON.stringify(started));
      return started.caseId;
    };

    test('only cases started after the variant is published follow it; other regions and parents national', async () => {
      const groningen = await careWorkerIn('VR01');
      const before = await start(groningen, 'Eerder');
      assert.equal(await pathwayKeyOf(before), 'national');

      const national = readFileSync(path.join(pathwayDir, 'v1.json'), 'utf8');
      const version = Math.max(...target.services.pathway.all.map((entry) => entry.version)) + 1;
      const variant = `${JSON.stringify({ ...JSON.parse(national), version, region: 'VR01' }, null, 2)}\n`;
      const counts = await target.services.editorial.importDocuments('pathway', [
        { key: 'region:VR01', text: variant },
      ]);
      assert.equal(counts.created, 1);
      assert.equal(target.services.pathway.currentFor('region:VR01').version, version);

      const after = await start(groningen, 'Later');
      assert.equal(await pathwayKeyOf(after), 'region:VR01');
      assert.equal(await pathwayKeyOf(before), 'national', 'an older case keeps its pathway');

      const friesland = await careWorkerIn('VR02');
      assert.equal(await pathwayKeyOf(await start(friesland, 'Elders')), 'national');

      const account = await buildParentSession(target.services.accounts);
      const mother: CaseActor = { actor: account.session.actor, userId: account.userId, keys: account.session.keys };
      const parentCase = await target.services.cases.start(mother, { naam: 'Ouder', ...consent });
      assert.ok(parentCase.ok);
      assert.equal(await pathwayKeyOf(parentCase.caseId), 'national');

      const page = await target.app.inject({ method: 'GET', url: '/samenwerken/hoe-het-werkt/regio/VR01' });
      assert.equal(page.statusCode, 200);
    });
  });
}
