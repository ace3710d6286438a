import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Pages } from '../../../app.js';
import { blankForm, type FormState, parseForm } from '../../../shared/http/forms.js';
import { formatFingerprint } from '../../../shared/evidence/format.js';
import type { CurrentSession } from '../../accounts/accounts.service.js';
import { trailOf } from '../../audit/audit.service.js';
import type { JournalActor } from '../journal-actor.js';
import { actorOf } from '../journal-request.js';
import type { JournalService } from '../journal.service.js';
import { ExportStatusPage, progressText } from '../views/export-status.view.js';
import { EXPORT_ATTACHMENT_PICK_LIMIT, ExportPage } from '../views/export.view.js';
import { exportPercent } from './jobs.js';
import type { ExportService, ExportSession } from './export.service.js';
import { exportFormSchema, needsAttachmentIds } from './export.schema.js';

/** A form field that may come once, several times or not at all, as a list. */
const listOf = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** What the export needs besides the journal: its service (the job queue makes it) and a passphrase check. */
export interface ExportDependencies {
  exports: ExportService;
  confirmPassphrase: (
    session: CurrentSession,
    passphrase: unknown,
    clientAddress: string,
    options: { allowRecent?: boolean },
  ) => Promise<'ok' | 'wrong' | 'throttled'>;
}

/** Registers the export pages under /logboek/export in the journal's scope. */
export function registerExportRoutes(
  scope: FastifyInstance,
  pages: Pages,
  journal: JournalService,
  exporting: ExportDependencies,
): void {
  // The export bundle for the police (docs/export-format.md), after the passphrase is given again.
  type ExportForm = Record<string, string | string[] | undefined>;
  /** Texts are shown again up to this length (the label's limit; the other fields are shorter). */
  const KEEP = 200;
  const exportPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    who: JournalActor,
    form: FormState,
    body: ExportForm = {},
    status = 200,
  ) => {
    const author = who.keys.signingKey();
    return reply.html(
      <ExportPage
        ctx={pages.contextOf(request, reply)}
        choices={await journal.choices(who)}
        attachmentChoices={await journal.attachmentChoices(who, EXPORT_ATTACHMENT_PICK_LIMIT)}
        checkpoint={await journal.currentCheckpoint(who)}
        fingerprint={formatFingerprint(author.id)}
        fresh={request.session !== null && Date.now() < Date.parse(request.session.reauthenticatedUntil)}
        form={form}
        ticked={{ entries: listOf(body.notitie), attachments: listOf(body.bijlage) }}
      />,
      status,
    );
  };

  scope.get('/logboek/export', async (request, reply) => exportPage(request, reply, actorOf(request), blankForm));

  scope.post<{ Body: ExportForm | undefined }>(
    '/logboek/export',
    { bodyLimit: 1024 * 1024 },
    async (request, reply) => {
      const who = actorOf(request);
      const session = request.session!;
      const form = request.body ?? {};
      const choices = await journal.choices(who);
      const parsed = parseForm(
        exportFormSchema({
          size: choices.length,
          entryIds: new Set(choices.map((choice) => choice.id)),
          attachmentIds: needsAttachmentIds(form)
            ? new Set(
                ((await journal.attachmentChoices(who, Number.MAX_SAFE_INTEGER)) ?? []).map((choice) => choice.id),
              )
            : new Set<string>(),
        }),
        form,
        { secrets: ['wachtwoord'], keep: KEEP },
      );
      if (!parsed.ok) return exportPage(request, reply, who, parsed, form, 400);
      const confirmed = await exporting.confirmPassphrase(session, form.wachtwoord, request.ip, {
        allowRecent: true,
      });
      if (confirmed !== 'ok') {
        const messageKey =
          confirmed === 'throttled' ? 'journal.export.problem.throttled' : 'journal.export.problem.passphrase';
        return exportPage(
          request,
          reply,
          who,
          { values: parsed.values, problems: [{ field: 'wachtwoord', messageKey }] },
          form,
          confirmed === 'throttled' ? 429 : 400,
        );
      }
      // The job queue makes the export while the parent watches its progress (export/export.service.ts).
      const started = await exporting.exports.start(exportSession(request), {
        ...parsed.value,
        locale: request.locale,
      });
      if (started !== 'started') {
        if (started === 'full') reply.header('retry-after', '60');
        return exportPage(
          request,
          reply,
          who,
          {
            values: parsed.values,
            problems: [{ field: 'wachtwoord', messageKey: `journal.export.problem.${started}` }],
          },
          form,
          started === 'busy' ? 409 : 503,
        );
      }
      return reply.redirect('/logboek/export/bezig', 303);
    },
  );

  /** The export belongs to this session (its id hash owns it, its key pair opens the file); the service asks the policy. */
  const exportSession = (request: FastifyRequest): ExportSession => {
    const who = actorOf(request);
    return { idHash: request.session!.idHash, userId: who.userId, keys: who.keys, actor: who.actor };
  };

  // The export's progress: a page that works without JavaScript (a link to look again), and its state as
  // JSON for the page's script, which updates the bar and loads the page again when the export is ready. Any
  // instance answers: the state is on the export's row.
  scope.get('/logboek/export/bezig', async (request, reply) => {
    const status = await exporting.exports.status(exportSession(request));
    return reply.html(<ExportStatusPage ctx={pages.contextOf(request, reply)} status={status} />);
  });

  scope.get('/logboek/export/stand', async (request, reply) => {
    const status = await exporting.exports.status(exportSession(request));
    return reply.header('cache-control', 'no-store').send(
      status === undefined
        ? { state: 'none' }
        : status.state === 'running'
          ? {
              state: 'running',
              percent: exportPercent(status.progress),
              text: progressText(request.t, status.progress),
            }
          : { state: status.state },
    );
  });

  // The finished ZIP, once; afterwards it is gone from the server.
  scope.post('/logboek/export/ophalen', async (request, reply) => {
    const session = exportSession(request);
    const taken = await exporting.exports.take(session, trailOf(request));
    // Still being made (a second tab, an early click): back to the progress page.
    if (taken.kind === 'running') return reply.redirect('/logboek/export/bezig', 303);
    if (taken.kind === 'damaged') {
      request.log.warn('a stored journal export did not open: refused and deleted');
      return reply.html(<ExportStatusPage ctx={pages.contextOf(request, reply)} status={{ state: 'failed' }} />, 410);
    }
    if (taken.kind === 'gone') {
      return reply.html(<ExportStatusPage ctx={pages.contextOf(request, reply)} status={undefined} gone />, 410);
    }
    return (
      reply
        .header('content-type', 'application/zip')
        // A neutral file name: it ends up in the downloads folder of a possibly shared device.
        .header('content-disposition', 'attachment; filename="export.zip"')
        .header('content-length', String(taken.bytes))
        .header('cache-control', 'no-store')
        .send(Readable.from(taken.content))
    );
  });
}
