import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { Pages } from '../../app.js';
import { authorize } from '../../policies.js';
import type { CurrentSession } from '../../shared/auth/session.js';
import { NotFound } from '../../shared/errors.js';
import { parseForm } from '../../shared/http/forms.js';
import { blankForm } from '../../shared/views/components/fields.js';
import { trailOf } from '../audit/audit.service.js';
import { maxTextLength, surveyFormSchema } from './survey.schema.js';
import type { SurveyService } from './survey.service.js';
import { moderationPath, type ModerationNotice, SurveyModerationPage } from './views/survey-admin.view.js';
import {
  declinePath,
  SurveyOffer,
  SurveyPage,
  surveyPath,
  SurveyThanksPage,
  thanksPath,
} from './views/survey.views.js';

const sessionOf = (request: FastifyRequest): CurrentSession => {
  // The survey's pages do not exist for someone who is not signed in.
  if (request.session === null) throw new NotFound('not signed in');
  return request.session;
};

const noticeOf = (query: unknown): ModerationNotice => {
  const value = (query as { gedaan?: unknown } | undefined)?.gedaan;
  return value === 'goedgekeurd' ? 'accepted' : value === 'afgewezen' ? 'rejected' : undefined;
};

type AccountSection = (request: FastifyRequest, reply: FastifyReply, session: CurrentSession) => Promise<VNode | null>;

/**
 * The account page's sections with the survey's offer after them: shown when the service makes or holds an offer
 * for this session (ADR 0047), nothing otherwise. `before` are the other features' sections.
 */
export function surveyAccountSection(pages: Pages, survey: SurveyService, before?: AccountSection): AccountSection {
  return async (request, reply, session) => {
    const others = before === undefined ? null : await before(request, reply, session);
    const offer = await survey.offerFor(request.actor, session);
    if (offer === undefined) return others;
    return (
      <>
        {others}
        <SurveyOffer ctx={pages.contextOf(request, reply)} />
      </>
    );
  };
}

/**
 * The parents' survey (ADR 0047): the questions, answering, declining and the thanks (the same page after both),
 * and the reviewers' moderation of the free texts at /beheer/vragenlijst. The service decides who may act; the
 * survey without an open offer, and the moderation page for anyone but a reviewer or admin, are a 404.
 */
export function registerSurveyRoutes(app: FastifyInstance, pages: Pages, survey: SurveyService): void {
  const { contextOf } = pages;

  app.get(surveyPath, async (request, reply) => {
    await survey.survey(request.actor, sessionOf(request));
    return reply.html(<SurveyPage ctx={contextOf(request, reply)} form={blankForm} />);
  });

  app.post<{ Body: unknown }>(surveyPath, async (request, reply) => {
    const session = sessionOf(request);
    // Whether this session may answer is decided before the form is read.
    await survey.survey(request.actor, session);
    const parsed = parseForm(surveyFormSchema, request.body, { keep: maxTextLength + 100 });
    if (!parsed.ok) {
      const form = { values: parsed.values, problems: parsed.problems };
      return reply.html(<SurveyPage ctx={contextOf(request, reply)} form={form} />, 400);
    }
    await survey.answer(request.actor, session, parsed.value);
    return reply.redirect(thanksPath, 303);
  });

  app.post(declinePath, async (request, reply) => {
    await survey.decline(request.actor, sessionOf(request));
    return reply.redirect(thanksPath, 303);
  });

  app.get(thanksPath, (request, reply) => {
    authorize(request.actor, 'survey', 'offer', { open: false });
    return reply.html(<SurveyThanksPage ctx={contextOf(request, reply)} />);
  });

  app.get(moderationPath, async (request, reply) => {
    const moderation = await survey.moderation(request.actor);
    return reply.html(
      <SurveyModerationPage ctx={contextOf(request, reply)} moderation={moderation} notice={noticeOf(request.query)} />,
    );
  });

  app.post<{ Params: { id: string } }>(`${moderationPath}/:id/goedkeuren`, async (request, reply) => {
    await survey.accept(request.actor, request.params.id, trailOf(request));
    return reply.redirect(`${moderationPath}?gedaan=goedgekeurd`, 303);
  });

  app.post<{ Params: { id: string } }>(`${moderationPath}/:id/afwijzen`, async (request, reply) => {
    await survey.reject(request.actor, request.params.id, trailOf(request));
    return reply.redirect(`${moderationPath}?gedaan=afgewezen`, 303);
  });
}
