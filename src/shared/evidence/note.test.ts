import assert from 'node:assert/strict';
import { generateKeyPairSync, sign } from 'node:crypto';
import { test } from 'node:test';
import { utf8 } from './bytes.js';
import {
  cosignatureType,
  cosignedMessage,
  ed25519Type,
  formatCheckpoint,
  formatNote,
  formatVkey,
  noteKeyId,
  parseCheckpoint,
  parseNote,
  parseVkey,
  signatureLine,
  timestampedSignature,
  verifyNote,
} from './note.js';

// The example of c2sp.org/signed-note ("Verifier keys", Example): a vkey and the note it verifies.
const specVkey = 'example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k';
const specNote =
  'This is an example message.\n\n' +
  '\u2014 example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n';

function keyPair() {
  const pair = generateKeyPairSync('ed25519');
  const raw = pair.publicKey.export({ type: 'spki', format: 'der' }).subarray(12);
  return { privateKey: pair.privateKey, raw };
}

test('the signed-note spec example: its vkey is read (key id computed as the spec says) and verifies the note', async () => {
  const verifier = parseVkey(specVkey);
  assert.ok(verifier);
  assert.equal(verifier.name, 'example.com/foo');
  assert.equal(verifier.type, ed25519Type);
  assert.equal(noteKeyId(verifier.name, ed25519Type, verifier.publicKey), '530d903a');
  assert.equal(formatVkey(verifier.name, ed25519Type, verifier.publicKey), specVkey);
  const result = await verifyNote(specNote, [verifier]);
  assert.equal(result.ok, true);
  // One changed letter in the text: a known key whose signature fails refuses the whole note.
  const altered = await verifyNote(specNote.replace('example message', 'exemple message'), [verifier]);
  assert.deepEqual(altered, { ok: false, reason: 'bad-signature', verifier });
});

test('signatures from unknown keys are ignored; a note with none from a known key is refused', async () => {
  const other = keyPair();
  const otherVkey = parseVkey(formatVkey('example.com/foo', ed25519Type, other.raw))!;
  // Same name, other key (so another key id): ignored, and nothing else verifies.
  assert.deepEqual(await verifyNote(specNote, [otherVkey]), { ok: false, reason: 'no-known-signature' });
  // A line from an unknown key next to the known one changes nothing.
  const text = 'This is an example message.\n';
  const extra = signatureLine('example.com/bar', 'deadbeef', new Uint8Array(64));
  const note = specNote + extra;
  const result = await verifyNote(note, [parseVkey(specVkey)!]);
  assert.equal(result.ok, true);
  assert.equal(parseNote(note)?.text, text);
});

test('malformed notes are refused: no blank line, control characters, a bad signature line, a bad vkey', () => {
  for (const bad of [
    'text only\n',
    'text\n\n',
    'text\n\n\u2014 name notbase64!\n',
    'text\n\n- example.com/foo Uw2QOkn8\n',
    'tab\there\n\n\u2014 example.com/foo Uw2QOkn8srV1yJGh\n',
    'text\n\n\u2014 example.com/foo Uw2QOkn8srV1yJGh',
  ]) {
    assert.equal(parseNote(bad), undefined, JSON.stringify(bad));
  }
  assert.equal(parseNote(new Uint8Array([0xff, 0x0a, 0x0a])), undefined);
  assert.equal(parseVkey('example.com/foo+530d903b+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k'), undefined);
  assert.equal(parseVkey('example.com/foo+530d903a'), undefined);
  assert.equal(parseVkey('name with space+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k'), undefined);
});

test('a checkpoint is written and read as tlog-checkpoint says, and signed by the log and cosigned by a witness', async () => {
  const hash = new Uint8Array(32).fill(7);
  const text = formatCheckpoint('example.org/roots', 20852163, hash);
  assert.equal(text, `example.org/roots\n20852163\n${Buffer.from(hash).toString('base64')}\n`);
  const parsed = parseCheckpoint(text);
  assert.deepEqual(parsed, { origin: 'example.org/roots', size: 20852163, rootHash: hash, extensions: [] });
  assert.equal(parseCheckpoint('o\n01\nAAAA\n'), undefined);
  assert.equal(parseCheckpoint('o\n1\n'), undefined);

  const log = keyPair();
  const logVkey = parseVkey(formatVkey('example.org/roots', ed25519Type, log.raw))!;
  const witness = keyPair();
  const witnessVkey = parseVkey(formatVkey('witness.example/w1', cosignatureType, witness.raw))!;
  assert.notEqual(logVkey.keyId, noteKeyId('example.org/roots', cosignatureType, log.raw));
  const logLine = signatureLine(logVkey.name, logVkey.keyId, sign(null, utf8(text), log.privateKey));
  const time = 1679315147;
  const cosigned = cosignedMessage(time, text);
  assert.equal(Buffer.from(cosigned).toString('utf8'), `cosignature/v1\ntime 1679315147\n${text}`);
  const cosignature = timestampedSignature(time, sign(null, cosigned, witness.privateKey));
  const witnessLine = signatureLine(witnessVkey.name, witnessVkey.keyId, cosignature);
  const note = formatNote(text, [logLine, witnessLine]);

  const result = await verifyNote(note, [logVkey, witnessVkey]);
  assert.ok(result.ok);
  assert.deepEqual(
    result.verified.map((v) => [v.verifier.name, v.timestamp]),
    [
      ['example.org/roots', undefined],
      ['witness.example/w1', time],
    ],
  );
  // The cosignature's time is signed: another time in the line fails.
  const forged = signatureLine(
    witnessVkey.name,
    witnessVkey.keyId,
    timestampedSignature(time + 1, cosignature.subarray(8)),
  );
  assert.equal((await verifyNote(formatNote(text, [logLine, forged]), [logVkey, witnessVkey])).ok, false);
  // A plain signature by the witness key does not pass as a cosignature (the message differs).
  const plain = signatureLine(
    witnessVkey.name,
    witnessVkey.keyId,
    timestampedSignature(time, sign(null, utf8(text), witness.privateKey)),
  );
  assert.equal((await verifyNote(formatNote(text, [logLine, plain]), [witnessVkey])).ok, false);
});
