import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { projectRoot } from '../paths.js';
import { DecryptionFailed, open, seal } from './aead.js';
import {
  deriveKeyPair,
  encapsulatedKeyFrom,
  HpkeFailed,
  type HpkeCiphertext,
  hpkeCiphertextFrom,
  openBase,
  sealBase,
  setupBaseR,
  setupBaseS,
} from './hpke.js';
import {
  AEAD_ID,
  decap,
  deserializePublicKey,
  encap,
  KDF_ID,
  KEM_ID,
  keyScheduleBase,
  serializePrivateKey,
  serializePublicKey,
} from './hpke-rfc9180.js';

/*
 * Known answers from RFC 9180 Appendix A (test/fixtures/rfc9180/base-x25519.md, copied verbatim), then the
 * behaviour the app relies on: only the private key's holder opens, any change is refused, order matters.
 */

type Fields = Record<string, string>;

/** The `~~~` blocks of one appendix section; each block is a list of records separated by blank lines. */
function vectorSection(heading: string): { setup: Fields; encryptions: Fields[]; exports: Fields[] } {
  const text = readFileSync(path.join(projectRoot, 'test/fixtures/rfc9180/base-x25519.md'), 'utf8');
  const start = text.indexOf(`# ${heading}\n`);
  assert.ok(start >= 0, heading);
  const end = text.indexOf('\n# A.', start + 1);
  const section = text.slice(start, end < 0 ? undefined : end);
  const blocks = [...section.matchAll(/~~~\n([\s\S]*?)~~~/g)].map((match) =>
    match[1]!.split(/\n\s*\n/).map((record) => {
      const fields: Fields = {};
      let name: string | undefined;
      for (const line of record.split('\n')) {
        const field = /^([a-z_ A-Z]+):\s*(.*)$/.exec(line);
        if (field !== null) {
          name = field[1]!;
          fields[name] = field[2]!.trim();
        } else if (name !== undefined && line.trim() !== '') {
          fields[name] += line.trim();
        }
      }
      return fields;
    }),
  );
  assert.equal(blocks.length, 3, `${heading}: setup, encryptions, exports`);
  return { setup: blocks[0]![0]!, encryptions: blocks[1]!, exports: blocks[2]! };
}

const hex = (value: string | undefined): Buffer => {
  assert.ok(value !== undefined, 'a field the vectors should have');
  return Buffer.from(value, 'hex');
};

const chacha = vectorSection('A.2.1');
const aesGcm = vectorSection('A.1.1');

test('the vectors are for the suite implemented: mode base, X25519, HKDF-SHA256, ChaCha20Poly1305', () => {
  assert.deepEqual([chacha.setup.mode, chacha.setup.kem_id, chacha.setup.kdf_id, chacha.setup.aead_id].map(Number), [
    0,
    KEM_ID,
    KDF_ID,
    AEAD_ID,
  ]);
  assert.equal(chacha.encryptions.length, 6);
  assert.equal(chacha.exports.length, 3);
});

test('DeriveKeyPair turns ikmE and ikmR into the published key pairs (A.2.1 and A.1.1)', () => {
  for (const { setup } of [chacha, aesGcm]) {
    const ephemeral = deriveKeyPair(hex(setup.ikmE));
    assert.equal(serializePrivateKey(ephemeral.privateKey).toString('hex'), setup.skEm);
    assert.equal(serializePublicKey(ephemeral.publicKey).toString('hex'), setup.pkEm);
    const recipient = deriveKeyPair(hex(setup.ikmR));
    assert.equal(serializePrivateKey(recipient.privateKey).toString('hex'), setup.skRm);
    assert.equal(serializePublicKey(recipient.publicKey).toString('hex'), setup.pkRm);
  }
});

test('Encap with the published ephemeral key and Decap give the published enc and shared secret', () => {
  for (const { setup } of [chacha, aesGcm]) {
    const ephemeral = deriveKeyPair(hex(setup.ikmE));
    const recipient = deriveKeyPair(hex(setup.ikmR));
    const sent = encap(deserializePublicKey(hex(setup.pkRm)), ephemeral);
    assert.equal(sent.enc.toString('hex'), setup.enc);
    assert.equal(sent.sharedSecret.toString('hex'), setup.shared_secret);
    assert.equal(decap(hex(setup.enc), recipient.privateKey).toString('hex'), setup.shared_secret);
  }
});

