import type { FastifyInstance, FastifyReply } from 'fastify';
import type { LogKey } from '../../shared/crypto/log-key.js';
import { keyId } from '../../shared/evidence/format.js';
import type { LogService } from './log.service.js';
import type { WitnessService } from './witness.service.js';

/**
 * Public, read-only: the latest signed global root and the log's public keys. Ids, sizes and hashes only; no
 * user data. Anyone may fetch and keep copies.
 */
export function registerLogRoutes(
  app: FastifyInstance,
  log: LogService,
  keys: { current: LogKey; previous: readonly Buffer[] },
): void {
  app.get('/api/v1/log/root', async (_request, reply) => {
    const root = (await log.latest()) ?? (await log.publish());
    reply.header('cache-control', 'no-cache');
    if (root === undefined) {
      return reply
        .code(404)
        .type('application/problem+json')
        .send({ title: 'No global root yet', status: 404, detail: 'No journal has entries yet.' });
    }
    // The audit log's head leaf and its inclusion proof (§4.2): a copy of this answer lets `verify-audit --root`
    // detect an audit log later cut short or rewritten. The root's RFC 3161 token (§4.1) when it has one.
    const audit = log.auditLeafOf(root);
    const timestamp = await log.timestampOf(root.seq);
    return reply.type('application/json; charset=utf-8').send({
      seq: root.seq,
      bytes: Buffer.from(root.bytes, 'utf8').toString('base64'),
      signature: root.signature,
      ...(JSON.parse(root.bytes) as object),
      ...(audit === undefined ? {} : { audit }),
      ...(timestamp === undefined ? {} : { timestamp: timestamp.token }),
    });
  });

  app.get('/api/v1/log/keys', (_request, reply) => {
    reply.header('cache-control', 'no-cache');
    return reply.type('application/json; charset=utf-8').send({
      current: { id: keys.current.id, publicKey: keys.current.publicKey.toString('base64') },
      previous: keys.previous.map((key) => ({ id: keyId(key), publicKey: key.toString('base64') })),
    });
  });
}

/** A whole number from 1 in a query parameter, or undefined. */
function positive(value: unknown): number | undefined {
  if (typeof value !== 'string' || !/^[1-9][0-9]{0,15}$/.test(value)) return undefined;
  const number = Number(value);
  return Number.isSafeInteger(number) ? number : undefined;
}

function problem(reply: FastifyReply, status: number, title: string, detail: string) {
  return reply.code(status).type('application/problem+json').send({ title, status, detail });
}

/**
 * Public, read-only (ADR 0044): the log of global roots as a C2SP checkpoint with every witness cosignature
 * gathered, the consistency proofs between two sizes, and the roots themselves (its leaves) for monitors.
 */
export function registerCheckpointRoutes(app: FastifyInstance, witnesses: WitnessService): void {
  app.get('/api/v1/log/checkpoint', async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const size = query.size === undefined ? undefined : positive(query.size);
    if (query.size !== undefined && size === undefined) {
      return problem(reply, 400, 'Bad size', 'size must be a whole number from 1.');
    }
    const checkpoint = await witnesses.checkpoint(size);
    reply.header('cache-control', 'no-cache');
    if (checkpoint === undefined) {
      return problem(reply, 404, 'No such checkpoint', 'The log of global roots does not have this size (yet).');
    }
    return reply.type('text/plain; charset=utf-8').send(checkpoint.note);
  });

  app.get('/api/v1/log/witnesses', (_request, reply) => {
    reply.header('cache-control', 'no-cache');
    return reply.type('application/json; charset=utf-8').send({
      origin: witnesses.origin,
      log: witnesses.logVkey,
      witnesses: witnesses.witnesses,
    });
  });

  app.get('/api/v1/log/consistency', async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const from = positive(query.from);
    const to = positive(query.to);
    if (from === undefined || to === undefined || from > to) {
      return problem(reply, 400, 'Bad sizes', 'from and to must be whole numbers from 1, with from ≤ to.');
    }
    const proof = await witnesses.consistency(from, to);
    if (proof === undefined) {
      return problem(reply, 404, 'No such size', 'The log of global roots is not that large (yet).');
    }
    reply.header('cache-control', 'public, max-age=86400, immutable');
    return reply.type('application/json; charset=utf-8').send({ from, to, proof });
  });

  app.get('/api/v1/log/roots', async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const from = positive(query.from);
    const to = positive(query.to);
    const roots = from === undefined || to === undefined ? undefined : await witnesses.roots(from, to);
    if (roots === undefined) {
      return problem(
        reply,
        400,
        'Bad range',
        'from and to must be whole numbers from 1, from ≤ to, at most 1000 roots.',
      );
    }
    reply.header('cache-control', 'no-cache');
    return reply.type('application/json; charset=utf-8').send({
      roots: roots.map((root) => ({
        seq: root.seq,
        bytes: Buffer.from(root.bytes, 'utf8').toString('base64'),
        signature: root.signature,
      })),
    });
  });
}
