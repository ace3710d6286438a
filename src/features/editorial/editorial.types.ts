import type { VNode } from 'preact';
import type { Trx } from '../../shared/db/transaction.js';
import type { Translate } from '../../shared/i18n/i18n.js';
import type { PageContext } from '../../shared/views/context.js';

/*
 * The editorial system's shared words (issue 16, ADR 0033). Every piece of content an editor can change is a
 * *document* of one *kind*, kept as a list of *revisions*. A revision's text is exactly the file `content/` holds
 * for it (a markdown page with its front matter, a questionnaire or pathway version as JSON, one organisation as
 * JSON), so the CMS, `export-content`/`import-content` and the start-up import speak one format.
 *
 * The workflow (one rule set for every kind, src/features/editorial/editorial.policy.ts):
 *   draft ──submit──▶ in_review ──publish (by a different person)──▶ published ──(a newer one published)──▶ retired
 *     ▲                   │
 *     └──── send back ────┘          withdrawn: a draft or review given up (kept in the history)
 * One open revision (draft or in_review) per document at a time; everyone who may edit works on that one, and a
 * save carries the edit number it was made on: a save on an older number is a conflict (both texts shown, nothing
 * lost). A rollback makes a new revision from an earlier published text, through the kind's startDraft (a numbered
 * kind's next version) and its checks, in review: it too needs a second person.
 */

export const documentKinds = ['page', 'article', 'questionnaire', 'pathway', 'organisation'] as const;
export type DocumentKind = (typeof documentKinds)[number];

export const revisionStates = ['draft', 'in_review', 'published', 'retired', 'withdrawn'] as const;
export type RevisionState = (typeof revisionStates)[number];

/** The result of reading a text or a form: the value, or every problem in the editor's language. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/** One field as a reviewer reads it; the review page shows per field, in words, what changed. */
export interface ReadableField {
  label: string;
  text: string;
}

/** A document's text as it sits in the files of `content/` (and in a revision). */
export interface DocumentText {
  key: string;
  text: string;
}

/** What a kind gets to write its files: per document, the texts that were ever published, oldest first. */
export interface PublishedDocument {
  key: string;
  /** The published text now (the last of `history`). */
  current: string;
  /** Every text that was published (published and retired revisions), oldest first. */
  history: readonly string[];
}

/** A file under the content directory: a path relative to it, with '/' separators, and its bytes as text. */
export interface ContentFile {
  path: string;
  content: string;
}

/**
 * One kind of document, implemented by the feature that owns the content (content pages and knowledge articles:
 * features/content and features/knowledge; questionnaires: features/check; pathways: features/cases;
 * organisations: features/help) and listed in the composition root (src/services.ts, `editorialKinds`). The
 * editorial core owns the workflow, the audit lines, the history, the diff and the CMS pages around these.
 */
export interface EditorialKind<T = unknown> {
  kind: DocumentKind;
  /** The stored text (the file's exact content) → its value; problems in `t`'s language. */
  parse(text: string, t: Translate): Parsed<T>;
  /**
   * Refusals beyond the text's shape: a questionnaire scoring rule that names a missing question, a version that
   * breaks the check's safety properties, a pathway step that cannot be reached, markdown over the size limits.
   * Checked when a draft is sent for review and again, in the publishing transaction's turn, before publishing.
   */
  check(value: T, key: string, t: Translate): Promise<string[]> | string[];
  /**
   * Optional: the problems of a new document's key (e.g. 'nl/<slug>' for a page), in `t`'s language. Without it
   * the core accepts lowercase letters, digits and ':', '/', '_', '-' (at most 120).
   */
  keyProblems?(key: string, t: Translate): string[];
  /** The list and page title of the document (e.g. a page's title, "Vragenlijst versie 3", an organisation's name). */
  title(value: T, t: Translate): string;
  /** The fields a reviewer reads, for the diff in words: one per meaningful field. */
  fields(value: T, t: Translate): ReadableField[];
  /**
   * A new draft's text: from the published text (undefined when the document is new). A kind whose versions are
   * numbered (questionnaires, pathways) gives the draft the next version number here.
   */
  startDraft(published: string | undefined, key: string): string;
  /** The editing form's posted fields → the text to store; `previous` is the draft's text before this save. */
  fromForm(form: Readonly<Record<string, string | undefined>>, previous: string, t: Translate): Parsed<string>;
  /**
   * The form's fields for this kind, rendered by the core inside its own <form> (which carries the CSRF token,
   * the edit number and the buttons). `text` is the draft's text. `posted` is given when a save or preview of
   * these fields was refused: the fields exactly as the editor posted them, which the form shows instead of the
   * draft's values (nothing typed is lost). Field names must not start with "_" (the core's own fields do).
   */
  Form(props: {
    ctx: PageContext;
    text: string;
    documentKey: string;
    posted?: Readonly<Record<string, string>>;
  }): VNode;
  /** The document as the public will see it, rendered by the same views as the public page. */
  Preview(props: { ctx: PageContext; value: T; documentKey: string }): VNode;
  /**
   * Makes a published value live, in the publishing transaction: writes the tables the public pages read (through
   * the feature's own repository, which takes `trx`). `previousKeyValue` is undefined for a new document.
   */
  apply(trx: Trx, key: string, value: T, publishedAt: Date): Promise<void>;
  /** After the commit: reload what the feature holds in memory. The core itself clears the page cache. */
  afterPublish?(key: string): Promise<void> | void;
  /** The documents of this kind in a content directory (like `content/`), oldest version first per key. */
  readFiles(contentDirectory: string): Promise<DocumentText[]>;
  /** The files for the published documents of this kind, exactly as `content/` holds them. */
  writeFiles(documents: readonly PublishedDocument[]): ContentFile[];
}

/** A list of kinds as the composition root hands it to the core (any value type). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type EditorialKinds = readonly EditorialKind<any>[];

/** Who made a revision by import rather than in the CMS (the start-up import and `import-content`). */
export const importAuthor = 'import:files';
