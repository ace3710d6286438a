import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mergeParts } from './parts.js';

test('parts of one language merge; a key in two parts fails naming the language and the key', () => {
  assert.deepEqual(mergeParts('tr', { 'site.name': 'a' }, { 'layout.skipLink': 'b' }), {
    'site.name': 'a',
    'layout.skipLink': 'b',
  });
  assert.throws(() => mergeParts('tr', { 'site.name': 'a' }, { 'site.name': 'b' }), /tr: the key site\.name/);
});
