import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { caseRow, memberRow } from '../../../test/helpers/case-setup.js';
import { describeEachDialect } from '../../../test/helpers/databases.js';
import { buildParentSession } from '../../../test/helpers/factories.js';
import { testObservation, throwawayLogKey } from '../../../test/helpers/journal.js';
import type { WrappedKey } from '../../shared/crypto/aead.js';
import { createPassphraseHasher } from '../../shared/crypto/passphrase.js';
import { createAccountsRepository } from '../accounts/accounts.repo.js';
import { createAccountsService } from '../accounts/accounts.service.js';
import { createAuditRepository } from '../audit/audit.repo.js';
import { createAuditService } from '../audit/audit.service.js';
import type { InspectedAttachment } from '../journal/attachments.js';
import { createJournalRepository } from '../journal/journal.repo.js';
import { createJournalService, journalActorOf } from '../journal/journal.service.js';
import {
  createCaseSharesRepository,
  type KeyWrapRow,
  type SharedAttachmentRow,
  type SharedEntryRow,
} from './case-shares.repo.js';

const fast = { memoryKiB: 19_456, iterations: 2, parallelism: 1 };
const picture: InspectedAttachment = {
  kind: 'png',
  mediaType: 'image/png',
  bytes: Buffer.from('png bytes'),
  thumbnail: Buffer.from('thumbnail'),
  width: 1,
  height: 1,
};
const wrapped = (text: string) => `sealed-${text}` as WrappedKey;

