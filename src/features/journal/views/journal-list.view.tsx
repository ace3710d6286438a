import type { MessageKey } from '../../../shared/i18n/messages.js';
import { ErrorSummary } from '../../../shared/views/components/error-summary.js';
import { Input } from '../../../shared/views/components/fields.js';
import type { PageContext } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import { categories, categoryCode } from '../journal.schema.js';
import type { ListQuery, ListResult } from '../journal.service.js';
import { EntryBlock } from './entry-block.js';
import { categoryKey, HonestNote, JournalNav } from './parts.js';

export interface ListFilters {
  category: string;
  from: string;
  to: string;
  order: 'event' | 'entry';
}

function pageLink(filters: ListFilters, page: number): string {
  const parameters = new URLSearchParams();
  if (filters.category !== '') parameters.set('c', filters.category);
  if (filters.from !== '') parameters.set('van', filters.from);
  if (filters.to !== '') parameters.set('tot', filters.to);
  if (filters.order === 'entry') parameters.set('volgorde', 'geschreven');
  if (page > 1) parameters.set('pagina', String(page));
  const query = parameters.toString();
  return query === '' ? '/logboek' : `/logboek?${query}`;
}

export function JournalListPage({
  ctx,
  result,
  filters,
  problems,
  saved,
}: {
  ctx: PageContext;
  result: ListResult;
  filters: ListFilters;
  problems: readonly { field: string; messageKey: MessageKey }[];
  saved?: number | undefined;
}) {
  const { t } = ctx;
  const filtered = filters.category !== '' || filters.from !== '' || filters.to !== '';
  return (
    <Layout ctx={ctx} title={t('journal.title')}>
      <JournalNav ctx={ctx} current="list" />
      <h1>{t('journal.title')}</h1>
      {saved !== undefined && (
        <div class="app-callout app-callout--info" role="status">
          <p>{t('journal.saved', { number: saved })}</p>
        </div>
      )}
      <p class="app-lead">{t('journal.list.lead')}</p>
      <HonestNote ctx={ctx} />
      <p>
        <a class="app-button" href="/logboek/nieuw">
          {t('journal.nav.new')}
        </a>
      </p>
      <ErrorSummary ctx={ctx} problems={problems} />
      <form class="app-journal-filter" method="get" action="/logboek">
        <fieldset>
          <legend>{t('journal.filter.legend')}</legend>
          <div class="app-field">
            <label class="app-label" for="c">
              {t('journal.filter.category')}
            </label>
            <select class="app-input" id="c" name="c">
              <option value="">{t('journal.filter.all')}</option>
              {categories.map((category) => (
                <option
                  key={category}
                  value={categoryCode(category)}
                  selected={filters.category === categoryCode(category)}
                >
                  {t(categoryKey(category))}
                </option>
              ))}
            </select>
          </div>
          <Input ctx={ctx} name="van" type="date" label={t('journal.filter.from')} form={{ van: filters.from }} />
          <Input ctx={ctx} name="tot" type="date" label={t('journal.filter.to')} form={{ tot: filters.to }} />
          <div class="app-field">
            <label class="app-label" for="volgorde">
              {t('journal.filter.order')}
            </label>
            <select class="app-input" id="volgorde" name="volgorde">
              <option value="gebeurd" selected={filters.order === 'event'}>
                {t('journal.filter.byEvent')}
              </option>
              <option value="geschreven" selected={filters.order === 'entry'}>
                {t('journal.filter.byEntry')}
              </option>
            </select>
          </div>
          <button class="app-button app-button--secondary" type="submit">
            {t('journal.filter.submit')}
          </button>
        </fieldset>
      </form>
      <p role="status">
        {filtered
          ? t('journal.list.countFiltered', { count: result.total, size: result.size })
          : t('journal.list.count', { count: result.size })}
      </p>
      {result.entries.length > 0 && (
        <form id="delen" class="app-journal-share" method="get" action="/samenwerken/delen">
          <h2>{t('caseShares.journal.shareTitle')}</h2>
          <p class="app-hint">{t('caseShares.journal.shareHint')}</p>
          <button class="app-button app-button--secondary" type="submit">
            {t('caseShares.journal.submit')}
          </button>
        </form>
      )}
      {result.entries.map((entry) => (
        <div key={entry.id}>
          {entry.kind !== 'redaction' && entry.redactedAt === undefined && (
            <div class="app-radios__item">
              <input
                class="app-radios__input"
                type="checkbox"
                id={`delen-${entry.number}`}
                name="notitie"
                value={entry.id}
                form="delen"
              />
              <label class="app-radios__label" for={`delen-${entry.number}`}>
                {t('caseShares.journal.choose', { number: entry.number })}
              </label>
            </div>
          )}
          <EntryBlock ctx={ctx} entry={entry} level={2} full={false} />
        </div>
      ))}
      {result.pages > 1 && (
        <nav class="app-pagination" aria-label={t('journal.pages.label')}>
          {result.page > 1 && <a href={pageLink(filters, result.page - 1)}>{t('journal.pages.previous')}</a>}{' '}
          <span>{t('journal.pages.position', { page: result.page, pages: result.pages })}</span>{' '}
          {result.page < result.pages && <a href={pageLink(filters, result.page + 1)}>{t('journal.pages.next')}</a>}
        </nav>
      )}
    </Layout>
  );
}

export type { ListQuery };
