import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Pages } from '../../app.js';
import { blankForm, type FormState } from '../../shared/http/forms.js';
import type { CurrentSession } from '../accounts/accounts.service.js';
import { actorOf, idParam } from '../journal/journal-request.js';
import type { CaseExportsService, ExportActor } from './case-exports.service.js';
import type { OpenedCase } from './cases.types.js';
import { PoliceBundlesPage, SummaryPage } from './views/case-exports.views.js';

/*
 * The exports of a case (ADR 0029): /samenwerken/:caseId/samenvatting (the summary PDF for a working professional,
 * a parent's own copy) and /samenwerken/:caseId/politiebundel (the police member's page, and one parent's bundle
 * at /politiebundel/:memberId). Each download asks the passphrase again first (accounts.confirmPassphrase, as the
 * journal export does; within 5 minutes of the last time it may stay empty). Thin handlers: the case is opened by
 * cases.service (404 for anyone not in it, a member removed a moment ago included), the service and policy decide.
 */

export interface CaseExportsRouteDependencies {
  exports: CaseExportsService;
  openCase: (who: ExportActor, caseId: unknown) => Promise<OpenedCase>;
  confirmPassphrase: (
    session: CurrentSession,
    passphrase: unknown,
    clientAddress: string,
    options: { allowRecent?: boolean },
  ) => Promise<'ok' | 'wrong' | 'throttled'>;
}

type CaseParams = { Params: { caseId: string } };
type Body = Record<string, unknown> | undefined;

/** A neutral file name: it ends up in the downloads folder of a possibly shared device. */
const download = (reply: FastifyReply, type: string, name: string, bytes: Buffer) =>
  reply
    .header('content-type', type)
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'no-store')
    .send(bytes);

export function registerCaseExportRoutes(app: FastifyInstance, pages: Pages, deps: CaseExportsRouteDependencies): void {
  const { exports } = deps;

  const caseOf = async (request: FastifyRequest<CaseParams>) => {
    const who = actorOf(request);
    return { who, opened: await deps.openCase(who, idParam(request.params.caseId)) };
  };

  /** The passphrase again; a form state with its problem and the status to answer with, or undefined when right. */
  const reauthenticate = async (
    request: FastifyRequest,
    body: Body,
  ): Promise<{ form: FormState; status: number } | undefined> => {
    const confirmed = await deps.confirmPassphrase(request.session!, body?.wachtwoord, request.ip, {
      allowRecent: true,
    });
    if (confirmed === 'ok') return undefined;
    const throttled = confirmed === 'throttled';
    return {
      form: {
        values: {},
        problems: [
          {
            field: 'wachtwoord',
            messageKey: throttled ? 'caseExports.problem.throttled' : 'caseExports.problem.passphrase',
          },
        ],
      },
      status: throttled ? 429 : 400,
    };
  };

  app.get<CaseParams>('/samenwerken/:caseId/samenvatting', async (request, reply) => {
    const { who, opened } = await caseOf(request);
    const kind = exports.summaryKind(who, opened);
    return reply.html(
      <SummaryPage ctx={pages.contextOf(request, reply)} caseId={opened.facts.caseId} kind={kind} form={blankForm} />,
    );
  });

  app.post<CaseParams & { Body: Body }>('/samenwerken/:caseId/samenvatting', async (request, reply) => {
    const { who, opened } = await caseOf(request);
    const kind = exports.summaryKind(who, opened);
    const refused = await reauthenticate(request, request.body);
    if (refused !== undefined) {
      return reply.html(
        <SummaryPage
          ctx={pages.contextOf(request, reply)}
          caseId={opened.facts.caseId}
          kind={kind}
          form={refused.form}
        />,
        refused.status,
      );
    }
    const pdf = await exports.summary(who, opened, kind, request.locale, request.t);
    return download(reply, 'application/pdf', kind === 'summary' ? 'samenvatting.pdf' : 'kopie.pdf', pdf);
  });

  const policePage = async (
    request: FastifyRequest<CaseParams>,
    reply: FastifyReply,
    who: ExportActor,
    opened: OpenedCase,
    form: FormState = blankForm,
    status = 200,
    failedFor?: string,
  ) =>
    reply.html(
      <PoliceBundlesPage
        ctx={pages.contextOf(request, reply)}
        caseId={opened.facts.caseId}
        items={await exports.policeBundles(who, opened)}
        form={form}
        failedFor={failedFor}
      />,
      status,
    );

  app.get<CaseParams>('/samenwerken/:caseId/politiebundel', async (request, reply) => {
    const { who, opened } = await caseOf(request);
    return policePage(request, reply, who, opened);
  });

  app.post<{ Params: { caseId: string; memberId: string }; Body: Body }>(
    '/samenwerken/:caseId/politiebundel/:memberId',
    async (request, reply) => {
      const { who, opened } = await caseOf(request);
      const memberId = idParam(request.params.memberId);
      // Only the police member has these forms; anyone else is refused before the passphrase is asked.
      exports.requirePoliceMember(who, opened);
      const refused = await reauthenticate(request, request.body);
      if (refused !== undefined) {
        return policePage(request, reply, who, opened, refused.form, refused.status, memberId);
      }
      const zip = await exports.policeBundle(who, opened, memberId);
      return download(reply, 'application/zip', 'politiebundel.zip', zip);
    },
  );
}
