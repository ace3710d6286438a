import { createHash, randomUUID } from 'node:crypto';
import { AppError, NotFound } from '../../shared/errors.js';
import type { Trx } from '../../shared/db/transaction.js';
import type { Locale, MessageKey, Translate, TranslatorFor } from '../../shared/i18n/i18n.js';
import type { Actor } from '../../shared/policy/actor.js';
import { authorize, can } from '../../policies.js';
import type { AuditRecorder, AuditTrail } from '../audit/audit.service.js';
import { requestIdOf } from '../audit/audit.service.js';
import type { EditorialAction, EditorialFacts } from './editorial.policy.js';
import type { EditorialDocument, EditorialRepository, Revision } from './editorial.repo.js';
import {
  type DocumentKind,
  type DocumentText,
  type EditorialKind,
  type EditorialKinds,
  importAuthor,
  type PublishedDocument,
  type ReadableField,
} from './editorial.types.js';

/*
 * The editorial core (issue 16, ADR 0033): the workflow every kind shares. Each CMS action authorizes first
 * (editorial.policy.ts), changes one document in one transaction that locks it, and writes its audit line
 * `editorial.<action>` in that transaction (objectId `<kind>:<key>#<revision number>`, never the text). A publish
 * also makes the value live (kind.apply) in that transaction; after the commit the kind reloads what it holds in
 * memory (afterPublish) and the listeners run (the page cache, the search index).
 */

/** The longest text a revision may hold (a kind may refuse less): larger saves are refused, never stored. */
export const maxRevisionText = 400_000;
/** The longest "what changed and why" and review note. */
export const maxNote = 2_000;

/** A refusal an editor can act on: the reason, and the kind's problems if any. Shown on the page it came from. */
export class EditorialRefusal extends AppError {
  readonly messageKey: MessageKey;
  constructor(
    readonly reason: MessageKey,
    readonly status: 400 | 409 = 409,
    readonly problems: readonly string[] = [],
  ) {
    super(`editorial refusal: ${reason}`);
    this.messageKey = reason;
  }
}

/**
 * Someone saved the draft after the form was made (its edit number is behind): nothing was written. Carries both
 * texts so the editor loses nothing: theirs as saved now, and what this editor posted.
 */
export class EditConflict extends AppError {
  readonly status = 409;
  readonly messageKey = 'editorial.conflict.text' as MessageKey;
  constructor(
    readonly theirs: { text: string; note: string; editNumber: number },
    readonly yours: { text: string; note: string },
  ) {
    super('editorial edit conflict');
  }
}

export interface EditorialContext {
  locale: Locale;
  trail: AuditTrail;
}

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface EditorialDependencies {
  kinds: EditorialKinds;
  audit: AuditRecorder;
  translatorFor: TranslatorFor;
  clock?: () => Date;
  /**
   * Called in every publishing transaction (issue 17): tells the other instances, once it commits, that this kind's
   * published value changed (the change bus), so they reload it as this instance does after the commit.
   */
  announce?: (trx: Trx, kind: DocumentKind) => Promise<void>;
}

/** A document as the CMS shows it: its kind, its revisions (oldest first), the open one and the published one. */
export interface DocumentView {
  document: EditorialDocument;
  kind: EditorialKind;
  revisions: Revision[];
  open: Revision | undefined;
  published: Revision | undefined;
}

export type PublishListener = (kind: DocumentKind, key: string) => void | Promise<void>;

const openOf = (revisions: readonly Revision[]) =>
  revisions.find((revision) => revision.state === 'draft' || revision.state === 'in_review');
const publishedOf = (revisions: readonly Revision[]) => revisions.find((revision) => revision.state === 'published');
const latestOf = (revisions: readonly Revision[]) => revisions.at(-1);
const factsOf = (revision: Revision | undefined): EditorialFacts =>
  revision === undefined
    ? { state: 'none', authorId: null, contributorIds: [] }
    : { state: revision.state, authorId: revision.authorId, contributorIds: revision.contributorIds };
