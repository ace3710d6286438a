import type { MessageKey } from '../../../shared/i18n/messages.js';
import type { PageContext } from '../../../shared/views/context.js';
import type { Category } from '../journal.schema.js';

const dayFormat = (locale: string) =>
  new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' });
const momentFormat = (locale: string) =>
  new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  });

export const formatDay = (ctx: PageContext, day: string) => dayFormat(ctx.locale).format(new Date(`${day}T00:00:00Z`));
export const formatMoment = (ctx: PageContext, iso: string) => momentFormat(ctx.locale).format(new Date(iso));
/** A local date and time as typed ("2026-11-28T21:15"), shown without any time-zone conversion. */
export const formatLocal = (ctx: PageContext, local: string) =>
  `${formatDay(ctx, local.slice(0, 10))} ${local.slice(11, 16)}`;

export const categoryKey = (category: Category): MessageKey => `journal.category.${category}`;

const oneDecimalFormats = {
  nl: new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
};

/** "2,3 MB" in Dutch, "2.3 MB" in English. */
const oneDecimal = (ctx: PageContext, value: number) =>
  (ctx.locale === 'nl' ? oneDecimalFormats.nl : oneDecimalFormats.en).format(value);

export const sizeText = (ctx: PageContext, bytes: number) =>
  bytes >= 1024 * 1024 * 1024
    ? ctx.t('journal.attachment.sizeGb', { size: oneDecimal(ctx, bytes / (1024 * 1024 * 1024)) })
    : bytes >= 1024 * 1024
      ? ctx.t('journal.attachment.sizeMb', { size: oneDecimal(ctx, bytes / (1024 * 1024)) })
      : ctx.t('journal.attachment.sizeKb', { size: Math.max(1, Math.round(bytes / 1024)) });

/** The honest line that goes wherever the journal is: it can help; it is not proof by itself. */
export function HonestNote({ ctx }: { ctx: PageContext }) {
  return <p class="app-hint">{ctx.t('journal.honest')}</p>;
}

export function JournalNav({
  ctx,
  current,
}: {
  ctx: PageContext;
  current: 'list' | 'new' | 'diary' | 'print' | 'entry' | 'export';
}) {
  const { t } = ctx;
  const link = (href: string, key: MessageKey, name: typeof current) => (
    <li>
      <a href={href} aria-current={current === name ? 'page' : undefined}>
        {t(key)}
      </a>
    </li>
  );
  return (
    <nav class="app-journal-nav" aria-label={t('journal.nav.label')}>
      <ul>
        {link('/logboek', 'journal.nav.list', 'list')}
        {link('/logboek/nieuw', 'journal.nav.new', 'new')}
        {link('/logboek/afdrukken', 'journal.nav.print', 'print')}
        {link('/logboek/export', 'journal.nav.export', 'export')}
        {link('/dagboek', 'journal.nav.diary', 'diary')}
      </ul>
    </nav>
  );
}
