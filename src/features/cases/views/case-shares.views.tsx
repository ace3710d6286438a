import type { ComponentChildren } from 'preact';
import type { MessageKey } from '../../../shared/i18n/messages.js';
import { CsrfField } from '../../../shared/views/components/csrf-field.js';
import { ErrorSummary } from '../../../shared/views/components/error-summary.js';
import { FieldError, type FormState, problemOf, RadioItems } from '../../../shared/views/components/fields.js';
import type { PageContext } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import type { Category } from '../../journal/journal.schema.js';
import { ObservationDetails } from '../../journal/views/entry-block.js';
import { categoryKey, formatDay, formatMoment, sizeText } from '../../journal/views/parts.js';
import type { AccessLine, OpenedSharedEntry, SharedEntryItem, Verification } from '../case-shares.service.js';
import type { CaseRole } from '../cases.types.js';

/* The pages of shared journal entries in a case (/samenwerken/:caseId/delen, /gedeeld …). */

export interface ShareChoice {
  id: string;
  number: number;
  date?: string | undefined;
  category?: Category | undefined;
  redacted: boolean;
  shared: boolean;
}

export interface ParentCase {
  caseId: string;
  label: string | undefined;
  createdAt: string;
}

const titled = (ctx: PageContext, title: string, problems: readonly unknown[]) =>
  problems.length === 0 ? title : `${ctx.t('error.title')}: ${title}`;

function BackToCase({ ctx, caseId }: { ctx: PageContext; caseId: string }) {
  return (
    <p>
      <a href={`/samenwerken/${caseId}`}>{ctx.t('caseShares.nav.back')}</a>
    </p>
  );
}

