import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { csrfTokenFrom, withCookiesOf } from '../../../test/helpers/app.js';
import { caseProfessional, prepareCaseWorld, type CaseWorld } from '../../../test/helpers/case-factories.js';
import { caseAppForSuite } from '../../../test/helpers/case-setup.js';
import { dialects } from '../../../test/helpers/databases.js';
import { buildParent } from '../../../test/helpers/factories.js';
import { buildYoungMember, startCaseWithCare } from '../../../test/helpers/young.js';

/*
 * A young member is no one to give an agreement to (ADR 0030): agreements are read by every member, parents
 * included, so the "who" of an agreement never lists the young member (a parent would learn they exist) and a
 * form naming them is refused (400), nothing stored. Both databases.
 */

type Jar = Record<string, string>;

for (const dialect of dialects) {
  describe(`a young member and the agreements [${dialect}]`, () => {
    const { target, sink } = caseAppForSuite(dialect);
    let world: CaseWorld | undefined;
    const theWorld = async () => (world ??= await prepareCaseWorld(target, sink()));
    let serial = 0;
    const unique = (prefix: string) => `${prefix}.${dialect}.${process.pid}.${(serial += 1)}`;

    const get = (url: string, jar: Jar = {}) => target.app.inject({ method: 'GET', url, cookies: jar });
    async function post(url: string, jar: Jar, payload: Record<string, string>, tokenFrom: string) {
      const page = await get(tokenFrom, jar);
      assert.equal(page.statusCode, 200, `${tokenFrom} answered ${page.statusCode}`);
      return target.app.inject({
        method: 'POST',
        url,
        cookies: withCookiesOf(jar, page.headers),
        payload: { _csrf: csrfTokenFrom(page.body), ...payload },
      });
    }

    test('the agreement form never lists the young member, and naming them is refused', async () => {
      const parent = await buildParent(target);
      const care = await caseProfessional(await theWorld(), 'care', unique('hulp.afsp'));
      const caseId = await startCaseWithCare(target, parent, care, 'Noor');
      const { memberId } = await buildYoungMember(target, care, caseId, { age: 14, username: unique('jong.afsp') });

      const agreements = `/samenwerken/${caseId}/afspraken`;
      for (const jar of [parent.cookies, care.cookies]) {
        const page = await get(agreements, jar);
        assert.equal(page.statusCode, 200);
        assert.ok(!page.body.includes(`lid:${memberId}`), 'the young member is not a choice');
        assert.ok(!/Jongere|jongere/.test(page.body), 'no word of a young member');
      }

      const named = await post(
        agreements,
        care.cookies,
        { wat: 'Samen iets afspreken', wie: `lid:${memberId}`, datum: '', voor: 'iedereen' },
        agreements,
      );
      assert.equal(named.statusCode, 400);
      const stored = await target.database.handle.db
        .selectFrom('case_agreements')
        .select('id')
        .where('case_id', '=', caseId)
        .execute();
      assert.equal(stored.length, 0);
      assert.ok(!/Jongere|jongere/.test((await get(agreements, parent.cookies)).body), 'nothing for the parent');
    });
  });
}
