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
