import type { ComponentChildren } from 'preact';
import type { MessageKey } from '../../../shared/i18n/messages.js';
import { CsrfField } from '../../../shared/views/components/csrf-field.js';
import { type FormState, TextField } from '../../../shared/views/components/fields.js';
import { ErrorSummary } from '../../../shared/views/components/error-summary.js';
import type { PageContext } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import type { FieldProblem } from '../accounts.schema.js';

type Field =
  | 'gebruikersnaam'
  | 'wachtwoord'
  | 'herhaling'
  | 'herstelcode'
  | 'code'
  | 'huidig'
  | 'email'
  | 'bijnaam'
  | 'toegangssleutel';

const timeFormat = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  hour: '2-digit',
  minute: '2-digit',
});

/** A new passphrase, twice (sign-up and recovery). */
export function NewPassphraseFields({
  ctx,
  label,
  problems,
}: {
  ctx: PageContext;
  label: string;
  problems: readonly FieldProblem[];
}) {
  const { t } = ctx;
  return (
    <>
      <TextField
        ctx={ctx}
        name="wachtwoord"
        label={label}
        hint={t('account.register.passphraseHint')}
        type="password"
        problem={problemFor(problems, 'wachtwoord')}
        autocomplete="new-password"
      />
      <TextField
        ctx={ctx}
        name="herhaling"
        label={t('account.register.again')}
        type="password"
        problem={problemFor(problems, 'herhaling')}
        autocomplete="new-password"
      />
    </>
  );
}

/** Too many attempts: when to try again (login, code and recovery share one throttle; sign-up has its own). */
function Throttled({
  ctx,
  retryAt,
  messageKey = 'account.login.throttled',
}: {
  ctx: PageContext;
  retryAt: Date;
  messageKey?: 'account.login.throttled' | 'account.register.throttled';
}) {
  return (
    <div class="app-error-summary" data-module="app-error-summary" role="alert" tabindex={-1}>
      <p>{ctx.t(messageKey, { time: timeFormat.format(retryAt) })}</p>
    </div>
  );
}

const problemFor = (problems: readonly FieldProblem[], field: Field) =>
  problems.find((problem) => problem.field === field)?.messageKey;

export function RegisterPage({
  ctx,
  form,
  action = '/registreren',
  retryAt,
}: {
  ctx: PageContext;
  /** What was typed (never the passphrases) and one problem per field; blankForm the first time. */
  form: FormState;
  /** Where the form posts: sign-up, or an admin's one-time set-up link. */
  action?: string;
  /** Refused by the sign-up throttle: when this address may try again. */
  retryAt?: Date | undefined;
}) {
  const { t } = ctx;
  const { problems } = form;
  const failed = problems.length > 0 || retryAt !== undefined;
  return (
    <Layout
      ctx={ctx}
      title={failed ? `${t('error.title')}: ${t('account.register.title')}` : t('account.register.title')}
    >
      {retryAt === undefined ? (
        <ErrorSummary ctx={ctx} problems={problems} />
      ) : (
        <Throttled ctx={ctx} retryAt={retryAt} messageKey="account.register.throttled" />
      )}
      <h1>{t('account.register.title')}</h1>
      <p class="app-lead">{t('account.register.intro')}</p>
      <div class="app-callout app-callout--danger">
        <h2 class="app-callout__title">{t('account.register.warningTitle')}</h2>
        <p>{t('account.register.warning')}</p>
      </div>
      <form method="post" action={action} novalidate>
        <CsrfField ctx={ctx} />
        <TextField
          ctx={ctx}
          name="gebruikersnaam"
          label={t('account.register.username')}
          hint={t('account.register.usernameHint')}
          type="text"
          value={form.values.gebruikersnaam ?? ''}
          problem={problemFor(problems, 'gebruikersnaam')}
          autocomplete="username"
        />
        <NewPassphraseFields ctx={ctx} label={t('account.register.passphrase')} problems={problems} />
        <button class="app-button" type="submit">
          {t('account.register.submit')}
        </button>
      </form>
      <p>
        <a href="/inloggen">{t('account.register.haveAccount')}</a>
      </p>
    </Layout>
  );
}

