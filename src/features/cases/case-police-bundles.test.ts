import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { type Ciphertext, DecryptionFailed, generateKey, open } from '../../shared/crypto/aead.js';
import { HpkeFailed } from '../../shared/crypto/hpke.js';
import { jobKeyPair } from '../../shared/crypto/job-key.js';
import {
  type BundlePlace,
  bundlePlace,
  entriesHash,
  openBundleTicket,
  sealBundleTicket,
  sealPoliceBundle,
} from './case-police-bundles.js';

/*
 * What the police bundle seals (ADR 0029): the ticket opens only with the job key and only for the making, case,
 * parent member and account it was sealed for; the bundle opens only with the share key of its epoch, for its case,
 * parent member and making; the entries hash does not depend on the order the entries come in.
 */

const jobKey = jobKeyPair(randomBytes(32));
const place: BundlePlace = {
  bundleId: randomUUID(),
  caseId: randomUUID(),
  parentMemberId: randomUUID(),
  userId: randomUUID(),
};
const ticket = {
  masterKey: generateKey('master'),
  epoch: 2,
  shareKey: { key: generateKey('share'), epoch: 3 },
  label: 'Robin',
  entryIds: [randomUUID(), randomUUID()],
  locale: 'nl' as const,
};

test('a ticket opens with the job key for its own place, with the keys it carries', () => {
  const sealed = sealBundleTicket(jobKey.publicKey, place, ticket);
  assert.doesNotMatch(sealed.ciphertext, /Robin/);
  const opened = openBundleTicket(jobKey.privateKey, place, sealed);
  assert.equal(opened.label, 'Robin');
  assert.deepEqual(opened.entryIds, ticket.entryIds);
  assert.equal(opened.epoch, 2);
  assert.equal(opened.shareKey.epoch, 3);
  assert.deepEqual(opened.masterKey.key.export(), ticket.masterKey.key.export());
  assert.deepEqual(opened.shareKey.key.key.export(), ticket.shareKey.key.key.export());
});

test('a ticket moved to another making, case, member or account, or opened with another key, does not open', () => {
  const sealed = sealBundleTicket(jobKey.publicKey, place, ticket);
  for (const moved of [
    { ...place, bundleId: randomUUID() },
    { ...place, caseId: randomUUID() },
    { ...place, parentMemberId: randomUUID() },
    { ...place, userId: randomUUID() },
  ]) {
    assert.throws(() => openBundleTicket(jobKey.privateKey, moved, sealed), HpkeFailed);
  }
  assert.throws(() => openBundleTicket(jobKeyPair(randomBytes(32)).privateKey, place, sealed), HpkeFailed);
  const flipped = Buffer.from(sealed.ciphertext, 'base64');
  flipped[5]! ^= 1;
  assert.throws(
    () => openBundleTicket(jobKey.privateKey, place, { ...sealed, ciphertext: flipped.toString('base64') }),
    HpkeFailed,
  );
});

test('a bundle opens with its share key and epoch for its place only', () => {
  const bytes = new TextEncoder().encode('PK… a bundle');
  const share = { key: generateKey('share'), epoch: 4 };
  const sealed = sealPoliceBundle(share, place.caseId, place.parentMemberId, place.bundleId, bytes) as Ciphertext;
  const here = bundlePlace(place.caseId, place.parentMemberId, place.bundleId, 4);
  assert.deepEqual(new Uint8Array(open(share.key, sealed, here)), bytes);
  for (const elsewhere of [
    bundlePlace(place.caseId, place.parentMemberId, place.bundleId, 5),
    bundlePlace(randomUUID(), place.parentMemberId, place.bundleId, 4),
    bundlePlace(place.caseId, randomUUID(), place.bundleId, 4),
    bundlePlace(place.caseId, place.parentMemberId, randomUUID(), 4),
    { ...here, purpose: 'case/item' as const },
  ]) {
    assert.throws(() => open(share.key, sealed, elsewhere), DecryptionFailed);
  }
  assert.throws(() => open(generateKey('share'), sealed, here), DecryptionFailed);
});

test('the entries hash names the set, whatever its order', () => {
  const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
  assert.equal(entriesHash([a, b, c]), entriesHash([c, a, b]));
  assert.notEqual(entriesHash([a, b]), entriesHash([a, b, c]));
  assert.match(entriesHash([a]), /^[0-9a-f]{64}$/);
});