/** A new document (its title the key until a revision names it), as inserted; nothing published yet. */
const newDocument = (id: string, kind: EditorialDocument['kind'], key: string, now: string): EditorialDocument => ({
  id,
  kind,
  key,
  title: key,
  publishedRevisionId: null,
  fileHash: null,
  createdAt: now,
  updatedAt: now,
});
const actorId = (actor: Actor): string => (actor.kind === 'user' ? actor.userId : 'anonymous');
const hashTexts = (texts: readonly string[]): string => {
  const hash = createHash('sha256');
  for (const text of texts) hash.update(`${Buffer.byteLength(text)}:`).update(text);
  return hash.digest('hex');
};

export function createEditorialService(repo: EditorialRepository, dependencies: EditorialDependencies) {
  const { kinds, audit, translatorFor } = dependencies;
  const clock = dependencies.clock ?? (() => new Date());
  const listeners: PublishListener[] = [];

  const kindOf = (kind: DocumentKind): EditorialKind => {
    const found = kinds.find((candidate) => candidate.kind === kind);
    if (found === undefined) throw new NotFound(`no editorial kind ${kind}`);
    return found;
  };
  const isKind = (kind: unknown): kind is DocumentKind =>
    typeof kind === 'string' && kinds.some((candidate) => candidate.kind === kind);

  const objectId = (document: EditorialDocument, number: number) => `${document.kind}:${document.key}#${number}`;
  const line = (
    trx: Trx,
    actor: string,
    action: EditorialAction | 'import',
    document: EditorialDocument,
    number: number,
    trail: AuditTrail,
  ) =>
    audit.record(trx, {
      actor,
      action: `editorial.${action}`,
      objectType: 'editorial-document',
      objectId: objectId(document, number),
      requestId: requestIdOf(trail),
    });

  /**
   * Authorization first: who may not see the CMS gets a 404 (its existence not revealed); an editorial user who
   * may not do this now gets the reason.
   */
  const permit = (actor: Actor, action: EditorialAction, facts: EditorialFacts, reason: MessageKey) => {
    authorize(actor, 'editorialDocument', 'view', facts);
    if (!can(actor, 'editorialDocument', action, facts)) throw new EditorialRefusal(reason);
  };

  const notify = async (kind: EditorialKind, key: string) => {
    await kind.afterPublish?.(key);
    for (const listener of listeners) await listener(kind.kind, key);
  };

  /** A text's value and every problem the kind finds (shape, then its checks), in `t`'s language. */
  const examine = async (kind: EditorialKind, key: string, text: string, t: Translate) => {
    const parsed = kind.parse(text, t);
    if (!parsed.ok) return { ok: false as const, problems: parsed.problems };
    const problems = await kind.check(parsed.value, key, t);
    return problems.length === 0
      ? { ok: true as const, value: parsed.value }
      : { ok: false as const, problems: [...problems] };
  };

  /** Makes a revision the published one in `trx`: the previous one retired, the value applied, the title kept. */
  const makeLive = async (
    trx: Trx,
    kind: EditorialKind,
    document: EditorialDocument,
    revision: Revision,
    previous: Revision | undefined,
    value: unknown,
    t: Translate,
    now: Date,
    reviewer: { id: string; note: string } | undefined,
  ) => {
    const at = now.toISOString();
    if (previous !== undefined) await repo.updateRevision(trx, previous.id, { state: 'retired', updatedAt: at });
    await repo.updateRevision(trx, revision.id, {
      state: 'published',
      publishedAt: at,
      ...(reviewer === undefined ? {} : { reviewerId: reviewer.id, reviewNote: reviewer.note, reviewedAt: at }),
      updatedAt: at,
    });
    await repo.updateDocument(trx, document.id, {
      publishedRevisionId: revision.id,
      title: kind.title(value, t),
      now: at,
    });
    await kind.apply(trx, document.key, value, now);
    await dependencies.announce?.(trx, kind.kind);
  };

  const loadView = async (documentId: string): Promise<DocumentView | undefined> => {
    const document = await repo.findDocument(documentId);
    if (document === undefined || !isKind(document.kind)) return undefined;
    const revisions = await repo.revisions(document.id);
    return {
      document,
      kind: kindOf(document.kind),
      revisions,
      open: openOf(revisions),
      published: publishedOf(revisions),
    };
  };

  /** The document for an actor who may see the CMS; a 404 for anyone else and for an unknown id. */
  const viewFor = async (actor: Actor, documentId: string): Promise<DocumentView> => {
    authorize(actor, 'editorialDocument', 'view', { state: 'none', authorId: null, contributorIds: [] });
    const view = await loadView(documentId);
    if (view === undefined) throw new NotFound('no such editorial document');
    return view;
  };

  /** Runs a change on a document under its lock; a 404 when it is gone (or its kind is not served here). */
  const change = async <T>(documentId: string, work: (trx: Trx, view: DocumentView) => Promise<T>): Promise<T> => {
    const result = await repo.withDocument(documentId, async (trx, document, revisions) => {
      if (!isKind(document.kind)) return undefined;
      return {
        value: await work(trx, {
          document,
          kind: kindOf(document.kind),
          revisions,
          open: openOf(revisions),
          published: publishedOf(revisions),
        }),
      };
    });
    if (result === undefined) throw new NotFound('no such editorial document');
    return result.value;
  };

  const checkNote = (note: string) => {
    if (note.length > maxNote) throw new EditorialRefusal('editorial.problem.noteTooLong', 400);
  };

  const service = {
    kinds,
    isKind,
    kindOf,

    onPublished(listener: PublishListener): void {
      listeners.push(listener);
    },

    /**
     * Another instance published a document of `kind` (the change bus), or this instance may have missed such news
     * (no kind: every one): what the kinds hold in memory is reloaded from the database and the listeners run (page
     * cache, search index), as after a publish here. The key is not known then: listeners get ''.
     */
    async refreshPublished(kind?: DocumentKind): Promise<void> {
      for (const each of kind === undefined ? kinds : [kindOf(kind)]) await notify(each, '');
    },

    /**
     * Trusted texts (the start-up import, import-content): all parsed and checked before anything is written; a
     * text already published or retired for its key is unchanged; any other becomes a published revision by
     * `author`, applied in the same transaction, with its audit line; then afterPublish and the listeners.
     */
    async importDocuments(
      kindName: DocumentKind,
      texts: readonly DocumentText[],
      author: string = importAuthor,
    ): Promise<ImportCounts> {
      const kind = kindOf(kindName);
      const t = translatorFor('nl');
      const values: unknown[] = [];
      const problems: string[] = [];
      for (const { key, text } of texts) {
        const examined = await examine(kind, key, text, t);
        if (examined.ok) values.push(examined.value);
        else problems.push(`${kindName} ${key}:\n  - ${examined.problems.join('\n  - ')}`);
      }
      if (problems.length > 0) throw new Error(`Content not imported, nothing written:\n${problems.join('\n')}`);
      const byKey = new Map<string, { text: string; value: unknown }[]>();
      texts.forEach(({ key, text }, index) => {
        const list = byKey.get(key) ?? [];
        list.push({ text, value: values[index] });
        byKey.set(key, list);
      });
      const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
      for (const [key, versions] of byKey) {
        const fileHash = hashTexts(versions.map((version) => version.text));
        const existing = await repo.findDocumentByKey(kindName, key);
        if (existing?.fileHash === fileHash) {
          counts.unchanged += versions.length;
          continue;
        }
        const changed = await repo.transaction(async (trx) => {
          let document = existing;
          if (document === undefined) {
            const now = clock().toISOString();
            document = newDocument(randomUUID(), kindName, key, now);
            await repo.insertDocument(trx, { id: document.id, kind: kindName, key, title: key, now });
          }
          await repo.lockDocument(trx, document.id);
          const revisions = await repo.revisions(document.id, trx);
          const known = new Set(
            revisions.filter((r) => r.state === 'published' || r.state === 'retired').map((r) => r.text),
          );
          let number = revisions.at(-1)?.number ?? 0;
          let previous = publishedOf(revisions);
          let wrote = false;
          for (const version of versions) {
            if (known.has(version.text)) {
              counts.unchanged += 1;
              continue;
            }
            const now = clock();
            number += 1;
            const revision: Revision = {
              id: randomUUID(),
              documentId: document.id,
              number,
              state: 'draft',
              text: version.text,
              note: '',
              authorId: author,
              contributorIds: [author],
              editNumber: 0,
              basedOnNumber: previous?.number ?? null,
              submittedAt: null,
              reviewerId: null,
              reviewNote: null,
              reviewedAt: null,
              publishedAt: null,
              createdAt: now.toISOString(),
              updatedAt: now.toISOString(),
            };
            await repo.insertRevision(trx, revision);
            await makeLive(trx, kind, document, revision, previous, version.value, t, now, undefined);
            await line(trx, author, 'import', document, number, {});
            if (existing === undefined && !wrote) counts.created += 1;
            else counts.updated += 1;
            known.add(version.text);
            previous = revision;
            wrote = true;
          }
          await repo.updateDocument(trx, document.id, { fileHash, now: clock().toISOString() });
          return wrote;
        });
        if (changed) await notify(kind, key);
      }
      return counts;
    },

    /** For every kind served: its files in the directory → importDocuments. At start and by import-content. */
    async importDirectory(contentDirectory: string): Promise<Partial<Record<DocumentKind, ImportCounts>>> {
      const result: Partial<Record<DocumentKind, ImportCounts>> = {};
      for (const kind of kinds) {
        result[kind.kind] = await service.importDocuments(kind.kind, await kind.readFiles(contentDirectory));
      }
      return result;
    },

    /** Per document of a kind, the texts ever published, oldest first (for export-content). */
    async publishedDocuments(kind: DocumentKind): Promise<PublishedDocument[]> {
      return (await repo.publishedTexts(kind)).flatMap(({ key, texts }) => {
        const current = texts.at(-1);
        return current === undefined ? [] : [{ key, current, history: texts }];
      });
    },

    // ── What the CMS pages read ───────────────────────────────────────────────────────────────────────────

    /** The dashboard: what waits for review and the open drafts (only for the editorial roles). */
    async dashboard(actor: Actor) {
      authorize(actor, 'editorialDocument', 'view', { state: 'none', authorId: null, contributorIds: [] });
      const open = (await repo.openRevisions()).filter((revision) => isKind(revision.document.kind));
      const inReview = open.filter((revision) => revision.state === 'in_review');
      return {
        inReview,
        drafts: open.filter((revision) => revision.state === 'draft'),
        /** How many of those in review this actor may publish (someone else's). */
        mayPublish: inReview.filter((revision) => can(actor, 'editorialDocument', 'publish', revision)).length,
      };
    },

    async documents(actor: Actor, kind: DocumentKind | undefined) {
      authorize(actor, 'editorialDocument', 'view', { state: 'none', authorId: null, contributorIds: [] });
      return (await repo.listDocuments(kind)).filter((listing) => isKind(listing.document.kind));
    },

    document: viewFor,

    /** What the actor may do now with the document (for the buttons), as the rules answer. */
    abilities(actor: Actor, view: DocumentView) {
      const open = factsOf(view.open);
      const latest = factsOf(latestOf(view.revisions));
      return {
        startDraft: view.open === undefined && can(actor, 'editorialDocument', 'startDraft', latest),
        edit: can(actor, 'editorialDocument', 'edit', open),
        submit: can(actor, 'editorialDocument', 'submit', open),
        publish: can(actor, 'editorialDocument', 'publish', open),
        sendBack: can(actor, 'editorialDocument', 'sendBack', open),
        withdraw: can(actor, 'editorialDocument', 'withdraw', open),
        rollback: (revision: Revision) =>
          view.open === undefined &&
          revision.state === 'retired' &&
          can(actor, 'editorialDocument', 'rollback', factsOf(revision)),
      };
    },

    /** The review: per field of the kind, the published text's words and the open revision's. */
    async review(actor: Actor, documentId: string, locale: Locale) {
      const view = await viewFor(actor, documentId);
      const t = translatorFor(locale);
      const fieldsOf = (revision: Revision | undefined): ReadableField[] => {
        if (revision === undefined) return [];
        const parsed = view.kind.parse(revision.text, t);
        return parsed.ok ? view.kind.fields(parsed.value, t) : [{ label: '', text: revision.text }];
      };
      if (view.open === undefined) throw new EditorialRefusal('editorial.problem.nothingOpen');
      const before = fieldsOf(view.published);
      const after = fieldsOf(view.open);
      const labels = [...new Set([...after.map((field) => field.label), ...before.map((field) => field.label)])];
      const fields = labels.map((label) => ({
        label,
        before: before.find((field) => field.label === label)?.text ?? '',
        after: after.find((field) => field.label === label)?.text ?? '',
      }));
      const examined = await examine(view.kind, view.document.key, view.open.text, t);
      return { view, fields, problems: examined.ok ? [] : examined.problems };
    },

    /** The preview of posted form fields, without saving: the value, or the problems. */
    async preview(
      actor: Actor,
      documentId: string,
      form: Readonly<Record<string, string | undefined>>,
      locale: Locale,
    ) {
      const view = await viewFor(actor, documentId);
      permit(actor, 'edit', factsOf(view.open), 'editorial.problem.notADraft');
      const t = translatorFor(locale);
      const text = view.kind.fromForm(form, view.open?.text ?? '', t);
      if (!text.ok) return { view, ok: false as const, problems: text.problems };
      const parsed = view.kind.parse(text.value, t);
      if (!parsed.ok) return { view, ok: false as const, problems: parsed.problems };
      return { view, ok: true as const, value: parsed.value, text: text.value };
    },

    // ── The CMS actions: actor first, authorization first, one transaction with the audit line ──────────────

    /** A new document of a kind, with its first draft. Returns the document's id. */
    async createDocument(actor: Actor, kindName: string, key: string, context: EditorialContext): Promise<string> {
      authorize(actor, 'editorialDocument', 'create', { state: 'none', authorId: null, contributorIds: [] });
      if (!isKind(kindName)) throw new EditorialRefusal('editorial.problem.unknownKind', 400);
      const kind = kindOf(kindName);
      const t = translatorFor(context.locale);
      const keyProblems =
        kind.keyProblems?.(key, t) ?? (/^[a-z0-9][a-z0-9:/_-]{0,119}$/.test(key) ? [] : [t('editorial.problem.key')]);
      if (keyProblems.length > 0) throw new EditorialRefusal('editorial.problem.key', 400, keyProblems);
      if ((await repo.findDocumentByKey(kindName, key)) !== undefined) {
        throw new EditorialRefusal('editorial.problem.keyTaken', 409);
      }
      const now = clock().toISOString();
      const id = randomUUID();
      const document = newDocument(id, kindName, key, now);
      try {
        await repo.transaction(async (trx) => {
          await repo.insertDocument(trx, { id, kind: kindName, key, title: key, now });
          await repo.insertRevision(
            trx,
            newRevision(id, 1, kind.startDraft(undefined, key), actorId(actor), null, now),
          );
          await line(trx, actorId(actor), 'create', document, 1, context.trail);
        });
      } catch (error) {
        // Two people creating the same key at once: the unique (kind, key) keeps one.
        if ((await repo.findDocumentByKey(kindName, key)) !== undefined) {
          throw new EditorialRefusal('editorial.problem.keyTaken', 409);
        }
        throw error;
      }
      return id;
    },

    /** A new draft from the published text (when no revision is open). Returns its number. */
    async startDraft(actor: Actor, documentId: string, context: EditorialContext): Promise<number> {
      return change(documentId, async (trx, view) => {
        permit(actor, 'startDraft', factsOf(latestOf(view.revisions)), 'editorial.problem.alreadyOpen');
        const number = (latestOf(view.revisions)?.number ?? 0) + 1;
        const now = clock().toISOString();
        const text = view.kind.startDraft(view.published?.text, view.document.key);
        await repo.insertRevision(
          trx,
          newRevision(view.document.id, number, text, actorId(actor), view.published?.number ?? null, now),
        );
        await line(trx, actorId(actor), 'startDraft', view.document, number, context.trail);
        return number;
      });
    },

    /**
     * Saves the open draft from the posted form, if it is still at `editNumber`: the new edit number, or the
     * problems of the form (nothing saved). A save on an older edit number throws EditConflict with both texts.
     */
    async saveDraft(
      actor: Actor,
      documentId: string,
      input: { form: Readonly<Record<string, string | undefined>>; editNumber: number; note: string },
      context: EditorialContext,
    ): Promise<{ ok: true; editNumber: number } | { ok: false; problems: string[] }> {
      const t = translatorFor(context.locale);
      return change(documentId, async (trx, view) => {
        permit(actor, 'edit', factsOf(view.open), 'editorial.problem.notADraft');
        const draft = view.open!;
        checkNote(input.note);
        const text = view.kind.fromForm(input.form, draft.text, t);
        if (!text.ok) return { ok: false as const, problems: text.problems };
        if (text.value.length > maxRevisionText) {
          return { ok: false as const, problems: [t('editorial.problem.tooLong', { max: maxRevisionText })] };
        }
        const now = clock().toISOString();
        // Whoever saves text into the shared draft becomes one of its contributors (four eyes at publish).
        const contributorIds = draft.contributorIds.includes(actorId(actor))
          ? draft.contributorIds
          : [...draft.contributorIds, actorId(actor)];
        const saved = await repo.saveDraft(trx, draft.id, input.editNumber, {
          text: text.value,
          note: input.note,
          now,
          contributorIds,
        });
        if (!saved) {
          throw new EditConflict(
            { text: draft.text, note: draft.note, editNumber: draft.editNumber },
            { text: text.value, note: input.note },
          );
        }
        const parsed = view.kind.parse(text.value, t);
        if (parsed.ok)
          await repo.updateDocument(
            trx,
            view.document.id,
            view.published === undefined ? { title: view.kind.title(parsed.value, t), now } : { now },
          );
        await line(trx, actorId(actor), 'edit', view.document, draft.number, context.trail);
        return { ok: true as const, editNumber: input.editNumber + 1 };
      });
    },

    /** Sends the open draft for review, once its text passes the kind's parse and checks. */
    async submit(actor: Actor, documentId: string, context: EditorialContext): Promise<void> {
      const t = translatorFor(context.locale);
      await change(documentId, async (trx, view) => {
        permit(actor, 'submit', factsOf(view.open), 'editorial.problem.notADraft');
        const draft = view.open!;
        const examined = await examine(view.kind, view.document.key, draft.text, t);
        if (!examined.ok) throw new EditorialRefusal('editorial.problem.notReady', 400, examined.problems);
        const now = clock().toISOString();
        await repo.updateRevision(trx, draft.id, { state: 'in_review', submittedAt: now, updatedAt: now });
        await line(trx, actorId(actor), 'submit', view.document, draft.number, context.trail);
      });
    },

    /**
     * Publishes the revision in review: by a reviewer or admin who is not its author, once the kind's checks pass
     * again. In one transaction: published, the previous one retired, applied, the audit line. Then afterPublish
     * and the listeners.
     */
    async publish(actor: Actor, documentId: string, input: { note: string }, context: EditorialContext): Promise<void> {
      const t = translatorFor(context.locale);
      const kind = await change(documentId, async (trx, view) => {
        const open = view.open;
        permit(
          actor,
          'publish',
          factsOf(open),
          open?.state !== 'in_review'
            ? 'editorial.problem.notInReview'
            : open.authorId === actorId(actor)
              ? 'editorial.problem.ownChange'
              : open.contributorIds.includes(actorId(actor))
                ? 'editorial.problem.contributed'
                : 'editorial.problem.notInReview',
        );
        checkNote(input.note);
        const revision = open!;
        const examined = await examine(view.kind, view.document.key, revision.text, t);
        if (!examined.ok) throw new EditorialRefusal('editorial.problem.notReady', 400, examined.problems);
        await makeLive(trx, view.kind, view.document, revision, view.published, examined.value, t, clock(), {
          id: actorId(actor),
          note: input.note,
        });
        await line(trx, actorId(actor), 'publish', view.document, revision.number, context.trail);
        return { kind: view.kind, key: view.document.key };
      });
      await notify(kind.kind, kind.key);
    },

    /** Sends the revision in review back to draft, with the reviewer's note. */
    async sendBack(
      actor: Actor,
      documentId: string,
      input: { note: string },
      context: EditorialContext,
    ): Promise<void> {
      await change(documentId, async (trx, view) => {
        permit(actor, 'sendBack', factsOf(view.open), 'editorial.problem.notInReview');
        checkNote(input.note);
        const revision = view.open!;
        const now = clock().toISOString();
        await repo.updateRevision(trx, revision.id, {
          state: 'draft',
          reviewerId: actorId(actor),
          reviewNote: input.note,
          reviewedAt: now,
          updatedAt: now,
        });
        await line(trx, actorId(actor), 'sendBack', view.document, revision.number, context.trail);
      });
    },

    /** Gives up the open revision (kept in the history as withdrawn). */
    async withdraw(actor: Actor, documentId: string, context: EditorialContext): Promise<void> {
      await change(documentId, async (trx, view) => {
        permit(actor, 'withdraw', factsOf(view.open), 'editorial.problem.cannotWithdraw');
        const revision = view.open!;
        const now = clock().toISOString();
        await repo.updateRevision(trx, revision.id, { state: 'withdrawn', updatedAt: now });
        await line(trx, actorId(actor), 'withdraw', view.document, revision.number, context.trail);
      });
    },

    /**
     * Restores an earlier published text: a new revision in review, authored by the one who asked, which a second
     * person publishes. The text goes through the kind's startDraft like any new draft (a questionnaire or pathway
     * gets the next version number and the status of a draft, so a retired version's text never comes back as it
     * was) and is examined like a draft sent for review: a text the kind refuses now (e.g. a check version that
     * breaks a promise) is refused with the reasons, nothing written. Refused while another revision is open.
     * Returns the new revision's number.
     */
    async rollback(
      actor: Actor,
      documentId: string,
      revisionNumber: number,
      context: EditorialContext,
    ): Promise<number> {
      return change(documentId, async (trx, view) => {
        const target = view.revisions.find((revision) => revision.number === revisionNumber);
        permit(actor, 'rollback', factsOf(target), 'editorial.problem.cannotRollback');
        if (target!.state === 'published') throw new EditorialRefusal('editorial.problem.alreadyPublished');
        if (view.open !== undefined) throw new EditorialRefusal('editorial.problem.alreadyOpen');
        const number = (latestOf(view.revisions)?.number ?? 0) + 1;
        const now = clock().toISOString();
        const t = translatorFor(context.locale);
        const text = view.kind.startDraft(target!.text, view.document.key);
        const examined = await examine(view.kind, view.document.key, text, t);
        if (!examined.ok) throw new EditorialRefusal('editorial.problem.notReady', 400, examined.problems);
        await repo.insertRevision(trx, {
          ...newRevision(view.document.id, number, text, actorId(actor), view.published?.number ?? null, now),
          state: 'in_review',
          note: t('editorial.rollback.note', { number: revisionNumber }),
          submittedAt: now,
        });
        await line(trx, actorId(actor), 'rollback', view.document, number, context.trail);
        return number;
      });
    },
  };
  return service;
}

function newRevision(
  documentId: string,
  number: number,
  text: string,
  authorId: string,
  basedOnNumber: number | null,
  now: string,
): Revision {
  return {
    id: randomUUID(),
    documentId,
    number,
    state: 'draft',
    text,
    note: '',
    authorId,
    contributorIds: [authorId],
    editNumber: 0,
    basedOnNumber,
    submittedAt: null,
    reviewerId: null,
    reviewNote: null,
    reviewedAt: null,
    publishedAt: null,
    createdAt: now,
    updatedAt: now,
  };
}

export type EditorialService = ReturnType<typeof createEditorialService>;