/** The parent's cases to share into, each a link that carries the entries ticked in the journal. */
export function ChooseCasePage({
  ctx,
  cases,
  selected,
}: {
  ctx: PageContext;
  cases: readonly ParentCase[];
  selected: readonly string[];
}) {
  const { t } = ctx;
  const query = new URLSearchParams(selected.map((id) => ['notitie', id])).toString();
  return (
    <Layout ctx={ctx} title={t('caseShares.choose.title')}>
      <h1>{t('caseShares.choose.title')}</h1>
      {cases.length === 0 ? (
        <p class="app-lead">{t('caseShares.choose.none')}</p>
      ) : (
        <>
          <p class="app-lead">{t('caseShares.choose.lead')}</p>
          <ul>
            {cases.map((item) => (
              <li key={item.caseId}>
                <a href={`/samenwerken/${item.caseId}/delen${query === '' ? '' : `?${query}`}`}>
                  {item.label ?? t('caseShares.choose.unnamed', { date: formatMoment(ctx, item.createdAt) })}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </Layout>
  );
}

/** The share form: which entries, and the consent the share rests on. */
/** The journal entries to tick (field 'notitie', one checkbox each, by the entry's number), with their problem. */
function EntryChecks({
  ctx,
  legend,
  hint,
  form,
  entries,
}: {
  ctx: PageContext;
  legend: MessageKey;
  hint?: MessageKey;
  form: FormState;
  entries: readonly { id: string; number: number; checked?: boolean; label: ComponentChildren }[];
}) {
  return (
    <fieldset>
      <legend>{ctx.t(legend)}</legend>
      {hint !== undefined && <p class="app-hint">{ctx.t(hint)}</p>}
      <FieldError ctx={ctx} id="notitie" problem={problemOf(form.problems, 'notitie')} />
      <div class="app-radios app-radios--stacked" id="notitie">
        {entries.map((entry) => (
          <div class="app-radios__item" key={entry.id}>
            <input
              class="app-radios__input"
              type="checkbox"
              id={`notitie-${entry.number}`}
              name="notitie"
              value={entry.id}
              checked={entry.checked}
            />
            <label class="app-radios__label" for={`notitie-${entry.number}`}>
              {entry.label}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/** One question of the consent record: radio choices with their problem, and a hint when there is one. */
function ConsentQuestion({
  ctx,
  form,
  name,
  legend,
  hint,
  stacked = false,
  choices,
}: {
  ctx: PageContext;
  form: FormState;
  name: string;
  legend: MessageKey;
  hint?: MessageKey;
  stacked?: boolean;
  choices: readonly (readonly [value: string, label: MessageKey])[];
}) {
  return (
    <fieldset>
      <legend>{ctx.t(legend)}</legend>
      {hint !== undefined && (
        <p class="app-hint" id={`${name}-hint`}>
          {ctx.t(hint)}
        </p>
      )}
      <FieldError ctx={ctx} id={name} problem={problemOf(form.problems, name)} />
      <div class={stacked ? 'app-radios app-radios--stacked' : 'app-radios'} id={name}>
        <RadioItems
          name={name}
          {...(hint === undefined ? {} : { describedBy: `${name}-hint` })}
          choices={choices.map(([value, key]) => ({ value, label: ctx.t(key) }))}
          chosen={form.values[name]}
        />
      </div>
    </fieldset>
  );
}

export function SharePage({
  ctx,
  caseId,
  choices,
  ticked,
  form,
}: {
  ctx: PageContext;
  caseId: string;
  choices: readonly ShareChoice[];
  ticked: readonly string[];
  form: FormState;
}) {
  const { t } = ctx;
  const open = choices.filter((choice) => !choice.redacted);
  return (
    <Layout ctx={ctx} title={titled(ctx, t('caseShares.share.title'), form.problems)}>
      <BackToCase ctx={ctx} caseId={caseId} />
      <h1>{t('caseShares.share.title')}</h1>
      <p class="app-lead">{t('caseShares.share.lead')}</p>
      <p>{t('caseShares.share.honest')}</p>
      <p>{t('caseExports.share.policeBundle')}</p>
      <ErrorSummary ctx={ctx} problems={form.problems} />
      {open.length === 0 ? (
        <p>{t('caseShares.share.noEntries')}</p>
      ) : (
        <form method="post" action={`/samenwerken/${caseId}/delen`}>
          <CsrfField ctx={ctx} />
          <EntryChecks
            ctx={ctx}
            legend="caseShares.share.entries"
            form={form}
            entries={open.map((choice) => ({
              id: choice.id,
              number: choice.number,
              checked: ticked.includes(choice.id),
              label: (
                <>
                  {t('caseShares.share.entry', { number: choice.number })}
                  {choice.date === undefined ? '' : `, ${formatDay(ctx, choice.date)}`}
                  {choice.category === undefined ? '' : ` – ${t(categoryKey(choice.category))}`}
                  {choice.shared ? ` (${t('caseShares.share.alreadyShared')})` : ''}
                </>
              ),
            }))}
          />
          <fieldset>
            <legend>{t('caseShares.consent.legend')}</legend>
            <ConsentQuestion
              ctx={ctx}
              form={form}
              name="kind16"
              legend="caseShares.consent.age"
              hint="caseShares.consent.ageHint"
              choices={[
                ['ja', 'caseShares.consent.yes'],
                ['nee', 'caseShares.consent.no'],
              ]}
            />
            <ConsentQuestion
              ctx={ctx}
              form={form}
              name="grondslag"
              legend="caseShares.consent.basis"
              stacked
              choices={[
                ['ouder', 'caseShares.consent.basis.parent'],
                ['kind', 'caseShares.consent.basis.child'],
                ['samen', 'caseShares.consent.basis.parent-and-child'],
              ]}
            />
            <ConsentQuestion
              ctx={ctx}
              form={form}
              name="kindWeet"
              legend="caseShares.consent.childKnows"
              choices={[
                ['ja', 'caseShares.consent.childKnows.yes'],
                ['nee', 'caseShares.consent.childKnows.no'],
                ['onbekend', 'caseShares.consent.childKnows.unknown'],
              ]}
            />
          </fieldset>
          <button class="app-button" type="submit">
            {t('caseShares.share.submit')}
          </button>
        </form>
      )}
    </Layout>
  );
}

function VerificationNote({ ctx, verification }: { ctx: PageContext; verification: Verification }) {
  const { t } = ctx;
  return verification.verified ? (
    <p class="app-tag" data-verified="true">
      {t('caseShares.verify.ok', { size: verification.checkpoint?.size ?? 0 })}
    </p>
  ) : (
    <p class="app-tag app-tag--warning" data-verified="false">
      {t('caseShares.verify.failed')}
    </p>
  );
}

function ItemMeta({ ctx, item }: { ctx: PageContext; item: SharedEntryItem }) {
  const { t } = ctx;
  return (
    <p class="app-journal-entry__meta">
      {t('caseShares.list.received', { date: formatMoment(ctx, item.receivedAt) })} ·{' '}
      {t('caseShares.list.shared', { date: formatMoment(ctx, item.sharedAt) })}
      {item.attachments > 0 && <> · {t('caseShares.list.attachments', { count: item.attachments })}</>}
      {item.redacted && <> · {t('caseShares.list.redacted')}</>}
    </p>
  );
}

const roleKeys: Record<CaseRole, MessageKey> = {
  parent: 'caseShares.role.parent',
  care: 'caseShares.role.care',
  coordinator: 'caseShares.role.coordinator',
  'veilig-thuis': 'caseShares.role.veilig-thuis',
  jeugdbeschermer: 'caseShares.role.jeugdbeschermer',
  raad: 'caseShares.role.raad',
  police: 'caseShares.role.police',
  observer: 'caseShares.role.observer',
  young: 'caseShares.role.young',
};
const roleKey = (role: CaseRole): MessageKey => roleKeys[role];

function Who({ ctx, who }: { ctx: PageContext; who: AccessLine['who'] }) {
  const { t } = ctx;
  if (who.role === undefined) return <>{t('caseShares.access.someone')}</>;
  if (who.role === 'police' && who.policeUnit !== undefined) {
    return <>{t('caseShares.access.police', { unit: who.policeUnit })}</>;
  }
  if (who.organisationName !== undefined) {
    return (
      <>{t('caseShares.access.withOrganisation', { role: t(roleKey(who.role)), organisation: who.organisationName })}</>
    );
  }
  return <>{t(roleKey(who.role))}</>;
}

const whatKeys: Record<AccessLine['what'], MessageKey> = {
  open: 'caseShares.access.open',
  'open-attachment': 'caseShares.access.openAttachment',
  export: 'caseShares.access.export',
};

function AccessList({ ctx, lines }: { ctx: PageContext; lines: readonly AccessLine[] }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="toegang">
      <h2 id="toegang">{t('caseShares.access.title')}</h2>
      {lines.length === 0 ? (
        <p>{t('caseShares.access.empty')}</p>
      ) : (
        <table class="app-table">
          <thead>
            <tr>
              <th scope="col">{t('caseShares.access.when')}</th>
              <th scope="col">{t('caseShares.access.who')}</th>
              <th scope="col">{t('caseShares.access.what')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line, index) => (
              <tr key={index}>
                <td>{formatMoment(ctx, line.at)}</td>
                <td>
                  <Who ctx={ctx} who={line.who} />
                </td>
                <td>
                  {line.entryNumber === undefined
                    ? t('caseShares.access.entryGone')
                    : t(whatKeys[line.what], { number: line.entryNumber })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The parent's page: what they shared (with the way to stop), and who opened it. */
export function MySharesPage({
  ctx,
  caseId,
  items,
  access,
  notice,
  form,
}: {
  ctx: PageContext;
  caseId: string;
  items: readonly SharedEntryItem[];
  access: readonly AccessLine[];
  notice: string | undefined;
  form: FormState;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={titled(ctx, t('caseShares.mine.title'), form.problems)}>
      <BackToCase ctx={ctx} caseId={caseId} />
      <h1>{t('caseShares.mine.title')}</h1>
      {notice !== undefined && (
        <div class="app-callout app-callout--info" role="status">
          <p>{notice}</p>
        </div>
      )}
      <p class="app-lead">{t('caseShares.mine.lead')}</p>
      <p>
        <a class="app-button" href={`/samenwerken/${caseId}/delen`}>
          {t('caseShares.mine.shareMore')}
        </a>
      </p>
      <ErrorSummary ctx={ctx} problems={form.problems} />
      {items.length === 0 ? (
        <p>{t('caseShares.mine.empty')}</p>
      ) : (
        <form method="post" action={`/samenwerken/${caseId}/gedeeld/stoppen`}>
          <CsrfField ctx={ctx} />
          <EntryChecks
            ctx={ctx}
            legend="caseShares.unshare.legend"
            hint="caseShares.unshare.hint"
            form={form}
            entries={items.map((item) => ({
              id: item.entryId,
              number: item.number,
              label: (
                <>
                  <a href={`/logboek/${item.entryId}`}>{t('caseShares.list.entry', { number: item.number })}</a>
                  {' – '}
                  {t('caseShares.list.shared', { date: formatMoment(ctx, item.sharedAt) })}
                </>
              ),
            }))}
          />
          <button class="app-button app-button--secondary" type="submit">
            {t('caseShares.unshare.submit')}
          </button>
        </form>
      )}
      <AccessList ctx={ctx} lines={access} />
    </Layout>
  );
}

/** A professional's list of shared entries, with each entry's verification and who opened what. */
export function SharedEntriesPage({
  ctx,
  caseId,
  items,
  readable,
  access,
}: {
  ctx: PageContext;
  caseId: string;
  items: readonly SharedEntryItem[];
  readable: ReadonlySet<string>;
  access: readonly AccessLine[] | undefined;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('caseShares.list.title')}>
      <BackToCase ctx={ctx} caseId={caseId} />
      <h1>{t('caseShares.list.title')}</h1>
      <p class="app-lead">{t('caseShares.list.lead')}</p>
      <p>{t('caseShares.verify.honest')}</p>
      {items.length === 0 && <p>{t('caseShares.list.empty')}</p>}
      {items.map((item) => (
        <article class="app-journal-entry" key={item.entryId}>
          <h2 class="app-journal-entry__title">
            {readable.has(item.parentMemberId) && !item.redacted ? (
              <a href={`/samenwerken/${caseId}/gedeeld/${item.entryId}`}>
                {t('caseShares.list.open', { number: item.number })}
              </a>
            ) : (
              t('caseShares.list.entry', { number: item.number })
            )}
          </h2>
          <ItemMeta ctx={ctx} item={item} />
          <VerificationNote ctx={ctx} verification={item.verification} />
          {!readable.has(item.parentMemberId) && <p>{t('caseShares.list.noKey')}</p>}
        </article>
      ))}
      {access !== undefined && <AccessList ctx={ctx} lines={access} />}
    </Layout>
  );
}

/** One shared entry opened by a professional. */
export function SharedEntryPage({
  ctx,
  caseId,
  entry,
}: {
  ctx: PageContext;
  caseId: string;
  entry: OpenedSharedEntry;
}) {
  const { t } = ctx;
  const { item, observation } = entry;
  return (
    <Layout ctx={ctx} title={t('caseShares.entry.title', { number: item.number })}>
      <p>
        <a href={`/samenwerken/${caseId}/gedeeld`}>{t('caseShares.nav.shared')}</a>
      </p>
      <h1>{t('caseShares.entry.title', { number: item.number })}</h1>
      <ItemMeta ctx={ctx} item={item} />
      <VerificationNote ctx={ctx} verification={item.verification} />
      <p class="app-hint">{t('caseShares.verify.honest')}</p>
      {entry.corrects !== undefined && <p>{t('caseShares.entry.correction', { number: entry.corrects })}</p>}
      {observation !== undefined && (
        <>
          <p class="app-journal-entry__meta">
            {formatDay(ctx, observation.date)}
            {observation.time === undefined ? '' : `, ${observation.time}`} – {t(categoryKey(observation.category))}
          </p>
          <ObservationDetails ctx={ctx} observation={observation} />
        </>
      )}
      {entry.attachments.length > 0 && (
        <section>
          <h2>{t('caseShares.entry.attachments')}</h2>
          <ul>
            {entry.attachments.map((attachment) => (
              <li key={attachment.id}>
                <a href={`/samenwerken/${caseId}/gedeeld/bijlage/${attachment.id}`}>
                  {t('caseShares.entry.attachment', {
                    number: attachment.number,
                    size: sizeText(ctx, attachment.size),
                  })}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Layout>
  );
}
