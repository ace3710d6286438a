import { emergencyNumbers, PhoneLink } from '../../shared/views/components/phone-link.js';
import { nationalLines } from '../../shared/views/components/national-lines.js';
import type { PageContext } from '../../shared/views/context.js';
import { Layout } from '../../shared/views/layout.js';

function CallButton({ number, label }: { number: string; label: string }) {
  return (
    <a class="app-button app-button--danger app-button--call" href={`tel:${number.replace(/[^\d+]/g, '')}`}>
      {label}
    </a>
  );
}

/**
 * "Right now": what a frightened parent can do at once, with no questionnaire in the way. Rendered without the
 * database and kept by the service worker, so it also opens without a connection.
 */
export function RightNowPage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('nu.title')}>
      <h1>{t('nu.title')}</h1>
      <p class="app-lead">{t('nu.lead')}</p>
      <p>
        <CallButton number={emergencyNumbers.emergency} label={`${t('nu.call112')}`} />
      </p>

      <section class="app-now" aria-labelledby="nu-vermist">
        <h2 id="nu-vermist">{t('nu.missing.title')}</h2>
        <p>
          <strong>{t('nu.missing.call')}</strong>
        </p>
        <p>{t('nu.missing.ready')}</p>
        <ul>
          <li>{t('nu.missing.ready.photo')}</li>
          <li>{t('nu.missing.ready.phone')}</li>
          <li>{t('nu.missing.ready.accounts')}</li>
          <li>{t('nu.missing.ready.plates')}</li>
          <li>{t('nu.missing.ready.places')}</li>
        </ul>
        <p>{t('nu.missing.noPhoto')}</p>
      </section>

      <section class="app-now" aria-labelledby="nu-gevaar">
        <h2 id="nu-gevaar">{t('nu.danger.title')}</h2>
        <p>
          <strong>{t('nu.danger.call')}</strong> <PhoneLink number={emergencyNumbers.emergency} />
        </p>
        <p>{t('nu.danger.alone')}</p>
      </section>

      <section class="app-now" aria-labelledby="nu-terug">
        <h2 id="nu-terug">{t('nu.back.title')}</h2>
        <p>{t('nu.back.calm')}</p>
        <p>
          {`${t('nu.back.csg')} `}
          <PhoneLink number={nationalLines.csg.phone} />
          <br />
          <span class="app-hint">{t('nu.back.csgNote')}</span>
        </p>
        <p>{t('nu.back.write')}</p>
      </section>

      <section class="app-now" aria-labelledby="nu-bedreigd">
        <h2 id="nu-bedreigd">{t('nu.threat.title')}</h2>
        <p>
          {`${t('nu.threat.call')} `}
          <PhoneLink number={emergencyNumbers.police} />
        </p>
        <p>{t('nu.threat.plan')}</p>
        <p>
          <a href="/informatie/als-het-gezin-bedreigd-wordt">{t('nu.threat.more')}</a>
        </p>
      </section>

      <section class="app-now app-now--calm" aria-labelledby="nu-advies">
        <h2 id="nu-advies">{t('nu.advice.title')}</h2>
        <p>
          {`${t('nu.advice.text')} `}
          <PhoneLink number={emergencyNumbers.veiligThuis} />
        </p>
        <p>
          {`${t('nu.more')} `}
          <a href="/check">{t('nu.more.check')}</a>
        </p>
      </section>
      <p class="app-hint">{t('nu.offline')}</p>
    </Layout>
  );
}
