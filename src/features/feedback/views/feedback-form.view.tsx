import { CsrfField } from '../../../shared/views/components/csrf-field.js';
import { ErrorSummary } from '../../../shared/views/components/error-summary.js';
import { type FormState, blankForm, problemOf, TextArea } from '../../../shared/views/components/fields.js';
import { emergencyNumbers, PhoneLink } from '../../../shared/views/components/phone-link.js';
import type { PageContext } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import type { FeedbackSection } from '../feedback.repo.js';
import { maxTextLength } from '../feedback.schema.js';

/** Where a page of a section lives, and where its "what was missing?" form posts. */
export const pagePath = (section: FeedbackSection, slug: string): string => `/${section}/${slug}`;
export const textPath = (section: FeedbackSection, slug: string): string => `${pagePath(section, slug)}/wat-miste-je`;

function HelpNow({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <p class="app-hint">
      {t('feedback.form.helpNow')} <a href="/nu">{t('feedback.form.helpNowLink')}</a> {t('feedback.form.veiligThuis')}{' '}
      <PhoneLink number={emergencyNumbers.veiligThuis} />.
    </p>
  );
}

/**
 * The "what was missing?" form, without JavaScript: a text area (at most 1,000 characters), the warning not to
 * write anything that identifies a child or a family, who reads it (the editors; no answer) and where to get help
 * now. Information pages show it after "was this useful?"; knowledge articles can include it the same way
 * (`<MissingTextForm ctx={ctx} section="kennisbank" slug={article.slug} />`).
 */
export function MissingTextForm({
  ctx,
  section,
  slug,
  form = blankForm,
  headingLevel = 2,
}: {
  ctx: PageContext;
  section: FeedbackSection;
  slug: string;
  form?: FormState;
  headingLevel?: 1 | 2;
}) {
  const { t } = ctx;
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  return (
    <form id="wat-miste-je" method="post" action={textPath(section, slug)}>
      <CsrfField ctx={ctx} />
      <Heading>{t('feedback.form.title')}</Heading>
      <div class="app-callout">
        <p>
          <strong>{t('feedback.form.warning')}</strong>
        </p>
      </div>
      <p>{t('feedback.form.whoReads')}</p>
      <TextArea
        ctx={ctx}
        name="tekst"
        label={t('feedback.form.label')}
        hint={t('feedback.form.hint')}
        form={form.values}
        problem={problemOf(form.problems, 'tekst')}
        rows={5}
        max={maxTextLength}
      />
      <button class="app-button app-button--secondary" type="submit">
        {t('feedback.form.submit')}
      </button>
      <HelpNow ctx={ctx} />
    </form>
  );
}

export const votePath = (slug: string): string => `/kennisbank/${slug}/nuttig`;

/**
 * "Was this useful?" under a knowledge article, without JavaScript: Yes or No posts to /kennisbank/:slug/nuttig
 * (counted with the information pages' answers, per page, language and day), which leads to the "what was
 * missing?" page. The knowledge article view includes it: `<ArticleFeedback ctx={ctx} slug={slug} />`.
 */
export function ArticleFeedback({ ctx, slug, invalid = false }: { ctx: PageContext; slug: string; invalid?: boolean }) {
  return <VoteForm ctx={ctx} action={votePath(slug)} invalid={invalid} />;
}

/**
 * The "was this useful?" form itself (Yes or No as `helpful=ja|nee`, posted to `action`), with the refusal when
 * `invalid`: under a knowledge article (ArticleFeedback) and under an information page (its own action).
 */
export function VoteForm({ ctx, action, invalid }: { ctx: PageContext; action: string; invalid: boolean }) {
  const { t } = ctx;
  return (
    <form class="app-feedback" id="feedback" method="post" action={action}>
      <CsrfField ctx={ctx} />
      <fieldset class="app-feedback__fieldset">
        <legend class="app-feedback__question">{t('info.feedback.question')}</legend>
        {invalid && (
          <p class="app-error-message" role="alert">
            {t('info.feedback.invalid')}
          </p>
        )}
        <button class="app-button app-button--secondary" type="submit" name="helpful" value="ja">
          {t('info.feedback.yes')}
        </button>{' '}
        <button class="app-button app-button--secondary" type="submit" name="helpful" value="nee">
          {t('info.feedback.no')}
        </button>
      </fieldset>
      <p class="app-hint">{t('info.feedback.privacy')}</p>
    </form>
  );
}

/** A vote that was neither Yes nor No: the question again, with what to do (400). */
export function ArticleVotePage({ ctx, page }: { ctx: PageContext; page: { slug: string; title: string } }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('info.feedback.question')}>
      <h1>{page.title}</h1>
      <ArticleFeedback ctx={ctx} slug={page.slug} invalid />
      <p>
        <a href={pagePath('kennisbank', page.slug)}>{t('feedback.form.back', { title: page.title })}</a>
      </p>
    </Layout>
  );
}

/** The form on a page of its own: shown again with its problem (400), or the thanks after sending it. */
export function FeedbackTextPage({
  ctx,
  section,
  page,
  state,
}: {
  ctx: PageContext;
  section: FeedbackSection;
  page: { slug: string; title: string };
  /** The form (after a vote: `answered`, which thanks for it first), or the thanks for a sent text. */
  state: { kind: 'form'; form: FormState; answered?: boolean } | { kind: 'sent' };
}) {
  const { t } = ctx;
  const back = (
    <p>
      <a href={pagePath(section, page.slug)}>{t('feedback.form.back', { title: page.title })}</a>
    </p>
  );
  if (state.kind === 'sent') {
    return (
      <Layout ctx={ctx} title={t('feedback.sent.title')}>
        <h1>{t('feedback.sent.title')}</h1>
        <p role="status">{t('feedback.sent.text')}</p>
        <HelpNow ctx={ctx} />
        {back}
      </Layout>
    );
  }
  return (
    <Layout ctx={ctx} title={t('feedback.form.title')}>
      <ErrorSummary ctx={ctx} problems={state.form.problems} />
      {state.answered === true && (
        <p class="app-callout app-callout--info" role="status">
          {t('info.feedback.thanks')}
        </p>
      )}
      <MissingTextForm ctx={ctx} section={section} slug={page.slug} form={state.form} headingLevel={1} />
      {back}
    </Layout>
  );
}
