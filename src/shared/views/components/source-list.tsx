import { safeUrl } from '../safe-url.js';

export interface Source {
  title: string;
  publisher?: string | undefined;
  url?: string | undefined;
}

/** Where the facts on a page come from: a titled section with one item per source, linked when it has an address. */
export function SourceList({ id, title, sources }: { id: string; title: string; sources: readonly Source[] }) {
  if (sources.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ul class="app-sources">
        {sources.map((source) => (
          <li key={source.title}>
            {source.url === undefined ? (
              source.title
            ) : (
              <a href={safeUrl(source.url)} rel="noopener noreferrer external">
                {source.title}
              </a>
            )}
            {source.publisher !== undefined && <span>, {source.publisher}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
