import type { ComponentChildren } from 'preact';
import type { MessageKey } from '../../../shared/i18n/messages.js';
import { ActionForm } from '../../../shared/views/components/action-form.js';
import { CsrfField } from '../../../shared/views/components/csrf-field.js';
import { ErrorSummary } from '../../../shared/views/components/error-summary.js';
import {
  FieldError,
  type FormState,
  Input,
  problemOf,
  RadioItems,
  TextField,
} from '../../../shared/views/components/fields.js';
import type { PageContext } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import { ClosingSection } from './case-closing.views.js';
import type { ClosingView } from '../case-closing.service.js';
import type { CaseMeasuresView } from '../case-measures.service.js';
import { CaseMeasuresSection } from './case-measures.views.js';
import type { NotificationSetting } from '../case-notifications.service.js';
import { NotificationsSection } from './case-notifications.views.js';
import type { YoungSectionView } from '../case-young.service.js';
import { YoungSection } from './young.views.js';
import type { StoredConsent } from '../cases.repo.js';
import { modeFieldValues } from '../cases.schema.js';
import type { CasePageData, CaseProblem, MemberView, MyCaseView, WaitingPageData } from '../cases.service.js';
import { type CaseRole, childKnowsValues, consentBases } from '../cases.types.js';

/*
 * The pages of the case space's life cycle (/samenwerken). Titles say only "Samenwerken" and what the page is
 * for: the child's label appears in the body of a member's page, never in a title or a URL.
 */

export const roleKey = (role: CaseRole): MessageKey => `cases.role.${role}`;

/** The outcome of the last action, shown once after a redirect (from a fixed list, never free text). */
export const caseNotices = {
  begonnen: 'cases.notice.started',
  aangesloten: 'cases.notice.joined',
  bevestigd: 'cases.notice.confirmed',
  ingetrokken: 'cases.notice.withdrawn',
  verwijderd: 'cases.notice.removed',
  'pauze-voorgesteld': 'cases.notice.suspensionProposed',
  gepauzeerd: 'cases.notice.suspended',
  'hervatten-voorgesteld': 'cases.notice.resumeProposed',
  hervat: 'cases.notice.resumed',
  'hervat-opnieuw-bevestigen': 'cases.notice.resumedConfirmAgain',
  afgesloten: 'caseClosing.notice.closed',
  'risico-voorgesteld': 'cases.notice.riskProposed',
  'risico-bevestigd': 'cases.notice.riskConfirmed',
  opgeslagen: 'cases.notice.saved',
  'meldingen-opgeslagen': 'caseNotifications.saved',
} as const satisfies Record<string, MessageKey>;
export type CaseNotice = keyof typeof caseNotices;

function Notice({ ctx, notice }: { ctx: PageContext; notice: CaseNotice | undefined }) {
  if (notice === undefined) return null;
  return (
    <div class="app-callout app-callout--info" role="status" data-notice={notice}>
      <p>{ctx.t(caseNotices[notice])}</p>
    </div>
  );
}

/** A question with radio buttons, its legend and its error. */
function Radios({
  ctx,
  name,
  legend,
  choices,
  form,
}: {
  ctx: PageContext;
  name: string;
  legend: string;
  choices: readonly { value: string; label: ComponentChildren }[];
  form: FormState;
}) {
  const problem = problemOf(form.problems, name);
  return (
    <fieldset class="app-question" id={name} aria-describedby={problem === undefined ? undefined : `${name}-error`}>
      <legend class="app-question__legend">{legend}</legend>
      <FieldError ctx={ctx} id={name} problem={problem} />
      <div class="app-radios">
        <RadioItems name={name} choices={choices} chosen={form.values[name]} />
      </div>
    </fieldset>
  );
}

