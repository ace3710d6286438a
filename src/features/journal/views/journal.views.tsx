import type { ComponentChildren } from 'preact';
import type { MessageKey } from '../../../shared/i18n/messages.js';
import { CsrfField } from '../../../shared/views/components/csrf-field.js';
import { ErrorSummary } from '../../../shared/views/components/error-summary.js';
import {
  Checkbox,
  describedBy,
  FieldError,
  type FormValues,
  Input,
  TextArea,
} from '../../../shared/views/components/fields.js';
import type { PageContext } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import {
  AGENCY_ROWS,
  categories,
  type Category,
  categoryCode,
  type EntryField,
  type EntryProblem,
  LINES_MAX,
  type Observation,
  PEOPLE_ROWS,
  TEXT_MAX,
  WORDS_MAX,
} from '../journal.schema.js';
import { type ExportProgress, type ExportStatus, exportPercent } from '../export/jobs.js';
import type { EntryView, ListQuery, ListResult } from '../journal.service.js';

const dayFormat = (locale: string) =>
  new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' });
const momentFormat = (locale: string) =>
  new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  });

const formatDay = (ctx: PageContext, day: string) => dayFormat(ctx.locale).format(new Date(`${day}T00:00:00Z`));
const formatMoment = (ctx: PageContext, iso: string) => momentFormat(ctx.locale).format(new Date(iso));
/** A local date and time as typed ("2026-11-28T21:15"), shown without any time-zone conversion. */
const formatLocal = (ctx: PageContext, local: string) => `${formatDay(ctx, local.slice(0, 10))} ${local.slice(11, 16)}`;

const categoryKey = (category: Category): MessageKey => `journal.category.${category}`;

const oneDecimalFormats = {
  nl: new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
};

/** "2,3 MB" in Dutch, "2.3 MB" in English. */
const oneDecimal = (ctx: PageContext, value: number) =>
  (ctx.locale === 'nl' ? oneDecimalFormats.nl : oneDecimalFormats.en).format(value);

const sizeText = (ctx: PageContext, bytes: number) =>
  bytes >= 1024 * 1024 * 1024
    ? ctx.t('journal.attachment.sizeGb', { size: oneDecimal(ctx, bytes / (1024 * 1024 * 1024)) })
    : bytes >= 1024 * 1024
      ? ctx.t('journal.attachment.sizeMb', { size: oneDecimal(ctx, bytes / (1024 * 1024)) })
      : ctx.t('journal.attachment.sizeKb', { size: Math.max(1, Math.round(bytes / 1024)) });

/** The honest line that goes wherever the journal is: it can help; it is not proof by itself. */
function HonestNote({ ctx }: { ctx: PageContext }) {
  return <p class="app-hint">{ctx.t('journal.honest')}</p>;
}

function JournalNav({
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

/** For someone who is not signed in: what the journal is and how to start one. */
export function JournalIntroPage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('journal.title')}>
      <h1>{t('journal.title')}</h1>
      <p class="app-lead">{t('journal.intro.lead')}</p>
      <p>{t('journal.intro.private')}</p>
      <HonestNote ctx={ctx} />
      <p>
        <a class="app-button" href="/registreren">
          {t('journal.intro.register')}
        </a>{' '}
        <a class="app-button app-button--secondary" href="/inloggen">
          {t('journal.intro.login')}
        </a>
      </p>
    </Layout>
  );
}

function EntryTitle({ ctx, entry }: { ctx: PageContext; entry: EntryView }) {
  const { t } = ctx;
  const observation = entry.observation;
  if (entry.redactedAt !== undefined) return <>{t('journal.entry.redactedTitle', { number: entry.number })}</>;
  if (entry.kind === 'redaction') return <>{t('journal.entry.redactionTitle', { number: entry.number })}</>;
  if (observation === undefined) return <>{t('journal.entry.number', { number: entry.number })}</>;
  return (
    <>
      {t('journal.entry.number', { number: entry.number })}: {formatDay(ctx, observation.date)}
      {observation.time === undefined ? '' : `, ${observation.time}`}
      {observation.approximate ? ` (${t('journal.entry.approximate')})` : ''} – {t(categoryKey(observation.category))}
    </>
  );
}

