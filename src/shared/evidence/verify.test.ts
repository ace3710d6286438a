import assert from 'node:assert/strict';
import { sign } from 'node:crypto';
import { test } from 'node:test';
import { deflateRawSync } from 'node:zlib';
import {
  buildBundle,
  describeReport,
  layout,
  makeKey,
  signFor,
  withManifest,
  withManifestText,
  zipMembers,
} from '../../../test/helpers/bundle-builder.js';
import { deflatedZeros, rawZip, storedMember } from '../../../test/helpers/raw-zip.js';
import { fromBase64, toBase64, toHex, utf8 } from './bytes.js';
import type { LeafData, Manifest } from './format.js';
import { type CheckId, type Report, verifyBundle, type VerifyOptions } from './verify.js';
import { installSha256, portableSha256 } from './sha256.js';
import { type InflateMeter, installZipCodecs, portableZipCodecs } from './zip.js';

const valid = buildBundle({ consistencyFrom: 4 });
const trust: VerifyOptions = { pinnedLogKeys: valid.pinnedLogKeys };

function verify(zip: Uint8Array, options: VerifyOptions = trust): Promise<Report> {
  return verifyBundle(zip, options);
}

/** Asserts the report is invalid with a failure of one of these checks (and entry, when given). */
function assertFails(report: Report, checks: CheckId[], entry?: number, context = ''): void {
  assert.equal(report.valid, false, `expected invalid ${context}`);
  assert.equal(report.entries, undefined, 'no entries are shown from an invalid bundle');
  const match = report.failures.some(
    (failure) => checks.includes(failure.check) && (entry === undefined || failure.entry === entry),
  );
  assert.ok(
    match,
    `expected ${checks.join('/')}${entry === undefined ? '' : ` for entry ${entry}`} ${context}: ${describeReport(report)}`,
  );
}

function flipByte(base64: string, position: number): string {
  const bytes = fromBase64(base64)!;
  bytes[position]! ^= 0x01;
  return toBase64(bytes);
}

test('a valid bundle verifies, with its summary computed and only verified entries returned', async () => {
  const report = await verify(valid.zip, {
    ...trust,
    authorFingerprint: valid.authorKey.id.replace(/(.{4})/g, '$1 ').toUpperCase(),
    knownCheckpoint: valid.knownCheckpoint!,
  });
  assert.equal(report.valid, true, describeReport(report));
  assert.deepEqual(report.failures, []);
  const summary = report.summary!;
  assert.equal(summary.authorFingerprint, valid.authorKey.id);
  assert.equal(summary.authorFingerprintMatches, true);
  assert.equal(summary.logKeyId, valid.logKey.id);
  assert.equal(summary.size, 10);
  assert.deepEqual(summary.disclosed, [0, 1, 3, 4, 6, 7, 8, 9]);
  assert.deepEqual(summary.withheld, [layout.withheld]);
  assert.deepEqual(summary.redacted, [layout.redacted]);
  assert.equal(summary.knownCheckpointSize, 4);
  const entries = report.entries!;
  assert.deepEqual(
    entries.map((entry) => entry.index),
    [0, 1, 3, 4, 6, 7, 8, 9],
  );
  const photo = entries[0]!;
  assert.deepEqual(
    photo.attachments.map((attachment) => [attachment.path, attachment.role]),
    [
      ['attachments/0-1.png', 'file'],
      ['attachments/0-1-original.png', 'original'],
    ],
  );
  assert.deepEqual(photo.attachments[0]!.bytes, valid.members['attachments/0-1.png']);
  assert.deepEqual(photo.withheldAttachments, ['a-screenshot']);
  assert.equal(entries.find((entry) => entry.index === layout.correction)!.kind, 'correction');
  assert.equal(entries.find((entry) => entry.index === layout.redaction)!.content.target?.index, layout.redacted);
});

test('the log key must be pinned or given; the author fingerprint must match when given', async () => {
  assertFails(await verify(valid.zip, {}), ['log-key']);
  const given = await verify(valid.zip, { extraLogKey: valid.logKey.spkiB64 });
  assert.equal(given.valid, true, describeReport(given));
  const wrongPin = await verify(valid.zip, { pinnedLogKeys: { [valid.logKey.id]: makeKey().spkiB64 } });
  assertFails(wrongPin, ['log-key']);
  assertFails(await verify(valid.zip, { ...trust, authorFingerprint: makeKey().id }), ['author-key']);
  assertFails(await verify(valid.zip, { ...trust, authorFingerprint: 'not a fingerprint' }), ['author-key']);
});