function ConsentQuestions({ ctx, form }: { ctx: PageContext; form: FormState }) {
  const { t } = ctx;
  return (
    <>
      <Radios
        ctx={ctx}
        name="grondslag"
        legend={t('cases.consent.legend')}
        choices={consentBases.map((basis) => ({ value: basis, label: t(`cases.consent.basis.${basis}`) }))}
        form={form}
      />
      <Radios
        ctx={ctx}
        name="kindWeet"
        legend={t('cases.consent.childKnows')}
        choices={childKnowsValues.map((value) => ({ value, label: t(`cases.consent.childKnows.${value}`) }))}
        form={form}
      />
    </>
  );
}

export function CasesListPage({
  ctx,
  cases,
  mayStart,
  notice,
}: {
  ctx: PageContext;
  cases: readonly MyCaseView[];
  mayStart: boolean;
  notice?: CaseNotice | undefined;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('cases.title')}>
      <h1>{t('cases.title')}</h1>
      <Notice ctx={ctx} notice={notice} />
      <p>{t('cases.list.intro')}</p>
      <p>
        <a href="/samenwerken/hoe-het-werkt">{t('cases.list.howItWorks')}</a>
      </p>
      <h2>{t('cases.list.heading')}</h2>
      {cases.length === 0 ? (
        <p>{t('cases.list.empty')}</p>
      ) : (
        <ul class="app-sessions">
          {cases.map((row) => (
            <li key={row.caseId} class="app-sessions__item" data-case={row.caseId}>
              <a href={`/samenwerken/${row.caseId}`}>{row.label ?? t('cases.list.noLabel')}</a>
              <br />
              {t('cases.list.item', { role: t(roleKey(row.role)), date: new Date(row.createdAt) })}
              {row.state === 'accepted' && <p class="app-hint">{t('cases.list.waiting')}</p>}
              {row.state === 'suspended' && <p class="app-hint">{t('cases.list.paused')}</p>}
            </li>
          ))}
        </ul>
      )}
      <p>
        {mayStart && (
          <>
            <a class="app-button" href="/samenwerken/nieuw">
              {t('cases.list.start')}
            </a>{' '}
          </>
        )}
        <a class="app-button app-button--secondary" href="/samenwerken/aansluiten">
          {t('cases.list.join')}
        </a>
      </p>
    </Layout>
  );
}

export function StartPage({
  ctx,
  asProfessional,
  roles,
  form,
}: {
  ctx: PageContext;
  asProfessional: boolean;
  roles: readonly CaseRole[];
  form: FormState;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('cases.start.title')}>
      <h1>{t('cases.start.title')}</h1>
      <ErrorSummary ctx={ctx} problems={form.problems} />
      <p>{t('cases.start.intro')}</p>
      <form method="post" action="/samenwerken" novalidate>
        <CsrfField ctx={ctx} />
        <Input
          ctx={ctx}
          name="naam"
          label={t('cases.start.label')}
          hint={t('cases.start.labelHint')}
          form={form.values}
          problem={problemOf(form.problems, 'naam')}
        />
        {asProfessional && (
          <>
            <Radios
              ctx={ctx}
              name="vorm"
              legend={t('cases.start.mode')}
              choices={modeFieldValues.map((value) => ({ value, label: t(`cases.start.mode.${value}`) }))}
              form={form}
            />
            <Radios
              ctx={ctx}
              name="rol"
              legend={t('cases.start.role')}
              choices={roles.map((role) => ({ value: role, label: t(roleKey(role)) }))}
              form={form}
            />
          </>
        )}
        <ConsentQuestions ctx={ctx} form={form} />
        <button class="app-button" type="submit">
          {t('cases.start.submit')}
        </button>
      </form>
    </Layout>
  );
}

export function JoinPage({ ctx, form }: { ctx: PageContext; form: FormState }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('cases.join.title')}>
      <h1>{t('cases.join.title')}</h1>
      <ErrorSummary ctx={ctx} problems={form.problems} />
      <p>{t('cases.join.intro')}</p>
      <form method="post" action="/samenwerken/aansluiten" novalidate>
        <CsrfField ctx={ctx} />
        <TextField
          ctx={ctx}
          name="code"
          type="text"
          label={t('cases.join.code')}
          hint={t('cases.join.codeHint')}
          value={form.values.code ?? ''}
          problem={problemOf(form.problems, 'code')}
          autocomplete="one-time-code"
        />
        <button class="app-button" type="submit">
          {t('cases.join.submit')}
        </button>
      </form>
    </Layout>
  );
}

