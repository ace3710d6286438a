import { CsrfField } from '../../../shared/views/components/csrf-field.js';
import type { PageContext } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import type { EntryView } from '../journal.service.js';
import { EntryBlock } from './entry-block.js';
import { JournalNav } from './parts.js';

export function RedactPage({ ctx, entry }: { ctx: PageContext; entry: EntryView }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('journal.redact.title', { number: entry.number })}>
      <JournalNav ctx={ctx} current="entry" />
      <h1>{t('journal.redact.title', { number: entry.number })}</h1>
      <div class="app-callout app-callout--danger">
        <p>{t('journal.redact.warning')}</p>
        <p>{t('journal.redact.instead')}</p>
      </div>
      <EntryBlock ctx={ctx} entry={entry} level={2} full={true} />
      <form method="post" action={`/logboek/${entry.id}/wissen`}>
        <CsrfField ctx={ctx} />
        <button class="app-button app-button--danger" type="submit">
          {t('journal.redact.confirm')}
        </button>{' '}
        <a href={`/logboek/${entry.id}`}>{t('journal.redact.cancel')}</a>
      </form>
    </Layout>
  );
}
