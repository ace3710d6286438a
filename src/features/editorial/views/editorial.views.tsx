import { diffWords } from 'diff';
import type { ComponentChildren, VNode } from 'preact';
import type { PageContext } from '../../../shared/views/context.js';
import { ActionForm } from '../../../shared/views/components/action-form.js';
import { CsrfField } from '../../../shared/views/components/csrf-field.js';
import { Select } from '../../../shared/views/components/fields.js';
import { Layout } from '../../../shared/views/layout.js';
import type { MessageKey } from '../../../shared/i18n/i18n.js';
import type { DocumentListing, OpenRevision, Revision } from '../editorial.repo.js';
import type { DocumentView } from '../editorial.service.js';
import { type DocumentKind, importAuthor, type RevisionState } from '../editorial.types.js';

/*
 * The CMS pages (/beheer, ADR 0033). Every form works without JavaScript; the live preview (app-live-preview in
 * src/assets/app.js) only adds to the no-JS preview button.
 */

const kindKey = (kind: DocumentKind): MessageKey => `editorial.kind.${kind}` as MessageKey;
const stateKey = (state: RevisionState): MessageKey => `editorial.state.${state}` as MessageKey;
export const documentUrl = (id: string) => `/beheer/inhoud/${encodeURIComponent(id)}`;

function Problems({ ctx, title, problems }: { ctx: PageContext; title: string; problems: readonly string[] }) {
  if (problems.length === 0) return null;
  return (
    <div class="app-error-summary" data-module="app-error-summary" role="alert" tabindex={-1}>
      <h2 class="app-error-summary__title">{title}</h2>
      <ul class="app-error-summary__list">
        {problems.map((problem, index) => (
          <li key={index}>{problem}</li>
        ))}
      </ul>
      <span class="app-visually-hidden">{ctx.t('error.title')}</span>
    </div>
  );
}

/** Usernames by account id (the CMS shows people by their username, never an id or an address). */
export type Names = ReadonlyMap<string, string>;
const noNames: Names = new Map();

/** The account ids a page names: authors, contributors and reviewers (not the import). */
export const peopleOf = (
  revisions: readonly { authorId: string; reviewerId?: string | null; contributorIds?: readonly string[] }[],
): string[] =>
  revisions
    .flatMap((revision) => [revision.authorId, ...(revision.contributorIds ?? []), revision.reviewerId ?? importAuthor])
    .filter((id) => id !== importAuthor);

const authorText = (ctx: PageContext, authorId: string, me: string | undefined, names: Names) => {
  if (authorId === importAuthor) return ctx.t('editorial.document.byImport');
  if (authorId === me) return ctx.t('editorial.document.byYou');
  const name = names.get(authorId);
  return name === undefined ? ctx.t('editorial.document.byGone') : ctx.t('editorial.document.by', { author: name });
};

const reviewerText = (ctx: PageContext, reviewerId: string, names: Names) => {
  const name = names.get(reviewerId);
  return name === undefined
    ? ctx.t('editorial.document.reviewedByGone')
    : ctx.t('editorial.document.reviewedBy', { reviewer: name });
};

function OpenList({
  ctx,
  items,
  me,
  names,
}: {
  ctx: PageContext;
  items: readonly OpenRevision[];
  me: string | undefined;
  names: Names;
}) {
  if (items.length === 0) return <p>{ctx.t('editorial.dashboard.none')}</p>;
  return (
    <ul>
      {items.map((item) => (
        <li
          key={`${item.document.id}#${item.number}`}
          data-open-revision={`${item.document.kind}:${item.document.key}`}
        >
          <a
            href={
              item.state === 'in_review' ? `${documentUrl(item.document.id)}/beoordelen` : documentUrl(item.document.id)
            }
          >
            {item.document.title}
          </a>{' '}
          ({ctx.t(kindKey(item.document.kind))}, {ctx.t('editorial.document.revision', { number: item.number })},{' '}
          {authorText(ctx, item.authorId, me, names)})
        </li>
      ))}
    </ul>
  );
}

/** What waits, as the dashboard counts it for this person. */
export interface DashboardCounts {
  /** Revisions in review this person may publish (not their own). */
  review: number;
  drafts: number;
  /** Readers' feedback texts waiting for an editor. */
  feedback: number;
  /** Organisations not checked for 6 months (or never). */
  organisations: number;
  /** Parents' survey texts waiting for a reviewer (ADR 0047); undefined for someone who may not review them. */
  survey?: number | undefined;
}

