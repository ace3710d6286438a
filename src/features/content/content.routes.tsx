import type { FastifyInstance } from 'fastify';
import type { Pages } from '../../app.js';
import { parseForm } from '../../shared/http/forms.js';
import type { ContentService } from './content.service.js';
import { feedbackFormSchema } from './content.schema.js';
import { ContentIndexPage } from './views/content-index.view.js';
import { type FeedbackState, ContentPageView } from './views/content-page.view.js';

interface SlugParams {
  slug: string;
}

export function registerContentRoutes(
  app: FastifyInstance,
  pages: Pages,
  content: ContentService,
): void {
  const { contextOf } = pages;
  app.get('/informatie', (request, reply) =>
    pages.cache.page(request, reply, async (ctx) => (
      <ContentIndexPage ctx={ctx} pages={await content.listVisiblePages(request.actor, request.locale)} />
    )),
  );

  app.get<{ Params: SlugParams; Querystring: { feedback?: string } }>('/informatie/:slug', (request, reply) =>
    pages.cache.page(request, reply, async (ctx) => {
      const { page, fallback } = await content.showPage(request.actor, request.params.slug, request.locale);
      const feedback: FeedbackState = request.query.feedback === 'ontvangen' ? 'thanks' : 'ask';
      return <ContentPageView ctx={ctx} page={page} fallback={fallback} feedback={feedback} />;
    }),
  );

  app.post<{ Params: SlugParams; Body: unknown }>('/informatie/:slug/feedback', async (request, reply) => {
    const parsed = parseForm(feedbackFormSchema, request.body);
    if (!parsed.ok) {
      const { page, fallback } = await content.showPage(request.actor, request.params.slug, request.locale);
      return reply.html(
        <ContentPageView ctx={contextOf(request, reply)} page={page} fallback={fallback} feedback="invalid" />,
        400,
      );
    }
    await content.recordFeedback(request.actor, request.params.slug, request.locale, parsed.value.helpful === 'ja');
    return reply.redirect(`/informatie/${request.params.slug}?feedback=ontvangen#feedback`, 303);
  });
}
