import { sign } from 'node:crypto';
import type { LogKey } from '../../shared/crypto/log-key.js';
import { toBase64, utf8 } from '../../shared/evidence/bytes.js';
import { hashLeaf, MerkleTree } from '../../shared/evidence/merkle.js';
import {
  type Checkpoint,
  cosignatureType,
  ed25519Type,
  formatCheckpoint,
  formatNote,
  formatVkey,
  maxProofLines,
  parseCheckpoint,
  parseNote,
  parseVkey,
  signatureLine,
  type Verifier,
  verifyNote,
} from '../../shared/evidence/note.js';
import type { WitnessRepository } from './witness.repo.js';

/*
 * The log of global roots (ADR 0044). Each global root replaces the one before (it holds every journal's latest
 * checkpoint), so a witness cannot check that one root extends another. This log can: it is an append-only RFC
 * 9162 tree whose leaf n is the UTF-8 text of global root n+1 (the JCS bytes the log key signed), published as a
 * C2SP checkpoint (origin, size, root hash) signed by the log key, sent to witnesses (c2sp.org/tlog-witness)
 * with a consistency proof, and served with every cosignature they returned.
 */

export interface WitnessSettings {
  origin: string;
  witnesses: readonly { vkey: string; url: string }[];
  clock?: () => Date;
  fetch?: typeof fetch;
  /** How long one add-checkpoint request may take. */
  timeoutMs?: number;
}

/** A witness refused a checkpoint or could not be reached; `status` is its HTTP status, if it answered. */
export class WitnessError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'WitnessError';
  }
}

export type PushOutcome = 'cosigned' | 'up-to-date' | 'empty';