/** A refusal the person can act on: what went wrong, in their language, and the way back. */
export function CaseProblemPage({ ctx, problem, back }: { ctx: PageContext; problem: CaseProblem; back: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('cases.problem.title')}>
      <h1>{t('cases.problem.title')}</h1>
      <p data-problem={problem}>{t(`cases.problem.${problem}`)}</p>
      <p>
        <a href={back}>{t('cases.problem.back')}</a>
      </p>
    </Layout>
  );
}

function SafetyNumber({ ctx, number }: { ctx: PageContext; number: string }) {
  const { t } = ctx;
  return (
    <div>
      <p class="app-label">{t('cases.safety.label')}</p>
      <p class="app-recovery-code" data-safety-number>
        {number}
      </p>
      <p class="app-hint">{t('cases.safety.hint')}</p>
    </div>
  );
}

export function WaitingPage({ ctx, page }: { ctx: PageContext; page: WaitingPageData }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('cases.waiting.title')}>
      <h1>{t('cases.waiting.title')}</h1>
      <p>{t(page.again ? 'cases.waiting.again' : 'cases.waiting.intro')}</p>
      {page.confirmers.length === 0 ? (
        <p>{t('cases.waiting.none')}</p>
      ) : (
        page.confirmers.map((confirmer, index) => (
          <section key={index}>
            <h2>
              {confirmer.organisationName === undefined
                ? t('cases.waiting.with', { role: t(roleKey(confirmer.role)) })
                : t('cases.waiting.withOrganisation', {
                    role: t(roleKey(confirmer.role)),
                    organisation: confirmer.organisationName,
                  })}
            </h2>
            <SafetyNumber ctx={ctx} number={confirmer.number} />
          </section>
        ))
      )}
    </Layout>
  );
}

export function PausedPage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('cases.paused.title')}>
      <h1>{t('cases.paused.title')}</h1>
      <p>{t('cases.paused.text')}</p>
    </Layout>
  );
}

function MemberItem({ ctx, caseId, member }: { ctx: PageContext; caseId: string; member: MemberView }) {
  const { t } = ctx;
  const base = `/samenwerken/${caseId}/leden/${member.id}`;
  return (
    <li class="app-sessions__item" data-member={member.id} data-role={member.role} data-state={member.state}>
      <strong>{t(roleKey(member.role))}</strong>
      {member.organisationName !== undefined && <> · {member.organisationName}</>}
      {member.isMe && <> {t('cases.page.member.me')}</>}
      <br />
      {t(`cases.state.${member.state}`)} · {t('cases.page.member.since', { date: new Date(member.since) })}
      {member.policeUnit !== null && <p>{t('cases.page.member.police', { unit: member.policeUnit })}</p>}
      {member.reference !== undefined && <p>{t('cases.page.member.reference', { reference: member.reference })}</p>}
      {member.mandate !== 'none' && <p class="app-hint">{t(`cases.mandate.${member.mandate}`)}</p>}
      {member.needsConfirmation && <p class="app-hint">{t('cases.page.member.keysChanged')}</p>}
      {member.suspensionProposed && member.state === 'active' && (
        <p class="app-hint">{t('cases.page.member.suspensionProposed')}</p>
      )}
      {member.suspensionProposed && member.state === 'suspended' && (
        <p class="app-hint">{t('cases.page.member.resumeProposed')}</p>
      )}
      {member.may.confirm && (
        <p>
          <a href={`${base}/bevestigen`}>{t('cases.page.member.confirm')}</a>
        </p>
      )}
      {member.may.proposeSuspension && (
        <ActionForm
          look="secondary"
          ctx={ctx}
          action={`${base}/pauzeren`}
          label={t('cases.page.member.proposeSuspension')}
        />
      )}
      {member.may.confirmSuspension && (
        <ActionForm
          ctx={ctx}
          action={`${base}/pauzeren`}
          label={t('cases.page.member.confirmSuspension')}
          look="danger"
        />
      )}
      {member.may.proposeResume && (
        <ActionForm
          look="secondary"
          ctx={ctx}
          action={`${base}/hervatten`}
          label={t('cases.page.member.proposeResume')}
        />
      )}
      {member.may.confirmResume && (
        <ActionForm ctx={ctx} action={`${base}/hervatten`} label={t('cases.page.member.confirmResume')} />
      )}
      {member.may.remove && (
        <ActionForm ctx={ctx} action={`${base}/verwijderen`} label={t('cases.page.member.remove')} look="danger" />
      )}
      {member.isMe && member.state === 'active' && (
        <ActionForm ctx={ctx} action={`${base}/verwijderen`} label={t('cases.page.member.leave')} look="danger" />
      )}
    </li>
  );
}

