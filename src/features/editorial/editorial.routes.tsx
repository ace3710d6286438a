import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Pages } from '../../app.js';
import { formFields } from '../../shared/http/forms.js';
import type { MessageKey } from '../../shared/i18n/i18n.js';
import type { Actor } from '../../shared/policy/actor.js';
import { authorize, can } from '../../policies.js';
import { noRevision } from './editorial.policy.js';
import { renderToHtml } from '../../shared/views/rendered-html.js';
import type { Mailer } from '../../shared/mail/mailer.js';
import type { AccountsService } from '../accounts/accounts.service.js';
import { type AuditService, trailOf } from '../audit/audit.service.js';
import {
  EditConflict,
  type DocumentView,
  type EditorialContext,
  EditorialRefusal,
  type EditorialService,
  maxNote,
  maxRevisionText,
} from './editorial.service.js';
import type { DocumentKind } from './editorial.types.js';
import {
  ConflictPage,
  DashboardPage,
  DocumentPage,
  DocumentsPage,
  documentUrl,
  EditorialAccountsPage,
  EditPage,
  NewDocumentPage,
  peopleOf,
  PreviewFragment,
  RefusalPage,
  ReviewPage,
} from './views/editorial.views.js';

/*
 * The CMS (/beheer, issue 16, ADR 0033). The service authorizes every read and action first (a 404 for anyone
 * without an editorial role); these routes read the posted fields, turn refusals into pages that say why (4xx in
 * the editor's language), and a conflict into a 409 page with both texts.
 */

type Params = { Params: { documentId: string } };

/**
 * The body limit of the CMS forms that carry a document's text (about 1.5 MiB): a text of maxRevisionText
 * characters fits URL-encoded; the site's general limit (BODY_LIMIT_BYTES, 64 KiB) is too small for the check's
 * questionnaire or a pathway.
 */
export const editorialFormLimit = maxRevisionText * 4;

export interface EditorialRouteOptions {
  publicUrl: string;
  mailer: Pick<Mailer, 'enabled' | 'sendInvitation'>;
  /** The invitation's audit line (who invited, as which role; never the address). */
  audit: Pick<AuditService, 'recordAlone'>;
  /** For the dashboard: readers' feedback waiting, organisations not checked for 6 months (as this actor may see). */
  waiting: (actor: Actor) => Promise<{ feedback: number; organisations: number; survey?: number | undefined }>;
}

/** The posted fields as strings (a repeated field: its values joined by a line break), without the core's own. */
function kindFields(body: unknown): Record<string, string> {
  const fields = formFields(body);
  const result = Object.create(null) as Record<string, string>;
  for (const [name, value] of Object.entries(fields)) {
    if (name.startsWith('_')) continue;
    if (typeof value === 'string') result[name] = value;
    else if (Array.isArray(value)) result[name] = value.filter((item) => typeof item === 'string').join('\n');
  }
  return result;
}

const stringField = (body: unknown, name: string): string | undefined => {
  const value = formFields(body)[name];
  return typeof value === 'string' ? value : undefined;
};

/** A whole number from a form or query field (up to 9 digits), or undefined. */
const wholeNumber = (value: string | undefined): number | undefined =>
  value !== undefined && /^\d{1,9}$/.test(value) ? Number(value) : undefined;

/** The kind's preview as a component (bound to its kind). */
/** An admin, by the rule for the admin-only pages under /beheer (verification, editorial accounts). */
const isAdmin = (actor: Actor): boolean => can(actor, 'adminArea', 'enter', { area: 'beheer' });

const previewOf = (view: DocumentView) => (props: Parameters<DocumentView['kind']['Preview']>[0]) =>
  view.kind.Preview(props);

const inviteSchema = z.object({
  email: z.email().max(254),
  role: z.enum(['editor', 'reviewer']),
});

