import assert from 'node:assert/strict';
import { createPrivateKey, createPublicKey, type KeyObject, randomUUID } from 'node:crypto';
import { test } from 'node:test';
import fc from 'fast-check';
import { DecryptionFailed, generateKey, open, seal } from '../../shared/crypto/aead.js';
import { deriveKeyPair } from '../../shared/crypto/hpke.js';
import { generateKeyPair, privateKeyFrom, signMessage } from '../../shared/crypto/signing.js';
import { keyId as signingKeyId } from '../../shared/evidence/format.js';
import {
  KeyWrapRefused,
  memberKeyId,
  newCompartmentKey,
  openCaseContent,
  openCaseText,
  rotateCompartment,
  SAFETY_NUMBER_ITERATIONS,
  safetyNumber,
  sealCaseContent,
  type StoredKeyWrap,
  type UnwrapExpectation,
  unwrapCompartmentKey,
  unwrapEntryKey,
  type WrapGranter,
  type WrapRecipient,
  wrapCompartmentKey,
  wrapEntryKey,
} from './case-keys.js';
import { type CompartmentKey, shareCompartment } from './cases.types.js';

/*
 * The case's keys as an attacker with the database would try them: wraps moved to another case, compartment,
 * epoch or member, wraps signed by someone else, changed bytes, content of an older epoch.
 */

interface TestMember {
  memberId: string;
  x25519: ReturnType<typeof generateKeyPair>;
  ed25519: ReturnType<typeof generateKeyPair>;
  keyId: string;
}

function member(): TestMember {
  const x25519 = generateKeyPair('x25519');
  const ed25519 = generateKeyPair('ed25519');
  return { memberId: randomUUID(), x25519, ed25519, keyId: memberKeyId(x25519.publicKey, ed25519.publicKey) };
}

const recipientOf = (who: TestMember): WrapRecipient => ({
  memberId: who.memberId,
  x25519Public: who.x25519.publicKey,
  keyId: who.keyId,
});

const granterOf = (who: TestMember): WrapGranter => ({
  memberId: who.memberId,
  signingKey: privateKeyFrom(who.ed25519.privateKey),
  keyId: signingKeyId(who.ed25519.publicKey),
});

const expectationFor = (wrapTo: TestMember, grantedBy: TestMember, key: CompartmentKey): UnwrapExpectation => ({
  caseId: key.caseId,
  compartment: key.compartment,
  epoch: key.epoch,
  recipient: {
    memberId: wrapTo.memberId,
    keyId: wrapTo.keyId,
    x25519Private: privateKeyFrom(wrapTo.x25519.privateKey),
  },
  granter: { ed25519Public: grantedBy.ed25519.publicKey },
});

const parent = member();
const careWorker = member();
const police = member();
const caseId = randomUUID();
const otherCaseId = randomUUID();

const sameKey = (a: CompartmentKey, b: CompartmentKey): boolean =>
  a.key.id === b.key.id && a.key.key.export().equals(b.key.key.export());

test('a new compartment key is a random 256-bit key with its own id, at the epoch asked', () => {
  const one = newCompartmentKey(caseId, 'members', 1);
  const two = newCompartmentKey(caseId, 'members', 1);
  assert.equal(one.key.key.export().length, 32);
  assert.deepEqual([one.caseId, one.compartment, one.epoch], [caseId, 'members', 1]);
  assert.notEqual(one.key.id, two.key.id);
  assert.ok(!sameKey(one, two));
  assert.throws(() => newCompartmentKey(caseId, 'members', -1));
  assert.throws(() => newCompartmentKey(caseId, 'members', 1.5));
});

