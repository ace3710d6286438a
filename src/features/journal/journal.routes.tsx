import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { Pages } from '../../app.js';
import type { AuditService } from '../audit/audit.service.js';
import { registerDiaryRoutes } from './diary.routes.js';
import { type Inspect, registerEntryRoutes, type UploadSettings } from './entries.routes.js';
import { type ExportDependencies, registerExportRoutes } from './export/export.routes.js';
import type { JournalService } from './journal.service.js';

/*
 * The journal's pages in one scope that reads multipart bodies: the entries (entries.routes.tsx), the export
 * (export/export.routes.tsx) and the diary (diary.routes.tsx). Thin handlers: read the request, let the service
 * (and through it the policy) decide, render.
 */

export function registerJournalRoutes(
  app: FastifyInstance,
  pages: Pages,
  journal: JournalService,
  audit: AuditService,
  inspect: Inspect,
  exporting: ExportDependencies,
  uploadSettings: UploadSettings = { inFlight: 6, perAccount: 2, idleMs: 60_000 },
): void {
  app.register(async (scope) => {
    await scope.register(fastifyMultipart, { throwFileSizeLimit: false });
    // A multipart body answered before it was read to the end (a refusal, a stop at a file, a 404): nothing more
    // of it is parsed, and the connection closes after the answer, so the server does not read the rest either.
    scope.addHook('onSend', (request, reply, payload, done) => {
      if (request.isMultipart() && !request.raw.readableEnded) {
        request.raw.unpipe();
        reply.header('connection', 'close');
      }
      done(null, payload);
    });

    registerEntryRoutes(scope, pages, journal, audit, inspect, uploadSettings);
    registerExportRoutes(scope, pages, journal, exporting);
    registerDiaryRoutes(scope, pages, journal);
  });
}
