import type { PageLanguage, Translate } from '../i18n/i18n.js';
import type { Locale } from '../i18n/messages.js';

/** Fingerprinted URLs of the static assets every page links to. */
export interface AssetUrls {
  css: string;
  js: string;
  /** The passkey ceremonies (account and login pages only). */
  passkeyJs: string;
  iconSvg: string;
  iconPng192: string;
  appleTouchIcon: string;
}

/** What every view needs to know about the request it renders for. */
export interface PageContext {
  /** The complete language (nl or en) of this page's content: the chosen one, or its fallback. */
  locale: Locale;
  /** This page's own text: in the chosen language where the page is translated, else in `locale`. */
  t: Translate;
  /** The chosen language and whether this page is translated in it; absent: `locale`, translated. */
  pageLanguage?: PageLanguage | undefined;
  /** The frame's translator (menu, quick exit, footer, language notices): the chosen language; absent: `t`. */
  frameT?: Translate | undefined;
  /** The path of this page, without query (for marking the current menu item). */
  path: string;
  /** Where the language switch returns to: the path, with the query of a GET page (e.g. a help result). */
  returnTo: string;
  assets: AssetUrls;
  quickExitUrl: string;
  /** Whether someone is signed in (the footer then links to the account, not to login). */
  signedIn: boolean;
  /**
   * The signed-in user's own place in the menu: a parent's journal, or the case space for a professional or a
   * young person (who have no journal); undefined for a visitor and for an account that may do neither yet.
   */
  ownSpace?: 'journal' | 'cases' | undefined;
  /** An active professional is signed in: the menu links to the knowledge base (/kennisbank). */
  professional?: boolean | undefined;
  /** When a signed-in session ends for lack of activity (ISO time), for the time-out warning. */
  idleUntil?: string | undefined;
  /** Returns the CSRF token for forms on this page (sets the token cookie on first use). */
  csrfToken: () => string;
}