test('a wrap opens for its recipient with the granter’s public key, and gives the same key', () => {
  const key = newCompartmentKey(caseId, 'members', 3);
  const wrap = wrapCompartmentKey({ key, recipient: recipientOf(careWorker), granter: granterOf(parent) });
  assert.deepEqual(
    [wrap.caseId, wrap.compartment, wrap.epoch, wrap.memberId, wrap.recipientKeyId, wrap.granterMemberId],
    [caseId, 'members', 3, careWorker.memberId, careWorker.keyId, parent.memberId],
  );
  assert.equal(wrap.granterKeyId, signingKeyId(parent.ed25519.publicKey));
  const opened = unwrapCompartmentKey(wrap, expectationFor(careWorker, parent, key));
  assert.ok(sameKey(opened, key));
  assert.deepEqual([opened.caseId, opened.compartment, opened.epoch], [caseId, 'members', 3]);
  // What a member seals, another member opens.
  const label = sealCaseContent(key, 'case/label', caseId, 'Sanne');
  assert.equal(openCaseText(opened, 'case/label', caseId, label), 'Sanne');
});

test('a stored wrap is text and numbers only and does not contain the key', () => {
  const key = newCompartmentKey(caseId, 'professionals', 1);
  const wrap = wrapCompartmentKey({ key, recipient: recipientOf(police), granter: granterOf(careWorker) });
  const stored = JSON.stringify(wrap);
  for (const value of Object.values(wrap)) assert.ok(typeof value === 'string' || typeof value === 'number');
  const bytes = key.key.key.export();
  for (const spelling of ['hex', 'base64', 'base64url'] as const) {
    assert.ok(!stored.includes(bytes.toString(spelling)), spelling);
  }
  assert.ok(!stored.includes(key.key.id), 'the key id travels sealed');
  // Two wraps of one key to one member differ (a fresh HPKE encapsulation each time).
  const again = wrapCompartmentKey({ key, recipient: recipientOf(police), granter: granterOf(careWorker) });
  assert.notEqual(again.enc, wrap.enc);
});

function refused(wrap: StoredKeyWrap, expected: UnwrapExpectation, message: string): void {
  assert.throws(
    () => unwrapCompartmentKey(wrap, expected),
    (error: unknown) =>
      error instanceof KeyWrapRefused && error.message === 'The key wrap was refused' && error.cause === undefined,
    message,
  );
}

test('a wrap replayed to another case, compartment, epoch, member or member key is refused', () => {
  const key = newCompartmentKey(caseId, 'members', 2);
  const wrap = wrapCompartmentKey({ key, recipient: recipientOf(careWorker), granter: granterOf(parent) });
  const expected = expectationFor(careWorker, parent, key);
  const moves: [string, Partial<StoredKeyWrap>, Partial<UnwrapExpectation>][] = [
    ['another case', { caseId: otherCaseId }, { caseId: otherCaseId }],
    ['another compartment', { compartment: 'professionals' }, { compartment: 'professionals' }],
    [
      'a share compartment',
      { compartment: shareCompartment(parent.memberId) },
      { compartment: shareCompartment(parent.memberId) },
    ],
    ['a later epoch', { epoch: 3 }, { epoch: 3 }],
    ['an earlier epoch', { epoch: 1 }, { epoch: 1 }],
  ];
  for (const [what, row, reader] of moves) {
    // The row rewritten to look as if it belonged there, and the reader expecting it there: refused.
    refused({ ...wrap, ...row }, { ...expected, ...reader }, `${what}, row rewritten`);
    // The row left as it was, read where it does not belong: refused.
    refused(wrap, { ...expected, ...reader }, `${what}, row as it was`);
  }
  // The same person as another member (e.g. their membership in another case, or a second membership).
  const otherMemberId = randomUUID();
  refused(
    { ...wrap, memberId: otherMemberId },
    { ...expected, recipient: { ...expected.recipient, memberId: otherMemberId } },
    'another member id',
  );
  // The member's keys were confirmed again under another key id (a key rotation): the old wrap is refused.
  refused(
    { ...wrap, recipientKeyId: 'f'.repeat(64) },
    { ...expected, recipient: { ...expected.recipient, keyId: 'f'.repeat(64) } },
    'another recipient key id',
  );
  refused(
    wrap,
    { ...expected, granter: { ...expected.granter, memberId: police.memberId } },
    'another granter expected',
  );
  // The untouched wrap still opens: each refusal above is due to the move.
  assert.ok(sameKey(unwrapCompartmentKey(wrap, expected), key));
});

