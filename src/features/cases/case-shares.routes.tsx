import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Pages } from '../../app.js';
import { blankForm, type FormState, parseForm } from '../../shared/http/forms.js';
import type { Translate } from '../../shared/i18n/i18n.js';
import type { Locale } from '../../shared/i18n/messages.js';
import type { JournalService } from '../journal/journal.service.js';
import { actorOf, idParam } from '../journal/journal-request.js';
import { preselected, shareFormSchema, unshareFormSchema } from './case-shares.schema.js';
import type { CaseSharesService, SharesActor } from './case-shares.service.js';
import type { CaseRole, MemberState, CaseMode, OpenedCase } from './cases.types.js';
import {
  ChooseCasePage,
  MySharesPage,
  type ParentCase,
  type ShareChoice,
  SharedEntriesPage,
  SharedEntryPage,
  SharePage,
} from './views/case-shares.views.js';

/*
 * Shared journal entries in a case: the parent's way in from /logboek (/samenwerken/delen: which case), the share
 * form (/samenwerken/:caseId/delen), the shares (/samenwerken/:caseId/gedeeld: the parent's own with the way to
 * stop and the access list; a professional's list with each entry's verification), one shared entry and its
 * attachments for a professional, and unsharing. Thin handlers: the case is opened by cases.service (404 for
 * anyone not in it), the service and the policy decide.
 */

export interface CaseSharesRouteDependencies {
  shares: CaseSharesService;
  /** cases.service openCase: the case for this request, or NotFound. */
  openCase: (who: SharesActor, caseId: unknown) => Promise<OpenedCase>;
  /** cases.service listMine: the user's cases with their labels. */
  myCases: (who: SharesActor) => Promise<
    {
      caseId: string;
      label: string | undefined;
      role: CaseRole;
      state: MemberState;
      mode: CaseMode;
      createdAt: string;
    }[]
  >;
  journal: Pick<JournalService, 'choices'>;
  /**
   * After the parent shared, unshared or looked at their shares: the police bundle of what they share now is made
   * again when it changed (case-exports.service prepare, ADR 0029).
   */
  prepareBundle?: (who: SharesActor, opened: OpenedCase, locale: Locale, t: Translate) => Promise<void>;
}

type CaseParams = { Params: { caseId: string } };

