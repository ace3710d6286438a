import { emergencyNumbers, PhoneLink } from '../../shared/views/components/phone-link.js';
import { Pictogram } from '../../shared/views/components/pictogram.js';
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

/** 113 Zelfmoordpreventie: the short number and the free 0800 number, both open day and night. */
const suicidePreventionLines = { short: '113', free: '0800-0113' } as const;

/**
 * The situations on the page, in the order a frightened parent meets them. Each block starts with the number to
 * call first for that situation: 112 only where there is danger now.
 */
const situations = [
  { id: 'nu-vermist', title: 'nu.missing.title' },
  { id: 'nu-gevaar', title: 'nu.danger.title' },
  { id: 'nu-misbruik', title: 'nu.assault.title' },
  { id: 'nu-niet-meer-leven', title: 'nu.suicide.title' },
  { id: 'nu-afpersing', title: 'nu.blackmail.title' },
  { id: 'nu-terug', title: 'nu.back.title' },
  { id: 'nu-bedreigd', title: 'nu.threat.title' },
  { id: 'nu-advies', title: 'nu.advice.title' },
] as const;

/**
 * "Right now": what a frightened parent can do at once, with no questionnaire in the way, routed by situation.
 * Written for any child ("je kind", "they"). Rendered without the database and kept by the service worker, so it
 * also opens without a connection; it therefore links only to numbers and, for reading on, to information pages.
 */
export function RightNowPage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('nu.title')}>
      <h1>{t('nu.title')}</h1>
      <p class="app-lead">{t('nu.lead')}</p>
      <p>
        <CallButton number={emergencyNumbers.emergency} label={t('nu.call112')} />
      </p>

      <nav aria-labelledby="nu-kies">
        <h2 id="nu-kies">{t('nu.jump.label')}</h2>
        <ul>
          {situations.map((situation) => (
            <li key={situation.id}>
              <a href={`#${situation.id}`}>{t(situation.title)}</a>
            </li>
          ))}
        </ul>
      </nav>

      <section class="app-now" id="nu-vermist" aria-labelledby="nu-vermist-titel">
        <h2 id="nu-vermist-titel">{t('nu.missing.title')}</h2>
        <p>
          <Pictogram ctx={ctx} name="call112" />
          <strong>{t('nu.missing.call')}</strong> <PhoneLink number={emergencyNumbers.emergency} />
        </p>
        <p>{t('nu.missing.why')}</p>
        <p>{t('nu.missing.ready')}</p>
        <ul>
          <li>{t('nu.missing.ready.photo')}</li>
          <li>{t('nu.missing.ready.phone')}</li>
          <li>{t('nu.missing.ready.accounts')}</li>
          <li>{t('nu.missing.ready.nicknames')}</li>
          <li>{t('nu.missing.ready.plates')}</li>
          <li>{t('nu.missing.ready.places')}</li>
        </ul>
        <p>{t('nu.missing.noPhoto')}</p>
      </section>

      <section class="app-now" id="nu-gevaar" aria-labelledby="nu-gevaar-titel">
        <h2 id="nu-gevaar-titel">{t('nu.danger.title')}</h2>
        <p>
          <Pictogram ctx={ctx} name="call112" />
          <strong>{t('nu.danger.call')}</strong> <PhoneLink number={emergencyNumbers.emergency} />
        </p>
        <p>{t('nu.danger.alone')}</p>
      </section>

      <section class="app-now" id="nu-misbruik" aria-labelledby="nu-misbruik-titel">
        <h2 id="nu-misbruik-titel">{t('nu.assault.title')}</h2>
        <p>
          <strong>{t('nu.assault.call')}</strong> <PhoneLink number={nationalLines.csg.phone} />
          <br />
          <span class="app-hint">{t('nu.assault.callNote')}</span>
        </p>
        <p>
          {`${t('nu.assault.danger')} `}
          <PhoneLink number={emergencyNumbers.emergency} />
        </p>
        <p>{t('nu.assault.traces')}</p>
        <ul>
          <li>{t('nu.assault.traces.wash')}</li>
          <li>{t('nu.assault.traces.clothes')}</li>
        </ul>
        <p>{t('nu.assault.traces.force')}</p>
      </section>

      <section class="app-now" id="nu-niet-meer-leven" aria-labelledby="nu-niet-meer-leven-titel">
        <h2 id="nu-niet-meer-leven-titel">{t('nu.suicide.title')}</h2>
        <p>
          <strong>{t('nu.suicide.call')}</strong> <PhoneLink number={suicidePreventionLines.short} />
          {` ${t('nu.suicide.or')} `}
          <PhoneLink number={suicidePreventionLines.free} />
          <br />
          <span class="app-hint">{t('nu.suicide.note')}</span>
        </p>
        <p>
          {`${t('nu.suicide.danger')} `}
          <PhoneLink number={emergencyNumbers.emergency} />
        </p>
        <p>{t('nu.suicide.ask')}</p>
      </section>

      <section class="app-now" id="nu-afpersing" aria-labelledby="nu-afpersing-titel">
        <h2 id="nu-afpersing-titel">{t('nu.blackmail.title')}</h2>
        <ol>
          <li>
            <strong>{t('nu.blackmail.pay')}</strong>
          </li>
          <li>
            <strong>{t('nu.blackmail.delete')}</strong>
          </li>
          <li>
            <strong>{t('nu.blackmail.stop')}</strong>
          </li>
          <li>
            {`${t('nu.blackmail.report')} `}
            <PhoneLink number={emergencyNumbers.police} />
            <br />
            {`${t('nu.blackmail.helpwanted')} `}
            <PhoneLink number={nationalLines.helpwanted.phone} />
          </li>
        </ol>
        <p>{t('nu.blackmail.noImages')}</p>
        <p>
          {`${t('nu.blackmail.suicide')} `}
          <PhoneLink number={suicidePreventionLines.short} />
          {` ${t('nu.suicide.or')} `}
          <PhoneLink number={suicidePreventionLines.free} />
        </p>
        <p>
          <a href="/informatie/sextortion">{t('nu.blackmail.more')}</a>
        </p>
      </section>

      <section class="app-now" id="nu-terug" aria-labelledby="nu-terug-titel">
        <h2 id="nu-terug-titel">{t('nu.back.title')}</h2>
        <p>
          <Pictogram ctx={ctx} name="talk" />
          {t('nu.back.calm')}
        </p>
        <p>
          {`${t('nu.back.assault')} `}
          <a href="#nu-misbruik">{t('nu.assault.title')}</a>.
        </p>
        <p>
          <Pictogram ctx={ctx} name="writeDown" />
          {t('nu.back.write')}
        </p>
      </section>

      <section class="app-now" id="nu-bedreigd" aria-labelledby="nu-bedreigd-titel">
        <h2 id="nu-bedreigd-titel">{t('nu.threat.title')}</h2>
        <p>
          <strong>{t('nu.threat.call')}</strong> <PhoneLink number={emergencyNumbers.police} />
        </p>
        <p>
          {`${t('nu.threat.now')} `}
          <PhoneLink number={emergencyNumbers.emergency} />
        </p>
        <p>{t('nu.threat.plan')}</p>
        <p>
          <a href="/informatie/als-het-gezin-bedreigd-wordt">{t('nu.threat.more')}</a>
        </p>
      </section>

      <section class="app-now app-now--calm" id="nu-advies" aria-labelledby="nu-advies-titel">
        <h2 id="nu-advies-titel">{t('nu.advice.title')}</h2>
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
      <p class="app-hint">{t('nu.sources')}</p>
    </Layout>
  );
}