test('any single byte changed in manifest.json is detected (the label and export time too), given the known checkpoint', async () => {
  const text = new TextDecoder().decode(valid.members['manifest.json']);
  // Version 2 signs the label and exportedAt with the export (docs/export-format.md §8): every byte counts.
  const bytes = valid.members['manifest.json']!;
  // Every position of the head and tail, and a sample of the middle (every 7th byte).
  const head = 2500;
  const positions: number[] = [];
  for (let position = 0; position < bytes.length; position += 1) {
    if (position < head || position > bytes.length - 1500 || position % 7 === 0) positions.push(position);
  }
  let checked = 0;
  for (const position of positions) {
    const tampered = bytes.slice();
    tampered[position]! ^= 0x01;
    const report = await verify(withManifestText(valid, tampered), {
      ...trust,
      knownCheckpoint: valid.knownCheckpoint!,
    });
    assert.equal(report.valid, false, `byte ${position} (${text.slice(position - 20, position + 20)}) changed`);
    assert.ok(report.failures.length > 0 && report.failures.every((failure) => failure.message.length > 0));
    checked += 1;
  }
  assert.ok(checked > 1500, `checked ${checked} positions`);
});

test('a changed label is named; in a version 1 bundle (no export signature) it is only marked as unsigned', async () => {
  const report = await verify(withManifest(valid, (manifest) => (manifest.label = 'Someone else')));
  assertFails(report, ['export-label']);
  const old = buildBundle({ version: 1, tamper: { label: 'Someone else' } });
  const oldReport = await verify(old.zip, { pinnedLogKeys: old.pinnedLogKeys });
  assert.equal(oldReport.valid, true, describeReport(oldReport));
  assert.equal(oldReport.summary?.label, 'Someone else');
  assert.equal(oldReport.summary?.exportSignature, 'absent');
});

test("any byte changed in an entry's content, leaf or signature fails that entry, naming the check", async () => {
  const position = valid.manifest.entries.findIndex((entry) => entry.index === layout.correction);
  const entry = valid.manifest.entries[position]!;
  for (const field of ['content', 'leaf', 'signature'] as const) {
    const length = fromBase64(entry[field])!.length;
    for (let at = 0; at < length; at += 1) {
      const report = await verify(
        withManifest(valid, (manifest) => {
          const target = manifest.entries[position]!;
          target[field] = flipByte(target[field], at);
        }),
      );
      const checks: Record<typeof field, CheckId[]> = {
        content: ['encoding', 'commitment'],
        leaf: ['encoding', 'leaf', 'account-signature'],
        signature: ['account-signature'],
      };
      assertFails(report, checks[field], layout.correction, `${field} byte ${at}`);
    }
  }
});

test('any byte changed in a salt or proof node fails that entry', async () => {
  const entry = valid.manifest.entries[1]!;
  for (let at = 0; at < 32; at += 1) {
    const report = await verify(
      withManifest(valid, (manifest) => (manifest.entries[1]!.salt = flipByte(entry.salt, at))),
    );
    assertFails(report, ['commitment'], entry.index, `salt byte ${at}`);
  }
  for (let node = 0; node < entry.proof.length; node += 1) {
    const report = await verify(
      withManifest(valid, (manifest) => {
        const proof = manifest.entries[1]!.proof;
        proof[node] = toHex(fromBase64(flipByte(toBase64(Buffer.from(proof[node]!, 'hex')), node))!);
      }),
    );
    assertFails(report, ['inclusion'], entry.index, `proof node ${node}`);
  }
});

