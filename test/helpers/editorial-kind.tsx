import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { EditorialKind } from '../../src/features/editorial/editorial.types.js';

/*
 * A small kind of editorial document for the core's tests (the real kinds live with their features): a title and
 * a body as JSON. A body with the word FORBIDDEN fails the kind's check; what is published lands in `live`.
 */
export interface TestValue {
  title: string;
  body: string;
}

export const testText = (value: TestValue): string => `${JSON.stringify(value, null, 2)}\n`;

export function createTestKind(): EditorialKind<TestValue> & {
  live: Map<string, TestValue>;
  reloads: string[];
  failApply: boolean;
} {
  const live = new Map<string, TestValue>();
  const reloads: string[] = [];
  const kind = {
    kind: 'page' as const,
    live,
    reloads,
    failApply: false,
    parse(text: string) {
      try {
        const value = JSON.parse(text) as Partial<TestValue>;
        if (typeof value.title !== 'string' || value.title === '' || typeof value.body !== 'string') {
          return { ok: false as const, problems: ['title and body are needed'] };
        }
        return { ok: true as const, value: { title: value.title, body: value.body } };
      } catch {
        return { ok: false as const, problems: ['not JSON'] };
      }
    },
    check: (value: TestValue) => (value.body.includes('FORBIDDEN') ? ['the body holds a forbidden word'] : []),
    title: (value: TestValue) => value.title,
    fields: (value: TestValue) => [
      { label: 'Title', text: value.title },
      { label: 'Body', text: value.body },
    ],
    startDraft: (published: string | undefined) => published ?? testText({ title: 'New', body: '' }),
    fromForm(form: Readonly<Record<string, string | undefined>>) {
      const title = form['title'] ?? '';
      if (title.trim() === '') return { ok: false as const, problems: ['Fill in a title'] };
      return { ok: true as const, value: testText({ title, body: form['body'] ?? '' }) };
    },
    Form({ text }: { text: string }) {
      const value = kind.parse(text);
      const shown = value.ok ? value.value : { title: '', body: '' };
      return (
        <div>
          <label for="title">Title</label>
          <input id="title" name="title" value={shown.title} />
          <label for="body">Body</label>
          <textarea id="body" name="body">
            {shown.body}
          </textarea>
        </div>
      );
    },
    Preview: ({ value }: { value: TestValue }) => (
      <article data-test-preview>
        <h2>{value.title}</h2>
        <p>{value.body}</p>
      </article>
    ),
    apply(_trx: unknown, key: string, value: TestValue) {
      if (kind.failApply) return Promise.reject(new Error('apply failed'));
      live.set(key, value);
      return Promise.resolve();
    },
    afterPublish(key: string) {
      reloads.push(key);
    },
    async readFiles(directory: string) {
      const folder = path.join(directory, 'test-kind');
      let names: string[];
      try {
        names = (await readdir(folder)).filter((name) => name.endsWith('.json')).sort();
      } catch {
        return [];
      }
      // Files named <key>.<n>.json: the versions of one key, oldest first.
      return Promise.all(
        names.map(async (name) => ({
          key: name.replace(/\.\d+\.json$/, ''),
          text: await readFile(path.join(folder, name), 'utf8'),
        })),
      );
    },
    writeFiles: (documents: readonly { key: string; history: readonly string[] }[]) =>
      documents.flatMap((document) =>
        document.history.map((text, index) => ({ path: `test-kind/${document.key}.${index + 1}.json`, content: text })),
      ),
  };
  return kind;
}
