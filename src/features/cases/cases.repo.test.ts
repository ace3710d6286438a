import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import type { Kysely } from 'kysely';
import { describeEachDialect } from '../../../test/helpers/databases.js';
import type { Database } from '../../shared/db/schema.js';
import type { StoredKeyWrap } from './case-keys.js';
import { createCasesRepository, type NewMember, type StoredCase } from './cases.repo.js';
import type { CaseRole, Compartment } from './cases.types.js';

/** A user row with placeholder key material: these tests are about rows, not keys. */
async function insertUser(db: Kysely<Database>) {
  const id = randomUUID();
  await db
    .insertInto('users')
    .values({
      id,
      username: `u-${id}`,
      username_key: `u-${id}`,
      role: 'parent',
      email: null,
      argon2_params: '{}',
      salt: 'x',
      verifier: 'x',
      key_epoch: 1,
      master_key_id: 'x',
      master_by_passphrase: 'x',
      master_by_recovery: 'x',
      x25519_public: Buffer.from('x-public').toString('base64'),
      x25519_private: 'x',
      ed25519_public: Buffer.from('ed-public').toString('base64'),
      ed25519_private: 'x',
      created_at: new Date().toISOString(),
    })
    .execute();
  return id;
}

const aCase = (): StoredCase => ({
  id: randomUUID(),
  mode: 'with-parents',
  risk: 'none',
  riskProposedBy: null,
  closedAt: null,
  createdAt: new Date().toISOString(),
  createdByUser: null,
  labelCiphertext: 'sealed-label',
  labelEpoch: 0,
});

const aMember = (caseId: string, userId: string | null, role: CaseRole = 'parent'): NewMember => ({
  id: randomUUID(),
  caseId,
  userId,
  role,
  state: userId === null ? 'invited' : 'active',
  mandate: 'none',
  organisationId: null,
  policeUnit: null,
  referenceCiphertext: null,
  referenceEpoch: null,
  invitedByMemberId: null,
  confirmedByMemberId: null,
  confirmedKeyId: userId === null ? null : 'key-id',
  suspensionProposedBy: null,
  createdAt: new Date().toISOString(),
});

const aWrap = (caseId: string, memberId: string, compartment: Compartment, epoch: number): StoredKeyWrap => ({
  caseId,
  compartment,
  epoch,
  memberId,
  recipientKeyId: 'key-id',
  enc: `enc-${compartment}-${epoch}`,
  ciphertext: 'ct',
  granterMemberId: memberId,
  granterKeyId: 'granter',
  signature: 'sig',
});

