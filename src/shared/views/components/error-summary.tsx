import type { MessageKey } from '../../i18n/messages.js';
import type { PageContext } from '../context.js';

/** The list of problems at the top of a form, each linking to its field (GOV.UK pattern; app.js focuses it). */
export function ErrorSummary({
  ctx,
  problems,
}: {
  ctx: PageContext;
  problems: readonly { field: string; messageKey: MessageKey }[];
}) {
  const { t } = ctx;
  if (problems.length === 0) return null;
  return (
    <div
      class="app-error-summary"
      data-module="app-error-summary"
      role="alert"
      tabindex={-1}
      aria-labelledby="error-summary-title"
    >
      <h2 class="app-error-summary__title" id="error-summary-title">
        {t('error.title')}
      </h2>
      <ul class="app-error-summary__list">
        {problems.map((problem) => (
          <li key={problem.field}>
            <a href={`#${problem.field}`}>{t(problem.messageKey)}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
