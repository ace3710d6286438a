import type { ComponentChildren } from 'preact';
import type { MessageKey } from '../../../shared/i18n/messages.js';
import type { PageContext } from '../../../shared/views/context.js';
import type { Observation } from '../journal.schema.js';
import type { EntryView } from '../journal.service.js';
import { categoryKey, formatDay, formatLocal, formatMoment, sizeText } from './parts.js';

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
export function ObservationDetails({ ctx, observation }: { ctx: PageContext; observation: Observation }) {
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

export function EntryBlock({
  ctx,
  entry,
  level,
  full,
}: {
  ctx: PageContext;
  entry: EntryView;
  level: 2 | 3;
  full: boolean;
}) {
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
