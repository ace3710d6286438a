import { createPublicKey, type KeyObject } from 'node:crypto';
import { DecryptionFailed } from '../../shared/crypto/aead.js';
import type { LogKey } from '../../shared/crypto/log-key.js';
import { signMessage } from '../../shared/crypto/signing.js';
import { fromHex, toHex, utf8 } from '../../shared/evidence/bytes.js';
import type { Checkpoint, LeafData, Link } from '../../shared/evidence/format.js';
import { keyId, saltedHash } from '../../shared/evidence/format.js';
import { canonicalize, canonicalString } from '../../shared/evidence/jcs.js';
import { appendLeaf, frontierRoot, hashLeaf } from '../../shared/evidence/merkle.js';
import type { JournalAccess } from './journal-access.js';
import type { JournalActor } from './journal-actor.js';
import type { CheckpointRow, EntryRow, JournalRepository, JournalRow } from './journal.repo.js';
import { checkJournalLog, type LogProblem } from './log-check.js';
import { type EntryPayload, openEntry } from './sealed-records.js';

/*
 * The tamper-evident log (docs/export-format.md §2–3): each entry's leaf commits to salt ‖ content and
 * is signed by the account; after every append the server signs a checkpoint over all leaves so far. Here: the
 * records one append adds, and the checks of a journal's log — the parent's own and the operator's.
 */

const fromHexStrict = (text: string): Uint8Array => {
  const bytes = fromHex(text);
  if (bytes === undefined) throw new Error('a stored hash is not hex');
  return bytes;
};

/** The commitment a leaf carries: the salted hash of the entry's canonical content (without its salt). */
export const commitmentOf = (salt: Buffer, committed: Omit<EntryPayload, 'salt'>): string =>
  toHex(saltedHash(salt, canonicalize(committed)));

/** The log records of one append: the signed leaf, the journal's new frontier, and the signed checkpoint. */
export function logRecordsFor(input: {
  journal: JournalRow;
  index: number;
  receivedMs: number;
  author: { id: string; privateKey: KeyObject };
  commitment: string;
  links: Link[];
  clock: () => Date;
  logKey: LogKey;
}): {
  leaf: { leafData: string; leafHash: string; signature: string };
  frontier: JournalRow['frontier'];
  checkpoint: CheckpointRow;
} {
  const { journal, index, receivedMs, author, logKey } = input;
  const leafData: LeafData = {
    v: 1,
    journal: journal.id,
    index,
    received: receivedMs,
    key: author.id,
    commitment: input.commitment,
    links: input.links,
  };
  const leafText = canonicalString(leafData);
  const leafHash = hashLeaf(utf8(leafText));
  const frontier = appendLeaf(
    { size: journal.frontier.size, nodes: journal.frontier.nodes.map((node) => fromHexStrict(node)) },
    leafHash,
  );
  if (frontier.size !== index + 1) throw new Error('the journal and its log disagree about its size');
  const checkpoint: Checkpoint = {
    v: 1,
    journal: journal.id,
    size: frontier.size,
    root: toHex(frontierRoot(frontier)),
    time: Math.max(input.clock().getTime(), journal.lastCheckpointMs, receivedMs),
    key: logKey.id,
  };
  const checkpointText = canonicalString(checkpoint);
  return {
    leaf: {
      leafData: leafText,
      leafHash: toHex(leafHash),
      signature: signMessage(author.privateKey, 'leaf', leafHash).toString('base64'),
    },
    frontier: { size: frontier.size, nodes: frontier.nodes.map((node) => toHex(node)) },
    checkpoint: {
      journalId: journal.id,
      size: checkpoint.size,
      timeMs: checkpoint.time,
      bytes: checkpointText,
      signature: signMessage(logKey.privateKey, 'checkpoint', utf8(checkpointText)).toString('base64'),
    },
  };
}

export interface JournalCheckResult {
  size: number;
  problems: (LogProblem | { at: number; check: 'ciphertext' | 'commitment' })[];
}

const isEd25519PublicKey = (spki: Buffer): boolean => {
  try {
    return createPublicKey({ key: spki, format: 'der', type: 'spki' }).asymmetricKeyType === 'ed25519';
  } catch {
    return false;
  }
};

/** One journal's log as the operator's check saw it: ids, positions and check names only, never content. */
export interface JournalLogReport {
  journalId: string;
  /** Entries stored for the journal. */
  entries: number;
  problems: (LogProblem | { at: number; check: 'journal-size' | 'author-key' })[];
}