export function createWitnessService(repo: WitnessRepository, logKey: LogKey, settings: WitnessSettings) {
  const clock = settings.clock ?? (() => new Date());
  const fetchImpl = settings.fetch ?? fetch;
  const { origin } = settings;
  const rawLogKey = logKey.publicKey.subarray(logKey.publicKey.length - 32);
  const logVkey = formatVkey(origin, ed25519Type, rawLogKey);
  const logKeyId = parseVkey(logVkey)!.keyId;
  const witnesses = settings.witnesses.map((witness) => {
    const verifier = parseVkey(witness.vkey);
    if (verifier === undefined || verifier.type !== cosignatureType) throw new Error('not a cosigner vkey');
    return { ...witness, verifier };
  });

  // Leaf hashes of the log of roots, read once and then only the new ones: global roots never change.
  const leaves: Uint8Array[] = [];
  let tree: MerkleTree | undefined;
  let reading: Promise<void> | undefined;

  async function readNewRoots(): Promise<void> {
    for (;;) {
      const rows = await repo.rootTextsAfter(leaves.length, 5_000);
      for (const row of rows) {
        // Sequence numbers have no gaps (each is the latest + 1); stop at one that does not follow.
        if (row.seq !== leaves.length + 1) return;
        leaves.push(hashLeaf(utf8(row.bytes)));
        tree = undefined;
      }
      if (rows.length < 5_000) return;
    }
  }

  /** The tree over every global root stored so far. */
  async function currentTree(): Promise<MerkleTree> {
    reading ??= readNewRoots().finally(() => {
      reading = undefined;
    });
    await reading;
    tree ??= new MerkleTree(leaves);
    return tree;
  }

  function checkpointText(current: MerkleTree, size: number): string {
    return formatCheckpoint(origin, size, current.root(size));
  }

  /** The checkpoint's note signed by the log key only (Ed25519 is deterministic: every instance signs alike). */
  function logSigned(text: string): string {
    const signature = sign(null, utf8(text), logKey.privateKey);
    return formatNote(text, [signatureLine(origin, logKeyId, signature)]);
  }

  /** The checkpoint of this size (default: the latest), signed by the log, with every cosignature kept for it. */
  async function checkpoint(size?: number): Promise<{ size: number; note: string } | undefined> {
    const current = await currentTree();
    const wanted = size ?? current.size;
    if (wanted < 1 || wanted > current.size) return undefined;
    const text = checkpointText(current, wanted);
    const signature = signatureLine(origin, logKeyId, sign(null, utf8(text), logKey.privateKey));
    const cosignatures = (await repo.cosignatures(wanted)).map((row) => row.line);
    return { size: wanted, note: formatNote(text, [signature, ...cosignatures]) };
  }

  /** The consistency proof from the tree of `from` roots to the tree of `to` (RFC 9162 §2.1.4). */
  async function consistency(from: number, to: number): Promise<string[] | undefined> {
    const current = await currentTree();
    if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from < 1 || from > to || to > current.size) {
      return undefined;
    }
    return current.consistencyProof(from, to).map((node) => toBase64(node));
  }

  async function addCheckpoint(
    witness: (typeof witnesses)[number],
    old: number,
    current: MerkleTree,
    signal: AbortSignal | undefined,
  ): Promise<{ status: number; body: string }> {
    const size = current.size;
    const proof = old === 0 || old === size ? [] : current.consistencyProof(old, size);
    if (proof.length > maxProofLines) throw new WitnessError('consistency proof too long');
    const body = `old ${old}\n${proof.map((node) => `${toBase64(node)}\n`).join('')}\n${logSigned(checkpointText(current, size))}`;
    const timeout = AbortSignal.timeout(settings.timeoutMs ?? 15_000);
    let response: Response;
    try {
      response = await fetchImpl(`${witness.url}/add-checkpoint`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        body,
        signal: signal === undefined ? timeout : AbortSignal.any([signal, timeout]),
        redirect: 'error',
      });
    } catch {
      throw new WitnessError('the witness could not be reached');
    }
    const text = await response.text();
    return { status: response.status, body: text.length > 100_000 ? '' : text };
  }

  /**
   * Brings one witness up to the latest checkpoint (c2sp.org/tlog-witness add-checkpoint): sends it with the
   * consistency proof from the size the witness last cosigned, learns that size from a 409 answer, and keeps the
   * cosignature it returns after checking it. Throws a WitnessError when the witness refuses or is unreachable.
   */
  async function pushTo(vkey: string, signal?: AbortSignal): Promise<PushOutcome> {
    const witness = witnesses.find((candidate) => candidate.vkey === vkey);
    if (witness === undefined) throw new WitnessError('no such witness is configured');
    const current = await currentTree();
    const size = current.size;
    if (size === 0) return 'empty';
    let old = await repo.witnessSize(vkey);
    if (old === size && (await repo.cosignatures(size)).some((row) => row.witness === vkey)) return 'up-to-date';
    for (let attempt = 0; attempt < 3; attempt += 1) {
      if (old > size) {
        // The witness holds a larger tree of this origin than this log has: a lost database or a fork.
        throw new WitnessError(`the witness has cosigned size ${old}, larger than this log's ${size}`);
      }
      const answer = await addCheckpoint(witness, old, current, signal);
      if (answer.status === 409 && /^(0|[1-9][0-9]{0,15})\n$/.test(answer.body)) {
        old = Number(answer.body.trim());
        await repo.setWitnessSize(vkey, old, clock().getTime());
        continue;
      }
      if (answer.status !== 200) throw new WitnessError(`the witness refused the checkpoint`, answer.status);
      const text = checkpointText(current, size);
      const lines = answer.body.split('\n').filter((line) => line !== '');
      const note = parseNote(
        formatNote(
          text,
          lines.map((line) => `${line}\n`),
        ),
      );
      if (note === undefined) throw new WitnessError('the witness answered with something that is not a signature');
      const verified = await verifyNote(note, [witness.verifier]);
      if (!verified.ok) throw new WitnessError('the witness answered without a valid cosignature');
      const now = clock().getTime();
      for (const line of verified.verified) {
        await repo.saveCosignature(vkey, size, line.timestamp ?? 0, line.line, now);
      }
      await repo.setWitnessSize(vkey, size, now);
      return 'cosigned';
    }
    throw new WitnessError('the witness kept changing its size');
  }

  return {
    origin,
    /** The log's verifier key for its checkpoints (type 0x01, name = origin): what a witness is configured with. */
    logVkey,
    witnesses: witnesses.map((witness) => witness.vkey),
    checkpoint,
    consistency,
    pushTo,
    /** Global roots from..to as published (at most 1,000): the leaves of the log of roots. */
    async roots(from: number, to: number) {
      if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from < 1 || to < from || to - from >= 1_000) {
        return undefined;
      }
      return repo.roots(from, to);
    },
    /** The size of the log of roots now. */
    async size(): Promise<number> {
      return (await currentTree()).size;
    },
  };
}

export type WitnessService = ReturnType<typeof createWitnessService>;

/** Checks a checkpoint note against the log's vkey and witnesses' vkeys (verify-checkpoint, tests). */
export async function checkCheckpoint(
  note: string,
  logVerifier: Verifier,
  witnessVerifiers: readonly Verifier[],
): Promise<
  | { ok: true; checkpoint: Checkpoint; cosigned: { verifier: Verifier; timestamp: number }[] }
  | { ok: false; problem: string }
> {
  const parsed = parseNote(note);
  if (parsed === undefined) return { ok: false, problem: 'not a signed note' };
  const checkpoint = parseCheckpoint(parsed.text);
  if (checkpoint === undefined) return { ok: false, problem: 'the note is not a checkpoint' };
  if (checkpoint.origin !== logVerifier.name) {
    return { ok: false, problem: `the checkpoint's origin is ${checkpoint.origin}, not ${logVerifier.name}` };
  }
  const byLog = await verifyNote(parsed, [logVerifier]);
  if (!byLog.ok) return { ok: false, problem: "the log's signature is missing or not valid" };
  const cosigned: { verifier: Verifier; timestamp: number }[] = [];
  for (const verifier of witnessVerifiers) {
    const result = await verifyNote(parsed, [verifier]);
    if (result.ok) cosigned.push({ verifier, timestamp: result.verified[0]!.timestamp ?? 0 });
    else if (result.reason === 'bad-signature') {
      return { ok: false, problem: `the cosignature of ${verifier.name} is not valid` };
    }
  }
  return { ok: true, checkpoint, cosigned };
}
