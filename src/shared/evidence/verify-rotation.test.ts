import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildBundle, describeReport, makeKey, signFor, withManifest } from '../../../test/helpers/bundle-builder.js';
import { toBase64 } from './bytes.js';
import { formatFingerprint } from './format.js';
import { canonicalize } from './jcs.js';
import { type CheckId, type Report, verifyBundle } from './verify.js';

// An account that rotated its keys twice: entries 0–3 signed by the first key, 4–6 by the second, the rest by
// the current one (authorKey). The manifest's authorKeyHistory chains first → second → current.
const first = makeKey();
const second = makeKey();
const rotated = buildBundle({ size: 10, rotatedAuthor: { earlierKeys: [first, second], rotatedAt: [4, 7] } });
const trust = { pinnedLogKeys: rotated.pinnedLogKeys };

function assertFails(report: Report, check: CheckId, pattern?: RegExp): void {
  assert.equal(report.valid, false, 'expected invalid');
  assert.ok(
    report.failures.some(
      (failure) => failure.check === check && (pattern === undefined || pattern.test(failure.message)),
    ),
    `expected ${check}${pattern === undefined ? '' : ` ${pattern}`}: ${describeReport(report)}`,
  );
}

const statement = (old: string, next: string, time = 1) => canonicalize({ v: 1, old, new: next, time });

test('a bundle of a rotated account verifies, with its leaves signed by earlier keys of the chain', async () => {
  assert.equal(rotated.manifest.authorKeyHistory?.length, 2);
  const report = await verifyBundle(rotated.zip, trust);
  assert.equal(report.valid, true, describeReport(report));
  assert.deepEqual(report.summary?.authorKeys, [first.id, second.id, rotated.authorKey.id]);
  assert.equal(report.summary?.authorFingerprint, rotated.authorKey.id);
});

test('the fingerprint given may be of any key in the chain, and the report says which one matched', async () => {
  for (const key of [first, second, rotated.authorKey]) {
    const report = await verifyBundle(rotated.zip, { ...trust, authorFingerprint: formatFingerprint(key.id) });
    assert.equal(report.valid, true, describeReport(report));
    assert.equal(report.summary?.authorFingerprintMatches, true);
    assert.equal(report.summary?.authorFingerprintMatchedKey, key.id);
  }
  const other = await verifyBundle(rotated.zip, { ...trust, authorFingerprint: makeKey().id });
  assertFails(other, 'author-key', /nor of an earlier key/);
  assert.equal(other.summary?.authorFingerprintMatches, false);
});

test('without its history, leaves signed by earlier keys fail (a bundle without rotations verifies as before)', async () => {
  const report = await verifyBundle(
    withManifest(rotated, (manifest) => {
      delete manifest.authorKeyHistory;
    }),
    trust,
  );
  assertFails(report, 'leaf', /earlier key/);
  assert.ok(report.failures.every((failure) => failure.entry === undefined || failure.entry < 7));
  const plain = buildBundle();
  assert.equal(plain.manifest.authorKeyHistory, undefined);
  assert.equal((await verifyBundle(plain.zip, { pinnedLogKeys: plain.pinnedLogKeys })).valid, true);
});

test('a rotation statement with a changed signature or changed bytes is named, and its key trusted for nothing', async () => {
  const badSignature = await verifyBundle(
    withManifest(rotated, (manifest) => {
      const item = manifest.authorKeyHistory![0]!;
      item.rotation.signature = signFor(makeKey(), 'key-rotation', Buffer.from(item.rotation.bytes, 'base64'));
    }),
    trust,
  );
  assertFails(badSignature, 'author-key-history', /authorKeyHistory\[0\].*signature/);
  // The first key's leaves no longer verify: their key is not vouched for.
  assertFails(badSignature, 'account-signature');
  const otherPurpose = await verifyBundle(
    withManifest(rotated, (manifest) => {
      const item = manifest.authorKeyHistory![1]!;
      item.rotation.signature = signFor(second, 'leaf', Buffer.from(item.rotation.bytes, 'base64'));
    }),
    trust,
  );
  assertFails(otherPurpose, 'author-key-history', /authorKeyHistory\[1\]/);
  const notCanonical = await verifyBundle(
    withManifest(rotated, (manifest) => {
      const item = manifest.authorKeyHistory![0]!;
      const text = Buffer.from(item.rotation.bytes, 'base64').toString('utf8').replace('{', '{ ');
      item.rotation.bytes = Buffer.from(text).toString('base64');
      item.rotation.signature = signFor(first, 'key-rotation', Buffer.from(text));
    }),
    trust,
  );
  assertFails(notCanonical, 'author-key-history', /canonical/);
});

test('a broken or forged chain is named: wrong order, a gap, a hand-over to another key, a forged earlier key', async () => {
  // Wrong order: the second key listed first.
  const swapped = await verifyBundle(
    withManifest(rotated, (manifest) => {
      manifest.authorKeyHistory!.reverse();
    }),
    trust,
  );
  assertFails(swapped, 'author-key-history', /hands over/);
  // A gap: the second key left out, so the first hands over to a key that is not next.
  const gap = await verifyBundle(
    withManifest(rotated, (manifest) => {
      manifest.authorKeyHistory!.splice(1, 1);
    }),
    trust,
  );
  assertFails(gap, 'author-key-history', /not to the next key/);
  // The last statement hands over to another key than authorKey.
  const elsewhere = makeKey();
  const toElsewhere = await verifyBundle(
    withManifest(rotated, (manifest) => {
      const bytes = statement(second.id, elsewhere.id);
      manifest.authorKeyHistory![1]!.rotation = {
        bytes: toBase64(bytes),
        signature: signFor(second, 'key-rotation', bytes),
      };
    }),
    trust,
  );
  assertFails(toElsewhere, 'author-key-history', /not to the next key/);
  // A forger puts their own key in place of the first, with a valid-looking statement of their own: the chain
  // holds, but the first key's leaves name a key that is not in it, and the first key's fingerprint matches nothing.
  const forger = makeKey();
  const forged = withManifest(rotated, (manifest) => {
    const bytes = statement(forger.id, second.id);
    manifest.authorKeyHistory![0] = {
      key: forger.spkiB64,
      rotation: { bytes: toBase64(bytes), signature: signFor(forger, 'key-rotation', bytes) },
    };
  });
  const forgedReport = await verifyBundle(forged, { ...trust, authorFingerprint: first.id });
  assertFails(forgedReport, 'leaf', /earlier key/);
  assertFails(forgedReport, 'author-key');
  // A statement whose "old" is not the key listed with it.
  const wrongOld = await verifyBundle(
    withManifest(rotated, (manifest) => {
      const bytes = statement(second.id, second.id);
      manifest.authorKeyHistory![0]!.rotation = {
        bytes: toBase64(bytes),
        signature: signFor(first, 'key-rotation', bytes),
      };
    }),
    trust,
  );
  assertFails(wrongOld, 'author-key-history', /hands over from/);
  // A history entry that is not an object of the format is refused while reading the manifest.
  const malformed = await verifyBundle(
    withManifest(rotated, (manifest) => {
      (manifest.authorKeyHistory as unknown[])[0] = { key: first.spkiB64 };
    }),
    trust,
  );
  assertFails(malformed, 'manifest');
});
