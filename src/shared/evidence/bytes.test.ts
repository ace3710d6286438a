import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { fromBase64, fromHex, toBase64, toHex } from './bytes.js';

test('base64 round-trips every length and refuses all but the one canonical spelling', () => {
  for (let length = 0; length < 70; length += 1) {
    const bytes = new Uint8Array(randomBytes(length));
    const text = Buffer.from(bytes).toString('base64');
    assert.equal(toBase64(bytes), text);
    assert.deepEqual(fromBase64(text), bytes);
  }
  for (const bad of ['A', 'AA', 'AAA', 'AB==', 'AAB=', 'AA=A', '====', 'AA==AA==', 'A-_A', 'AAAA\n', ' AAA', 'ÄAAA']) {
    assert.equal(fromBase64(bad), undefined, bad);
  }
  assert.deepEqual(fromBase64('AA=='), new Uint8Array([0]));
  assert.deepEqual(fromBase64('AAA='), new Uint8Array([0, 0]));
});

test('hex: every length, across the chunk boundary, as Node spells it', () => {
  for (const length of [0, 1, 2, 31, 32, 33, 4095, 4096, 4097, 10_000]) {
    const bytes = new Uint8Array(randomBytes(length));
    assert.equal(toHex(bytes), Buffer.from(bytes).toString('hex'), `length ${length}`);
  }
  assert.equal(toHex(new Uint8Array([0, 9, 10, 15, 16, 255])), '00090a0f10ff');
});

test('hex is lower case only', () => {
  const bytes = new Uint8Array(randomBytes(32));
  assert.deepEqual(fromHex(toHex(bytes)), bytes);
  assert.equal(fromHex('AB'), undefined);
  assert.equal(fromHex('abc'), undefined);
  assert.equal(fromHex('zz'), undefined);
});
