import assert from 'node:assert/strict';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/helpers/app.js';
import { refuseAuditWrites } from '../../../test/helpers/audit-failure.js';
import { dialects } from '../../../test/helpers/databases.js';
import { buildAdmin } from '../../../test/helpers/factories.js';
import type { Actor } from '../../shared/policy/actor.js';

/*
 * A four-eyes approval and its audit lines are one transaction: when the audit log cannot be written, the
 * approval is not counted either, and two approvals at once still leave one unbroken chain.
 */

for (const dialect of dialects) {
  describe(`four-eyes approvals and the audit log (${dialect})`, () => {
    let test_: TestApp;
    before(async () => {
      test_ = await buildTestApp(dialect);
    });
    after(async () => test_.close());

    /** An admin with a second factor, as the request of their session sees them. */
    const admin = async (name: string): Promise<Actor> => {
      const built = await buildAdmin(test_, { username: name, passphrase: 'paarse regenjas op dinsdag' });
      const session = await test_.services.accounts.currentSession(built.session);
      assert.ok(session !== undefined && session !== null);
      return session.actor;
    };
    let taken = 0;
    /** A different organisation of the seeded list each time, set back to unverified. */
    const unverifiedOrganisation = async () => {
      const db = test_.database.handle.db;
      const { id } = await db
        .selectFrom('organisations')
        .select('id')
        .orderBy('id')
        .limit(1)
        .offset(taken++)
        .executeTakeFirstOrThrow();
      await db.updateTable('organisations').set({ verified: 0 }).where('id', '=', id).execute();
      return id;
    };
    const approvalsOf = async (id: string) =>
      (
        await test_.database.handle.db
          .selectFrom('four_eyes_approvals')
          .select('approver_id')
          .where('subject_id', '=', id)
          .execute()
      ).length;
    const linesAbout = async (id: string) =>
      (await test_.services.audit.forObject('organisation', id)).map((line) => line.action);

    test('an approval whose audit line cannot be written is not counted', async () => {
      const [first, second] = [await admin('beheerder-a'), await admin('beheerder-b')];
      const organisation = await unverifiedOrganisation();
      const restore = await refuseAuditWrites(test_.database.handle);
      try {
        await assert.rejects(test_.services.professionals.approveOrganisation(first, organisation));
      } finally {
        await restore();
      }
      assert.equal(await approvalsOf(organisation), 0);
      assert.deepEqual(await linesAbout(organisation), []);

      assert.equal(await test_.services.professionals.approveOrganisation(first, organisation), 'recorded');
      assert.equal(await test_.services.professionals.approveOrganisation(second, organisation), 'completed');
      assert.deepEqual(await linesAbout(organisation), [
        'organisation.approved',
        'organisation.approved',
        'organisation.verified',
      ]);
      assert.equal((await test_.services.audit.verify()).ok, true);
    });

    test('an invitation accepted while the audit log cannot be written makes no account and stays open', async () => {
      const db = test_.database.handle.db;
      const inviter = await admin('beheerder-e');
      const [organisation] = await db.selectFrom('organisations').select('id').limit(1).execute();
      const token = randomBytes(32).toString('base64url');
      const id = randomUUID();
      await db
        .insertInto('professional_invitations')
        .values({
          id,
          token_hash: createHash('sha256').update(token).digest('hex'),
          email: 'nieuw.lid@example.org',
          organisation_id: organisation!.id,
          professional_role: 'care',
          invited_by: inviter.kind === 'user' ? inviter.userId : '',
          created_at: new Date().toISOString(),
          expires_at: new Date(Date.now() + 3_600_000).toISOString(),
        })
        .execute();
      const form = {
        gebruikersnaam: 'nieuw.lid',
        wachtwoord: 'groene fiets bij de brug',
        herhaling: 'groene fiets bij de brug',
      };
      const accept = () => test_.services.professionals.accept({ kind: 'anonymous' }, token, form, undefined);
      const restore = await refuseAuditWrites(test_.database.handle);
      try {
        await assert.rejects(accept());
      } finally {
        await restore();
      }
      const user = () => db.selectFrom('users').select('id').where('username_key', '=', 'nieuw.lid').executeTakeFirst();
      assert.equal(await user(), undefined, 'no account');
      assert.equal((await test_.services.professionals.invitationForToken(token)).state, 'open');
      assert.equal((await db.selectFrom('professionals').select('user_id').execute()).length, 0);

      const accepted = await accept();
      assert.equal(accepted.ok, true);
      const created = (await user())!;
      assert.deepEqual(
        (await test_.services.audit.forObject('account', created.id)).map((line) => line.action),
        ['account.created'],
      );
      assert.deepEqual(
        (await test_.services.audit.forObject('invitation', id)).map((line) => line.action),
        ['invitation.accepted'],
      );
      assert.equal((await test_.services.audit.verify()).ok, true);
    });

    test('two admins approving at the same moment: both lines, the verification once, and an unbroken chain', async () => {
      const [first, second] = [await admin('beheerder-c'), await admin('beheerder-d')];
      const organisation = await unverifiedOrganisation();
      const outcomes = await Promise.all(
        [first, second].map((actor) => test_.services.professionals.approveOrganisation(actor, organisation)),
      );
      assert.deepEqual([...outcomes].sort(), ['completed', 'recorded']);
      assert.deepEqual([...(await linesAbout(organisation))].sort(), [
        'organisation.approved',
        'organisation.approved',
        'organisation.verified',
      ]);
      const verification = await test_.services.audit.verify();
      assert.equal(verification.ok, true, JSON.stringify(verification.problems));
    });
  });
}
