import assert from 'node:assert/strict';
import { createPublicKey } from 'node:crypto';
import { test } from 'node:test';
import type { Updateable } from 'kysely';
import { describeEachDialect } from '../../../test/helpers/databases.js';
import { buildParentSession } from '../../../test/helpers/factories.js';
import { createPassphraseHasher } from '../../shared/crypto/passphrase.js';
import type { Database } from '../../shared/db/schema.js';
import { verifyMessage } from '../../shared/crypto/signing.js';
import { fromHex, utf8 } from '../../shared/evidence/bytes.js';
import { parseStrict } from '../../shared/evidence/jcs.js';
import { hashLeaf, rootOf } from '../../shared/evidence/merkle.js';
import { createAccountsRepository } from '../accounts/accounts.repo.js';
import { createAccountsService } from '../accounts/accounts.service.js';
import { createAuditRepository } from '../audit/audit.repo.js';
import { createAuditService } from '../audit/audit.service.js';
import { createJournalRepository } from './journal.repo.js';
import type { Observation } from './journal.schema.js';
import { createJournalService, type JournalActor, journalActorOf } from './journal.service.js';
import { testObservation, throwawayLogKey } from '../../../test/helpers/journal.js';

/*
 * The tamper-evident log under the journal (issue 7): every append writes a canonical leaf signed by the
 * account, moves the Merkle frontier and stores a checkpoint signed by the log key; any changed byte in a
 * stored leaf, signature, checkpoint or entry ciphertext is found and named by the check.
 */

const logKey = throwawayLogKey();

const observation = (text: string): Observation => testObservation({ text });

/** A copy of a stored text with one character changed, keeping it the same length. */
const flip = (text: string, at: number): string => {
  const character = text[at]!;
  const other = character === 'a' ? 'b' : character === '0' ? '1' : /[A-Za-z0-9]/.test(character) ? 'a' : '0';
  return `${text.slice(0, at)}${other}${text.slice(at + 1)}`;
};

