import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { placeKey } from './place-names.js';

/*
 * Reads the CBS/GeoNames reference files (reference-data/*.csv, see reference-data/SOURCES.md). Every row is
 * checked; a file that does not match stops the import with the file, line and problem, and nothing is written.
 */

export class ReferenceDataError extends Error {
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'ReferenceDataError';
  }
}

const policeUnitRow = z.object({ politie_eenheid: z.string().min(1), arrondissementen: z.string().min(1) });
const safetyRegionRow = z.object({
  veiligheidsregio_code: z.string().regex(/^VR\d{2}$/),
  veiligheidsregio_naam: z.string().min(1),
  politie_eenheid: z.string().min(1),
});
const municipalityRow = z.object({
  gemeentecode: z.string().regex(/^GM\d{4}$/),
  gemeentecode_cbs: z.string().regex(/^\d{4}$/),
  gemeentenaam: z.string().min(1),
  provinciecode: z.string().regex(/^PV\d{2}$/),
  provincienaam: z.string().min(1),
  veiligheidsregio_code: z.string().regex(/^VR\d{2}$/),
  politie_eenheid: z.string().min(1),
});
const postcodeRow = z.object({
  pc4: z.string().regex(/^[1-9]\d{3}$/),
  gemeentecode: z.string().regex(/^GM\d{4}$/),
  plaatsen: z.string(),
});

export interface ReferenceData {
  policeUnits: { name: string; arrondissementen: string }[];
  safetyRegions: { code: string; name: string; policeUnit: string }[];
  municipalities: {
    code: string;
    cbsCode: string;
    name: string;
    nameKey: string;
    provinceCode: string;
    provinceName: string;
    safetyRegionCode: string;
    policeUnit: string;
  }[];
  postcodes: { pc4: string; municipalityCode: string; places: string }[];
}

function readRows<T>(directory: string, name: string, schema: z.ZodType<T>): T[] {
  const file = path.join(directory, name);
  let records: Record<string, string>[];
  try {
    records = parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (error) {
    throw new ReferenceDataError(file, (error as Error).message);
  }
  return records.map((record, index) => {
    const parsed = schema.safeParse(record);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ReferenceDataError(file, `line ${index + 2}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`);
    }
    return parsed.data;
  });
}

/** The veiligheidsregio's names by code ("VR01" → "Groningen"), from veiligheidsregios.csv alone. */
export function readSafetyRegionNames(directory: string): Map<string, string> {
  return new Map(
    readRows(directory, 'veiligheidsregios.csv', safetyRegionRow).map((row) => [
      row.veiligheidsregio_code,
      row.veiligheidsregio_naam,
    ]),
  );
}

/** Reads and cross-checks the four files: every code a row refers to must exist in the file it points to. */
export function readReferenceData(directory: string): ReferenceData {
  const policeUnits = readRows(directory, 'politie_eenheden.csv', policeUnitRow).map((row) => ({
    name: row.politie_eenheid,
    arrondissementen: row.arrondissementen,
  }));
  const safetyRegions = readRows(directory, 'veiligheidsregios.csv', safetyRegionRow).map((row) => ({
    code: row.veiligheidsregio_code,
    name: row.veiligheidsregio_naam,
    policeUnit: row.politie_eenheid,
  }));
  const municipalities = readRows(directory, 'gemeenten_2025.csv', municipalityRow).map((row) => ({
    code: row.gemeentecode,
    cbsCode: row.gemeentecode_cbs,
    name: row.gemeentenaam,
    nameKey: placeKey(row.gemeentenaam),
    provinceCode: row.provinciecode,
    provinceName: row.provincienaam,
    safetyRegionCode: row.veiligheidsregio_code,
    policeUnit: row.politie_eenheid,
  }));
  const postcodes = readRows(directory, 'pc4_gemeente.csv', postcodeRow).map((row) => ({
    pc4: row.pc4,
    municipalityCode: row.gemeentecode,
    places: row.plaatsen,
  }));

  const unitNames = new Set(policeUnits.map((unit) => unit.name));
  const regionCodes = new Set(safetyRegions.map((region) => region.code));
  const municipalityCodes = new Set(municipalities.map((municipality) => municipality.code));
  for (const region of safetyRegions) {
    if (!unitNames.has(region.policeUnit)) {
      throw new ReferenceDataError(
        'veiligheidsregios.csv',
        `${region.code} names unknown police unit ${region.policeUnit}`,
      );
    }
  }
  for (const municipality of municipalities) {
    if (!regionCodes.has(municipality.safetyRegionCode) || !unitNames.has(municipality.policeUnit)) {
      throw new ReferenceDataError('gemeenten_2025.csv', `${municipality.code} names an unknown region or police unit`);
    }
  }
  const pairs = new Set<string>();
  for (const postcode of postcodes) {
    if (!municipalityCodes.has(postcode.municipalityCode)) {
      throw new ReferenceDataError(
        'pc4_gemeente.csv',
        `${postcode.pc4} names unknown municipality ${postcode.municipalityCode}`,
      );
    }
    const pair = `${postcode.pc4} ${postcode.municipalityCode}`;
    if (pairs.has(pair)) throw new ReferenceDataError('pc4_gemeente.csv', `${pair} appears twice`);
    pairs.add(pair);
  }
  return { policeUnits, safetyRegions, municipalities, postcodes };
}
