import type { Kysely, Selectable } from 'kysely';
import { lockRow } from '../../shared/db/lock.js';
import type { Database, EditorialDocumentsTable, EditorialRevisionsTable } from '../../shared/db/schema.js';
import type { Trx } from '../../shared/db/transaction.js';
import type { DocumentKind, RevisionState } from './editorial.types.js';

/*
 * The only code that touches editorial_documents and editorial_revisions (migration 0032, ADR 0033). A change to
 * a document runs in `withDocument`: one transaction that first locks the document's row, so two saves, two
 * publishes or a save and a publish of one document happen one after the other, on both databases.
 */

export interface EditorialDocument {
  id: string;
  kind: DocumentKind;
  key: string;
  title: string;
  publishedRevisionId: string | null;
  fileHash: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Revision {
  id: string;
  documentId: string;
  number: number;
  state: RevisionState;
  text: string;
  note: string;
  authorId: string;
  /** Everyone who saved text into this revision (the author first): none of them may publish it (four eyes). */
  contributorIds: string[];
  editNumber: number;
  basedOnNumber: number | null;
  submittedAt: string | null;
  reviewerId: string | null;
  reviewNote: string | null;
  reviewedAt: string | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A line of the documents list: the document, its published revision's number and its open revision if any. */
export interface DocumentListing {
  document: EditorialDocument;
  publishedNumber: number | null;
  open: { number: number; state: 'draft' | 'in_review'; authorId: string; updatedAt: string } | undefined;
}

/** An open revision with its document, for the dashboard. */
export interface OpenRevision {
  document: EditorialDocument;
  number: number;
  state: 'draft' | 'in_review';
  authorId: string;
  contributorIds: string[];
  updatedAt: string;
}

const documentOf = (row: Selectable<EditorialDocumentsTable>): EditorialDocument => ({
  id: row.id,
  kind: row.kind,
  key: row.key,
  title: row.title,
  publishedRevisionId: row.published_revision_id,
  fileHash: row.file_hash,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** The stored contributors (a JSON array of user ids); the author when the column holds nothing usable. */
const contributorsOf = (stored: string, authorId: string): string[] => {
  try {
    const parsed: unknown = JSON.parse(stored);
    if (Array.isArray(parsed) && parsed.length > 0 && parsed.every((id) => typeof id === 'string')) {
      return parsed;
    }
  } catch {
    // fall through: the author alone
  }
  return [authorId];
};

const revisionOf = (row: Selectable<EditorialRevisionsTable>): Revision => ({
  id: row.id,
  documentId: row.document_id,
  number: Number(row.number),
  state: row.state,
  text: row.text,
  note: row.note,
  authorId: row.author_id,
  contributorIds: contributorsOf(row.contributors, row.author_id),
  editNumber: Number(row.edit_number),
  basedOnNumber: row.based_on_number === null ? null : Number(row.based_on_number),
  submittedAt: row.submitted_at,
  reviewerId: row.reviewer_id,
  reviewNote: row.review_note,
  reviewedAt: row.reviewed_at,
  publishedAt: row.published_at,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const isDocumentId = (id: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id);

export type RevisionPatch = Partial<
  Pick<Revision, 'state' | 'submittedAt' | 'reviewerId' | 'reviewNote' | 'reviewedAt' | 'publishedAt' | 'text' | 'note'>
> & { updatedAt: string };

export function createEditorialRepository(db: Kysely<Database>) {
  const findDocument = async (id: string, executor: Kysely<Database> = db) => {
    // Ids are UUIDs made by the app; anything else (a NUL byte PostgreSQL refuses, say) is no document.
    if (!isDocumentId(id)) return undefined;
    const row = await executor.selectFrom('editorial_documents').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : documentOf(row);
  };
  const revisions = async (documentId: string, executor: Kysely<Database> = db) =>
    (
      await executor
        .selectFrom('editorial_revisions')
        .selectAll()
        .where('document_id', '=', documentId)
        .orderBy('number', 'asc')
        .execute()
    ).map(revisionOf);

  return {
    findDocument,
    revisions,

    async findDocumentByKey(kind: DocumentKind, key: string, executor: Kysely<Database> = db) {
      const row = await executor
        .selectFrom('editorial_documents')
        .selectAll()
        .where('kind', '=', kind)
        .where('key', '=', key)
        .executeTakeFirst();
      return row === undefined ? undefined : documentOf(row);
    },

    /**
     * Runs `work` in one transaction that first locks the document (undefined when there is none): the document
     * and its revisions are read after the lock, so they are the latest.
     */
    async withDocument<T>(
      documentId: string,
      work: (trx: Trx, document: EditorialDocument, revisions: Revision[]) => Promise<T>,
    ): Promise<T | undefined> {
      if (!isDocumentId(documentId)) return undefined;
      return db.transaction().execute(async (trx) => {
        await lockRow(trx, 'editorial_documents', documentId);
        const document = await findDocument(documentId, trx);
        if (document === undefined) return undefined;
        return work(trx, document, await revisions(documentId, trx));
      });
    },

    /** A transaction of its own, for a new document (the import, createDocument). */
    transaction: <T>(work: (trx: Trx) => Promise<T>): Promise<T> => db.transaction().execute(work),

    /** Locks a document that exists in this transaction (the import, after finding it by key). */
    lockDocument: (trx: Trx, documentId: string) => lockRow(trx, 'editorial_documents', documentId),

    async insertDocument(
      trx: Trx,
      document: { id: string; kind: DocumentKind; key: string; title: string; now: string },
    ): Promise<void> {
      await trx
        .insertInto('editorial_documents')
        .values({
          id: document.id,
          kind: document.kind,
          key: document.key,
          title: document.title,
          published_revision_id: null,
          file_hash: null,
          created_at: document.now,
          updated_at: document.now,
        })
        .execute();
    },

    async updateDocument(
      trx: Trx,
      documentId: string,
      patch: { title?: string; publishedRevisionId?: string; fileHash?: string; now: string },
    ): Promise<void> {
      await trx
        .updateTable('editorial_documents')
        .set({
          ...(patch.title === undefined ? {} : { title: patch.title }),
          ...(patch.publishedRevisionId === undefined ? {} : { published_revision_id: patch.publishedRevisionId }),
          ...(patch.fileHash === undefined ? {} : { file_hash: patch.fileHash }),
          updated_at: patch.now,
        })
        .where('id', '=', documentId)
        .execute();
    },

    async insertRevision(trx: Trx, revision: Revision): Promise<void> {
      await trx
        .insertInto('editorial_revisions')
        .values({
          id: revision.id,
          document_id: revision.documentId,
          number: revision.number,
          state: revision.state,
          text: revision.text,
          note: revision.note,
          author_id: revision.authorId,
          contributors: JSON.stringify(
            revision.contributorIds.includes(revision.authorId)
              ? revision.contributorIds
              : [revision.authorId, ...revision.contributorIds],
          ),
          edit_number: revision.editNumber,
          based_on_number: revision.basedOnNumber,
          submitted_at: revision.submittedAt,
          reviewer_id: revision.reviewerId,
          review_note: revision.reviewNote,
          reviewed_at: revision.reviewedAt,
          published_at: revision.publishedAt,
          created_at: revision.createdAt,
          updated_at: revision.updatedAt,
        })
        .execute();
    },

    async updateRevision(trx: Trx, revisionId: string, patch: RevisionPatch): Promise<void> {
      await trx
        .updateTable('editorial_revisions')
        .set({
          ...(patch.state === undefined ? {} : { state: patch.state }),
          ...(patch.text === undefined ? {} : { text: patch.text }),
          ...(patch.note === undefined ? {} : { note: patch.note }),
          ...(patch.submittedAt === undefined ? {} : { submitted_at: patch.submittedAt }),
          ...(patch.reviewerId === undefined ? {} : { reviewer_id: patch.reviewerId }),
          ...(patch.reviewNote === undefined ? {} : { review_note: patch.reviewNote }),
          ...(patch.reviewedAt === undefined ? {} : { reviewed_at: patch.reviewedAt }),
          ...(patch.publishedAt === undefined ? {} : { published_at: patch.publishedAt }),
          updated_at: patch.updatedAt,
        })
        .where('id', '=', revisionId)
        .execute();
    },

    /**
     * Saves a draft's text, only if it is still the draft at the edit number the form was made on (the optimistic
     * lock): false when someone saved in between (or it is no longer a draft), and nothing is written. The
     * contributors are the revision's after this save (the caller holds the document's lock).
     */
    async saveDraft(
      trx: Trx,
      revisionId: string,
      editNumber: number,
      change: { text: string; note: string; now: string; contributorIds: readonly string[] },
    ): Promise<boolean> {
      const result = await trx
        .updateTable('editorial_revisions')
        .set({
          text: change.text,
          note: change.note,
          contributors: JSON.stringify(change.contributorIds),
          edit_number: editNumber + 1,
          updated_at: change.now,
        })
        .where('id', '=', revisionId)
        .where('state', '=', 'draft')
        .where('edit_number', '=', editNumber)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** Every document of a kind (or of every kind), by title, with its published number and open revision. */
    async listDocuments(kind?: DocumentKind): Promise<DocumentListing[]> {
      let query = db.selectFrom('editorial_documents').selectAll().orderBy('title').orderBy('key');
      if (kind !== undefined) query = query.where('kind', '=', kind);
      const documents = (await query.execute()).map(documentOf);
      if (documents.length === 0) return [];
      let revisionQuery = db
        .selectFrom('editorial_revisions')
        .innerJoin('editorial_documents', 'editorial_documents.id', 'editorial_revisions.document_id')
        .select([
          'editorial_revisions.document_id',
          'editorial_revisions.id',
          'editorial_revisions.number',
          'editorial_revisions.state',
          'editorial_revisions.author_id',
          'editorial_revisions.updated_at',
        ])
        .where('editorial_revisions.state', 'in', ['draft', 'in_review', 'published']);
      if (kind !== undefined) revisionQuery = revisionQuery.where('editorial_documents.kind', '=', kind);
      const byDocument = new Map<string, DocumentListing>(
        documents.map((document) => [document.id, { document, publishedNumber: null, open: undefined }]),
      );
      for (const row of await revisionQuery.execute()) {
        const listing = byDocument.get(row.document_id);
        if (listing === undefined) continue;
        if (row.state === 'published') listing.publishedNumber = Number(row.number);
        else if (row.state === 'draft' || row.state === 'in_review') {
          listing.open = {
            number: Number(row.number),
            state: row.state,
            authorId: row.author_id,
            updatedAt: row.updated_at,
          };
        }
      }
      return [...byDocument.values()];
    },

    /** The open revisions (drafts and those waiting for review) with their documents, oldest change first. */
    async openRevisions(): Promise<OpenRevision[]> {
      const rows = await db
        .selectFrom('editorial_revisions')
        .innerJoin('editorial_documents', 'editorial_documents.id', 'editorial_revisions.document_id')
        .selectAll('editorial_documents')
        .select([
          'editorial_revisions.number as revision_number',
          'editorial_revisions.state as revision_state',
          'editorial_revisions.author_id as revision_author',
          'editorial_revisions.contributors as revision_contributors',
          'editorial_revisions.updated_at as revision_updated_at',
        ])
        .where('editorial_revisions.state', 'in', ['draft', 'in_review'])
        .orderBy('editorial_revisions.updated_at')
        .execute();
      return rows.map((row) => ({
        document: documentOf(row),
        number: Number(row.revision_number),
        state: row.revision_state as 'draft' | 'in_review',
        authorId: row.revision_author,
        contributorIds: contributorsOf(row.revision_contributors, row.revision_author),
        updatedAt: row.revision_updated_at,
      }));
    },

    /** Per document of a kind: every text ever published (published and retired revisions), oldest first. */
    async publishedTexts(kind: DocumentKind): Promise<{ key: string; texts: string[] }[]> {
      const rows = await db
        .selectFrom('editorial_revisions')
        .innerJoin('editorial_documents', 'editorial_documents.id', 'editorial_revisions.document_id')
        .select(['editorial_documents.key', 'editorial_revisions.text', 'editorial_revisions.state'])
        .where('editorial_documents.kind', '=', kind)
        .where('editorial_revisions.state', 'in', ['published', 'retired'])
        .orderBy('editorial_documents.key')
        .orderBy('editorial_revisions.number')
        .execute();
      const byKey = new Map<string, string[]>();
      for (const row of rows) {
        const texts = byKey.get(row.key) ?? [];
        texts.push(row.text);
        byKey.set(row.key, texts);
      }
      return [...byKey].map(([key, texts]) => ({ key, texts }));
    },
  };
}

export type EditorialRepository = ReturnType<typeof createEditorialRepository>;