test('a wrap to one member does not open with another member’s private key', () => {
  const key = newCompartmentKey(caseId, 'professionals', 1);
  const wrap = wrapCompartmentKey({ key, recipient: recipientOf(careWorker), granter: granterOf(careWorker) });
  const expected = expectationFor(careWorker, careWorker, key);
  refused(
    wrap,
    { ...expected, recipient: { ...expected.recipient, x25519Private: privateKeyFrom(police.x25519.privateKey) } },
    'police',
  );
  refused(
    wrap,
    { ...expected, recipient: { ...expected.recipient, x25519Private: privateKeyFrom(parent.x25519.privateKey) } },
    'parent',
  );
});

test('a forged signature is refused: another signer, another purpose, another granter’s key, a stolen signature', () => {
  const key = newCompartmentKey(caseId, 'members', 1);
  const expected = expectationFor(careWorker, parent, key);
  const mallory = member();
  // Mallory makes a wrap of her own key and claims the parent granted it.
  const malloryKey = newCompartmentKey(caseId, 'members', 1);
  const forged = wrapCompartmentKey({
    key: malloryKey,
    recipient: recipientOf(careWorker),
    granter: granterOf(mallory),
  });
  refused(
    { ...forged, granterMemberId: parent.memberId, granterKeyId: signingKeyId(parent.ed25519.publicKey) },
    expected,
    'signed by mallory, claimed as the parent’s',
  );
  refused(forged, expected, 'signed by mallory, read with the parent’s key');
  // Mallory's wrap under her own name opens only when the reader accepts mallory as a granter.
  assert.ok(
    sameKey(
      unwrapCompartmentKey(forged, { ...expected, granter: { ed25519Public: mallory.ed25519.publicKey } }),
      malloryKey,
    ),
  );
  refused(
    forged,
    { ...expected, granter: { ed25519Public: mallory.ed25519.publicKey, memberId: parent.memberId } },
    'granter member expected',
  );

  const real = wrapCompartmentKey({ key, recipient: recipientOf(careWorker), granter: granterOf(parent) });
  // The parent's signature over the same bytes but for another purpose.
  const enc = Buffer.from(real.enc, 'base64url');
  const ciphertext = Buffer.from(real.ciphertext, 'base64url');
  const otherPurpose = signMessage(
    privateKeyFrom(parent.ed25519.privateKey),
    'key-grant',
    Buffer.concat([enc, ciphertext]),
  );
  refused({ ...real, signature: otherPurpose.toString('base64url') }, expected, 'another purpose');
  // A real signature of the parent, taken from another wrap.
  const other = wrapCompartmentKey({ key, recipient: recipientOf(police), granter: granterOf(parent) });
  refused({ ...real, signature: other.signature }, expected, 'a signature of another wrap');
  // The parent's enc and ciphertext, re-signed by mallory under her name.
  refused(
    { ...real, signature: forged.signature, granterMemberId: mallory.memberId, granterKeyId: forged.granterKeyId },
    expected,
    'a mixed wrap',
  );
  // Garbage in place of a public key.
  refused(real, { ...expected, granter: { ed25519Public: Buffer.from('not a key') } }, 'not a key');
  refused(real, { ...expected, granter: { ed25519Public: parent.x25519.publicKey } }, 'an X25519 key as signer');
});

