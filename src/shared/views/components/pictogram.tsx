import type { PageContext } from '../context.js';

/*
 * Pictograms for easy-read Dutch (issue 19 point 1, ADR 0054): a few simple, own, inline SVGs beside the key
 * actions (call 112, call Veilig Thuis, talk to someone, write it down). Decoration only: aria-hidden, the text
 * beside each carries the meaning. No file, no request; drawn in currentColor so they follow the text's contrast.
 * Shown only on a page in easy-read Dutch, where the chosen language is makkelijk and the page is translated.
 */

export const pictogramNames = ['call112', 'callVeiligThuis', 'talk', 'writeDown'] as const;
export type PictogramName = (typeof pictogramNames)[number];

const strokes = {
  fill: 'none',
  stroke: 'currentColor',
  'stroke-width': 2,
  'stroke-linecap': 'round',
  'stroke-linejoin': 'round',
} as const;

/** A telephone handset. */
const handset = 'M9 4h4l2 6-3 2a14 14 0 0 0 8 8l2-3 6 2v4a3 3 0 0 1-3 3C15 26 6 17 6 7a3 3 0 0 1 3-3z';

const drawings: Record<PictogramName, () => preact.JSX.Element> = {
  // A handset with a warning sign: call 112.
  call112: () => (
    <>
      <path d={handset} {...strokes} />
      <path d="M24 3l5 9h-10z" {...strokes} />
      <path d="M24 6.5v2.5" {...strokes} />
    </>
  ),
  // A handset and a house: call Veilig Thuis.
  callVeiligThuis: () => (
    <>
      <path d={handset} {...strokes} />
      <path d="M19 9l5-5 5 5M20.5 8v5h7V8" {...strokes} />
    </>
  ),
  // Two speech bubbles: talk to someone.
  talk: () => (
    <>
      <path d="M4 6h14a2 2 0 0 1 2 2v7a2 2 0 0 1-2 2H10l-4 4v-4H4a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2z" {...strokes} />
      <path d="M23 12h5a2 2 0 0 1 2 2v7a2 2 0 0 1-2 2h-1v4l-4-4h-6a2 2 0 0 1-2-2v-1" {...strokes} />
    </>
  ),
  // A sheet with lines and a pencil: write it down.
  writeDown: () => (
    <>
      <path d="M6 3h13l5 5v9M24 27v2H6V3" {...strokes} />
      <path d="M10 10h8M10 15h10M10 20h6" {...strokes} />
      <path d="M28 14l2 2-9 9-3 1 1-3z" {...strokes} />
    </>
  ),
};

/** Whether the page is in easy-read Dutch (the only language that shows pictograms). */
export function showsPictograms(ctx: PageContext): boolean {
  return ctx.pageLanguage?.language === 'makkelijk' && ctx.pageLanguage.translated;
}

export function Pictogram({ ctx, name }: { ctx: PageContext; name: PictogramName }) {
  if (!showsPictograms(ctx)) return null;
  const Drawing = drawings[name];
  return (
    <svg
      class="app-pictogram"
      data-pictogram={name}
      viewBox="0 0 32 32"
      width="32"
      height="32"
      aria-hidden="true"
      focusable="false"
    >
      <Drawing />
    </svg>
  );
}