test('any byte changed in the checkpoint, the global root or their signatures is detected', async () => {
  for (const [field, checks] of [
    ['checkpoint', ['encoding', 'checkpoint-signature', 'checkpoint']],
    ['global', ['encoding', 'global-signature', 'global-inclusion']],
  ] as const) {
    const length = fromBase64(valid.manifest[field].bytes)!.length;
    for (let at = 0; at < length; at += 1) {
      const report = await verify(
        withManifest(valid, (manifest) => (manifest[field].bytes = flipByte(manifest[field].bytes, at))),
      );
      assertFails(report, [...checks], undefined, `${field} byte ${at}`);
    }
    for (let at = 0; at < 64; at += 1) {
      const report = await verify(
        withManifest(valid, (manifest) => (manifest[field].signature = flipByte(manifest[field].signature, at))),
      );
      assertFails(report, [field === 'checkpoint' ? 'checkpoint-signature' : 'global-signature'], undefined);
    }
  }
});

test('any byte changed in an attachment or its kept original is detected for that entry', async () => {
  for (const path of valid.attachmentPaths) {
    const file = valid.members[path]!;
    for (let at = 0; at < file.length; at += 13) {
      const tampered = file.slice();
      tampered[at]! ^= 0x01;
      const report = await verify(zipMembers({ ...valid.members, [path]: tampered }));
      assertFails(report, ['attachment'], layout.photo, `${path} byte ${at}`);
      assert.match(report.failures[0]!.message, /SHA-256\(salt ‖ file\)/);
    }
  }
  // A byte changed in the ZIP itself is caught by the CRC before any hashing.
  const zip = valid.zip.slice();
  const offset = Buffer.from(zip).indexOf(Buffer.from(valid.members['attachments/0-1.png']!.subarray(100, 140)));
  assert.ok(offset > 0, 'stored attachments are found in the ZIP');
  zip[offset]! ^= 0x01;
  assertFails(await verify(zip), ['attachment'], layout.photo);
});

/** Verifies with the portable inflater metered: how much of each deflated member was read and inflated. */
async function metered(zip: Uint8Array): Promise<{ report: Report; meter: InflateMeter }> {
  const meter: InflateMeter = { consumed: 0, produced: 0 };
  installZipCodecs({
    ...portableZipCodecs,
    inflateRaw: (data, size) => portableZipCodecs.inflateRaw(data, size, meter),
  });
  try {
    return { report: await verify(zip), meter };
  } finally {
    installZipCodecs(portableZipCodecs);
  }
}

test('not a ZIP, an empty file and random bytes fail with a clear message', async () => {
  for (const input of [new Uint8Array(0), utf8('hello, this is not a zip'), new Uint8Array(4096).fill(0x50)]) {
    const report = await verify(input);
    assertFails(report, ['zip']);
    assert.match(report.failures[0]!.message, /not a ZIP file/);
  }
});

test('a ZIP bomb (1 GiB of zeros) is refused by its declared size and, when the size lies, while inflating', async () => {
  const gibibyte = 1024 * 1024 * 1024;
  const bomb = await deflatedZeros(gibibyte);
  const honest = await metered(
    rawZip([
      { name: 'manifest.json', data: bomb, method: 8, size: 1024 * 1024 * 1024 },
      storedMember('journal.pdf', utf8('%PDF')),
    ]),
  );
  assertFails(honest.report, ['zip']);
  assert.match(honest.report.failures[0]!.message, /compresses more than 200:1|larger than/);
  assert.deepEqual(honest.meter, { consumed: 0, produced: 0 }, 'refused by its declared size, nothing inflated');
  const lying = await metered(
    rawZip([
      { name: 'manifest.json', data: bomb, method: 8, size: 5_000_000 },
      storedMember('journal.pdf', utf8('%PDF')),
    ]),
  );
  assertFails(lying.report, ['zip']);
  assert.match(lying.report.failures[0]!.message, /inflates to more than its declared 5000000 bytes/);
  // Stopped early: after the first small part of the bomb, long before its gibibyte.
  assert.ok(lying.meter.consumed < bomb.length / 10, `read ${lying.meter.consumed} of ${bomb.length} bytes`);
  assert.ok(lying.meter.produced < gibibyte / 10, `inflated ${lying.meter.produced} bytes`);
});

