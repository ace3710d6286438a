/**
 * The one component allowed to insert raw HTML. Its only input is HTML produced by the markdown renderer in
 * src/features/content/markdown.ts, which sanitizes with an allowlist. Never pass anything else.
 */
export function SanitizedHtml({ html, className }: { html: string; className?: string }) {
  // The lint rule that bans dangerouslySetInnerHTML is lifted for this file only (eslint.config.js).
  return <div class={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
