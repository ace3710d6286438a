import type { MessageKey } from '../../../shared/i18n/messages.js';
import type { FieldError } from '../../../shared/errors.js';
import { ActionForm } from '../../../shared/views/components/action-form.js';
import { CsrfField } from '../../../shared/views/components/csrf-field.js';
import { ErrorSummary } from '../../../shared/views/components/error-summary.js';
import { type FormValues, TextField } from '../../../shared/views/components/fields.js';
import type { PageContext } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import type { TrustedView } from '../trusted-person.service.js';
import { WAITING_DAYS_DEFAULT } from '../trusted-person.schema.js';

/*
 * The trusted-person pages (ADR 0049): plain forms, no script. The owner's part (name, refuse, remove, renew), the
 * trusted person's part (ask, make a recovery code after the grant), and the one-time code one offers.
 */

const timeFormat = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  hour: '2-digit',
  minute: '2-digit',
});

const problemFor = (problems: readonly FieldError[], field: string): MessageKey | undefined =>
  problems.find((problem) => problem.field === field)?.messageKey;

function Mine({ ctx, mine }: { ctx: PageContext; mine: TrustedView }) {
  const { t } = ctx;
  const name = mine.trustedUsername;
  return (
    <>
      <p data-trusted="mine">
        {t('trustedPerson.mine.named', { name, date: new Date(mine.namedAt), days: mine.waitingDays })}
      </p>
      {!mine.hasWrap && (
        <div class="app-callout app-callout--info">
          <p>{t('trustedPerson.mine.renewNeeded', { name })}</p>
          <ActionForm ctx={ctx} action="/account/vertrouwenspersoon/vernieuwen" label={t('trustedPerson.mine.renew')} />
        </div>
      )}
      {(mine.state === 'waiting' || mine.state === 'granted') && (
        <div class="app-callout app-callout--danger" data-request={mine.state}>
          <p>
            {mine.state === 'waiting'
              ? t('trustedPerson.mine.waiting', {
                  name,
                  date: new Date(mine.requestedAt ?? mine.namedAt),
                  until: new Date(mine.grantAfter ?? mine.namedAt),
                })
              : t('trustedPerson.mine.granted', { name })}
          </p>
          <ActionForm ctx={ctx} action="/account/vertrouwenspersoon/weigeren" label={t('trustedPerson.mine.refuse')} />
        </div>
      )}
      {mine.state === 'refused' && mine.refusedAt !== null && (
        <p data-request="refused">{t('trustedPerson.mine.refused', { name, date: new Date(mine.refusedAt) })}</p>
      )}
      {mine.usedAt !== null && (
        <div class="app-callout app-callout--info" data-request="used">
          <p>{t('trustedPerson.mine.used', { name, date: new Date(mine.usedAt) })}</p>
          <p>
            <a href="/account/sleutels-vernieuwen">{t('trustedPerson.mine.rotate')}</a>
          </p>
        </div>
      )}
      <p class="app-hint">{t('trustedPerson.mine.removeHint')}</p>
      <ActionForm
        ctx={ctx}
        action="/account/vertrouwenspersoon/verwijderen"
        label={t('trustedPerson.mine.remove')}
        look="secondary"
      />
    </>
  );
}

function NameForm({
  ctx,
  problems,
  values,
}: {
  ctx: PageContext;
  problems: readonly FieldError[];
  values: FormValues;
}) {
  const { t } = ctx;
  return (
    <form method="post" action="/account/vertrouwenspersoon/kiezen" novalidate>
      <h3>{t('trustedPerson.name.title')}</h3>
      <CsrfField ctx={ctx} />
      <TextField
        ctx={ctx}
        name="gebruikersnaam"
        label={t('trustedPerson.name.username')}
        type="text"
        value={values.gebruikersnaam ?? ''}
        problem={problemFor(problems, 'gebruikersnaam')}
        autocomplete="off"
      />
      <TextField
        ctx={ctx}
        name="code"
        label={t('trustedPerson.name.code')}
        hint={t('trustedPerson.name.codeHint')}
        type="text"
        value=""
        problem={problemFor(problems, 'code')}
        autocomplete="off"
      />
      <TextField
        ctx={ctx}
        name="wachtdagen"
        label={t('trustedPerson.name.days')}
        hint={t('trustedPerson.name.daysHint')}
        type="text"
        value={values.wachtdagen ?? String(WAITING_DAYS_DEFAULT)}
        problem={problemFor(problems, 'wachtdagen')}
        autocomplete="off"
      />
      <TextField
        ctx={ctx}
        name="wachtwoord"
        label={t('trustedPerson.name.passphrase')}
        type="password"
        problem={problemFor(problems, 'wachtwoord')}
        autocomplete="current-password"
      />
      <button class="app-button" type="submit">
        {t('trustedPerson.name.submit')}
      </button>
    </form>
  );
}

