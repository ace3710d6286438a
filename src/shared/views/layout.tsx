import type { ComponentChildren } from 'preact';
import { type Language, type PageLanguage, type Translate, languageInfo, languages } from '../i18n/i18n.js';
import { CsrfField } from './components/csrf-field.js';
import { emergencyNumbers, PhoneLink } from './components/phone-link.js';
import type { PageContext } from './context.js';

/** The chosen language and how this page is shown in it; a context without one is a complete language. */
function pageLanguageOf(ctx: PageContext): PageLanguage {
  return ctx.pageLanguage ?? { language: ctx.locale, translated: true, reviewed: true };
}

/** The frame's translator: always the chosen language (the frame is translated in every language). */
function frameT(ctx: PageContext): Translate {
  return ctx.frameT ?? ctx.t;
}

/** Where the language switch sends a visitor: it sets the choice and comes back to this page. */
function switchHref(ctx: PageContext, language: Language): string {
  return `/taal/${language}?terug=${encodeURIComponent(ctx.returnTo)}`;
}

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
  const t = frameT(ctx);
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

/**
 * Every language, each named in its own language, as plain links (no JavaScript, no form): a disclosure so the
 * six names do not crowd the menu on a phone.
 */
function LanguageSwitch({ ctx }: { ctx: PageContext }) {
  const t = frameT(ctx);
  const chosen = pageLanguageOf(ctx).language;
  return (
    <details class="app-language">
      <summary class="app-language__toggle">
        <svg class="app-language__icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
          <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" stroke-width="2" />
          <path
            d="M2 12h20M12 2c3 3.5 3 16.5 0 20M12 2c-3 3.5-3 16.5 0 20"
            fill="none"
            stroke="currentColor"
            stroke-width="2"
          />
        </svg>
        {t('layout.language.label')}
      </summary>
      <nav aria-label={t('layout.language.listLabel')}>
        <ul class="app-language__list">
          {languages.map((language) => {
            const info = languageInfo[language];
            return (
              <li key={language}>
                <a
                  class="app-language__link"
                  href={switchHref(ctx, language)}
                  hreflang={info.tag}
                  lang={info.tag}
                  dir={info.dir === 'rtl' ? 'rtl' : undefined}
                  rel="nofollow"
                  aria-current={language === chosen ? 'true' : undefined}
                >
                  {info.name}
                </a>
              </li>
            );
          })}
        </ul>
      </nav>
    </details>
  );
}

function Header({ ctx }: { ctx: PageContext }) {
  const t = frameT(ctx);
  // The one-click link between the two complete languages; every language is in the switch beside the menu.
  const other: Language = pageLanguageOf(ctx).language === 'nl' ? 'en' : 'nl';
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
                href={switchHref(ctx, other)}
                hreflang={other}
                lang={other}
                dir="ltr"
                rel="nofollow"
              >
                {languageInfo[other].name}
              </a>
            </li>
          </ul>
        </nav>
        <LanguageSwitch ctx={ctx} />
      </div>
    </header>
  );
}

function Footer({ ctx }: { ctx: PageContext }) {
  const t = frameT(ctx);
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
  const t = frameT(ctx);
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

/**
 * In the chosen language, above the page's own text: that this page is not translated yet (it is shown in the
 * language's fallback, with a link to Dutch where that is English), or that its translation is not yet
 * reviewed by a native speaker. Nothing for Dutch and English.
 */
function TranslationNotice({ ctx }: { ctx: PageContext }) {
  const t = frameT(ctx);
  const page = pageLanguageOf(ctx);
  if (page.translated && page.reviewed) return null;
  return (
    <div class="app-translation-notice" role="note">
      {!page.translated && <p>{t('layout.translation.missing')}</p>}
      {!page.reviewed && <p>{t('layout.translation.unreviewed')}</p>}
      {page.language !== 'nl' && (
        <p>
          <a href={switchHref(ctx, 'nl')} hreflang="nl" rel="nofollow">
            {t('layout.translation.readDutch')}
          </a>
        </p>
      )}
    </div>
  );
}

/** The frame of every page: skip link, quick exit, header, main, footer with the emergency lines. */
export function Layout({ ctx, title, description, scripts = [], children }: LayoutProps) {
  const t = frameT(ctx);
  const page = pageLanguageOf(ctx);
  const chosen = languageInfo[page.language];
  // A page not translated yet is in its fallback language inside a frame in the chosen one (WCAG 3.1.2).
  // dir is written only for right to left: left to right is the default, and pages in nl and en stay as they were.
  const content = languageInfo[ctx.locale];
  return (
    <html lang={chosen.tag} dir={chosen.dir === 'rtl' ? 'rtl' : undefined}>
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
      {/* Easy-read Dutch puts one idea on each line: its messages break lines with \n (app.css). */}
      <body class={page.language === 'makkelijk' ? 'app-body app-body--easy' : 'app-body'}>
        <a href="#main" class="app-skip-link">
          {t('layout.skipLink')}
        </a>
        <QuickExit ctx={ctx} />
        <Header ctx={ctx} />
        <main id="main" class="app-main app-width" tabindex={-1}>
          <TranslationNotice ctx={ctx} />
          {page.translated ? (
            children
          ) : (
            <div lang={content.tag} dir={content.dir} class="app-untranslated">
              {children}
            </div>
          )}
        </main>
        <Footer ctx={ctx} />
        {ctx.idleUntil !== undefined && <IdleWarning ctx={ctx} idleUntil={ctx.idleUntil} />}
      </body>
    </html>
  );
}
