import { randomBytes } from 'node:crypto';
import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';

declare const renderedBrand: unique symbol;

/**
 * HTML that preact-render-to-string produced (so every text and attribute in it is escaped), or pieces of such
 * HTML joined in order. Never a string from anywhere else: that is what the brand is for.
 */
export type RenderedHtml = string & { readonly [renderedBrand]: true };

export function renderToHtml(view: VNode): RenderedHtml {
  return render(view) as RenderedHtml;
}

/** Joins rendered pieces; the result is as safe as its pieces. */
export function joinRendered(pieces: readonly RenderedHtml[]): RenderedHtml {
  return pieces.join('') as RenderedHtml;
}

// A marker no rendered text can contain, so splitting on it finds only the slot.
const slotMarker = `slot-${randomBytes(16).toString('hex')}`;

/**
 * Renders a view with one slot and returns the HTML before and after it, for views that are put together from
 * pieces rendered once (see renderOutcomeDetails).
 */
export function renderAround(view: (slot: string) => VNode): [RenderedHtml, RenderedHtml] {
  const parts = render(view(slotMarker)).split(slotMarker);
  if (parts.length !== 2) throw new Error('a view rendered around a slot needs exactly one slot');
  return parts as [RenderedHtml, RenderedHtml];
}
