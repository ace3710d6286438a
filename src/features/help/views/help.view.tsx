import { ErrorSummaryBox } from '../../../shared/views/components/error-summary.js';
import type { PageContext } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import type { Place } from '../help.repo.js';
import type { HelpResult, HelpSections } from '../help.service.js';
import { OrganisationCard } from './organisation-card.js';

interface HelpPageProps {
  ctx: PageContext;
  result: HelpResult;
  /** What the visitor typed, to show in the field again. */
  query: string;
  municipalityNames: readonly string[];
}

/** The search form: one field, suggestions from a datalist (no JavaScript needed), GET so results can be cached. */
export function HelpForm({
  ctx,
  query,
  municipalityNames,
  error,
}: {
  ctx: PageContext;
  query: string;
  municipalityNames: readonly string[];
  error?: string | undefined;
}) {
  const { t } = ctx;
  return (
    <form class="app-help-form" method="get" action="/hulp" role="search">
      <label class="app-label" for="plaats">
        {t('help.field.label')}
      </label>
      <p class="app-hint" id="plaats-hint">
        {t('help.field.hint')}
      </p>
      {error !== undefined && (
        <p class="app-error-message" id="plaats-error">
          <span class="app-visually-hidden">{t('error.title')}: </span>
          {error}
        </p>
      )}
      <div class="app-help-form__row">
        <input
          class={`app-input${error !== undefined ? ' app-input--error' : ''}`}
          id="plaats"
          name="plaats"
          type="text"
          value={query}
          list="gemeenten"
          autocomplete="postal-code"
          spellcheck={false}
          maxLength={100}
          aria-describedby={error === undefined ? 'plaats-hint' : 'plaats-hint plaats-error'}
          aria-invalid={error === undefined ? undefined : 'true'}
        />
        <button class="app-button" type="submit">
          {t('help.submit')}
        </button>
      </div>
      <datalist id="gemeenten">
        {municipalityNames.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
    </form>
  );
}

function Cards({ ctx, list, place }: { ctx: PageContext; list: HelpSections['local']; place?: Place | undefined }) {
  const { t } = ctx;
  return (
    <ul class="app-orgs">
      {list.map((shown) => {
        const extra =
          place === undefined
            ? undefined
            : shown.organisation.kind === 'police'
              ? t('help.policeUnit', { unit: place.policeUnit })
              : shown.organisation.kind === 'veilig-thuis'
                ? t('help.veiligThuisRegion', { region: place.safetyRegionName })
                : undefined;
        return <OrganisationCard key={shown.organisation.slug} ctx={ctx} shown={shown} extra={extra} />;
      })}
    </ul>
  );
}

function ChoosePlace({ places }: { places: readonly Place[] }) {
  return (
    <ul class="app-choices">
      {places.map((place) => (
        <li key={place.code}>
          <a href={`/hulp?gemeente=${encodeURIComponent(place.code)}`}>{`${place.name} (${place.provinceName})`}</a>
        </li>
      ))}
    </ul>
  );
}

/**
 * The help finder. The place looked up is never in the page title (titles end up in browser history).
 */
export function HelpPage({ ctx, result, query, municipalityNames }: HelpPageProps) {
  const { t } = ctx;
  const national = result.kind === 'found' ? result.sections : result.national;
  const error = result.kind === 'invalid' ? t(`help.invalid.${result.reason}` as const) : undefined;
  return (
    <Layout ctx={ctx} title={error === undefined ? t('help.title') : `${t('error.title')}: ${t('help.title')}`}>
      {error !== undefined && (
        <ErrorSummaryBox title={t('help.errorTitle')} links={[{ href: '#plaats', text: error }]} />
      )}
      <h1>{t('help.title')}</h1>
      <p class="app-lead">{t('help.intro')}</p>

      <section class="app-callout app-callout--danger" aria-labelledby="help-danger">
        <h2 id="help-danger" class="app-callout__title">
          {t('help.dangerTitle')}
        </h2>
        <Cards ctx={ctx} list={national.emergency} />
      </section>

      <HelpForm ctx={ctx} query={query} municipalityNames={municipalityNames} error={error} />

      {result.kind === 'choose' && (
        <section aria-labelledby="help-choose">
          <h2 id="help-choose">{t('help.choose.title')}</h2>
          <p>{t('help.choose.text')}</p>
          <ChoosePlace places={result.places} />
        </section>
      )}

      {result.kind === 'unknown' && (
        <section aria-labelledby="help-unknown">
          <h2 id="help-unknown">{t('help.unknown.title')}</h2>
          <p>{t('help.unknown.text', { query: result.query })}</p>
          {result.suggestions.length > 0 && (
            <>
              <p>{t('help.unknown.suggestions')}</p>
              <ChoosePlace places={result.suggestions} />
            </>
          )}
        </section>
      )}

      {result.kind === 'found' && (
        <section aria-labelledby="help-local" data-place={result.place.code}>
          <h2 id="help-local">{t('help.localTitle', { place: result.place.name })}</h2>
          <p>
            {t('help.placeFacts', {
              place: result.place.name,
              province: result.place.provinceName,
              region: result.place.safetyRegionName,
              unit: result.place.policeUnit,
            })}
          </p>
          <Cards ctx={ctx} list={result.sections.local} place={result.place} />
          {result.sections.local.every((shown) => ['police', 'veilig-thuis'].includes(shown.organisation.kind)) && (
            <p class="app-hint">{t('help.noLocal')}</p>
          )}
          <p class="app-hint">{t('help.offlineNote')}</p>
        </section>
      )}

      <section aria-labelledby="help-national">
        <h2 id="help-national">{t('help.nationalTitle')}</h2>
        <p>{t('help.nationalIntro')}</p>
        <Cards ctx={ctx} list={national.national} />
      </section>
      <p class="app-hint">{t('help.attribution')}</p>
    </Layout>
  );
}
