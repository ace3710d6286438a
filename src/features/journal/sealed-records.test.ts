import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pad, unpad } from './sealed-records.js';

test('padding hides the length up to a bucket and round-trips', () => {
  const short = pad(Buffer.from('a'), 1024);
  const longer = pad(Buffer.from('a'.repeat(900)), 1024);
  assert.equal(short.length, 1024);
  assert.equal(longer.length, 1024);
  assert.equal(pad(Buffer.alloc(1021), 1024).length, 2048);
  assert.equal(unpad(longer).toString(), 'a'.repeat(900));
});