test('any change to any field of a wrap is refused (property)', () => {
  const key = newCompartmentKey(caseId, shareCompartment(parent.memberId), 4);
  const wrap = wrapCompartmentKey({ key, recipient: recipientOf(careWorker), granter: granterOf(parent) });
  const expected = expectationFor(careWorker, parent, key);
  const textFields = [
    'caseId',
    'compartment',
    'memberId',
    'recipientKeyId',
    'enc',
    'ciphertext',
    'granterMemberId',
    'granterKeyId',
    'signature',
  ] as const;
  const byteFields = ['enc', 'ciphertext', 'signature'] as const;
  fc.assert(
    fc.property(
      fc.oneof(
        // One character of a stored text replaced by another character.
        fc.record({
          kind: fc.constant('text' as const),
          field: fc.constantFrom(...textFields),
          position: fc.nat(),
          replacement: fc.constantFrom(...'AZaz09-_=+/: .é'),
        }),
        // One bit of one decoded byte of enc, ciphertext or signature flipped, spelled correctly again.
        fc.record({
          kind: fc.constant('bytes' as const),
          field: fc.constantFrom(...byteFields),
          position: fc.nat(),
          bit: fc.integer({ min: 0, max: 7 }),
        }),
        fc.record({ kind: fc.constant('epoch' as const), epoch: fc.integer({ min: -1, max: 1000 }) }),
      ),
      (change) => {
        const changed: StoredKeyWrap = { ...wrap };
        if (change.kind === 'text') {
          const text = wrap[change.field];
          const at = change.position % text.length;
          if (text[at] === change.replacement) return;
          changed[change.field] = `${text.slice(0, at)}${change.replacement}${text.slice(at + 1)}` as never;
        } else if (change.kind === 'bytes') {
          const bytes = Buffer.from(wrap[change.field], 'base64url');
          bytes[change.position % bytes.length]! ^= 1 << change.bit;
          changed[change.field] = bytes.toString('base64url');
        } else {
          if (change.epoch === wrap.epoch) return;
          changed.epoch = change.epoch;
        }
        refused(changed, expected, JSON.stringify(change));
      },
    ),
    { numRuns: 600, seed: 20261207 },
  );
  // Whole fields cut short or made longer.
  for (const field of textFields) {
    refused({ ...wrap, [field]: wrap[field].slice(0, -1) }, expected, `${field} cut`);
    refused({ ...wrap, [field]: `${wrap[field]}A` }, expected, `${field} longer`);
  }
});

test('content sealed under a compartment key opens only at its case, row, purpose and epoch', () => {
  const key = newCompartmentKey(caseId, 'members', 1);
  const rowId = randomUUID();
  const sealed = sealCaseContent(key, 'case/item', rowId, 'Afspraak: school belt vader vrijdag');
  assert.equal(openCaseText(key, 'case/item', rowId, sealed), 'Afspraak: school belt vader vrijdag');
  assert.deepEqual(
    openCaseContent(key, 'case/item', rowId, sealCaseContent(key, 'case/item', rowId, Buffer.of(0, 255))),
    Buffer.of(0, 255),
  );
  assert.throws(() => openCaseContent(key, 'case/item', randomUUID(), sealed), DecryptionFailed, 'another row');
  assert.throws(() => openCaseContent(key, 'case/label', rowId, sealed), DecryptionFailed, 'another purpose');
  assert.throws(
    () => openCaseContent({ ...key, caseId: otherCaseId }, 'case/item', rowId, sealed),
    DecryptionFailed,
    'another case',
  );
  assert.throws(
    () => openCaseContent(newCompartmentKey(caseId, 'members', 1), 'case/item', rowId, sealed),
    DecryptionFailed,
    'another key',
  );
  // The professionals' key never opens what was sealed for all members, and the other way round.
  const professionals = newCompartmentKey(caseId, 'professionals', 1);
  assert.throws(() => openCaseContent(professionals, 'case/item', rowId, sealed), DecryptionFailed);
});

test('after a rotation, content of the stale epoch does not open under the new key, nor new content under the old', () => {
  const old = newCompartmentKey(caseId, 'members', 1);
  const rowId = randomUUID();
  const before = sealCaseContent(old, 'case/item', rowId, 'before');
  const { key: next } = rotateCompartment({ previous: old, holders: [], granter: granterOf(parent) });
  assert.equal(next.epoch, 2);
  assert.ok(!sameKey(old, next));
  assert.throws(() => openCaseContent(next, 'case/item', rowId, before), DecryptionFailed, 'stale content, new key');
  const after = sealCaseContent(next, 'case/item', rowId, 'after');
  assert.throws(() => openCaseContent(old, 'case/item', rowId, after), DecryptionFailed, 'new content, old key');
  // The old key's bytes claimed to be of the new epoch do not open the old content either: the epoch is bound.
  assert.throws(() => openCaseContent({ ...old, epoch: 2 }, 'case/item', rowId, before), DecryptionFailed);
  assert.equal(
    openCaseText(old, 'case/item', rowId, before),
    'before',
    'the old content stays readable with the old key',
  );
});