function ConsentList({ ctx, consents }: { ctx: PageContext; consents: readonly StoredConsent[] }) {
  const { t } = ctx;
  if (consents.length === 0) return null;
  return (
    <section>
      <h2>{t('cases.consent.heading')}</h2>
      <ul>
        {consents.map((consent) => (
          <li key={consent.id} data-consent={consent.flow}>
            {t('cases.consent.item', {
              flow: t(`cases.consent.flow.${consent.flow}`),
              basis: t(`cases.consent.basis.${consent.basis}`),
              knows: t(`cases.consent.childKnows.${consent.childKnows}`),
              date: new Date(consent.createdAt),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The case's own pages (items, pathway, shares): linked from the case page. */
function CaseNav({ ctx, page }: { ctx: PageContext; page: CasePageData }) {
  const { t } = ctx;
  const base = `/samenwerken/${page.caseId}`;
  const links: { href: string; label: MessageKey }[] = [
    { href: `${base}/traject`, label: 'cases.nav.pathway' },
    { href: `${base}/afspraken`, label: 'cases.nav.agreements' },
    { href: `${base}/planning`, label: 'cases.nav.planning' },
    { href: `${base}/berichten`, label: 'cases.nav.messages' },
    { href: `${base}/tijdlijn`, label: 'cases.nav.timeline' },
  ];
  // A parent who shares: /gedeeld is their own shares and who opened them (the access list).
  if (page.may.shareEntries) links.push({ href: `${base}/gedeeld`, label: 'caseShares.mine.title' });
  else if (page.may.viewSharedEntries) links.push({ href: `${base}/gedeeld`, label: 'cases.nav.shared' });
  if (page.may.shareEntries) links.push({ href: `${base}/delen`, label: 'cases.nav.share' });
  // Exports (ADR 0029): a working professional's summary (who reads the shares is exactly who may make one), the
  // police member's bundles of what parents shared, a parent's own copy.
  if (page.may.viewSharedEntries) links.push({ href: `${base}/samenvatting`, label: 'caseExports.nav.summary' });
  if (page.viewer.role === 'police') links.push({ href: `${base}/politiebundel`, label: 'caseExports.nav.police' });
  if (page.viewer.role === 'parent') links.push({ href: `${base}/samenvatting`, label: 'caseExports.nav.ownCopy' });
  return (
    <nav aria-label={t('cases.nav.label')}>
      <ul>
        {links.map((link) => (
          <li key={link.href}>
            <a href={link.href}>{t(link.label)}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function CasePage({
  ctx,
  page,
  notice,
  form,
  closing,
  measures,
  notifications,
  young,
}: {
  ctx: PageContext;
  page: CasePageData;
  notice?: CaseNotice | undefined;
  /** A form on this page drawn again (mandate, police details). */
  form?: FormState | undefined;
  /** Closed since, deleted on, the parent's own copy, the coordinator's way to close (ADR 0031). */
  closing?: ClosingView | undefined;
  /** The case's measures, given for its professionals only (ADR 0032). */
  measures?: CaseMeasuresView | undefined;
  /** My own choice of e-mail about news in this case (ADR 0028). */
  notifications?: NotificationSetting | undefined;
  /** The young members this professional invited (ADR 0030); undefined for everyone else. */
  young?: YoungSectionView | undefined;
}) {
  const { t } = ctx;
  const base = `/samenwerken/${page.caseId}`;
  const values = form?.values ?? {};
  return (
    <Layout ctx={ctx} title={t('cases.title')}>
      <h1>{t('cases.title')}</h1>
      {form !== undefined && <ErrorSummary ctx={ctx} problems={form.problems} />}
      <Notice ctx={ctx} notice={notice} />
      <p class="app-lead" data-case-label>
        {t('cases.page.for', { label: page.label })}
      </p>
      {page.mode === 'professional-only' && <p class="app-hint">{t('cases.page.professionalOnly')}</p>}
      {page.closed && closing === undefined && <p class="app-hint">{t('cases.page.closed')}</p>}
      {closing !== undefined && <ClosingSection ctx={ctx} closing={closing} />}
      {page.risk === 'proposed' && page.viewer.role !== 'parent' && <p>{t('cases.page.risk.proposed')}</p>}
      {page.risk === 'confirmed' && page.viewer.role !== 'parent' && <p>{t('cases.page.risk.confirmed')}</p>}
      <CaseNav ctx={ctx} page={page} />

      <section>
        <h2>{t('cases.page.members')}</h2>
        <ul class="app-sessions">
          {page.members.map((member) => (
            <MemberItem key={member.id} ctx={ctx} caseId={page.caseId} member={member} />
          ))}
        </ul>
        {(page.may.inviteParent || page.may.inviteProfessional) && (
          <p>
            <a class="app-button" href={`${base}/uitnodigen`}>
              {t('cases.page.invite')}
            </a>
          </p>
        )}
      </section>

      {page.invitations.length > 0 && (
        <section>
          <h2>{t('cases.page.invitations')}</h2>
          <ul class="app-sessions">
            {page.invitations.map((invitation) => (
              <li key={invitation.id} class="app-sessions__item" data-invitation={invitation.state}>
                {t('cases.page.invitation.item', {
                  role: t(roleKey(invitation.role)),
                  date: new Date(invitation.expiresAt),
                })}{' '}
                · {t(`cases.page.invitation.state.${invitation.state}`)}
                {invitation.mayWithdraw && (
                  <ActionForm
                    ctx={ctx}
                    action={`${base}/uitnodigingen/${invitation.id}/intrekken`}
                    label={t('cases.page.invitation.withdraw')}
                    look="danger"
                  />
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      <ConsentList ctx={ctx} consents={page.consents} />

      {page.may.setMandate && (
        <form method="post" action={`${base}/mandaat`} novalidate>
          <CsrfField ctx={ctx} />
          <Radios
            ctx={ctx}
            name="onderzoek"
            legend={t('cases.page.mandate.legend')}
            choices={(['ja', 'nee'] as const).map((value) => ({ value, label: t(`cases.page.mandate.${value}`) }))}
            form={{
              values: { onderzoek: page.viewer.mandate === 'vt-investigation' ? 'ja' : 'nee', ...values },
              problems: form?.problems ?? [],
            }}
          />
          <button class="app-button app-button--secondary" type="submit">
            {t('cases.page.mandate.submit')}
          </button>
        </form>
      )}

      {page.may.police && (
        <form method="post" action={`${base}/politie`} novalidate>
          <CsrfField ctx={ctx} />
          <fieldset class="app-question">
            <legend class="app-question__legend">{t('cases.page.police.legend')}</legend>
            <Input
              ctx={ctx}
              name="referentie"
              label={t('cases.page.police.reference')}
              form={values}
              problem={problemOf(form?.problems ?? [], 'referentie')}
            />
          </fieldset>
          <button class="app-button app-button--secondary" type="submit">
            {t('cases.page.police.submit')}
          </button>
        </form>
      )}

      {page.may.proposeRisk && (
        <ActionForm look="secondary" ctx={ctx} action={`${base}/risico`} label={t('cases.page.risk.propose')} />
      )}
      {page.may.confirmRisk && (
        <ActionForm ctx={ctx} action={`${base}/risico`} label={t('cases.page.risk.confirm')} look="danger" />
      )}
      {measures !== undefined && <CaseMeasuresSection ctx={ctx} measures={measures} />}
      {notifications !== undefined && <NotificationsSection ctx={ctx} caseId={page.caseId} setting={notifications} />}
      {young !== undefined && <YoungSection ctx={ctx} section={young} />}
    </Layout>
  );
}

export function InvitePage({
  ctx,
  caseId,
  roles,
  form,
}: {
  ctx: PageContext;
  caseId: string;
  roles: readonly CaseRole[];
  form: FormState;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('cases.invite.title')}>
      <h1>{t('cases.invite.title')}</h1>
      <ErrorSummary ctx={ctx} problems={form.problems} />
      <p>{t('cases.invite.intro')}</p>
      <p class="app-hint">{t('cases.invite.professionalHint')}</p>
      <form method="post" action={`/samenwerken/${caseId}/uitnodigen`} novalidate>
        <CsrfField ctx={ctx} />
        <Radios
          ctx={ctx}
          name="rol"
          legend={t('cases.invite.role')}
          choices={roles.map((role) => ({ value: role, label: t(roleKey(role)) }))}
          form={form}
        />
        <button class="app-button" type="submit">
          {t('cases.invite.submit')}
        </button>
      </form>
    </Layout>
  );
}

export function CodePage({
  ctx,
  caseId,
  code,
  role,
  expiresAt,
}: {
  ctx: PageContext;
  caseId: string;
  code: string;
  role: CaseRole;
  expiresAt: string;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('cases.code.title')}>
      <h1>{t('cases.code.title')}</h1>
      <p>{t(roleKey(role))}</p>
      <p class="app-recovery-code" data-invitation-code>
        {code}
      </p>
      <p>{t('cases.code.intro', { date: new Date(expiresAt) })}</p>
      <p>{t(role === 'parent' ? 'cases.code.parentHandover' : 'cases.code.handover')}</p>
      <p>
        <a href={`/samenwerken/${caseId}`}>{t('cases.code.back')}</a>
      </p>
    </Layout>
  );
}

export function ConfirmPage({
  ctx,
  caseId,
  member,
  fresh,
  form,
}: {
  ctx: PageContext;
  caseId: string;
  member: MemberView & { safety: NonNullable<MemberView['safety']> };
  /** The passphrase was given in the last minutes: not asked again. */
  fresh: boolean;
  form: FormState;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('cases.confirm.title')}>
      <h1>{t('cases.confirm.title')}</h1>
      <ErrorSummary ctx={ctx} problems={form.problems} />
      <p>{t('cases.confirm.intro', { role: t(roleKey(member.role)) })}</p>
      <SafetyNumber ctx={ctx} number={member.safety.number} />
      <form method="post" action={`/samenwerken/${caseId}/leden/${member.id}/bevestigen`} novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="sleutel" value={member.safety.keyId} />
        <ConsentQuestions ctx={ctx} form={form} />
        {!fresh && (
          <TextField
            ctx={ctx}
            name="wachtwoord"
            type="password"
            label={t('cases.confirm.passphrase')}
            hint={t('cases.confirm.passphraseHint')}
            problem={problemOf(form.problems, 'wachtwoord')}
            autocomplete="current-password"
          />
        )}
        <button class="app-button" type="submit">
          {t('cases.confirm.submit')}
        </button>
      </form>
    </Layout>
  );
}
