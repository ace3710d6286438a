import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderMarkdown, slugify } from './markdown.js';

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
