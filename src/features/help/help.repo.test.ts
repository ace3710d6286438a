import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { before, test } from 'node:test';
import { describeEachDialect } from '../../../test/helpers/databases.js';
import { anonymous, type Actor } from '../../shared/policy/actor.js';
import { organisationsFile, referenceDataDir } from '../../shared/paths.js';
import { createHelpRepository } from './help.repo.js';
import { createHelpService, type HelpResult } from './help.service.js';
import type { Organisation } from './organisation.schema.js';
import { ReferenceDataError } from './reference-data.js';

const admin: Actor = { kind: 'user', userId: 'a1', roles: ['admin'] };

function placeOf(result: HelpResult) {
  assert.equal(result.kind, 'found', `expected a place, got ${result.kind}`);
  return result.kind === 'found' ? result.place : undefined;
}

describeEachDialect('help finder data', (database) => {
  // Wednesday 14 January 2026, 10:00 in the Netherlands.
  const now = new Date('2026-01-14T09:00:00Z');
  const service = () => createHelpService(createHelpRepository(database().handle.db), () => now, { cacheMs: 0 });

  before(async () => {
    await service().importReferenceData(referenceDataDir);
    await service().importOrganisations(organisationsFile);
  });

  test('the reference data is loaded in full: 342 municipalities, 4,131 postcode pairs, 25 regions, 10 police units', async () => {
    const counts = await createHelpRepository(database().handle.db).countReferenceData();
    assert.deepEqual(counts, { municipalities: 342, postcodes: 4131, safetyRegions: 25, policeUnits: 10 });
  });

  test('importing the same files again changes nothing', async () => {
    assert.deepEqual(await service().importReferenceData(referenceDataDir), {
      municipalities: 342,
      postcodes: 4131,
      safetyRegions: 25,
      policeUnits: 10,
    });
    assert.equal(await service().importOrganisations(organisationsFile), 0);
  });

  test('spot checks: postcodes lead to the right municipality, province, veiligheidsregio and police unit', async () => {
    const cases: [string, string, string, string, string][] = [
      ['9711', 'Groningen', 'Groningen', 'VR01', 'Noord-Nederland'],
      ['6211', 'Maastricht', 'Limburg', 'VR24', 'Limburg'],
      ['1012', 'Amsterdam', 'Noord-Holland', 'VR13', 'Amsterdam'],
      ['8911', 'Leeuwarden', 'Friesland', 'VR02', 'Noord-Nederland'],
      ['5038', 'Tilburg', 'Noord-Brabant', 'VR20', 'Zeeland-West-Brabant'],
    ];
    for (const [postcode, name, province, region, unit] of cases) {
      const place = placeOf(await service().lookup(anonymous, postcode));
      assert.deepEqual(
        [place?.name, place?.provinceName, place?.safetyRegionCode, place?.policeUnit],
        [name, province, region, unit],
        postcode,
      );
    }
  });

  test('a full postcode in any common spelling finds the same place', async () => {
    for (const spelling of ['9711 AB', '9711ab', '9711AB', ' 9711  ab ', '9711 ab']) {
      assert.equal(placeOf(await service().lookup(anonymous, spelling))?.code, 'GM0014', spelling);
    }
  });

  test('a postcode in several municipalities asks which one', async () => {
    const result = await service().lookup(anonymous, '1096');
    assert.equal(result.kind, 'choose');
    assert.deepEqual(result.kind === 'choose' ? result.places.map((place) => place.name) : [], [
      'Amsterdam',
      'Ouder-Amstel',
    ]);
  });

  test('municipality names are matched whatever the case, accents, apostrophes or common name', async () => {
    const cases: [string, string][] = [
      ['Groningen', 'GM0014'],
      ['GRONINGEN', 'GM0014'],
      ["'s-Gravenhage", 'GM0518'],
      ['s-gravenhage', 'GM0518'],
      ['Den Haag', 'GM0518'],
      ['den bosch', 'GM0796'],
      ['súdwest-fryslân', 'GM1900'],
      ['Sudwest Fryslan', 'GM1900'],
      ['Nuenen, Gerwen en Nederwetten', 'GM0820'],
    ];
    for (const [name, code] of cases) assert.equal(placeOf(await service().lookup(anonymous, name))?.code, code, name);
  });

  test('an ambiguous short name offers the municipalities it can mean', async () => {
    const result = await service().lookup(anonymous, 'Bergen');
    assert.equal(result.kind, 'choose');
    assert.deepEqual(result.kind === 'choose' ? result.places.map((place) => place.name) : [], [
      'Bergen (L.)',
      'Bergen (NH.)',
    ]);
  });

  test('bad input gets a reason, not an error, and always the national lines', async () => {
    const cases: [string, HelpResult['kind'], string?][] = [
      ['', 'empty'],
      ['abcd', 'unknown'],
      ['0000', 'invalid', 'postcode-format'],
      ['99999', 'invalid', 'postcode-format'],
      ['1000', 'unknown'],
      ['x'.repeat(10_000), 'invalid', 'too-long'],
      ['<script>alert(1)</script>', 'invalid', 'characters'],
      ["'; DROP TABLE municipalities; --", 'invalid', 'characters'],
      ['Atlantis', 'unknown'],
      ['%', 'invalid', 'characters'],
    ];
    for (const [input, kind, reason] of cases) {
      const result = await service().lookup(anonymous, input);
      assert.equal(result.kind, kind, JSON.stringify(input.slice(0, 40)));
      if (reason !== undefined) assert.equal(result.kind === 'invalid' && result.reason, reason);
      const national = result.kind === 'found' ? result.sections : result.national;
      assert.ok(
        national.emergency.some((shown) => shown.organisation.phone === '112'),
        'the emergency line is there',
      );
      assert.ok(national.national.length > 0 || national.local.length > 0, 'national lines are there');
    }
    assert.equal(
      (await createHelpRepository(database().handle.db).countReferenceData()).municipalities,
      342,
      'nothing dropped',
    );
  });

  test('an unknown name suggests close names', async () => {
    const result = await service().lookup(anonymous, 'Groningn');
    assert.equal(result.kind, 'unknown');
    assert.ok(result.kind === 'unknown' && result.suggestions.some((place) => place.name === 'Groningen'));
  });

  test('a found place lists who serves it: police and Veilig Thuis locally, national lines, 112 first', async () => {
    const result = await service().lookup(anonymous, '9711');
    assert.equal(result.kind, 'found');
    if (result.kind !== 'found') return;
    assert.deepEqual(
      result.sections.emergency.map((shown) => shown.organisation.phone),
      ['112'],
    );
    const localKinds = result.sections.local.map((shown) => shown.organisation.kind);
    assert.deepEqual(localKinds.slice(0, 2), ['police', 'veilig-thuis']);
    const veiligThuis = result.sections.local.find((shown) => shown.organisation.kind === 'veilig-thuis');
    assert.deepEqual(veiligThuis?.state, { open: true, always: true });
    assert.ok(result.sections.national.length > 0);
  });

  test('unverified entries are hidden from visitors and shown to admins', async () => {
    const visitor = await service().lookup(anonymous, '9711');
    const forAdmin = await service().lookup(admin, '9711');
    const all = (result: HelpResult) =>
      result.kind === 'found'
        ? [...result.sections.local, ...result.sections.national].map((shown) => shown.organisation)
        : [];
    assert.ok(all(visitor).every((organisation) => organisation.verified));
    assert.ok(all(forAdmin).some((organisation) => !organisation.verified));
    // The Groningen care coordinator serves VR01 only.
    assert.ok(all(forAdmin).some((organisation) => organisation.slug === 'zorgcoordinator-groningen-mjd'));
    const maastricht = await service().lookup(admin, '6211');
    assert.ok(!all(maastricht).some((organisation) => organisation.slug === 'zorgcoordinator-groningen-mjd'));
  });

  test('nobody has checked an organisation on its own site: no entry and no row has a day of checking', async () => {
    const rows = await database().handle.db.selectFrom('organisations').select(['slug', 'checked_on']).execute();
    assert.ok(rows.length > 10);
    assert.deepEqual(
      rows.filter((row) => row.checked_on !== null),
      [],
    );
    const stored = await createHelpRepository(database().handle.db).listOrganisations();
    assert.ok(
      stored.every(({ organisation }) => organisation.checkedOn === undefined && organisation.source.date !== ''),
    );
  });

  test('a real check is stored with its day, and a source-only entry keeps none', async () => {
    const repo = createHelpRepository(database().handle.db);
    const base: Organisation = {
      slug: 'test-gecontroleerd',
      name: 'Gecontroleerd',
      kind: 'parent-support',
      description: { nl: 'Helpt.', en: 'Helps.' },
      area: { type: 'national' },
      source: { publisher: 'Voorbeeld', url: 'https://voorbeeld.example', date: '2020' },
      verified: false,
    };
    try {
      await repo.upsertOrganisations([{ ...base, checkedOn: '2026-12-03' }], now);
      const checked = await database()
        .handle.db.selectFrom('organisations')
        .select('checked_on')
        .where('slug', '=', base.slug)
        .executeTakeFirstOrThrow();
      assert.equal(checked.checked_on, '2026-12-03');
      const listed = (await repo.listOrganisations()).find(({ organisation }) => organisation.slug === base.slug);
      assert.equal(listed?.organisation.checkedOn, '2026-12-03');
      assert.deepEqual(listed?.organisation.source, base.source);

      // The check turns out to be a mistake and is taken out of the file: the day goes too.
      assert.equal(await repo.upsertOrganisations([base], now), 1);
      const unchecked = await database()
        .handle.db.selectFrom('organisations')
        .select('checked_on')
        .where('slug', '=', base.slug)
        .executeTakeFirstOrThrow();
      assert.equal(unchecked.checked_on, null);
    } finally {
      await database().handle.db.deleteFrom('organisations').where('slug', '=', base.slug).execute();
    }
  });

  test('a lookup is counted per day and veiligheidsregio only', async () => {
    const counting = service();
    await counting.lookup(anonymous, '9711');
    await counting.flush();
    const rows = await database().handle.db.selectFrom('help_lookups').selectAll().execute();
    assert.ok(rows.length > 0);
    for (const row of rows) assert.deepEqual(Object.keys(row).sort(), ['count', 'day', 'safety_region_code']);
    assert.ok(rows.some((row) => row.safety_region_code === 'VR01' && row.day === '2026-01-14'));
  });

  test('a newer file set replaces the old one, and a broken one leaves the data as it was', async () => {
    const directory = mkdtempSync(path.join(os.tmpdir(), 'nmk-regions-'));
    try {
      for (const name of ['gemeenten_2025.csv', 'politie_eenheden.csv', 'veiligheidsregios.csv']) {
        copyFileSync(path.join(referenceDataDir, name), path.join(directory, name));
      }
      // Pretend 9711 moved to another municipality in a newer file.
      const postcodes = readFileSync(path.join(referenceDataDir, 'pc4_gemeente.csv'), 'utf8').replace(
        /^9711,GM0014,Groningen,/m,
        '9711,GM1680,Aa en Hunze,',
      );
      writeFileSync(path.join(directory, 'pc4_gemeente.csv'), postcodes);
      await service().importReferenceData(directory);
      assert.equal(placeOf(await service().lookup(anonymous, '9711'))?.name, 'Aa en Hunze');

      writeFileSync(path.join(directory, 'pc4_gemeente.csv'), `${postcodes}9712,GM9999,Nergens,,0,0,1,0\n`);
      await assert.rejects(service().importReferenceData(directory), ReferenceDataError);
      assert.equal(
        placeOf(await service().lookup(anonymous, '9711'))?.name,
        'Aa en Hunze',
        'unchanged after a failure',
      );
    } finally {
      await service().importReferenceData(referenceDataDir);
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
