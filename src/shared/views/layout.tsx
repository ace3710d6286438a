import type { ComponentChildren } from 'preact';
import { CsrfField } from './components/csrf-field.js';
import { emergencyNumbers, PhoneLink } from './components/phone-link.js';
import type { PageContext } from './context.js';

interface LayoutProps {
  ctx: PageContext;
  /** The page's own title; the site name is added. Personal pages must use a neutral title. */
  title: string;
  description?: string;
  /** Fingerprinted URLs of scripts only this page needs (loaded after app.js, deferred). */
  scripts?: readonly string[];
  children: ComponentChildren;
}

function QuickExit({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <div
      class="app-quick-exit-bar"
      data-module="app-quick-exit"
      data-exit-url={ctx.quickExitUrl}
      data-text-two={t('quickExit.pressesLeft', { count: 2 })}
      data-text-one={t('quickExit.pressesLeft', { count: 1 })}
      data-text-leaving={t('quickExit.leaving')}
    >
      <div class="app-width app-quick-exit-bar__inner">
        <a class="app-quick-exit" href="/weg" rel="nofollow" data-quick-exit-link>
          <span class="app-visually-hidden">{t('quickExit.hiddenLabel')}: </span>
          {t('quickExit.button')}
          <span class="app-quick-exit__dots" aria-hidden="true">
            <span class="app-quick-exit__dot" data-quick-exit-dot />
            <span class="app-quick-exit__dot" data-quick-exit-dot />
            <span class="app-quick-exit__dot" data-quick-exit-dot />
          </span>
        </a>
        <span class="app-quick-exit__hint">{t('quickExit.hint')}</span>
        <span class="app-visually-hidden" aria-live="polite" data-quick-exit-status />
      </div>
    </div>
  );
}

