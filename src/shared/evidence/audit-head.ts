import { utf8 } from './bytes.js';
import { canonicalString } from './jcs.js';
import { hashLeaf } from './merkle.js';

/*
 * The audit log's chain head as a leaf of every global root (docs/export-format.md §4.2): the number of audit rows
 * and the hash of the last one. A published root then fixes the audit log up to that row: a log later cut short,
 * or rewritten and re-chained, no longer leads to the head the root holds. Its id in the global tree is
 * `audit`, which no journal id (a UUID) can be.
 */

export const auditLeafId = 'audit';

export interface AuditHeadLeaf {
  v: 1;
  log: 'audit';
  /** How many rows the audit log had: the sequence number of its last row. */
  size: number;
  /** hex SHA-256 chain hash of that row. */
  head: string;
}

/** JCS of the audit head leaf: the bytes whose leaf hash (RFC 9162) is the global tree's `audit` leaf. */
export function auditHeadBytes(size: number, head: string): Uint8Array {
  const leaf: AuditHeadLeaf = { v: 1, log: 'audit', size, head };
  return utf8(canonicalString(leaf));
}

export function auditHeadLeafHash(size: number, head: string): Uint8Array {
  return hashLeaf(auditHeadBytes(size, head));
}
