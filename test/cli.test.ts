import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { projectRoot } from '../src/shared/paths.js';
import { buildBundle, zipMembers } from './helpers/bundle-builder.js';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'nmk-cli-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

function cli(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir },
    encoding: 'utf8',
  });
}

test('import-regions loads the reference data and can run again', () => {
  for (let run = 0; run < 2; run += 1) {
    const result = cli('import-regions');
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /342 municipalities, 4131 postcode pairs, 25 veiligheidsregio's, 10 police units/);
  }
});

test('import-regions with a folder that lacks the files fails with a clear message', () => {
  const result = cli('import-regions', os.tmpdir());
  assert.equal(result.status, 1);
  assert.match(result.stderr, /politie_eenheden\.csv/);
});

test('import-organisations and seed-content report what they wrote; an unknown command shows the usage', () => {
  const organisations = cli('import-organisations');
  assert.equal(organisations.status, 0, organisations.stderr);
  assert.match(organisations.stdout, /Organisations: \d+ added or changed\./);
  const content = cli('seed-content');
  assert.equal(content.status, 0, content.stderr);
  assert.match(content.stdout, /page: \d+ created, 0 updated, 0 unchanged/);
  const unknown = cli('bogus');
  assert.equal(unknown.status, 1);
  assert.match(unknown.stderr, /Unknown command "bogus"/);
});

test('export-content writes the published content as files; import-content of them changes nothing', () => {
  const imported = cli('import-content');
  assert.equal(imported.status, 0, imported.stderr);
  const target = path.join(dataDir, 'exported-content');
  const exported = cli('export-content', target);
  assert.equal(exported.status, 0, exported.stderr);
  assert.match(exported.stdout, /Content: \d+ files written to /);
  const again = cli('import-content', target);
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stdout, /Content: 0 created, 0 updated, \d+ unchanged\./);
  const missing = cli('export-content');
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /needs a folder/);
});

test('create-admin prints a one-time set-up link, and refuses without a valid e-mail address', () => {
  const created = cli('create-admin', '--email', 'beheer@example.org', '--origin', 'https://nietmijnkind.example');
  assert.equal(created.status, 0, created.stderr);
  assert.match(created.stdout, /https:\/\/nietmijnkind\.example\/beheer\/start\/[A-Za-z0-9_-]{43}/);
  const refused = cli('create-admin', '--email', 'geen-adres');
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /needs --email with a valid e-mail address/);
});

