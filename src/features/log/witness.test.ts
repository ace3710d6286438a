import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { generateKeyPairSync } from 'node:crypto';
import type { LogKey } from '../../shared/crypto/log-key.js';
import { fromBase64, utf8 } from '../../shared/evidence/bytes.js';
import { keyId } from '../../shared/evidence/format.js';
import { hashLeaf, rootOf, verifyConsistency } from '../../shared/evidence/merkle.js';
import { parseCheckpoint, parseNote, parseVkey, verifyNote } from '../../shared/evidence/note.js';
import { migrateToLatest } from '../../shared/db/migrate.js';
import { describeEachDialect, openTestDatabase, type TestDatabase } from '../../../test/helpers/databases.js';
import { startTestWitness, type TestWitness } from '../../../test/helpers/witness.js';
import { createLogRepository } from './log.repo.js';
import { createWitnessRepository } from './witness.repo.js';
import { checkCheckpoint, createWitnessService, WitnessError } from './witness.service.js';

const origin = 'nmk.test/global-roots';

function makeLogKey(): LogKey {
  const pair = generateKeyPairSync('ed25519');
  const publicKey = pair.publicKey.export({ type: 'spki', format: 'der' });
  return { privateKey: pair.privateKey, publicKey, id: keyId(publicKey) };
}

/** Stores global roots seq from..to with texts that differ per `flavour` (two flavours = two forked histories). */
async function addRoots(database: TestDatabase, from: number, to: number, flavour = 'a'): Promise<string[]> {
  const repo = createLogRepository(database.handle.db);
  const texts: string[] = [];
  for (let seq = from; seq <= to; seq += 1) {
    const bytes = JSON.stringify({ v: 1, seq, flavour });
    texts.push(bytes);
    assert.ok(await repo.insertRoot({ seq, timeMs: seq * 1000, size: 1, bytes, signature: 'c2ln', leaves: [] }));
  }
  return texts;
}

const logKey = makeLogKey();