test('rotateCompartment: a fresh key at epoch + 1, wrapped to each remaining holder and to nobody else', () => {
  const old = newCompartmentKey(caseId, 'members', 5);
  const oldWrapToPolice = wrapCompartmentKey({ key: old, recipient: recipientOf(police), granter: granterOf(parent) });
  const { key, wraps } = rotateCompartment({
    previous: old,
    holders: [recipientOf(parent), recipientOf(careWorker)],
    granter: granterOf(parent),
  });
  assert.deepEqual([key.caseId, key.compartment, key.epoch], [caseId, 'members', 6]);
  assert.deepEqual(
    wraps.map((wrap) => [wrap.memberId, wrap.epoch]),
    [
      [parent.memberId, 6],
      [careWorker.memberId, 6],
    ],
  );
  for (const [wrap, who] of [
    [wraps[0]!, parent],
    [wraps[1]!, careWorker],
  ] as const) {
    assert.ok(sameKey(unwrapCompartmentKey(wrap, expectationFor(who, parent, key)), key));
  }
  // The removed member keeps only what they had: the old key opens nothing new, and no wrap of epoch 6 is theirs.
  const policeOld = unwrapCompartmentKey(oldWrapToPolice, expectationFor(police, parent, old));
  const sealed = sealCaseContent(key, 'case/item', 'row-1', 'after removal');
  assert.throws(() => openCaseContent({ ...policeOld, epoch: 6 }, 'case/item', 'row-1', sealed), DecryptionFailed);
  for (const wrap of wraps)
    refused({ ...wrap, memberId: police.memberId }, expectationFor(police, parent, key), 'moved');
  assert.throws(() =>
    rotateCompartment({
      previous: old,
      holders: [recipientOf(parent), recipientOf(parent)],
      granter: granterOf(parent),
    }),
  );
});

test('a journal entry’s data key wrapped under a share key opens with that key, entry and epoch only', () => {
  const share = newCompartmentKey(caseId, shareCompartment(parent.memberId), 1);
  const entryId = randomUUID();
  const dataKey = generateKey('entry-key-1');
  const place = { purpose: 'journal/entry' as const, ownerId: 'user-1', recordId: entryId, epoch: 1 };
  const entry = seal(dataKey, Buffer.from('dinsdag 21:40 opgehaald door onbekende auto'), place);
  const wrapped = wrapEntryKey(share, entryId, dataKey);
  const opened = unwrapEntryKey(share, entryId, dataKey.id, wrapped);
  assert.equal(open(opened, entry, place).toString(), 'dinsdag 21:40 opgehaald door onbekende auto');
  const refusedEntry = (run: () => unknown, message: string) => assert.throws(run, KeyWrapRefused, message);
  refusedEntry(() => unwrapEntryKey(share, randomUUID(), dataKey.id, wrapped), 'another entry');
  refusedEntry(() => unwrapEntryKey(share, entryId, 'entry-key-2', wrapped), 'another data key id');
  refusedEntry(() => unwrapEntryKey({ ...share, caseId: otherCaseId }, entryId, dataKey.id, wrapped), 'another case');
  // Unshare: the share key rotates; a wrap of the old epoch does not open under the new key.
  const { key: next } = rotateCompartment({
    previous: share,
    holders: [recipientOf(parent)],
    granter: granterOf(parent),
  });
  refusedEntry(() => unwrapEntryKey(next, entryId, dataKey.id, wrapped), 'the next share epoch');
  refusedEntry(
    () => unwrapEntryKey({ ...share, epoch: 2 }, entryId, dataKey.id, wrapped),
    'the old key at another epoch',
  );
  // Entry keys go under a share compartment only.
  assert.throws(() => wrapEntryKey(newCompartmentKey(caseId, 'members', 1), entryId, dataKey), /share compartment/);
});

