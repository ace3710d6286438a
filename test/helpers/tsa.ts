// A local RFC 3161 Time-Stamp Authority for tests: a CA and a TSA certificate made with `openssl req`
// (extendedKeyUsage=critical,timeStamping), and a small node:http server that answers each query with
// `openssl ts -reply`. It can be made to fail (503) to test retries. Not a test file itself.

import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface LocalTsa {
  url: string;
  /** The TSA's certificate: PEM file path and DER bytes. */
  certFile: string;
  certDer: Uint8Array;
  /** Another TSA's certificate (same CA), for "not the pinned TSA" tests. */
  otherCertDer: Uint8Array;
  /** How many queries were answered (with a token or with an error). */
  requests: number;
  /** When true, every query is answered 503 (the TSA is down). */
  down: boolean;
  /** Signs a query with the other TSA's key instead (a TSA that is not the pinned one). */
  signWithOther: boolean;
  stop(): Promise<void>;
}

async function openssl(args: string[], cwd: string): Promise<void> {
  await run('openssl', args, { cwd });
}

/** Whether the openssl binary is there with its `ts` command. */
export async function opensslTsAvailable(): Promise<boolean> {
  try {
    await run('openssl', ['ts', '-help']);
    return true;
  } catch (error) {
    // `openssl ts -help` exits non-zero on some builds but still prints its usage.
    return (
      typeof (error as { stderr?: unknown }).stderr === 'string' && /ts/.test((error as { stderr: string }).stderr)
    );
  }
}

export async function startLocalTsa(options: { hash?: 'sha256' | 'sha1'; ec?: boolean } = {}): Promise<LocalTsa> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nmk-tsa-'));
  const keyArgs =
    options.ec === true ? ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'] : ['-newkey', 'rsa:2048'];
  await openssl(
    [
      'req',
      '-x509',
      '-new',
      ...keyArgs,
      '-nodes',
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
      '-days',
      '30',
      '-subj',
      '/CN=Test TSA CA',
    ],
    dir,
  );
  writeFileSync(
    path.join(dir, 'ext.cnf'),
    'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=critical,timeStamping\nsubjectKeyIdentifier=hash\n',
  );
  for (const name of ['tsa', 'other']) {
    await openssl(
      [
        'req',
        '-new',
        ...keyArgs,
        '-nodes',
        '-keyout',
        `${name}.key`,
        '-out',
        `${name}.csr`,
        '-subj',
        `/CN=Test ${name} TSA`,
      ],
      dir,
    );
    await openssl(
      [
        'x509',
        '-req',
        '-in',
        `${name}.csr`,
        '-CA',
        'ca.pem',
        '-CAkey',
        'ca.key',
        '-CAcreateserial',
        '-days',
        '30',
        '-extfile',
        'ext.cnf',
        '-out',
        `${name}.pem`,
      ],
      dir,
    );
    await openssl(['x509', '-in', `${name}.pem`, '-outform', 'DER', '-out', `${name}.der`], dir);
  }
  const hash = options.hash ?? 'sha256';
  writeFileSync(
    path.join(dir, 'ts.cnf'),
    [
      '[ tsa ]',
      'default_tsa = tsa_config',
      '[ tsa_config ]',
      `dir = ${dir}`,
      `serial = ${dir}/serial`,
      `crypto_device = builtin`,
      `default_policy = 1.3.6.1.4.1.99999.1`,
      `digests = sha256, sha384, sha512`,
      `signer_digest = ${hash === 'sha1' ? 'sha256' : 'sha256'}`,
      `ess_cert_id_alg = ${hash}`,
      'accuracy = secs:1',
      'ordering = no',
      'tsa_name = no',
      'ess_cert_id_chain = no',
      '',
    ].join('\n'),
  );
  writeFileSync(path.join(dir, 'serial'), '01\n');
  let counter = 0;
  const tsa: LocalTsa = {
    url: '',
    certFile: path.join(dir, 'tsa.pem'),
    certDer: new Uint8Array(readFileSync(path.join(dir, 'tsa.der'))),
    otherCertDer: new Uint8Array(readFileSync(path.join(dir, 'other.der'))),
    requests: 0,
    down: false,
    signWithOther: false,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      tsa.requests += 1;
      if (tsa.down || request.method !== 'POST') {
        response.writeHead(503).end();
        return;
      }
      counter += 1;
      const query = path.join(dir, `q${counter}.tsq`);
      const reply = path.join(dir, `r${counter}.tsr`);
      writeFileSync(query, Buffer.concat(chunks));
      const signer = tsa.signWithOther ? 'other' : 'tsa';
      run('openssl', [
        'ts',
        '-reply',
        '-config',
        path.join(dir, 'ts.cnf'),
        '-queryfile',
        query,
        '-inkey',
        path.join(dir, `${signer}.key`),
        '-signer',
        path.join(dir, `${signer}.pem`),
        '-out',
        reply,
      ])
        .then(() => {
          response.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end(readFileSync(reply));
        })
        .catch(() => response.writeHead(500).end());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  tsa.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tsa`;
  return tsa;
}
