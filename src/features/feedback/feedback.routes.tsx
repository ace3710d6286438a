import type { FastifyInstance } from 'fastify';
import type { Pages } from '../../app.js';
import { parseForm } from '../../shared/http/forms.js';
import { blankForm } from '../../shared/views/components/fields.js';
import { trailOf } from '../audit/audit.service.js';
import { feedbackSections } from './feedback.repo.js';
import { maxTextLength } from './feedback.schema.js';
import { feedbackTextFormSchema } from './feedback.schema.js';
import type { FeedbackService } from './feedback.service.js';
import { type AdminNotice, FeedbackAdminPage } from './views/feedback-admin.view.js';
import { ArticleVotePage, FeedbackTextPage, textPath, votePath } from './views/feedback-form.view.js';
import { feedbackFormSchema } from '../content/content.schema.js';

export interface FeedbackRouteOptions {
  /** How many texts one address may send per window (on top of the global limit, which also applies). */
  textsPerWindow: number;
  windowMs: number;
}

const noticeOf = (query: unknown): AdminNotice => {
  const value = (query as { gedaan?: unknown } | undefined)?.gedaan;
  return value === 'goedgekeurd' ? 'accepted' : value === 'verwijderd' ? 'discarded' : undefined;
};

/**
 * Readers' "what was missing?" (ADR 0038): the form and its thanks on a page of their own, for information pages
 * and knowledge articles, and the editors' list with its moderation queue at /beheer/feedback. The service
 * decides who may act; a page the reader may not read, and the list for anyone not editorial, are a 404.
 */
export function registerFeedbackRoutes(
  app: FastifyInstance,
  pages: Pages,
  feedback: FeedbackService,
  options: FeedbackRouteOptions,
): void {
  const { contextOf } = pages;

  for (const section of feedbackSections) {
    const path = textPath(section, ':slug');

    app.get<{ Params: { slug: string }; Querystring: { verstuurd?: string; beantwoord?: string } }>(
      path,
      async (request, reply) => {
        const page = await feedback.page(request.actor, section, request.params.slug, request.locale);
        const state =
          request.query.verstuurd === undefined
            ? { kind: 'form' as const, form: blankForm, answered: request.query.beantwoord === 'ja' }
            : { kind: 'sent' as const };
        return reply.html(
          <FeedbackTextPage ctx={contextOf(request, reply)} section={section} page={page} state={state} />,
        );
      },
    );

    app.post<{ Params: { slug: string }; Body: unknown }>(
      path,
      { config: { rateLimit: { max: options.textsPerWindow, timeWindow: options.windowMs } } },
      async (request, reply) => {
        const { slug } = request.params;
        const page = await feedback.page(request.actor, section, slug, request.locale);
        const parsed = parseForm(feedbackTextFormSchema, request.body, { keep: maxTextLength + 100 });
        if (!parsed.ok) {
          const form = { values: parsed.values, problems: parsed.problems };
          return reply.html(
            <FeedbackTextPage
              ctx={contextOf(request, reply)}
              section={section}
              page={page}
              state={{ kind: 'form', form }}
            />,
            400,
          );
        }
        await feedback.giveText(request.actor, section, slug, request.locale, parsed.value.tekst);
        return reply.redirect(`${textPath(section, page.slug)}?verstuurd=ja`, 303);
      },
    );
  }

  // "Was this useful?" under a knowledge article (information pages have theirs in content.routes.tsx).
  app.post<{ Params: { slug: string }; Body: unknown }>(votePath(':slug'), async (request, reply) => {
    const { slug } = request.params;
    const page = await feedback.page(request.actor, 'kennisbank', slug, request.locale);
    const parsed = parseForm(feedbackFormSchema, request.body);
    if (!parsed.ok) return reply.html(<ArticleVotePage ctx={contextOf(request, reply)} page={page} />, 400);
    await feedback.vote(request.actor, 'kennisbank', slug, request.locale, parsed.value.helpful === 'ja');
    return reply.redirect(`${textPath('kennisbank', page.slug)}?beantwoord=ja`, 303);
  });

  app.get('/beheer/feedback', async (request, reply) => {
    const overview = await feedback.overview(request.actor);
    return reply.html(
      <FeedbackAdminPage ctx={contextOf(request, reply)} overview={overview} notice={noticeOf(request.query)} />,
    );
  });

  app.post<{ Params: { id: string } }>('/beheer/feedback/:id/goedkeuren', async (request, reply) => {
    await feedback.accept(request.actor, request.params.id, trailOf(request));
    return reply.redirect('/beheer/feedback?gedaan=goedgekeurd', 303);
  });

  app.post<{ Params: { id: string } }>('/beheer/feedback/:id/verwijderen', async (request, reply) => {
    await feedback.discard(request.actor, request.params.id, trailOf(request));
    return reply.redirect('/beheer/feedback?gedaan=verwijderd', 303);
  });
}