test('path tricks and unknown members are refused, naming the member', async () => {
  const manifest = valid.members['manifest.json']!;
  const cases: Array<[string, RegExp]> = [
    ['../evil.json', /"\.\.\/evil\.json" has a "\.\." segment/],
    ['attachments/../../etc/passwd', /has a "\.\." segment/],
    ['/etc/passwd', /has an absolute path/],
    ['C:/Windows/evil.exe', /has an absolute path/],
    ['attachments\\0-1.png', /has a backslash/],
    ['notes.txt', /unknown member "notes\.txt"/],
    ['attachments/x.png', /unknown member "attachments\/x\.png"/],
    ['other/', /unexpected directory "other\/"/],
  ];
  for (const [name, message] of cases) {
    const report = await verify(
      rawZip([
        storedMember('manifest.json', manifest),
        storedMember('journal.pdf', utf8('%PDF')),
        storedMember(name, name.endsWith('/') ? new Uint8Array(0) : utf8('x')),
      ]),
    );
    assertFails(report, ['zip'], undefined, name);
    assert.match(report.failures.map((failure) => failure.message).join('\n'), message, name);
  }
  const duplicate = await verify(
    rawZip([storedMember('manifest.json', manifest), storedMember('manifest.json', manifest)]),
  );
  assert.match(duplicate.failures[0]!.message, /appears twice/);
  const missing = await verify(zipMembers({ 'journal.pdf': utf8('%PDF') }));
  assert.match(missing.failures[0]!.message, /manifest\.json is missing/);
  const extra = await verify(zipMembers({ ...valid.members, 'attachments/7-1.png': utf8('not listed') }));
  assertFails(extra, ['zip']);
  assert.match(extra.failures[0]!.message, /"attachments\/7-1\.png" is not listed in the manifest/);
});

test('a 100 MB manifest is refused before it is read', async () => {
  const big = new Uint8Array(100 * 1024 * 1024).fill(0x20);
  const report = await verify(
    rawZip([{ name: 'manifest.json', data: big, crc: 0 }, storedMember('journal.pdf', utf8('%PDF'))]),
  );
  assertFails(report, ['zip']);
  assert.match(report.failures[0]!.message, /"manifest\.json" is larger than 67108864 bytes/);
});

