import type { FastifyInstance } from 'fastify';
import type { Pages } from '../../app.js';
import type { CheckService } from './check.service.js';
import { CheckFormPage } from './views/check-form.view.js';
import { joinRendered, renderToHtml } from '../../shared/views/rendered-html.js';
import { CheckHelpForm, CheckOutcomePage, renderOutcomeDetails } from './views/check-outcome.view.js';
import { CheckRejectedPage } from './views/check-rejected.view.js';

export function registerCheckRoutes(app: FastifyInstance, pages: Pages, check: CheckService): void {
  app.get('/check', (request, reply) =>
    pages.cache.page(request, reply, (ctx) => (
      <CheckFormPage ctx={ctx} questionnaire={check.current()} answers={new Map()} missing={[]} />
    )),
  );

  // Answers arrive by POST only and are used for this response alone: never stored, never logged.
  app.post<{ Body: unknown }>('/check', async (request, reply) => {
    const result = check.submit(request.actor, request.body);
    const ctx = pages.contextOf(request, reply);
    switch (result.kind) {
      case 'rejected':
        return reply.html(<CheckRejectedPage ctx={ctx} reason={result.reason} />, 400);
      case 'incomplete':
        return reply.html(
          <CheckFormPage
            ctx={ctx}
            questionnaire={result.questionnaire}
            answers={result.answers}
            missing={result.missing}
          />,
          400,
        );
      case 'outcome': {
        const { questionnaire, evaluation } = result;
        // Everything but the answer details depends only on these facts, so that frame is rendered once.
        const key = `check ${questionnaire.version} ${evaluation.level} ${evaluation.signalsLevel} ${evaluation.family} ${evaluation.acute.join(',')} ${evaluation.guidance.join(',')}`;
        return pages.cache.framed(
          request,
          reply,
          key,
          (frameCtx, slot) => (
            <CheckOutcomePage ctx={frameCtx} questionnaire={questionnaire} evaluation={evaluation} details={slot} />
          ),
          // The help form (it holds this visitor's CSRF token), then the details, joined from pieces rendered once
          // per version and language (never per answer set).
          (fillCtx) =>
            joinRendered([
              renderToHtml(<CheckHelpForm ctx={fillCtx} level={evaluation.level} />),
              renderOutcomeDetails(fillCtx, questionnaire, evaluation),
            ]),
        );
      }
    }
  });
}
