import type { AlsoInTransaction, Trx } from '../../shared/db/transaction.js';
import { type AuditEvent, type AuditRepository, GENESIS, rowHash } from './audit.repo.js';

export type AuditProblem =
  | { kind: 'altered'; seq: number }
  | { kind: 'missing'; afterSeq: number; foundSeq: number }
  | { kind: 'inserted'; seq: number }
  | { kind: 'head'; expectedSeq: number; foundSeq: number };

export interface AuditVerification {
  rows: number;
  ok: boolean;
  problems: AuditProblem[];
  /** The chain hash of row `hashAt` when asked for and present (to compare with a published root's audit head). */
  hashAt?: string;
}

export function createAuditService(repo: AuditRepository, clock: () => Date = () => new Date()) {
  return {
    /** The events about one object, e.g. an account, for its owner to read. */
    forObject: (objectType: string, objectId: string) => repo.forObject(objectType, objectId),

    /** The events about every object of a type whose id starts with `prefix` (filtered in SQL), oldest first. */
    forObjectPrefix: (objectType: string, prefix: string, actions?: readonly string[]) =>
      repo.forObjectPrefix(objectType, prefix, actions),

    /**
     * Records who did what to which object (never content) in `trx`, the transaction that makes the change: the
     * change and its audit line are saved together or not at all. Call it last in the transaction.
     */
    record: (trx: Trx, event: AuditEvent) => repo.append(trx, event, clock()),

    /** The same, as work for a repository to run in its transaction (AlsoInTransaction). */
    recording:
      (event: AuditEvent): AlsoInTransaction =>
      (trx) =>
        repo.append(trx, event, clock()),

    /** Records an event that changes nothing itself (a page read, a refused attempt), in a transaction of its own. */
    recordAlone: (event: AuditEvent) => repo.appendAlone(event, clock()),

    /**
     * Walks the chain from the start: a row whose hash does not match its fields was altered; a gap in the
     * sequence means a row was deleted; a row not linked to its predecessor was inserted; and the head must
     * point at the last row.
     */
    async verify(options: { hashAt?: number } = {}): Promise<AuditVerification> {
      const problems: AuditProblem[] = [];
      let hashAt: string | undefined;
      let previousHash = GENESIS;
      let previousSeq = 0;
      let rows = 0;
      for await (const row of repo.rows()) {
        rows += 1;
        if (row.seq !== previousSeq + 1) problems.push({ kind: 'missing', afterSeq: previousSeq, foundSeq: row.seq });
        else if (row.prevHash !== previousHash) problems.push({ kind: 'inserted', seq: row.seq });
        if (rowHash(row.prevHash, row) !== row.hash) problems.push({ kind: 'altered', seq: row.seq });
        if (row.seq === options.hashAt) hashAt = row.hash;
        previousHash = row.hash;
        previousSeq = row.seq;
      }
      const head = await repo.head();
      if (head.seq !== previousSeq || head.hash !== previousHash) {
        problems.push({ kind: 'head', expectedSeq: head.seq, foundSeq: previousSeq });
      }
      return { rows, ok: problems.length === 0, problems, ...(hashAt === undefined ? {} : { hashAt }) };
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;

/** What a service that records its changes needs of the audit log. */
export type AuditRecorder = Pick<AuditService, 'record' | 'recording'>;

/**
 * The request a change came in, for its audit line. Routes always set it; code outside a request (tests,
 * benches, the CLI) has none, and its lines say 'none'.
 */
export interface AuditTrail {
  requestId?: string;
}

export const requestIdOf = (trail: AuditTrail): string => trail.requestId ?? 'none';

/** The audit trail of an HTTP request (Fastify's request id). */
export const trailOf = (request: { id: unknown }): AuditTrail => ({ requestId: String(request.id) });