export function DashboardPage({
  ctx,
  kinds,
  inReview,
  drafts,
  me,
  isAdmin,
  notice,
  names = noNames,
  counts,
}: {
  ctx: PageContext;
  kinds: readonly DocumentKind[];
  inReview: readonly OpenRevision[];
  drafts: readonly OpenRevision[];
  me: string | undefined;
  isAdmin: boolean;
  notice?: string | undefined;
  names?: Names;
  counts: DashboardCounts;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('editorial.dashboard.title')}>
      {notice !== undefined && (
        <p class="app-notice" role="status">
          {notice}
        </p>
      )}
      <h1>{t('editorial.dashboard.title')}</h1>
      <p class="app-lead">{t('editorial.dashboard.intro')}</p>
      <h2>{t('editorial.dashboard.counts')}</h2>
      <ul data-dashboard-counts>
        <li data-count="review">{t('editorial.dashboard.count.review', { count: counts.review })}</li>
        <li data-count="drafts">{t('editorial.dashboard.count.drafts', { count: counts.drafts })}</li>
        <li data-count="feedback">
          <a href="/beheer/feedback">{t('editorial.dashboard.count.feedback', { count: counts.feedback })}</a>
        </li>
        <li data-count="organisations">
          <a href="/beheer/organisaties/controle">
            {t('editorial.dashboard.count.organisations', { count: counts.organisations })}
          </a>
        </li>
        {counts.survey !== undefined && (
          <li data-count="survey">
            <a href="/beheer/vragenlijst">{t('survey.admin.waiting', { count: counts.survey })}</a>
          </li>
        )}
      </ul>
      <h2>{t('editorial.dashboard.inReview')}</h2>
      <OpenList ctx={ctx} items={inReview} me={me} names={names} />
      <h2>{t('editorial.dashboard.drafts')}</h2>
      <OpenList ctx={ctx} items={drafts} me={me} names={names} />
      <h2>{t('editorial.dashboard.content')}</h2>
      <ul>
        {kinds.map((kind) => (
          <li key={kind}>
            <a href={`/beheer/inhoud?soort=${kind}`}>{t(kindKey(kind))}</a>
          </li>
        ))}
        <li>
          <a href="/beheer/feedback">{t('editorial.dashboard.feedback')}</a>
        </li>
        <li>
          <a href="/beheer/organisaties/controle">{t('editorial.dashboard.organisationsCheck')}</a>
        </li>
      </ul>
      {isAdmin && (
        <section aria-labelledby="admin-only">
          <h2 id="admin-only">{t('editorial.dashboard.adminOnly')}</h2>
          <ul>
            <li>
              <a href="/beheer/verificatie">{t('editorial.dashboard.verification')}</a>
            </li>
            <li>
              <a href="/beheer/redactie">{t('editorial.dashboard.accounts')}</a>
            </li>
            <li>
              <a href="/beheer/inzichten">{t('orgInsights.all.title')}</a>
            </li>
          </ul>
        </section>
      )}
    </Layout>
  );
}

