import type { MessageKey } from '../../../shared/i18n/messages.js';
import { type ProfessionalRole, professionalRoles } from '../../../shared/policy/actor.js';
import { ActionForm } from '../../../shared/views/components/action-form.js';
import { CsrfField } from '../../../shared/views/components/csrf-field.js';
import type { PageContext } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import { ErrorSummary } from '../../../shared/views/components/error-summary.js';
import { type FormState, RadioItems, TextField } from '../../../shared/views/components/fields.js';
import { NewPassphraseFields } from '../../accounts/views/account.views.js';
import type { Approval, OrganisationChoice, ProfessionalRecord } from '../professionals.repo.js';
import type {
  InvitationRow,
  InvitationState,
  OrganisationToVerify,
  PendingProfessional,
} from '../professionals.service.js';

const roleKeys: Record<ProfessionalRole, MessageKey> = {
  care: 'professionals.role.care',
  police: 'professionals.role.police',
  coordinator: 'professionals.role.coordinator',
  'veilig-thuis': 'professionals.role.veilig-thuis',
  jeugdbescherming: 'professionals.role.jeugdbescherming',
  raad: 'professionals.role.raad',
  school: 'professionals.role.school',
  gp: 'professionals.role.gp',
};

/** A role's name; police with their unit ("Politie, eenheid Amsterdam") when it is known. */
const roleLabel = (ctx: PageContext, role: ProfessionalRole, policeUnit: string | null = null): string =>
  role === 'police' && policeUnit !== null
    ? ctx.t('professionals.role.policeWithUnit', { unit: policeUnit })
    : ctx.t(roleKeys[role]);

/** Names of approvers; a deleted account is named as such, never left out. */
const approverName = (ctx: PageContext, approval: Approval): string =>
  approval.approverName ?? ctx.t('professionals.approval.deletedAccount');

function ApprovalList({ ctx, approvals }: { ctx: PageContext; approvals: readonly Approval[] }) {
  if (approvals.length === 0) return <p class="app-hint">{ctx.t('professionals.approval.none')}</p>;
  return (
    <ul>
      {approvals.map((approval) => (
        <li key={approval.approverId} data-approval>
          {ctx.t(
            approval.capacity === 'admin' ? 'professionals.approval.byAdmin' : 'professionals.approval.byCoordinator',
            {
              name: approverName(ctx, approval),
              date: new Date(approval.approvedAt),
            },
          )}
        </li>
      ))}
    </ul>
  );
}

function PendingList({
  ctx,
  pending,
  approveBase,
}: {
  ctx: PageContext;
  pending: readonly PendingProfessional[];
  /** Where approvals are posted: /beheer/professionals or /organisatie/aanmeldingen. */
  approveBase: string;
}) {
  const { t } = ctx;
  if (pending.length === 0) return <p>{t('professionals.pending.empty')}</p>;
  return (
    <ul class="app-sessions">
      {pending.map((account) => (
        <li key={account.userId} class="app-sessions__item" data-pending-account={account.username}>
          <strong>{account.username}</strong>
          <br />
          {t('professionals.pending.details', {
            organisation: account.organisationName,
            role: roleLabel(ctx, account.role, account.policeUnit),
            date: new Date(account.createdAt),
          })}
          <ApprovalList ctx={ctx} approvals={account.approvals} />
          {account.mayApprove && (
            <ActionForm
              ctx={ctx}
              action={`${approveBase}/${account.userId}/goedkeuren`}
              label={t('professionals.pending.approve', { name: account.username })}
            />
          )}
        </li>
      ))}
    </ul>
  );
}

/** The outcome of the last action, shown once after a redirect (from a fixed list, never free text). */
export const notices = {
  uitgenodigd: 'professionals.notice.invited',
  ingetrokken: 'professionals.notice.revoked',
  goedgekeurd: 'professionals.notice.approved',
  geactiveerd: 'professionals.notice.activated',
  geverifieerd: 'professionals.notice.verified',
} as const satisfies Record<string, MessageKey>;
export type Notice = keyof typeof notices;

function Messages({
  ctx,
  notice,
  problem,
}: {
  ctx: PageContext;
  notice?: Notice | undefined;
  problem?: MessageKey | undefined;
}) {
  return (
    <>
      {problem !== undefined && (
        <div class="app-error-summary" data-module="app-error-summary" role="alert" tabindex={-1}>
          <p>{ctx.t(problem)}</p>
        </div>
      )}
      {notice !== undefined && (
        <div class="app-callout app-callout--info" role="status">
          <p>{ctx.t(notices[notice])}</p>
        </div>
      )}
    </>
  );
}