function EntryLinks({ ctx, entry }: { ctx: PageContext; entry: EntryView }) {
  const { t } = ctx;
  const notes: ComponentChildren[] = [];
  if (entry.kind === 'correction' && entry.target !== undefined) {
    notes.push(
      <span class="app-tag">
        {t('journal.entry.correctionOf')} <a href={`/logboek/${entry.target.id}`}>#{entry.target.number}</a>
      </span>,
    );
  }
  if (entry.kind === 'redaction' && entry.target !== undefined) {
    notes.push(
      <span class="app-tag">
        {t('journal.entry.redactionOf')} <a href={`/logboek/${entry.target.id}`}>#{entry.target.number}</a>
      </span>,
    );
  }
  for (const correction of entry.correctedBy) {
    notes.push(
      <span class="app-tag app-tag--warning">
        {t('journal.entry.correctedIn')} <a href={`/logboek/${correction.id}`}>#{correction.number}</a>
      </span>,
    );
  }
  if (entry.redactedAt !== undefined) {
    notes.push(
      <span class="app-tag app-tag--warning">
        {t('journal.entry.redactedOn', { date: formatMoment(ctx, entry.redactedAt) })}
      </span>,
    );
  }
  return notes.length === 0 ? null : <p class="app-journal-entry__links">{notes}</p>;
}

function List({ label, items }: { label: string; items: readonly ComponentChildren[] }) {
  if (items.length === 0) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>
        <ul class="app-journal-values">
          {items.map((item, index) => (
            <li key={index}>{item}</li>
          ))}
        </ul>
      </dd>
    </>
  );
}

/** An observation in full. Links and usernames are shown as text, never as links: nobody clicks them by accident. */
function ObservationDetails({ ctx, observation }: { ctx: PageContext; observation: Observation }) {
  const { t } = ctx;
  const flagged = (value: string, recognised: boolean, key: MessageKey) =>
    recognised ? (
      value
    ) : (
      <>
        {value} <span class="app-tag app-tag--warning">{t(key)}</span>
      </>
    );
  return (
    <>
      {observation.text !== '' && <p class="app-journal-text">{observation.text}</p>}
      {observation.words !== undefined && (
        <div class="app-journal-words">
          {observation.question !== undefined && (
            <p>
              <strong>{t('journal.field.question')}</strong>
              <br />
              <span class="app-journal-text">{observation.question}</span>
            </p>
          )}
          <p>
            <strong>{t('journal.field.words')}</strong>
          </p>
          <blockquote class="app-journal-text">{observation.words}</blockquote>
        </div>
      )}
      <dl class="app-journal-fields">
        <List
          label={t('journal.field.people')}
          items={observation.people.map((person) =>
            person.description === '' ? person.name : `${person.name} – ${person.description}`,
          )}
        />
        <List label={t('journal.field.online')} items={observation.online} />
        <List
          label={t('journal.field.phones')}
          items={observation.phones.map((phone) => flagged(phone.value, phone.recognised, 'journal.flag.phone'))}
        />
        <List
          label={t('journal.field.plates')}
          items={observation.plates.map((plate) => flagged(plate.value, plate.recognised, 'journal.flag.plate'))}
        />
        <List label={t('journal.field.places')} items={observation.places} />
        {observation.missingFrom !== undefined && (
          <>
            <dt>{t('journal.field.missing')}</dt>
            <dd>
              {t('journal.field.missingFrom')} {formatLocal(ctx, observation.missingFrom)}
              {observation.missingUntil === undefined
                ? ''
                : ` – ${t('journal.field.missingUntil')} ${formatLocal(ctx, observation.missingUntil)}`}
            </dd>
          </>
        )}
        <List
          label={t('journal.field.agencies')}
          items={observation.agencies.map((agency) =>
            agency.reference === ''
              ? agency.who
              : `${agency.who} (${t('journal.field.reference')}: ${agency.reference})`,
          )}
        />
      </dl>
    </>
  );
}

