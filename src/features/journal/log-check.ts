import { createPublicKey } from 'node:crypto';
import { verifyMessage } from '../../shared/crypto/signing.js';
import { fromHex, toHex, utf8 } from '../../shared/evidence/bytes.js';
import type { Checkpoint, LeafData } from '../../shared/evidence/format.js';
import { isCanonical, parseStrict } from '../../shared/evidence/jcs.js';
import {
  appendLeaf,
  emptyFrontier,
  type Frontier,
  frontierRoot,
  hashLeaf,
  MerkleTree,
  verifyInclusion,
} from '../../shared/evidence/merkle.js';
import type { CheckpointRow, EntryRow } from './journal.repo.js';

/*
 * Checks a journal's log as stored, without any user key: every leaf is canonical, belongs to this journal and
 * position, hashes to its stored hash, carries a valid account signature, and receipt times never go back;
 * every checkpoint is signed by a known log key and its root is the root of the leaves up to its size. Used by
 * `npm run cli -- verify-journals` and, with the owner's keys added, by the parent's own check. entryChecker checks
 * single entries against the latest checkpoint (a shared entry in a case, src/features/cases/case-shares.service.ts).
 */

export type LogCheck =
  | 'leaf-missing'
  | 'leaf-format'
  | 'leaf-hash'
  | 'leaf-position'
  | 'leaf-key'
  | 'leaf-signature'
  | 'receipt-time'
  | 'checkpoint-format'
  | 'checkpoint-signature'
  | 'checkpoint-root'
  | 'checkpoint-time'
  | 'checkpoint-missing';

export interface LogProblem {
  /** The entry's index, or the checkpoint's size for checkpoint problems. */
  at: number;
  check: LogCheck;
}

const asLeaf = (text: string): LeafData | undefined => {
  try {
    const bytes = utf8(text);
    if (!isCanonical(bytes)) return undefined;
    const value = parseStrict(bytes) as unknown as LeafData;
    return value.v === 1 && typeof value.journal === 'string' && Number.isSafeInteger(value.index) ? value : undefined;
  } catch {
    return undefined;
  }
};

