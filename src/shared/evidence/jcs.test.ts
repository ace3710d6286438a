import assert from 'node:assert/strict';
import { test } from 'node:test';
import { utf8 } from './bytes.js';
import { canonicalize, canonicalString, isCanonical, JcsError, parseStrict } from './jcs.js';

const parse = (text: string, limits = {}) => parseStrict(utf8(text), limits);

test('strings are escaped as in RFC 8785 §3.2.2.2', () => {
  // The RFC's example, parsed from its JSON spelling, then canonicalized.
  const input = String.raw`{"string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/"}`;
  assert.equal(canonicalString(parse(input)), String.raw`{"string":"€$\u000f\nA'B\"\\\\\"/"}`);
  assert.equal(canonicalString('\b\t\n\f\r\u0001\u001f\u007f\u2028'), '"\\b\\t\\n\\f\\r\\u0001\\u001f\u007f\u2028"');
});

test('keys are sorted by UTF-16 code units as in RFC 8785 §3.2.3', () => {
  const input = String.raw`{
    "\u20ac": "Euro Sign",
    "\r": "Carriage Return",
    "\ufb33": "Hebrew Letter Dalet With Dagesh",
    "1": "One",
    "\ud83d\ude00": "Emoji: Grinning Face",
    "\u0080": "Control",
    "\u00f6": "Latin Small Letter O With Diaeresis"
  }`;
  const canonical = canonicalString(parse(input));
  assert.equal(
    canonical,
    '{"\\r":"Carriage Return","1":"One","\u0080":"Control","ö":"Latin Small Letter O With Diaeresis",' +
      '"€":"Euro Sign","😀":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
  );
  // RFC 8785 §3.2.4: the order ignores locale.
  assert.equal(
    canonicalString({ sin: 'ignore locale', pêche: 'but canonicalization MUST', péché: 'is wrong', peach: 'This' }),
    '{"peach":"This","péché":"is wrong","pêche":"but canonicalization MUST","sin":"ignore locale"}',
  );
});

test('literals and nesting follow RFC 8785 §3.2.2 (integers only in this profile)', () => {
  assert.equal(
    canonicalString(parse('{ "literals": [null, true, false], "x": [56, {"d": true, "10": null, "1": [ ]}] }')),
    '{"literals":[null,true,false],"x":[56,{"1":[],"10":null,"d":true}]}',
  );
  assert.deepEqual(canonicalize({ n: -9007199254740991 }), utf8('{"n":-9007199254740991}'));
});

test('canonicalize refuses floats, unsafe integers, -0, lone surrogates, undefined and non-plain objects', () => {
  for (const value of [
    1.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    2 ** 53,
    -0,
    '\ud800',
    'a\udc00b',
    { a: undefined },
    [undefined],
    new Date(0),
    new Map(),
    new Uint8Array(1),
    () => 1,
    10n,
    Symbol('s'),
    undefined,
    // eslint-disable-next-line no-sparse-arrays
    [1, , 2],
  ]) {
    assert.throws(() => canonicalize(value), JcsError, String(value as unknown));
  }
  const cycle: Record<string, unknown> = {};
  cycle.self = cycle;
  assert.throws(() => canonicalize(cycle), JcsError);
  assert.equal(canonicalString(Object.assign(Object.create(null) as object, { b: 1, a: 2 })), '{"a":2,"b":1}');
});

test('parseStrict refuses duplicate keys, floats, exponents, big integers, -0 and bad JSON, saying where', () => {
  const refused: Array<[string, RegExp]> = [
    ['{"a":1,"a":2}', /duplicate key "a"/],
    ['{"a":{"b":1,"b":1}}', /duplicate key "b"/],
    ['1.0', /floats/],
    ['1e3', /exponents/],
    ['1E3', /exponents/],
    ['9007199254740992', /2\^53/],
    ['-9007199254740992', /2\^53/],
    ['123456789012345678901234567890', /2\^53/],
    ['-0', /-0/],
    ['01', /leading zeros/],
    ['"\\ud800"', /lone surrogate/],
    ['"a\tb"', /control character/],
    ['"\\x41"', /bad escape/],
    ['[1,]', /unexpected character/],
    ['{"a":1,}', /expected a key/],
    ['{"a" 1}', /expected ":"/],
    ['[1 2]', /expected "," or "]"/],
    ['1 2', /unexpected data/],
    ['', /unexpected end/],
    ['"abc', /unterminated/],
    ['NaN', /unexpected character/],
    ['\ufeff{}', /unexpected character/],
  ];
  for (const [text, message] of refused) {
    assert.throws(
      () => parse(text),
      (error: unknown) => error instanceof JcsError && message.test(error.message),
      text,
    );
  }
  assert.throws(() => parseStrict(new Uint8Array([0x22, 0xff, 0x22])), /UTF-8/);
});

test('parseStrict enforces depth and size limits', () => {
  assert.throws(() => parse('['.repeat(33) + ']'.repeat(33)), /nested deeper than 32/);
  assert.doesNotThrow(() => parse('['.repeat(32) + ']'.repeat(32)));
  assert.throws(() => parse('['.repeat(100_000)), /nested deeper/);
  assert.throws(() => parse('"12345"', { maxBytes: 6 }), /larger than 6 bytes/);
  assert.throws(() => parse('[[[]]]', { maxDepth: 2 }), /nested deeper than 2/);
});

test('parseStrict keeps "__proto__" as an ordinary key', () => {
  const value = parse('{"__proto__":{"polluted":true}}') as Record<string, unknown>;
  assert.equal(Object.getPrototypeOf(value), Object.prototype);
  assert.deepEqual(Object.keys(value), ['__proto__']);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  assert.equal(canonicalString(value), '{"__proto__":{"polluted":true}}');
});

