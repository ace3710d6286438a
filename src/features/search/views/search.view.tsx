import type { FormState } from '../../../shared/http/forms.js';
import { contentLanguageAttributes } from '../../../shared/views/content-language.js';
import { problemOf } from '../../../shared/http/forms.js';
import type { PageContext } from '../../../shared/views/context.js';
import { CsrfField } from '../../../shared/views/components/csrf-field.js';
import { ErrorSummary } from '../../../shared/views/components/error-summary.js';
import { Input } from '../../../shared/views/components/fields.js';
import { Layout } from '../../../shared/views/layout.js';
import type { SearchHit, SnippetPart } from '../search-index.js';

/** Where a hit is read: an information page or a knowledge article. */
export function hitUrl(hit: Pick<SearchHit, 'section' | 'slug'>): string {
  return hit.section === 'kennisbank' ? `/kennisbank/${hit.slug}` : `/informatie/${hit.slug}`;
}

/**
 * The snippet as text nodes and <mark> elements: every piece of page text is escaped by the renderer, and the
 * only markup is the <mark> this component adds (never raw HTML).
 */
export function Snippet({
  parts,
  language = {},
}: {
  parts: readonly SnippetPart[];
  language?: { lang?: string; dir?: 'ltr' | 'rtl' };
}) {
  return (
    <p class="app-search-results__snippet" {...language}>
      {parts.map((part, index) => (part.mark ? <mark key={index}>{part.text}</mark> : part.text))}
    </p>
  );
}

function Results({ ctx, hits }: { ctx: PageContext; hits: readonly SearchHit[] }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="search-results" class="app-search-results">
      <h2 id="search-results">{t('search.results.title')}</h2>
      <p role="status">{t('search.results.count', { count: hits.length })}</p>
      {hits.length === 0 ? (
        <p>
          {t('search.results.none')} <a href="/informatie">{t('search.results.allInformation')}</a>
        </p>
      ) : (
        <ol class="app-page-list app-search-results__list">
          {hits.map((hit) => (
            <li key={`${hit.section}/${hit.slug}`} class="app-page-list__item app-search-results__item">
              <h3 class="app-search-results__title" {...contentLanguageAttributes(ctx, hit.lang)}>
                <a class="app-page-list__link" href={hitUrl(hit)}>
                  {hit.title}
                </a>
              </h3>
              <p class="app-search-results__meta">
                {t(hit.section === 'kennisbank' ? 'search.section.kennisbank' : 'search.section.informatie')}
                {hit.visibility === 'professionals' && ` · ${t('search.professionalsOnly')}`}
              </p>
              <Snippet parts={hit.snippet} language={contentLanguageAttributes(ctx, hit.lang)} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** /zoeken: the form (posted, so the query is never in an address) and, after a search, the results. */
export function SearchPage({ ctx, form, hits }: { ctx: PageContext; form: FormState; hits?: readonly SearchHit[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('search.title')} description={t('search.lead')}>
      <h1>{t('search.title')}</h1>
      <p class="app-lead">{t('search.lead')}</p>
      <ErrorSummary ctx={ctx} problems={form.problems} />
      <form method="post" action="/zoeken" role="search" class="app-search-form" novalidate>
        <CsrfField ctx={ctx} />
        <Input
          ctx={ctx}
          name="zoekterm"
          label={t('search.form.label')}
          hint={t('search.form.hint')}
          form={form.values}
          problem={problemOf(form.problems, 'zoekterm')}
          wide
        />
        <button class="app-button" type="submit">
          {t('search.form.submit')}
        </button>
      </form>
      <p class="app-hint">{t('search.privacy')}</p>
      {hits !== undefined && <Results ctx={ctx} hits={hits} />}
    </Layout>
  );
}
