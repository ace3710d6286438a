import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  buildBundle,
  describeReport,
  type BuiltBundle,
  makeKey,
  signFor,
  withManifest,
} from '../../../test/helpers/bundle-builder.js';
import { toBase64, utf8 } from './bytes.js';
import { canonicalize } from './jcs.js';
import { type CheckId, type Report, verifyBundle } from './verify.js';

/*
 * Version 2 of the export format (docs/export-format.md §8): the account signs the export itself, so a bundle
 * whose journal.pdf, label, export time, attachments or index lists were changed after the export is not valid,
 * and the verifier names what differs. Version 1 bundles still verify, marked as without an export signature.
 */

const valid = buildBundle();
const trust = (bundle: BuiltBundle) => ({ pinnedLogKeys: bundle.pinnedLogKeys });

/** Invalid, with exactly these checks failing (each at least once), and nothing shown. */
function assertNamed(report: Report, checks: CheckId[], pattern?: RegExp): void {
  assert.equal(report.valid, false, 'expected invalid');
  assert.equal(report.entries, undefined, 'no entries are shown from an invalid bundle');
  assert.deepEqual(
    [...new Set(report.failures.map((failure) => failure.check))].sort(),
    [...checks].sort(),
    describeReport(report),
  );
  if (pattern !== undefined) assert.match(describeReport(report), pattern);
}

async function verifyBuilt(bundle: BuiltBundle): Promise<Report> {
  return verifyBundle(bundle.zip, trust(bundle));
}

test('a version 2 bundle verifies with its export signature; the summary gives the PDF hash and the signed label', async () => {
  const report = await verifyBuilt(valid);
  assert.equal(report.valid, true, describeReport(report));
  assert.equal(report.summary?.formatVersion, 2);
  assert.equal(report.summary?.exportSignature, 'valid');
  assert.equal(report.summary?.pdfSha256, valid.statement?.pdf);
  assert.equal(report.summary?.label, 'Sanne');
  const photo = report.entries?.find((entry) => entry.index === 0)?.attachments[0];
  assert.equal(photo?.sha256, valid.statement?.attachments.find((item) => item.path === photo?.path)?.sha256);
});

test('journal.pdf replaced after the export is named, and nothing else', async () => {
  const report = await verifyBuilt(buildBundle({ tamper: { pdf: utf8('%PDF-1.7\n% another story\n%%EOF\n') } }));
  assertNamed(report, ['export-pdf'], /journal\.pdf is not the PDF the account signed/);
  assert.equal(report.summary?.exportSignature, 'invalid');
});

test('a changed label is named, with what was signed and what the bundle says', async () => {
  const report = await verifyBuilt(buildBundle({ tamper: { label: 'Iemand anders' } }));
  assertNamed(report, ['export-label'], /the account signed "Sanne", the manifest says "Iemand anders"/);
});

test('a changed export time is named', async () => {
  const report = await verifyBuilt(buildBundle({ tamper: { exportedAt: Date.UTC(2027, 0, 1) } }));
  assertNamed(report, ['export-time'], /manifest says 2027-01-01T00:00:00\.000Z/);
});

test('a changed attachment is named by its path and entry (its own commitment fails as well)', async () => {
  const path = 'attachments/0-1-original.png';
  const bytes = valid.members[path]!.slice();
  bytes[200]! ^= 0x01;
  const report = await verifyBuilt(buildBundle({ tamper: { attachment: { path, bytes } } }));
  assertNamed(report, ['attachment', 'export-attachment']);
  const named = report.failures.find((failure) => failure.check === 'export-attachment');
  assert.equal(named?.entry, 0);
  assert.match(named?.message ?? '', /"attachments\/0-1-original\.png" is not the file the account signed/);
});

