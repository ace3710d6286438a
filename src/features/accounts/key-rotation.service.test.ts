import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { generate } from 'otplib';
import { refuseAuditWrites } from '../../../test/helpers/audit-failure.js';
import { describeEachDialect } from '../../../test/helpers/databases.js';
import { buildParentSession } from '../../../test/helpers/factories.js';
import {
  DecryptionFailed,
  open,
  seal,
  type SymmetricKey,
  unwrapKey,
  type WrappedKey,
} from '../../shared/crypto/aead.js';
import { createPassphraseHasher } from '../../shared/crypto/passphrase.js';
import { parseRecoveryCode, recoveryKek } from '../../shared/crypto/recovery-code.js';
import { publicKeyFrom, verifyMessage } from '../../shared/crypto/signing.js';
import { unlockWithRecovery } from '../../shared/crypto/user-keys.js';
import type { InspectedAttachment } from '../journal/attachments.js';
import { createAuditRepository } from '../audit/audit.repo.js';
import { createAuditService } from '../audit/audit.service.js';
import { createJournalRepository } from '../journal/journal.repo.js';
import type { Observation } from '../journal/journal.schema.js';
import {
  createJournalService,
  JournalConflict,
  type JournalActor,
  journalActorOf,
} from '../journal/journal.service.js';
import { createAccountsRepository } from './accounts.repo.js';
import { type CurrentSession, createAccountsService, totpPlace } from './accounts.service.js';
import { createKeyRotationRepository } from './key-rotation.repo.js';
import { createKeyRotationService } from './key-rotation.service.js';
import { createPasskeyRepository } from './passkeys.repo.js';
import { createPasskeyService, nicknamePlace } from './passkeys.service.js';
import { passkeyUserData } from './passkeys.user-data.js';
import { journalUserData } from '../journal/journal.user-data.js';
import { testObservation, throwawayLogKey } from '../../../test/helpers/journal.js';

const fast = { memoryKiB: 19_456, iterations: 2, parallelism: 1 };
const testLogKey = throwawayLogKey();
const oldPassphrase = 'blauwe fiets achter het huis';
const newPassphrase = 'groene boot onder de brug';

const observation = (text: string): Observation => testObservation({ text });

const picture: InspectedAttachment = {
  kind: 'png',
  mediaType: 'image/png',
  bytes: Buffer.from('png bytes'),
  thumbnail: Buffer.from('thumbnail'),
  width: 10,
  height: 20,
};

const actorOf = (session: CurrentSession): JournalActor => journalActorOf(session);

