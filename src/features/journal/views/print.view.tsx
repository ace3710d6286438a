import type { PageContext } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import type { EntryView } from '../journal.service.js';
import { EntryBlock } from './entry-block.js';
import { HonestNote, JournalNav } from './parts.js';

export function PrintPage({ ctx, entries }: { ctx: PageContext; entries: EntryView[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('journal.print.title')}>
      <JournalNav ctx={ctx} current="print" />
      <h1>{t('journal.print.title')}</h1>
      <div class="app-callout app-callout--danger app-no-print">
        <p>{t('journal.print.warning')}</p>
        <p>{t('journal.print.how')}</p>
      </div>
      <HonestNote ctx={ctx} />
      <p>{t('journal.list.count', { count: entries.length })}</p>
      {entries.map((entry) => (
        <EntryBlock key={entry.id} ctx={ctx} entry={entry} level={2} full={true} />
      ))}
    </Layout>
  );
}