function TrustedBy({
  ctx,
  arrangement,
  problem,
}: {
  ctx: PageContext;
  arrangement: TrustedView;
  problem: MessageKey | undefined;
}) {
  const { t } = ctx;
  const name = arrangement.ownerUsername;
  const field = `wachtwoord-${arrangement.ownerId}`;
  return (
    <li data-trusted-by={arrangement.state}>
      <p>{t('trustedPerson.trustedBy.named', { name, date: new Date(arrangement.namedAt) })}</p>
      {!arrangement.hasWrap ? (
        <p>{t('trustedPerson.trustedBy.renewNeeded', { name })}</p>
      ) : arrangement.state === 'none' || arrangement.state === 'refused' ? (
        <>
          {arrangement.state === 'refused' && arrangement.refusedAt !== null && (
            <p>{t('trustedPerson.trustedBy.refused', { name, date: new Date(arrangement.refusedAt) })}</p>
          )}
          <p class="app-hint">{t('trustedPerson.trustedBy.requestHint', { name, days: arrangement.waitingDays })}</p>
          <ActionForm
            ctx={ctx}
            action="/account/vertrouwenspersoon/vragen"
            hidden={{ eigenaar: arrangement.ownerId }}
            label={t('trustedPerson.trustedBy.request')}
          />
        </>
      ) : arrangement.state === 'waiting' ? (
        <p>
          {t('trustedPerson.trustedBy.waiting', {
            name,
            date: new Date(arrangement.requestedAt ?? arrangement.namedAt),
            until: new Date(arrangement.grantAfter ?? arrangement.namedAt),
          })}
        </p>
      ) : (
        <form method="post" action="/account/vertrouwenspersoon/herstelcode" novalidate>
          <p>{t('trustedPerson.trustedBy.granted', { name })}</p>
          <CsrfField ctx={ctx} />
          <input type="hidden" name="eigenaar" value={arrangement.ownerId} />
          <div class="app-field">
            <label class="app-label" for={field}>
              {t('trustedPerson.trustedBy.passphrase')}
            </label>
            {problem !== undefined && (
              <p class="app-error-message" id={`${field}-error`}>
                {t(problem)}
              </p>
            )}
            <input
              class={problem === undefined ? 'app-input' : 'app-input app-input--error'}
              id={field}
              name="wachtwoord"
              type="password"
              autocomplete="current-password"
              {...(problem === undefined ? {} : { 'aria-describedby': `${field}-error` })}
            />
          </div>
          <button class="app-button" type="submit">
            {t('trustedPerson.trustedBy.makeCode')}
          </button>
        </form>
      )}
    </li>
  );
}

export interface TrustedPersonPageProps {
  ctx: PageContext;
  mine: TrustedView | undefined;
  trustedBy: readonly TrustedView[];
  offerExpiresAt: string | undefined;
  /** The naming form drawn again. */
  problems?: readonly FieldError[];
  values?: FormValues;
  /** A trusted person's failed attempt to make a recovery code, by owner. */
  codeProblem?: { ownerId: string; messageKey: MessageKey };
}

