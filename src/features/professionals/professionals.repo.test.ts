import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import type { Kysely } from 'kysely';
import { describeEachDialect } from '../../../test/helpers/databases.js';
import type { Database } from '../../shared/db/schema.js';
import { activationComplete, verificationComplete } from './professionals.service.js';
import { createProfessionalsRepository, organisationVersion } from './professionals.repo.js';
import { invitationMailHandler } from './professionals.jobs.js';
import { createJobWorker } from '../../shared/jobs/jobs.js';
import { createJobsRepository } from '../../shared/jobs/jobs.repo.js';
import type { Mailer } from '../../shared/mail/mailer.js';

/** A user row with placeholder key material: these tests are about invitations and approvals, not keys. */
async function insertUser(db: Kysely<Database>, role: 'admin' | 'professional', name = `u-${randomUUID()}`) {
  const id = randomUUID();
  await db
    .insertInto('users')
    .values({
      id,
      username: name,
      username_key: name.toLowerCase(),
      role,
      email: null,
      argon2_params: '{}',
      salt: 'x',
      verifier: 'x',
      key_epoch: 1,
      master_key_id: 'x',
      master_by_passphrase: 'x',
      master_by_recovery: 'x',
      x25519_public: 'x',
      x25519_private: 'x',
      ed25519_public: 'x',
      ed25519_private: 'x',
      created_at: new Date().toISOString(),
    })
    .execute();
  return id;
}

async function insertOrganisation(db: Kysely<Database>, verified = false) {
  const id = randomUUID();
  const slug = `org-${id.slice(0, 8)}`;
  await db
    .insertInto('organisations')
    .values({
      id,
      slug,
      kind: 'specialist-care',
      data: JSON.stringify({ slug, name: `Organisatie ${slug}`, verified }),
      area_type: 'national',
      verified: verified ? 1 : 0,
      updated_at: new Date().toISOString(),
    })
    .execute();
  return id;
}

