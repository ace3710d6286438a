import type { FastifyInstance } from 'fastify';
import type { Pages } from '../../app.js';
import { type TranslatorFor, isLocale } from '../../shared/i18n/i18n.js';
import type { PageContext } from '../../shared/views/context.js';
import type { CheckService } from './check.service.js';
import type { Questionnaire } from './check.schema.js';
import { completeLanguages } from './questionnaire-languages.js';
import { CheckFormPage } from './views/check-form.view.js';
import { joinRendered, renderToHtml } from '../../shared/views/rendered-html.js';
import { CheckHelpForm, CheckOutcomePage, renderOutcomeDetails } from './views/check-outcome.view.js';
import { CheckRejectedPage } from './views/check-rejected.view.js';

/**
 * The check's pages are declared translated per language (src/translations/translations.ts), but their questions
 * and advice are the questionnaire's: a version not complete in the chosen language shows the whole page in the
 * fallback (`ctx.locale`), with the notice that it is not translated, like any page not declared (ADR 0054).
 */
export function inQuestionnaireLanguage(
  ctx: PageContext,
  questionnaire: Questionnaire,
  translatorFor: TranslatorFor,
): PageContext {
  const page = ctx.pageLanguage;
  if (page === undefined || !page.translated || isLocale(page.language)) return ctx;
  if ((completeLanguages(questionnaire) as readonly string[]).includes(page.language)) return ctx;
  return { ...ctx, t: translatorFor(ctx.locale), pageLanguage: { ...page, translated: false } };
}

export function registerCheckRoutes(
  app: FastifyInstance,
  pages: Pages,
  check: CheckService,
  translatorFor: TranslatorFor,
): void {
  app.get('/check', (request, reply) =>
    pages.cache.page(request, reply, (ctx) => {
      const questionnaire = check.current();
      return (
        <CheckFormPage
          ctx={inQuestionnaireLanguage(ctx, questionnaire, translatorFor)}
          questionnaire={questionnaire}
          answers={new Map()}
          missing={[]}
        />
      );
    }),
  );

  // Answers arrive by POST only and are used for this response alone: never stored, never logged.
  app.post<{ Body: unknown }>('/check', async (request, reply) => {
    const result = check.submit(request.actor, request.body);
    const ctx = pages.contextOf(request, reply);
    switch (result.kind) {
      case 'rejected':
        return reply.html(
          <CheckRejectedPage
            ctx={inQuestionnaireLanguage(ctx, check.current(), translatorFor)}
            reason={result.reason}
          />,
          400,
        );
      case 'incomplete':
        return reply.html(
          <CheckFormPage
            ctx={inQuestionnaireLanguage(ctx, result.questionnaire, translatorFor)}
            questionnaire={result.questionnaire}
            answers={result.answers}
            missing={result.missing}
          />,
          400,
        );
      case 'outcome': {
        const { questionnaire, evaluation } = result;
        const inLanguage = (pageCtx: PageContext) => inQuestionnaireLanguage(pageCtx, questionnaire, translatorFor);
        // Everything but the answer details depends only on these facts, so that frame is rendered once.
        const key = `check ${questionnaire.version} ${evaluation.level} ${evaluation.signalsLevel} ${evaluation.family} ${evaluation.acute.join(',')} ${evaluation.guidance.join(',')}`;
        return pages.cache.framed(
          request,
          reply,
          key,
          (frameCtx, slot) => (
            <CheckOutcomePage
              ctx={inLanguage(frameCtx)}
              questionnaire={questionnaire}
              evaluation={evaluation}
              details={slot}
            />
          ),
          // The help form (it holds this visitor's CSRF token), then the details, joined from pieces rendered once
          // per version and language (never per answer set).
          (fillCtx) =>
            joinRendered([
              renderToHtml(<CheckHelpForm ctx={inLanguage(fillCtx)} level={evaluation.level} />),
              renderOutcomeDetails(inLanguage(fillCtx), questionnaire, evaluation),
            ]),
        );
      }
    }
  });
}
