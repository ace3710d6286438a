import type { ComponentChildren } from 'preact';
import type { MessageKey } from '../../../shared/i18n/messages.js';
import { CsrfField } from '../../../shared/views/components/csrf-field.js';
import { ErrorSummary } from '../../../shared/views/components/error-summary.js';
import {
  Checkbox,
  type FormState,
  Input,
  problemOf,
  RadioItems,
  TextArea,
} from '../../../shared/views/components/fields.js';
import type { PageContext } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import type { AgreementStatus, ItemCompartment } from '../case-items.repo.js';
import {
  DECISIONS_MAX,
  FINISHED_STEP,
  ITEM_TEXT_MAX,
  kindFieldValues,
  MESSAGE_MAX,
  NOTE_MAX,
  presentField,
  statusFieldValues,
  SUMMARY_MAX,
} from '../case-items.schema.js';
import type {
  AgreementChangeView,
  AgreementView,
  AppointmentView,
  ItemAbilities,
  MessageView,
  OpenedText,
  TimelineEntry,
  TimelineItem,
} from '../case-items.service.js';
import { type CaseRole, caseRoles } from '../cases.types.js';
import { findStep, findTrack, type PathwayRegistry, type PathwayState } from '../pathway.js';
import type { Pathway, PathwayStep, PathwayTrack } from '../pathway.schema.js';
import { PathwayText, PathwayTracks, pathwayWords, roleLabel, withPathwayTexts } from './pathway.views.js';

/*
 * The pages of what members post into a case: the timeline, agreements (with their history and the conflict of
 * two edits), a meeting, the planning (appointments and next steps), the messages of both channels and the
 * pathway with its step moves. Every form works without JavaScript and is read by parseForm.
 */

export interface Member {
  id: string;
  role: CaseRole;
}

const base = (caseId: string) => `/samenwerken/${caseId}`;

const statusKeys: Record<AgreementStatus, MessageKey> = {
  open: 'caseItems.status.open',
  done: 'caseItems.status.done',
  dropped: 'caseItems.status.dropped',
};
const statusFieldKeys: Record<(typeof statusFieldValues)[number], MessageKey> = {
  open: 'caseItems.status.open',
  gedaan: 'caseItems.status.done',
  vervallen: 'caseItems.status.dropped',
};

/** A calendar day (YYYY-MM-DD) in words. */
const day = (ctx: PageContext, value: string) => ctx.t('caseItems.day', { date: new Date(`${value}T12:00:00Z`) });
const moment = (ctx: PageContext, iso: string) => ctx.t('caseItems.moment', { date: new Date(iso) });

function Text({ ctx, text }: { ctx: PageContext; text: OpenedText }) {
  if (text === undefined) return <p class="app-hint">{ctx.t('caseItems.sealed.unavailable')}</p>;
  if (text === '') return null;
  return <p class="app-journal-text">{text}</p>;
}

function ProfessionalsOnly({ ctx, shown }: { ctx: PageContext; shown: boolean }) {
  return shown ? <strong class="app-tag">{ctx.t('caseItems.professionalsOnly')}</strong> : null;
}

