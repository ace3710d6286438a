import type { LogKey } from '../../shared/crypto/log-key.js';
import { signMessage } from '../../shared/crypto/signing.js';
import { fromHex, toHex, utf8 } from '../../shared/evidence/bytes.js';
import { auditHeadLeafHash, auditLeafId } from '../../shared/evidence/audit-head.js';
import type { GlobalRoot } from '../../shared/evidence/format.js';
import { canonicalString } from '../../shared/evidence/jcs.js';
import { hashLeaf, inclusionProof, rootOf } from '../../shared/evidence/merkle.js';
import type { GlobalRootRow, LogRepository } from './log.repo.js';

/*
 * The log of logs (docs/export-format.md §4): at an interval, and on demand before an export, the latest
 * checkpoint of every journal becomes a leaf of one global tree whose root the log key signs and the app
 * publishes. Copies of published roots held elsewhere expose a server that shows different histories to
 * different people. The audit log's chain head is one more leaf (id `audit`, §4.2), so a published root also
 * fixes the audit log. RFC 3161 timestamps (timestamp.ts) and witnesses are added on each new root through
 * onPublished.
 */

/** Told of every new global root this instance published (e.g. to timestamp it or send it to witnesses). */
export type RootListener = (root: GlobalRootRow) => Promise<void> | void;

export function createLogService(repo: LogRepository, logKey: LogKey, clock: () => Date = () => new Date()) {
  const listeners: RootListener[] = [];

  async function announce(row: GlobalRootRow): Promise<void> {
    // A listener's failure must not fail the publish: the root is signed and stored; listeners retry on their own.
    for (const listener of listeners) {
      try {
        await listener(row);
      } catch {
        // Each listener reports its own errors (e.g. through a job that retries).
      }
    }
  }

  async function publish(): Promise<GlobalRootRow | undefined> {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const latest = await repo.latestRoot();
      const checkpoints = await repo.latestCheckpoints();
      const leaves: GlobalRootRow['leaves'] = checkpoints.map((checkpoint) => [
        checkpoint.journalId,
        checkpoint.size,
        toHex(hashLeaf(utf8(checkpoint.bytes))),
      ]);
      if (leaves.length === 0) return latest;
      // The audit log's head (§4.2): its id sorts among the journal ids (UUIDs) like any other leaf.
      const audit = await repo.auditHead();
      if (audit.seq > 0) leaves.push([auditLeafId, audit.seq, toHex(auditHeadLeafHash(audit.seq, audit.hash))]);
      leaves.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      if (latest !== undefined && JSON.stringify(latest.leaves) === JSON.stringify(leaves)) return latest;
      const root: GlobalRoot = {
        v: 1,
        size: leaves.length,
        root: toHex(rootOf(leaves.map(([, , hash]) => fromHex(hash)!))),
        time: Math.max(clock().getTime(), latest?.timeMs ?? 0),
        key: logKey.id,
      };
      const bytes = canonicalString(root);
      const row: GlobalRootRow = {
        seq: (latest?.seq ?? 0) + 1,
        timeMs: root.time,
        size: root.size,
        bytes,
        signature: signMessage(logKey.privateKey, 'global-root', utf8(bytes)).toString('base64'),
        leaves,
      };
      if (await repo.insertRoot(row)) {
        await announce(row);
        return row;
      }
      // Another instance published this sequence number at the same moment: look again.
    }
    throw new Error('could not publish a global root');
  }

  return {
    publish,

    /** Adds a listener told of each new root after it is stored (not of roots another instance published). */
    onPublished(listener: RootListener): void {
      listeners.push(listener);
    },

    latest: () => repo.latestRoot(),

    /** A root by its sequence number. */
    root: (seq: number) => repo.root(seq),

    /** A root's RFC 3161 timestamp, when it has one (ADR 0043). */
    timestampOf: (seq: number) => repo.timestamp(seq),

    /**
     * The audit head a root holds and its inclusion proof (§4.2), from the root's stored leaves; undefined for a
     * root made before the audit head was a leaf, or while the audit log was empty.
     */
    auditLeafOf(root: GlobalRootRow): { size: number; leaf: string; index: number; proof: string[] } | undefined {
      const index = root.leaves.findIndex(([id]) => id === auditLeafId);
      if (index < 0) return undefined;
      const proof = inclusionProof(
        root.leaves.map(([, , hash]) => fromHex(hash)!),
        index,
      ).map((node) => toHex(node));
      const [, size, leaf] = root.leaves[index]!;
      return { size, leaf, index, proof };
    },

    /**
     * The inclusion of a journal's checkpoint in a signed global root: the latest one, published anew first
     * when it does not hold this checkpoint yet.
     */
    async inclusionOf(
      journalId: string,
      size: number,
    ): Promise<{ root: GlobalRootRow; index: number; proof: string[] }> {
      const find = (root: GlobalRootRow | undefined) =>
        root?.leaves.findIndex(([id, leafSize]) => id === journalId && leafSize === size) ?? -1;
      let root = await repo.latestRoot();
      if (find(root) < 0) root = await publish();
      const index = find(root);
      if (root === undefined || index < 0) throw new Error('the checkpoint is not in the global root');
      const proof = inclusionProof(
        root.leaves.map(([, , hash]) => fromHex(hash)!),
        index,
      ).map((node) => toHex(node));
      return { root, index, proof };
    },
  };
}

export type LogService = ReturnType<typeof createLogService>;