test('duplicate keys, floats, exponents, unknown versions and unknown keys in manifest.json fail strict parsing', async () => {
  const text = new TextDecoder().decode(valid.members['manifest.json']);
  const cases: Array<[string, RegExp]> = [
    [text.replace('{"format":', '{"format":"x","format":'), /duplicate key "format"/],
    [text.replace('"version":2', '"version":2.0'), /floats and exponents/],
    [text.replace('"version":2', '"version":2e0'), /floats and exponents/],
    [text.replace('"version":2', '"version":3'), /manifest\.version: unknown version/],
    [text.replace('"version":2', '"version":1'), /unknown key "export" \(version 1\)/],
    [text.replace('"format":"nmk-journal-export"', '"format":"other"'), /manifest\.format: unknown format/],
    [text.replace('{"format":', '{"extra":true,"format":'), /unknown key "extra"/],
    [text.replace(/"exportedAt":\d+/, '"exportedAt":-1'), /exportedAt: expected an exact non-negative integer/],
    [text.replace(/"index":1,/, '"index":9007199254740993,'), /integer beyond 2\^53/],
    [text.replace(/"salt":"[^"]+"/, '"salt":"AAAA"'), /salt: not 32 bytes/],
    [text.replace(/"proof":\["[0-9a-f]{64}"/, '"proof":["abcd"'), /not a 32-byte hash/],
    ['[]', /manifest: expected an object/],
    ['{', /expected a key/],
    ['[', /unexpected end of input/],
    ['\u00ff', /unexpected character/],
  ];
  for (const [manifest, message] of cases) {
    const report = await verify(withManifestText(valid, manifest));
    assertFails(report, ['manifest'], undefined, String(message));
    assert.match(report.failures[0]!.message, message);
  }
  const invalidUtf8 = await verify(withManifestText(valid, new Uint8Array([0x7b, 0xff, 0x7d])));
  assert.match(invalidUtf8.failures[0]!.message, /not valid UTF-8/);
});

test('embedded JCS bytes that parse but are not canonical, or carry floats or unknown v, fail as encoding', async () => {
  const leafOf = (manifest: Manifest) =>
    JSON.parse(new TextDecoder().decode(fromBase64(manifest.entries[1]!.leaf))) as Record<string, unknown>;
  const cases: Array<[(manifest: Manifest) => void, RegExp]> = [
    [(m) => (m.entries[1]!.leaf = toBase64(utf8(JSON.stringify(leafOf(m), null, 1)))), /not the canonical/],
    [(m) => (m.entries[1]!.leaf = toBase64(utf8(JSON.stringify({ ...leafOf(m), v: 2 })))), /leaf\.v: unknown version/],
    [
      (m) =>
        (m.entries[1]!.leaf = toBase64(utf8(JSON.stringify(leafOf(m)).replace(/"received":(\d+)/, '"received":$1.5')))),
      /floats/,
    ],
  ];
  for (const [change, message] of cases) {
    const report = await verify(withManifest(valid, change));
    assertFails(report, ['encoding'], valid.manifest.entries[1]!.index);
    assert.match(describeReport(report), message);
  }
});

test('a proof of 10,000 nodes is refused without hashing', async () => {
  const node = 'ab'.repeat(32);
  let hashes = 0;
  installSha256((...parts) => {
    hashes += 1;
    return portableSha256(...parts);
  });
  try {
    assert.equal((await verify(valid.zip)).valid, true);
    assert.ok(hashes > 0, 'hashing is counted');
    hashes = 0;
    const report = await verify(
      withManifest(valid, (m) => (m.entries[0]!.proof = Array.from({ length: 10_000 }, () => node))),
    );
    assertFails(report, ['manifest']);
    assert.match(report.failures[0]!.message, /manifest\.entries\[0\]\.proof: more than 64 items/);
    assert.equal(hashes, 0, 'nothing was hashed');
  } finally {
    installSha256(portableSha256);
  }
});

test('an entry removed without being declared, or declared twice, fails coverage', async () => {
  const removed = await verify(withManifest(valid, (m) => m.entries.splice(2, 1)));
  assertFails(removed, ['coverage']);
  assert.match(describeReport(removed), /do not account for the checkpoint's 10 entries/);
  const both = await verify(withManifest(valid, (m) => m.withheld.push(0)));
  assertFails(both, ['coverage'], 0);
  assert.match(describeReport(both), /index 0 is declared both disclosed and withheld/);
  const beyond = await verify(withManifest(valid, (m) => (m.withheld = [layout.withheld, 10, 11])));
  assertFails(beyond, ['coverage'], 10);
});

test('a redacted index without a redaction entry, or a redaction of an index not declared redacted, fails', async () => {
  const unnamed = await verify(
    withManifest(valid, (m) => {
      m.withheld = [];
      m.redacted = [layout.redacted, layout.withheld];
    }),
  );
  assertFails(unnamed, ['coverage'], layout.withheld);
  assert.match(describeReport(unnamed), /declared redacted, but no disclosed redaction entry names it/);
  const undeclared = await verify(
    withManifest(valid, (m) => {
      m.withheld = [layout.withheld, layout.redacted];
      m.redacted = [];
    }),
  );
  assertFails(undeclared, ['coverage'], layout.redacted);
});

test('a checkpoint signed by an unknown key fails, whether the bundle names that key or the pinned one', async () => {
  const stranger = makeKey();
  const unknownLogKey = buildBundle({ logKey: stranger });
  assertFails(await verify(unknownLogKey.zip), ['log-key']);
  const forged = await verify(
    withManifest(valid, (m) => {
      const bytes = fromBase64(m.checkpoint.bytes)!;
      m.checkpoint.signature = signFor(stranger, 'checkpoint', bytes);
    }),
  );
  assertFails(forged, ['checkpoint-signature']);
});

test('a leaf signed without the purpose prefix, or with another purpose, fails its account signature', async () => {
  const bare = buildBundle({
    signLeaf: (key, leafHash) => toBase64(new Uint8Array(sign(null, leafHash, key.privateKey))),
  });
  const report = await verify(bare.zip, { pinnedLogKeys: bare.pinnedLogKeys });
  for (const entry of bare.manifest.entries) assertFails(report, ['account-signature'], entry.index);
  const otherPurpose = buildBundle({ signLeaf: (key, leafHash) => signFor(key, 'checkpoint', leafHash) });
  assertFails(await verify(otherPurpose.zip, { pinnedLogKeys: otherPurpose.pinnedLogKeys }), ['account-signature'], 0);
});

test('receipt times going backwards, or after the checkpoint, fail the time check', async () => {
  const backwards = buildBundle({ received: (index) => Date.UTC(2026, 2, 1) + (index === 8 ? 0 : index * 60_000) });
  const report = await verify(backwards.zip, { pinnedLogKeys: backwards.pinnedLogKeys });
  assertFails(report, ['time'], 8);
  assert.equal(report.failures.length, 1, describeReport(report));
});

test("links must name a smaller index, that entry's leaf hash, and the rel of the content kind", async () => {
  const cases: Array<[(leaf: LeafData) => void, RegExp]> = [
    [(leaf) => leaf.index === layout.correction && (leaf.links[0]!.leaf = 'ab'.repeat(32)), /names another leaf hash/],
    [(leaf) => leaf.index === layout.correction && (leaf.links[0]!.rel = 'redacts'), /exactly one "corrects" link/],
    [(leaf) => leaf.index === layout.correction && (leaf.links[0]!.index = 0), /target is not the entry/],
    [
      (leaf) => leaf.index === 7 && leaf.links.push({ rel: 'corrects', index: 8, leaf: 'ab'.repeat(32) }),
      /not smaller than its own/,
    ],
  ];
  for (const [change, message] of cases) {
    const bundle = buildBundle({ leaf: change });
    const report = await verify(bundle.zip, { pinnedLogKeys: bundle.pinnedLogKeys });
    assertFails(report, ['links'], undefined, String(message));
    assert.match(describeReport(report), message);
  }
});

test('a known checkpoint: consistent passes; another root, a missing or broken proof, or a larger size fails', async () => {
  const treeRoot4 = JSON.parse(new TextDecoder().decode(fromBase64(valid.knownCheckpoint!.bytes))) as {
    root: string;
  };
  const noted = await verify(valid.zip, {
    ...trust,
    knownCheckpoint: utf8(JSON.stringify({ size: 4, root: treeRoot4.root })),
  });
  assert.equal(noted.valid, true, describeReport(noted));
  const same = await verify(valid.zip, {
    ...trust,
    knownCheckpoint: { size: 10, root: valid.checkpoint.root },
  });
  assert.equal(same.valid, true, describeReport(same));

  const fails: Array<[NonNullable<VerifyOptions['knownCheckpoint']>, RegExp, Uint8Array?]> = [
    [{ size: 4, root: 'ab'.repeat(32) }, /does not lead from the known checkpoint/],
    [{ size: 10, root: 'ab'.repeat(32) }, /same size as the bundle but another root/],
    [{ size: 11, root: 'ab'.repeat(32) }, /larger than the bundle's/],
    [{ size: 5, root: treeRoot4.root }, /starts at size 4, not 5/],
    [{ size: 4, root: treeRoot4.root }, /no consistency proof/, buildBundle().zip],
    [utf8('{"size":4,"size":4}'), /cannot be read: duplicate key/],
    [utf8('{"size":4.0,"root":"x"}'), /cannot be read: floats/],
    [
      { bytes: valid.knownCheckpoint!.bytes, signature: flipByte(valid.knownCheckpoint!.signature, 3) },
      /signature does not verify/,
    ],
  ];
  for (const [known, message, zip] of fails) {
    const report = await verify(zip ?? valid.zip, { pinnedLogKeys: trust.pinnedLogKeys!, knownCheckpoint: known });
    assertFails(report, ['known-checkpoint'], undefined, String(message));
    assert.match(describeReport(report), message);
  }
  const brokenProof = await verify(
    withManifest(valid, (m) => (m.checkpoint.consistency!.proof[0] = 'cd'.repeat(32))),
    { ...trust, knownCheckpoint: valid.knownCheckpoint! },
  );
  assertFails(brokenProof, ['known-checkpoint']);
});

test('never throws on hostile input: truncated archives and garbage in every position stay reports', async () => {
  for (let cut = 0; cut < valid.zip.length; cut += 97) {
    const report = await verify(valid.zip.subarray(0, cut));
    assert.equal(report.valid, false);
  }
  const deflated = deflateRawSync(Buffer.from('{"not":"deflate'));
  const report = await verify(
    rawZip([
      { name: 'manifest.json', data: deflated.subarray(0, 5), method: 8, size: 15 },
      storedMember('journal.pdf', utf8('%PDF')),
    ]),
  );
  assertFails(report, ['zip']);
});
