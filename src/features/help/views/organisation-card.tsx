import { PhoneLink } from '../../../shared/views/components/phone-link.js';
import type { PageContext } from '../../../shared/views/context.js';
import { contentLanguageAttributes } from '../../../shared/views/content-language.js';
import { safeUrl } from '../../../shared/views/safe-url.js';
import type { ShownOrganisation } from '../help.service.js';
import type { OpenState } from '../opening-hours.js';
import { languageInfo } from '../../../shared/i18n/i18n.js';
import type { Organisation } from '../organisation.schema.js';

function openStateText(ctx: PageContext, state: OpenState | undefined): string {
  const { t } = ctx;
  if (state === undefined) return t('help.hours.unknown');
  if (state.open) return state.always ? t('help.hours.always') : t('help.hours.openUntil', { time: state.closesAt });
  return state.opens === undefined
    ? t('help.hours.closed')
    : t('help.hours.closedOpens', { day: state.opens.day, time: state.opens.time });
}

/** A day as a Dutch date ("28 november 2026"), a year as it is ("2020"). */
function dayOrYear(value: string): Date | string {
  return value.length === 4 ? value : new Date(`${value}T12:00:00Z`);
}

/**
 * Where the details come from, and whether anyone checked them on the organisation's own site. Without a real
 * check the line says so, with the source's date: "checked" is never claimed for a second-hand source.
 */
function SourceLine({ ctx, organisation }: { ctx: PageContext; organisation: Organisation }) {
  const { t } = ctx;
  const { source, checkedOn } = organisation;
  const name = source.title === undefined ? source.publisher : `${source.publisher}, ${source.title}`;
  const sourceDate = dayOrYear(source.date);
  return (
    <p class="app-hint app-org__source">
      {`${t('help.source')} `}
      {source.url === undefined ? (
        name
      ) : (
        <a href={safeUrl(source.url)} rel="noopener noreferrer external">
          {name}
        </a>
      )}
      {'. '}
      {checkedOn !== undefined
        ? t('help.checkedOn', { date: new Date(`${checkedOn}T12:00:00Z`) })
        : typeof sourceDate === 'string'
          ? t('help.notCheckedSinceYear', { year: sourceDate })
          : t('help.notCheckedSince', { date: sourceDate })}
    </p>
  );
}

/**
 * Whether an interpreter can be arranged, with the source that says so (ADR 0054). Not known is said as not known,
 * never as "no"; "no" only where a source says so.
 */
function InterpreterLine({ ctx, organisation }: { ctx: PageContext; organisation: Organisation }) {
  const { t } = ctx;
  const facts = organisation.interpreter;
  if (facts === undefined) return <p class="app-hint app-org__interpreter">{t('help.interpreter.unknown')}</p>;
  const chosen = ctx.pageLanguage?.language ?? ctx.locale;
  const names = new Intl.DisplayNames([languageInfo[chosen].intl], { type: 'language' });
  const source =
    facts.source.title === undefined ? facts.source.publisher : `${facts.source.publisher}, ${facts.source.title}`;
  return (
    <p class="app-hint app-org__interpreter" data-interpreter={facts.arranged ? 'yes' : 'no'}>
      {facts.arranged ? t('help.interpreter') : t('help.interpreter.no')}
      {facts.languages.length > 0 &&
        ` ${t('help.interpreter.languages', { languages: facts.languages.map((tag) => names.of(tag) ?? tag).join(', ') })}`}{' '}
      {`(${t('help.source')} `}
      {facts.source.url === undefined ? (
        source
      ) : (
        <a href={safeUrl(facts.source.url)} rel="noopener noreferrer external">
          {source}
        </a>
      )}
      {')'}
    </p>
  );
}

/**
 * One organisation: how to reach it first (a frightened parent needs the number), whether it is open now, then
 * what it does for a parent and where its details come from.
 */
export function OrganisationCard({
  ctx,
  shown,
  extra,
}: {
  ctx: PageContext;
  shown: ShownOrganisation;
  extra?: string | undefined;
}) {
  const { locale, t } = ctx;
  const { organisation, state, chatState } = shown;
  const open = state?.open === true;
  return (
    <li class="app-org" data-organisation={organisation.slug}>
      <h3 class="app-org__name">
        {organisation.name}
        {!organisation.verified && <span class="app-tag app-tag--warning">{t('help.unverified')}</span>}
      </h3>
      {extra !== undefined && <p class="app-org__extra">{extra}</p>}
      <ul class="app-org__contact">
        {organisation.phone !== undefined && (
          <li>
            <PhoneLink number={organisation.phone} />
            {organisation.phoneNote !== undefined && (
              <span class="app-hint" {...contentLanguageAttributes(ctx)}>
                {' '}
                {organisation.phoneNote[locale]}
              </span>
            )}
          </li>
        )}
        {organisation.chat !== undefined && (
          <li>
            <a href={safeUrl(organisation.chat)} rel="noopener noreferrer external">
              {t('help.chat')}
            </a>
            {chatState !== undefined && (
              <span class="app-hint"> {t('help.chatHours', { state: openStateText(ctx, chatState) })}</span>
            )}
          </li>
        )}
        {organisation.chat === undefined && chatState !== undefined && (
          <li class="app-hint">{t('help.chatHours', { state: openStateText(ctx, chatState) })}</li>
        )}
        {organisation.web !== undefined && (
          <li>
            <a href={safeUrl(organisation.web)} rel="noopener noreferrer external">
              {`${t('help.website')}: ${new URL(organisation.web).hostname.replace(/^www\./, '')}`}
            </a>
          </li>
        )}
        {organisation.email !== undefined && (
          <li>
            <a href={safeUrl(`mailto:${organisation.email}`)}>{`${t('help.email')}: ${organisation.email}`}</a>
          </li>
        )}
      </ul>
      <p class={`app-org__hours${open ? ' app-org__hours--open' : ''}`}>{openStateText(ctx, state)}</p>
      <p {...contentLanguageAttributes(ctx)}>{organisation.description[locale]}</p>
      <InterpreterLine ctx={ctx} organisation={organisation} />
      <SourceLine ctx={ctx} organisation={organisation} />
    </li>
  );
}
