import type { FastifyRequest } from 'fastify';
import { NotFound } from '../../shared/errors.js';
import { type AuditService, type AuditTrail } from '../audit/audit.service.js';
import { type JournalActor, journalActorOf } from './journal-actor.js';

/* What every journal, export and diary handler needs of its request: who acts, an id from the path, an audit line. */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The signed-in parent, or "not found": journal pages do not exist for anyone else. The request's id goes
 * into the audit lines the service writes with each change.
 */
export const actorOf = (request: FastifyRequest): JournalActor & AuditTrail => {
  const session = request.session;
  if (session === null) throw new NotFound('not signed in');
  return { ...journalActorOf(session, request.actor), requestId: String(request.id) };
};

/** An id from the path; anything that is not an id is a page that does not exist. */
export const idParam = (value: string): string => {
  if (!UUID.test(value)) throw new NotFound('not an id');
  return value;
};

/** Writes one audit line of its own for a request (a page read, a file sent). */
export const recorderOf =
  (audit: AuditService) =>
  (request: FastifyRequest, who: JournalActor, action: string, objectType: string, objectId: string) =>
    audit.recordAlone({ actor: who.userId, action, objectType, objectId, requestId: String(request.id) });
