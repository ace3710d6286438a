import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('police_units')
    .addColumn('name', 'text', (column) => column.primaryKey())
    .addColumn('arrondissementen', 'text', (column) => column.notNull())
    .execute();

  await db.schema
    .createTable('safety_regions')
    .addColumn('code', 'text', (column) => column.primaryKey())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('police_unit', 'text', (column) => column.notNull())
    .execute();

  await db.schema
    .createTable('municipalities')
    .addColumn('code', 'text', (column) => column.primaryKey())
    .addColumn('cbs_code', 'text', (column) => column.notNull())
    .addColumn('name', 'text', (column) => column.notNull())
    // Lower-case, no accents or punctuation: "'s-Gravenhage" → "s gravenhage", for matching what people type.
    .addColumn('name_key', 'text', (column) => column.notNull())
    .addColumn('province_code', 'text', (column) => column.notNull())
    .addColumn('province_name', 'text', (column) => column.notNull())
    .addColumn('safety_region_code', 'text', (column) => column.notNull())
    .addColumn('police_unit', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('municipalities_name_key').on('municipalities').column('name_key').execute();

  await db.schema
    .createTable('postcodes')
    .addColumn('pc4', 'text', (column) => column.notNull())
    .addColumn('municipality_code', 'text', (column) => column.notNull())
    .addColumn('places', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('postcodes_pk', ['pc4', 'municipality_code'])
    .execute();

  await db.schema
    .createTable('organisations')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('slug', 'text', (column) => column.notNull().unique())
    .addColumn('kind', 'text', (column) => column.notNull())
    // The whole record as JSON, checked by the organisation schema when written and read.
    .addColumn('data', 'text', (column) => column.notNull())
    .addColumn('area_type', 'text', (column) => column.notNull())
    .addColumn('verified', 'integer', (column) => column.notNull())
    .addColumn('last_checked', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();

  await db.schema
    .createTable('help_lookups')
    .addColumn('day', 'text', (column) => column.notNull())
    .addColumn('safety_region_code', 'text', (column) => column.notNull())
    .addColumn('count', 'integer', (column) => column.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('help_lookups_pk', ['day', 'safety_region_code'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'help_lookups',
    'organisations',
    'postcodes',
    'municipalities',
    'safety_regions',
    'police_units',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
