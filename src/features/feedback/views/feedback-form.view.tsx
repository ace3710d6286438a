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
  state: { kind: 'form'; form: FormState } | { kind: 'sent' };
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
      <MissingTextForm ctx={ctx} section={section} slug={page.slug} form={state.form} headingLevel={1} />
      {back}
    </Layout>
  );
}