describeEachDialect('cases repository', (database) => {
  const repo = () => createCasesRepository(database().handle.db);

  async function startCase(userId: string) {
    const stored = aCase();
    const member = aMember(stored.id, userId);
    await repo().createCase({
      case: stored,
      compartments: [
        { compartment: 'members', epoch: 0 },
        { compartment: 'professionals', epoch: 0 },
      ],
      members: [member],
      wraps: [aWrap(stored.id, member.id, 'members', 0)],
      consent: {
        id: randomUUID(),
        caseId: stored.id,
        flow: 'start',
        subjectId: stored.id,
        basis: 'parent',
        childKnows: 'unknown',
        recordedByMemberId: member.id,
        createdAt: new Date().toISOString(),
      },
    });
    return { stored, member };
  }

  test('a case is created with its compartments, member, wrap and consent record in one go', async () => {
    const userId = await insertUser(database().handle.db);
    const { stored, member } = await startCase(userId);
    const found = await repo().findMembership(stored.id, userId);
    assert.equal(found?.case.id, stored.id);
    assert.equal(found.member.id, member.id);
    assert.equal(found.case.labelEpoch, 0);
    assert.deepEqual(await repo().compartments(stored.id), [
      { compartment: 'members', epoch: 0 },
      { compartment: 'professionals', epoch: 0 },
    ]);
    const consents = await repo().listConsents(stored.id);
    assert.equal(consents.length, 1);
    assert.equal(consents[0]?.flow, 'start');
    const mine = await repo().listCasesOfUser(userId);
    assert.equal(mine.length, 1);
    assert.equal(mine[0]?.labelWrap?.enc, 'enc-members-0');
    const members = await repo().listMembers(stored.id);
    assert.equal(members[0]?.x25519Public?.toString(), 'x-public');
  });

  test("another case's id or a non-member finds no membership", async () => {
    const userId = await insertUser(database().handle.db);
    const stranger = await insertUser(database().handle.db);
    const { stored } = await startCase(userId);
    await startCase(stranger);
    assert.equal(await repo().findMembership(stored.id, stranger), undefined);
    assert.equal(await repo().findMembership(randomUUID(), userId), undefined);
    assert.equal((await repo().listCasesOfUser(stranger)).length, 1);
  });

  test('opening reads the membership, each current wrap with its granter, and who meant to hold a key lacks it', async () => {
    const userId = await insertUser(database().handle.db);
    const { stored, member } = await startCase(userId);
    const care = aMember(stored.id, await insertUser(database().handle.db), 'care');
    const observer = aMember(stored.id, await insertUser(database().handle.db), 'observer');
    const coParent = aMember(stored.id, await insertUser(database().handle.db), 'parent');
    const share: Compartment = `share:${member.id}`;
    await repo().withCaseLocked(stored.id, async (unit) => {
      for (const row of [care, observer, coParent]) await unit.insertMember(row);
      await unit.setEpoch(stored.id, share, 0);
      await unit.insertWraps([
        aWrap(stored.id, member.id, share, 0),
        ...[care, observer, coParent].map((row) => aWrap(stored.id, row.id, 'members', 0)),
      ]);
    });
    const missing = async (memberUser: string) => {
      const opening = await repo().opening(stored.id, memberUser);
      assert.ok(opening !== undefined);
      return Object.fromEntries(opening.compartments.map((row) => [row.compartment, row.holderMissing]));
    };
    const opening = await repo().opening(stored.id, userId);
    assert.equal(opening?.member.id, member.id);
    assert.equal(opening.case.labelCiphertext, 'sealed-label');
    const members = opening.compartments.find((row) => row.compartment === 'members');
    assert.equal(members?.wrap?.enc, 'enc-members-0');
    assert.deepEqual(
      { ...members?.wrap?.granter, signingKeys: members?.wrap?.granter?.signingKeys.map(String) },
      { id: member.id, caseId: stored.id, role: 'parent', userId, signingKeys: ['ed-public'] },
    );
    assert.equal(opening.compartments.find((row) => row.compartment === 'professionals')?.wrap, undefined);
    // Everyone holds the members' key; only the care worker is meant to hold the others, and lacks them.
    assert.deepEqual(await missing(userId), { members: false, professionals: true, [share]: true });
    await repo().withCaseLocked(stored.id, (unit) =>
      unit.insertWraps([aWrap(stored.id, care.id, 'professionals', 0), aWrap(stored.id, care.id, share, 0)]),
    );
    assert.deepEqual(await missing(userId), { members: false, professionals: false, [share]: false });
    // A new epoch nobody holds yet: the members lack it; a member who is not active does not count.
    await repo().withCaseLocked(stored.id, async (unit) => {
      await unit.setEpoch(stored.id, 'professionals', 1);
      await unit.updateMember(care.id, ['active'], { state: 'suspended' });
    });
    assert.deepEqual(await missing(userId), { members: false, professionals: false, [share]: false });
    await repo().withCaseLocked(stored.id, (unit) => unit.updateMember(care.id, ['suspended'], { state: 'active' }));
    assert.deepEqual(await missing(care.userId!), { members: false, professionals: true, [share]: false });
    assert.equal(await repo().opening(stored.id, await insertUser(database().handle.db)), undefined);
    assert.equal(await repo().opening(randomUUID(), userId), undefined);
  });

  test('a removed member is no member, and their case leaves their list', async () => {
    const userId = await insertUser(database().handle.db);
    const { stored, member } = await startCase(userId);
    const changed = await repo().withCaseLocked(stored.id, async (unit) => {
      const ok = await unit.updateMember(member.id, ['active'], { state: 'removed' });
      await unit.deleteWrapsOfMember(stored.id, member.id);
      return ok;
    });
    assert.equal(changed, true);
    assert.equal(await repo().findMembership(stored.id, userId), undefined);
    assert.deepEqual(await repo().listCasesOfUser(userId), []);
    assert.deepEqual(await repo().wrapsOfMember(stored.id, member.id), []);
    // The row stays, as history.
    assert.equal((await repo().findMember(member.id))?.state, 'removed');
  });

  test('a member changes state only from the states named', async () => {
    const userId = await insertUser(database().handle.db);
    const { stored, member } = await startCase(userId);
    const result = await repo().withCaseLocked(stored.id, (unit) =>
      unit.updateMember(member.id, ['accepted'], { state: 'active' }),
    );
    assert.equal(result, false);
    assert.equal(await repo().withCaseLocked(randomUUID(), () => Promise.resolve(true)), undefined);
  });

  test('an epoch bump, new wraps and deleted wraps commit together or not at all', async () => {
    const userId = await insertUser(database().handle.db);
    const other = await insertUser(database().handle.db);
    const { stored, member } = await startCase(userId);
    const second = aMember(stored.id, other, 'care');
    await repo().withCaseLocked(stored.id, async (unit) => {
      await unit.insertMember(second);
      await unit.insertWraps([aWrap(stored.id, second.id, 'members', 0)]);
    });
    await assert.rejects(
      repo().withCaseLocked(stored.id, async (unit) => {
        await unit.setEpoch(stored.id, 'members', 1);
        await unit.deleteWrapsOfMember(stored.id, second.id);
        await unit.insertWraps([aWrap(stored.id, member.id, 'members', 1)]);
        throw new Error('crash before commit');
      }),
    );
    assert.equal(await repo().compartmentEpoch(stored.id, 'members'), 0);
    assert.deepEqual((await repo().holders(stored.id, 'members', 0)).sort(), [member.id, second.id].sort());

    await repo().withCaseLocked(stored.id, async (unit) => {
      await unit.setEpoch(stored.id, 'members', 1);
      await unit.deleteWrapsOfMember(stored.id, second.id);
      await unit.insertWraps([aWrap(stored.id, member.id, 'members', 1)]);
      await unit.updateMember(second.id, ['active'], { state: 'removed' });
    });
    assert.equal(await repo().compartmentEpoch(stored.id, 'members'), 1);
    assert.deepEqual(await repo().holders(stored.id, 'members', 1), [member.id]);
    assert.deepEqual(await repo().holders(stored.id, 'members', 0), [member.id]);
    assert.equal((await repo().findWrap(stored.id, 'members', 1, member.id))?.enc, 'enc-members-1');
    // A share compartment is made on first use.
    await repo().withCaseLocked(stored.id, (unit) => unit.setEpoch(stored.id, `share:${member.id}`, 0));
    assert.equal(await repo().compartmentEpoch(stored.id, `share:${member.id}`), 0);
  });

  test('an invitation is claimed once, never after it was withdrawn or expired', async () => {
    const userId = await insertUser(database().handle.db);
    const { stored, member } = await startCase(userId);
    const invite = async (expiresAt: string) => {
      const invited = aMember(stored.id, null, 'care');
      const invitation = {
        id: randomUUID(),
        caseId: stored.id,
        memberId: invited.id,
        codeHash: randomUUID(),
        expiresAt,
        usedAt: null,
        withdrawnAt: null,
        createdByMemberId: member.id,
        createdAt: new Date().toISOString(),
      };
      await repo().withCaseLocked(stored.id, async (unit) => {
        await unit.insertMember(invited);
        await unit.insertInvitation(invitation);
      });
      return invitation;
    };
    const later = new Date(Date.now() + 3_600_000).toISOString();
    const open = await invite(later);
    assert.equal((await repo().findInvitationByCodeHash(open.codeHash))?.id, open.id);
    assert.equal(await repo().withCaseLocked(stored.id, (unit) => unit.claimInvitation(open.id)), true);
    assert.equal(await repo().withCaseLocked(stored.id, (unit) => unit.claimInvitation(open.id)), false);
    assert.equal(await repo().withCaseLocked(stored.id, (unit) => unit.withdrawInvitation(open.id)), false);

    const withdrawn = await invite(later);
    assert.equal(await repo().withCaseLocked(stored.id, (unit) => unit.withdrawInvitation(withdrawn.id)), true);
    assert.equal(await repo().withCaseLocked(stored.id, (unit) => unit.claimInvitation(withdrawn.id)), false);

    const expired = await invite(new Date(Date.now() - 1000).toISOString());
    assert.equal(await repo().withCaseLocked(stored.id, (unit) => unit.claimInvitation(expired.id)), false);
    assert.equal((await repo().listInvitations(stored.id)).length, 3);
  });

  test('deleting an account leaves the member row without a user', async () => {
    const db = database().handle.db;
    const userId = await insertUser(db);
    const { stored, member } = await startCase(userId);
    await db.transaction().execute(async (trx) => {
      const unit = repo().on(trx);
      await unit.lockCase(stored.id);
      assert.deepEqual(
        (await unit.membershipsOfUser(userId)).map((m) => m.id),
        [member.id],
      );
      await unit.updateMember(member.id, ['active'], { state: 'removed', userId: null });
      await unit.updateCase(stored.id, { createdByUser: null });
    });
    await db.deleteFrom('users').where('id', '=', userId).execute();
    const members = await repo().listMembers(stored.id);
    assert.equal(members[0]?.userId, null);
    assert.equal(members[0]?.x25519Public, undefined);
  });
});
