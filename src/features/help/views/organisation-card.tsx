import { PhoneLink } from '../../../shared/views/components/phone-link.js';
import type { PageContext } from '../../../shared/views/context.js';
import { safeUrl } from '../../../shared/views/safe-url.js';
import type { ShownOrganisation } from '../help.service.js';
import type { OpenState } from '../opening-hours.js';

export function openStateText(ctx: PageContext, state: OpenState | undefined): string {
  const { t } = ctx;
  if (state === undefined) return t('help.hours.unknown');
  if (state.open) return state.always ? t('help.hours.always') : t('help.hours.openUntil', { time: state.closesAt });
  return state.opens === undefined
    ? t('help.hours.closed')
    : t('help.hours.closedOpens', { day: state.opens.day, time: state.opens.time });
}

/**
 * One organisation: how to reach it first (a frightened parent needs the number), whether it is open now, then
 * what it does for a parent and when its details were last checked.
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
            {organisation.phoneNote !== undefined && <span class="app-hint"> {organisation.phoneNote[locale]}</span>}
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
      <p>{organisation.description[locale]}</p>
      {organisation.interpreter && <p class="app-hint">{t('help.interpreter')}</p>}
      <p class="app-hint">{t('help.lastChecked', { date: new Date(`${organisation.lastChecked}T12:00:00Z`) })}</p>
    </li>
  );
}
