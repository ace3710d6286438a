import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkedParameters, createPassphraseHasher, normalizePassphrase, UnsafeParameters } from './passphrase.js';

// Small but valid parameters keep the tests fast; the bounds check still applies.
const fast = { memoryKiB: 19_456, iterations: 2, parallelism: 1 };
const salt = Buffer.alloc(16, 3);
const hasher = createPassphraseHasher({ pepper: Buffer.alloc(32, 5), concurrency: 2 });

test('the same passphrase, salt and pepper give the same verifier and key; anything else changes both', async () => {
  const first = await hasher.derive('paard batterij nietje', salt, fast);
  const again = await hasher.derive('paard batterij nietje', salt, fast);
  assert.deepEqual(first.verifier, again.verifier);
  assert.deepEqual(first.kek.key.export(), again.kek.key.export());
  assert.notDeepEqual(first.verifier, Buffer.from(first.kek.key.export()), 'verifier and key differ');
  const otherSalt = await hasher.derive('paard batterij nietje', Buffer.alloc(16, 4), fast);
  const otherPepper = await createPassphraseHasher({ pepper: Buffer.alloc(32, 6), concurrency: 1 }).derive(
    'paard batterij nietje',
    salt,
    fast,
  );
  const otherPassphrase = await hasher.derive('paard batterij nietjes', salt, fast);
  for (const other of [otherSalt, otherPepper, otherPassphrase]) assert.notDeepEqual(other.verifier, first.verifier);
});

test('a passphrase typed with precomposed or combining accents is the same passphrase', async () => {
  const composed = 'ideeën voor later';
  const decomposed = 'idee\u0065\u0308n voor later';
  assert.notEqual(composed, decomposed);
  assert.equal(normalizePassphrase(decomposed), composed);
  const a = await hasher.derive(composed, salt, fast);
  const b = await hasher.derive(decomposed, salt, fast);
  assert.deepEqual(a.verifier, b.verifier);
});

test('parameters read back from storage are bounded', () => {
  assert.deepEqual(checkedParameters({ memoryKiB: 65_536, iterations: 3, parallelism: 1 }), {
    memoryKiB: 65_536,
    iterations: 3,
    parallelism: 1,
  });
  for (const bad of [
    { memoryKiB: 8, iterations: 3, parallelism: 1 },
    { memoryKiB: 4_194_304, iterations: 3, parallelism: 1 },
    { memoryKiB: 65_536, iterations: 1, parallelism: 1 },
    { memoryKiB: 65_536, iterations: 3, parallelism: 64 },
    { memoryKiB: '65536', iterations: 3, parallelism: 1 },
    null,
  ]) {
    assert.throws(() => checkedParameters(bad), UnsafeParameters, JSON.stringify(bad));
  }
});

test('no more hashes run at once than the cap; the rest wait', async () => {
  const capped = createPassphraseHasher({ pepper: Buffer.alloc(32, 5), concurrency: 1 });
  const runs = [1, 2, 3].map((index) => capped.derive(`wachtwoord ${index}`, salt, fast));
  await Promise.resolve();
  assert.deepEqual(capped.load(), { active: 1, waiting: 2 });
  await Promise.all(runs);
  assert.deepEqual(capped.load(), { active: 0, waiting: 0 });
});

test('a wrong pepper length or salt length is refused', async () => {
  assert.throws(() => createPassphraseHasher({ pepper: Buffer.alloc(16), concurrency: 1 }));
  await assert.rejects(hasher.derive('x', Buffer.alloc(8), fast));
});
