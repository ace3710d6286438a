import assert from 'node:assert/strict';
import { test } from 'node:test';
import { render } from 'preact-render-to-string';
import { translatorFor } from '../../messages.js';
import { contentDir } from '../../shared/paths.js';
import type { PageContext } from '../../shared/views/context.js';
import type { ContentRepository } from './content.repo.js';
import { linesToSources, sourcesToLines } from './content.kind.js';
import { pageKind } from './page.kind.js';

const t = translatorFor('nl');
const freeSlugs = { sectionOfSlug: () => Promise.resolve(undefined) } as unknown as ContentRepository;
const kind = pageKind(freeSlugs, () => new Date('2026-12-07T10:00:00Z'));

function file(body: string, extra = ''): string {
  return `---\ntitle: Signalen\nsummary: Wat je kunt zien.\naudience: [parents]\ntopic: begrijpen\nsources:\n  - title: Bron\n    publisher: Uitgever\n    url: https://example.org/bron\nlastReviewed: 2026-11-28\norder: 40\n${extra}---\n${body}`;
}

/** The form a browser posts for this text: what the kind's Form shows, as fields. */
function formOf(text: string): Record<string, string> {
  const parsed = kind.parse(text, t);
  assert.ok(parsed.ok);
  const { front, body } = parsed.value;
  const form: Record<string, string> = {
    title: front.title,
    summary: front.summary,
    topic: front.topic,
    sources: sourcesToLines(front.sources),
    lastReviewed: front.lastReviewed,
    order: String(front.order),
    body: body.replace(/\n/g, '\r\n'),
  };
  for (const audience of front.audience) form[`audience-${audience}`] = 'ja';
  return form;
}

test('every information page in content/ is read and passes the markdown rules', async () => {
  const texts = await kind.readFiles(contentDir);
  assert.ok(texts.length >= 40);
  for (const { key, text } of texts) {
    // nl and en, and the translations (content/<language>/<slug>.md, ADR 0053).
    assert.match(key, /^(nl|en|makkelijk|ar|tr|pl)\/[a-z0-9-]+$/);
    const parsed = kind.parse(text, t);
    assert.ok(parsed.ok, `${key}: ${parsed.ok ? '' : parsed.problems.join('; ')}`);
    assert.deepEqual(await kind.check(parsed.value, key, t), [], key);
  }
  // Its files are written back to the same paths with the same bytes.
  const files = kind.writeFiles(texts.map(({ key, text }) => ({ key, current: text, history: [text] })));
  assert.deepEqual(
    files.map((written) => written.path),
    texts.map(({ key }) => `${key}.md`),
  );
});

test('the form writes the file again in one fixed way: the same fields give the same bytes', () => {
  const first = kind.fromForm(formOf(file('## Kop\n\nTekst.\n')), file(''), t);
  assert.ok(first.ok);
  const second = kind.fromForm(formOf(first.value), first.value, t);
  assert.ok(second.ok);
  assert.equal(second.value, first.value);
  assert.doesNotMatch(first.value, /\r/);
  const parsed = kind.parse(first.value, t);
  assert.ok(parsed.ok);
  assert.equal(parsed.value.front.title, 'Signalen');
  assert.deepEqual(parsed.value.front.sources, [{ title: 'Bron', publisher: 'Uitgever', url: 'https://example.org/bron' }]);
  assert.equal(parsed.value.body, '## Kop\n\nTekst.\n');
});

test('hostile markdown in the form is refused with a reason per problem, in the editor’s language', () => {
  const form = formOf(file('x'));
  const hostile = {
    ...form,
    body: '<script>alert(1)</script>\n\n[klik](javascript:alert(1))\n\n<iframe src="https://evil.example"></iframe>\n',
  };
  const result = kind.fromForm(hostile, file(''), t);
  assert.ok(!result.ok);
  assert.equal(result.problems.length, 3);
  assert.match(result.problems.join(' '), /script/);
  assert.match(result.problems.join(' '), /javascript:alert\(1\)/);
  assert.match(result.problems.join(' '), /iframe/);
  const huge = kind.fromForm({ ...form, body: 'a'.repeat(100_001) }, file(''), t);
  assert.ok(!huge.ok);
  assert.match(huge.problems.join(' '), /100\.000/);
  const badFields = kind.fromForm({ ...form, title: '', order: 'veel', sources: 'a | b | c | d' }, file(''), t);
  assert.ok(!badFields.ok);
  assert.equal(badFields.problems.length, 3);
});

test('a text that does not parse and a bad key are refused', async () => {
  assert.ok(!kind.parse('---js\n{ title: process.exit(1) }\n---\n', t).ok);
  assert.ok(!kind.parse('geen front matter', t).ok);
  const parsed = kind.parse(file('Tekst.\n'), t);
  assert.ok(parsed.ok);
  assert.equal((await kind.check(parsed.value, 'de/signalen', t)).length, 1);
  assert.equal((await kind.check(parsed.value, 'nl/../etc', t)).length, 1);
});

test('sources are edited as lines "title | publisher | url"', () => {
  assert.deepEqual(linesToSources('A | B | https://a.nl\nC\n\nD |  | https://d.nl\nE | F'), {
    sources: [
      { title: 'A', publisher: 'B', url: 'https://a.nl' },
      { title: 'C' },
      { title: 'D', url: 'https://d.nl' },
      { title: 'E', publisher: 'F' },
    ],
    badLines: [],
  });
  assert.deepEqual(linesToSources(' | x\na|b|c|d').badLines, [1, 2]);
});

test('the preview is the public article, sanitized, and the form shows the fields', () => {
  const parsed = kind.parse(file('## Eerste\n\nTekst <b>vet</b>.\n\n## Tweede\n'), t);
  assert.ok(parsed.ok);
  const ctx = { t, locale: 'nl' } as unknown as PageContext;
  const html = render(<kind.Preview ctx={ctx} value={parsed.value} documentKey="nl/signalen" />);
  assert.match(html, /<article class="app-article"><h1>Signalen<\/h1>/);
  assert.match(html, /<h2 id="eerste">Eerste<\/h2>/);
  assert.doesNotMatch(html, /<b>/);
  const form = render(<kind.Form ctx={ctx} text={file('Tekst.\n')} documentKey="nl/signalen" />);
  assert.match(form, /name="title"[^>]*value="Signalen"/);
  assert.match(form, /name="audience-parents"[^>]*checked/);
  assert.match(form, /<option value="begrijpen" selected/);
  assert.match(form, /Bron \| Uitgever \| https:\/\/example.org\/bron/);
  assert.doesNotMatch(form, /name="_/);
});
