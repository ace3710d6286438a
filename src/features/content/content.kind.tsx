import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';
import type { VNode } from 'preact';
import type { z } from 'zod';
import type {
  ContentFile,
  DocumentKind,
  DocumentText,
  EditorialKind,
  Parsed,
  PublishedDocument,
  ReadableField,
} from '../editorial/editorial.types.js';
import type { Trx } from '../../shared/db/transaction.js';
import { type Translate, locales } from '../../shared/i18n/i18n.js';
import type { MessageKey } from '../../shared/i18n/messages.js';
import type { PageContext } from '../../shared/views/context.js';
import { Checkbox, Input, Select, TextArea } from '../../shared/views/components/fields.js';
import type {
  ContentPage,
  ContentRepository,
  ContentSection,
  ContentVisibility,
  SectionPageWrite,
  Source,
} from './content.repo.js';
import { SlugTaken } from './content.repo.js';
import { EditorialRefusal } from '../editorial/editorial.service.js';
import { slugSchema } from './content.schema.js';
import { type MarkdownProblem, markdownLimits, markdownProblems, renderMarkdown } from './markdown.js';

/*
 * One factory for the editorial kinds whose documents are markdown files with YAML front matter: information pages
 * (kind `page`, content/nl|en/<slug>.md) and knowledge articles (kind `article`, content/kennisbank/nl|en/<slug>.md).
 * A revision's text is the file exactly; the CMS form edits the fields and the text is written again from them,
 * always in the same order and form (so the same fields give the same bytes). ADR 0040.
 */

/** The front matter fields every markdown kind has (each kind's schema narrows audience and topic). */
export interface MarkdownFrontMatter {
  title: string;
  summary: string;
  audience: string[];
  topic: string;
  sources: Source[];
  lastReviewed: string;
  order: number;
  draft?: boolean | undefined;
}

/** A parsed markdown document: its front matter, its markdown body and the text it was read from. */
export interface MarkdownDocument<F extends MarkdownFrontMatter = MarkdownFrontMatter> {
  front: F;
  body: string;
  text: string;
}

/** A front-matter field beyond the common ones, edited as a line of text or a yes/no box (e.g. an article's reviewer). */
export interface ExtraField {
  name: string;
  type: 'text' | 'boolean';
  label: MessageKey;
  hint?: MessageKey;
}

export interface MarkdownKindOptions<F extends MarkdownFrontMatter> {
  kind: DocumentKind;
  section: ContentSection;
  /** Where the kind's files live under the content directory, with '/' separators; '' for content/ itself. */
  directory: string;
  /** The language folders under `directory` (default nl and en), in the order they are read. */
  languages?: readonly string[];
  /** The front matter's schema; its output is the value's `front`. */
  frontMatter: z.ZodType<F>;
  /** The choices of the form's audience boxes and topic list, and how each is called in the editor's language. */
  audiences: readonly string[];
  topics: readonly string[];
  choiceLabel(field: 'audience' | 'topic', value: string, t: Translate): string;
  /** Extra front-matter fields, written after `sources` in this order. */
  extraFields?: readonly ExtraField[];
  visibility?(front: F): ContentVisibility;
  reviewedBy?(front: F): string | null;
  /** Refusals beyond the schema and the markdown rules (in the editor's language). */
  check?(document: MarkdownDocument<F>, key: string, t: Translate): Promise<string[]> | string[];
  /** The public view of the page, drawn for the CMS preview (without the layout). */
  Preview(props: { ctx: PageContext; page: ContentPage }): VNode;
  repo: ContentRepository;
  clock?: () => Date;
}

/*
 * gray-matter runs front matter written as "---js" through eval. Content files are written by people who are
 * not developers, so only YAML is accepted: any other front-matter language is refused.
 */
const refuse = (): never => {
  throw new Error('only YAML front matter is allowed');
};
export const noCodeEngines = { js: refuse, javascript: refuse, coffee: refuse, coffeescript: refuse, toml: refuse };

const keyPattern = /^([a-z]+)\/(.+)$/;

/**
 * `nl/<slug>` → its language and slug, or undefined when the key is not one. `languages` are the folders the kind
 * has: nl and en for every markdown kind, and for information pages also the languages being translated
 * (content/makkelijk|ar|tr|pl/<slug>.md, ADR 0053).
 */
export function pageKey(
  key: string,
  languages: readonly string[] = locales,
): { lang: string; slug: string } | undefined {
  const match = keyPattern.exec(key);
  if (match === null) return undefined;
  const [, lang = '', slug = ''] = match;
  if (!languages.includes(lang) || !slugSchema.safeParse(slug).success) return undefined;
  return { lang, slug };
}

