import { CsrfField } from '../../../shared/views/components/csrf-field.js';
import { ErrorSummary } from '../../../shared/views/components/error-summary.js';
import { Checkbox, type FormState, problemOf } from '../../../shared/views/components/fields.js';
import type { PageContext } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import type { ClosingView } from '../case-closing.service.js';

/*
 * Closing and keeping a case (ADR 0031): its part on the case page (closed since, deleted on, the parent's own
 * copy, the coordinator's way to close), the confirmation step, and the answers to a write on a closed case and to
 * any request for a deleted one. Titles say only what the page is for, never the child's label.
 */

/**
 * Where a parent downloads their own copy of what they read in the case: EXPORTS' summary page, which gives a
 * parent their own copy (case.ownCopy) after their passphrase.
 */
export const ownCopyPath = (caseId: string): string => `/samenwerken/${caseId}/samenvatting`;

export function ClosingSection({ ctx, closing }: { ctx: PageContext; closing: ClosingView }) {
  const { t } = ctx;
  const base = `/samenwerken/${closing.caseId}`;
  if (closing.closedAt === null) {
    if (!closing.mayClose) return null;
    return (
      <section data-closing="open">
        <h2>{t('caseClosing.section.heading')}</h2>
        <p>{t('caseClosing.open.text')}</p>
        <p>
          <a class="app-button app-button--secondary" href={`${base}/afsluiten`}>
            {t('caseClosing.open.button')}
          </a>
        </p>
      </section>
    );
  }
  return (
    <section data-closing="closed">
      <h2>{t('caseClosing.section.heading')}</h2>
      <p>
        <strong>{t('caseClosing.closed', { closed: new Date(closing.closedAt) })}</strong>
      </p>
      {closing.deleteAfter !== null && (
        <p data-delete-after={closing.deleteAfter.slice(0, 10)}>
          {t('caseClosing.deleteOn', { date: new Date(closing.deleteAfter) })}{' '}
          {closing.noticeGiven && t('caseClosing.deleteSoon')}
        </p>
      )}
      {closing.mayOwnCopy && (
        <>
          <p>{t('caseClosing.ownCopy.text')}</p>
          <p>
            <a class="app-button" href={ownCopyPath(closing.caseId)} data-own-copy>
              {t('caseClosing.ownCopy.link')}
            </a>
          </p>
        </>
      )}
    </section>
  );
}

export function CloseCasePage({
  ctx,
  caseId,
  deleteAfter,
  form,
}: {
  ctx: PageContext;
  caseId: string;
  deleteAfter: string;
  form: FormState;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('caseClosing.confirm.title')}>
      <h1>{t('caseClosing.confirm.title')}</h1>
      <ErrorSummary ctx={ctx} problems={form.problems} />
      <p>{t('caseClosing.confirm.intro')}</p>
      <ul>
        <li>{t('caseClosing.confirm.readOnly')}</li>
        <li>{t('caseClosing.confirm.told')}</li>
        <li>{t('caseClosing.confirm.deleted', { date: new Date(deleteAfter) })}</li>
      </ul>
      <p>
        <strong>{t('caseClosing.confirm.final')}</strong>
      </p>
      <form method="post" action={`/samenwerken/${caseId}/afsluiten`} novalidate>
        <CsrfField ctx={ctx} />
        <Checkbox
          ctx={ctx}
          name="nazorg"
          label={t('caseClosing.confirm.aftercare')}
          checked={form.values.nazorg === 'ja'}
          problem={problemOf(form.problems, 'nazorg')}
        />
        <button class="app-button app-button--danger" type="submit">
          {t('caseClosing.confirm.submit')}
        </button>
      </form>
      <p>
        <a href={`/samenwerken/${caseId}`}>{t('caseClosing.confirm.back')}</a>
      </p>
    </Layout>
  );
}

/** A write on a closed case: what happened, and the way back to reading it. */
export function CaseClosedPage({ ctx, caseId }: { ctx: PageContext; caseId: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('caseClosing.refused.title')}>
      <h1>{t('caseClosing.refused.title')}</h1>
      <p data-case-closed>{t('caseClosing.refused.text')}</p>
      <p>
        <a href={`/samenwerken/${caseId}`}>{t('caseClosing.refused.back')}</a>
      </p>
    </Layout>
  );
}

/** Any request for a case whose keys were destroyed, from someone who was a member then. */
export function CaseDeletedPage({ ctx, on }: { ctx: PageContext; on: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('caseClosing.deleted.title')}>
      <h1>{t('caseClosing.deleted.title')}</h1>
      <p data-case-deleted={on.slice(0, 10)}>{t('caseClosing.deleted.text', { date: new Date(on) })}</p>
      <p>
        <a href="/samenwerken">{t('caseClosing.deleted.back')}</a>
      </p>
    </Layout>
  );
}
