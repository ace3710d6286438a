import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { appForSuite } from '../../../test/helpers/app.js';
import { dialects } from '../../../test/helpers/databases.js';
import { buildParentSession } from '../../../test/helpers/factories.js';
import { makeProfessional } from '../../../test/helpers/professional-setup.js';
import { createKeyedHash } from '../../shared/crypto/keyed-hash.js';
import { NotFound } from '../../shared/errors.js';
import type { ProfessionalRole } from '../../shared/policy/actor.js';
import { DecryptionFailed } from '../../shared/crypto/aead.js';
import { openCaseText, sealCaseContent, unwrapCompartmentKey } from './case-keys.js';
import { createCasesRepository } from './cases.repo.js';
import { type CaseActor, type CasePageData, createCasesService } from './cases.service.js';
import type { CaseRole } from './cases.types.js';
import { casesUserData } from './cases.user-data.js';

const consent = { grondslag: 'parent', kindWeet: 'unknown' } as const;

for (const dialect of dialects) {
  describe(`cases service [${dialect}]`, () => {
    const target = appForSuite(dialect);
    let now = Date.now();
    const service = () =>
      createCasesService(
        createCasesRepository(target.database.handle.db),
        target.services.audit,
        { invitationValidMs: 72 * 3_600_000, keyedHash: createKeyedHash(Buffer.alloc(32, 7)) },
        () => new Date(now),
      );
    const parent = async (): Promise<CaseActor> => {
      const account = await buildParentSession(target.services.accounts);
      return { actor: account.session.actor, userId: account.userId, keys: account.session.keys };
    };
    const professional = (role: ProfessionalRole, options?: { active?: boolean; verified?: boolean }) =>
      makeProfessional(target.database.handle.db, target.services.accounts, role, options);

    const activePage = async (who: CaseActor, caseId: string): Promise<CasePageData> => {
      const page = await service().casePage(who, caseId);
      assert.equal(page.kind, 'active');
      return page;
    };

    /** Invites `role`, the invitee uses the code, the inviter confirms with the key id the page shows. */
    async function bringIn(inviter: CaseActor, caseId: string, invitee: CaseActor, role: CaseRole) {
      const invited = await service().invite(inviter, caseId, { rol: role });
      assert.ok(invited.ok);
      const joined = await service().join(invitee, { code: invited.code });
      assert.ok(joined.ok, JSON.stringify(joined));
      const waiting = await service().casePage(invitee, caseId);
      assert.equal(waiting.kind, 'waiting');
      const page = await activePage(inviter, caseId);
      const member = page.members.find((row) => row.state === 'accepted');
      assert.ok(member?.safety !== undefined);
      // Both sides see the same number.
      assert.equal(waiting.kind === 'waiting' && waiting.confirmers[0]?.number, member.safety.number);
      const confirmed = await service().confirm(inviter, caseId, member.id, {
        sleutel: member.safety.keyId,
        ...consent,
      });
      assert.deepEqual(confirmed, { ok: true });
      return member.id;
    }

    test('a parent starts a case: the label is sealed, listed and opened only with their key', async () => {
      const mother = await parent();
      const started = await service().start(mother, { naam: 'Sanne', ...consent });
      assert.ok(started.ok);
      const row = await target.database.handle.db
        .selectFrom('cases')
        .selectAll()
        .where('id', '=', started.caseId)
        .executeTakeFirstOrThrow();
      assert.ok(!row.label_ciphertext.includes('Sanne'));
      assert.deepEqual(
        (await service().listMine(mother)).map((mine) => mine.label),
        ['Sanne'],
      );
      const page = await activePage(mother, started.caseId);
      assert.equal(page.label, 'Sanne');
      assert.equal(page.consents[0]?.flow, 'start');
      assert.ok(page.may.inviteProfessional);
      const audit = await target.services.audit.forObject('case', started.caseId);
      assert.deepEqual(
        audit.map((event) => event.action),
        ['case.started', 'case.consent.recorded'],
      );
      // A stranger, a malformed id and another case's id are all "not found".
      const stranger = await parent();
      await assert.rejects(service().openCase(stranger, started.caseId), NotFound);
      await assert.rejects(service().openCase(mother, 'not-an-id'), NotFound);
      await assert.rejects(service().openCase(mother, randomUUID()), NotFound);
      // Bad input is a form problem, nothing stored.
      const bad = await service().start(mother, { naam: '', grondslag: 'x' });
      assert.equal(bad.ok, false);
      assert.equal((await service().listMine(mother)).length, 1);
    });

    test('the lijn: a care worker joins with a code, is confirmed, gets keys; removal bumps the epochs', async () => {
      const mother = await parent();
      const started = await service().start(mother, { naam: 'Noor', ...consent });
      assert.ok(started.ok);
      const caseId = started.caseId;
      const care = await professional('care');
      const careMember = await bringIn(mother, caseId, care, 'care');

      // The care worker reads the label and makes the professionals' key on first use (a parent cannot).
      assert.equal((await activePage(care, caseId)).label, 'Noor');
      const opened = await service().openCase(care, caseId);
      const professionalsKey = await opened.key('professionals');
      assert.equal(professionalsKey.epoch, 0);
      await assert.rejects((await service().openCase(mother, caseId)).key('professionals'), NotFound);

      // A second professional, invited by the care worker, gets the professionals' key at confirmation.
      const police = await professional('police');
      const policeMember = await bringIn(care, caseId, police, 'police');
      const policeOpened = await service().openCase(police, caseId);
      assert.equal((await policeOpened.key('professionals')).epoch, 0);
      const policePage = await activePage(police, caseId);
      assert.equal(policePage.members.find((member) => member.id === policeMember)?.policeUnit, 'Noord-Nederland');

      // What the police could open before: the members' key at epoch 0.
      const oldKey = await policeOpened.key('members');

      // The parent removes the police member (not mandated): epochs move on, the police's wraps are gone.
      const removed = await service().remove(mother, caseId, policeMember);
      assert.deepEqual(removed, { ok: true, left: false });
      await assert.rejects(service().openCase(police, caseId), NotFound);
      const repo = createCasesRepository(target.database.handle.db);
      assert.equal(await repo.compartmentEpoch(caseId, 'members'), 1);
      assert.equal(await repo.compartmentEpoch(caseId, 'professionals'), 1);
      assert.deepEqual(await repo.wrapsOfMember(caseId, policeMember), []);
      // The parent made the new members' key; the professionals' key waits for the care worker.
      const careOpened = await service().openCase(care, caseId);
      const newMembersKey = await careOpened.key('members');
      assert.equal(newMembersKey.epoch, 1);
      const newProfessionalsKey = await careOpened.key('professionals');
      assert.equal(newProfessionalsKey.epoch, 1);
      // Content written now does not open with any key the removed member held.
      const sealed = sealCaseContent(newMembersKey, 'case/item', 'row-1', 'na het verwijderen');
      assert.throws(() => openCaseText(oldKey, 'case/item', 'row-1', sealed), DecryptionFailed);
      assert.throws(
        () =>
          openCaseText(
            { ...oldKey, epoch: 1 },
            'case/item',
            'row-1',
            sealCaseContent(newProfessionalsKey, 'case/item', 'row-1', 'x'),
          ),
        DecryptionFailed,
      );
      // The label was sealed again under the new key and still opens for the members.
      assert.equal((await activePage(care, caseId)).label, 'Noor');
      assert.equal((await activePage(mother, caseId)).label, 'Noor');
      assert.ok(careMember);
    });

    test('codes: single use, expiry, withdrawal, the wrong account, a member confirming themself', async () => {
      const mother = await parent();
      const started = await service().start(mother, { naam: 'Lot', ...consent });
      assert.ok(started.ok);
      const caseId = started.caseId;
      const invited = await service().invite(mother, caseId, { rol: 'care' });
      assert.ok(invited.ok);
      // The code is stored as a keyed hash only.
      const stored = await target.database.handle.db.selectFrom('case_invitations').select('code_hash').execute();
      assert.ok(stored.every((row) => !row.code_hash.includes(invited.code.replace(/-/g, ''))));

      // A parent account for a care worker's code; a pending professional; an unverified organisation.
      assert.deepEqual(await service().join(await parent(), { code: invited.code }), {
        ok: false,
        problem: 'code-wrong-account',
        status: 403,
      });
      const pending = await professional('care', { active: false });
      assert.equal((await service().join(pending, { code: invited.code })).ok, false);
      const unverified = await professional('care', { verified: false });
      const refusal = await service().join(unverified, { code: invited.code });
      assert.equal(!refusal.ok && 'problem' in refusal && refusal.problem, 'code-unverified');
      const wrongRole = await professional('school');
      assert.equal((await service().join(wrongRole, { code: invited.code })).ok, false);

      const care = await professional('care');
      assert.ok((await service().join(care, { code: invited.code.toLowerCase() })).ok);
      const again = await service().join(await professional('care'), { code: invited.code });
      assert.equal(!again.ok && 'problem' in again && again.problem, 'code-used');
      // The invited member cannot open anything before confirmation.
      await assert.rejects(service().openCase(care, caseId), NotFound);
      // A member cannot confirm themself.
      const page = await activePage(mother, caseId);
      const waiting = page.members.find((member) => member.state === 'accepted')!;
      await assert.rejects(
        service().confirm(care, caseId, waiting.id, { sleutel: waiting.safety!.keyId, ...consent }),
        NotFound,
      );
      // A wrong key id (the safety number was for other keys) is refused.
      const wrongKey = await service().confirm(mother, caseId, waiting.id, { sleutel: 'a'.repeat(64), ...consent });
      assert.equal(!wrongKey.ok && 'problem' in wrongKey && wrongKey.problem, 'key-changed');

      // Expired and withdrawn codes.
      const later = await service().invite(mother, caseId, { rol: 'care' });
      assert.ok(later.ok);
      now += 73 * 3_600_000;
      const expired = await service().join(await professional('care'), { code: later.code });
      assert.equal(!expired.ok && 'problem' in expired && expired.problem, 'code-expired');
      const withdrawable = await service().invite(mother, caseId, { rol: 'care' });
      assert.ok(withdrawable.ok);
      const open = (await activePage(mother, caseId)).invitations.find((row) => row.state === 'open')!;
      assert.deepEqual(await service().withdrawInvitation(mother, caseId, open.id), { ok: true });
      const withdrawn = await service().join(await professional('care'), { code: withdrawable.code });
      assert.equal(!withdrawn.ok && 'problem' in withdrawn && withdrawn.problem, 'code-withdrawn');
      const unknown = await service().join(care, { code: 'AAAA-BBBB-CCCC-DDDD' });
      assert.equal(!unknown.ok && 'problem' in unknown && unknown.problem, 'code-unknown');
      const malformed = await service().join(care, { code: 'x' });
      assert.equal(!malformed.ok && 'form' in malformed, true);
    });

    test('risk in the family and suspension need two professionals; the parent sees only a pause', async () => {
      const coordinator = await professional('coordinator');
      const started = await service().start(coordinator, {
        naam: 'Mila',
        vorm: 'met-ouders',
        rol: 'coordinator',
        ...consent,
      });
      assert.ok(started.ok, JSON.stringify(started));
      const caseId = started.caseId;
      const mother = await parent();
      const motherMember = await bringIn(coordinator, caseId, mother, 'parent');
      const vt = await professional('veilig-thuis');
      await bringIn(coordinator, caseId, vt, 'veilig-thuis');
      // Veilig Thuis investigates: the parent cannot remove it and is told why.
      const vtMember = (await activePage(vt, caseId)).viewer.id;
      assert.deepEqual(await service().setMandate(vt, caseId, { onderzoek: 'ja' }), { ok: true });
      assert.deepEqual(await service().remove(mother, caseId, vtMember), {
        ok: false,
        problem: 'mandated',
        status: 403,
      });

      // Risk flag: proposed by one, refused to the same one, confirmed by another.
      assert.deepEqual(await service().flagRisk(coordinator, caseId), { ok: true, step: 'proposed' });
      assert.equal((await service().flagRisk(coordinator, caseId)).ok, false);
      await assert.rejects(service().flagRisk(mother, caseId), NotFound);
      assert.deepEqual(await service().flagRisk(vt, caseId), { ok: true, step: 'confirmed' });
      // The parent no longer sees Veilig Thuis, and no parent can be invited.
      const motherPage = await activePage(mother, caseId);
      assert.ok(!motherPage.members.some((member) => member.role === 'veilig-thuis'));
      assert.ok(!(await activePage(coordinator, caseId)).may.inviteParent);
      const refused = await service().invite(coordinator, caseId, { rol: 'parent' });
      assert.ok(!refused.ok && 'form' in refused);

      // Suspension: the coordinator proposes, the same one cannot confirm, Veilig Thuis confirms.
      assert.deepEqual(await service().suspend(coordinator, caseId, motherMember), { ok: true, step: 'proposed' });
      assert.equal((await service().suspend(coordinator, caseId, motherMember)).ok, false);
      assert.deepEqual(await service().suspend(vt, caseId, motherMember), { ok: true, step: 'suspended' });
      assert.deepEqual(await service().casePage(mother, caseId), { kind: 'paused', caseId });
      await assert.rejects(service().openCase(mother, caseId), NotFound);
      assert.deepEqual(await createCasesRepository(target.database.handle.db).wrapsOfMember(caseId, motherMember), []);
      assert.deepEqual(
        (await service().listMine(mother)).map((mine) => [mine.state, mine.label]),
        [['suspended', undefined]],
      );
    });

    test('a professional-only case shows no parent anything; a key rotation means confirming again', async () => {
      const care = await professional('care');
      const started = await service().start(care, {
        naam: 'Bo',
        vorm: 'alleen-professionals',
        rol: 'care',
        ...consent,
      });
      assert.ok(started.ok);
      const caseId = started.caseId;
      const refused = await service().invite(care, caseId, { rol: 'parent' });
      assert.ok(!refused.ok && 'form' in refused);
      const police = await professional('police');
      const policeMember = await bringIn(care, caseId, police, 'police');
      // Key rotation of the police account: the membership waits for confirmation again, wraps gone.
      await target.database.handle.db.transaction().execute((trx) => service().keysChanged(trx, police.userId));
      await assert.rejects(service().openCase(police, caseId), NotFound);
      const page = await activePage(care, caseId);
      assert.equal(page.members.find((member) => member.id === policeMember)?.state, 'accepted');
      // Account deletion: the membership goes, the rows stay as history without the account.
      await target.database.handle.db.transaction().execute((trx) => service().deleteMemberships(trx, police.userId));
      const repo = createCasesRepository(target.database.handle.db);
      assert.equal((await repo.findMember(policeMember))?.userId, null);
      assert.equal((await repo.findMember(policeMember))?.state, 'removed');
    });

    test('when the parent who started the case deletes their account, the care worker keeps what they granted', async () => {
      const mother = await parent();
      const started = await service().start(mother, { naam: 'Jip', ...consent });
      assert.ok(started.ok);
      const care = await professional('care');
      await bringIn(mother, started.caseId, care, 'care');
      const before = await (await service().openCase(care, started.caseId)).key('members');
      await target.services.accounts.deleteAccount(
        mother.userId,
        [casesUserData(service(), () => Promise.resolve(undefined))],
        () => Promise.resolve(),
      );
      const opened = await service().openCase(care, started.caseId);
      // What the parent granted at epoch 0 still opens; the care worker made the key of epoch 1.
      assert.equal((await opened.keyAt('members', 0)).key.id, before.key.id);
      assert.equal((await opened.key('members')).epoch, 1);
      const page = await activePage(care, started.caseId);
      assert.equal(page.label, 'Jip');
      assert.deepEqual(
        page.members.map((member) => member.role),
        ['care'],
      );
    });

    test('a forged wrap does not open', async () => {
      const mother = await parent();
      const started = await service().start(mother, { naam: 'Ivy', ...consent });
      assert.ok(started.ok);
      const repo = createCasesRepository(target.database.handle.db);
      const member = (await repo.findMembership(started.caseId, mother.userId))!.member;
      const [wrap] = await repo.wrapsOfMember(started.caseId, member.id);
      assert.ok(wrap !== undefined);
      assert.throws(() =>
        unwrapCompartmentKey(
          { ...wrap, epoch: wrap.epoch + 1 },
          {
            caseId: started.caseId,
            compartment: 'members',
            epoch: wrap.epoch + 1,
            recipient: {
              memberId: member.id,
              keyId: member.confirmedKeyId!,
              x25519Private: mother.keys.sharingKey().privateKey,
            },
            granter: { ed25519Public: mother.keys.signingKey().publicKey },
          },
        ),
      );
    });
  });
}
