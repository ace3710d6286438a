import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Pages } from '../../app.js';
import { trailOf } from '../audit/audit.service.js';
import type { MessageKey } from '../../shared/i18n/messages.js';
import { ReviewRefusal, type TranslationReviewService } from './translation-review.service.js';
import { type ReviewNotice, TranslationReviewPage } from './views/translation-review.view.js';

const path = '/beheer/vertalingen';
const fieldMax = 200;

/** A form field as a string of at most `fieldMax` characters; anything else (missing, an array, oversized) undefined. */
function field(body: unknown, name: string): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const value = (body as Record<string, unknown>)[name];
  return typeof value === 'string' && value.length <= fieldMax ? value : undefined;
}

const done: Record<string, MessageKey> = {
  gemarkeerd: 'translationReview.done.marked',
  ingetrokken: 'translationReview.done.withdrawn',
};

/**
 * The reviewers' marks (ADR 0053): GET /beheer/vertalingen lists per language every page and its state; a POST
 * (taal, pagina, actie=markeren|intrekken) marks a page reviewed or withdraws the mark. The service decides who
 * may; a refused input is the page again with the reason, 400.
 */
export function registerTranslationReviewRoutes(
  app: FastifyInstance,
  pages: Pages,
  reviews: TranslationReviewService,
): void {
  const page = async (request: FastifyRequest, reply: FastifyReply, notice?: ReviewNotice, status = 200) => {
    const overview = await reviews.overview(request.actor);
    return reply.html(
      <TranslationReviewPage ctx={pages.contextOf(request, reply)} overview={overview} notice={notice} />,
      status,
    );
  };

  app.get<{ Querystring: { gedaan?: unknown } }>(path, (request, reply) => {
    const key = typeof request.query.gedaan === 'string' ? done[request.query.gedaan] : undefined;
    return page(request, reply, key === undefined ? undefined : { kind: 'done', text: request.t(key) });
  });

  app.post<{ Body: unknown }>(path, async (request, reply) => {
    // Who may see the page at all is decided first (a visitor without an editorial role learns nothing more).
    await reviews.overview(request.actor);
    const language = field(request.body, 'taal');
    const target = field(request.body, 'pagina');
    const action = field(request.body, 'actie');
    const refuse = (key: MessageKey) => page(request, reply, { kind: 'problem', text: request.t(key) }, 400);
    if (action !== 'markeren' && action !== 'intrekken') return refuse('translationReview.problem.action');
    if (language === undefined) return refuse('translationReview.problem.language');
    if (target === undefined) return refuse('translationReview.problem.page');
    try {
      await reviews.setReviewed(request.actor, language, target, action === 'markeren', trailOf(request));
    } catch (error) {
      if (error instanceof ReviewRefusal) return refuse(error.messageKey);
      throw error;
    }
    return reply.redirect(`${path}?gedaan=${action === 'markeren' ? 'gemarkeerd' : 'ingetrokken'}`, 303);
  });
}
