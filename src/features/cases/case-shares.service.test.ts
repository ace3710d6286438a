import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { refuseAuditWrites } from '../../../test/helpers/audit-failure.js';
import { caseRow, memberRow } from '../../../test/helpers/case-setup.js';
import { describeEachDialect } from '../../../test/helpers/databases.js';
import { buildParentSession } from '../../../test/helpers/factories.js';
import { testObservation, throwawayLogKey } from '../../../test/helpers/journal.js';
import type { WrappedKey } from '../../shared/crypto/aead.js';
import { createPassphraseHasher } from '../../shared/crypto/passphrase.js';
import { BadRequest, NotFound } from '../../shared/errors.js';
import { type Actor, type ProfessionalRole, userActor } from '../../shared/policy/actor.js';
import { createAccountsRepository } from '../accounts/accounts.repo.js';
import { createAccountsService } from '../accounts/accounts.service.js';
import { createAuditRepository } from '../audit/audit.repo.js';
import { createAuditService } from '../audit/audit.service.js';
import type { InspectedAttachment } from '../journal/attachments.js';
import { createJournalRepository } from '../journal/journal.repo.js';
import { createJournalService, journalActorOf } from '../journal/journal.service.js';
import {
  KeyWrapRefused,
  memberKeyId,
  newCompartmentKey,
  unwrapCompartmentKey,
  unwrapEntryKey,
  wrapCompartmentKey,
} from './case-keys.js';
import { createCaseSharesRepository, keyWrapRow } from './case-shares.repo.js';
import { createCaseSharesService, type SharesActor } from './case-shares.service.js';
import {
  type CaseRole,
  type Compartment,
  type CompartmentKey,
  type OpenedCase,
  shareCompartment,
} from './cases.types.js';

/*
 * Sharing journal entries into a case, as the people in it see it: a parent shares, professionals read with the
 * verification, the parent sees who opened what, unsharing takes the entries away and rotates the key. The case
 * is opened here by a stand-in for cases.service openCase (OpenedCase over the stored wraps, as case-keys.ts makes
 * and opens them), so these tests need nothing of the case pages.
 */

const fast = { memoryKiB: 19_456, iterations: 2, parallelism: 1 };
const logKey = throwawayLogKey();
const picture: InspectedAttachment = {
  kind: 'png',
  mediaType: 'image/png',
  bytes: Buffer.from('png bytes of a screenshot'),
  thumbnail: Buffer.from('thumbnail'),
  width: 1,
  height: 1,
};