/** The items' pages of one case, and the way back to the case. */
function ItemsNav({ ctx, caseId, abilities }: { ctx: PageContext; caseId: string; abilities: ItemAbilities }) {
  const links: { href: string; key: MessageKey }[] = [
    { href: base(caseId), key: 'caseItems.nav.case' },
    { href: `${base(caseId)}/tijdlijn`, key: 'caseItems.nav.timeline' },
    { href: `${base(caseId)}/afspraken`, key: 'caseItems.nav.agreements' },
    { href: `${base(caseId)}/planning`, key: 'caseItems.nav.planning' },
    { href: `${base(caseId)}/traject`, key: 'caseItems.nav.pathway' },
    { href: `${base(caseId)}/berichten`, key: 'caseItems.nav.messages' },
  ];
  if (abilities.readProfessionals) {
    links.push({ href: `${base(caseId)}/berichten/professionals`, key: 'caseItems.nav.professionalMessages' });
  }
  if (abilities.recordMeeting) links.push({ href: `${base(caseId)}/overleg/nieuw`, key: 'caseItems.nav.meeting' });
  return (
    <nav aria-label={ctx.t('caseItems.nav.label')} class="app-journal-nav">
      <ul>
        {links.map((link) => (
          <li key={link.href}>
            <a href={link.href} aria-current={ctx.path === link.href ? 'page' : undefined}>
              {ctx.t(link.key)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** What every case items page is drawn with. */
export interface ItemPageProps {
  ctx: PageContext;
  caseId: string;
  abilities: ItemAbilities;
}

function Page({
  ctx,
  caseId,
  abilities,
  title,
  children,
}: ItemPageProps & { title: string; children: ComponentChildren }) {
  return (
    <Layout ctx={ctx} title={title}>
      <ItemsNav ctx={ctx} caseId={caseId} abilities={abilities} />
      <h1>{title}</h1>
      {children}
    </Layout>
  );
}

/** Who sees it: everyone in the case, or the professionals only (offered to those who read their compartment). */
function AudienceField({ ctx, form, abilities }: { ctx: PageContext; form: FormState; abilities: ItemAbilities }) {
  if (!abilities.readProfessionals) return <input type="hidden" name="voor" value="iedereen" />;
  return (
    <fieldset class="app-question" id="voor">
      <legend class="app-question__legend">{ctx.t('caseItems.form.audience')}</legend>
      <RadioItems
        name="voor"
        chosen={form.values['voor'] ?? 'iedereen'}
        choices={[
          { value: 'iedereen', label: ctx.t('caseItems.form.audience.everyone') },
          { value: 'professionals', label: ctx.t('caseItems.form.audience.professionals') },
        ]}
      />
    </fieldset>
  );
}

/** A labelled select with its problem (shown above it and tied to it for screen readers). */
function SelectField({
  ctx,
  name,
  label,
  problem,
  children,
}: {
  ctx: PageContext;
  name: string;
  label: string;
  problem: MessageKey | undefined;
  children: ComponentChildren;
}) {
  return (
    <div class="app-field">
      <label class="app-label" for={name}>
        {label}
      </label>
      {problem !== undefined && (
        <p class="app-error-message" id={`${name}-error`}>
          {ctx.t(problem)}
        </p>
      )}
      <select
        class="app-input"
        id={name}
        name={name}
        aria-describedby={problem === undefined ? undefined : `${name}-error`}
        aria-invalid={problem === undefined ? undefined : 'true'}
      >
        {children}
      </select>
    </div>
  );
}

/** Who an agreement or appointment is for: nobody yet, a role, or (agreements) a member of the case. */
function WhoField({
  ctx,
  form,
  members,
  withMembers,
}: {
  ctx: PageContext;
  form: FormState;
  members: readonly Member[];
  withMembers: boolean;
}) {
  const chosen = form.values['wie'] ?? '';
  return (
    <SelectField ctx={ctx} name="wie" label={ctx.t('caseItems.form.who')} problem={problemOf(form.problems, 'wie')}>
      <option value="" selected={chosen === ''}>
        {ctx.t('caseItems.form.who.nobody')}
      </option>
      <optgroup label={ctx.t('caseItems.form.who.roles')}>
        {caseRoles
          .filter((role) => role !== 'young')
          .map((role) => (
            <option key={role} value={`rol:${role}`} selected={chosen === `rol:${role}`}>
              {roleLabel(ctx.t, role)}
            </option>
          ))}
      </optgroup>
      {withMembers && members.length > 0 && (
        <optgroup label={ctx.t('caseItems.form.who.members')}>
          {members.map((member, index) => (
            <option key={member.id} value={`lid:${member.id}`} selected={chosen === `lid:${member.id}`}>
              {ctx.t('caseItems.form.who.member', { role: roleLabel(ctx.t, member.role), number: index + 1 })}
            </option>
          ))}
        </optgroup>
      )}
    </SelectField>
  );
}

function FormFrame({
  ctx,
  action,
  form,
  submit,
  children,
}: {
  ctx: PageContext;
  action: string;
  form: FormState;
  submit: MessageKey;
  children: ComponentChildren;
}) {
  return (
    <form method="post" action={action} novalidate>
      <ErrorSummary ctx={ctx} problems={form.problems} />
      <CsrfField ctx={ctx} />
      {children}
      <button class="app-button" type="submit">
        {ctx.t(submit)}
      </button>
    </form>
  );
}

/** A member's role, or "someone" when it is not known (a member who has left). */
const roleOrSomeone = (ctx: PageContext, role: CaseRole | null) =>
  role === null ? ctx.t('caseItems.someone') : roleLabel(ctx.t, role);

/** An agreement's text, who it is for and when it is due: the fields of a new agreement and of a change. */
function AgreementFieldset({ ctx, form, members }: { ctx: PageContext; form: FormState; members: readonly Member[] }) {
  return (
    <>
      <TextArea
        ctx={ctx}
        name="wat"
        label={ctx.t('caseItems.form.what')}
        hint={ctx.t('caseItems.form.what.hint', { max: ITEM_TEXT_MAX })}
        form={form.values}
        problem={problemOf(form.problems, 'wat')}
        max={ITEM_TEXT_MAX}
      />
      <WhoField ctx={ctx} form={form} members={members} withMembers />
      <Input
        ctx={ctx}
        name="datum"
        type="date"
        label={ctx.t('caseItems.form.due')}
        hint={ctx.t('caseItems.form.date.hint')}
        form={form.values}
        problem={problemOf(form.problems, 'datum')}
      />
    </>
  );
}

const assigneeText = (
  ctx: PageContext,
  item: { assigneeRole: CaseRole | null; assigneeMemberId?: string | null },
  members: readonly Member[] = [],
) => {
  if (item.assigneeRole === null) return ctx.t('caseItems.who.nobody');
  const index =
    item.assigneeMemberId === null || item.assigneeMemberId === undefined
      ? -1
      : members.findIndex((member) => member.id === item.assigneeMemberId);
  return index < 0
    ? roleLabel(ctx.t, item.assigneeRole)
    : ctx.t('caseItems.form.who.member', { role: roleLabel(ctx.t, item.assigneeRole), number: index + 1 });
};

function AgreementSummary({
  ctx,
  agreement,
  members,
}: {
  ctx: PageContext;
  agreement: Pick<AgreementView, 'status' | 'dueOn' | 'assigneeRole' | 'assigneeMemberId'>;
  members: readonly Member[];
}) {
  return (
    <p class="app-hint">
      {ctx.t(statusKeys[agreement.status])} · {ctx.t('caseItems.who', { who: assigneeText(ctx, agreement, members) })}
      {agreement.dueOn !== null && <> · {ctx.t('caseItems.due', { day: day(ctx, agreement.dueOn) })}</>}
    </p>
  );
}

export interface AgreementsPageProps extends ItemPageProps {
  agreements: readonly AgreementView[];
  members: readonly Member[];
  form: FormState;
}

export function AgreementsPage({ ctx, caseId, abilities, agreements, members, form }: AgreementsPageProps) {
  return (
    <Page ctx={ctx} caseId={caseId} abilities={abilities} title={ctx.t('caseItems.agreements.title')}>
      <p>{ctx.t('caseItems.agreements.intro')}</p>
      {agreements.length === 0 ? (
        <p>{ctx.t('caseItems.agreements.empty')}</p>
      ) : (
        <ul class="app-page-list" data-agreements>
          {agreements.map((agreement) => (
            <li key={agreement.id} data-agreement={agreement.status}>
              <Text ctx={ctx} text={agreement.text} />
              <AgreementSummary ctx={ctx} agreement={agreement} members={members} />
              <ProfessionalsOnly ctx={ctx} shown={agreement.compartment === 'professionals'} />{' '}
              <a href={`${base(caseId)}/afspraken/${agreement.id}`}>{ctx.t('caseItems.agreements.open')}</a>
            </li>
          ))}
        </ul>
      )}
      {abilities.manageAgreements && (
        <section aria-labelledby="nieuwe-afspraak">
          <h2 id="nieuwe-afspraak">{ctx.t('caseItems.agreements.new')}</h2>
          <FormFrame ctx={ctx} action={`${base(caseId)}/afspraken`} form={form} submit="caseItems.agreements.save">
            <AgreementFieldset ctx={ctx} form={form} members={members} />
            <AudienceField ctx={ctx} form={form} abilities={abilities} />
          </FormFrame>
        </section>
      )}
    </Page>
  );
}

export interface AgreementPageProps extends ItemPageProps {
  agreement: AgreementView;
  history: readonly AgreementChangeView[];
  members: readonly Member[];
  form: FormState;
  /** Someone changed it since this person's form was read: their change, shown above the form. */
  conflict?: { current: AgreementView; since: readonly AgreementChangeView[] } | undefined;
}

function ChangeItem({
  ctx,
  change,
  members,
}: {
  ctx: PageContext;
  change: AgreementChangeView;
  members: readonly Member[];
}) {
  return (
    <>
      <p>
        {ctx.t('caseItems.history.line', {
          version: change.version,
          who: roleOrSomeone(ctx, change.byRole),
          moment: moment(ctx, change.at),
        })}
      </p>
      <Text ctx={ctx} text={change.text} />
      <AgreementSummary ctx={ctx} agreement={{ ...change, assigneeMemberId: null }} members={members} />
    </>
  );
}

export function AgreementPage({
  ctx,
  caseId,
  abilities,
  agreement,
  history,
  members,
  form,
  conflict,
}: AgreementPageProps) {
  const values: FormState =
    form.values['wat'] === undefined
      ? {
          values: {
            wat: agreement.text ?? '',
            wie:
              agreement.assigneeMemberId !== null
                ? `lid:${agreement.assigneeMemberId}`
                : agreement.assigneeRole === null
                  ? ''
                  : `rol:${agreement.assigneeRole}`,
            datum: agreement.dueOn ?? '',
            status:
              statusFieldValues.find((value) => statusKeys[agreement.status] === statusFieldKeys[value]) ?? 'open',
            versie: String(agreement.version),
          },
          problems: form.problems,
        }
      : form;
  return (
    <Page ctx={ctx} caseId={caseId} abilities={abilities} title={ctx.t('caseItems.agreement.title')}>
      <Text ctx={ctx} text={agreement.text} />
      <AgreementSummary ctx={ctx} agreement={agreement} members={members} />
      <ProfessionalsOnly ctx={ctx} shown={agreement.compartment === 'professionals'} />
      {conflict !== undefined && (
        <section class="app-callout app-callout--danger" aria-labelledby="conflict" data-conflict>
          <h2 id="conflict" class="app-callout__title">
            {ctx.t('caseItems.conflict.title')}
          </h2>
          <p>{ctx.t('caseItems.conflict.intro')}</p>
          <ul>
            {conflict.since.map((change) => (
              <li key={change.version}>
                <ChangeItem ctx={ctx} change={change} members={members} />
              </li>
            ))}
          </ul>
          <p>{ctx.t('caseItems.conflict.yours')}</p>
        </section>
      )}
      {abilities.manageAgreements && (
        <section aria-labelledby="wijzigen">
          <h2 id="wijzigen">{ctx.t('caseItems.agreement.change')}</h2>
          <FormFrame
            ctx={ctx}
            action={`${base(caseId)}/afspraken/${agreement.id}`}
            form={values}
            submit="caseItems.agreement.save"
          >
            <input type="hidden" name="versie" value={values.values['versie'] ?? String(agreement.version)} />
            <AgreementFieldset ctx={ctx} form={values} members={members} />
            <fieldset class="app-question" id="status">
              <legend class="app-question__legend">{ctx.t('caseItems.form.status')}</legend>
              <RadioItems
                name="status"
                chosen={values.values['status']}
                choices={statusFieldValues.map((value) => ({ value, label: ctx.t(statusFieldKeys[value]) }))}
              />
            </fieldset>
          </FormFrame>
        </section>
      )}
      <section aria-labelledby="geschiedenis">
        <h2 id="geschiedenis">{ctx.t('caseItems.history.title')}</h2>
        <ol reversed data-history>
          {[...history].reverse().map((change) => (
            <li key={change.version}>
              <ChangeItem ctx={ctx} change={change} members={members} />
            </li>
          ))}
        </ol>
      </section>
    </Page>
  );
}

export function MeetingPage({ ctx, caseId, abilities, form }: ItemPageProps & { form: FormState }) {
  return (
    <Page ctx={ctx} caseId={caseId} abilities={abilities} title={ctx.t('caseItems.meeting.title')}>
      <p>{ctx.t('caseItems.meeting.intro')}</p>
      <FormFrame ctx={ctx} action={`${base(caseId)}/overleg`} form={form} submit="caseItems.meeting.save">
        <Input
          ctx={ctx}
          name="datum"
          type="date"
          label={ctx.t('caseItems.meeting.date')}
          form={form.values}
          problem={problemOf(form.problems, 'datum')}
        />
        <fieldset class="app-question">
          <legend class="app-question__legend">{ctx.t('caseItems.meeting.present')}</legend>
          {caseRoles
            .filter((role) => role !== 'parent' && role !== 'young')
            .map((role) => (
              <Checkbox
                key={role}
                ctx={ctx}
                name={presentField(role)}
                label={roleLabel(ctx.t, role)}
                checked={form.values[presentField(role)] === 'ja'}
              />
            ))}
        </fieldset>
        <fieldset class="app-question">
          <legend class="app-question__legend">{ctx.t('caseItems.meeting.parent')}</legend>
          <Checkbox
            ctx={ctx}
            name="ouder-uitgenodigd"
            label={ctx.t('caseItems.meeting.parentInvited')}
            checked={form.values['ouder-uitgenodigd'] === 'ja'}
            problem={problemOf(form.problems, 'ouder-uitgenodigd')}
          />
          <Checkbox
            ctx={ctx}
            name="ouder-aanwezig"
            label={ctx.t('caseItems.meeting.parentTookPart')}
            checked={form.values['ouder-aanwezig'] === 'ja'}
            problem={problemOf(form.problems, 'ouder-aanwezig')}
          />
        </fieldset>
        <TextArea
          ctx={ctx}
          name="samenvatting"
          label={ctx.t('caseItems.meeting.summary')}
          hint={ctx.t('caseItems.meeting.summary.hint', { max: SUMMARY_MAX })}
          form={form.values}
          problem={problemOf(form.problems, 'samenvatting')}
          rows={6}
          max={SUMMARY_MAX}
        />
        <TextArea
          ctx={ctx}
          name="besluiten"
          label={ctx.t('caseItems.meeting.decisions')}
          hint={ctx.t('caseItems.meeting.decisions.hint', { max: DECISIONS_MAX })}
          form={form.values}
          problem={problemOf(form.problems, 'besluiten')}
        />
        <AudienceField ctx={ctx} form={form} abilities={abilities} />
      </FormFrame>
    </Page>
  );
}

export function PlanningPage({
  ctx,
  caseId,
  abilities,
  items,
  form,
}: ItemPageProps & {
  items: readonly AppointmentView[];
  form: FormState;
}) {
  return (
    <Page ctx={ctx} caseId={caseId} abilities={abilities} title={ctx.t('caseItems.planning.title')}>
      <p>{ctx.t('caseItems.planning.intro')}</p>
      {items.length === 0 ? (
        <p>{ctx.t('caseItems.planning.empty')}</p>
      ) : (
        <ul class="app-page-list" data-planning>
          {items.map((item) => (
            <li key={item.id}>
              <p>
                <strong>
                  {ctx.t(item.kind === 'appointment' ? 'caseItems.planning.appointment' : 'caseItems.planning.step')}
                </strong>
                {item.onDate !== null && <> · {day(ctx, item.onDate)}</>}
                {item.atTime !== null && <> · {item.atTime}</>} ·{' '}
                {ctx.t('caseItems.who', { who: assigneeText(ctx, item) })}{' '}
                <ProfessionalsOnly ctx={ctx} shown={item.professionalsOnly} />
              </p>
              <Text ctx={ctx} text={item.text} />
            </li>
          ))}
        </ul>
      )}
      {abilities.planAppointment && (
        <section aria-labelledby="nieuw">
          <h2 id="nieuw">{ctx.t('caseItems.planning.new')}</h2>
          <FormFrame ctx={ctx} action={`${base(caseId)}/planning`} form={form} submit="caseItems.planning.save">
            <fieldset class="app-question" id="soort">
              <legend class="app-question__legend">{ctx.t('caseItems.planning.kind')}</legend>
              <RadioItems
                name="soort"
                chosen={form.values['soort'] ?? 'afspraak'}
                choices={kindFieldValues.map((value) => ({
                  value,
                  label: ctx.t(value === 'afspraak' ? 'caseItems.planning.appointment' : 'caseItems.planning.step'),
                }))}
              />
            </fieldset>
            <TextArea
              ctx={ctx}
              name="wat"
              label={ctx.t('caseItems.planning.what')}
              hint={ctx.t('caseItems.planning.what.hint')}
              form={form.values}
              problem={problemOf(form.problems, 'wat')}
              max={ITEM_TEXT_MAX}
            />
            <Input
              ctx={ctx}
              name="datum"
              type="date"
              label={ctx.t('caseItems.planning.date')}
              hint={ctx.t('caseItems.form.date.hint')}
              form={form.values}
              problem={problemOf(form.problems, 'datum')}
            />
            <Input
              ctx={ctx}
              name="tijd"
              type="time"
              label={ctx.t('caseItems.planning.time')}
              hint={ctx.t('caseItems.planning.time.hint')}
              form={form.values}
              problem={problemOf(form.problems, 'tijd')}
            />
            <WhoField ctx={ctx} form={form} members={[]} withMembers={false} />
            <AudienceField ctx={ctx} form={form} abilities={abilities} />
          </FormFrame>
        </section>
      )}
    </Page>
  );
}

export function MessagesPage({
  ctx,
  caseId,
  abilities,
  channel,
  messages,
  form,
}: ItemPageProps & {
  channel: ItemCompartment;
  messages: readonly MessageView[];
  form: FormState;
}) {
  const professionals = channel === 'professionals';
  const action = professionals ? `${base(caseId)}/berichten/professionals` : `${base(caseId)}/berichten`;
  const mayPost = professionals ? abilities.postProfessionalMessage : abilities.postMessage;
  return (
    <Page
      ctx={ctx}
      caseId={caseId}
      abilities={abilities}
      title={ctx.t(professionals ? 'caseItems.messages.professionalsTitle' : 'caseItems.messages.title')}
    >
      <p>{ctx.t(professionals ? 'caseItems.messages.professionalsIntro' : 'caseItems.messages.intro')}</p>
      {messages.length === 0 ? (
        <p>{ctx.t('caseItems.messages.empty')}</p>
      ) : (
        <ol class="app-page-list" data-messages>
          {messages.map((message) => (
            <li key={message.id}>
              <p class="app-hint">
                {ctx.t('caseItems.messages.by', {
                  who: message.mine ? ctx.t('caseItems.you') : roleOrSomeone(ctx, message.byRole),
                  moment: moment(ctx, message.at),
                })}
              </p>
              <Text ctx={ctx} text={message.text} />
            </li>
          ))}
        </ol>
      )}
      {mayPost && (
        <FormFrame ctx={ctx} action={action} form={form} submit="caseItems.messages.send">
          <TextArea
            ctx={ctx}
            name="bericht"
            label={ctx.t('caseItems.messages.label')}
            hint={ctx.t('caseItems.messages.hint', { max: MESSAGE_MAX })}
            form={form.values}
            problem={problemOf(form.problems, 'bericht')}
            max={MESSAGE_MAX}
          />
        </FormFrame>
      )}
    </Page>
  );
}

export function PathwayItemsPage({
  ctx,
  caseId,
  abilities,
  pathway,
  state,
}: ItemPageProps & {
  pathway: Pathway;
  state: PathwayState;
}) {
  const words = pathwayWords(ctx, pathway);
  return (
    <Page ctx={ctx} caseId={caseId} abilities={abilities} title={ctx.t('caseItems.pathway.title')}>
      <p>{ctx.t('caseItems.pathway.intro')}</p>
      <PathwayTracks
        ctx={ctx}
        pathway={pathway}
        state={state}
        level={2}
        {...(abilities.moveStep
          ? {
              actions: (track: PathwayTrack) => (
                <p>
                  <a href={`${base(caseId)}/traject/${track.id}`}>
                    {withPathwayTexts(ctx.t, 'caseItems.pathway.moveIn', { track: words.of(track.title) }, words)}
                  </a>
                </p>
              ),
            }
          : {})}
      />
    </Page>
  );
}

/** The form that moves one track: a step it may go to (or back to), or finished, with a note. */
export function StepMovePage({
  ctx,
  caseId,
  abilities,
  pathway,
  track,
  moves,
  started,
  form,
}: ItemPageProps & {
  /** The version the track is of (its languages decide the texts' language, ADR 0056). */
  pathway: Pathway;
  track: PathwayTrack;
  moves: readonly PathwayStep[];
  started: boolean;
  form: FormState;
}) {
  const chosen = form.values['stap'];
  const words = pathwayWords(ctx, pathway);
  return (
    <Page
      ctx={ctx}
      caseId={caseId}
      abilities={abilities}
      title={ctx.t('caseItems.pathway.moveIn', { track: words.of(track.title) })}
    >
      <FormFrame ctx={ctx} action={`${base(caseId)}/traject`} form={form} submit="caseItems.pathway.move">
        <input type="hidden" name="traject" value={track.id} />
        <SelectField
          ctx={ctx}
          name="stap"
          label={ctx.t('caseItems.pathway.step')}
          problem={problemOf(form.problems, 'stap')}
        >
          {moves.map((step) => (
            <option key={step.id} value={step.id} selected={chosen === step.id} {...words.attributes}>
              {words.of(step.title)}
            </option>
          ))}
          {track.steps
            .filter((step) => !moves.includes(step))
            .map((step) => (
              <option key={step.id} value={step.id} selected={chosen === step.id}>
                {ctx.t('caseItems.pathway.otherStep', { step: words.of(step.title) })}
              </option>
            ))}
          {started && (
            <option value={FINISHED_STEP} selected={chosen === FINISHED_STEP}>
              {ctx.t('caseItems.pathway.finish')}
            </option>
          )}
        </SelectField>
        <TextArea
          ctx={ctx}
          name="notitie"
          label={ctx.t('caseItems.pathway.note')}
          hint={ctx.t('caseItems.pathway.note.hint', { max: NOTE_MAX })}
          form={form.values}
          problem={problemOf(form.problems, 'notitie')}
          rows={3}
          max={NOTE_MAX}
        />
        <AudienceField ctx={ctx} form={form} abilities={abilities} />
      </FormFrame>
    </Page>
  );
}

/** The timeline's sentence for each event kind (also the case summary PDF's, case-summary.pdf.ts). */
export const eventKeys: Record<string, MessageKey> = {
  'agreement.made': 'caseItems.event.agreementMade',
  'agreement.changed': 'caseItems.event.agreementChanged',
  'agreement.done': 'caseItems.event.agreementDone',
  'agreement.dropped': 'caseItems.event.agreementDropped',
  'agreement.reopened': 'caseItems.event.agreementReopened',
  'agreement.due': 'caseItems.event.agreementDue',
  'meeting.recorded': 'caseItems.event.meetingRecorded',
  'appointment.planned': 'caseItems.event.appointmentPlanned',
  'next-step.planned': 'caseItems.event.nextStepPlanned',
  'message.posted': 'caseItems.event.messagePosted',
  'step.moved': 'caseItems.event.stepMoved',
  'track.finished': 'caseItems.event.trackFinished',
  'case.started': 'caseItems.event.caseStarted',
  'member.invited': 'caseItems.event.memberInvited',
  'member.joined': 'caseItems.event.memberJoined',
  'member.confirmed': 'caseItems.event.memberConfirmed',
  'member.removed': 'caseItems.event.memberRemoved',
  'member.left': 'caseItems.event.memberLeft',
  'member.suspension-proposed': 'caseItems.event.suspensionProposed',
  'member.suspended': 'caseItems.event.memberSuspended',
  'invitation.withdrawn': 'caseItems.event.invitationWithdrawn',
  'mandate.started': 'caseItems.event.mandateStarted',
  'mandate.ended': 'caseItems.event.mandateEnded',
  'risk.proposed': 'caseItems.event.riskProposed',
  'risk.confirmed': 'caseItems.event.riskConfirmed',
  'entries.shared': 'caseItems.event.entriesShared',
  'entries.unshared': 'caseItems.event.entriesUnshared',
  'export.summary': 'caseExports.event.summary',
  'export.police-bundle': 'caseExports.event.policeBundle',
  'export.own-copy': 'caseExports.event.ownCopy',
  'case.closed': 'caseClosing.event.closed',
  'case.deletion-soon': 'caseClosing.event.deletionSoon',
};

function ItemDetails({ ctx, item, pathways }: { ctx: PageContext; item: TimelineItem; pathways: PathwayRegistry }) {
  switch (item.type) {
    case 'agreement':
      return (
        <>
          <Text ctx={ctx} text={item.text} />
          <p class="app-hint">
            {ctx.t(statusKeys[item.status])}
            {item.dueOn !== null && <> · {ctx.t('caseItems.due', { day: day(ctx, item.dueOn) })}</>}
          </p>
        </>
      );
    case 'meeting':
      return (
        <>
          <p class="app-hint">
            {ctx.t('caseItems.meeting.held', { day: day(ctx, item.heldOn) })} ·{' '}
            {ctx.t(
              item.parentTookPart
                ? 'caseItems.meeting.parentWasThere'
                : item.parentInvited
                  ? 'caseItems.meeting.parentInvitedNotThere'
                  : 'caseItems.meeting.parentNotInvited',
            )}
            {item.rolesPresent.length > 0 && (
              <>
                {' '}
                ·{' '}
                {ctx.t('caseItems.meeting.rolesPresent', {
                  roles: item.rolesPresent.map((role) => roleLabel(ctx.t, role)).join(', '),
                })}
              </>
            )}
          </p>
          <Text ctx={ctx} text={item.text} />
        </>
      );
    case 'appointment':
      return (
        <>
          <p class="app-hint">
            {item.onDate !== null && day(ctx, item.onDate)}
            {item.atTime !== null && <> · {item.atTime}</>}
          </p>
          <Text ctx={ctx} text={item.text} />
        </>
      );
    case 'message':
      return <Text ctx={ctx} text={item.text} />;
    case 'step': {
      const pathway = pathways.version(item.pathwayVersion) ?? pathways.current;
      const track = findTrack(pathway, item.track);
      const step = item.step === '' ? undefined : findStep(pathway, item.step)?.step;
      const words = pathwayWords(ctx, pathway);
      return (
        <>
          <p class="app-hint">
            {track === undefined ? item.track : <PathwayText words={words} text={words.of(track.title)} />}
            {step !== undefined && (
              <>
                {' · '}
                <PathwayText words={words} text={words.of(step.title)} />
              </>
            )}
          </p>
          <Text ctx={ctx} text={item.text} />
        </>
      );
    }
  }
}

export function TimelinePage({
  ctx,
  caseId,
  abilities,
  entries,
  next,
  first,
  pathways,
}: ItemPageProps & {
  entries: readonly TimelineEntry[];
  next: string | undefined;
  first: boolean;
  pathways: PathwayRegistry;
}) {
  return (
    <Page ctx={ctx} caseId={caseId} abilities={abilities} title={ctx.t('caseItems.timeline.title')}>
      <p>{ctx.t('caseItems.timeline.intro')}</p>
      {entries.length === 0 ? (
        <p>{ctx.t('caseItems.timeline.empty')}</p>
      ) : (
        <ol class="app-page-list" data-timeline>
          {entries.map((entry) => (
            <li key={entry.seq} data-event={entry.kind}>
              <p>
                <strong>
                  {ctx.t(eventKeys[entry.kind] ?? 'caseItems.event.other', {
                    who: roleOrSomeone(ctx, entry.actorRole),
                    subject: roleOrSomeone(ctx, entry.subjectRole),
                  })}
                </strong>{' '}
                <span class="app-hint">{moment(ctx, entry.at)}</span>{' '}
                <ProfessionalsOnly ctx={ctx} shown={entry.professionalsOnly} />
              </p>
              {entry.item !== undefined && <ItemDetails ctx={ctx} item={entry.item} pathways={pathways} />}
            </li>
          ))}
        </ol>
      )}
      <nav class="app-pagination" aria-label={ctx.t('caseItems.timeline.pages')}>
        {!first && <a href={`${base(caseId)}/tijdlijn`}>{ctx.t('caseItems.timeline.newest')}</a>}{' '}
        {next !== undefined && (
          <a href={`${base(caseId)}/tijdlijn?na=${encodeURIComponent(next)}`} rel="next">
            {ctx.t('caseItems.timeline.older')}
          </a>
        )}
      </nav>
    </Page>
  );
}
