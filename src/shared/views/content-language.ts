import { type Language, languageInfo } from '../i18n/i18n.js';
import type { PageContext } from './context.js';

/**
 * The `lang` and `dir` for a piece of content (a text kept in nl and en only: an organisation's description, a
 * pathway step) shown on a page: none when the page around it is in the content's language, else the content's
 * own, so a screen reader reads an English description in an Arabic page as English (WCAG 3.1.2) and it runs left
 * to right. A page that is not translated is already wrapped in its content language (layout.tsx).
 */
export function contentLanguageAttributes(
  ctx: PageContext,
  /** The content's language: the page's content locale (nl or en) unless it says otherwise (a search hit). */
  language: Language = ctx.locale,
): { lang?: string; dir?: 'ltr' | 'rtl' } {
  const page = ctx.pageLanguage;
  const around = page === undefined || !page.translated ? ctx.locale : page.language;
  const own = languageInfo[language];
  if (languageInfo[around].tag === own.tag) return {};
  return { lang: own.tag, dir: own.dir };
}
