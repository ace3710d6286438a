import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Pages } from '../../app.js';
import type { KeyRing } from '../../shared/auth/key-ring.js';
import { NotFound } from '../../shared/errors.js';
import { blankForm, type FormState } from '../../shared/http/forms.js';
import type { PageContext } from '../../shared/views/context.js';
import type { Actor } from '../../shared/policy/actor.js';
import { trailOf } from '../audit/audit.service.js';
import type { ItemCompartment } from './case-items.repo.js';
import { isId } from './case-items.schema.js';
import type { AgreementConflict, CaseItemsService } from './case-items.service.js';
import type { OpenedCase } from './cases.types.js';
import { findTrack } from './pathway.js';
import {
  AgreementPage,
  AgreementsPage,
  MeetingPage,
  MessagesPage,
  PathwayItemsPage,
  PlanningPage,
  StepMovePage,
  TimelinePage,
} from './views/case-items.views.js';
import { roleLabel } from './views/pathway.views.js';

/*
 * What members post into a case, under /samenwerken/:caseId/…: the timeline (?na=<opaque cursor>), agreements
 * (/afspraken, /afspraken/:agreementId), a meeting (/overleg), the planning (/planning), the messages of both
 * channels (/berichten, /berichten/professionals) and the pathway (/traject, /traject/:track). The case is opened
 * by the cases service for every request (a member who may see it, else 404: another case's ids find nothing);
 * the items service decides every action by the case rules before it does anything.
 */

/** Who acts, as the cases service opens a case for them (cases.service.ts CaseActor). */
export interface CaseOpenerActor {
  actor: Actor;
  userId: string;
  keys: KeyRing;
}

/** Opens a case for one request (cases.service.ts openCase): NotFound for anyone who may not see it. */
export type CaseOpener = (who: CaseOpenerActor, caseId: unknown) => Promise<OpenedCase>;

type CaseRequest = FastifyRequest<{ Params: { caseId: string } }>;
type AgreementRequest = FastifyRequest<{ Params: { caseId: string; agreementId: string } }>;

/** Draws a case page with a form in it (blank, or as it was sent with its problems) and the answer's status. */
type FormPage = (
  request: CaseRequest,
  reply: FastifyReply,
  opened: OpenedCase,
  form: FormState,
  status: number,
) => Promise<FastifyReply>;

/** What a form's service call answered: where to go next, or the form with its problems. */
type Submitted = { ok: true; to: string } | { ok: false; form: FormState };