test('the key schedule gives the published key, base nonce and exporter secret', () => {
  const schedule = keyScheduleBase(hex(chacha.setup.shared_secret), hex(chacha.setup.info));
  assert.equal(schedule.key.toString('hex'), chacha.setup.key);
  assert.equal(schedule.baseNonce.toString('hex'), chacha.setup.base_nonce);
  assert.equal(schedule.exporterSecret.toString('hex'), chacha.setup.exporter_secret);
});

test('setupBaseS with the published ephemeral key seals to the published ciphertexts at sequence 0 … 256', () => {
  const { setup, encryptions } = chacha;
  const recipient = deriveKeyPair(hex(setup.ikmR));
  const sender = setupBaseS(recipient.publicKey, hex(setup.info), { ephemeral: deriveKeyPair(hex(setup.ikmE)) });
  assert.equal(sender.enc.toString('hex'), setup.enc);
  const receiver = setupBaseR(encapsulatedKeyFrom(hex(setup.enc)), recipient.privateKey, hex(setup.info));
  const bySequence = new Map(encryptions.map((vector) => [Number(vector['sequence number']), vector]));
  const plaintext = hex(encryptions[0]!.pt);
  // The vectors were made by sealing "Count-<n>" messages in order; the listed ones must match exactly.
  for (let sequence = 0; sequence <= 256; sequence += 1) {
    const vector = bySequence.get(sequence);
    const aad = vector === undefined ? Buffer.from(`Count-${sequence}`) : hex(vector.aad);
    const ciphertext = sender.seal(plaintext, aad);
    if (vector !== undefined) assert.equal(ciphertext.toString('hex'), vector.ct, `sequence ${sequence}`);
    assert.deepEqual(receiver.open(ciphertext, aad), plaintext, `sequence ${sequence}`);
  }
  assert.deepEqual([...bySequence.keys()], [0, 1, 2, 4, 255, 256]);
});

test('the single-shot openBase opens the published sequence-0 ciphertext with the published enc (a 256-bit key)', () => {
  const { setup, encryptions } = chacha;
  assert.equal(hex(setup.key).length, 32, 'ChaCha20Poly1305: Nk = 32');
  const recipient = deriveKeyPair(hex(setup.ikmR));
  const first = encryptions.find((vector) => Number(vector['sequence number']) === 0);
  assert.ok(first !== undefined);
  const opened = openBase(
    encapsulatedKeyFrom(hex(setup.enc)),
    recipient.privateKey,
    hex(setup.info),
    hpkeCiphertextFrom(hex(first.ct)),
    hex(first.aad),
  );
  assert.equal(opened.toString('hex'), first.pt);
  // Any other sequence number's ciphertext is not the first message of the context.
  const later = encryptions.find((vector) => Number(vector['sequence number']) === 1)!;
  assert.throws(
    () =>
      openBase(
        encapsulatedKeyFrom(hex(setup.enc)),
        recipient.privateKey,
        hex(setup.info),
        hpkeCiphertextFrom(hex(later.ct)),
        hex(later.aad),
      ),
    HpkeFailed,
  );
});

test('both ends export the published values', () => {
  const { setup, exports } = chacha;
  const recipient = deriveKeyPair(hex(setup.ikmR));
  const sender = setupBaseS(recipient.publicKey, hex(setup.info), { ephemeral: deriveKeyPair(hex(setup.ikmE)) });
  const receiver = setupBaseR(sender.enc, recipient.privateKey, hex(setup.info));
  for (const vector of exports) {
    const context = hex(vector.exporter_context);
    const length = Number(vector.L);
    assert.equal(sender.export(context, length).toString('hex'), vector.exported_value);
    assert.equal(receiver.export(context, length).toString('hex'), vector.exported_value);
  }
});

const info = Buffer.from('nmk/v1/test');

test('only the holder of the private key opens; the wrong key, info or aad is refused alike', () => {
  const recipient = generateKeyPairSync('x25519');
  const other = generateKeyPairSync('x25519');
  const { enc, ciphertext } = sealBase(recipient.publicKey, info, Buffer.from('zaaknummer 2026-17'), Buffer.from('a'));
  assert.equal(
    openBase(enc, recipient.privateKey, info, ciphertext, Buffer.from('a')).toString(),
    'zaaknummer 2026-17',
  );
  assert.throws(() => openBase(enc, other.privateKey, info, ciphertext, Buffer.from('a')), HpkeFailed);
  assert.throws(() => openBase(enc, recipient.privateKey, Buffer.from('x'), ciphertext, Buffer.from('a')), HpkeFailed);
  assert.throws(() => openBase(enc, recipient.privateKey, info, ciphertext, Buffer.from('b')), HpkeFailed);
});

