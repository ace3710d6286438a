import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  addCaseContent,
  buildCaseWithEveryone,
  type BuiltCase,
  type CaseWorld,
  memberOf,
  prepareCaseWorld,
} from '../../../test/helpers/case-factories.js';
import { caseAppForSuite } from '../../../test/helpers/case-setup.js';
import { dialects } from '../../../test/helpers/databases.js';

/*
 * A key wrap that was forged (its signature changed) or replayed (another member's wrap put in a member's place)
 * never opens: the member gets a 4xx page in their language that says what to do, never a 500 and never the
 * case's content. The wraps are changed in the database, as someone with write access to it could.
 */

for (const dialect of dialects) {
  describe(`forged and replayed key wraps over HTTP [${dialect}]`, () => {
    const { target, sink } = caseAppForSuite(dialect);
    let world: CaseWorld | undefined;
    let built: BuiltCase | undefined;
    const theCase = async (): Promise<BuiltCase> => {
      world ??= await prepareCaseWorld(target, sink());
      if (built === undefined) {
        built = await buildCaseWithEveryone(world, { label: 'Wraptest', prefix: `wraps-${dialect}` });
        // Texts in the timeline, so its page needs the members' key too.
        await addCaseContent(target, built, 'Wraptest');
      }
      return built;
    };
    const db = () => target.database.handle.db;

    async function membersWrap(caseId: string, memberId: string) {
      return db()
        .selectFrom('case_key_wraps')
        .selectAll()
        .where('case_id', '=', caseId)
        .where('member_id', '=', memberId)
        .where('compartment', '=', 'members')
        .orderBy('epoch', 'desc')
        .executeTakeFirstOrThrow();
    }

    async function assertRefusedClearly(url: string, cookies: Record<string, string>, language: 'nl' | 'en') {
      const page = await target.app.inject({
        method: 'GET',
        url,
        cookies: language === 'en' ? { ...cookies, taal: 'en' } : cookies,
      });
      assert.ok(page.statusCode >= 400 && page.statusCode < 500, `${url} answered ${page.statusCode}`);
      assert.doesNotMatch(page.body, /Wraptest/, 'no case content is shown');
      assert.match(page.body, language === 'en' ? /<html lang="en"/ : /<html lang="nl"/);
    }

    test('a forged wrap (its signature changed) is a 4xx for its member, with nothing of the case shown', async () => {
      const built = await theCase();
      const care = memberOf(built, 'care', 'active');
      const before = await target.app.inject({
        method: 'GET',
        url: `/samenwerken/${built.caseId}`,
        cookies: care.account.cookies,
      });
      assert.equal(before.statusCode, 200);
      assert.match(before.body, /Wraptest/);
      const wrap = await membersWrap(built.caseId, care.memberId);
      const signature = Buffer.from(wrap.signature, 'base64url');
      signature[5] = signature[5]! ^ 1;
      await db()
        .updateTable('case_key_wraps')
        .set({ signature: signature.toString('base64url') })
        .where('case_id', '=', wrap.case_id)
        .where('member_id', '=', wrap.member_id)
        .where('compartment', '=', wrap.compartment)
        .where('epoch', '=', wrap.epoch)
        .execute();
      try {
        await assertRefusedClearly(`/samenwerken/${built.caseId}`, care.account.cookies, 'nl');
        await assertRefusedClearly(`/samenwerken/${built.caseId}/tijdlijn`, care.account.cookies, 'en');
      } finally {
        await db()
          .updateTable('case_key_wraps')
          .set({ signature: wrap.signature })
          .where('case_id', '=', wrap.case_id)
          .where('member_id', '=', wrap.member_id)
          .where('compartment', '=', wrap.compartment)
          .where('epoch', '=', wrap.epoch)
          .execute();
      }
      const after = await target.app.inject({
        method: 'GET',
        url: `/samenwerken/${built.caseId}`,
        cookies: care.account.cookies,
      });
      assert.equal(after.statusCode, 200, 'the genuine wrap opens again');
    });

    test("a replayed wrap (another member's, put in a member's place) is a 4xx, with nothing of the case shown", async () => {
      const built = await theCase();
      const police = memberOf(built, 'police', 'active');
      const starter = built.starter;
      const own = await membersWrap(built.caseId, police.memberId);
      const other = await membersWrap(built.caseId, starter.memberId);
      const replayed = {
        recipient_key_id: other.recipient_key_id,
        enc: other.enc,
        ciphertext: other.ciphertext,
        granter_member_id: other.granter_member_id,
        granter_key_id: other.granter_key_id,
        signature: other.signature,
      };
      const where = db()
        .updateTable('case_key_wraps')
        .where('case_id', '=', own.case_id)
        .where('member_id', '=', own.member_id)
        .where('compartment', '=', own.compartment)
        .where('epoch', '=', own.epoch);
      await where.set(replayed).execute();
      try {
        await assertRefusedClearly(`/samenwerken/${built.caseId}`, police.account.cookies, 'nl');
      } finally {
        await where
          .set({
            recipient_key_id: own.recipient_key_id,
            enc: own.enc,
            ciphertext: own.ciphertext,
            granter_member_id: own.granter_member_id,
            granter_key_id: own.granter_key_id,
            signature: own.signature,
          })
          .execute();
      }
    });
  });
}
