import { can } from '../../policies.js';
import type { Language } from '../../shared/i18n/messages.js';
import type { Actor } from '../../shared/policy/actor.js';
import { createSearchIndex, type SearchablePage, type SearchHit, type SearchIndex } from './search-index.js';

export interface SearchDependencies {
  /** Every published information page and knowledge article (content.repo.ts searchablePages). */
  loadPages: () => Promise<readonly SearchablePage[]>;
  index?: SearchIndex;
  /** Told when a rebuild asked for by rebuildSoon fails (the old index keeps serving). */
  onError?: (error: unknown) => void;
  /**
   * An index older than this is rebuilt in the background at the next search (default 5 minutes): another
   * instance's publish reaches this one's index within that time.
   */
  maxAgeMs?: number;
  clock?: () => number;
  /**
   * Whether information pages written in a language are shown in it (the content routes' rule, ADR 0053); when
   * not, a search in that language finds the fallback locale's pages, as /informatie/<slug> shows them. Default:
   * always.
   */
  showsTranslations?: (language: Language) => boolean;
}

/**
 * Search over the information pages and the knowledge base (ADR 0034), in process: the index is built from the
 * database at start and again after every publish. The query is never stored or logged, here or by the caller.
 *
 * Rebuilds run one at a time. A rebuild asked for while another waits to start joins it (it reads the pages when
 * it starts, so it includes every change made before): an import of a hundred files gives two or three rebuilds,
 * not a hundred. A search waits for a rebuild that is due, so what was just published is found.
 */
export function createSearchService({
  loadPages,
  index = createSearchIndex(),
  onError,
  maxAgeMs = 5 * 60_000,
  clock = Date.now,
  showsTranslations = () => true,
}: SearchDependencies) {
  let latest: Promise<void> | undefined;
  let waiting = false;
  let builtAt: number | undefined;
  /** The rebuild a search waits for (the last one asked for by a publish or at start), settled either way. */
  let due: Promise<void> | undefined;
  const settled = (promise: Promise<void>) => promise.then(nothing, nothing);

  /** A rebuild after the ones before; `wait`: searches wait for it (not for the refresh of an old index). */
  function schedule(wait = true): Promise<void> {
    if (!waiting || latest === undefined) {
      waiting = true;
      latest = settled(latest ?? Promise.resolve()).then(async () => {
        waiting = false;
        const started = clock();
        await index.rebuild(await loadPages());
        builtAt = started;
      });
    }
    if (wait) due = settled(latest);
    return latest;
  }

  /** The same without waiting (the publish listener): a failure is reported, the old index keeps serving. */
  function rebuildSoon(): void {
    schedule().catch((error: unknown) => onError?.(error));
  }

  function refresh(): void {
    schedule(false).catch((error: unknown) => onError?.(error));
  }

  return {
    /** Reads the pages again and swaps in a new index; resolves when it is in use (at start, after the import). */
    rebuild: (): Promise<void> => schedule(),

    rebuildSoon,

    /** How many pages each language's index holds. */
    size: () => index.size(),

    /**
     * The pages that match, best first, in the visitor's chosen language; for a language that is not nl or en,
     * then the pages not translated into it, in its fallback (SearchIndex.search). Professionals-only knowledge
     * articles are among them only for whoever may read them (the knowledge base's rule: active professionals and
     * the editorial roles).
     */
    async search(actor: Actor, query: string, language: Language): Promise<SearchHit[]> {
      // Nobody built the index yet (an app without the start-up preparation): build it once.
      if (latest === undefined) void schedule().catch(nothing);
      await due;
      if (!waiting && builtAt !== undefined && clock() - builtAt > maxAgeMs) refresh();
      const professional = can(actor, 'knowledgeArticle', 'read', { status: 'published', visibility: 'professionals' });
      return index.search(query, language, { professional, translations: showsTranslations(language) });
    },
  };
}

const nothing = () => undefined;

export type SearchService = ReturnType<typeof createSearchService>;
