import { ActionForm } from '../../../shared/views/components/action-form.js';
import { CsrfField } from '../../../shared/views/components/csrf-field.js';
import { ErrorSummary } from '../../../shared/views/components/error-summary.js';
import { type FormState, Input, problemOf, TextArea, TextField } from '../../../shared/views/components/fields.js';
import type { PageContext } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import { MESSAGE_MAX } from '../case-items.schema.js';
import type {
  YoungChannelView,
  YoungHomeItem,
  YoungRefusal,
  YoungSectionView,
  YoungWaitingView,
} from '../case-young.service.js';
import type { CaseRole } from '../cases.types.js';
import { YoungPathway } from './pathway-young.view.js';
import { roleKey } from './cases.views.js';

/*
 * The pages of the child's own voice (ADR 0030): the professional's section on the case page, the invitation and
 * its code, the young person's sign-up at /samenwerken/jongere, their home, the private channel (with, for the
 * young person, the pathway for young people and from 16 the consent questions) and the safety number to compare.
 * Titles are neutral; nothing names the child.
 */

const channelPath = (caseId: string, memberId: string) => `/samenwerken/${caseId}/jongere/${memberId}`;

function who(ctx: PageContext, other: { role: CaseRole; organisationName: string | undefined }): string {
  const role = ctx.t(roleKey(other.role));
  return other.organisationName === undefined
    ? role
    : ctx.t('caseYoung.home.org', { role, organisation: other.organisationName });
}

