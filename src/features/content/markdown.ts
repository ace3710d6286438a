import MarkdownIt from 'markdown-it';
import anchor from 'markdown-it-anchor';
import sanitizeHtml from 'sanitize-html';

export interface Heading {
  id: string;
  text: string;
}

export interface RenderedMarkdown {
  html: string;
  /** Second-level headings, for the page's table of contents. */
  headings: Heading[];
}

/** Heading ids are plain ASCII so anchors survive copying and old browsers: "Wat kun je doen?" → "wat-kun-je-doen". */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'sectie' : slug;
}

// Raw HTML in the markdown is not passed through (html: false); sanitize-html below is the second wall.
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false }).use(anchor, {
  slugify,
  level: [2, 3],
  tabIndex: false,
});

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: [
    'h2', 'h3', 'h4', 'p', 'ul', 'ol', 'li', 'a', 'strong', 'em', 'blockquote', 'code', 'pre', 'hr', 'br',
    'table', 'thead', 'tbody', 'tr', 'th', 'td',
  ],
  allowedAttributes: { a: ['href', 'rel'], h2: ['id'], h3: ['id'], th: ['scope'], ol: ['start'] },
  allowedSchemes: ['https', 'http', 'mailto', 'tel'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  transformTags: {
    // External links must not leak where the visitor came from (also guarded by Referrer-Policy).
    a: (tagName, attributes) => {
      const href = attributes.href ?? '';
      const external = /^https?:/i.test(href);
      return { tagName, attribs: external ? { href, rel: 'noopener noreferrer external' } : { href } };
    },
  },
};

/** Sanitizes HTML again where it is read back (content_pages.body_html): a row written by other means stays safe. */
export function sanitizeRenderedHtml(html: string): string {
  return sanitizeHtml(html, sanitizeOptions);
}

/** The limits an editor's markdown must keep (ADR 0040). */
export const markdownLimits = { characters: 100_000, tableRows: 200, tableColumns: 12 } as const;

/** Why a markdown text is refused on save; the kind turns each into a sentence in the editor's language. */
export type MarkdownProblem =
  | { problem: 'tooLong'; characters: number }
  | { problem: 'tableTooLarge'; rows: number; columns: number }
  | { problem: 'linkScheme'; href: string }
  | { problem: 'rawHtml'; tag: string };

// The checking parser sees what the rendering one hides: raw HTML as html tokens, and every link as written.
const checking = new MarkdownIt({ html: true, linkify: false, typographer: false });
checking.validateLink = () => true;

const allowedScheme = /^(https?|mailto|tel):/i;
// Letters, digits, +, -, . then ':' before any '/', '?' or '#': a scheme (browsers ignore control characters).
const hasScheme = /^[a-z][a-z0-9+.-]*:/i;

function linkProblem(href: string): MarkdownProblem | undefined {
  // eslint-disable-next-line no-control-regex
  const bare = href.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (bare.startsWith('//') || bare.startsWith('\\') || bare.startsWith('/\\')) return { problem: 'linkScheme', href };
  if (hasScheme.test(bare) && !allowedScheme.test(bare)) return { problem: 'linkScheme', href };
  return undefined;
}

/**
 * Checks an editor's markdown before it is saved: not over 100,000 characters, no table over 200 rows or 12
 * columns, links only to https, http, mailto, tel or this site, and no raw HTML (it would be shown as text).
 * The renderer drops all of these anyway; refusing them tells the editor what the page would lose.
 */
export function markdownProblems(source: string): MarkdownProblem[] {
  if (source.length > markdownLimits.characters) return [{ problem: 'tooLong', characters: source.length }];
  const problems: MarkdownProblem[] = [];
  const seen = new Set<string>();
  const add = (problem: MarkdownProblem) => {
    const key = JSON.stringify(problem);
    if (!seen.has(key)) problems.push(problem);
    seen.add(key);
  };
  const tokens = checking.parse(source, {});
  let rows = 0;
  let columns = 0;
  let cellsInRow = 0;
  const visit = (list: readonly (typeof tokens)[number][]) => {
    for (const token of list) {
      if (token.type === 'table_open') {
        rows = 0;
        columns = 0;
      } else if (token.type === 'tr_open') {
        rows += 1;
        cellsInRow = 0;
      } else if (token.type === 'th_open' || token.type === 'td_open') {
        cellsInRow += 1;
        columns = Math.max(columns, cellsInRow);
      } else if (token.type === 'table_close') {
        if (rows > markdownLimits.tableRows || columns > markdownLimits.tableColumns) {
          add({ problem: 'tableTooLarge', rows, columns });
        }
      } else if (token.type === 'html_block' || token.type === 'html_inline') {
        const tag = /<\/?([a-z][a-z0-9-]*)/i.exec(token.content)?.[1]?.toLowerCase() ?? token.content.trim().slice(0, 20);
        add({ problem: 'rawHtml', tag });
      } else if (token.type === 'link_open' || token.type === 'image') {
        const href = token.attrGet(token.type === 'image' ? 'src' : 'href') ?? '';
        const problem = linkProblem(href);
        if (problem !== undefined) add(problem);
      }
      if (token.children !== null) visit(token.children);
    }
  };
  visit(tokens);
  return problems;
}

/** Renders trusted-but-checked markdown to sanitized HTML. The only source of raw HTML in any page. */
export function renderMarkdown(source: string): RenderedMarkdown {
  const tokens = markdown.parse(source, {});
  const headings: Heading[] = [];
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index];
    if (token?.type === 'heading_open' && token.tag === 'h2') {
      const id = token.attrGet('id');
      const text = tokens[index + 1]?.children?.map((child) => child.content).join('') ?? '';
      if (id !== null) headings.push({ id, text });
    }
  }
  const html = sanitizeHtml(markdown.renderer.render(tokens, markdown.options, {}), sanitizeOptions);
  return { html, headings };
}