/** Problems of markdown in the editor's language. */
export function markdownProblemTexts(problems: readonly MarkdownProblem[], t: Translate): string[] {
  return problems.map((problem) => {
    switch (problem.problem) {
      case 'tooLong':
        return t('content.edit.problem.tooLong', { characters: problem.characters });
      case 'tableTooLarge':
        return t('content.edit.problem.tableTooLarge', { rows: problem.rows, columns: problem.columns });
      case 'linkScheme':
        return t('content.edit.problem.linkScheme', { href: problem.href });
      case 'rawHtml':
        return t('content.edit.problem.rawHtml', { tag: problem.tag });
    }
  });
}

/** Lenient read of a text for the form: whatever fields it has, even when it would be refused. */
function readLoosely(text: string): { data: Record<string, unknown>; body: string } {
  try {
    const parsed = matter(text, { engines: noCodeEngines });
    return { data: parsed.data, body: parsed.content };
  } catch {
    return { data: {}, body: text };
  }
}

const asString = (value: unknown): string =>
  value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'string' || typeof value === 'number' ? String(value) : '';

/** Sources as the form shows them: one per line, "title | publisher | url". */
export function sourcesToLines(sources: unknown): string {
  if (!Array.isArray(sources)) return '';
  return sources
    .map((source: Partial<Record<'title' | 'publisher' | 'url', unknown>>) => {
      const parts = [asString(source.title), asString(source.publisher), asString(source.url)];
      while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
      return parts.join(' | ');
    })
    .join('\n');
}

/** The form's lines back to sources; a line with more than three parts is a problem (by line number). */
export function linesToSources(lines: string): { sources: Source[]; badLines: number[] } {
  const sources: Source[] = [];
  const badLines: number[] = [];
  lines.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const parts = line.split('|').map((part) => part.trim());
    const [title = '', publisher = '', url = ''] = parts;
    if (parts.length > 3 || title === '') {
      badLines.push(index + 1);
      return;
    }
    const source: Source = { title };
    if (publisher !== '') source.publisher = publisher;
    if (url !== '') source.url = url;
    sources.push(source);
  });
  return { sources, badLines };
}

/** Writes front matter and body as one file, always the same way (YAML, fields in the given order, no folding). */
export function serializeMarkdownFile(data: Record<string, unknown>, body: string): string {
  const ordered: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(data)) if (value !== undefined) ordered[name] = value;
  const normalized = body.replace(/\r\n?/g, '\n').replace(/\s+$/, '');
  return matter.stringify(normalized === '' ? '' : `${normalized}\n`, ordered, { lineWidth: -1 } as never);
}