export function DocumentsPage({
  ctx,
  kind,
  listings,
}: {
  ctx: PageContext;
  kind: DocumentKind | undefined;
  listings: readonly DocumentListing[];
}) {
  const { t } = ctx;
  const title = kind === undefined ? t('editorial.documents.title') : t(kindKey(kind));
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href="/beheer">{t('editorial.dashboard.title')}</a>
      </p>
      <h1>{title}</h1>
      {kind !== undefined && (
        <p>
          <a class="app-button" href={`/beheer/inhoud/nieuw?soort=${kind}`}>
            {t('editorial.documents.new')}
          </a>
        </p>
      )}
      {listings.length === 0 ? (
        <p>{t('editorial.documents.empty')}</p>
      ) : (
        <table class="app-table">
          <thead>
            <tr>
              <th scope="col">{t('editorial.documents.document')}</th>
              <th scope="col">{t('editorial.documents.published')}</th>
              <th scope="col">{t('editorial.documents.open')}</th>
            </tr>
          </thead>
          <tbody>
            {listings.map(({ document, publishedNumber, open }) => (
              <tr key={document.id} data-document={`${document.kind}:${document.key}`}>
                <td>
                  <a href={documentUrl(document.id)}>{document.title}</a>
                  <br />
                  <code>{document.key}</code>
                </td>
                <td>
                  {publishedNumber === null
                    ? t('editorial.documents.notYet')
                    : t('editorial.documents.version', { number: publishedNumber })}
                </td>
                <td>
                  {open === undefined
                    ? '—'
                    : `${t(stateKey(open.state))} (${t('editorial.documents.version', { number: open.number })})`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

export function NewDocumentPage({
  ctx,
  kinds,
  kind,
  key,
  problems,
}: {
  ctx: PageContext;
  kinds: readonly DocumentKind[];
  kind: string;
  key: string;
  problems: readonly string[];
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('editorial.new.title')}>
      <Problems ctx={ctx} title={t('error.title')} problems={problems} />
      <h1>{t('editorial.new.title')}</h1>
      <form method="post" action="/beheer/inhoud" class="app-form">
        <CsrfField ctx={ctx} />
        <Select
          name="soort"
          label={t('editorial.documents.document')}
          options={kinds.map((option) => ({ value: option, label: t(kindKey(option)) }))}
          selected={kind}
        />
        <div class="app-field">
          <label class="app-label" for="sleutel">
            {t('editorial.new.key')}
          </label>
          <p class="app-hint" id="sleutel-hint">
            {t('editorial.new.keyHint')}
          </p>
          <input
            class="app-input"
            id="sleutel"
            name="sleutel"
            value={key}
            maxLength={120}
            aria-describedby="sleutel-hint"
            autocomplete="off"
            spellcheck={false}
          />
        </div>
        <button class="app-button" type="submit">
          {t('editorial.new.submit')}
        </button>
      </form>
    </Layout>
  );
}

function RevisionLine({
  ctx,
  revision,
  me,
  names,
}: {
  ctx: PageContext;
  revision: Revision;
  me: string | undefined;
  names: Names;
}) {
  const { t } = ctx;
  return (
    <>
      <strong>{t('editorial.document.revision', { number: revision.number })}</strong>: {t(stateKey(revision.state))},{' '}
      {authorText(ctx, revision.authorId, me, names)},{' '}
      {revision.reviewerId !== null && <>{reviewerText(ctx, revision.reviewerId, names)}, </>}
      <time dateTime={revision.updatedAt}>{revision.updatedAt.slice(0, 16).replace('T', ' ')}</time>
      {revision.note !== '' && (
        <p>
          {t('editorial.document.note')}: {revision.note}
        </p>
      )}
      {revision.reviewNote !== null && revision.reviewNote !== '' && (
        <p>
          {t('editorial.document.reviewNote')}: {revision.reviewNote}
        </p>
      )}
    </>
  );
}

export interface DocumentAbilities {
  startDraft: boolean;
  edit: boolean;
  submit: boolean;
  publish: boolean;
  sendBack: boolean;
  withdraw: boolean;
  rollback: (revision: Revision) => boolean;
}

export function DocumentPage({
  ctx,
  view,
  may,
  me,
  notice,
  names = noNames,
}: {
  ctx: PageContext;
  view: DocumentView;
  may: DocumentAbilities;
  me: string | undefined;
  notice?: string | undefined;
  names?: Names;
}) {
  const { t } = ctx;
  const url = documentUrl(view.document.id);
  const reviewable = view.open?.state === 'in_review';
  return (
    <Layout ctx={ctx} title={view.document.title}>
      <p>
        <a href={`/beheer/inhoud?soort=${view.document.kind}`}>{t(kindKey(view.document.kind))}</a>
      </p>
      {notice !== undefined && (
        <p class="app-notice" role="status">
          {notice}
        </p>
      )}
      <h1>{view.document.title}</h1>
      <p>
        <code>{view.document.key}</code>
      </p>
      <h2>{t('editorial.document.actions')}</h2>
      <div class="app-actions">
        {may.edit && (
          <a class="app-button" href={`${url}/bewerken`}>
            {t('editorial.document.edit')}
          </a>
        )}
        {may.submit && <ActionForm ctx={ctx} action={`${url}/indienen`} label={t('editorial.document.submit')} />}
        {reviewable && (
          <a class="app-button" href={`${url}/beoordelen`}>
            {t('editorial.document.review')}
          </a>
        )}
        {may.startDraft && (
          <ActionForm ctx={ctx} action={`${url}/nieuw-concept`} label={t('editorial.document.startDraft')} />
        )}
        {may.withdraw && (
          <ActionForm ctx={ctx} action={`${url}/intrekken`} label={t('editorial.document.withdraw')} look="secondary" />
        )}
        {!may.edit && !may.submit && !reviewable && !may.startDraft && !may.withdraw && (
          <p>{t('editorial.document.nothingToDo')}</p>
        )}
      </div>
      <h2>{t('editorial.document.history')}</h2>
      <ol reversed class="app-history">
        {[...view.revisions].reverse().map((revision) => (
          <li key={revision.id} data-revision={revision.number} data-state={revision.state}>
            <RevisionLine ctx={ctx} revision={revision} me={me} names={names} />
            {may.rollback(revision) && (
              <form method="post" action={`${url}/terugzetten`} class="app-inline-form">
                <CsrfField ctx={ctx} />
                <input type="hidden" name="revision" value={String(revision.number)} />
                <button class="app-button app-button--secondary" type="submit">
                  {t('editorial.document.rollback')}
                </button>
                <span class="app-hint"> {t('editorial.document.rollbackHint')}</span>
              </form>
            )}
          </li>
        ))}
      </ol>
    </Layout>
  );
}

/** The draft form: the core's fields (CSRF, edit number, note, buttons) around the kind's own fields. */
export function EditPage({
  ctx,
  view,
  text,
  note,
  editNumber,
  problems,
  preview,
  notice,
  posted,
}: {
  ctx: PageContext;
  view: DocumentView;
  text: string;
  note: string;
  editNumber: number;
  problems: readonly string[];
  preview: VNode | undefined;
  notice?: string | undefined;
  /** The kind's fields as posted, when they were refused: shown instead of the draft's (nothing lost). */
  posted?: Readonly<Record<string, string>> | undefined;
}) {
  const { t } = ctx;
  const url = documentUrl(view.document.id);
  const Form = (props: Parameters<DocumentView['kind']['Form']>[0]) => view.kind.Form(props);
  return (
    <Layout ctx={ctx} title={t('editorial.edit.title', { title: view.document.title })}>
      <p>
        <a href={url}>{t('editorial.edit.back')}</a>
      </p>
      {notice !== undefined && (
        <p class="app-notice" role="status">
          {notice}
        </p>
      )}
      <Problems ctx={ctx} title={t('editorial.edit.problems')} problems={problems} />
      <h1>{t('editorial.edit.title', { title: view.document.title })}</h1>
      <p class="app-hint">{t('editorial.edit.editNumber', { number: editNumber })}</p>
      <div class="app-editor">
        <form
          method="post"
          action={`${url}/bewerken`}
          class="app-form"
          data-module="app-live-preview"
          data-preview-url={`${url}/voorbeeld`}
          data-preview-target="editorial-preview"
        >
          <CsrfField ctx={ctx} />
          <input type="hidden" name="_edit" value={String(editNumber)} />
          <Form ctx={ctx} text={text} documentKey={view.document.key} {...(posted === undefined ? {} : { posted })} />
          <div class="app-field">
            <label class="app-label" for="_note">
              {t('editorial.document.note')}
            </label>
            <textarea class="app-textarea" id="_note" name="_note" rows={3} maxLength={2000}>
              {note}
            </textarea>
          </div>
          <div class="app-actions">
            <button class="app-button" type="submit" name="_action" value="save">
              {t('editorial.edit.save')}
            </button>
            <button class="app-button app-button--secondary" type="submit" name="_action" value="preview">
              {t('editorial.edit.preview')}
            </button>
          </div>
        </form>
        <section id="editorial-preview" class="app-preview" aria-live="polite" aria-labelledby="preview-title">
          <h2 id="preview-title">{t('editorial.edit.previewTitle')}</h2>
          <p class="app-hint">{t('editorial.edit.previewHint')}</p>
          <div data-preview-body>{preview}</div>
        </section>
      </div>
    </Layout>
  );
}

/** The preview fragment (the live preview's answer, and the no-JS preview's content). */
export function PreviewFragment({
  ctx,
  children,
  problems,
}: {
  ctx: PageContext;
  children?: ComponentChildren;
  problems: readonly string[];
}) {
  return (
    <div data-preview-fragment>
      <Problems ctx={ctx} title={ctx.t('editorial.edit.problems')} problems={problems} />
      {children}
    </div>
  );
}

export function ConflictPage({
  ctx,
  view,
  theirs,
  yours,
}: {
  ctx: PageContext;
  view: DocumentView;
  theirs: { text: string; note: string; editNumber: number };
  yours: { text: string; note: string };
}) {
  const { t } = ctx;
  const url = documentUrl(view.document.id);
  const Form = (props: Parameters<DocumentView['kind']['Form']>[0]) => view.kind.Form(props);
  return (
    <Layout ctx={ctx} title={t('editorial.conflict.title')}>
      <div class="app-error-summary" role="alert" tabindex={-1} data-module="app-error-summary">
        <h1 class="app-error-summary__title">{t('editorial.conflict.title')}</h1>
        <p>{t('editorial.conflict.text')}</p>
      </div>
      <h2>{t('editorial.conflict.theirs', { number: theirs.editNumber })}</h2>
      <pre class="app-pre" data-conflict="theirs">
        {theirs.text}
      </pre>
      {theirs.note !== '' && (
        <p>
          {t('editorial.document.note')}: {theirs.note}
        </p>
      )}
      <h2>{t('editorial.conflict.yours')}</h2>
      <p>{t('editorial.conflict.yoursHint')}</p>
      <form method="post" action={`${url}/bewerken`} class="app-form" data-conflict="yours">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="_edit" value={String(theirs.editNumber)} />
        <Form ctx={ctx} text={yours.text} documentKey={view.document.key} />
        <div class="app-field">
          <label class="app-label" for="_note">
            {t('editorial.document.note')}
          </label>
          <textarea class="app-textarea" id="_note" name="_note" rows={3} maxLength={2000}>
            {yours.note}
          </textarea>
        </div>
        <button class="app-button" type="submit" name="_action" value="save">
          {t('editorial.conflict.saveAgain')}
        </button>
      </form>
    </Layout>
  );
}

/** One field's change in words: removed words in <del>, added in <ins>, each announced to screen readers. */
export function WordDiff({ ctx, before, after }: { ctx: PageContext; before: string; after: string }) {
  const { t } = ctx;
  if (before === after) return <p class="app-hint">{t('editorial.review.unchanged')}</p>;
  return (
    <p class="app-diff">
      {diffWords(before, after).map((part, index) =>
        part.added ? (
          <ins key={index}>
            <span class="app-visually-hidden">[{t('editorial.review.added')} </span>
            {part.value}
            <span class="app-visually-hidden">]</span>
          </ins>
        ) : part.removed ? (
          <del key={index}>
            <span class="app-visually-hidden">[{t('editorial.review.removed')} </span>
            {part.value}
            <span class="app-visually-hidden">]</span>
          </del>
        ) : (
          <span key={index}>{part.value}</span>
        ),
      )}
    </p>
  );
}

export function ReviewPage({
  ctx,
  view,
  fields,
  problems,
  mayPublish,
  maySendBack,
  ownChange,
  contributed = false,
  me,
  names = noNames,
}: {
  ctx: PageContext;
  view: DocumentView;
  fields: readonly { label: string; before: string; after: string }[];
  problems: readonly string[];
  mayPublish: boolean;
  maySendBack: boolean;
  ownChange: boolean;
  /** The actor saved text into the change someone else made: they may not publish it either (four eyes). */
  contributed?: boolean;
  me?: string | undefined;
  names?: Names;
}) {
  const { t } = ctx;
  const url = documentUrl(view.document.id);
  const open = view.open;
  const contributors = (open?.contributorIds ?? [])
    .filter((id) => id !== open?.authorId && id !== importAuthor)
    .map((id) =>
      id === me ? t('editorial.review.contributorYou') : (names.get(id) ?? t('editorial.review.contributorGone')),
    );
  return (
    <Layout ctx={ctx} title={t('editorial.review.title', { title: view.document.title })}>
      <p>
        <a href={url}>{t('editorial.edit.back')}</a>
      </p>
      <h1>{t('editorial.review.title', { title: view.document.title })}</h1>
      {open !== undefined && (
        <p>
          {t('editorial.document.revision', { number: open.number })}: {t(stateKey(open.state))},{' '}
          {authorText(ctx, open.authorId, me, names)}
          {open.note !== '' && ` — ${t('editorial.document.note')}: ${open.note}`}
        </p>
      )}
      {contributors.length > 0 && (
        <p data-contributors>{t('editorial.review.contributors', { names: contributors.join(', ') })}</p>
      )}
      <Problems ctx={ctx} title={t('editorial.review.problems')} problems={problems} />
      <p>{view.published === undefined ? t('editorial.review.new') : t('editorial.review.intro')}</p>
      {fields.map((field, index) => (
        <section key={index} class="app-diff-field" data-field={field.label}>
          <h2>{field.label}</h2>
          <WordDiff ctx={ctx} before={field.before} after={field.after} />
        </section>
      ))}
      {ownChange && <p class="app-notice">{t('editorial.review.ownChange')}</p>}
      {contributed && <p class="app-notice">{t('editorial.review.contributed')}</p>}
      {(mayPublish || maySendBack) && (
        <form method="post" action={`${url}/publiceren`} class="app-form">
          <CsrfField ctx={ctx} />
          <div class="app-field">
            <label class="app-label" for="_note">
              {t('editorial.review.note')}
            </label>
            <textarea class="app-textarea" id="_note" name="_note" rows={3} maxLength={2000} />
          </div>
          <div class="app-actions">
            {mayPublish && problems.length === 0 && (
              <button class="app-button" type="submit">
                {t('editorial.review.publish')}
              </button>
            )}
            {maySendBack && (
              <button class="app-button app-button--secondary" type="submit" formAction={`${url}/terugsturen`}>
                {t('editorial.review.sendBack')}
              </button>
            )}
          </div>
        </form>
      )}
    </Layout>
  );
}

export function RefusalPage({
  ctx,
  reason,
  problems,
  documentId,
}: {
  ctx: PageContext;
  reason: MessageKey;
  problems: readonly string[];
  documentId: string | undefined;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('editorial.problem.title')}>
      <h1>{t('editorial.problem.title')}</h1>
      <p data-refusal>{t(reason)}</p>
      {problems.length > 0 && (
        <ul data-problems>
          {problems.map((problem, index) => (
            <li key={index}>{problem}</li>
          ))}
        </ul>
      )}
      <p>
        <a href={documentId === undefined ? '/beheer' : documentUrl(documentId)}>
          {documentId === undefined ? t('editorial.dashboard.title') : t('editorial.problem.back')}
        </a>
      </p>
    </Layout>
  );
}

export function EditorialAccountsPage({
  ctx,
  email,
  role,
  problem,
  notice,
}: {
  ctx: PageContext;
  email: string;
  role: string;
  problem: MessageKey | undefined;
  notice: MessageKey | undefined;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('editorial.accounts.title')}>
      <p>
        <a href="/beheer">{t('editorial.dashboard.title')}</a>
      </p>
      {notice !== undefined && (
        <p class="app-notice" role="status">
          {t(notice)}
        </p>
      )}
      {problem !== undefined && (
        <div class="app-error-summary" role="alert" tabindex={-1} data-module="app-error-summary">
          <h2 class="app-error-summary__title">{t('error.title')}</h2>
          <p>{t(problem)}</p>
        </div>
      )}
      <h1>{t('editorial.accounts.title')}</h1>
      <p class="app-lead">{t('editorial.accounts.intro')}</p>
      <form method="post" action="/beheer/redactie" class="app-form">
        <CsrfField ctx={ctx} />
        <div class="app-field">
          <label class="app-label" for="email">
            {t('editorial.accounts.email')}
          </label>
          <input
            class="app-input"
            id="email"
            name="email"
            type="email"
            value={email}
            maxLength={254}
            autocomplete="off"
          />
        </div>
        <fieldset class="app-fieldset">
          <legend>{t('editorial.accounts.role')}</legend>
          {(['editor', 'reviewer'] as const).map((option) => (
            <div key={option} class="app-radio">
              <input type="radio" id={`role-${option}`} name="role" value={option} checked={role === option} />
              <label for={`role-${option}`}>{t(`editorial.accounts.role.${option}`)}</label>
            </div>
          ))}
        </fieldset>
        <button class="app-button" type="submit">
          {t('editorial.accounts.send')}
        </button>
      </form>
    </Layout>
  );
}
