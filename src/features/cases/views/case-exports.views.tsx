import type { MessageKey } from '../../../shared/i18n/messages.js';
import { CsrfField } from '../../../shared/views/components/csrf-field.js';
import { ErrorSummary } from '../../../shared/views/components/error-summary.js';
import { FieldError, type FormState, problemOf } from '../../../shared/views/components/fields.js';
import type { PageContext } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import type { BundleState, PoliceBundleItem } from '../case-exports.service.js';

/*
 * The export pages of a case (ADR 0029): the summary PDF (/samenwerken/:caseId/samenvatting; a parent's own copy
 * on the same address) and the police bundles (/samenwerken/:caseId/politiebundel). Each download is a form with
 * the passphrase given again; the answer is the file itself.
 */

const titled = (ctx: PageContext, title: string, problems: readonly unknown[]) =>
  problems.length === 0 ? title : `${ctx.t('error.title')}: ${title}`;

function BackToCase({ ctx, caseId }: { ctx: PageContext; caseId: string }) {
  return (
    <p>
      <a href={`/samenwerken/${caseId}`}>{ctx.t('caseExports.back')}</a>
    </p>
  );
}

function PassphraseField({
  ctx,
  form,
  id,
  parent,
}: {
  ctx: PageContext;
  form: FormState;
  id: string;
  parent: boolean;
}) {
  const { t } = ctx;
  const problem = problemOf(form.problems, 'wachtwoord');
  return (
    <div class="app-field">
      <label class="app-label" for={id}>
        {t(parent ? 'caseExports.passphraseParent' : 'caseExports.passphrase')}
      </label>
      <p class="app-hint" id={`${id}-hint`}>
        {t(parent ? 'caseExports.passphraseHintParent' : 'caseExports.passphraseHint')}
      </p>
      <FieldError ctx={ctx} id={id} problem={problem} />
      <input
        class={`app-input${problem === undefined ? '' : ' app-input--error'}`}
        type="password"
        id={id}
        name="wachtwoord"
        autocomplete="current-password"
        aria-describedby={`${id}-hint`}
      />
    </div>
  );
}

/** The summary (a professional) or own-copy (a parent) page: what it holds, who sees that it was made, the form. */
export function SummaryPage({
  ctx,
  caseId,
  kind,
  form,
}: {
  ctx: PageContext;
  caseId: string;
  kind: 'summary' | 'own-copy';
  form: FormState;
}) {
  const { t } = ctx;
  const parent = kind === 'own-copy';
  const title = t(parent ? 'caseExports.ownCopy.title' : 'caseExports.summary.title');
  return (
    <Layout ctx={ctx} title={titled(ctx, title, form.problems)}>
      <BackToCase ctx={ctx} caseId={caseId} />
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} problems={form.problems} />
      <p class="app-lead">{t(parent ? 'caseExports.ownCopy.lead' : 'caseExports.summary.lead')}</p>
      <p>{t(parent ? 'caseExports.ownCopy.visible' : 'caseExports.summary.visible')}</p>
      <form method="post" action={`/samenwerken/${caseId}/samenvatting`}>
        <CsrfField ctx={ctx} />
        <PassphraseField ctx={ctx} form={form} id="wachtwoord" parent={parent} />
        <button class="app-button" type="submit">
          {t(parent ? 'caseExports.ownCopy.submit' : 'caseExports.summary.submit')}
        </button>
      </form>
    </Layout>
  );
}

const stateKeys: Record<BundleState, MessageKey> = {
  ready: 'caseExports.police.ready',
  making: 'caseExports.police.making',
  stale: 'caseExports.police.stale',
  failed: 'caseExports.police.failed',
  'too-large': 'caseExports.police.tooLarge',
};

/** The police member's page: each parent's shares, where its bundle stands, and a form for each ready one. */
export function PoliceBundlesPage({
  ctx,
  caseId,
  items,
  form,
  failedFor,
}: {
  ctx: PageContext;
  caseId: string;
  items: readonly PoliceBundleItem[];
  form: FormState;
  /** The parent member whose form the problems belong to. */
  failedFor?: string | undefined;
}) {
  const { t } = ctx;
  const title = t('caseExports.police.title');
  return (
    <Layout ctx={ctx} title={titled(ctx, title, form.problems)}>
      <BackToCase ctx={ctx} caseId={caseId} />
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} problems={form.problems} />
      <p class="app-lead">{t('caseExports.police.lead')}</p>
      <p>{t('caseExports.police.visible')}</p>
      {items.length === 0 ? (
        <p>{t('caseExports.police.none')}</p>
      ) : (
        <ul class="app-page-list">
          {items.map((item, index) => (
            <li key={item.parentMemberId} data-bundle={item.state}>
              <h2>{t('caseExports.police.parent', { count: item.entries })}</h2>
              <p>{t(stateKeys[item.state])}</p>
              {item.state === 'ready' && (
                <form method="post" action={`/samenwerken/${caseId}/politiebundel/${item.parentMemberId}`}>
                  <CsrfField ctx={ctx} />
                  <PassphraseField
                    ctx={ctx}
                    form={failedFor === item.parentMemberId ? form : { ...form, problems: [] }}
                    id={index === 0 ? 'wachtwoord' : `wachtwoord-${index + 1}`}
                    parent={false}
                  />
                  <button class="app-button" type="submit">
                    {t('caseExports.police.submit')}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