/** Builds the editorial kind of a markdown section (pages, knowledge articles). */
export function markdownKind<F extends MarkdownFrontMatter>(
  options: MarkdownKindOptions<F>,
): EditorialKind<MarkdownDocument<F>> {
  const clock = options.clock ?? (() => new Date());
  const extras = options.extraFields ?? [];
  const folders = options.languages ?? locales;
  const keyOf = (key: string) => pageKey(key, folders);
  const fileDirectory = (lang: string) => (options.directory === '' ? lang : `${options.directory}/${lang}`);

  function parse(text: string, t: Translate): Parsed<MarkdownDocument<F>> {
    let parsed: matter.GrayMatterFile<string>;
    try {
      parsed = matter(text, { engines: noCodeEngines });
    } catch (error) {
      return { ok: false, problems: [t('content.edit.problem.frontMatter', { message: (error as Error).message })] };
    }
    const front = options.frontMatter.safeParse(parsed.data);
    if (!front.success) {
      return {
        ok: false,
        problems: front.error.issues.map((issue) =>
          t('content.edit.problem.field', { field: issue.path.join('.') || 'front matter', message: issue.message }),
        ),
      };
    }
    return { ok: true, value: { front: front.data, body: parsed.content.normalize('NFC'), text } };
  }

  function toPage(document: MarkdownDocument<F>, key: string): SectionPageWrite {
    const { lang, slug } = keyOf(key) ?? { lang: '', slug: '' };
    const rendered = renderMarkdown(document.body);
    const { front } = document;
    return {
      section: options.section,
      visibility: options.visibility?.(front) ?? 'public',
      reviewedBy: options.reviewedBy?.(front) ?? null,
      slug,
      lang,
      status: front.draft === true ? 'draft' : 'published',
      title: front.title,
      summary: front.summary,
      audience: front.audience,
      topic: front.topic,
      sources: front.sources,
      headings: rendered.headings,
      lastReviewed: front.lastReviewed,
      order: front.order,
      bodyMarkdown: document.body,
      bodyHtml: rendered.html,
      sourceHash: createHash('sha256').update(document.text).digest('hex'),
    };
  }

  const sourceText = (source: Source) => [source.title, source.publisher, source.url].filter(Boolean).join(', ');

  return {
    kind: options.kind,
    parse,

    async check(document, key, t) {
      const address = keyOf(key);
      if (address === undefined) return [t('content.edit.problem.key')];
      // No database read here: the core may call check inside its own transaction (one connection on SQLite).
      // A slug the other section uses is refused by apply, in the publishing transaction.
      const problems = markdownProblemTexts(markdownProblems(document.body), t);
      if (options.check !== undefined) problems.push(...(await options.check(document, key, t)));
      return problems;
    },

    title: (document) => document.front.title,

    fields(document, t): ReadableField[] {
      const { front } = document;
      const record = front as unknown as Record<string, unknown>;
      return [
        { label: t('content.edit.title'), text: front.title },
        { label: t('content.edit.summary'), text: front.summary },
        {
          label: t('content.edit.audience'),
          text: front.audience.map((value) => options.choiceLabel('audience', value, t)).join(', '),
        },
        { label: t('content.edit.topic'), text: options.choiceLabel('topic', front.topic, t) },
        { label: t('content.edit.sources'), text: front.sources.map(sourceText).join('\n') },
        ...extras.map((extra) => {
          const value = record[extra.name];
          const text =
            extra.type === 'boolean' ? t(value === true ? 'content.edit.yes' : 'content.edit.no') : asString(value);
          return { label: t(extra.label), text };
        }),
        { label: t('content.edit.lastReviewed'), text: front.lastReviewed },
        { label: t('content.edit.order'), text: String(front.order) },
        { label: t('content.edit.body'), text: document.body },
      ];
    },

    startDraft(published) {
      if (published !== undefined) return published;
      const data: Record<string, unknown> = {
        title: '',
        summary: '',
        audience: [],
        topic: options.topics[0] ?? '',
        sources: [],
        lastReviewed: clock().toISOString().slice(0, 10),
        order: 100,
      };
      return serializeMarkdownFile(data, '');
    },

    fromForm(form, previous, t) {
      const value = (name: string) => (form[name] ?? '').trim();
      const problems: string[] = [];
      const { sources, badLines } = linesToSources(form.sources ?? '');
      for (const line of badLines) problems.push(t('content.edit.problem.source', { line }));
      const orderText = value('order');
      const order = /^\d+$/.test(orderText) ? Number(orderText) : undefined;
      if (order === undefined) problems.push(t('content.edit.problem.number'));
      const data: Record<string, unknown> = {
        title: value('title'),
        summary: value('summary'),
        audience: options.audiences.filter((audience) => form[`audience-${audience}`] !== undefined),
        topic: value('topic'),
        sources,
      };
      for (const extra of extras) {
        if (extra.type === 'boolean') data[extra.name] = form[extra.name] !== undefined && form[extra.name] !== '';
        else data[extra.name] = value(extra.name) === '' ? undefined : value(extra.name);
      }
      data.lastReviewed = value('lastReviewed');
      data.order = order ?? 0;
      // A draft flag in the file is kept as it was (the editorial workflow decides what is published).
      if (readLoosely(previous).data.draft === true) data.draft = true;
      const body = (form.body ?? '').normalize('NFC');
      if (body.length > markdownLimits.characters) {
        return { ok: false, problems: [...problems, ...markdownProblemTexts(markdownProblems(body), t)] };
      }
      const text = serializeMarkdownFile(data, body);
      const parsed = parse(text, t);
      if (!parsed.ok) problems.push(...parsed.problems);
      else problems.push(...markdownProblemTexts(markdownProblems(parsed.value.body), t));
      return problems.length > 0 ? { ok: false, problems } : { ok: true, value: text };
    },

    Form({ ctx, text, posted }) {
      const { t } = ctx;
      const { data, body } = readLoosely(text);
      const audience = Array.isArray(data.audience) ? data.audience.map(asString) : [];
      const values: Record<string, string> = {
        title: asString(data.title),
        summary: asString(data.summary),
        sources: sourcesToLines(data.sources),
        lastReviewed: asString(data.lastReviewed),
        order: asString(data.order),
        body,
      };
      for (const extra of extras) if (extra.type === 'text') values[extra.name] = asString(data[extra.name]);
      let topic = asString(data.topic);
      // A refused save or preview: the fields as the editor posted them, nothing typed lost.
      if (posted !== undefined) {
        for (const name of Object.keys(values)) values[name] = posted[name] ?? '';
        audience.splice(0, audience.length, ...options.audiences.filter((choice) => posted[`audience-${choice}`] !== undefined));
        topic = posted.topic ?? '';
        for (const extra of extras) {
          if (extra.type === 'boolean') data[extra.name] = posted[extra.name] !== undefined && posted[extra.name] !== '';
        }
      }
      return (
        <div class="app-editor-fields">
          <Input ctx={ctx} name="title" label={t('content.edit.title')} form={values} wide />
          <TextArea
            ctx={ctx}
            name="summary"
            label={t('content.edit.summary')}
            hint={t('content.edit.summaryHint')}
            form={values}
            rows={2}
          />
          <fieldset class="app-fieldset">
            <legend class="app-fieldset__legend">{t('content.edit.audience')}</legend>
            {options.audiences.map((choice) => (
              <Checkbox
                key={choice}
                ctx={ctx}
                name={`audience-${choice}`}
                label={options.choiceLabel('audience', choice, t)}
                checked={audience.includes(choice)}
              />
            ))}
          </fieldset>
          <Select
            name="topic"
            label={t('content.edit.topic')}
            options={options.topics.map((choice) => ({ value: choice, label: options.choiceLabel('topic', choice, t) }))}
            selected={topic}
          />
          <TextArea
            ctx={ctx}
            name="sources"
            label={t('content.edit.sources')}
            hint={t('content.edit.sourcesHint')}
            form={values}
            rows={5}
          />
          {extras.map((extra) =>
            extra.type === 'boolean' ? (
              <Checkbox
                key={extra.name}
                ctx={ctx}
                name={extra.name}
                label={t(extra.label)}
                {...(extra.hint === undefined ? {} : { hint: t(extra.hint) })}
                checked={data[extra.name] === true}
              />
            ) : (
              <Input
                key={extra.name}
                ctx={ctx}
                name={extra.name}
                label={t(extra.label)}
                {...(extra.hint === undefined ? {} : { hint: t(extra.hint) })}
                form={values}
                wide
              />
            ),
          )}
          <Input ctx={ctx} name="lastReviewed" label={t('content.edit.lastReviewed')} form={values} type="date" />
          <Input ctx={ctx} name="order" label={t('content.edit.order')} hint={t('content.edit.orderHint')} form={values} />
          <TextArea
            ctx={ctx}
            name="body"
            label={t('content.edit.body')}
            hint={t('content.edit.bodyHint')}
            form={values}
            rows={24}
            max={markdownLimits.characters}
          />
        </div>
      );
    },

    Preview({ ctx, value, documentKey }) {
      const write = toPage(value, documentKey);
      const page: ContentPage = { ...write, id: '', reviewedBy: write.reviewedBy };
      return <options.Preview ctx={ctx} page={page} />;
    },

    async apply(trx: Trx, key, document, publishedAt) {
      if (keyOf(key) === undefined) throw new Error(`${options.kind} ${key}: not a page key`);
      try {
        await options.repo.savePage(trx, toPage(document, key), publishedAt);
      } catch (error) {
        if (error instanceof SlugTaken) throw new EditorialRefusal('content.edit.problem.slugInUse', 409);
        throw error;
      }
    },

    async readFiles(contentDirectory): Promise<DocumentText[]> {
      const texts: DocumentText[] = [];
      for (const lang of folders) {
        const directory = path.join(contentDirectory, ...fileDirectory(lang).split('/'));
        let names: string[];
        try {
          names = (await readdir(directory)).filter((name) => name.endsWith('.md')).sort();
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
          throw error;
        }
        for (const name of names) {
          texts.push({ key: `${lang}/${name.slice(0, -'.md'.length)}`, text: await readFile(path.join(directory, name), 'utf8') });
        }
      }
      return texts;
    },

    writeFiles(documents: readonly PublishedDocument[]): ContentFile[] {
      return documents.map((document) => {
        const address = keyOf(document.key);
        if (address === undefined) throw new Error(`${options.kind} ${document.key}: not a page key`);
        return { path: `${fileDirectory(address.lang)}/${address.slug}.md`, content: document.current };
      });
    },
  };
}
