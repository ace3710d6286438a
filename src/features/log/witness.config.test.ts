import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from '../../shared/config/config.js';
import { cosignatureType, ed25519Type, formatVkey } from '../../shared/evidence/note.js';

const cosigner = formatVkey('witness.example/w1', cosignatureType, new Uint8Array(32).fill(3));
const second = formatVkey('witness.example/w2', cosignatureType, new Uint8Array(32).fill(4));
const signer = formatVkey('witness.example/w1', ed25519Type, new Uint8Array(32).fill(3));

test('LOG_WITNESSES: "<cosigner vkey> <URL>" pairs; a vkey of another type, a bad id or a bad URL stops the start', () => {
  const config = loadConfig({
    LOG_WITNESSES: `${cosigner} https://witness.example/w1/, ${second} http://127.0.0.1:9000`,
  });
  assert.deepEqual(
    config.logWitnesses.map((witness) => witness.url),
    ['https://witness.example/w1', 'http://127.0.0.1:9000'],
  );
  assert.deepEqual(loadConfig({}).logWitnesses, []);
  for (const bad of [
    `${signer} https://witness.example`,
    `${cosigner.replace(/\+[0-9a-f]{8}\+/, '+00000000+')} https://witness.example`,
    `${cosigner} ftp://witness.example`,
    `${cosigner}`,
    `${cosigner} https://a.example https://b.example`,
  ]) {
    assert.throws(
      () => loadConfig({ LOG_WITNESSES: bad }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, /LOG_WITNESSES must be a comma-separated list/);
        return true;
      },
    );
  }
});

test('LOG_ORIGIN: defaults to the public host; an origin that could read as an nmk/v1 message is refused', () => {
  assert.equal(
    loadConfig({ PUBLIC_ORIGIN: 'https://nietmijnkind.example' }).logOrigin,
    'nietmijnkind.example/global-roots',
  );
  assert.equal(loadConfig({ LOG_ORIGIN: 'example.org/roots' }).logOrigin, 'example.org/roots');
  for (const bad of ['nmk/v1/checkpoint', 'with space', 'a+b']) {
    assert.throws(() => loadConfig({ LOG_ORIGIN: bad }), /LOG_ORIGIN/);
  }
});