test('an attachment taken out with its manifest record (as if withheld) is named as signed but missing', async () => {
  const report = await verifyBuilt(
    buildBundle({
      manifest: (manifest) => {
        manifest.entries[0]!.attachments = manifest.entries[0]!.attachments.filter((item) => item.role === 'file');
      },
      members: (members) => delete members['attachments/0-1-original.png'],
    }),
  );
  assertNamed(
    report,
    ['export-attachment'],
    /"attachments\/0-1-original\.png" was signed with the export but is missing/,
  );
});

test('an entry moved from disclosed to withheld after the export is named as a changed index list', async () => {
  const report = await verifyBuilt(
    buildBundle({
      manifest: (manifest) => {
        manifest.entries = manifest.entries.filter((entry) => entry.index !== 8);
        manifest.withheld.push(8);
      },
    }),
  );
  assertNamed(
    report,
    ['export-indices'],
    /the disclosed indices are not those the account signed \(signed but not so here: 8\)/,
  );
  assert.match(
    describeReport(report),
    /the withheld indices are not those the account signed \(not signed as such: 8\)/,
  );
});

test('what the export signs may be chosen before signing: withheld originals verify', async () => {
  const report = await verifyBuilt(
    buildBundle({
      beforeExportSignature: (manifest, members) => {
        manifest.entries[0]!.attachments = manifest.entries[0]!.attachments.filter((item) => item.role === 'file');
        delete members['attachments/0-1-original.png'];
      },
    }),
  );
  assert.equal(report.valid, true, describeReport(report));
  assert.deepEqual(report.entries?.[0]?.withheldOriginals, ['a-photo']);
});

test('a statement re-signed by another key, changed bytes, a lost signature or a downgrade is refused', async () => {
  const bytes = Buffer.from(valid.manifest.export!.bytes, 'base64');
  const stranger = makeKey();
  const reSigned = await verifyBundle(
    withManifest(valid, (manifest) => (manifest.export!.signature = signFor(stranger, 'export', bytes))),
    trust(valid),
  );
  assertNamed(reSigned, ['export-signature'], /does not verify with the author key/);

  // The label changed in the statement as well: the signature no longer holds, and nothing is compared.
  const edited = canonicalize({ ...valid.statement!, label: 'Iemand anders' });
  const both = await verifyBundle(
    withManifest(valid, (manifest) => {
      manifest.label = 'Iemand anders';
      manifest.export!.bytes = toBase64(edited);
    }),
    trust(valid),
  );
  assertNamed(both, ['export-signature']);

  // Signed by the author key, but under another purpose: not an export signature.
  const otherPurpose = await verifyBundle(
    withManifest(valid, (manifest) => (manifest.export!.signature = signFor(valid.authorKey, 'checkpoint', bytes))),
    trust(valid),
  );
  assertNamed(otherPurpose, ['export-signature']);

  const noSignature = await verifyBundle(
    withManifest(valid, (manifest) => delete manifest.export),
    trust(valid),
  );
  assertNamed(noSignature, ['manifest'], /missing "export" \(version 2\)/);

  const notCanonical = await verifyBundle(
    withManifest(
      valid,
      (manifest) => (manifest.export!.bytes = toBase64(utf8(JSON.stringify(valid.statement, null, 1)))),
    ),
    trust(valid),
  );
  assert.equal(notCanonical.valid, false);
  assert.match(
    describeReport(notCanonical),
    /encoding: export\.bytes: .*canonical/,
    'a failure of the statement, not of an entry',
  );
});

test('a version 1 bundle still verifies, marked as without an export signature; its PDF is not read', async () => {
  const old = buildBundle({ version: 1, tamper: { pdf: utf8('anything at all'), exportedAt: 1 } });
  assert.equal(old.manifest.export, undefined);
  const report = await verifyBuilt(old);
  assert.equal(report.valid, true, describeReport(report));
  assert.equal(report.summary?.formatVersion, 1);
  assert.equal(report.summary?.exportSignature, 'absent');
  assert.equal(report.summary?.pdfSha256, undefined);
  assert.equal(report.entries?.length, valid.manifest.entries.length);
});
