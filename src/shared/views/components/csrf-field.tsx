import type { PageContext } from '../context.js';

/** The hidden CSRF field every state-changing form carries. */
export function CsrfField({ ctx }: { ctx: PageContext }) {
  return <input type="hidden" name="_csrf" value={ctx.csrfToken()} />;
}
