import type { MessageKey } from '../../../shared/i18n/messages.js';
import { ActionForm } from '../../../shared/views/components/action-form.js';
import type { PageContext } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import type { SurveyText } from '../survey.repo.js';
import type { SurveyModeration } from '../survey.service.js';

export const moderationPath = '/beheer/vragenlijst';
export type ModerationNotice = 'accepted' | 'rejected' | undefined;

const milestoneKeys: Record<string, MessageKey> = {
  'new-track': 'survey.milestone.newTrack',
  'case-closed': 'survey.milestone.caseClosed',
  'journal-three-months': 'survey.milestone.journal',
};

/** A parent's text, escaped like any text (Preact), its line breaks kept. */
function ParentText({ ctx, text }: { ctx: PageContext; text: SurveyText }) {
  const lines = text.text.split('\n');
  const milestone = milestoneKeys[text.milestone];
  return (
    <>
      <p class="app-hint">
        {ctx.t('survey.admin.meta', {
          week: text.week,
          milestone: milestone === undefined ? text.milestone : ctx.t(milestone),
        })}
      </p>
      <blockquote class="app-callout">
        <p>{lines.flatMap((line, index) => (index === 0 ? [line] : [<br key={index} />, line]))}</p>
      </blockquote>
    </>
  );
}

/** /beheer/vragenlijst: the pending texts, each to accept or reject, then the accepted ones. */
export function SurveyModerationPage({
  ctx,
  moderation,
  notice,
}: {
  ctx: PageContext;
  moderation: SurveyModeration;
  notice: ModerationNotice;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('survey.admin.title')}>
      <h1>{t('survey.admin.title')}</h1>
      {notice !== undefined && (
        <p class="app-callout app-callout--info" role="status">
          {t(notice === 'accepted' ? 'survey.admin.done.accepted' : 'survey.admin.done.rejected')}
        </p>
      )}
      <p>{t('survey.admin.intro')}</p>
      <p class="app-hint">{t('survey.admin.check')}</p>
      <section aria-labelledby="survey-pending">
        <h2 id="survey-pending">{t('survey.admin.pending', { count: moderation.pending.length })}</h2>
        {moderation.pending.length === 0 ? (
          <p>{t('survey.admin.pendingEmpty')}</p>
        ) : (
          <ul class="app-page-list" data-survey-pending>
            {moderation.pending.map((text) => (
              <li key={text.id}>
                <ParentText ctx={ctx} text={text} />
                <ActionForm
                  ctx={ctx}
                  action={`${moderationPath}/${text.id}/goedkeuren`}
                  label={t('survey.admin.accept')}
                />{' '}
                <ActionForm
                  ctx={ctx}
                  action={`${moderationPath}/${text.id}/afwijzen`}
                  label={t('survey.admin.reject')}
                  look="danger"
                />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="survey-accepted">
        <h2 id="survey-accepted">{t('survey.admin.accepted', { count: moderation.accepted.length })}</h2>
        {moderation.accepted.length === 0 ? (
          <p>{t('survey.admin.acceptedEmpty')}</p>
        ) : (
          <ul class="app-page-list" data-survey-accepted>
            {moderation.accepted.map((text) => (
              <li key={text.id}>
                <ParentText ctx={ctx} text={text} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </Layout>
  );
}
