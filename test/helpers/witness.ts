import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { equalBytes, fromBase64, toHex } from '../../src/shared/evidence/bytes.js';
import { emptyRoot, verifyConsistency } from '../../src/shared/evidence/merkle.js';
import {
  cosignatureType,
  cosignedMessage,
  formatNote,
  formatVkey,
  maxProofLines,
  parseCheckpoint,
  parseNote,
  parseVkey,
  signatureLine,
  timestampedSignature,
  type Verifier,
  verifyNote,
} from '../../src/shared/evidence/note.js';
import { sha256 } from '../../src/shared/evidence/sha256.js';

/*
 * A witness for the tests, as c2sp.org/tlog-witness describes one: it knows the logs it follows (origin and the
 * log's vkey), keeps the latest checkpoint it cosigned per origin, checks the log's signature and the consistency
 * proof from that checkpoint, and refuses a fork (a checkpoint that does not extend what it saw). Answers with a
 * timestamped Ed25519 cosignature (c2sp.org/tlog-cosignature, cosignature/v1).
 */

export interface TestWitness {
  url: string;
  name: string;
  /** The witness's cosigner vkey (type 0x04). */
  vkey: string;
  /** What it holds per origin: the size and root hash it last cosigned. */
  state: Map<string, { size: number; rootHash: Uint8Array; note: string }>;
  /** Status codes it answered, in order. */
  answers: number[];
  /** While true it answers every request with 503 (a witness that is down). */
  down: boolean;
  /** Follows one more log (its vkey, type 0x01; origin = key name unless given). */
  follow(vkey: string, origin?: string): void;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of request) {
    length += (chunk as Buffer).length;
    if (length > 64 * 1024) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startTestWitness(options: {
  name?: string;
  logs?: { origin?: string; vkey: string }[];
  clock?: () => Date;
}): Promise<TestWitness> {
  const name = options.name ?? 'witness.test/w1';
  const pair = generateKeyPairSync('ed25519');
  const privateKey: KeyObject = pair.privateKey;
  const raw = pair.publicKey.export({ type: 'spki', format: 'der' }).subarray(12);
  const vkey = formatVkey(name, cosignatureType, raw);
  const logs = new Map<string, Verifier>();
  for (const log of options.logs ?? []) {
    const verifier = parseVkey(log.vkey);
    if (verifier === undefined) throw new Error('not a vkey');
    logs.set(log.origin ?? verifier.name, verifier);
  }
  const state = new Map<string, { size: number; rootHash: Uint8Array; note: string }>();
  const answers: number[] = [];
  const clock = options.clock ?? (() => new Date());

  async function addCheckpoint(body: string): Promise<{ status: number; type?: string; text: string }> {
    const split = body.indexOf('\n\n');
    if (split < 0) return { status: 400, text: 'no empty line\n' };
    const head = body.slice(0, split).split('\n');
    const oldMatch = /^old (0|[1-9][0-9]*)$/.exec(head[0] ?? '');
    if (oldMatch === null) return { status: 400, text: 'no old size line\n' };
    const old = Number(oldMatch[1]);
    const proof = head.slice(1).map((line) => fromBase64(line));
    if (proof.length > maxProofLines || proof.some((node) => node === undefined || node.length !== 32)) {
      return { status: 400, text: 'bad proof lines\n' };
    }
    const note = parseNote(body.slice(split + 2));
    const checkpoint = note === undefined ? undefined : parseCheckpoint(note.text);
    if (note === undefined || checkpoint === undefined) return { status: 400, text: 'not a checkpoint\n' };
    const logVerifier = logs.get(checkpoint.origin);
    if (logVerifier === undefined) return { status: 404, text: 'unknown origin\n' };
    if (!(await verifyNote(note, [logVerifier])).ok) return { status: 403, text: 'no valid signature of the log\n' };
    if (old > checkpoint.size) return { status: 400, text: 'old size larger than the checkpoint\n' };
    // From here on no await: checking the old size and storing the new checkpoint happen at once.
    const held = state.get(checkpoint.origin);
    const heldSize = held?.size ?? 0;
    if (old !== heldSize) return { status: 409, type: 'text/x.tlog.size', text: `${heldSize}\n` };
    if (checkpoint.size === 0 && !equalBytes(checkpoint.rootHash, emptyRoot())) {
      return { status: 422, text: 'an empty tree has the empty root\n' };
    }
    const nodes = proof as Uint8Array[];
    if (old === 0) {
      if (nodes.length > 0) return { status: 422, text: 'a proof from the empty tree must be empty\n' };
    } else if (old === checkpoint.size) {
      if (nodes.length > 0 || !equalBytes(held!.rootHash, checkpoint.rootHash)) {
        return { status: 422, text: 'same size, other root: a fork\n' };
      }
    } else if (!verifyConsistency(old, checkpoint.size, nodes, held!.rootHash, checkpoint.rootHash)) {
      return { status: 422, text: 'not consistent with what this witness saw: a fork\n' };
    }
    const time = Math.floor(clock().getTime() / 1000);
    const signature = sign(null, cosignedMessage(time, note.text), privateKey);
    const line = signatureLine(name, parseVkey(vkey)!.keyId, timestampedSignature(time, signature));
    const logLines = note.signatures
      .filter((signed) => signed.name === logVerifier.name && signed.keyId === logVerifier.keyId)
      .map((signed) => signed.line);
    state.set(checkpoint.origin, {
      size: checkpoint.size,
      rootHash: checkpoint.rootHash,
      note: formatNote(note.text, [...logLines, line]),
    });
    return { status: 200, text: line };
  }

  const witness: TestWitness = {
    url: '',
    name,
    vkey,
    state,
    answers,
    down: false,
    follow: (logVkey, origin) => {
      const verifier = parseVkey(logVkey);
      if (verifier === undefined) throw new Error('not a vkey');
      logs.set(origin ?? verifier.name, verifier);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    void (async () => {
      let answer: { status: number; type?: string; text: string };
      if (witness.down) {
        answer = { status: 503, text: 'down\n' };
      } else if (request.method === 'POST' && request.url === '/add-checkpoint') {
        const body = await readBody(request);
        answer = body === undefined ? { status: 413, text: 'too large\n' } : await addCheckpoint(body);
      } else {
        // GET /<hex SHA-256 of the origin>/checkpoint: the latest cosigned checkpoint (monitor retrieval).
        const match = /^\/([0-9a-f]{64})\/checkpoint$/.exec(request.url ?? '');
        const origin = [...state.keys()].find((key) => toHex(sha256(Buffer.from(key, 'utf8'))) === match?.[1]);
        const held = origin === undefined ? undefined : state.get(origin);
        answer = held === undefined ? { status: 404, text: 'not found\n' } : { status: 200, text: held.note };
      }
      answers.push(answer.status);
      response.writeHead(answer.status, { 'content-type': answer.type ?? 'text/plain; charset=utf-8' });
      response.end(answer.text);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  witness.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return witness;
}
