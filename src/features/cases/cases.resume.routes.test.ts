import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { csrfTokenFrom, withCookiesOf } from '../../../test/helpers/app.js';
import {
  caseActorOf,
  caseProfessional,
  casesOf,
  confirmMember,
  inviteInto,
  joinWith,
  prepareCaseWorld,
} from '../../../test/helpers/case-factories.js';
import { caseAppForSuite } from '../../../test/helpers/case-setup.js';
import { dialects } from '../../../test/helpers/databases.js';
import { buildParent, type BuiltAccount } from '../../../test/helpers/factories.js';

/*
 * Pausing and resuming a parent over HTTP, four eyes both ways: the coordinator proposes, another professional
 * confirms. Paused, the parent sees only that the case is paused; resumed, they see the case again and the keys
 * reach them again (those of the pause too), from the professional who confirmed.
 */

type Jar = Record<string, string>;

for (const dialect of dialects) {
  describe(`resuming a paused parent over HTTP [${dialect}]`, () => {
    const { target, sink } = caseAppForSuite(dialect);

    const get = (url: string, jar: Jar) => target.app.inject({ method: 'GET', url, cookies: jar });
    async function post(url: string, who: BuiltAccount, tokenFrom = '/account') {
      const page = await get(tokenFrom, who.cookies);
      assert.equal(page.statusCode, 200, `${tokenFrom} answered ${page.statusCode}`);
      return target.app.inject({
        method: 'POST',
        url,
        cookies: withCookiesOf(who.cookies, page.headers),
        payload: { _csrf: csrfTokenFrom(page.body) },
      });
    }
    const states = async (caseId: string, memberId: string) =>
      target.database.handle.db
        .selectFrom('case_members')
        .select(['state', 'suspension_proposed_by'])
        .where('case_id', '=', caseId)
        .where('id', '=', memberId)
        .executeTakeFirstOrThrow();

    test('the coordinator proposes, another professional confirms; the parent is back with the keys', async () => {
      const world = await prepareCaseWorld(target, sink());
      const parent = await buildParent(target);
      const parentWho = await caseActorOf(target, parent);
      const started = await casesOf(target).start(parentWho, {
        naam: 'Mira',
        grondslag: 'parent',
        kindWeet: 'unknown',
      });
      assert.ok(started.ok);
      const caseId = started.caseId;
      const parentMember = (await casesOf(target).openCase(parentWho, caseId)).facts.viewer.memberId;
      const stamp = `${dialect}.${Date.now()}`;
      const coordinator = await caseProfessional(world, 'coordinator', `regie.hervat.${stamp}`);
      const care = await caseProfessional(world, 'care', `hulp.hervat.${stamp}`);
      for (const [account, role] of [
        [coordinator, 'coordinator'],
        [care, 'care'],
      ] as const) {
        const { code, memberId } = await inviteInto(target, parentWho, caseId, role);
        await joinWith(target, await caseActorOf(target, account), code);
        await confirmMember(target, parentWho, caseId, memberId);
      }
      const casePage = `/samenwerken/${caseId}`;
      const pause = `${casePage}/leden/${parentMember}/pauzeren`;
      const resume = `${casePage}/leden/${parentMember}/hervatten`;

      // Paused, four eyes.
      assert.equal(
        (await post(pause, coordinator, casePage)).headers.location,
        `${casePage}?melding=pauze-voorgesteld`,
      );
      assert.equal((await post(pause, care, casePage)).headers.location, `${casePage}?melding=gepauzeerd`);
      assert.deepEqual(await states(caseId, parentMember), { state: 'suspended', suspension_proposed_by: null });
      const paused = await get(casePage, parent.cookies);
      assert.equal(paused.statusCode, 200);
      assert.doesNotMatch(paused.body, /Mira/);

      // Only the coordinator proposes; the parent cannot resume themself; nothing changes.
      assert.equal((await post(resume, parent)).statusCode, 404);
      const byCare = await post(resume, care, casePage);
      assert.ok(byCare.statusCode >= 400 && byCare.statusCode < 500, `care proposing answered ${byCare.statusCode}`);
      assert.deepEqual(await states(caseId, parentMember), { state: 'suspended', suspension_proposed_by: null });

      // The coordinator proposes (the page says so), and cannot confirm their own proposal.
      const proposed = await post(resume, coordinator, casePage);
      assert.equal(proposed.statusCode, 303);
      assert.equal(proposed.headers.location, `${casePage}?melding=hervatten-voorgesteld`);
      assert.match((await get(casePage, care.cookies)).body, /Verder gaan bevestigen/);
      const ownProposal = await post(resume, coordinator, casePage);
      assert.equal(ownProposal.statusCode, 403);
      assert.equal((await states(caseId, parentMember)).state, 'suspended');

      // Another professional confirms: the parent is active, sees the case and opens its keys, old and new.
      const confirmed = await post(resume, care, casePage);
      assert.equal(confirmed.statusCode, 303);
      assert.equal(confirmed.headers.location, `${casePage}?melding=hervat`);
      assert.deepEqual(await states(caseId, parentMember), { state: 'active', suspension_proposed_by: null });
      const back = await get(casePage, parent.cookies);
      assert.equal(back.statusCode, 200);
      assert.match(back.body, /Mira/);
      const opened = await casesOf(target).openCase(await caseActorOf(target, parent), caseId);
      const members = await opened.key('members');
      assert.equal(members.epoch, 1, 'the key made when the parent was paused');
      assert.equal((await opened.keyAt('members', 0)).epoch, 0);
      await assert.rejects(opened.key('professionals'));
      // Resumed once: nothing more to confirm.
      const again = await post(resume, care, casePage);
      assert.ok(again.statusCode >= 400 && again.statusCode < 500, `resuming again answered ${again.statusCode}`);
      assert.equal((await states(caseId, parentMember)).state, 'active');
    });
  });
}