export function registerCaseItemRoutes(
  app: FastifyInstance,
  pages: Pages,
  items: CaseItemsService,
  openCase: CaseOpener,
): void {
  const open = (request: CaseRequest): Promise<OpenedCase> => {
    const session = request.session;
    if (session === null) throw new NotFound('not signed in');
    return openCase({ actor: request.actor, userId: session.userId, keys: session.keys }, request.params.caseId);
  };
  const base = (opened: OpenedCase) => `/samenwerken/${opened.facts.caseId}`;
  /** What every case items page is drawn with. */
  const common = (
    request: FastifyRequest,
    reply: FastifyReply,
    opened: OpenedCase,
    ctx: PageContext = pages.contextOf(request, reply),
  ) => ({
    ctx,
    caseId: opened.facts.caseId,
    abilities: items.abilities(request.actor, opened),
  });

  /**
   * A page with a form: GET `show` draws it blank (404 when `may` refuses the viewer); POST `path` hands the body
   * to `submit`, then redirects (303) or draws the page again with the form's problems (400).
   */
  const formRoutes = (route: {
    show: string;
    path: string;
    page: FormPage;
    may?: (opened: OpenedCase, request: CaseRequest) => boolean;
    submit: (request: CaseRequest, opened: OpenedCase) => Promise<Submitted>;
  }): void => {
    app.get<{ Params: { caseId: string } }>(route.show, async (request, reply) => {
      const opened = await open(request);
      if (route.may !== undefined && !route.may(opened, request)) throw new NotFound('not for this member');
      return route.page(request, reply, opened, blankForm, 200);
    });
    app.post<{ Params: { caseId: string } }>(route.path, async (request, reply) => {
      const opened = await open(request);
      const result = await route.submit(request, opened);
      if (!result.ok) return route.page(request, reply, opened, result.form, 400);
      return reply.redirect(result.to, 303);
    });
  };

  // Agreements.
  formRoutes({
    show: '/samenwerken/:caseId/afspraken',
    path: '/samenwerken/:caseId/afspraken',
    page: async (request, reply, opened, form, status) =>
      reply.html(
        <AgreementsPage
          {...common(request, reply, opened)}
          agreements={await items.agreements(request.actor, opened)}
          members={await items.assignableMembers(opened)}
          form={form}
        />,
        status,
      ),
    submit: async (request, opened) => {
      const result = await items.createAgreement(request.actor, opened, request.body, trailOf(request));
      return result.ok ? { ok: true, to: `${base(opened)}/afspraken/${result.id}` } : result;
    },
  });

  const agreementPage = async (
    request: AgreementRequest,
    reply: FastifyReply,
    opened: OpenedCase,
    form: FormState,
    status: number,
    conflict?: AgreementConflict['conflict'],
  ) => {
    const { agreement, history } = await items.agreement(request.actor, opened, request.params.agreementId);
    return reply.html(
      <AgreementPage
        {...common(request, reply, opened)}
        agreement={agreement}
        history={history}
        members={await items.assignableMembers(opened)}
        form={form}
        conflict={conflict}
      />,
      status,
    );
  };

  const agreementId = (request: AgreementRequest): string => {
    if (!isId(request.params.agreementId)) throw new NotFound('not an id');
    return request.params.agreementId;
  };

  app.get<{ Params: { caseId: string; agreementId: string } }>(
    '/samenwerken/:caseId/afspraken/:agreementId',
    async (request, reply) => {
      agreementId(request);
      return agreementPage(request, reply, await open(request), blankForm, 200);
    },
  );

  app.post<{ Params: { caseId: string; agreementId: string } }>(
    '/samenwerken/:caseId/afspraken/:agreementId',
    async (request, reply) => {
      const id = agreementId(request);
      const opened = await open(request);
      const result = await items.updateAgreement(request.actor, opened, id, request.body, trailOf(request));
      if (result.ok) return reply.redirect(`${base(opened)}/afspraken/${id}`, 303);
      if ('conflict' in result) return agreementPage(request, reply, opened, result.form, 409, result.conflict);
      return agreementPage(request, reply, opened, result.form, 400);
    },
  );

  // A meeting.
  formRoutes({
    show: '/samenwerken/:caseId/overleg/nieuw',
    path: '/samenwerken/:caseId/overleg',
    may: (opened, request) => items.abilities(request.actor, opened).recordMeeting,
    page: async (request, reply, opened, form, status) =>
      reply.html(<MeetingPage {...common(request, reply, opened)} form={form} />, status),
    submit: async (request, opened) => {
      const result = await items.recordMeeting(request.actor, opened, request.body, trailOf(request));
      return result.ok ? { ok: true, to: `${base(opened)}/tijdlijn` } : result;
    },
  });

  // The planning.
  formRoutes({
    show: '/samenwerken/:caseId/planning',
    path: '/samenwerken/:caseId/planning',
    page: async (request, reply, opened, form, status) =>
      reply.html(
        <PlanningPage
          {...common(request, reply, opened)}
          items={await items.upcoming(request.actor, opened)}
          form={form}
        />,
        status,
      ),
    submit: async (request, opened) => {
      const result = await items.planAppointment(request.actor, opened, request.body, trailOf(request));
      return result.ok ? { ok: true, to: `${base(opened)}/planning` } : result;
    },
  });

  // Messages: everyone's channel and the professionals' one.
  const channels: readonly { path: string; channel: ItemCompartment }[] = [
    { path: '/samenwerken/:caseId/berichten', channel: 'members' },
    { path: '/samenwerken/:caseId/berichten/professionals', channel: 'professionals' },
  ];
  for (const { path, channel } of channels) {
    formRoutes({
      show: path,
      path,
      page: async (request, reply, opened, form, status) =>
        reply.html(
          <MessagesPage
            {...common(request, reply, opened)}
            channel={channel}
            messages={await items.messages(request.actor, opened, channel)}
            form={form}
          />,
          status,
        ),
      submit: async (request, opened) => {
        const result = await items.postMessage(request.actor, opened, channel, request.body, trailOf(request));
        return result.ok ? { ok: true, to: path.replace(':caseId', opened.facts.caseId) } : result;
      },
    });
  }

  // The pathway: every track, and the form that moves one.
  app.get<{ Params: { caseId: string } }>('/samenwerken/:caseId/traject', async (request, reply) => {
    const opened = await open(request);
    const ctx = pages.contextOf(request, reply);
    const { pathway, state } = await items.pathway(request.actor, opened, (role) => roleLabel(ctx.t, role));
    return reply.html(<PathwayItemsPage {...common(request, reply, opened, ctx)} pathway={pathway} state={state} />);
  });

  const stepPage = async (
    request: CaseRequest,
    reply: FastifyReply,
    opened: OpenedCase,
    trackId: unknown,
    form: FormState,
    status: number,
  ) => {
    const { pathway, state } = await items.pathway(request.actor, opened, (role) => role);
    const track = typeof trackId === 'string' ? findTrack(pathway, trackId) : undefined;
    if (track === undefined) throw new NotFound('no such track');
    return reply.html(
      <StepMovePage
        {...common(request, reply, opened)}
        pathway={pathway}
        track={track}
        moves={await items.movesFor(request.actor, opened, track.id)}
        started={(state[track.id]?.current ?? null) !== null}
        form={form}
      />,
      status,
    );
  };

  app.get<{ Params: { caseId: string; track: string } }>(
    '/samenwerken/:caseId/traject/:track',
    async (request, reply) => {
      const opened = await open(request);
      if (!items.abilities(request.actor, opened).moveStep) throw new NotFound('no step moves for this member');
      return stepPage(request, reply, opened, request.params.track, blankForm, 200);
    },
  );

  app.post<{ Params: { caseId: string } }>('/samenwerken/:caseId/traject', async (request, reply) => {
    const opened = await open(request);
    const result = await items.moveStep(request.actor, opened, request.body, trailOf(request));
    if (result.ok) return reply.redirect(`${base(opened)}/traject`, 303);
    const track = (request.body as { traject?: unknown } | undefined)?.traject;
    // An unknown track has no form to draw again: its problem is the page that does not exist.
    return stepPage(request, reply, opened, track, result.form, 400);
  });

  // The timeline, newest first; ?na= is an opaque cursor (a position, never content).
  app.get<{ Params: { caseId: string }; Querystring: { na?: unknown } }>(
    '/samenwerken/:caseId/tijdlijn',
    async (request, reply) => {
      const opened = await open(request);
      const cursor = request.query.na;
      const { entries, next } = await items.timeline(request.actor, opened, cursor);
      return reply.html(
        <TimelinePage
          {...common(request, reply, opened)}
          entries={entries}
          next={next}
          first={cursor === undefined}
          pathways={items.pathwayRegistry}
        />,
      );
    },
  );
}