export function TrustedPersonPage(props: TrustedPersonPageProps) {
  const { ctx, mine, trustedBy, offerExpiresAt, problems = [], values = {}, codeProblem } = props;
  const { t } = ctx;
  const summary = [
    ...problems,
    ...(codeProblem === undefined
      ? []
      : [{ field: `wachtwoord-${codeProblem.ownerId}`, messageKey: codeProblem.messageKey }]),
  ];
  return (
    <Layout
      ctx={ctx}
      title={summary.length > 0 ? `${t('error.title')}: ${t('trustedPerson.title')}` : t('trustedPerson.title')}
    >
      <ErrorSummary ctx={ctx} problems={summary} />
      <h1>{t('trustedPerson.title')}</h1>
      <p class="app-lead">{t('trustedPerson.intro')}</p>
      <h2>{t('trustedPerson.how.title')}</h2>
      <ol>
        <li>{t('trustedPerson.how.offer')}</li>
        <li>{t('trustedPerson.how.name')}</li>
        <li>{t('trustedPerson.how.request')}</li>
        <li>{t('trustedPerson.how.grant')}</li>
      </ol>
      <p>
        <strong>{t('trustedPerson.how.trust')}</strong>
      </p>

      <section aria-labelledby="trusted-mine-title">
        <h2 id="trusted-mine-title">{t('trustedPerson.mine.title')}</h2>
        {mine === undefined ? (
          <>
            <p>{t('trustedPerson.mine.none')}</p>
            <NameForm ctx={ctx} problems={problems} values={values} />
          </>
        ) : (
          <Mine ctx={ctx} mine={mine} />
        )}
      </section>

      {trustedBy.length > 0 && (
        <section aria-labelledby="trusted-by-title">
          <h2 id="trusted-by-title">{t('trustedPerson.trustedBy.title')}</h2>
          <ul class="app-list">
            {trustedBy.map((arrangement) => (
              <TrustedBy
                key={arrangement.ownerId}
                ctx={ctx}
                arrangement={arrangement}
                problem={codeProblem?.ownerId === arrangement.ownerId ? codeProblem.messageKey : undefined}
              />
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="trusted-offer-title">
        <h2 id="trusted-offer-title">{t('trustedPerson.offer.title')}</h2>
        <p>{t('trustedPerson.offer.intro')}</p>
        {offerExpiresAt !== undefined && (
          <p>
            {t('trustedPerson.offer.open', {
              date: new Date(offerExpiresAt),
              time: timeFormat.format(new Date(offerExpiresAt)),
            })}
          </p>
        )}
        <ActionForm ctx={ctx} action="/account/vertrouwenspersoon/code" label={t('trustedPerson.offer.submit')} />
      </section>
      <p>
        <a href="/account">{t('trustedPerson.back')}</a>
      </p>
    </Layout>
  );
}

/** The code one offers, shown once. */
export function OfferCodePage({ ctx, code, username }: { ctx: PageContext; code: string; username: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('trustedPerson.offer.codeTitle')}>
      <h1>{t('trustedPerson.offer.codeTitle')}</h1>
      <p class="app-lead">{t('trustedPerson.offer.codeIntro', { name: username })}</p>
      <p class="app-recovery-code" data-offer-code>
        {code}
      </p>
      <p>
        <a class="app-button" href="/account/vertrouwenspersoon">
          {t('trustedPerson.title')}
        </a>
      </p>
    </Layout>
  );
}

/** The owner's new recovery code, shown once to the trusted person who made it. */
export function TrustedRecoveryCodePage({ ctx, code, owner }: { ctx: PageContext; code: string; owner: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('trustedPerson.code.title', { name: owner })}>
      <h1>{t('trustedPerson.code.title', { name: owner })}</h1>
      <p class="app-lead">{t('trustedPerson.code.intro', { name: owner })}</p>
      <p class="app-recovery-code" data-recovery-code>
        {code}
      </p>
      <p>{t('trustedPerson.code.how', { name: owner })}</p>
      <p>
        <a href="/herstellen">{t('trustedPerson.code.recoverLink')}</a>
      </p>
      <p>
        <a class="app-button" href="/account/vertrouwenspersoon">
          {t('trustedPerson.title')}
        </a>
      </p>
    </Layout>
  );
}

/** On the account page (parents only): the link, and a notice while a request waits for the owner's answer. */
export function TrustedPersonAccountNotice({ ctx, waiting }: { ctx: PageContext; waiting: boolean }) {
  const { t } = ctx;
  return (
    <>
      {waiting && (
        <div class="app-callout app-callout--danger" data-trusted-notice>
          <p>
            <a href="/account/vertrouwenspersoon">{t('trustedPerson.accountNotice')}</a>
          </p>
        </div>
      )}
      <p>
        <a href="/account/vertrouwenspersoon">{t('trustedPerson.link')}</a>
      </p>
    </>
  );
}
