import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateKeyPair, privateKeyFrom, publicKeyFrom, signMessage, verifyMessage } from './signing.js';

const pair = generateKeyPair('ed25519');
const privateKey = privateKeyFrom(pair.privateKey);
const publicKey = publicKeyFrom(pair.publicKey);
const message = Buffer.from('leaf 7 of journal j1');

test('a signature verifies for its purpose and message only', () => {
  const signature = signMessage(privateKey, 'leaf', message);
  assert.equal(signature.length, 64);
  assert.equal(verifyMessage(publicKey, 'leaf', message, signature), true);
  assert.equal(verifyMessage(publicKey, 'checkpoint', message, signature), false, 'another purpose');
  assert.equal(verifyMessage(publicKey, 'leaf', Buffer.from('leaf 8 of journal j1'), signature), false);
  const other = publicKeyFrom(generateKeyPair('ed25519').publicKey);
  assert.equal(verifyMessage(other, 'leaf', message, signature), false, 'another key');
});

test('the purpose prefix is really part of what is signed', async () => {
  const { verify } = await import('node:crypto');
  const signature = signMessage(privateKey, 'leaf', message);
  assert.equal(verify(null, message, publicKey, signature), false, 'the bare message does not verify');
  assert.equal(verify(null, Buffer.concat([Buffer.from('nmk/v1/leaf\n'), message]), publicKey, signature), true);
});

test('a flipped signature byte or a short signature fails', () => {
  const signature = signMessage(privateKey, 'test', message);
  for (let position = 0; position < signature.length; position += 7) {
    const flipped = Buffer.from(signature);
    flipped[position]! ^= 0x80;
    assert.equal(verifyMessage(publicKey, 'test', message, flipped), false);
  }
  assert.equal(verifyMessage(publicKey, 'test', message, signature.subarray(0, 63)), false);
});

test('X25519 keys cannot sign', () => {
  const x = generateKeyPair('x25519');
  assert.throws(() => signMessage(privateKeyFrom(x.privateKey), 'test', message));
});