describeEachDialect('key rotation ("someone may know my passphrase")', (database) => {
  const hasher = createPassphraseHasher({ pepper: Buffer.alloc(32, 9), concurrency: 2 });
  const accounts = () =>
    createAccountsService(
      createAccountsRepository(database().handle.db),
      hasher,
      { idleMs: 20 * 60_000, absoluteMs: 12 * 3_600_000 },
      undefined,
      fast,
    );
  const journalRepo = () => createJournalRepository(database().handle.db, database().handle.dialect);
  const journal = () =>
    createJournalService(journalRepo(), {
      logKey: testLogKey,
      audit: createAuditService(createAuditRepository(database().handle.db)),
    });
  // The features whose keys a rotation re-wraps, as src/services.ts lists them.
  const rotation = () =>
    createKeyRotationService(
      createKeyRotationRepository(database().handle.db),
      accounts(),
      hasher,
      undefined,
      fast,
      [
        journalUserData(journal(), database().handle.dialect),
        passkeyUserData(
          createPasskeyService(createPasskeyRepository(database().handle.db), accounts(), {
            id: 'localhost',
            origin: 'http://localhost',
          }),
        ),
      ],
      createAuditService(createAuditRepository(database().handle.db)),
    );
  const db = () => database().handle.db;

  async function parent() {
    const { username, cookie, recoveryCode, userId } = await buildParentSession(accounts(), {
      passphrase: oldPassphrase,
    });
    return { username, cookie, recoveryCode, userId };
  }

  /** Every stored wrapped key of the user's data, by table and row. */
  async function wrappedKeys(userId: string, journalId: string) {
    const entries = await db()
      .selectFrom('journal_entries')
      .select(['id', 'key_id', 'wrapped_key'])
      .where('journal_id', '=', journalId)
      .orderBy('idx')
      .execute();
    const attachments = await db()
      .selectFrom('journal_attachments')
      .select(['id', 'key_id', 'wrapped_key'])
      .where('journal_id', '=', journalId)
      .execute();
    const notes = await db()
      .selectFrom('diary_notes')
      .select(['id', 'key_id', 'wrapped_key'])
      .where('owner_id', '=', userId)
      .execute();
    const index = await db()
      .selectFrom('journals')
      .select(['index_key_id', 'index_key'])
      .where('id', '=', journalId)
      .executeTakeFirstOrThrow();
    return { entries, attachments, notes, index };
  }

  const opens = (
    master: SymmetricKey,
    epoch: number,
    wrapped: string,
    id: string,
    owner: string,
    record: string,
    purpose: 'diary/data-key' | 'journal/data-key' = 'journal/data-key',
  ) => {
    try {
      unwrapKey(master, wrapped as WrappedKey, id, { purpose, ownerId: owner, recordId: record, epoch });
      return true;
    } catch (error) {
      assert.ok(error instanceof DecryptionFailed);
      return false;
    }
  };

  test('rotation re-wraps every data key under a new master key at the next epoch and keeps everything readable', async () => {
    const account = await parent();
    const session = (await accounts().currentSession(account.cookie))!;
    const who = actorOf(session);
    const oldMaster = session.keys.masterKey();
    const oldSigning = session.keys.signingKey();

    // A confirmed TOTP secret (confirmed with the previous step's code, so the login below can use the current).
    const { secret } = await accounts().startTotp(session);
    const previousStep = Math.floor(Date.now() / 1000) - 30;
    assert.equal(await accounts().confirmTotp(session, await generate({ secret, epoch: previousStep })), true);
    // A passkey with a sealed nickname.
    const passkeyId = randomUUID();
    await createPasskeyRepository(db()).insert({
      id: passkeyId,
      userId: account.userId,
      credentialId: `cred-${passkeyId}`,
      publicKey: 'AAAA',
      counter: 0,
      transports: [],
      nickname: seal(oldMaster, Buffer.from('Telefoon'), nicknamePlace(account.userId, passkeyId, 1)),
      createdAt: new Date().toISOString(),
    });

    const first = await journal().addObservation(who, observation('eerste'), [picture]);
    const second = await journal().addObservation(who, observation('tweede'));
    await journal().addCorrection(who, first.id, observation('eerste, verbeterd'));
    await journal().redact(who, second.id);
    const noteId = await journal().addDiaryNote(who, 'alleen voor mij');
    const journalId = (await journalRepo().journalOf(account.userId))!.id;
    const before = await wrappedKeys(account.userId, journalId);
    assert.equal(before.entries.filter((row) => row.wrapped_key === null).length, 1, 'one redacted entry');

    // Another device is signed in too.
    const other = await accounts().login(
      { gebruikersnaam: account.username, wachtwoord: oldPassphrase },
      undefined,
      '10.0.0.1',
    );
    assert.ok(other.ok);

    const result = await rotation().rotate(
      session,
      { huidig: oldPassphrase, wachtwoord: newPassphrase, herhaling: newPassphrase },
      '10.0.0.2',
      'Firefox · Linux',
    );
    assert.ok(result.ok);
    assert.equal(result.epoch, 2);
    assert.deepEqual(result.rewrapped, { entries: 3, attachments: 1, diaryNotes: 1, passkeys: 1 });
    assert.notEqual(result.fingerprint, result.previousFingerprint);
    assert.notEqual(result.recoveryCode, account.recoveryCode);

    // Sessions: the old one and the other device's are gone; the new one (a new id) carries the new master key.
    assert.equal(await accounts().currentSession(account.cookie), undefined);
    assert.equal(await accounts().currentSession(other.cookie), undefined);
    const next = (await accounts().currentSession(result.cookie))!;
    assert.notEqual(next.idHash, session.idHash);
    assert.equal(next.keys.epoch, 2);
    const newMaster = next.keys.masterKey();
    assert.equal(newMaster.id, 'master-2');
    assert.equal((await accounts().listSessions(account.userId)).length, 1);

    // Every wrapped key changed; each opens with the new master key at epoch 2 and with nothing else.
    const after = await wrappedKeys(account.userId, journalId);
    const pairs = [
      ...before.entries.map((row, i) => [row, after.entries[i]!, journalId] as const),
      ...before.attachments.map((row, i) => [row, after.attachments[i]!, journalId] as const),
      ...before.notes.map((row, i) => [row, after.notes[i]!, account.userId] as const),
    ];
    for (const [old, now, owner] of pairs) {
      assert.equal(now.id, old.id);
      if (old.wrapped_key === null) {
        assert.equal(now.wrapped_key, null, 'a redacted entry stays without a key');
        continue;
      }
      assert.notEqual(now.wrapped_key, old.wrapped_key);
      const purpose = owner === account.userId ? 'diary/data-key' : 'journal/data-key';
      const wrapped = now.wrapped_key!;
      assert.ok(opens(newMaster, 2, wrapped, now.key_id, owner, now.id, purpose));
      assert.equal(opens(oldMaster, 1, wrapped, now.key_id, owner, now.id, purpose), false);
      assert.equal(opens(oldMaster, 2, wrapped, now.key_id, owner, now.id, purpose), false);
      assert.equal(opens(newMaster, 1, wrapped, now.key_id, owner, now.id, purpose), false, 'the epoch is bound');
    }
    assert.notEqual(after.index.index_key, before.index.index_key);
    assert.ok(opens(newMaster, 2, after.index.index_key, after.index.index_key_id, journalId, 'index'));
    assert.equal(opens(oldMaster, 1, after.index.index_key, after.index.index_key_id, journalId, 'index'), false);

    // Contents are untouched and open through the new keys.
    const whoNow = actorOf(next);
    const listed = await journal().list(whoNow, { order: 'entry', page: 1 });
    assert.equal(listed.size, 4);
    const withPicture = await journal().entry(whoNow, first.id);
    const attachment = await journal().attachment(whoNow, withPicture.entry.attachments[0]!.id, 'content');
    assert.deepEqual(attachment.bytes, picture.bytes);
    assert.deepEqual(
      (await journal().diaryNotes(whoNow)).map((note) => [note.id, note.text]),
      [[noteId, 'alleen voor mij']],
    );
    const stored = (await createAccountsRepository(db()).findUserById(account.userId))!;
    // The TOTP secret and the passkey nickname were sealed again under the new master key.
    assert.equal(open(newMaster, stored.totpSecret!, totpPlace(account.userId, 'active', 2)).toString(), secret);
    assert.throws(() => open(oldMaster, stored.totpSecret!, totpPlace(account.userId, 'active', 1)), DecryptionFailed);
    const passkey = (await createPasskeyRepository(db()).listForUser(account.userId))[0]!;
    assert.equal(open(newMaster, passkey.nickname, nicknamePlace(account.userId, passkeyId, 2)).toString(), 'Telefoon');

    // The old passphrase and the old recovery code open nothing; the new ones do.
    assert.equal(
      (await accounts().login({ gebruikersnaam: account.username, wachtwoord: oldPassphrase }, undefined, '10.0.0.3'))
        .ok,
      false,
    );
    const oldCode = parseRecoveryCode(account.recoveryCode);
    assert.ok('bytes' in oldCode);
    assert.throws(
      () => unlockWithRecovery(account.userId, stored.keys, recoveryKek(oldCode.bytes, account.userId)),
      DecryptionFailed,
    );
    const newCode = parseRecoveryCode(result.recoveryCode);
    assert.ok('bytes' in newCode);
    assert.equal(
      unlockWithRecovery(account.userId, stored.keys, recoveryKek(newCode.bytes, account.userId))
        .key.export()
        .toString('hex'),
      newMaster.key.export().toString('hex'),
    );
    // TOTP still works: a login with the new passphrase, then the code.
    const login = await accounts().login(
      { gebruikersnaam: account.username, wachtwoord: newPassphrase },
      undefined,
      '10.0.0.4',
    );
    assert.ok(login.ok);
    assert.equal(login.secondFactor, true);
    const second2 = await accounts().completeSecondFactor(login.cookie, await generate({ secret }), '10.0.0.4');
    assert.ok(second2.ok);

    // The old key is kept and signed the new one.
    const retired = await next.keys.retiredSigningKeys();
    assert.equal(retired.length, 1);
    assert.equal(retired[0]!.id, oldSigning.id);
    const statement = JSON.parse(retired[0]!.rotation.bytes) as { v: number; old: string; new: string };
    const newSigning = next.keys.signingKey();
    assert.deepEqual([statement.v, statement.old, statement.new], [1, oldSigning.id, newSigning.id]);
    assert.ok(
      verifyMessage(
        publicKeyFrom(retired[0]!.publicKey),
        'key-rotation',
        Buffer.from(retired[0]!.rotation.bytes),
        Buffer.from(retired[0]!.rotation.signature, 'base64'),
      ),
    );

    // The journal's own check passes, before and after a new append; the new leaf names the new key.
    assert.deepEqual((await journal().check(whoNow)).problems, []);
    await journal().addObservation(whoNow, observation('na het vernieuwen'));
    const leaves = [];
    for await (const row of journalRepo().allEntries(journalId))
      leaves.push(JSON.parse(row.leafData!) as { key: string });
    assert.deepEqual(
      leaves.map((leaf) => leaf.key),
      [oldSigning.id, oldSigning.id, oldSigning.id, oldSigning.id, newSigning.id],
    );
    assert.deepEqual((await journal().check(whoNow)).problems, []);

    // A request still holding the old master key cannot write under it any more.
    await assert.rejects(journal().addObservation(who, observation('te laat')), JournalConflict);
    await assert.rejects(journal().addDiaryNote(who, 'te laat'), JournalConflict);
    assert.equal((await journal().list(whoNow, { order: 'entry', page: 1 })).size, 5);
  });

  test('more keys than one batch (500): every entry, attachment and diary key is re-wrapped', async () => {
    const account = await parent();
    const session = (await accounts().currentSession(account.cookie))!;
    const who = actorOf(session);
    // 501 entries (the first 101 with five attachments each: 505), and 501 diary notes.
    for (let index = 0; index < 501; index += 1) {
      await journal().addObservation(who, observation(`notitie ${index}`), index < 101 ? Array(5).fill(picture) : []);
      await journal().addDiaryNote(who, `gedachte ${index}`);
    }
    const result = await rotation().rotate(
      session,
      { huidig: oldPassphrase, wachtwoord: newPassphrase, herhaling: newPassphrase },
      '10.0.0.2',
      'Firefox · Linux',
    );
    assert.ok(result.ok);
    assert.deepEqual(result.rewrapped, { entries: 501, attachments: 505, diaryNotes: 501, passkeys: 0 });
    const newMaster = (await accounts().currentSession(result.cookie))!.keys.masterKey();
    const journalId = (await journalRepo().journalOf(account.userId))!.id;
    const after = await wrappedKeys(account.userId, journalId);
    const opened = [
      ...after.entries.map((row) => opens(newMaster, 2, row.wrapped_key!, row.key_id, journalId, row.id)),
      ...after.attachments.map((row) => opens(newMaster, 2, row.wrapped_key, row.key_id, journalId, row.id)),
      ...after.notes.map((row) =>
        opens(newMaster, 2, row.wrapped_key, row.key_id, account.userId, row.id, 'diary/data-key'),
      ),
    ];
    assert.equal(opened.length, 1507);
    assert.ok(opened.every(Boolean), `${opened.filter((ok) => !ok).length} keys do not open with the new master key`);
  });

  test('a wrong current passphrase, a weak new one, a refused audit line or a stale session change nothing', async () => {
    const account = await parent();
    const session = (await accounts().currentSession(account.cookie))!;
    await journal().addObservation(actorOf(session), observation('een'));
    const snapshot = async () => ({
      user: await db().selectFrom('users').selectAll().where('id', '=', account.userId).executeTakeFirstOrThrow(),
      entries: await db().selectFrom('journal_entries').select(['id', 'wrapped_key']).orderBy('id').execute(),
      retired: await db().selectFrom('retired_signing_keys').selectAll().execute(),
    });
    const beforeAll = await snapshot();
    const wrong = await rotation().rotate(
      session,
      { huidig: 'niet mijn wachtwoordzin', wachtwoord: newPassphrase, herhaling: newPassphrase },
      '10.1.0.1',
      'x',
    );
    assert.deepEqual(wrong, { ok: false, problem: 'wrong' });
    const weak = await rotation().rotate(
      session,
      { huidig: oldPassphrase, wachtwoord: 'wachtwoord', herhaling: 'wachtwoord' },
      '10.1.0.1',
      'x',
    );
    assert.equal(weak.ok, false);
    assert.ok(!weak.ok && typeof weak.problem === 'object' && weak.problem.field === 'wachtwoord');
    // A rotation whose audit line the database refuses rolls back whole: the old keys and session stay.
    const restore = await refuseAuditWrites(database().handle);
    try {
      await assert.rejects(
        rotation().rotate(
          session,
          { huidig: oldPassphrase, wachtwoord: newPassphrase, herhaling: newPassphrase },
          '10.1.0.1',
          'x',
        ),
      );
    } finally {
      await restore();
    }
    const now = await snapshot();
    assert.deepEqual(now.user, beforeAll.user);
    assert.deepEqual(now.entries, beforeAll.entries);
    assert.deepEqual(now.retired, beforeAll.retired);
    assert.ok(await accounts().currentSession(account.cookie));

    // Two rotations from one session (two tabs): the second finds the keys changed and is refused.
    const ok = await rotation().rotate(
      session,
      { huidig: oldPassphrase, wachtwoord: newPassphrase, herhaling: newPassphrase },
      '10.1.0.2',
      'x',
    );
    assert.ok(ok.ok);
    const stale = await rotation().rotate(
      session,
      { huidig: newPassphrase, wachtwoord: 'rode kater op het dak', herhaling: 'rode kater op het dak' },
      '10.1.0.2',
      'x',
    );
    assert.deepEqual(stale, { ok: false, problem: 'conflict' });
    const user = await db()
      .selectFrom('users')
      .select('key_epoch')
      .where('id', '=', account.userId)
      .executeTakeFirstOrThrow();
    assert.equal(Number(user.key_epoch), 2);
  });
});
