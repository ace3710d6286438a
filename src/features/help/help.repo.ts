import type { Kysely } from 'kysely';
import type { Database } from '../../shared/db/schema.js';
import type { Trx } from '../../shared/db/transaction.js';
import { type Organisation, organisationSchema } from './organisation.schema.js';
import type { ReferenceData } from './reference-data.js';

/** A municipality with the regions it belongs to: what the help finder needs to know about a place. */
export interface Place {
  code: string;
  name: string;
  provinceCode: string;
  provinceName: string;
  safetyRegionCode: string;
  safetyRegionName: string;
  policeUnit: string;
}

export interface StoredOrganisation {
  id: string;
  organisation: Organisation;
}

const BATCH = 400;

/**
 * An organisation verified in the app by four eyes (src/features/professionals) that the file still marks as not
 * verified, and that is otherwise unchanged: the import leaves it verified. A real change in the file replaces it
 * and needs verifying again.
 */
function verifiedInApp(storedData: string, fromFile: Organisation): boolean {
  return !fromFile.verified && storedData === JSON.stringify({ ...fromFile, verified: true });
}

/**
 * Inserts an organisation (no `existingId`) or replaces the row with that id; its data as given, with `verified`
 * (a file's or the CMS's value, or kept from a verification in the app).
 */
async function writeOrganisation(
  trx: Trx,
  existingId: string | undefined,
  organisation: Organisation,
  verified: boolean,
  now: Date,
): Promise<void> {
  const values = {
    kind: organisation.kind,
    data: JSON.stringify(verified === organisation.verified ? organisation : { ...organisation, verified }),
    area_type: organisation.area.type,
    verified: verified ? 1 : 0,
    checked_on: organisation.checkedOn ?? null,
    updated_at: now.toISOString(),
  };
  if (existingId === undefined) {
    await trx
      .insertInto('organisations')
      .values({ id: crypto.randomUUID(), slug: organisation.slug, ...values })
      .execute();
  } else {
    await trx.updateTable('organisations').set(values).where('id', '=', existingId).execute();
  }
}

function placeQuery(db: Kysely<Database>) {
  return db
    .selectFrom('municipalities as m')
    .innerJoin('safety_regions as r', 'r.code', 'm.safety_region_code')
    .select([
      'm.code as code',
      'm.name as name',
      'm.province_code as provinceCode',
      'm.province_name as provinceName',
      'm.safety_region_code as safetyRegionCode',
      'r.name as safetyRegionName',
      'm.police_unit as policeUnit',
    ]);
}