export function AdminOverviewPage({
  ctx,
  pending,
  organisations,
  invitations,
  notice,
  problem,
}: {
  ctx: PageContext;
  pending: readonly PendingProfessional[];
  organisations: readonly OrganisationToVerify[];
  invitations: readonly InvitationRow[];
  notice?: Notice | undefined;
  problem?: MessageKey | undefined;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('professionals.admin.title')}>
      <Messages ctx={ctx} notice={notice} problem={problem} />
      <h1>{t('professionals.admin.title')}</h1>
      <p class="app-lead">{t('professionals.admin.intro')}</p>
      <p>
        <a class="app-button" href="/beheer/uitnodigingen/nieuw">
          {t('professionals.invite.title')}
        </a>
      </p>
      <h2>{t('professionals.pending.title')}</h2>
      <p>{t('professionals.pending.rule')}</p>
      <PendingList ctx={ctx} pending={pending} approveBase="/beheer/professionals" />
      <h2>{t('professionals.organisations.title')}</h2>
      <p>{t('professionals.organisations.rule')}</p>
      {organisations.length === 0 ? (
        <p>{t('professionals.organisations.empty')}</p>
      ) : (
        <ul class="app-sessions">
          {organisations.map((organisation) => (
            <li key={organisation.id} class="app-sessions__item" data-unverified-organisation={organisation.slug}>
              <strong>{organisation.name}</strong>
              <ApprovalList ctx={ctx} approvals={organisation.approvals} />
              {organisation.mayApprove && (
                <ActionForm
                  ctx={ctx}
                  action={`/beheer/organisaties/${organisation.id}/goedkeuren`}
                  label={t('professionals.organisations.approve', { name: organisation.name })}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      <h2>{t('professionals.invitations.title')}</h2>
      {invitations.length === 0 ? (
        <p>{t('professionals.invitations.empty')}</p>
      ) : (
        <ul class="app-sessions">
          {invitations.map((invitation) => (
            <li key={invitation.id} class="app-sessions__item" data-invitation={invitation.email}>
              <strong>{invitation.email}</strong>
              <br />
              {t('professionals.invitations.details', {
                organisation: invitation.organisationName,
                role: roleLabel(ctx, invitation.role, invitation.policeUnit),
              })}
              <br />
              <span class="app-hint">
                {invitation.state === 'expired'
                  ? t('professionals.invitations.expired')
                  : t('professionals.invitations.validUntil', { date: new Date(invitation.expiresAt) })}
              </span>
              {invitation.mayRevoke && (
                <ActionForm
                  ctx={ctx}
                  action={`/beheer/uitnodigingen/${invitation.id}/intrekken`}
                  label={t('professionals.invitations.revoke', { email: invitation.email })}
                  look="danger"
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export function InvitePage({
  ctx,
  organisations,
  policeUnits,
  form,
  mailFailed = false,
  validDays,
}: {
  ctx: PageContext;
  organisations: readonly OrganisationChoice[];
  /** The police units (reference data) for the role 'police'. */
  policeUnits: readonly string[];
  form: FormState;
  mailFailed?: boolean;
  validDays: number;
}) {
  const { t } = ctx;
  const { values, problems } = form;
  const problemFor = (field: string) => problems.find((problem) => problem.field === field)?.messageKey;
  const emailProblem = problemFor('email');
  const organisationProblem = problemFor('organisatie');
  const roleProblem = problemFor('rol');
  const unitProblem = problemFor('eenheid');
  const unitDescribedBy = unitProblem === undefined ? 'eenheid-hint' : 'eenheid-hint eenheid-error';
  return (
    <Layout
      ctx={ctx}
      title={
        problems.length > 0 || mailFailed
          ? `${t('error.title')}: ${t('professionals.invite.title')}`
          : t('professionals.invite.title')
      }
    >
      <ErrorSummary ctx={ctx} problems={problems} />
      {mailFailed && (
        <div class="app-error-summary" data-module="app-error-summary" role="alert" tabindex={-1}>
          <p>{t('professionals.invite.mailFailed')}</p>
        </div>
      )}
      <h1>{t('professionals.invite.title')}</h1>
      <p class="app-lead">{t('professionals.invite.intro', { days: validDays })}</p>
      <form method="post" action="/beheer/uitnodigingen" novalidate>
        <CsrfField ctx={ctx} />
        <div class="app-field">
          <label class="app-label" for="email">
            {t('professionals.invite.email')}
          </label>
          {emailProblem !== undefined && (
            <p class="app-error-message" id="email-error">
              <span class="app-visually-hidden">{t('error.title')}: </span>
              {t(emailProblem)}
            </p>
          )}
          <input
            class={`app-input${emailProblem === undefined ? '' : ' app-input--error'}`}
            id="email"
            name="email"
            type="email"
            value={values.email ?? ''}
            autocomplete="off"
            aria-describedby={emailProblem === undefined ? undefined : 'email-error'}
            aria-invalid={emailProblem === undefined ? undefined : 'true'}
          />
        </div>
        <div class="app-field">
          <label class="app-label" for="organisatie">
            {t('professionals.invite.organisation')}
          </label>
          {organisationProblem !== undefined && (
            <p class="app-error-message" id="organisatie-error">
              <span class="app-visually-hidden">{t('error.title')}: </span>
              {t(organisationProblem)}
            </p>
          )}
          <select
            class={`app-input${organisationProblem === undefined ? '' : ' app-input--error'}`}
            id="organisatie"
            name="organisatie"
            aria-describedby={organisationProblem === undefined ? undefined : 'organisatie-error'}
            aria-invalid={organisationProblem === undefined ? undefined : 'true'}
          >
            <option value="">{t('professionals.invite.organisationChoose')}</option>
            {organisations.map((organisation) => (
              <option key={organisation.id} value={organisation.id} selected={organisation.id === values.organisatie}>
                {organisation.verified
                  ? organisation.name
                  : t('professionals.invite.unverified', { name: organisation.name })}
              </option>
            ))}
          </select>
        </div>
        <fieldset class="app-question" id="rol" aria-describedby={roleProblem === undefined ? undefined : 'rol-error'}>
          <legend class="app-question__legend">{t('professionals.invite.role')}</legend>
          {roleProblem !== undefined && (
            <p class="app-error-message" id="rol-error">
              <span class="app-visually-hidden">{t('error.title')}: </span>
              {t(roleProblem)}
            </p>
          )}
          <div class="app-radios">
            <RadioItems
              name="rol"
              choices={professionalRoles.map((role) => ({
                value: role,
                label: roleLabel(ctx, role),
              }))}
              chosen={values.rol}
            />
          </div>
        </fieldset>
        <div class="app-field">
          <label class="app-label" for="eenheid">
            {t('professionals.invite.policeUnit')}
          </label>
          <p class="app-hint" id="eenheid-hint">
            {t('professionals.invite.policeUnit.hint')}
          </p>
          {unitProblem !== undefined && (
            <p class="app-error-message" id="eenheid-error">
              <span class="app-visually-hidden">{t('error.title')}: </span>
              {t(unitProblem)}
            </p>
          )}
          <select
            class={`app-input${unitProblem === undefined ? '' : ' app-input--error'}`}
            id="eenheid"
            name="eenheid"
            aria-describedby={unitDescribedBy}
            aria-invalid={unitProblem === undefined ? undefined : 'true'}
          >
            <option value="">{t('professionals.invite.policeUnit.none')}</option>
            {policeUnits.map((unit) => (
              <option key={unit} value={unit} selected={unit === values.eenheid}>
                {unit}
              </option>
            ))}
          </select>
        </div>
        <button class="app-button" type="submit">
          {t('professionals.invite.submit')}
        </button>
      </form>
      <p>
        <a href="/beheer/verificatie">{t('professionals.admin.back')}</a>
      </p>
    </Layout>
  );
}

/** Sign-up from an invitation: the organisation, role and address come from the invitation. */
export function InvitationSignUpPage({
  ctx,
  organisationName,
  role,
  policeUnit,
  email,
  form,
}: {
  ctx: PageContext;
  organisationName: string;
  role: ProfessionalRole;
  policeUnit: string | null;
  email: string;
  form: FormState;
}) {
  const { t } = ctx;
  const { problems } = form;
  const usernameProblem = problems.find((problem) => problem.field === 'gebruikersnaam')?.messageKey;
  return (
    <Layout
      ctx={ctx}
      title={
        problems.length > 0
          ? `${t('error.title')}: ${t('professionals.signUp.title')}`
          : t('professionals.signUp.title')
      }
    >
      <ErrorSummary ctx={ctx} problems={problems} />
      <h1>{t('professionals.signUp.title')}</h1>
      <p class="app-lead">
        {t('professionals.signUp.intro', { organisation: organisationName, role: roleLabel(ctx, role, policeUnit) })}
      </p>
      <p>{t('professionals.signUp.email', { email })}</p>
      <div class="app-callout app-callout--info">
        <h2 class="app-callout__title">{t('professionals.signUp.stepsTitle')}</h2>
        <p>{t('professionals.signUp.steps')}</p>
      </div>
      <form method="post" action="/uitnodiging" novalidate>
        <CsrfField ctx={ctx} />
        <TextField
          ctx={ctx}
          name="gebruikersnaam"
          label={t('account.register.username')}
          type="text"
          value={form.values.gebruikersnaam ?? ''}
          problem={usernameProblem}
          autocomplete="username"
        />
        <NewPassphraseFields ctx={ctx} label={t('account.register.passphrase')} problems={problems} />
        <button class="app-button" type="submit">
          {t('account.register.submit')}
        </button>
      </form>
    </Layout>
  );
}

const unusableKeys: Record<InvitationState | 'unknown', MessageKey> = {
  open: 'professionals.invitation.unknown',
  unknown: 'professionals.invitation.unknown',
  used: 'professionals.invitation.used',
  revoked: 'professionals.invitation.revoked',
  expired: 'professionals.invitation.expired',
};

export function InvitationUnusablePage({ ctx, state }: { ctx: PageContext; state: InvitationState | 'unknown' }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('professionals.invitation.title')}>
      <h1>{t('professionals.invitation.title')}</h1>
      <p class="app-lead" data-invitation-state={state}>
        {t(unusableKeys[state])}
      </p>
      <p>{t('professionals.invitation.askAgain')}</p>
      <p>
        <a href="/">{t('error.homeLink')}</a>
      </p>
    </Layout>
  );
}

export function CoordinatorPage({
  ctx,
  pending,
  notice,
  problem,
}: {
  ctx: PageContext;
  pending: readonly PendingProfessional[];
  notice?: Notice | undefined;
  problem?: MessageKey | undefined;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('professionals.coordinator.title')}>
      <Messages ctx={ctx} notice={notice} problem={problem} />
      <h1>{t('professionals.coordinator.title')}</h1>
      <p class="app-lead">{t('professionals.coordinator.intro')}</p>
      <PendingList ctx={ctx} pending={pending} approveBase="/organisatie/aanmeldingen" />
      <p>
        <a href="/account">{t('account.title')}</a>
      </p>
    </Layout>
  );
}

/** On the account page of a professional: where they work, and who activated the account and when. */
export function ProfessionalAccountSection({
  ctx,
  account,
}: {
  ctx: PageContext;
  account: ProfessionalRecord & { approvals: readonly Approval[] };
}) {
  const { t } = ctx;
  const names = account.approvals.map((approval) => approverName(ctx, approval));
  return (
    <section aria-labelledby="professional-title">
      <h2 id="professional-title">{t('professionals.account.title')}</h2>
      <p>
        {t('professionals.account.organisation', {
          organisation: account.organisationName,
          role: roleLabel(ctx, account.role, account.policeUnit),
        })}
      </p>
      {account.status === 'active' && account.activatedAt !== null ? (
        <p data-activation="active">
          {t('professionals.account.activated', {
            names: new Intl.ListFormat(ctx.locale, { type: 'conjunction' }).format(names),
            date: new Date(account.activatedAt),
          })}
        </p>
      ) : (
        <>
          <p data-activation="pending">{t('professionals.account.pending')}</p>
          <ApprovalList ctx={ctx} approvals={account.approvals} />
        </>
      )}
      {account.status === 'active' && account.role === 'coordinator' && (
        <ul>
          <li>
            <a href="/organisatie/aanmeldingen">{t('professionals.coordinator.title')}</a>
          </li>
          <li>
            <a href="/organisatie/inzichten">{t('orgInsights.own.title')}</a>
          </li>
        </ul>
      )}
    </section>
  );
}
