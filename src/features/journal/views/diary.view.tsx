import { CsrfField } from '../../../shared/views/components/csrf-field.js';
import { ErrorSummary } from '../../../shared/views/components/error-summary.js';
import { type FormState, problemOf, TextArea } from '../../../shared/views/components/fields.js';
import type { PageContext } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import { formatMoment, JournalNav } from './parts.js';

export function DiaryPage({
  ctx,
  notes,
  form,
}: {
  ctx: PageContext;
  notes: { id: string; createdAt: string; text: string }[];
  /** The note as typed and its problem; blankForm the first time. */
  form: FormState;
}) {
  const { t } = ctx;
  const problem = problemOf(form.problems, 'tekst');
  return (
    <Layout
      ctx={ctx}
      title={problem === undefined ? t('journal.diary.title') : `${t('error.title')}: ${t('journal.diary.title')}`}
    >
      <JournalNav ctx={ctx} current="diary" />
      <h1>{t('journal.diary.title')}</h1>
      <p class="app-lead">{t('journal.diary.lead')}</p>
      <p>{t('journal.diary.private')}</p>
      <ErrorSummary ctx={ctx} problems={form.problems} />
      <form method="post" action="/dagboek">
        <CsrfField ctx={ctx} />
        <TextArea
          ctx={ctx}
          name="tekst"
          label={t('journal.diary.label')}
          form={form.values}
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