/** Shown once, straight from the sign-up POST: the code is never stored, so there is no page to return to. */
export function RecoveryCodePage({
  ctx,
  code,
  fingerprint,
  previousFingerprint,
}: {
  ctx: PageContext;
  code: string;
  fingerprint: string;
  /** After a key rotation: the signing key that was replaced (it stays valid for earlier entries). */
  previousFingerprint?: string;
}) {
  const { t } = ctx;
  const rotated = previousFingerprint !== undefined;
  return (
    <Layout ctx={ctx} title={t('account.recovery.title')}>
      <h1>{t('account.recovery.title')}</h1>
      <p class="app-lead">{rotated ? t('account.rotate.doneIntro') : t('account.recovery.intro')}</p>
      {rotated && <p>{t('account.rotate.oldGone')}</p>}
      <p class="app-recovery-code" data-recovery-code>
        {code}
      </p>
      <p>{t('account.recovery.why')}</p>
      <p>
        <strong>{t('account.recovery.keep')}</strong>
      </p>
      <h2>{t('account.recovery.fingerprint')}</h2>
      <p data-fingerprint="current" class="app-fingerprint">
        {fingerprint}
      </p>
      <p class="app-hint">{t('account.recovery.fingerprintHint')}</p>
      {rotated && (
        <>
          <h2>{t('account.rotate.previousFingerprint')}</h2>
          <p data-fingerprint="previous" class="app-fingerprint">
            {previousFingerprint}
          </p>
          <p class="app-hint">{t('account.rotate.previousFingerprintHint')}</p>
        </>
      )}
      <p class="app-outcome__actions">
        <button class="app-button app-button--secondary app-js-only" type="button" data-module="app-print">
          {t('account.recovery.print')}
        </button>{' '}
        <a class="app-button" href="/account">
          {t('account.recovery.done')}
        </a>
      </p>
    </Layout>
  );
}

export function LoginPage({
  ctx,
  username,
  failed,
  retryAt,
}: {
  ctx: PageContext;
  username: string;
  failed: boolean;
  retryAt?: Date | undefined;
}) {
  const { t } = ctx;
  const problems: { field: Field; messageKey: MessageKey }[] = failed
    ? [{ field: 'gebruikersnaam', messageKey: 'account.login.failed' }]
    : [];
  return (
    <Layout ctx={ctx} title={failed ? `${t('error.title')}: ${t('account.login.title')}` : t('account.login.title')}>
      {retryAt === undefined ? (
        <ErrorSummary ctx={ctx} problems={problems} />
      ) : (
        <Throttled ctx={ctx} retryAt={retryAt} />
      )}
      <h1>{t('account.login.title')}</h1>
      <form method="post" action="/inloggen" novalidate>
        <CsrfField ctx={ctx} />
        <TextField
          ctx={ctx}
          name="gebruikersnaam"
          label={t('account.login.username')}
          type="text"
          value={username}
          problem={failed ? 'account.login.failed' : undefined}
          autocomplete="username"
        />
        <TextField
          ctx={ctx}
          name="wachtwoord"
          label={t('account.login.passphrase')}
          type="password"
          problem={undefined}
          autocomplete="current-password"
        />
        <button class="app-button" type="submit">
          {t('account.login.submit')}
        </button>
      </form>
      <p>
        <a href="/herstellen">{t('account.login.forgot')}</a>
      </p>
      <p>
        <a href="/registreren">{t('account.login.noAccount')}</a>
      </p>
    </Layout>
  );
}

export function RecoverPage({
  ctx,
  form,
  retryAt,
}: {
  ctx: PageContext;
  /** What was typed (never the code or the passphrases) and one problem per field; blankForm the first time. */
  form: FormState;
  retryAt?: Date | undefined;
}) {
  const { t } = ctx;
  const { problems } = form;
  return (
    <Layout
      ctx={ctx}
      title={problems.length > 0 ? `${t('error.title')}: ${t('account.recover.title')}` : t('account.recover.title')}
    >
      {retryAt === undefined ? (
        <ErrorSummary ctx={ctx} problems={problems} />
      ) : (
        <Throttled ctx={ctx} retryAt={retryAt} />
      )}
      <h1>{t('account.recover.title')}</h1>
      <p class="app-lead">{t('account.recover.intro')}</p>
      <form method="post" action="/herstellen" novalidate>
        <CsrfField ctx={ctx} />
        <TextField
          ctx={ctx}
          name="gebruikersnaam"
          label={t('account.login.username')}
          type="text"
          value={form.values.gebruikersnaam ?? ''}
          problem={problemFor(problems, 'gebruikersnaam')}
          autocomplete="username"
        />
        <TextField
          ctx={ctx}
          name="herstelcode"
          label={t('account.recover.code')}
          hint={t('account.recover.codeHint')}
          type="text"
          problem={problemFor(problems, 'herstelcode')}
          autocomplete="off"
        />
        <NewPassphraseFields ctx={ctx} label={t('account.recover.newPassphrase')} problems={problems} />
        <button class="app-button" type="submit">
          {t('account.recover.submit')}
        </button>
      </form>
    </Layout>
  );
}