export function registerEditorialRoutes(
  app: FastifyInstance,
  pages: Pages,
  editorial: EditorialService,
  accounts: Pick<AccountsService, 'createAdminSetupLink' | 'usernames'>,
  options: EditorialRouteOptions,
): void {
  const kinds = editorial.kinds.map((kind) => kind.kind);
  const contextOf = (request: FastifyRequest): EditorialContext => ({
    locale: request.locale,
    trail: trailOf(request),
  });
  const me = (request: FastifyRequest) => (request.actor.kind === 'user' ? request.actor.userId : undefined);
  const kindParam = (value: unknown): DocumentKind | undefined =>
    typeof value === 'string' && editorial.isKind(value) ? value : undefined;

  /** Runs an action; a refusal becomes a page with its reason (and the kind's problems), never a 500. */
  const refusing = async (
    request: FastifyRequest,
    reply: FastifyReply,
    documentId: string | undefined,
    work: () => Promise<FastifyReply>,
  ): Promise<FastifyReply> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof EditorialRefusal) {
        return reply.html(
          <RefusalPage
            ctx={pages.contextOf(request, reply)}
            reason={error.reason}
            problems={error.problems}
            documentId={documentId}
          />,
          error.status,
        );
      }
      throw error;
    }
  };
  const refuse = (reason: MessageKey, status: 400 | 409 = 400) => {
    throw new EditorialRefusal(reason, status);
  };
  /** A note field: absent is empty; longer than allowed is refused. */
  const noteOf = (body: unknown): string => {
    const note = stringField(body, '_note') ?? '';
    if (note.length > maxNote) refuse('editorial.problem.noteTooLong');
    return note;
  };

  // ── Dashboard ──────────────────────────────────────────────────────────────────────────────────────────
  app.get('/beheer', async (request, reply) => {
    const melding = (request.query as { melding?: unknown } | undefined)?.melding;
    // The verification's notices were shown at /beheer before the dashboard came: old links land there.
    if (typeof melding === 'string' && isAdmin(request.actor) && /^[a-z-]{1,40}$/.test(melding)) {
      return reply.redirect(`/beheer/verificatie?melding=${melding}`, 303);
    }
    const { inReview, drafts, mayPublish } = await editorial.dashboard(request.actor);
    const waiting = await options.waiting(request.actor);
    return reply.html(
      <DashboardPage
        ctx={pages.contextOf(request, reply)}
        kinds={kinds}
        inReview={inReview}
        drafts={drafts}
        me={me(request)}
        isAdmin={isAdmin(request.actor)}
        names={await accounts.usernames(peopleOf([...inReview, ...drafts]))}
        counts={{ review: mayPublish, drafts: drafts.length, ...waiting }}
      />,
    );
  });

  // ── Documents ──────────────────────────────────────────────────────────────────────────────────────────
  app.get('/beheer/inhoud', async (request, reply) => {
    const kind = kindParam((request.query as { soort?: unknown } | undefined)?.soort);
    const listings = await editorial.documents(request.actor, kind);
    return reply.html(<DocumentsPage ctx={pages.contextOf(request, reply)} kind={kind} listings={listings} />);
  });

  const newPage = (
    request: FastifyRequest,
    reply: FastifyReply,
    kind: string,
    key: string,
    problems: readonly string[],
    status: number,
  ) =>
    reply.html(
      <NewDocumentPage ctx={pages.contextOf(request, reply)} kinds={kinds} kind={kind} key={key} problems={problems} />,
      status,
    );

  app.get('/beheer/inhoud/nieuw', async (request, reply) => {
    authorize(request.actor, 'editorialDocument', 'create', { state: 'none', authorId: null, contributorIds: [] });
    return newPage(request, reply, kindParam((request.query as { soort?: unknown }).soort) ?? '', '', [], 200);
  });

  app.post('/beheer/inhoud', async (request, reply) => {
    authorize(request.actor, 'editorialDocument', 'create', { state: 'none', authorId: null, contributorIds: [] });
    const kind = stringField(request.body, 'soort') ?? '';
    const key = stringField(request.body, 'sleutel') ?? '';
    try {
      const id = await editorial.createDocument(request.actor, kind, key.trim(), contextOf(request));
      return await reply.redirect(`${documentUrl(id)}/bewerken`, 303);
    } catch (error) {
      if (!(error instanceof EditorialRefusal)) throw error;
      const t = pages.contextOf(request, reply).t;
      const problems = error.problems.length > 0 ? error.problems : [t(error.reason)];
      return newPage(request, reply, kind.slice(0, 40), key.slice(0, 120), problems, error.status);
    }
  });

  app.get<Params>('/beheer/inhoud/:documentId', async (request, reply) => {
    const view = await editorial.document(request.actor, request.params.documentId);
    return reply.html(
      <DocumentPage
        ctx={pages.contextOf(request, reply)}
        view={view}
        may={editorial.abilities(request.actor, view)}
        me={me(request)}
        names={await accounts.usernames(peopleOf(view.revisions))}
      />,
    );
  });

  app.post<Params>('/beheer/inhoud/:documentId/nieuw-concept', (request, reply) =>
    refusing(request, reply, request.params.documentId, async () => {
      await editorial.startDraft(request.actor, request.params.documentId, contextOf(request));
      return reply.redirect(`${documentUrl(request.params.documentId)}/bewerken`, 303);
    }),
  );

  // ── Editing, preview, conflict ────────────────────────────────────────────────────────────────────────
  app.get<Params>('/beheer/inhoud/:documentId/bewerken', (request, reply) =>
    refusing(request, reply, request.params.documentId, async () => {
      const view = await editorial.document(request.actor, request.params.documentId);
      authorize(request.actor, 'editorialDocument', 'view', { state: 'none', authorId: null, contributorIds: [] });
      const open = view.open;
      if (open === undefined || open.state !== 'draft' || !editorial.abilities(request.actor, view).edit) {
        refuse('editorial.problem.notADraft', 409);
      }
      const saved = (request.query as { bewaard?: unknown }).bewaard === '1';
      return reply.html(
        <EditPage
          ctx={pages.contextOf(request, reply)}
          view={view}
          text={open!.text}
          note={open!.note}
          editNumber={open!.editNumber}
          problems={[]}
          preview={undefined}
          notice={saved ? pages.contextOf(request, reply).t('editorial.edit.saved') : undefined}
        />,
      );
    }),
  );

  /** Fields a kind gets are bounded: a field over the revision limit is refused before the kind reads it. */
  const boundedFields = (body: unknown) => {
    const fields = kindFields(body);
    if (Object.values(fields).some((value) => value.length > maxRevisionText)) refuse('editorial.problem.field');
    return fields;
  };

  // A revision's text may be up to maxRevisionText characters (a pathway version is about 100 KB of JSON, the
  // check's questionnaire about 50 KB): the forms that carry a text (edit, conflict resubmit, live preview) may be
  // larger than the site's general body limit, URL-encoded (ADR 0037). Above this limit: a 413 that says why.
  // Only the editorial roles learn why (anyone else gets the site's general 413 page: the CMS stays unseen). The
  // live preview's script finds no preview fragment in this page and leaves the preview as it was.
  const formLimit = {
    bodyLimit: editorialFormLimit,
    errorHandler: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      if (error.statusCode !== 413 || !can(request.actor, 'editorialDocument', 'view', noRevision)) throw error;
      const ctx = pages.contextOf(request, reply);
      return reply.html(
        <RefusalPage
          ctx={ctx}
          reason="editorial.problem.formTooLarge"
          problems={[ctx.t('editorial.problem.tooLong', { max: maxRevisionText })]}
          documentId={(request.params as { documentId?: string }).documentId}
        />,
        413,
      );
    },
  };
  app.post<Params>('/beheer/inhoud/:documentId/bewerken', formLimit, (request, reply) =>
    refusing(request, reply, request.params.documentId, async () => {
      const { documentId } = request.params;
      const ctx = pages.contextOf(request, reply);
      const fields = boundedFields(request.body);
      const note = noteOf(request.body);
      const editNumber = wholeNumber(stringField(request.body, '_edit'));
      if (stringField(request.body, '_action') === 'preview') {
        const preview = await editorial.preview(request.actor, documentId, fields, request.locale);
        const Preview = previewOf(preview.view);
        return reply.html(
          <EditPage
            ctx={ctx}
            view={preview.view}
            text={preview.ok ? preview.text : (preview.view.open?.text ?? '')}
            note={note}
            editNumber={editNumber ?? preview.view.open?.editNumber ?? 0}
            problems={preview.ok ? [] : preview.problems}
            posted={preview.ok ? undefined : fields}
            preview={
              preview.ok ? (
                <Preview ctx={ctx} value={preview.value} documentKey={preview.view.document.key} />
              ) : undefined
            }
          />,
          preview.ok ? 200 : 400,
        );
      }
      // Before the edit number is read, the actor must be allowed to see the document at all (a 404 otherwise).
      const view = await editorial.document(request.actor, documentId);
      if (editNumber === undefined) refuse('editorial.problem.editNumber');
      try {
        const result = await editorial.saveDraft(
          request.actor,
          documentId,
          { form: fields, editNumber: editNumber!, note },
          contextOf(request),
        );
        if (result.ok) return await reply.redirect(`${documentUrl(documentId)}/bewerken?bewaard=1`, 303);
        return reply.html(
          <EditPage
            ctx={ctx}
            view={view}
            text={view.open?.text ?? ''}
            note={note}
            editNumber={editNumber!}
            problems={result.problems}
            preview={undefined}
            posted={fields}
          />,
          400,
        );
      } catch (error) {
        if (!(error instanceof EditConflict)) throw error;
        return reply.html(<ConflictPage ctx={ctx} view={view} theirs={error.theirs} yours={error.yours} />, 409);
      }
    }),
  );

  // The live preview (app-live-preview): the same preview as the no-JS button, as a fragment.
  app.post<Params>('/beheer/inhoud/:documentId/voorbeeld', formLimit, async (request, reply) => {
    const ctx = pages.contextOf(request, reply);
    let fragment;
    try {
      const preview = await editorial.preview(
        request.actor,
        request.params.documentId,
        boundedFields(request.body),
        request.locale,
      );
      const Preview = previewOf(preview.view);
      fragment = preview.ok ? (
        <PreviewFragment ctx={ctx} problems={[]}>
          <Preview ctx={ctx} value={preview.value} documentKey={preview.view.document.key} />
        </PreviewFragment>
      ) : (
        <PreviewFragment ctx={ctx} problems={preview.problems} />
      );
    } catch (error) {
      if (!(error instanceof EditorialRefusal)) throw error;
      fragment = <PreviewFragment ctx={ctx} problems={[ctx.t(error.reason), ...error.problems]} />;
      reply.code(error.status);
    }
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(renderToHtml(fragment));
  });

  // ── Review and the workflow's steps ────────────────────────────────────────────────────────────────────
  app.post<Params>('/beheer/inhoud/:documentId/indienen', (request, reply) =>
    refusing(request, reply, request.params.documentId, async () => {
      await editorial.submit(request.actor, request.params.documentId, contextOf(request));
      return reply.redirect(documentUrl(request.params.documentId), 303);
    }),
  );

  app.get<Params>('/beheer/inhoud/:documentId/beoordelen', (request, reply) =>
    refusing(request, reply, request.params.documentId, async () => {
      const { view, fields, problems } = await editorial.review(
        request.actor,
        request.params.documentId,
        request.locale,
      );
      const may = editorial.abilities(request.actor, view);
      const ownChange = view.open?.state === 'in_review' && view.open.authorId === me(request);
      const contributed =
        !ownChange && view.open?.state === 'in_review' && view.open.contributorIds.includes(me(request) ?? '');
      return reply.html(
        <ReviewPage
          ctx={pages.contextOf(request, reply)}
          view={view}
          fields={fields}
          problems={problems}
          mayPublish={may.publish}
          maySendBack={may.sendBack}
          ownChange={ownChange}
          contributed={contributed}
          me={me(request)}
          names={await accounts.usernames(peopleOf(view.revisions))}
        />,
      );
    }),
  );

  app.post<Params>('/beheer/inhoud/:documentId/publiceren', (request, reply) =>
    refusing(request, reply, request.params.documentId, async () => {
      await editorial.publish(
        request.actor,
        request.params.documentId,
        { note: noteOf(request.body) },
        contextOf(request),
      );
      return reply.redirect(documentUrl(request.params.documentId), 303);
    }),
  );

  app.post<Params>('/beheer/inhoud/:documentId/terugsturen', (request, reply) =>
    refusing(request, reply, request.params.documentId, async () => {
      await editorial.sendBack(
        request.actor,
        request.params.documentId,
        { note: noteOf(request.body) },
        contextOf(request),
      );
      return reply.redirect(documentUrl(request.params.documentId), 303);
    }),
  );

  app.post<Params>('/beheer/inhoud/:documentId/intrekken', (request, reply) =>
    refusing(request, reply, request.params.documentId, async () => {
      await editorial.withdraw(request.actor, request.params.documentId, contextOf(request));
      return reply.redirect(documentUrl(request.params.documentId), 303);
    }),
  );

  app.post<Params>('/beheer/inhoud/:documentId/terugzetten', (request, reply) =>
    refusing(request, reply, request.params.documentId, async () => {
      // Outsiders get the 404 before the field is read.
      await editorial.document(request.actor, request.params.documentId);
      const number = wholeNumber(stringField(request.body, 'revision'));
      if (number === undefined) refuse('editorial.problem.revision');
      await editorial.rollback(request.actor, request.params.documentId, number!, contextOf(request));
      return reply.redirect(documentUrl(request.params.documentId), 303);
    }),
  );

  // ── Editorial accounts (admins only) ─────────────────────────────────────────────────────────────────────
  const requireAdmin = (request: FastifyRequest) => authorize(request.actor, 'adminArea', 'enter', { area: 'beheer' });
  const accountsPage = (
    request: FastifyRequest,
    reply: FastifyReply,
    values: { email: string; role: string },
    problem: MessageKey | undefined,
    notice: MessageKey | undefined,
    status: number,
  ) =>
    reply.html(
      <EditorialAccountsPage
        ctx={pages.contextOf(request, reply)}
        email={values.email}
        role={values.role}
        problem={problem}
        notice={notice}
      />,
      status,
    );

  app.get('/beheer/redactie', (request, reply) => {
    requireAdmin(request);
    const sent = (request.query as { melding?: unknown }).melding === 'verstuurd';
    return accountsPage(
      request,
      reply,
      { email: '', role: 'editor' },
      undefined,
      sent ? 'editorial.accounts.sent' : undefined,
      200,
    );
  });

  app.post('/beheer/redactie', async (request, reply) => {
    requireAdmin(request);
    const values = {
      email: (stringField(request.body, 'email') ?? '').trim().slice(0, 254),
      role: (stringField(request.body, 'role') ?? '').slice(0, 20),
    };
    const parsed = inviteSchema.safeParse(values);
    if (!parsed.success) {
      const problem = parsed.error.issues.some((issue) => issue.path[0] === 'role')
        ? 'editorial.accounts.invalidRole'
        : 'editorial.accounts.invalidEmail';
      return accountsPage(request, reply, values, problem, undefined, 400);
    }
    if (!options.mailer.enabled)
      return accountsPage(request, reply, values, 'editorial.accounts.mailOff', undefined, 503);
    const token = await accounts.createAdminSetupLink(parsed.data.email, parsed.data.role);
    const link = `${options.publicUrl.replace(/\/$/, '')}/beheer/start/${token}`;
    if (!(await options.mailer.sendInvitation(parsed.data.email, link, request.locale))) {
      return accountsPage(request, reply, values, 'editorial.accounts.mailOff', undefined, 503);
    }
    await options.audit.recordAlone({
      actor: me(request) ?? 'anonymous',
      action: 'editorial.account.invited',
      objectType: 'setup-link',
      objectId: parsed.data.role,
      requestId: String(request.id),
    });
    return reply.redirect('/beheer/redactie?melding=verstuurd', 303);
  });
}