describeEachDialect('the journal log', (database) => {
  const clock = { now: new Date('2026-11-28T20:00:00Z') };
  const accounts = () =>
    createAccountsService(
      createAccountsRepository(database().handle.db),
      createPassphraseHasher({ pepper: Buffer.alloc(32, 3), concurrency: 2 }),
      { idleMs: 20 * 60_000, absoluteMs: 12 * 3_600_000 },
      () => clock.now,
      { memoryKiB: 19_456, iterations: 2, parallelism: 1 },
    );
  const journal = () =>
    createJournalService(createJournalRepository(database().handle.db, database().handle.dialect), {
      logKey,
      audit: createAuditService(createAuditRepository(database().handle.db)),
      clock: () => clock.now,
    });
  async function parent(): Promise<JournalActor> {
    const { session } = await buildParentSession(accounts(), { passphrase: 'zeven zwanen op het water' });
    return journalActorOf(session);
  }
  const db = () => database().handle.db;
  const journalIdOf = async (userId: string) =>
    (await db().selectFrom('journals').select('id').where('owner_id', '=', userId).executeTakeFirstOrThrow()).id;

  test('each append stores a signed canonical leaf and a signed checkpoint over all leaves so far', async () => {
    const who = await parent();
    const first = await journal().addObservation(who, observation('eerste'));
    await journal().addCorrection(who, first.id, observation('eerste, verbeterd'));
    await journal().redact(who, first.id);
    const journalId = await journalIdOf(who.userId);
    const rows = await db()
      .selectFrom('journal_entries')
      .select(['idx', 'leaf_data', 'leaf_hash', 'signature', 'received_at'])
      .where('journal_id', '=', journalId)
      .orderBy('idx')
      .execute();
    assert.equal(rows.length, 3);
    const author = who.keys.signingKey();
    const hashes = rows.map((row) => hashLeaf(utf8(row.leaf_data!)));
    rows.forEach((row, index) => {
      const leaf = parseStrict(utf8(row.leaf_data!)) as Record<string, unknown>;
      assert.equal(leaf.journal, journalId);
      assert.equal(leaf.index, index);
      assert.equal(leaf.key, author.id);
      assert.equal(leaf.received, Date.parse(row.received_at));
      assert.equal(Buffer.from(hashes[index]!).toString('hex'), row.leaf_hash);
      const authorKey = createPublicKey({ key: author.publicKey, format: 'der', type: 'spki' });
      assert.ok(verifyMessage(authorKey, 'leaf', hashes[index]!, Buffer.from(row.signature!, 'base64')));
    });
    // Links name the corrected and the redacted entry by index and leaf hash.
    const correction = parseStrict(utf8(rows[1]!.leaf_data!)) as { links: unknown };
    assert.deepEqual(correction.links, [{ rel: 'corrects', index: 0, leaf: rows[0]!.leaf_hash }]);
    const redaction = parseStrict(utf8(rows[2]!.leaf_data!)) as { links: unknown };
    assert.deepEqual(redaction.links, [{ rel: 'redacts', index: 0, leaf: rows[0]!.leaf_hash }]);
    // The redacted entry's content is gone, its leaf stays.
    const redacted = await db()
      .selectFrom('journal_entries')
      .selectAll()
      .where('id', '=', first.id)
      .executeTakeFirstOrThrow();
    assert.equal(redacted.payload, null);
    assert.equal(redacted.leaf_hash, rows[0]!.leaf_hash);

    const checkpoints = await db()
      .selectFrom('journal_checkpoints')
      .selectAll()
      .where('journal_id', '=', journalId)
      .orderBy('size')
      .execute();
    assert.deepEqual(
      checkpoints.map((row) => Number(row.size)),
      [1, 2, 3],
    );
    for (const row of checkpoints) {
      const checkpoint = parseStrict(utf8(row.bytes)) as { root: string; size: number; key: string };
      assert.equal(checkpoint.key, logKey.id);
      assert.deepEqual(fromHex(checkpoint.root), rootOf(hashes.slice(0, checkpoint.size)));
      const logPublic = createPublicKey({ key: logKey.publicKey, format: 'der', type: 'spki' });
      assert.ok(verifyMessage(logPublic, 'checkpoint', utf8(row.bytes), Buffer.from(row.signature, 'base64')));
    }
    assert.deepEqual(await journal().check(who), { size: 3, problems: [] });
  });

  test('appends at the same moment give a log that checks out', async () => {
    const who = await parent();
    await Promise.all(
      Array.from({ length: 10 }, (_, index) => journal().addObservation(who, observation(`tegelijk ${index}`))),
    );
    assert.deepEqual(await journal().check(who), { size: 10, problems: [] });
  });

  test('any changed byte in a leaf, its signature, a checkpoint or an entry ciphertext is found and named', async () => {
    const who = await parent();
    for (let index = 0; index < 4; index += 1) await journal().addObservation(who, observation(`nummer ${index}`));
    const journalId = await journalIdOf(who.userId);
    const entry = await db()
      .selectFrom('journal_entries')
      .selectAll()
      .where('journal_id', '=', journalId)
      .where('idx', '=', 2)
      .executeTakeFirstOrThrow();
    const checkpoint = await db()
      .selectFrom('journal_checkpoints')
      .selectAll()
      .where('journal_id', '=', journalId)
      .where('size', '=', 3)
      .executeTakeFirstOrThrow();

    /** Writes these columns into entry 2. */
    const setEntry = (values: Updateable<Database['journal_entries']>) => () =>
      db().updateTable('journal_entries').set(values).where('id', '=', entry.id).execute();
    /** Writes these columns into checkpoint 3. */
    const setCheckpoint = (values: Updateable<Database['journal_checkpoints']>) => () =>
      db()
        .updateTable('journal_checkpoints')
        .set(values)
        .where('journal_id', '=', journalId)
        .where('size', '=', 3)
        .execute();
    const cases: [string, () => Promise<unknown>, () => Promise<unknown>, { at: number; check: string }][] = [];
    for (const at of [2, Math.floor(entry.leaf_data!.length / 2), entry.leaf_data!.length - 3]) {
      cases.push([
        `leaf byte ${at}`,
        setEntry({ leaf_data: flip(entry.leaf_data!, at) }),
        setEntry({ leaf_data: entry.leaf_data }),
        { at: 2, check: '' },
      ]);
    }
    cases.push([
      'signature',
      setEntry({ signature: flip(entry.signature!, 10) }),
      setEntry({ signature: entry.signature }),
      { at: 2, check: 'leaf-signature' },
    ]);
    cases.push([
      'leaf hash',
      setEntry({ leaf_hash: flip(entry.leaf_hash!, 5) }),
      setEntry({ leaf_hash: entry.leaf_hash }),
      { at: 2, check: 'leaf-hash' },
    ]);
    for (const at of [20, checkpoint.bytes.length - 20]) {
      cases.push([
        `checkpoint byte ${at}`,
        setCheckpoint({ bytes: flip(checkpoint.bytes, at) }),
        setCheckpoint({ bytes: checkpoint.bytes }),
        { at: 3, check: '' },
      ]);
    }
    cases.push([
      'checkpoint signature',
      setCheckpoint({ signature: flip(checkpoint.signature, 7) }),
      setCheckpoint({ signature: checkpoint.signature }),
      { at: 3, check: 'checkpoint-signature' },
    ]);
    for (const at of [40, entry.payload!.length - 5]) {
      cases.push([
        `ciphertext byte ${at}`,
        setEntry({ payload: flip(entry.payload!, at) }),
        setEntry({ payload: entry.payload }),
        { at: 2, check: 'ciphertext' },
      ]);
    }
    for (const [name, tamper, restore, expected] of cases) {
      await tamper();
      const result = await journal().check(who);
      await restore();
      assert.ok(result.problems.length > 0, `${name}: not detected`);
      assert.ok(
        result.problems.some(
          (problem) => problem.at === expected.at && (expected.check === '' || problem.check === expected.check),
        ),
        `${name}: ${JSON.stringify(result.problems)}`,
      );
    }
    assert.deepEqual((await journal().check(who)).problems, [], 'all restored');
  });
});