export interface SessionRow {
  idHash: string;
  deviceHint: string;
  lastSeenAt: string;
  current: boolean;
}

/** What went wrong on the account page: a data form's passphrase, the e-mail address, or the passphrase change. */
export type DataProblem =
  | { data: 'download' | 'delete'; problem: 'wrong' | 'throttled' }
  | 'email'
  | { passphrase: MessageKey | 'wrong' | 'throttled' };

export function AccountPage({
  ctx,
  username,
  sessions,
  idleMinutes,
  dataProblem,
  email = '',
  fingerprint,
  children,
}: {
  ctx: PageContext;
  username: string;
  /** The signing key's fingerprint, for the parent to hand over in person (it anchors exports). */
  fingerprint?: string;
  /** Sections other features add (a professional's organisation and who activated the account). */
  children?: ComponentChildren;
  sessions: readonly SessionRow[];
  idleMinutes: number;
  /** Which form had a wrong or throttled passphrase (or e-mail address), if any. */
  dataProblem?: DataProblem | undefined;
  email?: string;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('account.title')}>
      <h1>{t('account.title')}</h1>
      <p>{t('account.signedInAs', { name: username })}</p>
      <p class="app-hint">{t('account.idle', { minutes: idleMinutes })}</p>
      {fingerprint !== undefined && (
        <section aria-labelledby="fingerprint-title">
          <h2 id="fingerprint-title">{t('account.recovery.fingerprint')}</h2>
          <p class="app-fingerprint">{fingerprint}</p>
          <p class="app-hint">{t('account.recovery.fingerprintHint')}</p>
        </section>
      )}
      {children}
      <form method="post" action="/uitloggen">
        <CsrfField ctx={ctx} />
        <button class="app-button" type="submit">
          {t('account.logout')}
        </button>
      </form>
      <p>
        <a href="/account/tweede-stap">{t('account.totp.title')}</a>
      </p>
      <p>
        <a href="/account/toegangssleutels">{t('account.passkey.link')}</a>
      </p>
      <h2>{t('account.sessions.title')}</h2>
      <p>{t('account.sessions.intro')}</p>
      <ul class="app-sessions">
        {sessions.map((session) => (
          <li key={session.idHash} class="app-sessions__item" data-session={session.current ? 'current' : 'other'}>
            <strong>{session.deviceHint}</strong>
            {session.current && <span class="app-tag app-tag--warning">{t('account.sessions.this')}</span>}
            <br />
            <span class="app-hint">
              {t('account.sessions.lastActive', {
                date: new Date(session.lastSeenAt),
                time: timeFormat.format(new Date(session.lastSeenAt)),
              })}
            </span>
            {!session.current && (
              <form method="post" action="/account/sessies/beeindigen" class="app-inline-form">
                <CsrfField ctx={ctx} />
                <input type="hidden" name="sessie" value={session.idHash} />
                <button class="app-button app-button--secondary" type="submit">
                  {t('account.sessions.end')}
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
      {sessions.length > 1 && (
        <form method="post" action="/account/sessies/anderen-beeindigen">
          <CsrfField ctx={ctx} />
          <button class="app-button app-button--secondary" type="submit">
            {t('account.sessions.endOthers')}
          </button>
        </form>
      )}
      <h2>{t('account.passphrase.title')}</h2>
      <form method="post" action="/account/wachtwoord" class="app-data-form" novalidate>
        <p>{t('account.passphrase.text')}</p>
        <CsrfField ctx={ctx} />
        {typeof dataProblem === 'object' && 'passphrase' in dataProblem && (
          <p class="app-error-message" role="alert">
            {dataProblem.passphrase === 'wrong'
              ? t('account.data.wrong')
              : dataProblem.passphrase === 'throttled'
                ? t('account.passphrase.throttled')
                : t(dataProblem.passphrase)}
          </p>
        )}
        <TextField
          ctx={ctx}
          name="huidig"
          label={t('account.passphrase.current')}
          type="password"
          problem={undefined}
          autocomplete="current-password"
        />
        <NewPassphraseFields ctx={ctx} label={t('account.recover.newPassphrase')} problems={[]} />
        <button class="app-button app-button--secondary" type="submit">
          {t('account.passphrase.save')}
        </button>
      </form>
      <p>
        <a href="/account/sleutels-vernieuwen">{t('account.rotate.link')}</a>
      </p>
      <h2>{t('account.email.title')}</h2>
      <form method="post" action="/account/email" class="app-data-form" novalidate>
        <p>{t('account.email.text')}</p>
        <CsrfField ctx={ctx} />
        <label class="app-label" for="email">
          {t('account.email.label')}
        </label>
        {dataProblem === 'email' && (
          <p class="app-error-message" id="email-error" role="alert">
            {t('account.email.invalid')}
          </p>
        )}
        <input
          class={`app-input${dataProblem === 'email' ? ' app-input--error' : ''}`}
          id="email"
          name="email"
          type="email"
          value={email}
          autocomplete="email"
          aria-describedby={dataProblem === 'email' ? 'email-error' : undefined}
          aria-invalid={dataProblem === 'email' ? 'true' : undefined}
        />{' '}
        <button class="app-button app-button--secondary" type="submit">
          {t('account.email.save')}
        </button>
      </form>
      <h2>{t('account.data.title')}</h2>
      <DataForm
        ctx={ctx}
        action="/account/gegevens"
        title={t('account.data.downloadTitle')}
        text={t('account.data.downloadText')}
        button={t('account.data.download')}
        failed={
          typeof dataProblem === 'object' && 'data' in dataProblem && dataProblem.data === 'download'
            ? dataProblem.problem
            : undefined
        }
        id="bevestig-download"
      />
      <DataForm
        ctx={ctx}
        action="/account/verwijderen"
        title={t('account.data.deleteTitle')}
        text={t('account.data.deleteText')}
        button={t('account.data.delete')}
        failed={
          typeof dataProblem === 'object' && 'data' in dataProblem && dataProblem.data === 'delete'
            ? dataProblem.problem
            : undefined
        }
        id="bevestig-verwijderen"
        danger
      />
    </Layout>
  );
}

/** "Someone may know my passphrase": new keys, a new passphrase and a new recovery code. */
export function RotateKeysPage({
  ctx,
  problems,
  failure,
}: {
  ctx: PageContext;
  problems: readonly FieldProblem[];
  /** The current passphrase was wrong, there were too many attempts, or another tab rotated first. */
  failure?: 'wrong' | 'throttled' | 'conflict' | undefined;
}) {
  const { t } = ctx;
  const failureKey: MessageKey | undefined =
    failure === 'wrong'
      ? 'account.data.wrong'
      : failure === 'throttled'
        ? 'account.passphrase.throttled'
        : failure === 'conflict'
          ? 'account.rotate.conflict'
          : undefined;
  const summary = [...(failureKey === undefined ? [] : [{ field: 'huidig', messageKey: failureKey }]), ...problems];
  return (
    <Layout
      ctx={ctx}
      title={summary.length > 0 ? `${t('error.title')}: ${t('account.rotate.title')}` : t('account.rotate.title')}
    >
      <ErrorSummary ctx={ctx} problems={summary} />
      <h1>{t('account.rotate.title')}</h1>
      <p class="app-lead">{t('account.rotate.intro')}</p>
      <p>{t('account.rotate.when')}</p>
      <h2>{t('account.rotate.whatTitle')}</h2>
      <ul>
        <li>{t('account.rotate.whatKeys')}</li>
        <li>{t('account.rotate.whatCode')}</li>
        <li>{t('account.rotate.whatSessions')}</li>
        <li>{t('account.rotate.whatFingerprint')}</li>
      </ul>
      <form method="post" action="/account/sleutels-vernieuwen" novalidate>
        <CsrfField ctx={ctx} />
        <TextField
          ctx={ctx}
          name="huidig"
          label={t('account.passphrase.current')}
          type="password"
          problem={failureKey}
          autocomplete="current-password"
        />
        <NewPassphraseFields ctx={ctx} label={t('account.recover.newPassphrase')} problems={problems} />
        <button class="app-button" type="submit">
          {t('account.rotate.submit')}
        </button>
      </form>
      <p>
        <a href="/account">{t('account.rotate.back')}</a>
      </p>
    </Layout>
  );
}

/**
 * The second step of a login: the six-digit code from the authenticator app, a passkey, or a choice of both
 * (whichever the account has).
 */
export function SecondFactorPage({
  ctx,
  failed,
  retryAt,
  factors = { totp: true, passkey: false },
  passkeyProblem,
}: {
  ctx: PageContext;
  /** The code was refused. */
  failed: boolean;
  retryAt?: Date | undefined;
  factors?: { totp: boolean; passkey: boolean };
  /** The passkey answer was refused: why, in words for the user. */
  passkeyProblem?: MessageKey | undefined;
}) {
  const { t } = ctx;
  const both = factors.totp && factors.passkey;
  const heading = factors.passkey ? t('account.secondStep.title') : t('account.code.title');
  const problems: { field: Field; messageKey: MessageKey }[] = [];
  if (retryAt === undefined && failed) problems.push({ field: 'code', messageKey: 'account.code.failed' });
  if (retryAt === undefined && passkeyProblem !== undefined)
    problems.push({ field: 'toegangssleutel', messageKey: passkeyProblem });
  return (
    <Layout
      ctx={ctx}
      title={problems.length > 0 || retryAt !== undefined ? `${t('error.title')}: ${heading}` : heading}
      scripts={factors.passkey ? [ctx.assets.passkeyJs] : []}
    >
      {retryAt !== undefined ? (
        <Throttled ctx={ctx} retryAt={retryAt} />
      ) : (
        <ErrorSummary ctx={ctx} problems={problems} />
      )}
      <h1>{heading}</h1>
      {both && <p>{t('account.secondStep.intro')}</p>}
      {factors.passkey && (
        <section aria-labelledby="toegangssleutel-titel">
          <h2 id="toegangssleutel-titel">{t('account.secondStep.passkeyTitle')}</h2>
          <PasskeyForm
            ctx={ctx}
            mode="login"
            action="/inloggen/toegangssleutel"
            optionsUrl="/inloggen/toegangssleutel/opties"
            button={t('account.secondStep.passkeyButton')}
            problem={retryAt === undefined ? passkeyProblem : undefined}
          />
        </section>
      )}
      {factors.totp && (
        <section aria-labelledby={factors.passkey ? 'code-titel' : undefined}>
          {factors.passkey && <h2 id="code-titel">{t('account.secondStep.codeTitle')}</h2>}
          <p>{t('account.code.intro')}</p>
          <form method="post" action="/inloggen/code" novalidate>
            <CsrfField ctx={ctx} />
            <CodeField ctx={ctx} failed={failed && retryAt === undefined} />
            <button class="app-button" type="submit">
              {t('account.code.submit')}
            </button>
          </form>
        </section>
      )}
    </Layout>
  );
}

/**
 * A passkey ceremony as a form (src/assets/passkey.js): hidden until the script knows the browser can do it; the
 * script fills "antwoord" and posts the form. Without JavaScript the text says what is needed instead.
 */
function PasskeyForm({
  ctx,
  mode,
  action,
  optionsUrl,
  button,
  problem,
  children,
}: {
  ctx: PageContext;
  mode: 'register' | 'login';
  action: string;
  optionsUrl: string;
  button: string;
  problem?: MessageKey | undefined;
  children?: ComponentChildren;
}) {
  const { t } = ctx;
  return (
    <form
      method="post"
      action={action}
      class="app-data-form"
      id="toegangssleutel"
      tabindex={-1}
      novalidate
      data-module="app-passkey"
      data-passkey={mode}
      data-options-url={optionsUrl}
      data-failed-text={t('account.passkey.cancelled')}
      data-unsupported-text={t('account.passkey.unsupported')}
    >
      <CsrfField ctx={ctx} />
      <input type="hidden" name="antwoord" value="" />
      {problem !== undefined && (
        <p class="app-error-message" id="toegangssleutel-error">
          <span class="app-visually-hidden">{t('error.title')}: </span>
          {t(problem)}
        </p>
      )}
      <p data-passkey-needs-js>{t('account.passkey.needsJs')}</p>
      <div data-passkey-ready hidden>
        {children}
        <button class="app-button" type="submit">
          {button}
        </button>
      </div>
      <p class="app-error-message" data-passkey-status role="status" />
    </form>
  );
}

export interface PasskeyRow {
  id: string;
  nickname: string;
  createdAt: string;
  lastUsedAt: string | undefined;
}

/** Problems on the passkeys page: adding one failed, or removing one (with its id) needs the passphrase again. */
export type PasskeyPageProblem =
  { action: 'add'; messageKey: MessageKey } | { action: 'remove'; passkeyId: string; messageKey: MessageKey };

/** The account's passkeys: the list (name, added, last used), removing one, and adding one. */
export function PasskeysPage({
  ctx,
  passkeys,
  problem,
}: {
  ctx: PageContext;
  passkeys: readonly PasskeyRow[];
  problem?: PasskeyPageProblem | undefined;
}) {
  const { t } = ctx;
  const title = t('account.passkey.title');
  const summary =
    problem === undefined
      ? []
      : [
          {
            field: problem.action === 'add' ? 'toegangssleutel' : `wachtwoord-${problem.passkeyId}`,
            messageKey: problem.messageKey,
          },
        ];
  return (
    <Layout
      ctx={ctx}
      title={problem === undefined ? title : `${t('error.title')}: ${title}`}
      scripts={[ctx.assets.passkeyJs]}
    >
      <ErrorSummary ctx={ctx} problems={summary} />
      <h1>{title}</h1>
      <p class="app-lead">{t('account.passkey.intro')}</p>
      <h2>{t('account.passkey.listTitle')}</h2>
      {passkeys.length === 0 ? (
        <p>{t('account.passkey.none')}</p>
      ) : (
        <ul class="app-sessions">
          {passkeys.map((passkey) => {
            const fieldId = `wachtwoord-${passkey.id}`;
            const failed = problem?.action === 'remove' && problem.passkeyId === passkey.id ? problem : undefined;
            return (
              <li key={passkey.id} class="app-sessions__item" data-passkey-item>
                <strong>{passkey.nickname}</strong>
                <br />
                <span class="app-hint">{t('account.passkey.added', { date: new Date(passkey.createdAt) })}</span>
                <br />
                <span class="app-hint">
                  {passkey.lastUsedAt === undefined
                    ? t('account.passkey.neverUsed')
                    : t('account.passkey.lastUsed', {
                        date: new Date(passkey.lastUsedAt),
                        time: timeFormat.format(new Date(passkey.lastUsedAt)),
                      })}
                </span>
                <form method="post" action="/account/toegangssleutels/verwijderen" class="app-data-form" novalidate>
                  <CsrfField ctx={ctx} />
                  <input type="hidden" name="sleutel" value={passkey.id} />
                  <label class="app-label" for={fieldId}>
                    {t('account.passkey.removeLabel', { name: passkey.nickname })}
                  </label>
                  {failed !== undefined && (
                    <p class="app-error-message" id={`${fieldId}-error`}>
                      {t(failed.messageKey)}
                    </p>
                  )}
                  <input
                    class={`app-input${failed === undefined ? '' : ' app-input--error'}`}
                    id={fieldId}
                    name="wachtwoord"
                    type="password"
                    autocomplete="current-password"
                    aria-describedby={failed === undefined ? undefined : `${fieldId}-error`}
                    aria-invalid={failed === undefined ? undefined : 'true'}
                  />{' '}
                  <button class="app-button app-button--secondary" type="submit">
                    {t('account.passkey.remove')}
                  </button>
                </form>
              </li>
            );
          })}
        </ul>
      )}
      <h2>{t('account.passkey.addTitle')}</h2>
      <PasskeyForm
        ctx={ctx}
        mode="register"
        action="/account/toegangssleutels"
        optionsUrl="/account/toegangssleutels/opties"
        button={t('account.passkey.add')}
        problem={problem?.action === 'add' ? problem.messageKey : undefined}
      >
        <TextField
          ctx={ctx}
          name="bijnaam"
          label={t('account.passkey.nickname')}
          hint={t('account.passkey.nicknameHint')}
          type="text"
          problem={undefined}
          autocomplete="off"
        />
      </PasskeyForm>
      <p>
        <a href="/account">{t('account.title')}</a>
      </p>
    </Layout>
  );
}

function CodeField({ ctx, failed }: { ctx: PageContext; failed: boolean }) {
  const { t } = ctx;
  return (
    <div class="app-field">
      <label class="app-label" for="code">
        {t('account.code.label')}
      </label>
      {failed && (
        <p class="app-error-message" id="code-error">
          <span class="app-visually-hidden">{t('error.title')}: </span>
          {t('account.code.failed')}
        </p>
      )}
      <input
        class={`app-input${failed ? ' app-input--error' : ''}`}
        id="code"
        name="code"
        type="text"
        inputMode="numeric"
        autocomplete="one-time-code"
        maxLength={10}
        aria-describedby={failed ? 'code-error' : undefined}
        aria-invalid={failed ? 'true' : undefined}
      />
    </div>
  );
}

/** Setting up a second factor: the key for the authenticator app, then a first code to confirm it. */
export function TotpSetupPage({
  ctx,
  done,
  secret,
  uri,
  failed = false,
}: {
  ctx: PageContext;
  done: boolean;
  secret?: string;
  uri?: string;
  failed?: boolean;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('account.totp.title')}>
      {failed && <ErrorSummary ctx={ctx} problems={[{ field: 'code', messageKey: 'account.code.failed' }]} />}
      <h1>{t('account.totp.title')}</h1>
      {done ? (
        <p class="app-lead">{t('account.totp.done')}</p>
      ) : (
        <>
          <p class="app-lead">{t('account.totp.intro')}</p>
          {secret !== undefined && (
            <>
              <p>{t('account.totp.key')}</p>
              <p class="app-recovery-code" data-totp-secret>
                {secret.match(/.{1,4}/g)?.join(' ')}
              </p>
              <p class="app-hint app-fingerprint">{uri}</p>
            </>
          )}
          {failed && <p>{t('account.totp.again')}</p>}
          <form method="post" action="/account/tweede-stap" novalidate>
            <CsrfField ctx={ctx} />
            <CodeField ctx={ctx} failed={failed} />
            <button class="app-button" type="submit">
              {t('account.totp.confirm')}
            </button>
          </form>
        </>
      )}
      <p>
        <a href="/account">{t('account.title')}</a>
      </p>
    </Layout>
  );
}

/** A sensitive action on one's data: asks for the passphrase again (re-authentication). */
function DataForm({
  ctx,
  action,
  title,
  text,
  button,
  failed,
  id,
  danger = false,
}: {
  ctx: PageContext;
  action: string;
  title: string;
  text: string;
  button: string;
  /** The passphrase given was wrong, or refused by the throttle. */
  failed: 'wrong' | 'throttled' | undefined;
  id: string;
  danger?: boolean;
}) {
  const { t } = ctx;
  return (
    <form method="post" action={action} class="app-data-form" novalidate>
      <h3>{title}</h3>
      <p>{text}</p>
      <CsrfField ctx={ctx} />
      <label class="app-label" for={id}>
        {t('account.data.confirmLabel')}
      </label>
      {failed !== undefined && (
        <p class="app-error-message" id={`${id}-error`} role="alert">
          {t(failed === 'throttled' ? 'account.passphrase.throttled' : 'account.data.wrong')}
        </p>
      )}
      <input
        class={`app-input${failed !== undefined ? ' app-input--error' : ''}`}
        id={id}
        name="wachtwoord"
        type="password"
        autocomplete="current-password"
        aria-describedby={failed !== undefined ? `${id}-error` : undefined}
        aria-invalid={failed !== undefined ? 'true' : undefined}
      />{' '}
      <button class={danger ? 'app-button app-button--danger' : 'app-button app-button--secondary'} type="submit">
        {button}
      </button>
    </form>
  );
}

export function AccountDeletedPage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('account.data.deleted')}>
      <h1>{t('account.data.deleted')}</h1>
      <p>
        <a href="/">{t('error.homeLink')}</a>
      </p>
    </Layout>
  );
}
