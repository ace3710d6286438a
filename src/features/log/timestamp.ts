import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { utf8 } from '../../shared/evidence/bytes.js';
import {
  checkTimestampToken,
  readTimestampResponse,
  rootImprint,
  timestampRequest,
} from '../../shared/evidence/timestamp.js';
import { defineJob, handle, type JobHandler } from '../../shared/jobs/jobs.js';
import type { GlobalRootRow, LogRepository, RootTimestampRow } from './log.repo.js';

/*
 * RFC 3161 timestamps on each global root (ADR 0043, docs/export-format.md §4.1). After a root is published
 * (log.onPublished) a job asks the configured Time-Stamp Authority (TSA_URL) for a token over SHA-256 of the
 * root's signed bytes; the token is checked against the configured TSA certificate (TSA_CERT_FILE) and the
 * request's nonce before it is kept. When the TSA is down the job fails and the queue tries again with back-off.
 * An export whose root has no token yet asks once itself, and says "not timestamped" when that fails too.
 */

export interface TsaSettings {
  url: string;
  /** The TSA's certificate (DER): the only one whose tokens are kept. */
  cert: Uint8Array;
  timeoutMs?: number;
}

/** Reads a TSA certificate file: PEM (the first CERTIFICATE block) or DER. */
export function readTsaCertificate(file: string): Uint8Array {
  const bytes = readFileSync(file);
  const text = bytes.toString('latin1');
  const pem = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+)-----END CERTIFICATE-----/.exec(text);
  if (pem !== null) return new Uint8Array(Buffer.from(pem[1]!.replace(/\s+/g, ''), 'base64'));
  if (bytes[0] === 0x30) return new Uint8Array(bytes);
  throw new Error(`TSA_CERT_FILE ${file} holds no certificate (PEM or DER)`);
}

/** Payload: the sequence number of the root to timestamp (no personal data). */
export const timestampRootJob = defineJob('log.timestamp-root', z.object({ seq: z.number().int().positive() }), {
  // Back-off doubles from 30 s to an hour: twenty attempts cover more than half a day of a TSA being down.
  maxAttempts: 20,
});

export class TimestampError extends Error {
  override name = 'TimestampError';
}

export function createTimestamper(
  repo: Pick<LogRepository, 'root' | 'timestamp' | 'insertTimestamp'>,
  settings: TsaSettings,
) {
  /** Asks the TSA for a token over the root, checks it and keeps it. Throws when the TSA fails or lies. */
  async function stamp(root: GlobalRootRow): Promise<RootTimestampRow> {
    const imprint = rootImprint(utf8(root.bytes));
    const nonce = new Uint8Array(randomBytes(16));
    let answer: Response;
    try {
      answer = await fetch(settings.url, {
        method: 'POST',
        headers: { 'content-type': 'application/timestamp-query', accept: 'application/timestamp-reply' },
        body: Buffer.from(timestampRequest(imprint, nonce)),
        signal: AbortSignal.timeout(settings.timeoutMs ?? 15_000),
      });
    } catch {
      throw new TimestampError('the TSA cannot be reached');
    }
    if (!answer.ok) throw new TimestampError(`the TSA answered HTTP ${answer.status}`);
    const reading = readTimestampResponse(new Uint8Array(await answer.arrayBuffer()));
    if (!reading.ok) throw new TimestampError(reading.message);
    const check = await checkTimestampToken(reading.token, imprint, { trustedCerts: [settings.cert], nonce });
    if (!check.ok) throw new TimestampError(check.message);
    if (!check.info.trusted) throw new TimestampError('the token is signed by another certificate than TSA_CERT_FILE');
    const row: RootTimestampRow = {
      seq: root.seq,
      token: Buffer.from(reading.token).toString('base64'),
      timeMs: check.info.time,
      tsa: check.info.tsaFingerprint,
    };
    await repo.insertTimestamp(row);
    return (await repo.timestamp(root.seq)) ?? row;
  }

  return {
    stamp,

    /**
     * The token of a root, for an export: the kept one, or (when `ask`) one asked for now; undefined when the
     * TSA cannot give one now (the bundle then says it is not timestamped; the job keeps trying for the root).
     */
    async tokenFor(root: GlobalRootRow, ask = true): Promise<string | undefined> {
      const kept = await repo.timestamp(root.seq);
      if (kept !== undefined || !ask) return kept?.token;
      try {
        return (await stamp(root)).token;
      } catch {
        return undefined;
      }
    },

    /** The job's handler: timestamps the root unless it already has one. */
    handler(): JobHandler {
      return handle(timestampRootJob, async ({ seq }) => {
        if ((await repo.timestamp(seq)) !== undefined) return;
        const root = await repo.root(seq);
        if (root === undefined) return; // not there (any more): nothing to stamp
        await stamp(root);
      });
    },
  };
}

export type Timestamper = ReturnType<typeof createTimestamper>;