function Header({ ctx }: { ctx: PageContext }) {
  const { t, locale } = ctx;
  const other = locale === 'nl' ? 'en' : 'nl';
  return (
    <header class="app-header">
      <div class="app-width app-header__inner">
        <a class="app-header__name" href="/" aria-label={t('layout.homeLink')}>
          <img class="app-header__logo" src={ctx.assets.iconSvg} alt="" width="32" height="32" />
          {t('site.name')}
        </a>
        <nav class="app-nav" aria-label={t('layout.nav.label')}>
          <ul class="app-nav__list">
            <li>
              <a
                class="app-nav__link app-nav__link--now"
                href="/nu"
                aria-current={ctx.path === '/nu' ? 'page' : undefined}
              >
                {t('layout.nav.now')}
              </a>
            </li>
            <li>
              <a class="app-nav__link" href="/" aria-current={ctx.path === '/' ? 'page' : undefined}>
                {t('layout.nav.home')}
              </a>
            </li>
            <li>
              <a
                class="app-nav__link"
                href="/informatie"
                aria-current={ctx.path.startsWith('/informatie') ? 'page' : undefined}
              >
                {t('layout.nav.information')}
              </a>
            </li>
            <li>
              <a class="app-nav__link" href="/check" aria-current={ctx.path === '/check' ? 'page' : undefined}>
                {t('layout.nav.check')}
              </a>
            </li>
            <li>
              <a class="app-nav__link" href="/hulp" aria-current={ctx.path === '/hulp' ? 'page' : undefined}>
                {t('layout.nav.help')}
              </a>
            </li>
            {ctx.professional === true && (
              <li>
                <a
                  class="app-nav__link"
                  href="/kennisbank"
                  aria-current={ctx.path.startsWith('/kennisbank') ? 'page' : undefined}
                >
                  {t('layout.nav.knowledge')}
                </a>
              </li>
            )}
            <li>
              <a class="app-nav__link" href="/zoeken" aria-current={ctx.path === '/zoeken' ? 'page' : undefined}>
                {t('layout.nav.search')}
              </a>
            </li>
            {ctx.ownSpace === 'journal' && (
              <li>
                <a
                  class="app-nav__link"
                  href="/logboek"
                  aria-current={ctx.path.startsWith('/logboek') ? 'page' : undefined}
                >
                  {t('layout.nav.journal')}
                </a>
              </li>
            )}
            {ctx.ownSpace === 'cases' && (
              <li>
                <a
                  class="app-nav__link"
                  href="/samenwerken"
                  aria-current={ctx.path.startsWith('/samenwerken') ? 'page' : undefined}
                >
                  {t('layout.nav.cases')}
                </a>
              </li>
            )}
            <li>
              <a
                class="app-nav__link app-nav__link--language"
                href={`/taal/${other}?terug=${encodeURIComponent(ctx.returnTo)}`}
                hreflang={other}
                lang={other}
                title={t('layout.language.otherName')}
                rel="nofollow"
              >
                {t('layout.language.other')}
              </a>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}

function Footer({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <footer class="app-footer">
      <div class="app-width">
        <section class="app-footer__emergency" aria-labelledby="footer-emergency">
          <h2 id="footer-emergency" class="app-footer__title">
            {t('layout.footer.emergencyTitle')}
          </h2>
          <ul class="app-footer__lines">
            <li>
              {`${t('layout.footer.call112')}: `}
              <PhoneLink number={emergencyNumbers.emergency} />
            </li>
            <li>
              {`${t('layout.footer.callPolice')}: `}
              <PhoneLink number={emergencyNumbers.police} />
            </li>
            <li>
              {`${t('layout.footer.callVeiligThuis')}: `}
              <PhoneLink number={emergencyNumbers.veiligThuis} />
              <br />
              <span class="app-footer__note">{t('layout.footer.veiligThuisNote')}</span>
            </li>
          </ul>
        </section>
        <nav class="app-footer__links" aria-label={t('layout.footer.aboutTitle')}>
          <ul>
            <li>
              <a href="/informatie/over-deze-site">{t('layout.footer.about')}</a>
            </li>
            <li>
              <a href="/informatie/veilig-gebruik">{t('layout.footer.safeUse')}</a>
            </li>
            <li>
              <a href="/kennisbank">{t('layout.nav.knowledge')}</a>
            </li>
            <li>
              <a href="/inzichten">{t('layout.footer.insights')}</a>
            </li>
            <li>
              {ctx.signedIn ? (
                <a href="/account">{t('layout.nav.account')}</a>
              ) : (
                <a href="/inloggen">{t('layout.nav.login')}</a>
              )}
            </li>
          </ul>
        </nav>
        <p class="app-footer__small">{t('layout.footer.notEmergency')}</p>
        <p class="app-footer__small">{t('layout.footer.openSource')}</p>
      </div>
    </footer>
  );
}

/**
 * Shown by the script two minutes before a signed-in session would end for lack of activity, with one button to
 * stay logged in (WCAG 2.2.1). Hidden without JavaScript; every page visit extends the session anyway.
 */
function IdleWarning({ ctx, idleUntil }: { ctx: PageContext; idleUntil: string }) {
  const { t } = ctx;
  return (
    <div
      class="app-idle"
      role="alertdialog"
      aria-labelledby="idle-title"
      data-module="app-idle"
      data-idle-until={idleUntil}
      hidden
    >
      <p id="idle-title" class="app-idle__text">
        {t('account.idleWarning')}
      </p>
      <form method="post" action="/account/verlengen">
        <CsrfField ctx={ctx} />
        <button class="app-button" type="submit">
          {t('account.stayLoggedIn')}
        </button>
      </form>
    </div>
  );
}

/** The frame of every page: skip link, quick exit, header, main, footer with the emergency lines. */
export function Layout({ ctx, title, description, scripts = [], children }: LayoutProps) {
  const { t } = ctx;
  return (
    <html lang={ctx.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – ${t('site.name')}`}</title>
        <meta name="description" content={description ?? t('site.description')} />
        <meta name="referrer" content="no-referrer" />
        <meta name="theme-color" content="#1d3557" />
        <link rel="stylesheet" href={ctx.assets.css} />
        <link rel="icon" href={ctx.assets.iconSvg} type="image/svg+xml" />
        <link rel="apple-touch-icon" href={ctx.assets.appleTouchIcon} />
        <link rel="manifest" href="/manifest.webmanifest" />
        <script src={ctx.assets.js} defer />
        {scripts.map((src) => (
          <script key={src} src={src} defer />
        ))}
      </head>
      <body class="app-body">
        <a href="#main" class="app-skip-link">
          {t('layout.skipLink')}
        </a>
        <QuickExit ctx={ctx} />
        <Header ctx={ctx} />
        <main id="main" class="app-main app-width" tabindex={-1}>
          {children}
        </main>
        <Footer ctx={ctx} />
        {ctx.idleUntil !== undefined && <IdleWarning ctx={ctx} idleUntil={ctx.idleUntil} />}
      </body>
    </html>
  );
}