const asCheckpoint = (text: string): Checkpoint | undefined => {
  try {
    const bytes = utf8(text);
    if (!isCanonical(bytes)) return undefined;
    const value = parseStrict(bytes) as unknown as Checkpoint;
    return value.v === 1 && Number.isSafeInteger(value.size) && typeof value.root === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
};

export function checkJournalLog(input: {
  journalId: string;
  entries: readonly EntryRow[];
  checkpoints: readonly CheckpointRow[];
  /**
   * The account's Ed25519 public keys (SPKI DER) and their ids: the current one and every earlier one (after a
   * key rotation, leaves signed before it carry the earlier key's id).
   */
  authorKeys: readonly { publicKey: Buffer; id: string }[];
  /** Known log public keys by id (SPKI DER). */
  logKeys: ReadonlyMap<string, Buffer>;
}): LogProblem[] {
  const problems: LogProblem[] = [];
  const authorKeys = new Map(
    input.authorKeys.map((key) => [key.id, createPublicKey({ key: key.publicKey, format: 'der', type: 'spki' })]),
  );
  const byCheckpointSize = new Map(input.checkpoints.map((checkpoint) => [checkpoint.size, checkpoint]));
  const entries = [...input.entries].sort((a, b) => a.index - b.index);
  let frontier: Frontier = emptyFrontier;
  let previousReceived = Number.NEGATIVE_INFINITY;
  let previousCheckpointTime = Number.NEGATIVE_INFINITY;

  entries.forEach((entry, position) => {
    if (entry.index !== position) problems.push({ at: position, check: 'leaf-position' });
    if (entry.leafData === null || entry.leafHash === null || entry.signature === null) {
      problems.push({ at: entry.index, check: 'leaf-missing' });
      return;
    }
    const leaf = asLeaf(entry.leafData);
    const hash = hashLeaf(utf8(entry.leafData));
    if (leaf === undefined) problems.push({ at: entry.index, check: 'leaf-format' });
    else {
      if (leaf.journal !== input.journalId || leaf.index !== entry.index) {
        problems.push({ at: entry.index, check: 'leaf-position' });
      }
      if (!authorKeys.has(leaf.key)) problems.push({ at: entry.index, check: 'leaf-key' });
      if (!(leaf.received >= previousReceived) || leaf.received !== Date.parse(entry.receivedAt)) {
        problems.push({ at: entry.index, check: 'receipt-time' });
      }
      previousReceived = leaf.received;
    }
    if (toHex(hash) !== entry.leafHash) problems.push({ at: entry.index, check: 'leaf-hash' });
    // The signature is checked with the key the leaf names (a malformed leaf: with the current key, the last).
    const authorKey = (leaf === undefined ? undefined : authorKeys.get(leaf.key)) ?? [...authorKeys.values()].at(-1);
    if (authorKey === undefined || !verifyMessage(authorKey, 'leaf', hash, Buffer.from(entry.signature, 'base64'))) {
      problems.push({ at: entry.index, check: 'leaf-signature' });
    }
    // The tree is built from the stored leaf bytes, so a changed leaf also shows at every later checkpoint.
    frontier = appendLeaf(frontier, hash);
    const checkpointRow = byCheckpointSize.get(frontier.size);
    if (checkpointRow === undefined) {
      problems.push({ at: frontier.size, check: 'checkpoint-missing' });
      return;
    }
    const checkpoint = asCheckpoint(checkpointRow.bytes);
    if (checkpoint === undefined || checkpoint.journal !== input.journalId || checkpoint.size !== frontier.size) {
      problems.push({ at: frontier.size, check: 'checkpoint-format' });
      return;
    }
    const logKey = input.logKeys.get(checkpoint.key);
    const signed =
      logKey !== undefined &&
      verifyMessage(
        createPublicKey({ key: logKey, format: 'der', type: 'spki' }),
        'checkpoint',
        utf8(checkpointRow.bytes),
        Buffer.from(checkpointRow.signature, 'base64'),
      );
    if (!signed) problems.push({ at: frontier.size, check: 'checkpoint-signature' });
    const root = fromHex(checkpoint.root);
    if (root === undefined || toHex(frontierRoot(frontier)) !== checkpoint.root) {
      problems.push({ at: frontier.size, check: 'checkpoint-root' });
    }
    if (checkpoint.time < previousCheckpointTime || checkpoint.time < previousReceived) {
      problems.push({ at: frontier.size, check: 'checkpoint-time' });
    }
    previousCheckpointTime = checkpoint.time;
  });
  return problems;
}

/** What entryChecker finds wrong with one entry: the leaf checks above, and its inclusion in the checkpoint. */
export type EntryCheck = Exclude<LogCheck, 'receipt-time' | 'checkpoint-time' | 'checkpoint-missing'> | 'inclusion';

/**
 * Checks single entries of a journal against its latest checkpoint, without any user key (a shared entry in a
 * case): the checkpoint is signed by a known log key and its root is the tree of the stored leaf hashes up to its
 * size; each entry's leaf is canonical, in its place, hashes to its stored hash, is signed by the account, and
 * its inclusion proof leads to the checkpoint's root (RFC 9162). Problems for every entry when the checkpoint
 * fails; an entry after the checkpoint is 'inclusion'.
 */
export function entryChecker(input: {
  journalId: string;
  checkpoint: CheckpointRow;
  /** Every stored leaf hash (hex) in log order. */
  leafHashes: readonly string[];
  authorKeys: readonly { publicKey: Buffer; id: string }[];
  logKeys: ReadonlyMap<string, Buffer>;
}): (entry: EntryRow) => EntryCheck[] {
  const authorKeys = new Map(
    input.authorKeys.map((key) => [key.id, createPublicKey({ key: key.publicKey, format: 'der', type: 'spki' })]),
  );
  const checkpointProblems: EntryCheck[] = [];
  const checkpoint = asCheckpoint(input.checkpoint.bytes);
  const hashes = input.leafHashes.map((hex) => fromHex(hex));
  let tree: MerkleTree | undefined;
  let root: Uint8Array | undefined;
  if (checkpoint === undefined || checkpoint.journal !== input.journalId || checkpoint.size !== input.checkpoint.size) {
    checkpointProblems.push('checkpoint-format');
  } else {
    const logKey = input.logKeys.get(checkpoint.key);
    const signed =
      logKey !== undefined &&
      verifyMessage(
        createPublicKey({ key: logKey, format: 'der', type: 'spki' }),
        'checkpoint',
        utf8(input.checkpoint.bytes),
        Buffer.from(input.checkpoint.signature, 'base64'),
      );
    if (!signed) checkpointProblems.push('checkpoint-signature');
    root = fromHex(checkpoint.root);
    const known = hashes.slice(0, checkpoint.size);
    if (known.length === checkpoint.size && known.every((hash) => hash?.length === 32)) {
      tree = new MerkleTree(known as Uint8Array[]);
      if (root === undefined || toHex(tree.root()) !== checkpoint.root) checkpointProblems.push('checkpoint-root');
    } else {
      checkpointProblems.push('checkpoint-root');
    }
  }

  return (entry) => {
    const problems: EntryCheck[] = [...checkpointProblems];
    if (entry.leafData === null || entry.leafHash === null || entry.signature === null) return ['leaf-missing'];
    const leaf = asLeaf(entry.leafData);
    const hash = hashLeaf(utf8(entry.leafData));
    if (leaf === undefined) problems.push('leaf-format');
    else {
      if (leaf.journal !== input.journalId || leaf.index !== entry.index) problems.push('leaf-position');
      if (!authorKeys.has(leaf.key)) problems.push('leaf-key');
    }
    if (toHex(hash) !== entry.leafHash || input.leafHashes[entry.index] !== entry.leafHash) problems.push('leaf-hash');
    const authorKey = leaf === undefined ? undefined : authorKeys.get(leaf.key);
    if (authorKey === undefined || !verifyMessage(authorKey, 'leaf', hash, Buffer.from(entry.signature, 'base64'))) {
      problems.push('leaf-signature');
    }
    const included =
      tree !== undefined &&
      root !== undefined &&
      entry.index < tree.size &&
      verifyInclusion(entry.index, tree.size, hash, tree.inclusionProof(entry.index), root);
    if (!included) problems.push('inclusion');
    return problems;
  };
}
