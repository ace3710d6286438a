import assert from 'node:assert/strict';
import { test } from 'node:test';
import { markdownProblems, renderMarkdown, sanitizeRenderedHtml, slugify } from './markdown.js';

test('raw HTML in markdown is shown as text, never run', () => {
  const { html } = renderMarkdown('Hallo <script>alert(1)</script> <img src=x onerror=alert(1)>');
  assert.doesNotMatch(html, /<script|<img/);
  assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
  assert.match(html, /&lt;script&gt;/);
});

test('javascript: and data: links are not rendered as links', () => {
  const { html } = renderMarkdown('[a](javascript:alert(1)) [b](data:text/html,x) [c](JAVASCRIPT:alert(1))');
  assert.doesNotMatch(html, /href="(javascript|data|JAVASCRIPT):/i);
});

test('external links carry rel="noopener noreferrer external"; internal links stay plain', () => {
  const { html } = renderMarkdown('[Veilig Thuis](https://veiligthuis.nl) en [veilig gebruik](/informatie/veilig-gebruik)');
  assert.match(html, /<a href="https:\/\/veiligthuis.nl" rel="noopener noreferrer external">Veilig Thuis<\/a>/);
  assert.match(html, /<a href="\/informatie\/veilig-gebruik">veilig gebruik<\/a>/);
});

test('second- and third-level headings get anchors; h2s form the table of contents', () => {
  const { html, headings } = renderMarkdown('## Wat kun je doen?\n\ntekst\n\n### Één stap\n\n## Wat kun je doen?\n');
  assert.match(html, /<h2 id="wat-kun-je-doen">/);
  assert.match(html, /<h3 id="een-stap">/);
  assert.deepEqual(headings, [
    { id: 'wat-kun-je-doen', text: 'Wat kun je doen?' },
    { id: 'wat-kun-je-doen-1', text: 'Wat kun je doen?' },
  ]);
});

test('slugs are plain ASCII words joined by dashes', () => {
  assert.equal(slugify('Ideeën & tips: wat nú?'), 'ideeen-tips-wat-nu');
  assert.equal(slugify('!!!'), 'sectie');
});

test('hostile markdown: nothing that runs reaches the page, whatever the editor wrote', () => {
  const hostile = [
    '<script>alert(1)</script>',
    '<iframe src="https://evil.example"></iframe>',
    '<img src=x onerror=alert(1)>',
    '<a href="javascript:alert(1)" onclick="alert(1)">x</a>',
    '[x](javascript:alert(1)) [y](java\tscript:alert(1)) [z](vbscript:msgbox) [w](data:text/html;base64,PHNjcmlwdD4=)',
    '![x](javascript:alert(1)) <svg onload=alert(1)>',
    '<style>body{display:none}</style> <object data=x></object> <embed src=x>',
    '[a](<javascript:alert(1)>) <javascript:alert(1)>',
  ].join('\n\n');
  const { html } = renderMarkdown(hostile);
  assert.doesNotMatch(html, /<(script|iframe|img|svg|style|object|embed)\b/i);
  // Raw HTML shows as escaped text; no real tag carries an event handler or a dangerous link.
  const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
  assert.ok(tags.length > 0);
  for (const tag of tags) {
    assert.doesNotMatch(tag, /\son[a-z]+=/i);
    assert.doesNotMatch(tag, /(href|src)="\s*(javascript|vbscript|data):/i);
  }
});

test('stored HTML is sanitized again when it is read back', () => {
  const stored = '<p>ok</p><script>alert(1)</script><a href="javascript:x" onclick="y">z</a><iframe></iframe>';
  assert.equal(sanitizeRenderedHtml(stored), '<p>ok</p><a>z</a>');
});

test('markdown problems: raw HTML, bad link schemes, oversized tables and text are refused with reasons', () => {
  assert.deepEqual(markdownProblems('## Kop\n\nGewone tekst met [link](https://veiligthuis.nl), [mail](mailto:a@b.nl), [bel](tel:0800-2000) en [intern](/informatie/signalen#kop).\n'), []);
  assert.deepEqual(markdownProblems('Tekst met `<script>` in code is geen HTML.\n\n    <iframe> ook niet\n'), []);
  assert.deepEqual(markdownProblems('Hallo <script>alert(1)</script>\n\n<iframe src="x"></iframe>\n'), [
    { problem: 'rawHtml', tag: 'script' },
    { problem: 'rawHtml', tag: 'iframe' },
  ]);
  assert.deepEqual(markdownProblems('<div onclick="x">a</div>'), [{ problem: 'rawHtml', tag: 'div' }]);
  assert.deepEqual(
    markdownProblems('[a](javascript:alert(1)) [b](JAVASCRIPT:x) [c](data:text/html,x) [d](//evil.example) ![e](vbscript:x)'),
    [
      { problem: 'linkScheme', href: 'javascript:alert(1)' },
      { problem: 'linkScheme', href: 'JAVASCRIPT:x' },
      { problem: 'linkScheme', href: 'data:text/html,x' },
      { problem: 'linkScheme', href: '//evil.example' },
      { problem: 'linkScheme', href: 'vbscript:x' },
    ],
  );
  const row = (cells: number) => `|${' x |'.repeat(cells)}\n`;
  const table = (rows: number, cells: number) => row(cells) + `|${' - |'.repeat(cells)}\n` + row(cells).repeat(rows - 1);
  assert.deepEqual(markdownProblems(table(200, 12)), []);
  assert.deepEqual(markdownProblems(table(201, 2)), [{ problem: 'tableTooLarge', rows: 201, columns: 2 }]);
  assert.deepEqual(markdownProblems(table(3, 13)), [{ problem: 'tableTooLarge', rows: 3, columns: 13 }]);
  assert.deepEqual(markdownProblems('a'.repeat(100_000)), []);
  assert.deepEqual(markdownProblems('a'.repeat(100_001)), [{ problem: 'tooLong', characters: 100_001 }]);
});