test('memberKeyId names the pair of public keys: stable, and another key gives another id', () => {
  assert.match(parent.keyId, /^[0-9a-f]{64}$/);
  assert.equal(memberKeyId(parent.x25519.publicKey, parent.ed25519.publicKey), parent.keyId);
  assert.notEqual(memberKeyId(police.x25519.publicKey, parent.ed25519.publicKey), parent.keyId);
  assert.notEqual(memberKeyId(parent.x25519.publicKey, police.ed25519.publicKey), parent.keyId);
  assert.throws(() => memberKeyId(parent.ed25519.publicKey, parent.x25519.publicKey), 'keys of the wrong kind');
  assert.throws(() => memberKeyId(Buffer.from('x'), parent.ed25519.publicKey));
});

const partyOf = (who: TestMember) => ({
  x25519Public: who.x25519.publicKey,
  ed25519Public: who.ed25519.publicKey,
  id: who.memberId,
});

test('the safety number: 30 digits in six groups of five, the same on both sides', () => {
  const number = safetyNumber(partyOf(parent), partyOf(careWorker));
  assert.match(number, /^\d{5}( \d{5}){5}$/);
  assert.equal(safetyNumber(partyOf(careWorker), partyOf(parent)), number);
  assert.equal(safetyNumber(partyOf(parent), partyOf(careWorker)), number, 'deterministic');
  assert.notEqual(safetyNumber(partyOf(parent), partyOf(police)), number);
});

test('the safety number changes when any of the four public keys or either id changes', () => {
  const a = partyOf(parent);
  const b = partyOf(careWorker);
  const number = safetyNumber(a, b);
  const fresh = member();
  const changes = {
    'first X25519': [{ ...a, x25519Public: fresh.x25519.publicKey }, b],
    'first Ed25519': [{ ...a, ed25519Public: fresh.ed25519.publicKey }, b],
    'second X25519': [a, { ...b, x25519Public: fresh.x25519.publicKey }],
    'second Ed25519': [a, { ...b, ed25519Public: fresh.ed25519.publicKey }],
    'first id': [{ ...a, id: randomUUID() }, b],
    'second id': [a, { ...b, id: randomUUID() }],
    'keys swapped between the two': [
      { ...a, x25519Public: b.x25519Public },
      { ...b, x25519Public: a.x25519Public },
    ],
  } as const;
  for (const [what, [first, second]] of Object.entries(changes)) {
    const changed = safetyNumber(first, second);
    assert.notEqual(changed, number, what);
    assert.equal(safetyNumber(second, first), changed, `${what}: still the same on both sides`);
  }
  assert.throws(() => safetyNumber({ ...a, x25519Public: a.ed25519Public }, b), 'keys of the wrong kind');
});

test('the safety number and member key id of fixed keys are pinned (checked against a separate Python computation)', () => {
  // Changing the algorithm would change every number members already compared: a new version, not an edit.
  const spki = (key: KeyObject) => key.export({ type: 'spki', format: 'der' });
  const ed25519 = (seedByte: number) =>
    spki(
      createPublicKey(
        createPrivateKey({
          key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), Buffer.alloc(32, seedByte)]),
          format: 'der',
          type: 'pkcs8',
        }),
      ),
    );
  const x25519 = (ikmByte: number) => spki(deriveKeyPair(Buffer.alloc(32, ikmByte)).publicKey);
  const a = { x25519Public: x25519(1), ed25519Public: ed25519(2), id: 'member-a' };
  const b = { x25519Public: x25519(3), ed25519Public: ed25519(4), id: 'member-b' };
  assert.equal(SAFETY_NUMBER_ITERATIONS, 1024);
  assert.equal(safetyNumber(a, b), '13274 72064 88005 43921 34236 37704');
  assert.equal(
    memberKeyId(a.x25519Public, a.ed25519Public),
    'bda13be53a2ff5401b1b637993a48e84a0a494e0f767f113727d3cb3ab01756c',
  );
});
