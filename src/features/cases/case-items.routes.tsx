import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Pages } from '../../app.js';
import type { KeyRing } from '../../shared/auth/key-ring.js';
import { NotFound } from '../../shared/errors.js';
import { blankForm, type FormState } from '../../shared/http/forms.js';
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

  // Agreements.
  const agreementsPage = async (
    request: CaseRequest,
    reply: FastifyReply,
    opened: OpenedCase,
    form: FormState,
    status: number,
  ) =>
    reply.html(
      <AgreementsPage
        ctx={pages.contextOf(request, reply)}
        caseId={opened.facts.caseId}
        abilities={items.abilities(request.actor, opened)}
        agreements={await items.agreements(request.actor, opened)}
        members={await items.assignableMembers(opened)}
        form={form}
      />,
      status,
    );

  app.get<{ Params: { caseId: string } }>('/samenwerken/:caseId/afspraken', async (request, reply) =>
    agreementsPage(request, reply, await open(request), blankForm, 200),
  );

  app.post<{ Params: { caseId: string } }>('/samenwerken/:caseId/afspraken', async (request, reply) => {
    const opened = await open(request);
    const result = await items.createAgreement(request.actor, opened, request.body, trailOf(request));
    if (!result.ok) return agreementsPage(request, reply, opened, result.form, 400);
    return reply.redirect(`${base(opened)}/afspraken/${result.id}`, 303);
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
        ctx={pages.contextOf(request, reply)}
        caseId={opened.facts.caseId}
        abilities={items.abilities(request.actor, opened)}
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
  const meetingPage = (
    request: CaseRequest,
    reply: FastifyReply,
    opened: OpenedCase,
    form: FormState,
    status: number,
  ) =>
    reply.html(
      <MeetingPage
        ctx={pages.contextOf(request, reply)}
        caseId={opened.facts.caseId}
        abilities={items.abilities(request.actor, opened)}
        form={form}
      />,
      status,
    );

  app.get<{ Params: { caseId: string } }>('/samenwerken/:caseId/overleg/nieuw', async (request, reply) => {
    const opened = await open(request);
    if (!items.abilities(request.actor, opened).recordMeeting) throw new NotFound('no meetings for this member');
    return meetingPage(request, reply, opened, blankForm, 200);
  });

  app.post<{ Params: { caseId: string } }>('/samenwerken/:caseId/overleg', async (request, reply) => {
    const opened = await open(request);
    const result = await items.recordMeeting(request.actor, opened, request.body, trailOf(request));
    if (!result.ok) return meetingPage(request, reply, opened, result.form, 400);
    return reply.redirect(`${base(opened)}/tijdlijn`, 303);
  });

  // The planning.
  const planningPage = async (
    request: CaseRequest,
    reply: FastifyReply,
    opened: OpenedCase,
    form: FormState,
    status: number,
  ) =>
    reply.html(
      <PlanningPage
        ctx={pages.contextOf(request, reply)}
        caseId={opened.facts.caseId}
        abilities={items.abilities(request.actor, opened)}
        items={await items.upcoming(request.actor, opened)}
        form={form}
      />,
      status,
    );

  app.get<{ Params: { caseId: string } }>('/samenwerken/:caseId/planning', async (request, reply) =>
    planningPage(request, reply, await open(request), blankForm, 200),
  );

  app.post<{ Params: { caseId: string } }>('/samenwerken/:caseId/planning', async (request, reply) => {
    const opened = await open(request);
    const result = await items.planAppointment(request.actor, opened, request.body, trailOf(request));
    if (!result.ok) return planningPage(request, reply, opened, result.form, 400);
    return reply.redirect(`${base(opened)}/planning`, 303);
  });

  // Messages: everyone's channel and the professionals' one.
  const channels: readonly { path: string; channel: ItemCompartment }[] = [
    { path: '/samenwerken/:caseId/berichten', channel: 'members' },
    { path: '/samenwerken/:caseId/berichten/professionals', channel: 'professionals' },
  ];
  for (const { path, channel } of channels) {
    const messagesPage = async (
      request: CaseRequest,
      reply: FastifyReply,
      opened: OpenedCase,
      form: FormState,
      status: number,
    ) =>
      reply.html(
        <MessagesPage
          ctx={pages.contextOf(request, reply)}
          caseId={opened.facts.caseId}
          abilities={items.abilities(request.actor, opened)}
          channel={channel}
          messages={await items.messages(request.actor, opened, channel)}
          form={form}
        />,
        status,
      );
    app.get<{ Params: { caseId: string } }>(path, async (request, reply) =>
      messagesPage(request, reply, await open(request), blankForm, 200),
    );
    app.post<{ Params: { caseId: string } }>(path, async (request, reply) => {
      const opened = await open(request);
      const result = await items.postMessage(request.actor, opened, channel, request.body, trailOf(request));
      if (!result.ok) return messagesPage(request, reply, opened, result.form, 400);
      return reply.redirect(path.replace(':caseId', opened.facts.caseId), 303);
    });
  }

  // The pathway: every track, and the form that moves one.
  app.get<{ Params: { caseId: string } }>('/samenwerken/:caseId/traject', async (request, reply) => {
    const opened = await open(request);
    const ctx = pages.contextOf(request, reply);
    const { pathway, state } = await items.pathway(request.actor, opened, (role) => roleLabel(ctx.t, role));
    return reply.html(
      <PathwayItemsPage
        ctx={ctx}
        caseId={opened.facts.caseId}
        abilities={items.abilities(request.actor, opened)}
        pathway={pathway}
        state={state}
      />,
    );
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
        ctx={pages.contextOf(request, reply)}
        caseId={opened.facts.caseId}
        abilities={items.abilities(request.actor, opened)}
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
          ctx={pages.contextOf(request, reply)}
          caseId={opened.facts.caseId}
          abilities={items.abilities(request.actor, opened)}
          entries={entries}
          next={next}
          first={cursor === undefined}
          pathways={items.pathwayRegistry}
        />,
      );
    },
  );
}