test('every flipped byte of enc or ciphertext, and a cut-off tag, is refused', () => {
  const recipient = generateKeyPairSync('x25519');
  const { enc, ciphertext } = sealBase(recipient.publicKey, info, Buffer.from('gevoelig'));
  for (let position = 0; position < ciphertext.length; position += 1) {
    const flipped = Buffer.from(ciphertext);
    flipped[position]! ^= 0x01;
    assert.throws(() => openBase(enc, recipient.privateKey, info, hpkeCiphertextFrom(flipped)), HpkeFailed);
  }
  for (let position = 0; position < enc.length; position += 1) {
    const flipped = Buffer.from(enc);
    flipped[position]! ^= 0x80;
    assert.throws(() => openBase(encapsulatedKeyFrom(flipped), recipient.privateKey, info, ciphertext), HpkeFailed);
  }
  for (const cut of [ciphertext.subarray(0, ciphertext.length - 1), ciphertext.subarray(0, 15), Buffer.alloc(0)]) {
    assert.throws(() => openBase(enc, recipient.privateKey, info, hpkeCiphertextFrom(cut)), HpkeFailed);
  }
  assert.throws(() => encapsulatedKeyFrom(Buffer.alloc(31)), HpkeFailed);
});

test('a small-order public key (all-zero shared secret) is refused at either end', () => {
  const recipient = generateKeyPairSync('x25519');
  for (const lowOrder of [Buffer.alloc(32), Buffer.concat([Buffer.of(1), Buffer.alloc(31)])]) {
    assert.throws(() => setupBaseS(deserializePublicKey(lowOrder), info), HpkeFailed);
    assert.throws(() => setupBaseR(encapsulatedKeyFrom(lowOrder), recipient.privateKey, info), HpkeFailed);
  }
});

test('messages open in the order sealed; a failed open does not move the recipient on', () => {
  const recipient = generateKeyPairSync('x25519');
  const sender = setupBaseS(recipient.publicKey, info);
  const first = sender.seal(Buffer.from('een'));
  const second = sender.seal(Buffer.from('twee'));
  assert.notDeepEqual(first.subarray(0, 3), second.subarray(0, 3), 'each message has its own nonce');
  const receiver = setupBaseR(sender.enc, recipient.privateKey, info);
  assert.throws(() => receiver.open(second), HpkeFailed, 'the second message is not the first');
  assert.equal(receiver.open(first).toString(), 'een');
  assert.equal(receiver.open(second).toString(), 'twee');
  assert.throws(() => receiver.open(first), HpkeFailed, 'a replayed message is refused');
});

test('an exported key works with seal/open at both ends, and differs per context label and per setup', () => {
  const recipient = generateKeyPairSync('x25519');
  const sender = setupBaseS(recipient.publicKey, info);
  const receiver = setupBaseR(sender.enc, recipient.privateKey, info);
  const place = { purpose: 'test' as const, ownerId: 'case-1', recordId: 'case-1', epoch: 1 };
  const sealed = seal(sender.exportKey(Buffer.from('compartment'), 'case-1'), Buffer.from('x'), place);
  assert.equal(open(receiver.exportKey(Buffer.from('compartment'), 'case-1'), sealed, place).toString(), 'x');
  assert.throws(() => open(receiver.exportKey(Buffer.from('other'), 'case-1'), sealed, place), DecryptionFailed);
  const again = setupBaseS(recipient.publicKey, info);
  assert.throws(() => open(again.exportKey(Buffer.from('compartment'), 'case-1'), sealed, place), DecryptionFailed);
});

test('keys of the wrong kind are refused, and a ciphertext is not a plain buffer', () => {
  const ed25519 = generateKeyPairSync('ed25519');
  assert.throws(() => setupBaseS(ed25519.publicKey, info), TypeError);
  const recipient = generateKeyPairSync('x25519');
  const { enc } = sealBase(recipient.publicKey, info, Buffer.alloc(0));
  assert.throws(() => setupBaseR(enc, ed25519.privateKey, info), TypeError);
  // @ts-expect-error a plain Buffer is not an HpkeCiphertext
  const mistaken: HpkeCiphertext = Buffer.from('plain');
  assert.ok(Buffer.isBuffer(mistaken));
});