export function createHelpRepository(db: Kysely<Database>) {
  return {
    /**
     * Replaces all reference data in one transaction: a newer file set takes the place of the old one
     * completely (merged municipalities disappear), and a failure leaves the old data as it was.
     */
    async replaceReferenceData(data: ReferenceData): Promise<void> {
      await db.transaction().execute(async (trx) => {
        for (const table of ['postcodes', 'municipalities', 'safety_regions', 'police_units'] as const) {
          await trx.deleteFrom(table).execute();
        }
        await trx.insertInto('police_units').values(data.policeUnits).execute();
        await trx
          .insertInto('safety_regions')
          .values(
            data.safetyRegions.map((region) => ({
              code: region.code,
              name: region.name,
              police_unit: region.policeUnit,
            })),
          )
          .execute();
        const municipalities = data.municipalities.map((municipality) => ({
          code: municipality.code,
          cbs_code: municipality.cbsCode,
          name: municipality.name,
          name_key: municipality.nameKey,
          province_code: municipality.provinceCode,
          province_name: municipality.provinceName,
          safety_region_code: municipality.safetyRegionCode,
          police_unit: municipality.policeUnit,
        }));
        for (let start = 0; start < municipalities.length; start += BATCH) {
          await trx
            .insertInto('municipalities')
            .values(municipalities.slice(start, start + BATCH))
            .execute();
        }
        const postcodes = data.postcodes.map((postcode) => ({
          pc4: postcode.pc4,
          municipality_code: postcode.municipalityCode,
          places: postcode.places,
        }));
        for (let start = 0; start < postcodes.length; start += BATCH) {
          await trx
            .insertInto('postcodes')
            .values(postcodes.slice(start, start + BATCH))
            .execute();
        }
      });
    },

    async countReferenceData(): Promise<{
      municipalities: number;
      postcodes: number;
      safetyRegions: number;
      policeUnits: number;
    }> {
      const count = async (table: 'municipalities' | 'postcodes' | 'safety_regions' | 'police_units') =>
        Number(
          (
            await db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll().as('count'))
              .executeTakeFirstOrThrow()
          ).count,
        );
      return {
        municipalities: await count('municipalities'),
        postcodes: await count('postcodes'),
        safetyRegions: await count('safety_regions'),
        policeUnits: await count('police_units'),
      };
    },

    /**
     * Names with a word starting with what was typed, for "did you mean". The prefix is a place key
     * (only a–z, 0–9 and spaces), so it holds no LIKE wildcards.
     */
    async findPlacesByNameKeyPrefix(prefix: string, limit: number): Promise<Place[]> {
      if (!/^[a-z0-9 ]+$/.test(prefix)) return [];
      return placeQuery(db)
        .where((eb) => eb('m.name_key', 'like', `${prefix}%`).or('m.name_key', 'like', `% ${prefix}%`))
        .orderBy('m.name')
        .limit(limit)
        .execute();
    },

    /** Every place with its postcodes, to hold in memory (342 municipalities, about 4,100 postcode pairs). */
    async loadPlaceIndex(): Promise<{ places: Place[]; postcodes: { pc4: string; code: string }[] }> {
      const places = await placeQuery(db).orderBy('m.name').execute();
      const postcodes = await db
        .selectFrom('postcodes')
        .select(['pc4', 'municipality_code as code'])
        .orderBy('pc4')
        .orderBy('municipality_code')
        .execute();
      return { places, postcodes };
    },

    /** Adds counts in one transaction; counts add up, so several instances can write side by side. */
    async addLookupCounts(counts: readonly { day: string; safetyRegionCode: string; count: number }[]): Promise<void> {
      if (counts.length === 0) return;
      await db.transaction().execute(async (trx) => {
        for (const { day, safetyRegionCode, count } of counts) {
          await trx
            .insertInto('help_lookups')
            .values({ day, safety_region_code: safetyRegionCode, count })
            .onConflict((conflict) =>
              conflict
                .columns(['day', 'safety_region_code'])
                .doUpdateSet((eb) => ({ count: eb('help_lookups.count', '+', count) })),
            )
            .execute();
        }
      });
    },

    /** Adds counts of checks followed by a help lookup (day, advice level, veiligheidsregio), as addLookupCounts. */
    async addCheckLookupCounts(
      counts: readonly { day: string; level: string; safetyRegionCode: string; count: number }[],
    ): Promise<void> {
      if (counts.length === 0) return;
      await db.transaction().execute(async (trx) => {
        for (const { day, level, safetyRegionCode, count } of counts) {
          await trx
            .insertInto('check_lookups')
            .values({ day, level, safety_region_code: safetyRegionCode, count })
            .onConflict((conflict) =>
              conflict
                .columns(['day', 'level', 'safety_region_code'])
                .doUpdateSet((eb) => ({ count: eb('check_lookups.count', '+', count) })),
            )
            .execute();
        }
      });
    },

    async listMunicipalityNames(): Promise<string[]> {
      const rows = await db.selectFrom('municipalities').select('name').orderBy('name').execute();
      return rows.map((row) => row.name);
    },

    /** Inserts new organisations and updates changed ones, by slug; returns how many were written. */
    async upsertOrganisations(organisations: readonly Organisation[], now: Date): Promise<number> {
      return db.transaction().execute(async (trx) => {
        let written = 0;
        for (const organisation of organisations) {
          const data = JSON.stringify(organisation);
          const existing = await trx
            .selectFrom('organisations')
            .select(['id', 'data'])
            .where('slug', '=', organisation.slug)
            .executeTakeFirst();
          if (existing === undefined || (existing.data !== data && !verifiedInApp(existing.data, organisation))) {
            await writeOrganisation(trx, existing?.id, organisation, organisation.verified, now);
            written += 1;
          }
        }
        return written;
      });
    },

    /**
     * Writes one organisation published in the CMS (the editorial kind's apply, in the publishing transaction):
     * inserted or replaced by slug. Verification by two admins in the app (src/features/professionals) stands: the
     * change was reviewed by a second person, and the file's `verified` only ever grants, never withdraws it.
     */
    async saveOrganisation(trx: Trx, organisation: Organisation, now: Date): Promise<void> {
      const existing = await trx
        .selectFrom('organisations')
        .select(['id', 'verified'])
        .where('slug', '=', organisation.slug)
        .executeTakeFirst();
      const verified = organisation.verified || Number(existing?.verified ?? 0) === 1;
      await writeOrganisation(trx, existing?.id, organisation, verified, now);
    },

    /**
     * The organisations whose details nobody checked since `before` (a day, YYYY-MM-DD) or ever: never-checked
     * first, then the oldest check first. Demo organisations are left out (they are nobody's help).
     */
    async listUncheckedSince(before: string): Promise<{ slug: string; name: string; checkedOn: string | null }[]> {
      const rows = await db
        .selectFrom('organisations')
        .select(['slug', 'data', 'checked_on'])
        .where((eb) => eb.or([eb('checked_on', 'is', null), eb('checked_on', '<', before)]))
        .orderBy('slug')
        .execute();
      return rows
        .map((row) => ({ row, organisation: organisationSchema.parse(JSON.parse(row.data)) }))
        .filter(({ organisation }) => organisation.demo !== true)
        .map(({ row, organisation }) => ({ slug: row.slug, name: organisation.name, checkedOn: row.checked_on }))
        .sort((a, b) =>
          a.checkedOn === b.checkedOn
            ? a.name.localeCompare(b.name, 'nl')
            : a.checkedOn === null
              ? -1
              : b.checkedOn === null
                ? 1
                : a.checkedOn.localeCompare(b.checkedOn),
        );
    },

    async findOrganisation(id: string): Promise<Organisation | undefined> {
      const row = await db.selectFrom('organisations').select('data').where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : organisationSchema.parse(JSON.parse(row.data));
    },

    async listOrganisations(): Promise<StoredOrganisation[]> {
      const rows = await db.selectFrom('organisations').select(['id', 'data']).orderBy('slug').execute();
      return rows.map((row) => ({ id: row.id, organisation: organisationSchema.parse(JSON.parse(row.data)) }));
    },
  };
}

export type HelpRepository = ReturnType<typeof createHelpRepository>;
