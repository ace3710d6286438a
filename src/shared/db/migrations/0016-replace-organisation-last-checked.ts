import type { Kysely } from 'kysely';

/*
 * Replaces "last_checked", a date nobody had checked anything on (the details came from second-hand sources): an
 * organisation names its source (with the source's date) and has a checked_on day only when someone really
 * checked its own site. Stored records are rewritten the same way: the old date becomes the source's date, never
 * a check. The next import of content/organisations.json replaces them with the file's sources.
 */

interface OldRecord {
  sourceUrl?: string;
  lastChecked?: string;
  [key: string]: unknown;
}

interface NewRecord {
  source?: { publisher: string; title?: string; url?: string; date: string };
  checkedOn?: string;
  [key: string]: unknown;
}

/** The old record's keys in order, with sourceUrl and lastChecked replaced by a source where sourceUrl was. */
function forward(record: OldRecord): NewRecord {
  const result: NewRecord = {};
  for (const [key, value] of Object.entries(record)) {
    if (key === 'lastChecked') continue;
    if (key === 'sourceUrl' && typeof value === 'string' && typeof record.lastChecked === 'string') {
      result.source = {
        publisher: new URL(value).hostname.replace(/^www\./, ''),
        url: value,
        date: record.lastChecked,
      };
    } else result[key] = value;
  }
  return result;
}

function backward(record: NewRecord): OldRecord {
  const result: OldRecord = {};
  for (const [key, value] of Object.entries(record)) {
    if (key === 'checkedOn') continue;
    if (key === 'source' && record.source !== undefined) {
      const { url, date } = record.source;
      // The old schema needs an address: the organisation's own site, or a reserved name that is nobody's.
      result.sourceUrl = url ?? (typeof record.web === 'string' ? record.web : 'https://example.invalid/');
      result.lastChecked = record.checkedOn ?? (date.length === 4 ? `${date}-01-01` : date);
    } else result[key] = value;
  }
  return result;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function storedRecords(db: Kysely<any>): Promise<{ id: string; data: string }[]> {
  return db.selectFrom('organisations').select(['id', 'data']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('organisations').addColumn('checked_on', 'text').execute();
  // No stored record has been checked: checked_on stays empty.
  for (const row of await storedRecords(db)) {
    const record = forward(JSON.parse(row.data) as OldRecord);
    await db
      .updateTable('organisations')
      .set({ data: JSON.stringify(record) })
      .where('id', '=', row.id)
      .execute();
  }
  await db.schema.alterTable('organisations').dropColumn('last_checked').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('organisations')
    .addColumn('last_checked', 'text', (column) => column.notNull().defaultTo(''))
    .execute();
  for (const row of await storedRecords(db)) {
    const record = backward(JSON.parse(row.data) as NewRecord);
    await db
      .updateTable('organisations')
      .set({ data: JSON.stringify(record), last_checked: record.lastChecked ?? '' })
      .where('id', '=', row.id)
      .execute();
  }
  await db.schema.alterTable('organisations').dropColumn('checked_on').execute();
}