describeEachDialect('case shares repository', (database) => {
  const now = '2026-12-07T10:00:00.000Z';
  const db = () => database().handle.db;
  const repo = () => createCaseSharesRepository(db());
  const audit = () => createAuditService(createAuditRepository(db()));
  const accounts = () =>
    createAccountsService(
      createAccountsRepository(db()),
      createPassphraseHasher({ pepper: Buffer.alloc(32, 7), concurrency: 2 }),
      { idleMs: 20 * 60_000, absoluteMs: 12 * 3_600_000 },
      () => new Date(now),
      fast,
    );
  const journal = () =>
    createJournalService(createJournalRepository(db(), database().handle.dialect), {
      logKey: throwawayLogKey(),
      audit: audit(),
    });

  /** A parent with a journal of two entries (the second with a photo), a case, and the parent and a professional in it. */
  async function scene() {
    const parent = await buildParentSession(accounts());
    const who = journalActorOf(parent.session);
    const first = await journal().addObservation(who, testObservation({ text: 'een' }));
    const second = await journal().addObservation(who, testObservation({ text: 'twee' }), [picture]);
    const journalRow = await db()
      .selectFrom('journals')
      .select('id')
      .where('owner_id', '=', parent.userId)
      .executeTakeFirstOrThrow();
    const attachment = await db()
      .selectFrom('journal_attachments')
      .select('id')
      .where('entry_id', '=', second.id)
      .executeTakeFirstOrThrow();
    const caseId = randomUUID();
    const otherCaseId = randomUUID();
    for (const id of [caseId, otherCaseId]) {
      await db()
        .insertInto('cases')
        .values(caseRow({ id, created_at: now, created_by_user: parent.userId, label_ciphertext: 'sealed' }))
        .execute();
    }
    const member = (caseId: string, role: 'parent' | 'police', userId: string | null) =>
      memberRow(caseId, role, now, { user_id: userId, police_unit: role === 'police' ? 'Eenheid Utrecht' : null });
    const parentMember = member(caseId, 'parent', parent.userId);
    const police = member(caseId, 'police', null);
    const otherParent = member(otherCaseId, 'parent', parent.userId);
    await db().insertInto('case_members').values([parentMember, police, otherParent]).execute();
    const compartment = `share:${parentMember.id}`;
    const wrap = (epoch: number, memberId: string): KeyWrapRow => ({
      case_id: caseId,
      compartment,
      epoch,
      member_id: memberId,
      recipient_key_id: 'k',
      enc: 'enc',
      ciphertext: `ct-${epoch}-${memberId}`,
      granter_member_id: parentMember.id,
      granter_key_id: 'g',
      signature: 'sig',
      created_at: now,
    });
    const shared = (entryId: string, epoch = 1): SharedEntryRow => ({
      caseId,
      parentMemberId: parentMember.id,
      entryId,
      journalId: journalRow.id,
      epoch,
      keyId: entryId,
      wrappedKey: wrapped(entryId),
      createdAt: now,
    });
    const consent = () => ({
      id: randomUUID(),
      case_id: caseId,
      flow: 'share-entries' as const,
      subject_id: parentMember.id,
      basis: 'parent' as const,
      child_knows: 'yes' as const,
      recorded_by_member_id: parentMember.id,
      created_at: now,
    });
    /** The second entry's photo, shared with its entry. */
    const sharedPhoto = (): SharedAttachmentRow => ({
      caseId,
      attachmentId: attachment.id,
      entryId: second.id,
      parentMemberId: parentMember.id,
      epoch: 1,
      keyId: attachment.id,
      wrappedKey: wrapped(attachment.id),
    });
    /** The parent's first share: both entries (the second with its photo), granted to the parent and the police. */
    const firstShare = () => ({
      caseId,
      compartment,
      epoch: 1,
      create: true,
      entries: [shared(first.id), shared(second.id)],
      attachments: [sharedPhoto()],
      grants: [wrap(1, parentMember.id), wrap(1, police.id)],
      consent: consent(),
    });
    return {
      parent,
      first,
      second,
      attachmentId: attachment.id,
      caseId,
      otherCaseId,
      parentMember,
      police,
      compartment,
      wrap,
      shared,
      consent,
      sharedPhoto,
      firstShare,
    };
  }

  test('a first share creates the compartment and stores entries, attachments, grants and consent together', async () => {
    const s = await scene();
    const result = await repo().share(s.firstShare(), (trx) =>
      audit().record(trx, {
        actor: s.parent.userId,
        action: 'case.entries.share',
        objectType: 'case',
        objectId: s.caseId,
        requestId: 'r',
      }),
    );
    assert.equal(result, 'shared');
    assert.equal(await repo().compartmentEpoch(s.caseId, s.compartment), 1);
    assert.deepEqual(
      (await repo().sharedEntries(s.caseId, s.parentMember.id)).map((row) => row.entryId).sort(),
      [s.first.id, s.second.id].sort(),
    );
    assert.deepEqual(await repo().holders(s.caseId, s.compartment, 1), [s.parentMember.id, s.police.id].sort());
    assert.equal((await repo().sharedEntry(s.caseId, s.first.id))?.wrappedKey, wrapped(s.first.id));
    assert.equal(await repo().sharedEntry(s.otherCaseId, s.first.id), undefined, "another case's entry is not found");
    assert.deepEqual(
      (await repo().sharedAttachments(s.caseId, [s.second.id])).map((row) => row.attachmentId),
      [s.attachmentId],
    );
    assert.deepEqual(await repo().sharedAttachments(s.otherCaseId, [s.second.id]), []);
    const consents = await db().selectFrom('case_consents').selectAll().where('case_id', '=', s.caseId).execute();
    assert.equal(consents.length, 1);
    assert.equal((await audit().forObject('case', s.caseId)).length, 1);

    // A second "first share" finds the compartment made: stale, and nothing of it is written.
    const again = await repo().share(
      {
        caseId: s.caseId,
        compartment: s.compartment,
        epoch: 1,
        create: true,
        entries: [],
        attachments: [],
        grants: [],
        consent: s.consent(),
      },
      () => Promise.resolve(),
    );
    assert.equal(again, 'stale');
    assert.equal(
      (await db().selectFrom('case_consents').selectAll().where('case_id', '=', s.caseId).execute()).length,
      1,
    );
  });

  test('a share under a stale epoch writes nothing; an entry shared twice keeps one row', async () => {
    const s = await scene();
    const base = { caseId: s.caseId, compartment: s.compartment, attachments: [], grants: [] };
    assert.equal(
      await repo().share(
        { ...base, epoch: 1, create: true, entries: [s.shared(s.first.id)], consent: s.consent() },
        () => Promise.resolve(),
      ),
      'shared',
    );
    assert.equal(
      await repo().share(
        { ...base, epoch: 2, create: false, entries: [s.shared(s.second.id, 2)], consent: s.consent() },
        () => Promise.resolve(),
      ),
      'stale',
    );
    assert.equal(
      await repo().share(
        { ...base, epoch: 1, create: false, entries: [s.shared(s.first.id)], consent: s.consent() },
        () => Promise.resolve(),
      ),
      'shared',
    );
    assert.deepEqual(
      (await repo().sharedEntries(s.caseId)).map((row) => row.entryId),
      [s.first.id],
    );
    // An audit line that fails rolls the whole share back.
    await assert.rejects(
      repo().share({ ...base, epoch: 1, create: false, entries: [s.shared(s.second.id)], consent: s.consent() }, () =>
        Promise.reject(new Error('audit refused')),
      ),
      /audit refused/,
    );
    assert.equal(await repo().sharedEntry(s.caseId, s.second.id), undefined);
  });

  test('unsharing deletes the rows and every wrap, moves the epoch, re-wraps the rest, or changes nothing when stale', async () => {
    const s = await scene();
    await repo().share(s.firstShare(), () => Promise.resolve());
    const base = {
      caseId: s.caseId,
      parentMemberId: s.parentMember.id,
      compartment: s.compartment,
      entryIds: [s.second.id],
      wraps: [s.wrap(2, s.parentMember.id), s.wrap(2, s.police.id)],
    };
    // The remaining shares named wrongly (the unshared entry's attachment still listed): stale, nothing changed.
    assert.equal(
      await repo().unshare(
        {
          ...base,
          fromEpoch: 1,
          remaining: [{ id: s.first.id, wrappedKey: wrapped('new') }],
          remainingAttachments: [{ id: s.attachmentId, wrappedKey: wrapped('new') }],
        },
        () => Promise.resolve(),
      ),
      'stale',
    );
    assert.equal(
      await repo().unshare(
        {
          ...base,
          fromEpoch: 7,
          remaining: [{ id: s.first.id, wrappedKey: wrapped('new') }],
          remainingAttachments: [],
        },
        () => Promise.resolve(),
      ),
      'stale',
    );
    assert.equal(await repo().compartmentEpoch(s.caseId, s.compartment), 1);
    assert.equal((await repo().sharedEntries(s.caseId)).length, 2);

    assert.equal(
      await repo().unshare(
        {
          ...base,
          fromEpoch: 1,
          remaining: [{ id: s.first.id, wrappedKey: wrapped('new') }],
          remainingAttachments: [],
        },
        () => Promise.resolve(),
      ),
      'unshared',
    );
    assert.equal(await repo().compartmentEpoch(s.caseId, s.compartment), 2);
    assert.deepEqual(await repo().sharedEntries(s.caseId), [
      { ...s.shared(s.first.id, 2), wrappedKey: wrapped('new') },
    ]);
    assert.deepEqual(await repo().sharedAttachments(s.caseId, [s.second.id]), []);
    assert.deepEqual(await repo().holders(s.caseId, s.compartment, 1), [], 'the old epoch has no wraps left');
    assert.deepEqual(await repo().holders(s.caseId, s.compartment, 2), [s.parentMember.id, s.police.id].sort());
  });

  test('an opening runs in the transaction of its read; an unshared or foreign entry is not opened', async () => {
    const s = await scene();
    await repo().share(
      {
        caseId: s.caseId,
        compartment: s.compartment,
        epoch: 1,
        create: true,
        entries: [s.shared(s.second.id)],
        attachments: [s.sharedPhoto()],
        grants: [],
        consent: s.consent(),
      },
      () => Promise.resolve(),
    );
    const opened = await repo().withSharedEntry(s.caseId, s.second.id, async (row, trx) => {
      await audit().record(trx, {
        actor: 'x',
        action: 'case.shared-entry.open',
        objectType: 'case-shared-entry',
        objectId: `${s.caseId}/${row.entryId}`,
        requestId: 'r',
      });
      return row.wrappedKey;
    });
    assert.equal(opened, wrapped(s.second.id));
    assert.equal(await repo().withSharedEntry(s.otherCaseId, s.second.id, () => Promise.resolve('opened')), undefined);
    assert.equal(await repo().withSharedEntry(s.caseId, s.first.id, () => Promise.resolve('opened')), undefined);
    assert.equal(
      await repo().withSharedAttachment(s.caseId, s.attachmentId, (row, entry) =>
        Promise.resolve(`${row.attachmentId}/${entry.entryId}`),
      ),
      `${s.attachmentId}/${s.second.id}`,
    );
    assert.equal(
      await repo().withSharedAttachment(s.otherCaseId, s.attachmentId, () => Promise.resolve('opened')),
      undefined,
    );
    // The account and its journal go: the shares go with them.
    await createJournalRepository(db(), database().handle.dialect).deleteOwnerData(s.parent.userId);
    assert.deepEqual(await repo().sharedEntries(s.caseId), []);
    assert.deepEqual(await repo().sharedAttachments(s.caseId, [s.second.id]), []);
  });

  test('members come with their role, organisation, unit and public keys', async () => {
    const s = await scene();
    const members = await repo().members(s.caseId);
    assert.deepEqual(
      members.map((member) => [member.id, member.role, member.policeUnit, member.x25519Public !== null]),
      [
        [s.parentMember.id, 'parent', null, true],
        [s.police.id, 'police', 'Eenheid Utrecht', false],
      ].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
    );
  });
});
