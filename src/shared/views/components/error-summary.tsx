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
    <ErrorSummaryBox
      title={t('error.title')}
      links={problems.map((problem) => ({ href: `#${problem.field}`, text: t(problem.messageKey) }))}
    />
  );
}

/**
 * The error summary's box for a page whose problems are not a form's fields (the check's unanswered questions,
 * the help finder's place): a title, an optional line, and one link a problem (each href once).
 */
export function ErrorSummaryBox({
  title,
  lead,
  links,
}: {
  title: string;
  lead?: string;
  links: readonly { href: string; text: string }[];
}) {
  return (
    <div
      class="app-error-summary"
      data-module="app-error-summary"
      role="alert"
      tabindex={-1}
      aria-labelledby="error-summary-title"
    >
      <h2 class="app-error-summary__title" id="error-summary-title">
        {title}
      </h2>
      {lead !== undefined && <p>{lead}</p>}
      <ul class="app-error-summary__list">
        {links.map((link) => (
          <li key={link.href}>
            <a href={link.href}>{link.text}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