export function createEvidenceLogService(
  repo: JournalRepository,
  access: JournalAccess,
  options: { logKey: LogKey; previousLogKeys?: readonly Buffer[] | undefined },
) {
  const { ownJournal } = access;
  const logKeys = new Map<string, Buffer>([
    [options.logKey.id, options.logKey.publicKey],
    ...(options.previousLogKeys ?? []).map((key): [string, Buffer] => [keyId(key), key]),
  ]);

  return {
    /**
     * The parent's own check of their journal: the log as stored (leaves, signatures, checkpoints) and, with
     * their keys, that every entry still opens and matches the commitment in its leaf.
     */
    async check(who: JournalActor): Promise<JournalCheckResult> {
      const journal = await ownJournal(who, 'view');
      if (journal === undefined) return { size: 0, problems: [] };
      const entries: EntryRow[] = [];
      for await (const row of repo.allEntries(journal.id)) entries.push(row);
      const author = who.keys.signingKey();
      const retired = await who.keys.retiredSigningKeys();
      const problems: JournalCheckResult['problems'] = checkJournalLog({
        journalId: journal.id,
        entries,
        checkpoints: await repo.checkpoints(journal.id),
        authorKeys: [...retired.map((key) => ({ publicKey: key.publicKey, id: key.id })), author],
        logKeys,
      });
      for (const row of entries) {
        if (row.redactedAt !== null || row.leafData === null) continue;
        let payload: EntryPayload | undefined;
        try {
          payload = openEntry(who, row);
        } catch (error) {
          if (!(error instanceof DecryptionFailed) && !(error instanceof SyntaxError)) throw error;
          problems.push({ at: row.index, check: 'ciphertext' });
          continue;
        }
        if (payload === undefined) continue;
        const { salt, ...committed } = payload;
        let leaf: LeafData;
        try {
          leaf = JSON.parse(row.leafData) as LeafData;
        } catch {
          continue; // already reported as a malformed leaf
        }
        if (commitmentOf(Buffer.from(salt, 'base64url'), committed) !== leaf.commitment) {
          problems.push({ at: row.index, check: 'commitment' });
        }
      }
      return { size: journal.size, problems: problems.sort((a, b) => a.at - b.at) };
    },

    /**
     * The operator's check of every journal's log as stored (`npm run cli -- verify-journals`): leaves, account
     * signatures and checkpoints, without any user key, so content stays sealed. Besides checkJournalLog, the
     * journal row's size, the stored entries and the latest checkpoint must agree ('journal-size', at the row's
     * size): a dropped last entry with its checkpoint shows there. No actor: this is for the command line only.
     */
    async *checkAllLogs(): AsyncGenerator<JournalLogReport> {
      for await (const { journal, authorKey } of repo.journalsWithAuthorKeys()) {
        const entries: EntryRow[] = [];
        for await (const row of repo.allEntries(journal.id)) entries.push(row);
        const checkpoints = await repo.checkpoints(journal.id);
        const problems: JournalLogReport['problems'] =
          authorKey === null || !isEd25519PublicKey(authorKey)
            ? [{ at: 0, check: 'author-key' }]
            : checkJournalLog({
                journalId: journal.id,
                entries,
                checkpoints,
                authorKeys: [
                  ...(await repo.retiredSigningKeys(journal.ownerId)).map((key) => ({
                    publicKey: key,
                    id: keyId(key),
                  })),
                  { publicKey: authorKey, id: keyId(authorKey) },
                ],
                logKeys,
              });
        const latest = checkpoints.reduce((size, checkpoint) => Math.max(size, checkpoint.size), 0);
        if (journal.size !== entries.length || journal.size !== latest || journal.frontier.size !== journal.size) {
          problems.push({ at: journal.size, check: 'journal-size' });
        }
        yield { journalId: journal.id, entries: entries.length, problems: problems.sort((a, b) => a.at - b.at) };
      }
    },

    /** The journal's latest checkpoint, for the parent to show at intake (size and root). */
    async currentCheckpoint(who: JournalActor): Promise<{ size: number; root: string; time: number } | undefined> {
      const journal = await ownJournal(who, 'view');
      if (journal === undefined) return undefined;
      const checkpoint = await repo.latestCheckpoint(journal.id);
      if (checkpoint === undefined) return undefined;
      const parsed = JSON.parse(checkpoint.bytes) as Checkpoint;
      return { size: parsed.size, root: parsed.root, time: parsed.time };
    },
  };
}
