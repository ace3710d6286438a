import assert from 'node:assert/strict';
import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { test } from 'node:test';
import { deflateRawSync } from 'node:zlib';
import { fromBase64, installBase64Decoder, portableBase64Decoder } from '../evidence/bytes.js';
import { importEd25519PublicKey, installEd25519Verifier, verifyEd25519 } from '../evidence/ed25519.js';
import { installSha256, portableSha256, sha256 } from '../evidence/sha256.js';
import { installZipCodecs, portableZipCodecs, type ZipMember, readZipMember } from '../evidence/zip.js';
import { useNodeNatives } from './node-natives.js';

/*
 * The Node entry points swap in native SHA-256, base64 and zlib; the offline page keeps the portable ones. A
 * bundle must get the same answer from both, so every case here runs under each and the answers are compared.
 */

type Implementation = 'portable' | 'native';

function use(implementation: Implementation): void {
  if (implementation === 'native') {
    useNodeNatives();
  } else {
    installSha256(portableSha256);
    installBase64Decoder(portableBase64Decoder);
    installZipCodecs(portableZipCodecs);
    installEd25519Verifier(undefined);
  }
}

function underBoth<T>(run: () => T): Record<Implementation, T> {
  try {
    use('portable');
    const portable = run();
    use('native');
    const native = run();
    return { portable, native };
  } finally {
    use('portable');
  }
}

test('native SHA-256 gives the same bytes as the portable one, for one part and several, small and large', () => {
  for (const size of [0, 1, 55, 56, 64, 65, 1000, 70_000, 140_000]) {
    const a = new Uint8Array(randomBytes(size));
    const b = new Uint8Array(randomBytes(size >> 1));
    const answers = underBoth(() => [
      Buffer.from(sha256(a)).toString('hex'),
      Buffer.from(sha256(a, b)).toString('hex'),
    ]);
    assert.deepEqual(answers.native, answers.portable, `size ${size}`);
  }
});

test('native base64 decodes the same bytes, and the same spellings are refused', () => {
  const inputs: string[] = [];
  for (let length = 0; length < 80; length += 1) inputs.push(Buffer.from(randomBytes(length)).toString('base64'));
  inputs.push('A', 'AA', 'AAA', 'AB==', 'AAB=', 'AA=A', '====', 'AA==AA==', 'A-_A', 'AAAA\n', ' AAA', 'ÄAAA', 'QQ==');
  inputs.push('QR==', 'QUE=', 'QUF=', 'A===', '=AAA', 'AAAA====', '');
  for (const text of inputs) {
    const answers = underBoth(() => {
      const bytes = fromBase64(text);
      return bytes === undefined ? undefined : Buffer.from(bytes).toString('hex');
    });
    assert.deepEqual(answers.native, answers.portable, JSON.stringify(text));
  }
  assert.equal(fromBase64('QR=='), undefined);
  assert.deepEqual(fromBase64('QQ=='), new Uint8Array([0x41]));
});

function member(data: Uint8Array, size: number, crc32: number): { archive: Uint8Array; member: ZipMember } {
  return {
    archive: data,
    member: { name: 'm', isDirectory: false, method: 8, compressedSize: data.length, size, crc32, dataOffset: 0 },
  };
}

test('native inflate and CRC-32 read the same members and refuse the same ones with the same message', () => {
  const text = new Uint8Array(Buffer.from('Een observatie van dinsdag. '.repeat(5000)));
  const deflated = new Uint8Array(deflateRawSync(text));
  const crc = portableZipCodecs.crc32(text);
  const zeros = new Uint8Array(deflateRawSync(Buffer.alloc(50 * 1024 * 1024)));
  const cases: Array<[string, { archive: Uint8Array; member: ZipMember }, RegExp | undefined]> = [
    ['valid', member(deflated, text.length, crc), undefined],
    ['empty member', member(new Uint8Array(deflateRawSync(Buffer.alloc(0))), 0, 0), undefined],
    ['declared one byte short', member(deflated, text.length - 1, crc), /inflates to more than its declared/],
    ['declared one byte long', member(deflated, text.length + 1, crc), /inflates to fewer bytes than declared/],
    ['a bomb whose size lies', member(zeros, 100_000, 0), /inflates to more than its declared 100000 bytes/],
    ['wrong CRC-32', member(deflated, text.length, crc ^ 1), /fails its CRC-32 check/],
    ['truncated', member(deflated.subarray(0, deflated.length >> 1), text.length, crc), /not valid deflate data/],
    ['no data at all', member(new Uint8Array(0), 0, 0), /not valid deflate data/],
    ['garbage', member(new Uint8Array(Buffer.from('this is not deflate')), 19, 0), /not valid deflate data/],
  ];
  for (const [name, { archive, member: entry }, refusal] of cases) {
    const answers = underBoth(() => {
      const read = readZipMember(archive, entry, 64 * 1024 * 1024);
      return read.ok ? { ok: true, hex: Buffer.from(read.bytes).toString('hex') } : { ok: false, why: read.message };
    });
    assert.deepEqual(answers.native, answers.portable, name);
    if (refusal === undefined) assert.equal(answers.native.ok, true, name);
    else assert.match(answers.native.why ?? '', refusal, name);
  }
});

test("native Ed25519 gives WebCrypto's answers: a valid signature, and a changed signature, message or key", async () => {
  const pair = () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    return { privateKey, spki: new Uint8Array(publicKey.export({ type: 'spki', format: 'der' })) };
  };
  const signer = pair();
  const other = pair();
  const key = (await importEd25519PublicKey(signer.spki))!;
  const otherKey = (await importEd25519PublicKey(other.spki))!;
  const message = new Uint8Array(randomBytes(40));
  const signature = new Uint8Array(sign(null, message, signer.privateKey));
  const flipped = signature.slice();
  flipped[10]! ^= 1;
  const cases: Array<[string, CryptoKey, Uint8Array, Uint8Array, boolean]> = [
    ['valid', key, signature, message, true],
    [
      'empty message signed',
      key,
      new Uint8Array(sign(null, new Uint8Array(0), signer.privateKey)),
      new Uint8Array(0),
      true,
    ],
    ['changed signature', key, flipped, message, false],
    ['changed message', key, signature, message.map((byte, i) => (i === 0 ? byte ^ 1 : byte)), false],
    ['another key', otherKey, signature, message, false],
    ['short signature', key, signature.subarray(0, 63), message, false],
    ['signature of zeros', key, new Uint8Array(64), message, false],
    ['signature of 0xff', key, new Uint8Array(64).fill(0xff), message, false],
  ];
  for (const [name, verifyKey, sig, text, expected] of cases) {
    const answers: boolean[] = [];
    for (const implementation of ['portable', 'native'] as const) {
      use(implementation);
      try {
        answers.push(await verifyEd25519(verifyKey, sig, text));
      } finally {
        use('portable');
      }
    }
    assert.deepEqual(answers, [expected, expected], name);
  }
});
