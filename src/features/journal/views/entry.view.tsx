import type { PageContext } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import type { EntryView } from '../journal.service.js';
import { EntryBlock } from './entry-block.js';
import { HonestNote, JournalNav } from './parts.js';

export function EntryPage({ ctx, entry, related }: { ctx: PageContext; entry: EntryView; related: EntryView[] }) {
  const { t } = ctx;
  const editable = entry.redactedAt === undefined && entry.kind !== 'redaction';
  return (
    <Layout ctx={ctx} title={t('journal.entry.number', { number: entry.number })}>
      <JournalNav ctx={ctx} current="entry" />
      <EntryBlock ctx={ctx} entry={entry} level={2} full={true} />
      {editable && (
        <p>
          <a class="app-button app-button--secondary" href={`/logboek/${entry.id}/corrigeren`}>
            {t('journal.entry.correct')}
          </a>{' '}
          <a class="app-button app-button--danger" href={`/logboek/${entry.id}/wissen`}>
            {t('journal.entry.redact')}
          </a>
        </p>
      )}
      {related.length > 0 && (
        <section aria-labelledby="related-title">
          <h2 id="related-title">{t('journal.entry.related')}</h2>
          {related.map((item) => (
            <EntryBlock key={item.id} ctx={ctx} entry={item} level={3} full={true} />
          ))}
        </section>
      )}
      <HonestNote ctx={ctx} />
    </Layout>
  );
}