/** The section on the case page, drawn only for a working professional (the young members they invited). */
export function YoungSection({ ctx, section }: { ctx: PageContext; section: YoungSectionView }) {
  const { t } = ctx;
  return (
    <section data-young-section>
      <h2>{t('caseYoung.section.title')}</h2>
      <p>{t('caseYoung.section.intro')}</p>
      {section.members.length === 0 ? (
        <p>{t('caseYoung.section.none')}</p>
      ) : (
        <ul class="app-page-list">
          {section.members.map((member) => (
            <li key={member.id}>
              <p>{t('caseYoung.section.item', { state: t(`caseYoung.section.state.${member.state}`) })}</p>
              {member.state === 'active' && (
                <>
                  <p>
                    <a href={channelPath(section.caseId, member.id)}>{t('caseYoung.section.open')}</a>
                  </p>
                  <ActionForm
                    ctx={ctx}
                    action={`/samenwerken/${section.caseId}/leden/${member.id}/verwijderen`}
                    label={t('caseYoung.section.close')}
                    look="danger"
                  />
                </>
              )}
              {member.state === 'accepted' && (
                <p>
                  <a href={channelPath(section.caseId, member.id)}>{t('caseYoung.section.confirm')}</a>
                </p>
              )}
              {member.invitationId !== undefined && (
                <ActionForm
                  ctx={ctx}
                  action={`/samenwerken/${section.caseId}/uitnodigingen/${member.invitationId}/intrekken`}
                  label={t('caseYoung.section.withdraw')}
                  look="secondary"
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {section.mayInvite && (
        <p>
          <a class="app-button app-button--secondary" href={`/samenwerken/${section.caseId}/jongere/uitnodigen`}>
            {t('caseYoung.section.invite')}
          </a>
        </p>
      )}
    </section>
  );
}

export function YoungInvitePage({ ctx, caseId, form }: { ctx: PageContext; caseId: string; form: FormState }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('caseYoung.invite.title')}>
      <h1>{t('caseYoung.invite.title')}</h1>
      <ErrorSummary ctx={ctx} problems={form.problems} />
      <p>{t('caseYoung.invite.intro')}</p>
      <form method="post" action={`/samenwerken/${caseId}/jongere/uitnodigen`} novalidate>
        <CsrfField ctx={ctx} />
        <fieldset class="app-question">
          <legend class="app-question__legend">{t('caseYoung.invite.birth')}</legend>
          <p class="app-hint">{t('caseYoung.invite.birthHint')}</p>
          <Input
            ctx={ctx}
            name="maand"
            label={t('caseYoung.invite.month')}
            form={form.values}
            problem={problemOf(form.problems, 'maand')}
          />
          <Input
            ctx={ctx}
            name="jaar"
            label={t('caseYoung.invite.year')}
            form={form.values}
            problem={problemOf(form.problems, 'jaar')}
          />
        </fieldset>
        <button class="app-button" type="submit">
          {t('caseYoung.invite.submit')}
        </button>
      </form>
      <p>
        <a href={`/samenwerken/${caseId}`}>{t('caseYoung.invite.back')}</a>
      </p>
    </Layout>
  );
}

/** The code, shown once, to hand over in person. */
export function YoungCodePage({
  ctx,
  caseId,
  code,
  expiresAt,
}: {
  ctx: PageContext;
  caseId: string;
  code: string;
  expiresAt: string;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('caseYoung.code.title')}>
      <h1>{t('caseYoung.code.title')}</h1>
      <p class="app-recovery-code" data-invitation-code>
        {code}
      </p>
      <p>{t('caseYoung.code.intro', { expires: new Date(expiresAt) })}</p>
      <p>{t('caseYoung.code.once')}</p>
      <p>
        {t('caseYoung.code.where')} <strong>/samenwerken/jongere</strong>
      </p>
      <p>
        <a href={`/samenwerken/${caseId}`}>{t('caseYoung.invite.back')}</a>
      </p>
    </Layout>
  );
}

/** The young person's sign-up with their code (no account yet). */
export function YoungJoinPage({ ctx, form }: { ctx: PageContext; form: FormState }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('caseYoung.join.title')}>
      <h1>{t('caseYoung.join.title')}</h1>
      <ErrorSummary ctx={ctx} problems={form.problems} />
      <p>{t('caseYoung.join.intro')}</p>
      <form method="post" action="/samenwerken/jongere" novalidate>
        <CsrfField ctx={ctx} />
        <TextField
          ctx={ctx}
          name="code"
          type="text"
          label={t('caseYoung.join.code')}
          hint={t('caseYoung.join.codeHint')}
          value={form.values.code ?? ''}
          problem={problemOf(form.problems, 'code')}
          autocomplete="one-time-code"
        />
        <TextField
          ctx={ctx}
          name="gebruikersnaam"
          type="text"
          label={t('caseYoung.join.username')}
          hint={t('caseYoung.join.usernameHint')}
          value={form.values.gebruikersnaam ?? ''}
          problem={problemOf(form.problems, 'gebruikersnaam')}
          autocomplete="username"
        />
        <TextField
          ctx={ctx}
          name="wachtwoord"
          type="password"
          label={t('caseYoung.join.passphrase')}
          hint={t('caseYoung.join.passphraseHint')}
          problem={problemOf(form.problems, 'wachtwoord')}
          autocomplete="new-password"
        />
        <TextField
          ctx={ctx}
          name="herhaling"
          type="password"
          label={t('caseYoung.join.repeat')}
          problem={problemOf(form.problems, 'herhaling')}
          autocomplete="new-password"
        />
        <button class="app-button" type="submit">
          {t('caseYoung.join.submit')}
        </button>
      </form>
      <p>
        <a href="/samenwerken/jongeren">{t('caseYoung.join.explain')}</a>
      </p>
    </Layout>
  );
}

export function YoungProblemPage({ ctx, refusal, back }: { ctx: PageContext; refusal: YoungRefusal; back: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('cases.problem.title')}>
      <h1>{t('cases.problem.title')}</h1>
      <p data-problem={refusal.problem}>{t(`caseYoung.problem.${refusal.problem}`)}</p>
      <p>
        <a href={back}>{t('cases.problem.back')}</a>
      </p>
    </Layout>
  );
}

/** A young account's /samenwerken: their channel(s), waiting or open. */
export function YoungHomePage({ ctx, items }: { ctx: PageContext; items: readonly YoungHomeItem[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('caseYoung.home.title')}>
      <h1>{t('caseYoung.home.title')}</h1>
      <p>{t('caseYoung.home.intro')}</p>
      {items.length === 0 ? (
        <p>{t('caseYoung.home.none')}</p>
      ) : (
        <ul class="app-page-list" data-young-home>
          {items.map((item) => (
            <li key={item.memberId}>
              <a href={channelPath(item.caseId, item.memberId)}>
                {t(item.state === 'active' ? 'caseYoung.home.active' : 'caseYoung.home.waiting', {
                  role: who(ctx, item.other),
                })}
              </a>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href="/samenwerken/jongeren">{t('caseYoung.join.explain')}</a>
      </p>
    </Layout>
  );
}

/** Waiting for confirmation: the safety number, for the young person and for the professional (with the button). */
export function YoungWaitingPage({ ctx, page }: { ctx: PageContext; page: YoungWaitingView }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('caseYoung.waiting.title')}>
      <h1>{t('caseYoung.waiting.title')}</h1>
      <p>
        {page.asYoung
          ? t('caseYoung.waiting.young', { role: who(ctx, page.other) })
          : t('caseYoung.waiting.professional')}
      </p>
      {page.safety === undefined ? (
        <p>{t('caseYoung.waiting.noNumber')}</p>
      ) : (
        <>
          <h2>{t('caseYoung.waiting.number')}</h2>
          <p class="app-recovery-code" data-safety-number>
            {page.safety.number}
          </p>
          {!page.asYoung && (
            <form method="post" action={`${channelPath(page.caseId, page.memberId)}/bevestigen`}>
              <CsrfField ctx={ctx} />
              <input type="hidden" name="sleutel" value={page.safety.keyId} />
              <button class="app-button" type="submit">
                {t('caseYoung.waiting.confirm')}
              </button>
            </form>
          )}
        </>
      )}
      <p>
        <a href={page.asYoung ? '/samenwerken' : `/samenwerken/${page.caseId}`}>
          {t(page.asYoung ? 'caseYoung.channel.home' : 'caseYoung.channel.back')}
        </a>
      </p>
    </Layout>
  );
}

function Text({ text }: { text: string }) {
  return (
    <>
      {text.split('\n').map((paragraph, index) => (
        <p key={index}>{paragraph}</p>
      ))}
    </>
  );
}

/** The private channel; for the young person also where the pathway stands and, from 16, the consent questions. */
export function YoungChannelPage({
  ctx,
  page,
  form,
  notice,
}: {
  ctx: PageContext;
  page: YoungChannelView;
  form: FormState;
  notice?: 'verstuurd' | 'toestemming' | undefined;
}) {
  const { t } = ctx;
  const base = channelPath(page.caseId, page.memberId);
  return (
    <Layout ctx={ctx} title={t('caseYoung.channel.title')}>
      <h1>{t('caseYoung.channel.title')}</h1>
      <ErrorSummary ctx={ctx} problems={form.problems} />
      {notice !== undefined && (
        <p class="app-notice" role="status">
          {t(notice === 'verstuurd' ? 'caseYoung.channel.posted' : 'caseYoung.consent.saved')}
        </p>
      )}
      <p>
        {page.asYoung
          ? t('caseYoung.channel.withProfessional', { role: who(ctx, page.other) })
          : t('caseYoung.channel.withYoung')}
      </p>
      {page.closed && <p class="app-hint">{t('caseYoung.channel.closed')}</p>}
      {page.keyMissing && <p class="app-hint">{t('caseYoung.channel.keyMissing')}</p>}
      {page.messages.length === 0 ? (
        <p>{t('caseYoung.channel.empty')}</p>
      ) : (
        <ol class="app-page-list" data-young-messages>
          {page.messages.map((message) => (
            <li key={message.id}>
              <p class="app-hint">
                {message.mine
                  ? t('caseYoung.channel.me')
                  : message.byRole === 'young'
                    ? t('caseYoung.channel.young')
                    : who(ctx, page.asYoung ? page.other : { role: message.byRole, organisationName: undefined })}
                {' · '}
                {t('caseItems.moment', { date: new Date(message.at) })}
              </p>
              {message.text === undefined ? (
                <p class="app-hint">{t('caseYoung.channel.unreadable')}</p>
              ) : (
                <Text text={message.text} />
              )}
            </li>
          ))}
        </ol>
      )}
      {page.mayPost && (
        <form method="post" action={`${base}/berichten`} novalidate>
          <CsrfField ctx={ctx} />
          <TextArea
            ctx={ctx}
            name="bericht"
            label={t('caseYoung.channel.message')}
            hint={t('caseYoung.channel.messageHint')}
            form={form.values}
            problem={problemOf(form.problems, 'bericht')}
            max={MESSAGE_MAX}
          />
          <button class="app-button" type="submit">
            {t('caseYoung.channel.send')}
          </button>
        </form>
      )}
      {page.consent !== undefined && (
        <section data-young-consent>
          <h2>{t('caseYoung.consent.title')}</h2>
          <p>{t('caseYoung.consent.intro')}</p>
          {page.consent.flows.map((flow) => {
            const answer = page.consent!.answers.find((row) => row.flow === flow);
            return (
              <div key={flow} class="app-question">
                <h3>{t(`caseYoung.consent.flow.${flow}`)}</h3>
                <p>
                  {answer === undefined
                    ? t('caseYoung.consent.answer.none')
                    : t(`caseYoung.consent.answer.${answer.decision}`)}
                </p>
                <form method="post" action={`${base}/toestemming`} class="app-inline-form">
                  <CsrfField ctx={ctx} />
                  <input type="hidden" name="stroom" value={flow} />
                  <button class="app-button app-button--secondary" type="submit" name="antwoord" value="ja">
                    {t('caseYoung.consent.yes')}
                  </button>
                  <button class="app-button app-button--secondary" type="submit" name="antwoord" value="nee">
                    {t('caseYoung.consent.no')}
                  </button>
                </form>
              </div>
            );
          })}
        </section>
      )}
      {page.pathway !== undefined && (
        <section>
          <h2>{t('caseYoung.pathway.title')}</h2>
          <p>{t('caseYoung.pathway.intro')}</p>
          <YoungPathway ctx={ctx} pathway={page.pathway.pathway} state={page.pathway.state} level={3} />
        </section>
      )}
      <p>
        <a href={page.asYoung ? '/samenwerken' : `/samenwerken/${page.caseId}`}>
          {t(page.asYoung ? 'caseYoung.channel.home' : 'caseYoung.channel.back')}
        </a>
      </p>
    </Layout>
  );
}
