import type { FastifyInstance } from 'fastify';
import type { LogKey } from '../../shared/crypto/log-key.js';
import { keyId } from '../../shared/evidence/format.js';
import type { LogService } from './log.service.js';

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
    return reply.type('application/json; charset=utf-8').send({
      seq: root.seq,
      bytes: Buffer.from(root.bytes, 'utf8').toString('base64'),
      signature: root.signature,
      ...(JSON.parse(root.bytes) as object),
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