function Attachments({ ctx, entry }: { ctx: PageContext; entry: EntryView }) {
  const { t } = ctx;
  if (entry.attachments.length === 0) return null;
  return (
    <div>
      <h3>{t('journal.attachments.title')}</h3>
      <ul class="app-journal-attachments">
        {entry.attachments.map((attachment) => {
          const label = t('journal.attachment.label', { number: attachment.number });
          return (
            <li key={attachment.id}>
              {attachment.hasThumbnail && (
                <img
                  src={`/logboek/bijlage/${attachment.id}/voorbeeld`}
                  alt={label}
                  width={attachment.width !== undefined && attachment.height !== undefined ? undefined : 160}
                  class="app-journal-thumbnail"
                />
              )}
              <p>
                <a href={`/logboek/bijlage/${attachment.id}`}>
                  {label} ({t(`journal.attachment.type.${attachment.mediaType.split('/')[1] ?? 'pdf'}` as MessageKey)},{' '}
                  {sizeText(ctx, attachment.size)})
                </a>
                {attachment.hasOriginal && (
                  <>
                    <br />
                    <a href={`/logboek/bijlage/${attachment.id}/origineel`}>{t('journal.attachment.original')}</a>
                  </>
                )}
              </p>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function EntryBlock({ ctx, entry, level, full }: { ctx: PageContext; entry: EntryView; level: 2 | 3; full: boolean }) {
  const { t } = ctx;
  const Heading = level === 2 ? 'h2' : 'h3';
  const excerpt = (text: string) => (text.length > 240 ? `${text.slice(0, 240)}…` : text);
  return (
    <article class="app-journal-entry" id={`notitie-${entry.number}`}>
      <Heading class="app-journal-entry__title">
        {full ? (
          <EntryTitle ctx={ctx} entry={entry} />
        ) : (
          <a href={`/logboek/${entry.id}`}>
            <EntryTitle ctx={ctx} entry={entry} />
          </a>
        )}
      </Heading>
      <p class="app-journal-entry__meta">
        {t('journal.entry.received', { date: formatMoment(ctx, entry.receivedAt) })}
      </p>
      <EntryLinks ctx={ctx} entry={entry} />
      {entry.observation !== undefined &&
        (full ? (
          <ObservationDetails ctx={ctx} observation={entry.observation} />
        ) : (
          <p class="app-journal-text">
            {excerpt(entry.observation.text !== '' ? entry.observation.text : (entry.observation.words ?? ''))}
          </p>
        ))}
      {full ? (
        <Attachments ctx={ctx} entry={entry} />
      ) : (
        entry.attachments.length > 0 && (
          <p class="app-hint">{t('journal.attachments.count', { count: entry.attachments.length })}</p>
        )
      )}
    </article>
  );
}

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
      {result.entries.map((entry) => (
        <EntryBlock key={entry.id} ctx={ctx} entry={entry} level={2} full={false} />
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

/** How to write an entry so that it helps, and protects the child's own statement. */
function WritingAdvice({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <div class="app-callout app-callout--info">
      <h2 class="app-callout__title">{t('journal.advice.title')}</h2>
      <ul>
        <li>{t('journal.advice.facts')}</li>
        <li>{t('journal.advice.words')}</li>
        <li>
          <strong>{t('journal.advice.noQuestioning')}</strong> {t('journal.advice.why')}
        </li>
        <li>{t('journal.advice.honest')}</li>
      </ul>
    </div>
  );
}

/** The images rule: impossible to miss, with why and what to do instead. */
function ImagesRule({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <div class="app-callout app-callout--danger" id="beeldregel">
      <h3 class="app-callout__title">{t('journal.rule.title')}</h3>
      <p>{t('journal.rule.why')}</p>
      <p>{t('journal.rule.instead')}</p>
      <p>
        <a href="/informatie/beelden-en-de-wet">{t('journal.rule.more')}</a>
      </p>
    </div>
  );
}

export function EntryFormPage({
  ctx,
  form,
  problems,
  correcting,
}: {
  ctx: PageContext;
  form: FormValues;
  problems: readonly EntryProblem[];
  correcting?: EntryView | undefined;
}) {
  const { t } = ctx;
  const problemOf = (field: EntryField) => problems.find((problem) => problem.field === field)?.messageKey;
  const title =
    correcting === undefined ? t('journal.new.title') : t('journal.correct.title', { number: correcting.number });
  const action = correcting === undefined ? '/logboek' : `/logboek/${correcting.id}/corrigeren`;
  return (
    <Layout ctx={ctx} title={problems.length > 0 ? `${t('error.title')}: ${title}` : title}>
      <JournalNav ctx={ctx} current={correcting === undefined ? 'new' : 'entry'} />
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} problems={problems} />
      {correcting !== undefined && (
        <>
          <p>{t('journal.correct.lead')}</p>
          <div class="app-journal-original">
            <EntryBlock ctx={ctx} entry={correcting} level={2} full={true} />
          </div>
        </>
      )}
      <WritingAdvice ctx={ctx} />
      <form method="post" action={action} enctype="multipart/form-data" novalidate>
        <CsrfField ctx={ctx} />
        <fieldset>
          <legend>{t('journal.form.when')}</legend>
          <Input
            ctx={ctx}
            name="datum"
            type="date"
            label={t('journal.field.date')}
            form={form}
            problem={problemOf('datum')}
          />
          <Input
            ctx={ctx}
            name="tijd"
            type="time"
            label={t('journal.field.time')}
            hint={t('journal.field.timeHint')}
            form={form}
            problem={problemOf('tijd')}
          />
          <Checkbox ctx={ctx} name="ongeveer" label={t('journal.field.approximate')} checked={form.ongeveer === 'ja'} />
        </fieldset>
        <fieldset aria-describedby={problemOf('categorie') === undefined ? undefined : 'categorie-error'}>
          <legend>{t('journal.field.category')}</legend>
          <FieldError ctx={ctx} id="categorie" problem={problemOf('categorie')} />
          <div class="app-radios app-radios--stacked" id="categorie">
            {categories.map((category) => (
              <div key={category} class="app-radios__item">
                <input
                  class="app-radios__input"
                  type="radio"
                  id={`categorie-${category}`}
                  name="categorie"
                  value={category}
                  checked={form.categorie === category}
                />
                <label class="app-radios__label" for={`categorie-${category}`}>
                  {t(categoryKey(category))}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <TextArea
          ctx={ctx}
          name="tekst"
          label={t('journal.field.text')}
          hint={t('journal.field.textHint', { max: TEXT_MAX })}
          form={form}
          problem={problemOf('tekst')}
          rows={8}
          max={TEXT_MAX}
        />
        <fieldset>
          <legend>{t('journal.form.childWords')}</legend>
          <p class="app-hint">{t('journal.form.childWordsHint')}</p>
          <TextArea
            ctx={ctx}
            name="vraag"
            label={t('journal.field.question')}
            hint={t('journal.field.questionHint')}
            form={form}
            problem={problemOf('vraag')}
            rows={2}
            max={WORDS_MAX}
          />
          <TextArea
            ctx={ctx}
            name="woorden"
            label={t('journal.field.words')}
            hint={t('journal.field.wordsHint')}
            form={form}
            problem={problemOf('woorden')}
            rows={4}
            max={WORDS_MAX}
          />
        </fieldset>
        <fieldset>
          <legend>{t('journal.form.details')}</legend>
          <p class="app-hint">{t('journal.form.detailsHint')}</p>
          <FieldError ctx={ctx} id="personen" problem={problemOf('personen')} />
          {Array.from({ length: PEOPLE_ROWS }, (_, index) => index + 1).map((row) => (
            <div class="app-journal-row" key={row}>
              <Input
                ctx={ctx}
                name={`persoon-${row}-naam`}
                label={t('journal.field.personName', { row })}
                form={form}
              />
              <Input
                ctx={ctx}
                name={`persoon-${row}-beschrijving`}
                label={t('journal.field.personDescription', { row })}
                form={form}
                wide
              />
            </div>
          ))}
          <TextArea
            ctx={ctx}
            name="online"
            label={t('journal.field.online')}
            hint={t('journal.field.linesHint', { max: LINES_MAX })}
            form={form}
            problem={problemOf('online')}
            rows={3}
          />
          <TextArea
            ctx={ctx}
            name="telefoon"
            label={t('journal.field.phones')}
            hint={t('journal.field.linesHint', { max: LINES_MAX })}
            form={form}
            problem={problemOf('telefoon')}
            rows={2}
          />
          <TextArea
            ctx={ctx}
            name="kenteken"
            label={t('journal.field.plates')}
            hint={t('journal.field.platesHint')}
            form={form}
            problem={problemOf('kenteken')}
            rows={2}
          />
          <TextArea
            ctx={ctx}
            name="plaatsen"
            label={t('journal.field.places')}
            hint={t('journal.field.linesHint', { max: LINES_MAX })}
            form={form}
            problem={problemOf('plaatsen')}
            rows={2}
          />
          <Input
            ctx={ctx}
            name="vermist-van"
            type="datetime-local"
            label={t('journal.field.missingFromLabel')}
            form={form}
            problem={problemOf('vermist-van')}
          />
          <Input
            ctx={ctx}
            name="vermist-tot"
            type="datetime-local"
            label={t('journal.field.missingUntilLabel')}
            hint={t('journal.field.missingUntilHint')}
            form={form}
            problem={problemOf('vermist-tot')}
          />
          <FieldError ctx={ctx} id="instanties" problem={problemOf('instanties')} />
          {Array.from({ length: AGENCY_ROWS }, (_, index) => index + 1).map((row) => (
            <div class="app-journal-row" key={row}>
              <Input
                ctx={ctx}
                name={`instantie-${row}-wie`}
                label={t('journal.field.agencyWho', { row })}
                form={form}
              />
              <Input
                ctx={ctx}
                name={`instantie-${row}-kenmerk`}
                label={t('journal.field.agencyReference', { row })}
                form={form}
              />
            </div>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('journal.attachments.title')}</legend>
          <ImagesRule ctx={ctx} />
          <div class="app-field">
            <label class="app-label" for="bijlagen">
              {t('journal.field.files')}
            </label>
            <p class="app-hint" id="bijlagen-waarschuwing">
              <strong>{t('journal.field.filesWarning')}</strong>
            </p>
            <p class="app-hint" id="bijlagen-hint">
              {t('journal.field.filesHint')}
            </p>
            <FieldError ctx={ctx} id="bijlagen" problem={problemOf('bijlagen')} />
            <input
              class="app-file"
              type="file"
              id="bijlagen"
              name="bijlagen"
              multiple
              accept="image/png,image/jpeg,image/webp,application/pdf"
              aria-describedby={describedBy(
                'bijlagen-waarschuwing',
                'bijlagen-hint',
                problemOf('bijlagen') !== undefined && 'bijlagen-error',
              )}
            />
          </div>
          <Checkbox
            ctx={ctx}
            name="regel"
            label={<strong>{t('journal.field.ruleConfirm')}</strong>}
            checked={false}
            problem={problemOf('regel')}
          />
          <Checkbox
            ctx={ctx}
            name="metadata"
            label={t('journal.field.keepMetadata')}
            hint={t('journal.field.keepMetadataHint')}
            checked={form.metadata === 'ja'}
          />
        </fieldset>
        <button class="app-button" type="submit">
          {t('journal.form.save')}
        </button>
      </form>
    </Layout>
  );
}

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

export type { ListQuery };

export interface ExportChoice {
  id: string;
  number: number;
  date?: string;
  category?: Category;
  kind: 'entry' | 'correction' | 'redaction';
  redacted: boolean;
}

/** How many entries can be ticked one by one; above it the parent chooses a range of numbers. */
export const EXPORT_PICK_LIMIT = 500;
/** How many attachments can be ticked one by one; above it the parent chooses all, none or no originals. */
export const EXPORT_ATTACHMENT_PICK_LIMIT = 200;

export interface ExportAttachmentChoice {
  id: string;
  /** The entry's number. */
  number: number;
  /** The attachment's number within its entry. */
  attachment: number;
}

const attachmentModes = ['alle', 'zonder-origineel', 'geen', 'kies'] as const;

export function ExportPage({
  ctx,
  choices,
  attachmentChoices,
  checkpoint,
  fingerprint,
  form,
  problems,
  fresh,
}: {
  ctx: PageContext;
  fresh: boolean;
  choices: ExportChoice[];
  /** The journal's attachments, or undefined when there are too many to tick one by one. */
  attachmentChoices: ExportAttachmentChoice[] | undefined;
  checkpoint: { size: number; root: string; time: number } | undefined;
  fingerprint: string;
  form: {
    label: string;
    mode: string;
    picked: readonly string[];
    from: string;
    to: string;
    known: string;
    attachments: string;
    pickedAttachments: readonly string[];
  };
  problems: readonly { field: string; messageKey: MessageKey }[];
}) {
  const { t } = ctx;
  const problemOf = (field: string) => problems.find((problem) => problem.field === field)?.messageKey;
  const title = t('journal.export.title');
  return (
    <Layout ctx={ctx} title={problems.length > 0 ? `${t('error.title')}: ${title}` : title}>
      <JournalNav ctx={ctx} current="export" />
      <h1>{title}</h1>
      <p class="app-lead">{t('journal.export.lead')}</p>
      <div class="app-callout app-callout--info">
        <p>{t('journal.export.honest')}</p>
        <p>{t('journal.export.diary')}</p>
      </div>
      {checkpoint === undefined ? (
        <p>{t('journal.export.empty')}</p>
      ) : (
        <>
          <h2>{t('journal.export.anchorsTitle')}</h2>
          <p>{t('journal.export.anchors')}</p>
          <dl class="app-journal-fields">
            <dt>{t('journal.export.fingerprint')}</dt>
            <dd class="app-fingerprint">{fingerprint}</dd>
            <dt>{t('journal.export.checkpoint')}</dt>
            <dd>
              {t('journal.export.checkpointSize', { size: checkpoint.size })}
              <br />
              <span class="app-fingerprint">{checkpoint.root}</span>
            </dd>
          </dl>
          <ErrorSummary ctx={ctx} problems={problems} />
          <form method="post" action="/logboek/export" data-busy-message={t('journal.export.busy')}>
            <CsrfField ctx={ctx} />
            <Input
              ctx={ctx}
              name="label"
              label={t('journal.export.label')}
              hint={t('journal.export.labelHint')}
              form={{ label: form.label }}
              problem={problemOf('label')}
              wide
            />
            <fieldset>
              <legend>{t('journal.export.which')}</legend>
              <FieldError ctx={ctx} id="keuze" problem={problemOf('keuze')} />
              <div class="app-radios app-radios--stacked" id="keuze">
                {(['alles', 'reeks', 'deel'] as const).map((mode) => (
                  <div class="app-radios__item" key={mode}>
                    <input
                      class="app-radios__input"
                      type="radio"
                      id={`keuze-${mode}`}
                      name="keuze"
                      value={mode}
                      checked={form.mode === mode}
                    />
                    <label class="app-radios__label" for={`keuze-${mode}`}>
                      {t(`journal.export.mode.${mode}`)}
                    </label>
                  </div>
                ))}
              </div>
              <div class="app-journal-row">
                <Input ctx={ctx} name="van" label={t('journal.export.from')} form={{ van: form.from }} />
                <Input ctx={ctx} name="tot" label={t('journal.export.to')} form={{ tot: form.to }} />
              </div>
              {choices.length <= EXPORT_PICK_LIMIT && (
                <fieldset>
                  <legend>{t('journal.export.pick')}</legend>
                  {choices
                    .filter((choice) => !choice.redacted && choice.kind !== 'redaction')
                    .map((choice) => (
                      <div class="app-radios__item" key={choice.id}>
                        <input
                          class="app-radios__input"
                          type="checkbox"
                          id={`notitie-${choice.number}`}
                          name="notitie"
                          value={choice.id}
                          checked={form.picked.includes(choice.id)}
                        />
                        <label class="app-radios__label" for={`notitie-${choice.number}`}>
                          {t('journal.entry.number', { number: choice.number })}
                          {choice.date === undefined ? '' : `, ${formatDay(ctx, choice.date)}`}
                          {choice.category === undefined ? '' : ` – ${t(categoryKey(choice.category))}`}
                          {choice.kind === 'correction' ? ` (${t('journal.export.correction')})` : ''}
                        </label>
                      </div>
                    ))}
                </fieldset>
              )}
              <p class="app-hint">{t('journal.export.redactions')}</p>
            </fieldset>
            {attachmentChoices?.length !== 0 && (
              <fieldset>
                <legend>{t('journal.export.attachments')}</legend>
                <p class="app-hint" id="bijlagen-hint">
                  {t('journal.export.attachmentsHint')}
                </p>
                <FieldError ctx={ctx} id="bijlagen" problem={problemOf('bijlagen')} />
                <div class="app-radios app-radios--stacked" id="bijlagen">
                  {attachmentModes
                    .filter((mode) => mode !== 'kies' || attachmentChoices !== undefined)
                    .map((mode) => (
                      <div class="app-radios__item" key={mode}>
                        <input
                          class="app-radios__input"
                          type="radio"
                          id={`bijlagen-${mode}`}
                          name="bijlagen"
                          value={mode}
                          checked={form.attachments === mode}
                          aria-describedby="bijlagen-hint"
                        />
                        <label class="app-radios__label" for={`bijlagen-${mode}`}>
                          {t(`journal.export.attachments.${mode}`)}
                        </label>
                      </div>
                    ))}
                </div>
                {attachmentChoices !== undefined && (
                  <fieldset>
                    <legend>{t('journal.export.attachments.pick')}</legend>
                    {attachmentChoices.map((choice) => (
                      <div class="app-radios__item" key={choice.id}>
                        <input
                          class="app-radios__input"
                          type="checkbox"
                          id={`bijlage-${choice.number}-${choice.attachment}`}
                          name="bijlage"
                          value={choice.id}
                          checked={form.pickedAttachments.includes(choice.id)}
                        />
                        <label class="app-radios__label" for={`bijlage-${choice.number}-${choice.attachment}`}>
                          {t('journal.export.attachments.item', {
                            number: choice.number,
                            attachment: choice.attachment,
                          })}
                        </label>
                      </div>
                    ))}
                  </fieldset>
                )}
              </fieldset>
            )}
            <Input
              ctx={ctx}
              name="bekend"
              label={t('journal.export.known')}
              hint={t('journal.export.knownHint')}
              form={{ bekend: form.known }}
              problem={problemOf('bekend')}
            />
            <div class="app-field">
              <label class="app-label" for="wachtwoord">
                {t('journal.export.passphrase')}
              </label>
              <p class="app-hint" id="wachtwoord-hint">
                {t(fresh ? 'journal.export.passphraseFresh' : 'journal.export.passphraseHint')}
              </p>
              <FieldError ctx={ctx} id="wachtwoord" problem={problemOf('wachtwoord')} />
              <input
                class={`app-input${problemOf('wachtwoord') === undefined ? '' : ' app-input--error'}`}
                type="password"
                id="wachtwoord"
                name="wachtwoord"
                autocomplete="current-password"
                aria-describedby="wachtwoord-hint"
              />
            </div>
            <button class="app-button" type="submit">
              {t('journal.export.make')}
            </button>
            <p class="app-hint" role="status" aria-live="polite" data-busy-status></p>
          </form>
          <p>
            <a href="/verifieer">{t('journal.export.verifyLink')}</a>
          </p>
        </>
      )}
    </Layout>
  );
}

/** "Step 2 of 3: making the PDF (300 of 1,000 notes)": what the progress page and its script say. */
export function progressText(t: PageContext['t'], progress: ExportProgress): string {
  const step = progress.phase === 'reading' ? 1 : progress.phase === 'pdf' ? 2 : 3;
  return t(`journal.export.status.phase.${progress.phase}`, {
    step,
    done: progress.done,
    total: progress.total,
  });
}

/**
 * The export's progress, and its download once it is ready. Without JavaScript the parent follows a link to
 * look again; with it, the page's script asks /logboek/export/stand every few seconds, updates the bar and
 * the status text, and loads this page again when the export is ready or has failed.
 */
export function ExportStatusPage({
  ctx,
  status,
  gone = false,
}: {
  ctx: PageContext;
  status: ExportStatus | undefined;
  /** The download was asked for, but there is nothing (any more) to download. */
  gone?: boolean;
}) {
  const { t } = ctx;
  const title =
    status?.state === 'running'
      ? t('journal.export.status.runningTitle')
      : status?.state === 'failed' && status.tooLarge !== undefined
        ? t('journal.export.status.tooLargeTitle')
        : status?.state === 'done'
          ? t('journal.export.status.doneTitle')
          : status?.state === 'failed'
            ? t('journal.export.status.failedTitle')
            : t('journal.export.status.noneTitle');
  return (
    <Layout ctx={ctx} title={title}>
      <JournalNav ctx={ctx} current="export" />
      <h1>{title}</h1>
      {status?.state === 'running' && (
        <div data-export-progress data-status-url="/logboek/export/stand">
          <p>{t('journal.export.status.running')}</p>
          <div class="app-field">
            <label class="app-label" for="export-voortgang">
              {t('journal.export.status.progressLabel')}
            </label>
            <progress id="export-voortgang" max={100} value={exportPercent(status.progress)}>
              {exportPercent(status.progress)}%
            </progress>
            <p class="app-hint" role="status" aria-live="polite" data-export-text>
              {progressText(t, status.progress)}
            </p>
          </div>
          <p>{t('journal.export.status.leave')}</p>
          <p>
            <a class="app-button app-button--secondary" href="/logboek/export/bezig">
              {t('journal.export.status.again')}
            </a>
          </p>
        </div>
      )}
      {status?.state === 'done' && (
        <>
          <p>{t('journal.export.status.done', { size: sizeText(ctx, status.bytes) })}</p>
          <form method="post" action="/logboek/export/ophalen">
            <CsrfField ctx={ctx} />
            <p class="app-hint">{t('journal.export.device')}</p>
            <button class="app-button" type="submit">
              {t('journal.export.submit')}
            </button>
          </form>
          <p class="app-hint">
            {t('journal.export.status.kept', { until: formatMoment(ctx, new Date(status.expiresAt).toISOString()) })}
          </p>
          <p>
            <a href="/verifieer">{t('journal.export.verifyLink')}</a>
          </p>
        </>
      )}
      {status?.state === 'failed' && (
        <div class="app-callout app-callout--danger">
          <p>
            {status.tooLarge === undefined
              ? t('journal.export.status.failed')
              : t('journal.export.status.tooLarge', { max: sizeText(ctx, status.tooLarge.maxBytes) })}
          </p>
        </div>
      )}
      {status === undefined && <p>{t(gone ? 'journal.export.status.gone' : 'journal.export.status.none')}</p>}
      {status?.state !== 'running' && status?.state !== 'done' && (
        <p>
          <a class="app-button" href="/logboek/export">
            {t('journal.export.status.start')}
          </a>
        </p>
      )}
    </Layout>
  );
}
