import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // Everyone who saved text into a revision (issue 16, four eyes): a JSON array of user ids, the author first.
  // The open draft is shared, so its author is not the only one whose words it holds; none of them may publish
  // it. Every revision made before this column gets its author.
  await db.schema
    .alterTable('editorial_revisions')
    .addColumn('contributors', 'text', (column) => column.notNull().defaultTo('[]'))
    .execute();
  const authors = await db.selectFrom('editorial_revisions').select('author_id').distinct().execute();
  for (const { author_id: authorId } of authors as { author_id: string }[]) {
    await db
      .updateTable('editorial_revisions')
      .set({ contributors: JSON.stringify([authorId]) })
      .where('author_id', '=', authorId)
      .execute();
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('editorial_revisions').dropColumn('contributors').execute();
}
