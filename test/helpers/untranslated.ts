import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Services } from '../../src/services.js';
import { contentDir } from '../../src/shared/paths.js';

/**
 * The slug of an information page that exists in Dutch and English only: a page an editor has just added and no
 * translator has reached. Translators keep adding files to content/<language>/ (every page may be translated), so
 * a test never relies on content/ for "not translated": it publishes this page itself (publishUntranslatedPage).
 */
export const untranslatedSlug = 'nog-niet-vertaald';

/** The text of content/<lang>/signalen.md with another title, for the page above. */
function pageText(lang: 'nl' | 'en'): string {
  const text = readFileSync(path.join(contentDir, lang, 'signalen.md'), 'utf8');
  const title = lang === 'nl' ? 'Nieuwe pagina, nog niet vertaald' : 'New page, not translated yet';
  return text.replace(/^title: .*$/m, `title: ${title}`);
}

/**
 * Publishes the page `untranslatedSlug` in Dutch and English (the start-up import's way, so it is published at
 * once) and returns its slug. Safe to call more than once: an unchanged text is left as it is.
 */
export async function publishUntranslatedPage(services: Pick<Services, 'editorial'>): Promise<string> {
  await services.editorial.importDocuments('page', [
    { key: `nl/${untranslatedSlug}`, text: pageText('nl') },
    { key: `en/${untranslatedSlug}`, text: pageText('en') },
  ]);
  return untranslatedSlug;
}