describeEachDialect('case shares service', (database) => {
  const now = new Date('2026-12-07T10:00:00Z');
  const db = () => database().handle.db;
  const audit = () => createAuditService(createAuditRepository(db()));
  const journalRepo = () => createJournalRepository(db(), database().handle.dialect);
  const accounts = () =>
    createAccountsService(
      createAccountsRepository(db()),
      createPassphraseHasher({ pepper: Buffer.alloc(32, 5), concurrency: 2 }),
      { idleMs: 20 * 60_000, absoluteMs: 12 * 3_600_000 },
      () => now,
      fast,
    );
  const journal = () => createJournalService(journalRepo(), { logKey, audit: audit(), clock: () => now });
  const shares = () =>
    createCaseSharesService(createCaseSharesRepository(db()), journalRepo(), {
      logPublicKeys: [logKey.publicKey],
      audit: audit(),
      clock: () => now,
    });

  interface Person {
    who: SharesActor;
    memberId: string;
    role: CaseRole;
  }

  const organisationId = 'org-shares-test';

  /** An account with keys, acting as a parent or as an active professional of the given role. */
  async function account(role: CaseRole): Promise<SharesActor> {
    const { session, userId } = await buildParentSession(accounts());
    const professional: Record<Exclude<CaseRole, 'parent' | 'young'>, ProfessionalRole> = {
      care: 'care',
      coordinator: 'coordinator',
      'veilig-thuis': 'veilig-thuis',
      jeugdbeschermer: 'jeugdbescherming',
      raad: 'raad',
      police: 'police',
      observer: 'school',
    };
    const actor: Actor =
      role === 'parent' || role === 'young'
        ? session.actor
        : userActor({
            userId,
            kind: 'professional',
            hasSecondFactor: true,
            professional: { organisationId, role: professional[role], active: true },
          });
    return { ...journalActorOf(session, actor), requestId: 'test' };
  }

  /** A case with these members, all active and confirmed with their current keys. */
  async function caseWith(roles: readonly CaseRole[], options: { risk?: boolean } = {}) {
    const caseId = randomUUID();
    const iso = now.toISOString();
    await db()
      .insertInto('cases')
      .values(
        caseRow({
          id: caseId,
          risk_in_family: options.risk === true ? 'confirmed' : 'none',
          created_at: iso,
          label_ciphertext: 'sealed',
          label_epoch: 0,
        }),
      )
      .execute();
    const people: Person[] = [];
    for (const role of roles) {
      const who = await account(role);
      const user = await db()
        .selectFrom('users')
        .select(['x25519_public', 'ed25519_public'])
        .where('id', '=', who.userId)
        .executeTakeFirstOrThrow();
      const memberId = randomUUID();
      await db()
        .insertInto('case_members')
        .values(
          memberRow(caseId, role, iso, {
            id: memberId,
            user_id: who.userId,
            organisation_id: role === 'parent' ? null : organisationId,
            police_unit: role === 'police' ? 'Eenheid Midden-Nederland' : null,
            confirmed_key_id: memberKeyId(
              Buffer.from(user.x25519_public, 'base64'),
              Buffer.from(user.ed25519_public, 'base64'),
            ),
          }),
        )
        .execute();
      people.push({ who, memberId, role });
    }
    return { caseId, people, risk: options.risk === true };
  }

  /**
   * The case opened for one person, as cases.service openCase does it: the current epoch's wrap opened with their
   * key; a parent's own share key made on first use and wrapped to them and the working professionals.
   */
  function opened(scene: Awaited<ReturnType<typeof caseWith>>, person: Person): OpenedCase {
    const { caseId } = scene;
    const members = async () =>
      db()
        .selectFrom('case_members as m')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .select(['m.id', 'm.role', 'm.state', 'm.confirmed_key_id', 'u.x25519_public', 'u.ed25519_public'])
        .where('m.case_id', '=', caseId)
        .execute();
    const key = async (compartment: Compartment): Promise<CompartmentKey> => {
      const row = await db()
        .selectFrom('case_compartments')
        .select('epoch')
        .where('case_id', '=', caseId)
        .where('compartment', '=', compartment)
        .executeTakeFirst();
      const held =
        row === undefined
          ? []
          : await db()
              .selectFrom('case_key_wraps')
              .select('member_id')
              .where('case_id', '=', caseId)
              .where('compartment', '=', compartment)
              .where('epoch', '=', Number(row.epoch))
              .execute();
      // As openCase does: the parent makes their share key when nobody holds one at the current epoch.
      if (row === undefined || held.length === 0) {
        if (compartment !== shareCompartment(person.memberId)) throw new NotFound('no key');
        const at = row === undefined ? 0 : Number(row.epoch);
        const made = newCompartmentKey(caseId, compartment, at);
        const signing = person.who.keys.signingKey();
        if (row === undefined) {
          await db().insertInto('case_compartments').values({ case_id: caseId, compartment, epoch: 0 }).execute();
        }
        for (const member of await members()) {
          if (member.id !== person.memberId && (member.role === 'parent' || member.role === 'observer')) continue;
          if (member.state !== 'active') continue;
          const wrap = wrapCompartmentKey({
            key: made,
            recipient: {
              memberId: member.id,
              x25519Public: Buffer.from(member.x25519_public, 'base64'),
              keyId: member.confirmed_key_id!,
            },
            granter: { memberId: person.memberId, signingKey: signing.privateKey, keyId: signing.id },
          });
          // The wrap names this case, compartment, epoch and member (made from their key and for them).
          await db().insertInto('case_key_wraps').values(keyWrapRow(wrap, now.toISOString())).execute();
        }
        return made;
      }
      const wrap = await db()
        .selectFrom('case_key_wraps')
        .selectAll()
        .where('case_id', '=', caseId)
        .where('compartment', '=', compartment)
        .where('epoch', '=', Number(row.epoch))
        .where('member_id', '=', person.memberId)
        .executeTakeFirst();
      if (wrap === undefined) throw new NotFound('no key');
      const granter = await db()
        .selectFrom('case_members as m')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .select('u.ed25519_public')
        .where('m.id', '=', wrap.granter_member_id)
        .executeTakeFirstOrThrow();
      const me = (await members()).find((member) => member.id === person.memberId)!;
      return unwrapCompartmentKey(
        {
          caseId,
          compartment,
          epoch: Number(wrap.epoch),
          memberId: wrap.member_id,
          recipientKeyId: wrap.recipient_key_id,
          enc: wrap.enc,
          ciphertext: wrap.ciphertext,
          granterMemberId: wrap.granter_member_id,
          granterKeyId: wrap.granter_key_id,
          signature: wrap.signature,
        },
        {
          caseId,
          compartment,
          epoch: Number(wrap.epoch),
          recipient: {
            memberId: person.memberId,
            keyId: me.confirmed_key_id!,
            x25519Private: person.who.keys.sharingKey().privateKey,
          },
          granter: { ed25519Public: Buffer.from(granter.ed25519_public, 'base64') },
        },
      );
    };
    return {
      facts: {
        caseId,
        mode: 'with-parents',
        riskInFamily: scene.risk,
        closed: false,
        viewer: {
          memberId: person.memberId,
          userId: person.who.userId,
          role: person.role,
          state: 'active',
          mandate: 'none',
        },
      },
      key,
      keyAt: () => Promise.reject(new NotFound('not needed here')),
    };
  }

  const consent = { basis: 'parent', childKnows: 'yes', childIs16OrOlder: false } as const;

  async function sceneWithEntries(roles: readonly CaseRole[] = ['parent', 'police', 'care', 'observer', 'parent']) {
    const scene = await caseWith(roles);
    const [parent] = scene.people;
    const one = await journal().addObservation(
      parent!.who,
      testObservation({ text: 'Kwam laat thuis, nieuwe telefoon.' }),
    );
    const two = await journal().addObservation(parent!.who, testObservation({ text: 'Foto van het bericht.' }), [
      picture,
    ]);
    const three = await journal().addObservation(parent!.who, testObservation({ text: 'Niet voor de samenwerking.' }));
    const person = (role: CaseRole, nth = 0) => scene.people.filter((item) => item.role === role)[nth]!;
    return { scene, parent: parent!, one, two, three, person };
  }

  test('a parent shares entries; a professional sees them verified, opens one, and the parent sees who did', async () => {
    const { scene, parent, one, two, three, person } = await sceneWithEntries();
    const police = person('police');
    assert.deepEqual(await shares().share(parent.who, opened(scene, parent), [one.id, two.id], consent), { shared: 2 });

    const list = await shares().list(police.who, opened(scene, police));
    assert.deepEqual(list.items.map((item) => [item.number, item.attachments, item.verification.verified]).sort(), [
      [1, 0, true],
      [2, 1, true],
    ]);
    assert.ok(list.readable.has(parent.memberId));
    assert.ok(!list.items.some((item) => item.entryId === three.id), 'an entry not shared is not listed');

    const entry = await shares().open(police.who, opened(scene, police), two.id);
    assert.equal(entry.observation?.text, 'Foto van het bericht.');
    assert.equal(entry.item.verification.verified, true);
    assert.deepEqual(entry.item.verification.problems, []);
    assert.equal(entry.attachments.length, 1);
    const file = await shares().attachment(police.who, opened(scene, police), entry.attachments[0]!.id);
    assert.deepEqual(file.bytes, picture.bytes);

    const access = await shares().accessList(parent.who, opened(scene, parent));
    assert.deepEqual(
      access.map((line) => [line.what, line.entryNumber, line.who.role, line.who.policeUnit]),
      [
        ['open-attachment', 2, 'police', 'Eenheid Midden-Nederland'],
        ['open', 2, 'police', 'Eenheid Midden-Nederland'],
      ],
    );
    // The audit lines name ids only: case, parent member and entry; never content.
    const lines = await audit().forObjectPrefix('case-shared-entry', `${scene.caseId}/`);
    assert.ok(lines.every((line) => !JSON.stringify(line).includes('bericht')));
    const consents = await db().selectFrom('case_consents').selectAll().where('case_id', '=', scene.caseId).execute();
    assert.deepEqual(
      consents.map((row) => [row.flow, row.basis, row.child_knows, row.subject_id]),
      [['share-entries', 'parent', 'yes', parent.memberId]],
    );
  });

  test('an observer and the other parent never read shared entries; the parent reads their own only through the journal', async () => {
    const { scene, parent, one, person } = await sceneWithEntries();
    await shares().share(parent.who, opened(scene, parent), [one.id], consent);
    for (const outsider of [person('observer'), person('parent', 1), parent]) {
      await assert.rejects(shares().list(outsider.who, opened(scene, outsider)), NotFound);
      await assert.rejects(shares().open(outsider.who, opened(scene, outsider), one.id), NotFound);
    }
    const wraps = await db()
      .selectFrom('case_key_wraps')
      .select('member_id')
      .where('case_id', '=', scene.caseId)
      .execute();
    const holders = new Set(wraps.map((row) => row.member_id));
    assert.ok(!holders.has(person('observer').memberId) && !holders.has(person('parent', 1).memberId));
    // A professional can only share nothing: the rule is the parent's.
    await assert.rejects(
      shares().share(person('care').who, opened(scene, person('care')), [one.id], consent),
      NotFound,
    );
  });

  test("a diary note's id, another parent's entry, an unknown id or a bad consent share nothing", async () => {
    const { scene, parent, one, person } = await sceneWithEntries();
    const note = { id: await journal().addDiaryNote(parent.who, 'Alleen voor mij.') };
    const otherParent = person('parent', 1);
    const theirs = await journal().addObservation(otherParent.who, testObservation({ text: 'Van de andere ouder.' }));
    for (const ids of [[note.id], [theirs.id], [randomUUID()], [one.id, note.id]]) {
      await assert.rejects(shares().share(parent.who, opened(scene, parent), ids, consent), NotFound);
    }
    await assert.rejects(
      shares().share(parent.who, opened(scene, parent), [one.id], { ...consent, childIs16OrOlder: true }),
      BadRequest,
    );
    await assert.rejects(shares().share(parent.who, opened(scene, parent), [], consent), BadRequest);
    assert.deepEqual(
      await db().selectFrom('case_shared_entries').selectAll().where('case_id', '=', scene.caseId).execute(),
      [],
    );
    assert.deepEqual(
      await db().selectFrom('case_consents').selectAll().where('case_id', '=', scene.caseId).execute(),
      [],
    );
    // From 16 the child's own consent carries the share.
    await shares().share(parent.who, opened(scene, parent), [one.id], {
      basis: 'child',
      childKnows: 'yes',
      childIs16OrOlder: true,
    });
  });

  test('unsharing: the next opening is not found, the key moves on, and every key held before opens nothing shared after', async () => {
    const { scene, parent, one, two, person } = await sceneWithEntries();
    const police = person('police');
    await shares().share(parent.who, opened(scene, parent), [one.id, two.id], consent);
    const compartment = shareCompartment(parent.memberId);
    const before = await opened(scene, police).key(compartment);
    await shares().open(police.who, opened(scene, police), one.id);
    const entryKeyBefore = await db()
      .selectFrom('case_shared_entries')
      .selectAll()
      .where('case_id', '=', scene.caseId)
      .where('entry_id', '=', one.id)
      .executeTakeFirstOrThrow();
    const remembered = unwrapEntryKey(before, one.id, entryKeyBefore.key_id, entryKeyBefore.wrapped_key as WrappedKey);

    await shares().unshare(parent.who, opened(scene, parent), [two.id]);
    await assert.rejects(shares().open(police.who, opened(scene, police), two.id), NotFound);
    const attachments = await db()
      .selectFrom('case_shared_attachments')
      .selectAll()
      .where('case_id', '=', scene.caseId)
      .execute();
    assert.deepEqual(attachments, [], "the unshared entry's attachment went with it");
    const after = await opened(scene, police).key(compartment);
    assert.equal(after.epoch, before.epoch + 1);
    assert.equal(
      (await shares().open(police.who, opened(scene, police), one.id)).observation?.text,
      'Kwam laat thuis, nieuwe telefoon.',
    );

    // Shared afterwards: a new entry. The database as it is now, with every key the professional held before
    // (the share key of the earlier epoch, and the data key of the entry they opened), opens none of its wraps.
    const four = await journal().addObservation(parent.who, testObservation({ text: 'Later gedeeld.' }));
    await shares().share(parent.who, opened(scene, parent), [four.id], consent);
    const dump = await db().selectFrom('case_shared_entries').selectAll().where('case_id', '=', scene.caseId).execute();
    assert.deepEqual(
      dump.map((row) => Number(row.epoch)),
      [after.epoch, after.epoch],
    );
    for (const row of dump) {
      assert.throws(
        () => unwrapEntryKey(before, row.entry_id, row.key_id, row.wrapped_key as WrappedKey),
        KeyWrapRefused,
      );
      assert.notEqual(row.key_id, two.id, 'no wrap of the unshared entry is left');
    }
    assert.notEqual(remembered.id, four.id);
    const wrapsLeft = await db()
      .selectFrom('case_key_wraps')
      .select(['epoch'])
      .where('case_id', '=', scene.caseId)
      .where('compartment', '=', compartment)
      .execute();
    assert.ok(
      wrapsLeft.every((row) => Number(row.epoch) === after.epoch),
      'the old epoch left no wraps',
    );
    const line = (
      await audit().forObjectPrefix('case-shared-entry', `${scene.caseId}/${parent.memberId}/${two.id}`)
    ).map((row) => row.action);
    assert.ok(line.includes('case.shared-entry.unshare'));
    // Unsharing what is not (or no longer) shared is not found.
    await assert.rejects(shares().unshare(parent.who, opened(scene, parent), [two.id]), NotFound);
  });

  test("after someone else took a member out (the epoch moved without a key), the parent's next visit wraps the shares again", async () => {
    const { scene, parent, one, two, person } = await sceneWithEntries();
    const police = person('police');
    const care = person('care');
    await shares().share(parent.who, opened(scene, parent), [one.id, two.id], consent);
    const compartment = shareCompartment(parent.memberId);
    // As cases.service does when a coordinator removes the care worker: their wraps go, the epoch moves on, and
    // only the parent can make the share key of the new epoch.
    await db().updateTable('case_members').set({ state: 'removed' }).where('id', '=', care.memberId).execute();
    await db().deleteFrom('case_key_wraps').where('member_id', '=', care.memberId).execute();
    await db()
      .updateTable('case_compartments')
      .set((eb) => ({ epoch: eb('epoch', '+', 1) }))
      .where('case_id', '=', scene.caseId)
      .where('compartment', '=', compartment)
      .execute();
    await assert.rejects(shares().open(police.who, opened(scene, police), one.id), NotFound);
    assert.equal((await shares().list(police.who, opened(scene, police))).readable.size, 0);

    assert.equal((await shares().mine(parent.who, opened(scene, parent))).length, 2);
    assert.equal(
      (await shares().open(police.who, opened(scene, police), two.id)).observation?.text,
      'Foto van het bericht.',
    );
    await assert.rejects(shares().open(care.who, opened(scene, care), two.id), NotFound);
  });

  test('with the risk flag confirmed, the parent does not see police or Veilig Thuis access; a professional does', async () => {
    const scene = await caseWith(['parent', 'police', 'veilig-thuis', 'care'], { risk: true });
    const [parent, police, vt, care] = scene.people as [Person, Person, Person, Person];
    const entry = await journal().addObservation(parent.who, testObservation({ text: 'Gedeeld.' }));
    await shares().share(parent.who, opened(scene, parent), [entry.id], consent);
    for (const reader of [police, vt, care]) await shares().open(reader.who, opened(scene, reader), entry.id);
    assert.deepEqual(
      (await shares().accessList(parent.who, opened(scene, parent))).map((line) => line.who.role),
      ['care'],
    );
    assert.deepEqual(
      (await shares().accessList(care.who, opened(scene, care))).map((line) => line.who.role),
      ['care', 'veilig-thuis', 'police'],
    );
  });

  test('an opening whose audit line cannot be written shows nothing', async () => {
    const { scene, parent, one, person } = await sceneWithEntries();
    const police = person('police');
    await shares().share(parent.who, opened(scene, parent), [one.id], consent);
    const restore = await refuseAuditWrites(database().handle);
    try {
      await assert.rejects(shares().open(police.who, opened(scene, police), one.id), /audit write refused/);
    } finally {
      await restore();
    }
  });

  test('a changed leaf signature or checkpoint shows as a failed check, never as verified', async () => {
    const { scene, parent, one, two, person } = await sceneWithEntries();
    const police = person('police');
    await shares().share(parent.who, opened(scene, parent), [one.id, two.id], consent);
    const stored = await db()
      .selectFrom('journal_entries')
      .select('signature')
      .where('id', '=', one.id)
      .executeTakeFirstOrThrow();
    const forged = Buffer.from(stored.signature!, 'base64');
    forged[0] = forged[0]! ^ 1;
    await db()
      .updateTable('journal_entries')
      .set({ signature: forged.toString('base64') })
      .where('id', '=', one.id)
      .execute();
    const items = (await shares().list(police.who, opened(scene, police))).items;
    const byId = new Map(items.map((item) => [item.entryId, item.verification]));
    assert.deepEqual(byId.get(one.id)?.problems, ['leaf-signature']);
    assert.equal(byId.get(two.id)?.verified, true);
    const journalId = (await journalRepo().journalOf(parent.who.userId))!.id;
    await db()
      .updateTable('journal_checkpoints')
      .set({ signature: forged.toString('base64') })
      .where('journal_id', '=', journalId)
      .execute();
    const after = (await shares().open(police.who, opened(scene, police), two.id)).item.verification;
    assert.equal(after.verified, false);
    assert.ok(after.problems.includes('checkpoint-signature'));
  });
});
