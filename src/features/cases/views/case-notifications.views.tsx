import { Layout } from '../../../shared/views/layout.js';
import { CsrfField } from '../../../shared/views/components/csrf-field.js';
import { ErrorSummary } from '../../../shared/views/components/error-summary.js';
import { FieldError, type FormState, problemOf, RadioItems } from '../../../shared/views/components/fields.js';
import type { PageContext } from '../../../shared/views/context.js';
import { type NotificationSetting, wordOfFrequency } from '../case-notifications.service.js';

/*
 * The member's own choice of e-mail about news in a case (ADR 0028): at once, once a day, never. Drawn on the case
 * page, and as a page of its own when a choice is sent again with a problem.
 */

export function NotificationsSection({
  ctx,
  caseId,
  setting,
  form,
}: {
  ctx: PageContext;
  caseId: string;
  setting: NotificationSetting;
  form?: FormState | undefined;
}) {
  const { t } = ctx;
  const problem = problemOf(form?.problems ?? [], 'meldingen');
  const chosen = form?.values.meldingen ?? wordOfFrequency(setting.frequency);
  return (
    <section id="case-notifications" data-case-notifications aria-labelledby="case-notifications-heading">
      <h2 id="case-notifications-heading">{t('caseNotifications.heading')}</h2>
      <p class="app-hint">{t('caseNotifications.lead')}</p>
      {!setting.hasAddress && <p class="app-hint">{t('caseNotifications.noAddress')}</p>}
      <form method="post" action={`/samenwerken/${caseId}/meldingen`} novalidate>
        <CsrfField ctx={ctx} />
        <fieldset
          class="app-question"
          id="meldingen"
          aria-describedby={problem === undefined ? undefined : 'meldingen-error'}
        >
          <legend class="app-question__legend">{t('caseNotifications.legend')}</legend>
          <FieldError ctx={ctx} id="meldingen" problem={problem} />
          <div class="app-radios">
            <RadioItems
              name="meldingen"
              chosen={chosen}
              choices={[
                { value: 'meteen', label: t('caseNotifications.now') },
                { value: 'dagelijks', label: t('caseNotifications.daily') },
                { value: 'nooit', label: t('caseNotifications.never') },
              ]}
            />
          </div>
        </fieldset>
        <button class="app-button app-button--secondary" type="submit">
          {t('caseNotifications.submit')}
        </button>
      </form>
    </section>
  );
}

/** The choice on a page of its own: after a choice that was none of the three (400). */
export function NotificationsPage({
  ctx,
  caseId,
  setting,
  form,
}: {
  ctx: PageContext;
  caseId: string;
  setting: NotificationSetting;
  form: FormState;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('caseNotifications.page.title')}>
      <h1>{t('caseNotifications.page.title')}</h1>
      <ErrorSummary ctx={ctx} problems={form.problems} />
      <NotificationsSection ctx={ctx} caseId={caseId} setting={setting} form={form} />
      <p>
        <a href={`/samenwerken/${caseId}`}>{t('caseNotifications.back')}</a>
      </p>
    </Layout>
  );
}