describeEachDialect('professionals repository', (database, dialect) => {
  const db = () => database().handle.db;
  const repo = () => createProfessionalsRepository(db());
  const now = () => new Date().toISOString();

  async function invitation(options: { expiresAt?: string } = {}) {
    const admin = await insertUser(db(), 'admin');
    const organisationId = await insertOrganisation(db());
    const id = randomUUID();
    const tokenHash = randomUUID().replace(/-/g, '');
    await repo().insertInvitation({
      id,
      tokenHash,
      email: 'pro@example.org',
      organisationId,
      role: 'care',
      invitedBy: admin,
      createdAt: now(),
      expiresAt: options.expiresAt ?? new Date(Date.now() + 3_600_000).toISOString(),
      language: 'nl',
    });
    return { id, tokenHash, organisationId, admin };
  }

  test('an invitation queues its e-mail; the job sends it while the invitation is open, and again when refused', async () => {
    await db().deleteFrom('jobs').execute();
    const sent: { to: string; link: string; language: string }[] = [];
    let refuse = true;
    const mailer: Mailer = {
      enabled: true,
      sendNotice: () => Promise.resolve(false),
      sendInvitation: (to, link, language) => {
        if (refuse) return Promise.resolve(false);
        sent.push({ to, link, language });
        return Promise.resolve(true);
      },
    };
    // A minute ahead, so jobs queued during the test are due.
    let clockMs = Date.now() + 60_000;
    const clock = () => new Date(clockMs);
    const handler = invitationMailHandler(
      repo(),
      mailer,
      { publicUrl: 'https://example.org', invitationToken: (id) => `token-of-${id}` },
      clock,
    );
    const jobsRepo = createJobsRepository(db(), dialect);
    const worker = createJobWorker(jobsRepo, [handler], { clock, backoff: () => 1_000 });

    const { id } = await invitation();
    assert.equal(await worker.runDue(), 1);
    assert.deepEqual(sent, [], 'the mail server refused');
    assert.deepEqual(await jobsRepo.countByState(), { queued: 1, running: 0, done: 0, dead: 0 });
    refuse = false;
    clockMs += 1_000;
    assert.equal(await worker.runDue(), 1);
    assert.deepEqual(sent, [
      { to: 'pro@example.org', link: `https://example.org/uitnodiging/token-of-${id}`, language: 'nl' },
    ]);

    // A withdrawn invitation's mail is not sent any more.
    const withdrawn = await invitation();
    await repo().revokeInvitation(withdrawn.id, withdrawn.admin, now());
    assert.equal(await worker.runDue(), 1);
    assert.equal(sent.length, 1);
    assert.deepEqual(await jobsRepo.countByState(), { queued: 0, running: 0, done: 2, dead: 0 });
  });

  /** A claim in a transaction of its own, as the account's creation makes it. */
  const claim = (tokenHash: string, userId: string, nowIso: string) =>
    db()
      .transaction()
      .execute((trx) => repo().claimInvitation(trx, tokenHash, userId, nowIso));

  test('an invitation is claimed once, even by two sign-ups at the same moment', async () => {
    const { tokenHash, organisationId } = await invitation();
    const first = await insertUser(db(), 'professional');
    const second = await insertUser(db(), 'professional');
    const results = await Promise.all([claim(tokenHash, first, now()), claim(tokenHash, second, now())]);
    assert.deepEqual(
      results.filter((claimed) => claimed),
      [true],
    );
    const winner = results[0] ? first : second;
    const record = await repo().findProfessional(winner);
    assert.equal(record?.organisationId, organisationId);
    assert.equal(record?.status, 'pending');
    assert.equal(record?.email, 'pro@example.org');
    assert.equal(await repo().findProfessional(results[0] ? second : first), undefined);
    assert.equal(await claim(tokenHash, await insertUser(db(), 'professional'), now()), false);
  });

  test('an expired or withdrawn invitation cannot be claimed; a used one cannot be withdrawn', async () => {
    const expired = await invitation({ expiresAt: new Date(Date.now() - 1000).toISOString() });
    assert.equal(await claim(expired.tokenHash, await insertUser(db(), 'professional'), now()), false);
    const revoked = await invitation();
    assert.equal(await repo().revokeInvitation(revoked.id, revoked.admin, now()), true);
    assert.equal(await repo().revokeInvitation(revoked.id, revoked.admin, now()), false, 'only once');
    assert.equal(await claim(revoked.tokenHash, await insertUser(db(), 'professional'), now()), false);
    const used = await invitation();
    assert.equal(await claim(used.tokenHash, await insertUser(db(), 'professional'), now()), true);
    assert.equal(await repo().revokeInvitation(used.id, used.admin, now()), false);
  });

  async function pendingProfessional() {
    const { tokenHash } = await invitation();
    const userId = await insertUser(db(), 'professional');
    assert.equal(await claim(tokenHash, userId, now()), true);
    return userId;
  }

  test('the database itself refuses a second approval of the same subject by the same person', async () => {
    const subject = await pendingProfessional();
    const approver = await insertUser(db(), 'admin');
    const row = {
      subject_type: 'professional' as const,
      subject_id: subject,
      subject_version: 'account',
      approver_id: approver,
      capacity: 'admin' as const,
      approved_at: now(),
    };
    await db().insertInto('four_eyes_approvals').values(row).execute();
    await assert.rejects(db().insertInto('four_eyes_approvals').values(row).execute());
  });

  test('two different admins approving at the same moment: one is first, the other completes the activation', async () => {
    const subject = await pendingProfessional();
    const [adminA, adminB] = [await insertUser(db(), 'admin'), await insertUser(db(), 'admin')];
    const outcomes = await Promise.all(
      [adminA, adminB].map((id) =>
        repo().approve('professional', subject, { id, capacity: 'admin' }, now(), activationComplete),
      ),
    );
    assert.deepEqual([...outcomes].sort(), ['completed', 'recorded']);
    const record = await repo().findProfessional(subject);
    assert.equal(record?.status, 'active');
    assert.ok(record?.activatedAt !== null);
    assert.equal((await repo().professionalApprovals(subject)).length, 2);
    assert.equal(
      await repo().approve('professional', subject, { id: adminA, capacity: 'admin' }, now(), activationComplete),
      'not-pending',
    );
  });

  test('the same admin approving twice at the same moment counts once and activates nothing', async () => {
    const subject = await pendingProfessional();
    const admin = await insertUser(db(), 'admin');
    const outcomes = await Promise.all(
      [1, 2, 3].map(() =>
        repo().approve('professional', subject, { id: admin, capacity: 'admin' }, now(), activationComplete),
      ),
    );
    assert.deepEqual([...outcomes].sort(), ['duplicate', 'duplicate', 'recorded']);
    assert.equal((await repo().findProfessional(subject))?.status, 'pending');
  });

  test('two coordinators are not enough: activation needs at least one admin', async () => {
    const subject = await pendingProfessional();
    for (const capacity of ['coordinator', 'coordinator'] as const) {
      const outcome = await repo().approve(
        'professional',
        subject,
        { id: await insertUser(db(), 'professional'), capacity },
        now(),
        activationComplete,
      );
      assert.equal(outcome, 'recorded');
    }
    assert.equal(
      await repo().approve(
        'professional',
        subject,
        { id: await insertUser(db(), 'admin'), capacity: 'admin' },
        now(),
        activationComplete,
      ),
      'completed',
    );
  });

  test('an organisation is verified by two admins; an edit in between starts the count again', async () => {
    const organisationId = await insertOrganisation(db());
    const [adminA, adminB] = [await insertUser(db(), 'admin'), await insertUser(db(), 'admin')];
    const approve = (id: string) =>
      repo().approve('organisation', organisationId, { id, capacity: 'admin' }, now(), verificationComplete);
    assert.equal(await approve(adminA), 'recorded');
    // The record changes (an import or an edit): what adminA approved is no longer what is there.
    const row = await db()
      .selectFrom('organisations')
      .select('data')
      .where('id', '=', organisationId)
      .executeTakeFirstOrThrow();
    const edited = JSON.stringify({ ...(JSON.parse(row.data) as object), name: 'Nieuwe naam' });
    await db().updateTable('organisations').set({ data: edited }).where('id', '=', organisationId).execute();
    assert.notEqual(organisationVersion(row.data), organisationVersion(edited));
    assert.equal(await approve(adminB), 'recorded', 'one approval of the new version');
    assert.equal(await approve(adminA), 'completed');
    const verified = await db()
      .selectFrom('organisations')
      .selectAll()
      .where('id', '=', organisationId)
      .executeTakeFirstOrThrow();
    assert.equal(Number(verified.verified), 1);
    assert.equal(
      (JSON.parse(verified.data) as { verified: boolean }).verified,
      true,
      'the record the help finder reads too',
    );
    assert.equal(await approve(adminB), 'not-pending');
    assert.equal(
      (await repo().listUnverifiedOrganisations()).some((organisation) => organisation.id === organisationId),
      false,
    );
  });
});
