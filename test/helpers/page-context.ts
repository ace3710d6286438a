import { translatorFor } from '../../src/messages.js';
import type { AssetUrls, PageContext } from '../../src/shared/views/context.js';

/** Asset URLs for pages rendered in tests (nothing is fetched, so the files need not exist). */
export const testAssets: AssetUrls = {
  css: '/a.css',
  js: '/a.js',
  passkeyJs: '/p.js',
  iconSvg: '/i.svg',
  iconPng192: '/i.png',
  appleTouchIcon: '/t.png',
};

/**
 * What a view is given when a test renders it on its own: an anonymous visitor in `locale` on `overrides.path`
 * (default '/'; returnTo follows the path). A view that is not expected to hold a form fails the test if it
 * asks for a CSRF token; a test of a page with a form passes `csrfToken`.
 */
export function testPageContext(locale: PageContext['locale'], overrides: Partial<PageContext> = {}): PageContext {
  const path = overrides.path ?? '/';
  return {
    locale,
    t: translatorFor(locale),
    path,
    returnTo: path,
    assets: testAssets,
    quickExitUrl: 'https://neutral.example/',
    signedIn: false,
    csrfToken: () => {
      throw new Error(`the view rendered for ${path} asked for a CSRF token; pass csrfToken if it holds a form`);
    },
    ...overrides,
  };
}
