import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Pages } from '../../app.js';
import { parseForm } from '../../shared/http/forms.js';
import {
  type PageLanguage,
  type ReviewMarks,
  type TranslatorFor,
  contentPageId,
  languageInfo,
  untranslatedPageIn,
} from '../../shared/i18n/i18n.js';
import type { PageContext } from '../../shared/views/context.js';
import type { ContentService, ShownPage } from './content.service.js';
import { feedbackFormSchema } from './content.schema.js';
import { ContentIndexPage } from './views/content-index.view.js';
import { type FeedbackState, ContentPageView, contentPageKeys } from './views/content-page.view.js';

interface SlugParams {
  slug: string;
}

/** What the routes need to show a page in a language being translated (ADR 0053). */
export interface ContentLanguages {
  translatorFor: TranslatorFor;
  /** The reviewers' marks, in memory (src/features/translation-review). */
  marks: ReviewMarks;
}

export function registerContentRoutes(
  app: FastifyInstance,
  pages: Pages,
  content: ContentService,
  languages: ContentLanguages,
): void {
  const { contextOf } = pages;
  const { translatorFor, marks } = languages;

  /** Whether pages written in the visitor's language may be shown in it (it has the page view's own texts). */
  const allowed = (request: FastifyRequest): boolean =>
    translatorFor.showsContentIn(request.pageLanguage.language, contentPageKeys);

  /**
   * The context of a shown page: an information page is translated where its file is in the chosen language, not
   * by its route. A translation: the page's own texts in the chosen language, without the fallback wrapper, with
   * its review state; no translation: the fallback (nl or en) in the wrapper, with the notice.
   */
  const shownIn = (request: FastifyRequest, ctx: PageContext, shown: ShownPage): PageContext => {
    const { language } = request.pageLanguage;
    if (languageInfo[language].locale === language) return ctx;
    const page: PageLanguage = shown.translated
      ? (translatorFor.contentPageIn(language, contentPageId(shown.page.slug), contentPageKeys, marks) ??
        untranslatedPageIn(language, marks))
      : untranslatedPageIn(language, marks);
    const t = page.translated ? translatorFor(language) : translatorFor(request.locale);
    request.pageLanguage = page;
    request.t = t;
    return { ...ctx, pageLanguage: page, t };
  };

  app.get('/informatie', (request, reply) =>
    pages.cache.page(request, reply, async (ctx) => {
      // Listed in the chosen language where the page would be shown in it.
      const listed = await content.listVisiblePages(request.actor, request.pageLanguage.language, allowed(request));
      return <ContentIndexPage ctx={ctx} pages={listed} />;
    }),
  );

  app.get<{ Params: SlugParams; Querystring: { feedback?: string } }>('/informatie/:slug', (request, reply) =>
    pages.cache.page(request, reply, async (ctx) => {
      const shown = await content.showPage(
        request.actor,
        request.params.slug,
        request.pageLanguage.language,
        allowed(request),
      );
      const feedback: FeedbackState = request.query.feedback === 'ontvangen' ? 'thanks' : 'ask';
      return (
        <ContentPageView
          ctx={shownIn(request, ctx, shown)}
          page={shown.page}
          fallback={shown.fallback}
          feedback={feedback}
        />
      );
    }),
  );

  app.post<{ Params: SlugParams; Body: unknown }>('/informatie/:slug/feedback', async (request, reply) => {
    const { language } = request.pageLanguage;
    const parsed = parseForm(feedbackFormSchema, request.body);
    if (!parsed.ok) {
      const shown = await content.showPage(request.actor, request.params.slug, language, allowed(request));
      return reply.html(
        <ContentPageView
          ctx={shownIn(request, contextOf(request, reply), shown)}
          page={shown.page}
          fallback={shown.fallback}
          feedback="invalid"
        />,
        400,
      );
    }
    const helpful = parsed.value.helpful === 'ja';
    await content.recordFeedback(request.actor, request.params.slug, language, helpful, allowed(request));
    return reply.redirect(`/informatie/${request.params.slug}?feedback=ontvangen#feedback`, 303);
  });
}
