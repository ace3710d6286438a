import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildBundle, describeReport, withManifest } from '../../../test/helpers/bundle-builder.js';
import { type LocalTsa, startLocalTsa } from '../../../test/helpers/tsa.js';
import { fromBase64, toBase64 } from './bytes.js';
import { checkTimestampToken, readTimestampResponse, rootImprint, timestampRequest } from './timestamp.js';
import { verifyBundle } from './verify.js';

/*
 * RFC 3161 timestamps of the global root (docs/export-format.md §4.1) against a real TSA: `openssl ts -reply`
 * behind a small HTTP server, with a CA and a TSA certificate made by `openssl req` (extendedKeyUsage=critical,
 * timeStamping). A bundle without a timestamp is "not timestamped", not invalid; one whose token does not stamp
 * its root, or whose TSA signature was tampered with, is invalid; a TSA the verifier was not given is named.
 */

async function ask(tsa: LocalTsa, imprint: Uint8Array, nonce = new Uint8Array([7, 7, 7])): Promise<Uint8Array> {
  const answer = await fetch(tsa.url, { method: 'POST', body: Buffer.from(timestampRequest(imprint, nonce)) });
  assert.equal(answer.status, 200);
  const reading = readTimestampResponse(new Uint8Array(await answer.arrayBuffer()));
  assert.ok(reading.ok, reading.ok ? '' : reading.message);
  return reading.token;
}

for (const kind of ['RSA', 'ECDSA P-256'] as const) {
  describe(`the global root's timestamp, TSA key ${kind}`, () => {
    let tsa: LocalTsa;
    const bundle = buildBundle({ size: 8 });
    const globalBytes = fromBase64(bundle.manifest.global.bytes)!;
    let token: Uint8Array;

    before(async () => {
      tsa = await startLocalTsa({ ec: kind !== 'RSA' });
      token = await ask(tsa, rootImprint(globalBytes));
    });
    after(() => tsa?.stop());

    const stamped = (bytes: Uint8Array) =>
      withManifest(bundle, (manifest) => {
        manifest.global.timestamp = toBase64(bytes);
      });

    test('a bundle with the TSA token verifies; the summary names the trusted TSA and its time', async () => {
      const before = Date.now();
      const report = await verifyBundle(stamped(token), {
        pinnedLogKeys: bundle.pinnedLogKeys,
        trustedTsaCerts: [tsa.certDer],
      });
      assert.equal(report.valid, true, describeReport(report));
      const timestamp = report.summary?.timestamp;
      assert.ok(timestamp?.status === 'valid');
      assert.equal(timestamp.trusted, true);
      assert.match(timestamp.tsaName, /Test tsa TSA/);
      // openssl gives whole seconds: the time lies around the request, not in another year.
      assert.ok(Math.abs(timestamp.time - before) < 120_000);
    });

    test('a TSA the verifier was not given is named, not trusted; the bundle is still valid', async () => {
      const report = await verifyBundle(stamped(token), {
        pinnedLogKeys: bundle.pinnedLogKeys,
        trustedTsaCerts: [tsa.otherCertDer],
      });
      assert.equal(report.valid, true, describeReport(report));
      assert.ok(report.summary?.timestamp?.status === 'valid');
      assert.equal(report.summary.timestamp.trusted, false);
    });

    test('a bundle without a timestamp is valid and says "not timestamped"', async () => {
      const report = await verifyBundle(bundle.zip, { pinnedLogKeys: bundle.pinnedLogKeys });
      assert.equal(report.valid, true, describeReport(report));
      assert.deepEqual(report.summary?.timestamp, { status: 'absent' });
    });

    test("a token over another root (another bundle's) fails the global-timestamp check", async () => {
      const otherRoot = fromBase64(buildBundle({ size: 9 }).manifest.global.bytes)!;
      const report = await verifyBundle(stamped(await ask(tsa, rootImprint(otherRoot))), {
        pinnedLogKeys: bundle.pinnedLogKeys,
        trustedTsaCerts: [tsa.certDer],
      });
      assert.equal(report.valid, false);
      assert.deepEqual(
        report.failures.map((failure) => failure.check),
        ['global-timestamp'],
      );
      assert.match(describeReport(report), /imprint is not SHA-256 of the global root's bytes/);
    });

    test('a token whose signature or signed time was changed fails; garbage fails without a crash', async () => {
      const flipped = (offset: number) => {
        const copy = token.slice();
        copy[offset] = copy[offset]! ^ 0x01;
        return copy;
      };
      // The last bytes are the TSA's signature; the genTime sits inside the TSTInfo, covered by the digest.
      const signature = await verifyBundle(stamped(flipped(token.length - 3)), { pinnedLogKeys: bundle.pinnedLogKeys });
      assert.equal(signature.valid, false);
      assert.match(describeReport(signature), /global-timestamp: .*signature over the timestamp does not verify/);
      const genTime = Buffer.from(token).indexOf(Buffer.from(String(new Date().getUTCFullYear())));
      assert.ok(genTime > 0);
      const changedTime = await verifyBundle(stamped(flipped(genTime + 3)), { pinnedLogKeys: bundle.pinnedLogKeys });
      assert.equal(changedTime.valid, false);
      assert.match(describeReport(changedTime), /global-timestamp: .*TSTInfo was changed/);
      const garbage = await verifyBundle(stamped(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x00])), {
        pinnedLogKeys: bundle.pinnedLogKeys,
      });
      assert.equal(garbage.valid, false);
      assert.deepEqual(
        garbage.failures.map((failure) => failure.check),
        ['global-timestamp'],
      );
    });

    test("the server's own check refuses a reply to another request (nonce)", async () => {
      const imprint = rootImprint(globalBytes);
      const reply = await ask(tsa, imprint, new Uint8Array([1, 2, 3]));
      const check = await checkTimestampToken(reply, imprint, {
        trustedCerts: [tsa.certDer],
        nonce: new Uint8Array([1, 2, 4]),
      });
      assert.equal(check.ok, false);
      assert.ok(!check.ok && /nonce/.test(check.message));
      const right = await checkTimestampToken(reply, imprint, {
        trustedCerts: [tsa.certDer],
        nonce: new Uint8Array([1, 2, 3]),
      });
      assert.equal(right.ok, true);
    });
  });
}
