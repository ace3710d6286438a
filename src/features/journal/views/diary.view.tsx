import type { MessageKey } from '../../../shared/i18n/messages.js';
import { CsrfField } from '../../../shared/views/components/csrf-field.js';
import { ErrorSummary } from '../../../shared/views/components/error-summary.js';
import { TextArea } from '../../../shared/views/components/fields.js';
import type { PageContext } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import { formatMoment, JournalNav } from './parts.js';

export function DiaryPage({
  ctx,
  notes,
  text,
  problem,
}: {
  ctx: PageContext;
  notes: { id: string; createdAt: string; text: string }[];
  text: string;
  problem?: MessageKey | undefined;
}) {
  const { t } = ctx;
  return (
    <Layout
      ctx={ctx}
      title={problem === undefined ? t('journal.diary.title') : `${t('error.title')}: ${t('journal.diary.title')}`}
    >
      <JournalNav ctx={ctx} current="diary" />
      <h1>{t('journal.diary.title')}</h1>
      <p class="app-lead">{t('journal.diary.lead')}</p>
      <p>{t('journal.diary.private')}</p>
      <ErrorSummary ctx={ctx} problems={problem === undefined ? [] : [{ field: 'tekst', messageKey: problem }]} />
      <form method="post" action="/dagboek">
        <CsrfField ctx={ctx} />
        <TextArea
          ctx={ctx}
          name="tekst"
          label={t('journal.diary.label')}
          form={{ tekst: text }}
          problem={problem}
          rows={6}
        />
        <button class="app-button" type="submit">
          {t('journal.diary.save')}
        </button>
      </form>
      <h2>{t('journal.diary.notes')}</h2>
      {notes.length === 0 && <p>{t('journal.diary.empty')}</p>}
      {notes.map((note) => (
        <article class="app-journal-entry" key={note.id}>
          <h3 class="app-journal-entry__meta">{formatMoment(ctx, note.createdAt)}</h3>
          <p class="app-journal-text">{note.text}</p>
          <form method="post" action={`/dagboek/${note.id}/verwijderen`}>
            <CsrfField ctx={ctx} />
            <button class="app-button app-button--secondary" type="submit">
              {t('journal.diary.delete')}
            </button>
          </form>
        </article>
      ))}
    </Layout>
  );
}
