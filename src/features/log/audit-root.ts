import { createPublicKey } from 'node:crypto';
import { verifyMessage } from '../../shared/crypto/signing.js';
import { auditHeadLeafHash } from '../../shared/evidence/audit-head.js';
import { fromBase64, fromHex, toHex, utf8 } from '../../shared/evidence/bytes.js';
import { keyId } from '../../shared/evidence/format.js';
import { parseStrict } from '../../shared/evidence/jcs.js';
import { verifyInclusion } from '../../shared/evidence/merkle.js';
import { parseGlobalRoot } from '../../shared/evidence/schema.js';
import type { GlobalRootRow } from './log.repo.js';

/*
 * `verify-audit` against a published global root (docs/export-format.md §4.2): the root is signed by a log key,
 * its `audit` leaf is included in it, and the audit log as stored still has the row the leaf fixed, with the
 * same chain hash. An audit log cut short after the root lacks that row ("truncated"); one rewritten and
 * chained anew has another hash there ("rewritten"). The root is the latest one in the database, or a copy
 * kept elsewhere (`--root <file>`, the JSON of GET /api/v1/log/root), which the database cannot change.
 */

export interface PublishedRoot {
  /** JCS of the global root. */
  bytes: Uint8Array;
  signature: Uint8Array;
  audit?: { size: number; leaf: string; index: number; proof: string[] };
}

/** Reads a root file (the JSON of GET /api/v1/log/root); throws with a message a person can act on. */
export function readRootFile(text: string): PublishedRoot {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error('the root file is not JSON (save the answer of GET /api/v1/log/root as it is)');
  }
  const record = value as Record<string, unknown> | null;
  const bytes = typeof record?.bytes === 'string' ? fromBase64(record.bytes) : undefined;
  const signature = typeof record?.signature === 'string' ? fromBase64(record.signature) : undefined;
  if (bytes === undefined || signature === undefined) {
    throw new Error('the root file has no "bytes" and "signature" (base64) of a global root');
  }
  const audit = record?.audit as Record<string, unknown> | undefined;
  if (audit === undefined) return { bytes, signature };
  const size = audit.size;
  const index = audit.index;
  const leaf = audit.leaf;
  const proof = audit.proof;
  if (
    !Number.isSafeInteger(size) ||
    !Number.isSafeInteger(index) ||
    typeof leaf !== 'string' ||
    !Array.isArray(proof) ||
    !proof.every((node) => typeof node === 'string')
  ) {
    throw new Error('the root file\'s "audit" is not { size, leaf, index, proof }');
  }
  return { bytes, signature, audit: { size: size as number, leaf, index: index as number, proof: proof } };
}

/** A root as the database keeps it, in the same shape. */
export function storedRoot(root: GlobalRootRow, audit: PublishedRoot['audit']): PublishedRoot {
  return {
    bytes: utf8(root.bytes),
    signature: fromBase64(root.signature) ?? new Uint8Array(0),
    ...(audit === undefined ? {} : { audit }),
  };
}

export type AuditRootResult =
  | { ok: true; size: number; time: number }
  | { ok: false; problem: 'root' | 'no-audit-leaf' | 'inclusion' | 'truncated' | 'rewritten'; message: string };

/**
 * Checks the stored audit log against a published root. `logKeys` are the trusted log public keys (SPKI DER);
 * `rows` the audit log's row count; `hashAt(seq)` the stored chain hash of row `seq` (checked by the chain walk).
 */
