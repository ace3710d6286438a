import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { generateKey } from '../../shared/crypto/aead.js';
import { generateKeyPair, privateKeyFrom } from '../../shared/crypto/signing.js';
import {
  recipientKeyIdOf,
  releaseKeyFrom,
  TrustedWrapRefused,
  unwrapAsTrustedPerson,
  type WrapPlace,
  wrapForTrustedPerson,
} from './trusted-person.keys.js';

/*
 * The wrap of ADR 0049 as properties: it opens only with both the server's release key and the trusted person's
 * private key, only at its own place (owner, trusted person, epoch, recipient key), and a changed character refuses it.
 */

const pepper = randomBytes(32);
const releaseKey = releaseKeyFrom(pepper);
const trusted = generateKeyPair('x25519');
const stranger = generateKeyPair('x25519');
const masterKey = generateKey('master-3');
const place: WrapPlace = {
  ownerId: 'owner-1',
  trustedId: 'trusted-1',
  epoch: 3,
  recipientKeyId: recipientKeyIdOf(trusted.publicKey),
};
const { wrap } = wrapForTrustedPerson({
  ownerId: place.ownerId,
  trustedId: place.trustedId,
  epoch: place.epoch,
  masterKey,
  recipientPublic: trusted.publicKey,
  releaseKey,
});
const open = (overrides: Partial<Parameters<typeof unwrapAsTrustedPerson>[0]>) =>
  unwrapAsTrustedPerson({
    wrap,
    place,
    releaseKey,
    recipientPrivate: privateKeyFrom(trusted.privateKey),
    ...overrides,
  });

describe('the trusted person wrap', () => {
  test('opens with the release key and the trusted person key to the owner master key', () => {
    const opened = open({});
    assert.equal(opened.id, masterKey.id);
    assert.deepEqual(opened.key.export(), masterKey.key.export());
  });

  test('the release key is the same from the same pepper and another from another', () => {
    assert.deepEqual(releaseKeyFrom(pepper).key.export(), releaseKey.key.export());
    assert.notDeepEqual(releaseKeyFrom(randomBytes(32)).key.export(), releaseKey.key.export());
  });

  test('does not open without the release key (a database copy and the trusted person alone)', () => {
    assert.throws(() => open({ releaseKey: releaseKeyFrom(randomBytes(32)) }), TrustedWrapRefused);
  });

  test('does not open with anyone else private key, even with the release key', () => {
    assert.throws(() => open({ recipientPrivate: privateKeyFrom(stranger.privateKey) }), TrustedWrapRefused);
  });

  test('does not open at another place', () => {
    for (const moved of [
      { ...place, ownerId: 'owner-2' },
      { ...place, trustedId: 'trusted-2' },
      { ...place, epoch: 4 },
      { ...place, recipientKeyId: recipientKeyIdOf(stranger.publicKey) },
    ]) {
      assert.throws(() => open({ place: moved }), TrustedWrapRefused);
    }
  });

  test('any changed character refuses it', () => {
    // Not the last one: its low bits are padding of base64, which the decoder ignores (not a change of the bytes).
    fc.assert(
      fc.property(fc.nat({ max: wrap.length - 2 }), fc.constantFrom('A', 'B', '0', '-', '.'), (at, to) => {
        fc.pre(wrap[at] !== to);
        const changed = `${wrap.slice(0, at)}${to}${wrap.slice(at + 1)}`;
        assert.throws(() => open({ wrap: changed }), TrustedWrapRefused);
      }),
      { numRuns: 200 },
    );
  });

  test('refuses to wrap to a key that is not X25519', () => {
    assert.throws(() =>
      wrapForTrustedPerson({
        ownerId: 'o',
        trustedId: 't',
        epoch: 1,
        masterKey,
        recipientPublic: generateKeyPair('ed25519').publicKey,
        releaseKey,
      }),
    );
  });
});