export function registerCaseShareRoutes(app: FastifyInstance, pages: Pages, deps: CaseSharesRouteDependencies): void {
  const { shares, journal } = deps;

  /** The share is made whatever happens to its bundle; a bundle that could not be queued is tried on the next look. */
  const prepareBundle = async (request: FastifyRequest, who: SharesActor, opened: OpenedCase) => {
    try {
      // Opened again: sharing and unsharing move the share key on, and `opened` keeps the keys it unwrapped.
      if (deps.prepareBundle !== undefined) {
        await deps.prepareBundle(who, await deps.openCase(who, opened.facts.caseId), request.locale, request.t);
      }
    } catch (error) {
      request.log.warn({ err: error }, 'queueing a police bundle failed');
    }
  };

  const caseOf = async (request: FastifyRequest<CaseParams>) => {
    const who = actorOf(request);
    return { who, opened: await deps.openCase(who, idParam(request.params.caseId)) };
  };

  // From the journal: the cases the parent shares in; with one case, straight to its form.
  app.get('/samenwerken/delen', async (request, reply) => {
    const who = actorOf(request);
    const selected = preselected(request.query);
    const cases: ParentCase[] = (await deps.myCases(who))
      .filter((item) => item.role === 'parent' && item.state === 'active' && item.mode === 'with-parents')
      .map((item) => ({ caseId: item.caseId, label: item.label, createdAt: item.createdAt }));
    if (cases.length === 1) {
      const query = new URLSearchParams(selected.map((id) => ['notitie', id])).toString();
      return reply.redirect(`/samenwerken/${cases[0]!.caseId}/delen${query === '' ? '' : `?${query}`}`, 303);
    }
    return reply.html(<ChooseCasePage ctx={pages.contextOf(request, reply)} cases={cases} selected={selected} />);
  });

  const sharePage = async (
    request: FastifyRequest<CaseParams>,
    reply: FastifyReply,
    who: SharesActor,
    opened: OpenedCase,
    ticked: readonly string[],
    form: FormState = blankForm,
  ) => {
    const shared = await shares.sharedIds(who, opened);
    const choices: ShareChoice[] = (await journal.choices(who))
      .filter((choice) => choice.kind !== 'redaction')
      .map((choice) => ({
        id: choice.id,
        number: choice.number,
        date: choice.date,
        category: choice.category,
        redacted: choice.redacted,
        shared: shared.has(choice.id),
      }))
      .reverse();
    return reply.html(
      <SharePage
        ctx={pages.contextOf(request, reply)}
        caseId={opened.facts.caseId}
        choices={choices}
        ticked={ticked}
        form={form}
      />,
      form.problems.length === 0 ? 200 : 400,
    );
  };

  app.get<CaseParams>('/samenwerken/:caseId/delen', async (request, reply) => {
    const { who, opened } = await caseOf(request);
    return sharePage(request, reply, who, opened, preselected(request.query));
  });

  app.post<CaseParams>('/samenwerken/:caseId/delen', async (request, reply) => {
    const { who, opened } = await caseOf(request);
    const parsed = parseForm(shareFormSchema, request.body);
    if (!parsed.ok) return sharePage(request, reply, who, opened, preselected(request.body), parsed);
    const { shared } = await shares.share(who, opened, parsed.value.entryIds, parsed.value.consent);
    await prepareBundle(request, who, opened);
    return reply.redirect(`/samenwerken/${opened.facts.caseId}/gedeeld?gedeeld=${shared}`, 303);
  });

  const sharedPage = async (
    request: FastifyRequest<CaseParams>,
    reply: FastifyReply,
    who: SharesActor,
    opened: OpenedCase,
    form: FormState = blankForm,
  ) => {
    const ctx = pages.contextOf(request, reply);
    const view = await shares.sharedView(who, opened);
    if (view.kind === 'mine') {
      const query = request.query as { gedeeld?: unknown; gestopt?: unknown } | undefined;
      const count = typeof query?.gedeeld === 'string' && /^\d{1,3}$/.test(query.gedeeld) ? Number(query.gedeeld) : 0;
      const notice =
        count > 0
          ? ctx.t('caseShares.share.done', { count })
          : query?.gestopt === '1'
            ? ctx.t('caseShares.unshare.done')
            : undefined;
      await prepareBundle(request, who, opened);
      return reply.html(
        <MySharesPage
          ctx={ctx}
          caseId={opened.facts.caseId}
          items={view.items}
          access={view.access ?? []}
          notice={notice}
          form={form}
        />,
        form.problems.length === 0 ? 200 : 400,
      );
    }
    return reply.html(
      <SharedEntriesPage
        ctx={ctx}
        caseId={opened.facts.caseId}
        items={view.items}
        readable={view.readable}
        access={view.access}
      />,
    );
  };

  app.get<CaseParams>('/samenwerken/:caseId/gedeeld', async (request, reply) => {
    const { who, opened } = await caseOf(request);
    return sharedPage(request, reply, who, opened);
  });

  app.post<CaseParams>('/samenwerken/:caseId/gedeeld/stoppen', async (request, reply) => {
    const { who, opened } = await caseOf(request);
    // Only the sharing parent has this form; anyone else is refused before it is read.
    shares.requireSharingParent(who, opened);
    const parsed = parseForm(unshareFormSchema, request.body);
    if (!parsed.ok) return sharedPage(request, reply, who, opened, parsed);
    await shares.unshare(who, opened, parsed.value.notitie);
    await prepareBundle(request, who, opened);
    return reply.redirect(`/samenwerken/${opened.facts.caseId}/gedeeld?gestopt=1`, 303);
  });

  app.get<{ Params: { caseId: string; entryId: string } }>(
    '/samenwerken/:caseId/gedeeld/:entryId',
    async (request, reply) => {
      const { who, opened } = await caseOf(request);
      const entry = await shares.open(who, opened, idParam(request.params.entryId));
      return reply.html(
        <SharedEntryPage ctx={pages.contextOf(request, reply)} caseId={opened.facts.caseId} entry={entry} />,
      );
    },
  );

  app.get<{ Params: { caseId: string; attachmentId: string } }>(
    '/samenwerken/:caseId/gedeeld/bijlage/:attachmentId',
    async (request, reply) => {
      const { who, opened } = await caseOf(request);
      const file = await shares.attachment(who, opened, idParam(request.params.attachmentId));
      const extension = file.mediaType === 'application/pdf' ? 'pdf' : (file.mediaType.split('/')[1] ?? 'bin');
      // A neutral file name; a download, never rendered by the browser as a page.
      return reply
        .header('content-type', file.mediaType)
        .header('content-disposition', `attachment; filename="bijlage.${extension === 'jpeg' ? 'jpg' : extension}"`)
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'no-store')
        .send(file.bytes);
    },
  );
}