export function checkAuditAgainstRoot(
  root: PublishedRoot,
  logKeys: readonly Uint8Array[],
  rows: number,
  hashAt: string | undefined,
): AuditRootResult {
  let global;
  try {
    global = parseGlobalRoot(parseStrict(root.bytes, { maxBytes: 4096, maxDepth: 4, canonical: true }));
  } catch (error) {
    return { ok: false, problem: 'root', message: `the root's bytes are not a global root: ${String(error)}` };
  }
  const key = logKeys.find((spki) => keyId(spki) === global.key);
  if (key === undefined) {
    return {
      ok: false,
      problem: 'root',
      message: `the root is signed by log key ${global.key}, which is not trusted here`,
    };
  }
  if (
    !verifyMessage(
      createPublicKey({ key: Buffer.from(key), format: 'der', type: 'spki' }),
      'global-root',
      root.bytes,
      root.signature,
    )
  ) {
    return { ok: false, problem: 'root', message: "the root's signature does not verify with the log key" };
  }
  const audit = root.audit;
  if (audit === undefined) {
    return {
      ok: false,
      problem: 'no-audit-leaf',
      message: 'this root holds no audit head (it was made before the audit log was a leaf of the global tree)',
    };
  }
  const leaf = fromHex(audit.leaf);
  const rootHash = fromHex(global.root);
  const proof = audit.proof.map((node) => fromHex(node));
  if (
    leaf === undefined ||
    rootHash === undefined ||
    proof.some((node) => node === undefined) ||
    !verifyInclusion(audit.index, global.size, leaf, proof as Uint8Array[], rootHash)
  ) {
    return { ok: false, problem: 'inclusion', message: "the audit head is not included in the root's tree" };
  }
  const when = new Date(global.time).toISOString();
  if (rows < audit.size || hashAt === undefined) {
    return {
      ok: false,
      problem: 'truncated',
      message: `the audit log was cut short: the root of ${when} fixes ${audit.size} rows, the audit log now has ${rows}`,
    };
  }
  if (toHex(auditHeadLeafHash(audit.size, hashAt)) !== audit.leaf) {
    return {
      ok: false,
      problem: 'rewritten',
      message: `the audit log was rewritten: row ${audit.size} is not the row the root of ${when} fixed (its chain hash differs)`,
    };
  }
  return { ok: true, size: audit.size, time: global.time };
}

export interface VerifyAuditDependencies {
  verifyChain: (options: { hashAt?: number }) => Promise<{
    rows: number;
    ok: boolean;
    problems: unknown[];
    hashAt?: string;
  }>;
  /** The latest root in the database and its audit leaf. */
  latestRoot: () => Promise<PublishedRoot | undefined>;
  /** Trusted log public keys (SPKI DER): the current one and the earlier ones still published. */
  logKeys: readonly Uint8Array[];
  readFile: (path: string) => string;
  out: (line: string) => void;
  err: (line: string) => void;
}

/**
 * `npm run cli -- verify-audit [--root <file>]`: the chain walk, then the audit head against the latest root in the
 * database and, with --root, against a root kept elsewhere. Exit code 0 all fine, 1 a problem, 2 a usage error.
 */
export async function runVerifyAudit(args: readonly string[], dependencies: VerifyAuditDependencies): Promise<number> {
  const { out, err } = dependencies;
  const roots: { name: string; root: PublishedRoot | undefined }[] = [];
  for (let i = 0; i < args.length; i += 1) {
    if (args[i] !== '--root' || args[i + 1] === undefined) {
      err(`verify-audit: unknown argument "${args[i]}" (only --root <file>)`);
      return 2;
    }
    const file = args[i + 1]!;
    i += 1;
    try {
      roots.push({ name: `the root in ${file}`, root: readRootFile(dependencies.readFile(file)) });
    } catch (error) {
      err(`verify-audit: ${file}: ${error instanceof Error ? error.message : String(error)}`);
      return 2;
    }
  }
  const latest = await dependencies.latestRoot();
  roots.unshift({ name: 'the latest published root', root: latest });
  let failed = false;
  // One walk of the chain for each root size asked (usually one or two).
  for (const { name, root } of roots) {
    const result = await dependencies.verifyChain(root?.audit === undefined ? {} : { hashAt: root.audit.size });
    if (name === roots[0]!.name) {
      if (result.ok) out(`Audit log intact: ${result.rows} rows, chain and head agree.`);
      else {
        failed = true;
        for (const problem of result.problems) err(`Audit log problem: ${JSON.stringify(problem)}`);
      }
    }
    if (root === undefined) {
      out('No global root published yet: the audit head is not fixed by any root.');
      continue;
    }
    const check = checkAuditAgainstRoot(root, dependencies.logKeys, result.rows, result.hashAt);
    if (check.ok) {
      out(
        `Against ${name} (${new Date(check.time).toISOString()}): the first ${check.size} rows are the ones it fixed.`,
      );
    } else if (check.problem === 'no-audit-leaf' && name === roots[0]!.name) {
      out(`Against ${name}: ${check.message}.`);
    } else {
      failed = true;
      err(`Audit log problem against ${name}: ${check.message}.`);
    }
  }
  return failed ? 1 : 0;
}