test('isCanonical accepts only the canonical spelling', () => {
  assert.ok(isCanonical(utf8('{"a":1,"b":[true,null,"x"]}')));
  assert.ok(!isCanonical(utf8('{"b":1,"a":1}')));
  assert.ok(!isCanonical(utf8('{"a": 1}')));
  assert.ok(!isCanonical(utf8('{"a":"\\u0041"}')));
  assert.ok(!isCanonical(utf8('{"a":"\\/"}')));
  assert.ok(!isCanonical(utf8('{"a":1}\n')));
  assert.ok(!isCanonical(utf8('{"a":1,"a":1}')));
  assert.ok(!isCanonical(utf8('{"a":1.0}')));
});

test('the canonical parse mode answers exactly as parsing, re-serialising and comparing would', () => {
  // The definition the verifier used before the one-pass check: parse strictly, canonicalize, compare bytes.
  const byReserialising = (bytes: Uint8Array): boolean => {
    try {
      const again = canonicalize(parseStrict(bytes));
      return again.length === bytes.length && again.every((byte, i) => byte === bytes[i]);
    } catch {
      return false;
    }
  };
  const inCanonicalMode = (bytes: Uint8Array): boolean => {
    try {
      parseStrict(bytes, { canonical: true });
      return true;
    } catch (error) {
      assert.ok(error instanceof JcsError, String(error));
      return false;
    }
  };
  // mulberry32: a small seeded generator, so a failure can be replayed.
  let seed = 20261129;
  const random = (n: number): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
  const pieces = [
    'a',
    'b',
    'é',
    '€',
    '😀',
    '\ufb33',
    '"',
    '\\',
    '/',
    '\n',
    '\u0001',
    '\u001f',
    '\u007f',
    '\u2028',
    '1',
  ];
  const text = (): string => Array.from({ length: random(4) }, () => pieces[random(pieces.length)]!).join('');
  const value = (depth: number): unknown => {
    switch (depth > 2 ? random(4) : random(6)) {
      case 0:
        return text();
      case 1:
        return [0, 1, -7, 10, 9007199254740991, -9007199254740991][random(6)];
      case 2:
        return [true, false, null][random(3)];
      case 3:
        return text();
      case 4:
        return Array.from({ length: random(4) }, () => value(depth + 1));
      default:
        return Object.fromEntries(Array.from({ length: random(5) }, () => [text(), value(depth + 1)]));
    }
  };
  // Spellings of the same values that are not canonical, and plain damage.
  const mutations: ((s: string) => string)[] = [
    (s) => s,
    (s) => s.replace(':', ': '),
    (s) => ` ${s}`,
    (s) => `${s}\n`,
    (s) => s.replace(',', ' ,'),
    (s) => s.replace('\\n', '\\u000a'),
    (s) => s.replace('\\u001f', '\\u001F'),
    (s) => s.replace('/', '\\/'),
    (s) => s.replace('a', '\\u0061'),
    (s) => s.replace('"a', '"\\u0061'),
    (s) => s.replace(/\{"([^"]*)":([^,{}[\]]*),"([^"]*)":([^,{}[\]]*)\}/, '{"$3":$4,"$1":$2}'),
    (s) => s.replace(/\{"([^"]*)":([^,{}[\]]*),/, '{"$1":$2,"$1":$2,'),
    (s) => s.replace('1', '1.0'),
    (s) => s.replace('10', '010'),
    (s) => s.replace('0', '-0'),
    (s) => s.replace('€', '\\u20ac'),
    (s) => s.replace('😀', '\\ud83d\\ude00'),
    (s) => s.replace('\\u0001', '\\u0001\\ud800'),
    (s) => s.slice(0, Math.max(0, s.length - 1)),
  ];
  let accepted = 0;
  let refused = 0;
  for (let round = 0; round < 3000; round += 1) {
    const canonical = canonicalString(value(0));
    const mutated = mutations[random(mutations.length)]!(canonical);
    const bytes = utf8(mutated);
    // And a byte flipped now and then, including into invalid UTF-8.
    if (random(4) === 0 && bytes.length > 0) {
      const at = random(bytes.length);
      bytes[at] = bytes[at]! ^ (1 << random(8));
    }
    const expected = byReserialising(bytes);
    assert.equal(
      inCanonicalMode(bytes),
      expected,
      `disagreement on ${JSON.stringify(new TextDecoder().decode(bytes))}`,
    );
    if (expected) accepted += 1;
    else refused += 1;
  }
  // Both answers occur often, so the comparison means something.
  assert.ok(accepted > 500 && refused > 500, `${accepted} accepted, ${refused} refused`);
});

test('the canonical parse mode names what is not canonical', () => {
  const refuse = (text: string, pattern: RegExp) =>
    assert.throws(() => parseStrict(utf8(text), { canonical: true }), pattern);
  refuse('{"a":1 }', /not the canonical \(JCS\) serialisation: whitespace at character 6/);
  refuse('{"b":1,"a":2}', /the key "a" is out of order/);
  refuse('{"a":1,"a":1}', /duplicate key "a"/);
  refuse('["\\/"]', /not the canonical/);
  refuse('["\\u0041"]', /unnecessary or upper-case \\u escape/);
  refuse('["\\u000A"]', /unnecessary or upper-case \\u escape/);
  assert.deepEqual(parseStrict(utf8('{"a":["\\u001f\\n"],"b":{}}'), { canonical: true }), { a: ['\u001f\n'], b: {} });
});