describe('verify-export', () => {
  const bundle = buildBundle({ consistencyFrom: 5 });
  const file = (name: string, bytes: Uint8Array | string) => {
    const target = path.join(dataDir, name);
    writeFileSync(target, bytes);
    return target;
  };
  const noStackTrace = (text: string) => assert.doesNotMatch(text, /\n\s+at .+:\d+:\d+/);

  test('says first what may be relied on, then the summary and the honest wording, exit code 0', () => {
    const zip = file('valid.zip', bundle.zip);
    const known = file('known.json', JSON.stringify(bundle.knownCheckpoint));
    const pem = file('log.pem', `-----BEGIN PUBLIC KEY-----\n${bundle.logKey.spkiB64}\n-----END PUBLIC KEY-----\n`);
    const result = cli(
      'verify-export',
      zip,
      '--log-key',
      pem,
      '--author-fingerprint',
      bundle.authorKey.id,
      '--known-checkpoint',
      known,
    );
    assert.equal(result.status, 0, result.stdout + result.stderr);
    const signedAt = new Date(bundle.manifest.exportedAt).toISOString();
    assert.match(
      result.stdout.split('\n')[0]!,
      new RegExp(
        `^Valid: the entries in this bundle \\(--show lists them\\), this journal\\.pdf and these attachments are ` +
          `exactly what the account ${bundle.authorKey.id.replace(/(.{4})(?!$)/g, '$1 ')} signed on ${signedAt}; ` +
          `the server's log proves they were not changed after ${new Date(bundle.checkpoint.time).toISOString()}\\.$`,
      ),
    );
    assert.match(result.stdout, /Label \(signed\): "Sanne"/);
    assert.match(result.stdout, new RegExp(`journal\\.pdf SHA-256: ${bundle.statement!.pdf} \\(signed\\)`));
    assert.match(result.stdout, new RegExp(bundle.authorKey.id.slice(0, 4) + ' ' + bundle.authorKey.id.slice(4, 8)));
    assert.match(result.stdout, /matches the fingerprint given/);
    assert.match(result.stdout, /the log extends the one of size 5 you noted/);
    assert.match(result.stdout, /written in a session of this account, not who typed it/);
    assert.match(result.stdout, /Neither proves that what was written is true/);
    const inline = cli('verify-export', zip, '--log-key', bundle.logKey.spkiB64);
    assert.equal(inline.status, 0, inline.stdout);
  });

  test('names the entries whose attachments or originals were withheld', () => {
    // The parent left the originals out when exporting: the export signature covers the bundle without them.
    const withoutOriginals = buildBundle({
      logKey: bundle.logKey,
      beforeExportSignature: (manifest, members) => {
        for (const entry of manifest.entries) {
          entry.attachments = entry.attachments.filter((attachment) => attachment.role !== 'original');
        }
        for (const name of Object.keys(members)) if (name.includes('-original.')) delete members[name];
      },
    });
    const result = cli(
      'verify-export',
      file('no-originals.zip', withoutOriginals.zip),
      '--log-key',
      bundle.logKey.spkiB64,
    );
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /Originals withheld: {2}in entries 0 \(kept with their metadata, not given\)/);
    // The bundle's entry 0 also lists a screenshot that was never given.
    assert.match(result.stdout, /Attachments withheld: in entries 0\n/);
    const full = cli('verify-export', file('valid.zip', bundle.zip), '--log-key', bundle.logKey.spkiB64);
    assert.doesNotMatch(full.stdout, /Originals withheld/);
  });

  test('names each failure, exit code 1', () => {
    const members = { ...bundle.members };
    const photo = members['attachments/0-1.png']!.slice();
    photo[100]! ^= 1;
    const tampered = file('tampered.zip', zipMembers({ ...members, 'attachments/0-1.png': photo }));
    const result = cli('verify-export', tampered, '--log-key', bundle.logKey.spkiB64);
    assert.equal(result.status, 1);
    assert.match(result.stdout, /^NOT VALID: do not rely on this bundle: not on its entries, not on journal\.pdf/);
    assert.match(result.stdout, /\[attachment\] entry 0: "attachments\/0-1\.png": SHA-256\(salt ‖ file\)/);
    const unpinned = cli('verify-export', file('valid.zip', bundle.zip));
    assert.equal(unpinned.status, 1);
    assert.match(unpinned.stdout, /\[log-key\] the log key [0-9a-f]{64} is not pinned/);
    const wrongAuthor = cli(
      'verify-export',
      file('valid.zip', bundle.zip),
      '--log-key',
      bundle.logKey.spkiB64,
      '--author-fingerprint',
      'ab'.repeat(32),
    );
    assert.equal(wrongAuthor.status, 1);
    assert.match(wrongAuthor.stdout, /does NOT match the fingerprint given/);
    const notZip = cli('verify-export', file('not.zip', 'hello'));
    assert.equal(notZip.status, 1);
    assert.match(notZip.stdout, /\[zip\] not a ZIP file/);
    noStackTrace(notZip.stdout + notZip.stderr);
    const badKnown = cli(
      'verify-export',
      file('valid.zip', bundle.zip),
      '--log-key',
      bundle.logKey.spkiB64,
      '--known-checkpoint',
      file('bad.json', '{"size":1.5}'),
    );
    assert.equal(badKnown.status, 1);
    assert.match(badKnown.stdout, /\[known-checkpoint\] the known checkpoint cannot be read: floats/);
  });

  test('--show lists each verified entry (date, category, text, attachments) and the withheld and redacted ones', () => {
    const result = cli('verify-export', file('valid.zip', bundle.zip), '--log-key', bundle.logKey.spkiB64, '--show');
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.match(result.stdout.split('\n')[0]!, /^Valid: the entries below, this journal\.pdf and these attachments/);
    assert.match(result.stdout, /Entries \(8, each verified\):/);
    assert.match(result.stdout, /Entry 0 \(Entry 1 in the PDF\) · 2026-02-28 21:15 \(approximately\) · missing\n/);
    assert.match(
      result.stdout,
      /Text: Melding 0: ze kwam om 02:00 thuis met een nieuwe telefoon\. Ĳsbaan, café, €50\./,
    );
    assert.match(result.stdout, /Entry 3 \(Entry 4 in the PDF\) · correction of entry 1/);
    assert.match(result.stdout, /Entry 4 \(Entry 5 in the PDF\) · erasure of entry 2\n/);
    assert.match(result.stdout, /The child’s own words: “Gewoon bij een vriendin, echt waar\.”/);
    assert.match(result.stdout, /Attachment: attachments\/0-1\.png \(image\/png, 2048 bytes, SHA-256 [0-9a-f]{64}\)/);
    assert.match(result.stdout, /Withheld by the parent \(not shown, still in the log\): 5\n/);
    assert.match(result.stdout, /Erased by the parent \(content destroyed, still in the log\): 2\n/);
    assert.doesNotMatch(result.stdout, /Melding 5:/, 'the withheld entry is not shown');
  });

  test('a replaced PDF, a changed label, export time or attachment is named; nothing is shown', () => {
    const photo = bundle.members['attachments/0-1.png']!.slice();
    photo[7]! ^= 0x01;
    const cases: [string, NonNullable<NonNullable<Parameters<typeof buildBundle>[0]>['tamper']>, RegExp][] = [
      [
        'pdf',
        { pdf: new TextEncoder().encode('%PDF-1.7\n% another\n') },
        /\[export-pdf\] journal\.pdf is not the PDF the account signed/,
      ],
      [
        'label',
        { label: 'Iemand' },
        /\[export-label\] the label was changed: the account signed "Sanne", the manifest says "Iemand"/,
      ],
      [
        'time',
        { exportedAt: Date.UTC(2030, 0, 1) },
        /\[export-time\] the export time was changed: .* the manifest says 2030-01-01T00:00:00\.000Z/,
      ],
      [
        'attachment',
        { attachment: { path: 'attachments/0-1.png', bytes: photo } },
        /\[export-attachment\] entry 0: "attachments\/0-1\.png" is not the file the account signed/,
      ],
    ];
    for (const [name, tamper, named] of cases) {
      const tampered = buildBundle({ logKey: bundle.logKey, tamper });
      const result = cli(
        'verify-export',
        file(`${name}.zip`, tampered.zip),
        '--log-key',
        bundle.logKey.spkiB64,
        '--show',
      );
      assert.equal(result.status, 1, `${name}: ${result.stdout}`);
      assert.match(result.stdout, /^NOT VALID: /, name);
      assert.match(result.stdout, named, name);
      assert.match(result.stdout, /Entries: none are shown, because the bundle is not valid\./, name);
      assert.doesNotMatch(result.stdout, /ze kwam om 02:00 thuis/, name);
    }
  });

  test('an old bundle (format 1) verifies, and its first line says the PDF, label and time are not checked', () => {
    const old = buildBundle({ version: 1, logKey: bundle.logKey });
    const result = cli('verify-export', file('old.zip', old.zip), '--log-key', bundle.logKey.spkiB64);
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.match(
      result.stdout.split('\n')[0]!,
      /^Valid, but an old bundle \(format 1\) WITHOUT an export signature: .* journal\.pdf, the label and the export time are NOT checked/,
    );
    assert.match(result.stdout, /Format: +1, without an export signature/);
    assert.match(result.stdout, /Label \(not signed\): "Sanne"/);
  });

  test('usage errors exit with 2 and the usage, never a stack trace', () => {
    for (const args of [
      [],
      [path.join(dataDir, 'does-not-exist.zip')],
      [dataDir],
      ['a.zip', 'b.zip'],
      [path.join(dataDir, 'valid.zip'), '--bogus'],
      [path.join(dataDir, 'valid.zip'), '--log-key'],
      [path.join(dataDir, 'valid.zip'), '--log-key', 'not-a-key'],
      [path.join(dataDir, 'valid.zip'), '--known-checkpoint', path.join(dataDir, 'missing.json')],
    ]) {
      const result = cli('verify-export', ...args);
      assert.equal(result.status, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, /Usage: npm run cli -- verify-export/);
      noStackTrace(result.stderr);
    }
  });
});
