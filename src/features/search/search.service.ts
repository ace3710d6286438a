import { can } from '../../policies.js';
import type { Locale } from '../../shared/i18n/messages.js';
import type { Actor } from '../../shared/policy/actor.js';
import { createSearchIndex, type SearchablePage, type SearchHit, type SearchIndex } from './search-index.js';

export interface SearchDependencies {
  /** Every published information page and knowledge article (content.repo.ts searchablePages). */
  loadPages: () => Promise<readonly SearchablePage[]>;
  index?: SearchIndex;
}

/**
 * Search over the information pages and the knowledge base (ADR 0034), in process: the index is built from the
 * database at start and again after every publish. The query is never stored or logged, here or by the caller.
 */
export function createSearchService({ loadPages, index = createSearchIndex() }: SearchDependencies) {
  let first: Promise<void> | undefined;

  async function rebuild(): Promise<void> {
    await index.rebuild(await loadPages());
  }

  return {
    /** Reads the pages again and swaps in a new index (at start, after the content import, and on publish). */
    rebuild(): Promise<void> {
      const running = rebuild();
      first ??= running;
      return running;
    },

    /**
     * The pages that match, best first. Professionals-only knowledge articles are among them only for whoever may
     * read them (the knowledge base's rule: active professionals and the editorial roles).
     */
    async search(actor: Actor, query: string, locale: Locale): Promise<SearchHit[]> {
      // Nobody rebuilt yet (a test app, a start without import): build once, then serve.
      first ??= rebuild();
      await first;
      const professional = can(actor, 'knowledgeArticle', 'read', { status: 'published', visibility: 'professionals' });
      return index.search(query, locale, { professional });
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
