import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Translate } from '../../shared/i18n/i18n.js';
import type { DocumentKind, DocumentText, EditorialKinds, PublishedDocument } from './editorial.types.js';

/*
 * Content in git (issue 16, ADR 0040): `npm run cli -- export-content <dir>` writes every published document of
 * every editorial kind as the files `content/` holds; `import-content <dir>` reads such a directory back. Both are
 * generic over the kinds the composition root lists, so a new kind is exported and imported without a change here.
 */

/** The part of the editorial service these need. */
export interface ContentFilesStore {
  kinds: EditorialKinds;
  publishedDocuments(kind: DocumentKind): Promise<PublishedDocument[]>;
  importDocuments(
    kind: DocumentKind,
    texts: readonly DocumentText[],
  ): Promise<{ created: number; updated: number; unchanged: number }>;
}

/** A file path a kind gave that would leave the target directory: refused rather than written. */
function safeRelative(file: string): string[] {
  const parts = file.split('/');
  if (
    file.startsWith('/') ||
    parts.some((part) => part === '' || part === '.' || part === '..' || part.includes('\\'))
  ) {
    throw new Error(`refused to write ${JSON.stringify(file)}: not a plain path inside the directory`);
  }
  return parts;
}

/** Writes every kind's published documents under `directory`; returns the paths written, relative to it. */
export async function exportContent(store: ContentFilesStore, directory: string): Promise<string[]> {
  const written: string[] = [];
  for (const kind of store.kinds) {
    const files = kind.writeFiles(await store.publishedDocuments(kind.kind));
    for (const file of files) {
      const target = path.join(directory, ...safeRelative(file.path));
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.content, 'utf8');
      written.push(file.path);
    }
  }
  return written.sort();
}

/** The file a document's text comes from, as its kind writes it (for messages that name the file). */
function fileOf(kinds: EditorialKinds, kindName: DocumentKind, text: DocumentText): string {
  const kind = kinds.find((candidate) => candidate.kind === kindName);
  try {
    const file = kind?.writeFiles([{ key: text.key, current: text.text, history: [text.text] }])[0];
    if (file !== undefined) return file.path;
  } catch {
    // A key the kind cannot place (e.g. a file name that is not a slug): named by its key below.
  }
  return `${kindName} ${text.key}`;
}

/**
 * Reads every kind's files from `directory` and imports them. Every text of every kind is parsed and checked
 * first: one bad file refuses the whole import with the file's name and each problem, and nothing is written.
 */
export async function importContent(
  store: ContentFilesStore,
  directory: string,
  t: Translate,
): Promise<Partial<Record<DocumentKind, { created: number; updated: number; unchanged: number }>>> {
  const read: { kind: DocumentKind; texts: DocumentText[] }[] = [];
  const problems: string[] = [];
  for (const kind of store.kinds) {
    const texts = await kind.readFiles(directory);
    read.push({ kind: kind.kind, texts });
    for (const text of texts) {
      const parsed = kind.parse(text.text, t);
      const found = parsed.ok ? await kind.check(parsed.value, text.key, t) : parsed.problems;
      if (found.length > 0) problems.push(`${fileOf(store.kinds, kind.kind, text)}:\n  - ${found.join('\n  - ')}`);
    }
  }
  if (problems.length > 0) throw new Error(`Content not imported, nothing written:\n${problems.join('\n')}`);
  const result: Partial<Record<DocumentKind, { created: number; updated: number; unchanged: number }>> = {};
  for (const { kind, texts } of read) result[kind] = await store.importDocuments(kind, texts);
  return result;
}
