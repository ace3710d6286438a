import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateRecoveryCode, parseRecoveryCode, recoveryKek } from './recovery-code.js';

test('a recovery code holds 128 random bits, shown as 7 groups of 4 characters', () => {
  const code = generateRecoveryCode();
  assert.equal(code.bytes.length, 16);
  assert.match(code.display, /^([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{4}$/);
  assert.notEqual(generateRecoveryCode().display, code.display);
});

test('typing is forgiving: case, spaces, dashes, O for 0 and I or L for 1', () => {
  for (let round = 0; round < 50; round += 1) {
    const code = generateRecoveryCode();
    const sloppy = code.display
      .toLowerCase()
      .replace(/-/g, ' ')
      .replace(/0/g, 'o')
      .replace(/1/g, round % 2 === 0 ? 'i' : 'l');
    const parsed = parseRecoveryCode(sloppy);
    assert.ok('bytes' in parsed, sloppy);
    assert.deepEqual(parsed.bytes, code.bytes);
  }
});

test('a typo is caught by the check characters', () => {
  let caught = 0;
  for (let round = 0; round < 200; round += 1) {
    const code = generateRecoveryCode().display.replace(/-/g, '');
    const position = round % 26;
    const wrong = code[position] === 'A' ? 'B' : 'A';
    const typo = `${code.slice(0, position)}${wrong}${code.slice(position + 1)}`;
    if ('problem' in parseRecoveryCode(typo)) caught += 1;
  }
  assert.ok(caught >= 195, `caught ${caught} of 200`);
});

test('wrong length, wrong characters and very long input are told apart', () => {
  assert.deepEqual(parseRecoveryCode('ABCD-EFGH'), { problem: 'length' });
  assert.deepEqual(parseRecoveryCode('UUUU-UUUU-UUUU-UUUU-UUUU-UUUU-UUUU'), { problem: 'characters' });
  assert.deepEqual(parseRecoveryCode('x'.repeat(10_000)), { problem: 'length' });
});

test('the key a code stands for is bound to one user', () => {
  const { bytes } = generateRecoveryCode();
  assert.notDeepEqual(recoveryKek(bytes, 'user-1').key.export(), recoveryKek(bytes, 'user-2').key.export());
  assert.deepEqual(recoveryKek(bytes, 'user-1').key.export(), recoveryKek(bytes, 'user-1').key.export());
});
