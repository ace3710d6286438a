import type { Translate } from '../../shared/i18n/i18n.js';
import { type Locale, locales } from '../../shared/i18n/messages.js';
import type { Pathway, PathwayTrack } from '../cases/pathway.schema.js';
import { isPathwayArticleSlug } from '../knowledge/knowledge.schema.js';
import { lijnSlug, trackSlug } from '../knowledge/pathway-articles.js';
import type { SearchablePage } from './search-index.js';

/*
 * The knowledge base's articles about de lijn (/kennisbank/de-lijn and /kennisbank/de-lijn-<track>) are not rows
 * in content_pages: the knowledge service draws them from the pathway data (pathway-articles.ts). The index reads
 * the same data, at every rebuild, with the same titles and slugs, so a search finds what those pages say now
 * (ADR 0034). Nothing of their text is stored or copied.
 */

/** Pathway text as markdown text: every ASCII punctuation mark escaped, so it is read as plain words. */
const plain = (text: string): string => text.replace(/[!-/:-@[-`{-~]/g, (sign) => `\\${sign}`);

function trackBody(track: PathwayTrack, locale: Locale): string {
  return track.steps
    .map((step) =>
      [
        `## ${plain(step.title[locale])}`,
        plain(step.what[locale]),
        ...(step.others === undefined ? [] : [plain(step.others[locale])]),
        ...step.expect.map((text) => plain(text[locale])),
        ...step.ask.map((text) => plain(text[locale])),
      ].join('\n\n'),
    )
    .join('\n\n');
}

function lijnBody(pathway: Pathway, locale: Locale): string {
  return pathway.tracks
    .map((track) =>
      [
        `## ${plain(track.title[locale])}`,
        plain(track.summary[locale]),
        track.steps.map((step) => `- ${plain(step.title[locale])}`).join('\n'),
      ].join('\n\n'),
    )
    .join('\n\n');
}

/** The pathway articles of the knowledge base in every language, as the index reads pages. */
export function pathwaySearchPages(pathway: Pathway, translatorFor: (locale: Locale) => Translate): SearchablePage[] {
  return locales.flatMap((locale) => {
    const t = translatorFor(locale);
    const common = { section: 'kennisbank' as const, lang: locale, visibility: 'public' as const };
    return [
      {
        ...common,
        slug: lijnSlug,
        title: t('knowledge.lijn.title'),
        summary: t('knowledge.lijn.summary'),
        bodyMarkdown: lijnBody(pathway, locale),
      },
      ...pathway.tracks.map((track) => ({
        ...common,
        slug: trackSlug(track),
        title: t('knowledge.track.title', { track: track.title[locale] }),
        summary: track.summary[locale],
        bodyMarkdown: trackBody(track, locale),
      })),
    ];
  });
}

/**
 * The stored pages and the pathway articles together. A stored knowledge article on a reserved pathway slug is
 * never shown by the knowledge base, so it is not searched either.
 */
export function withPathwayPages(
  stored: readonly SearchablePage[],
  pathway: Pathway,
  translatorFor: (locale: Locale) => Translate,
): SearchablePage[] {
  return [
    ...stored.filter((page) => page.section !== 'kennisbank' || !isPathwayArticleSlug(page.slug)),
    ...pathwaySearchPages(pathway, translatorFor),
  ];
}