describeEachDialect('the log of global roots and its witnesses', (database) => {
  // Two witnesses of this suite's own, following this log.
  let witness: TestWitness;
  let second: TestWitness;
  before(async () => {
    const logVkey = createWitnessService(createWitnessRepository(database().handle.db), logKey, {
      origin,
      witnesses: [],
    }).logVkey;
    witness = await startTestWitness({ logs: [{ vkey: logVkey }] });
    second = await startTestWitness({ name: 'witness.test/w2', logs: [{ vkey: logVkey }] });
  });
  after(async () => {
    await witness.close();
    await second.close();
  });
  const service = () =>
    createWitnessService(createWitnessRepository(database().handle.db), logKey, {
      origin,
      witnesses: [
        { vkey: witness.vkey, url: witness.url },
        { vkey: second.vkey, url: second.url },
      ],
    });
  const texts: string[] = [];

  test('the checkpoint is the RFC 9162 root over the roots’ signed texts, signed by the log key; proofs verify', async () => {
    assert.equal(await service().checkpoint(), undefined, 'no roots yet: no checkpoint');
    texts.push(...(await addRoots(database(), 1, 5)));
    const checkpoints = service();
    const latest = await checkpoints.checkpoint();
    assert.ok(latest);
    const note = parseNote(latest.note)!;
    const parsed = parseCheckpoint(note.text)!;
    assert.equal(parsed.origin, origin);
    assert.equal(parsed.size, 5);
    assert.deepEqual(parsed.rootHash, rootOf(texts.map((text) => hashLeaf(utf8(text)))));
    assert.equal((await verifyNote(latest.note, [parseVkey(checkpoints.logVkey)!])).ok, true);
    // Every consistency proof between two sizes verifies against the two checkpoints' roots.
    for (let from = 1; from <= 5; from += 1) {
      for (let to = from; to <= 5; to += 1) {
        const proof = (await checkpoints.consistency(from, to))!.map((node) => fromBase64(node)!);
        const rootFrom = parseCheckpoint(parseNote((await checkpoints.checkpoint(from))!.note)!.text)!.rootHash;
        const rootTo = parseCheckpoint(parseNote((await checkpoints.checkpoint(to))!.note)!.text)!.rootHash;
        assert.ok(verifyConsistency(from, to, proof, rootFrom, rootTo), `${from} → ${to}`);
      }
    }
    assert.equal(await checkpoints.consistency(0, 5), undefined);
    assert.equal(await checkpoints.consistency(3, 6), undefined);
  });

  test('pushed to witnesses: each checks and cosigns; the checkpoint then carries both cosignatures', async () => {
    const checkpoints = service();
    assert.equal(await checkpoints.pushTo(witness.vkey), 'cosigned');
    assert.equal(await checkpoints.pushTo(second.vkey), 'cosigned');
    assert.equal(await checkpoints.pushTo(witness.vkey), 'up-to-date');
    const latest = (await checkpoints.checkpoint())!;
    const result = await checkCheckpoint(latest.note, parseVkey(checkpoints.logVkey)!, [
      parseVkey(witness.vkey)!,
      parseVkey(second.vkey)!,
    ]);
    assert.ok(result.ok);
    assert.deepEqual(
      result.cosigned.map((c) => c.verifier.name),
      ['witness.test/w1', 'witness.test/w2'],
    );
    // New roots: the next push carries a consistency proof 5 → 8, which the witness checks.
    texts.push(...(await addRoots(database(), 6, 8)));
    assert.equal(await checkpoints.pushTo(witness.vkey), 'cosigned');
    assert.equal(witness.state.get(origin)?.size, 8);
    const at8 = await checkCheckpoint((await checkpoints.checkpoint())!.note, parseVkey(checkpoints.logVkey)!, [
      parseVkey(witness.vkey)!,
      parseVkey(second.vkey)!,
    ]);
    assert.ok(at8.ok);
    assert.deepEqual(
      at8.cosigned.map((c) => c.verifier.name),
      ['witness.test/w1'],
    );
    // The checkpoint of size 5 keeps its two cosignatures.
    const at5 = await checkCheckpoint((await checkpoints.checkpoint(5))!.note, parseVkey(checkpoints.logVkey)!, [
      parseVkey(witness.vkey)!,
      parseVkey(second.vkey)!,
    ]);
    assert.ok(at5.ok && at5.cosigned.length === 2);
  });

  test('a log that forgot what a witness holds learns its size from the 409 answer and catches up', async () => {
    const repo = createWitnessRepository(database().handle.db);
    await repo.setWitnessSize(second.vkey, 0, 0);
    await addRoots(database(), 9, 9);
    const answersBefore = second.answers.length;
    assert.equal(await service().pushTo(second.vkey), 'cosigned');
    assert.deepEqual(second.answers.slice(answersBefore), [409, 200]);
    assert.equal(second.state.get(origin)?.size, 9);
  });

  test('a forked history under the same key and origin is refused by the witness and gets no cosignature', async () => {
    // Another database (a restored old backup, or a server showing some people another history) with the same
    // log key: roots 1–5 as before, then other roots 6–10.
    const fork = await openTestDatabase('sqlite');
    try {
      await migrateToLatest(fork.handle.db);
      await addRoots(fork, 1, 5);
      await addRoots(fork, 6, 10, 'b');
      const forked = createWitnessService(createWitnessRepository(fork.handle.db), logKey, {
        origin,
        witnesses: [{ vkey: witness.vkey, url: witness.url }],
      });
      const answersBefore = witness.answers.length;
      await assert.rejects(forked.pushTo(witness.vkey), (error: unknown) => {
        assert.ok(error instanceof WitnessError);
        assert.equal(error.status, 422);
        return true;
      });
      // It learnt the witness holds 9, sent a proof 9 → 10 of its own tree, and was refused as inconsistent.
      assert.deepEqual(witness.answers.slice(answersBefore), [409, 422]);
      assert.equal(witness.state.get(origin)?.size, 8);
      assert.deepEqual(await createWitnessRepository(fork.handle.db).cosignatures(10), []);
      // The same size with another root hash is refused too.
      const sameSize = await openTestDatabase('sqlite');
      try {
        await migrateToLatest(sameSize.handle.db);
        await addRoots(sameSize, 1, 8, 'c');
        const other = createWitnessService(createWitnessRepository(sameSize.handle.db), logKey, {
          origin,
          witnesses: [{ vkey: witness.vkey, url: witness.url }],
        });
        await createWitnessRepository(sameSize.handle.db).setWitnessSize(witness.vkey, 8, 0);
        await assert.rejects(other.pushTo(witness.vkey), WitnessError);
        assert.equal(witness.answers.at(-1), 422);
      } finally {
        await sameSize.cleanup();
      }
    } finally {
      await fork.cleanup();
    }
  });

  test('a witness that is down, or answers without a valid cosignature, fails the push (the job retries)', async () => {
    witness.down = true;
    try {
      await assert.rejects(service().pushTo(witness.vkey), (error: unknown) => {
        assert.ok(error instanceof WitnessError);
        assert.equal(error.status, 503);
        return true;
      });
    } finally {
      witness.down = false;
    }
    // Configured with another key than the one the witness signs with: its answer does not count.
    const impostor = createWitnessService(createWitnessRepository(database().handle.db), logKey, {
      origin,
      witnesses: [{ vkey: second.vkey, url: witness.url }],
    });
    await addRoots(database(), 10, 10);
    await assert.rejects(impostor.pushTo(second.vkey), /without a valid cosignature/);
    // Roots read as leaves, for monitors: the published texts in order.
    const roots = (await service().roots(1, 3))!;
    assert.deepEqual(
      roots.map((root) => root.bytes),
      texts.slice(0, 3),
    );
    assert.equal(await service().roots(1, 5000), undefined);
  });
});
