import { readFileSync } from 'node:fs';
import type { Actor } from '../../shared/policy/actor.js';
import { authorize, can } from '../../policies.js';
import { createDailyCounter } from '../../shared/counters/daily-counter.js';
import { type AdviceLevel, adviceLevels } from '../check/check.schema.js';
import type { HelpRepository, Place } from './help.repo.js';
import { amsterdamClock, type OpenState, openState } from './opening-hours.js';
import {
  type OpeningHours,
  type Organisation,
  type OrganisationKind,
  organisationsFileSchema,
} from './organisation.schema.js';
import { placeAliases, placeKey } from './place-names.js';
import { readReferenceData } from './reference-data.js';

export type InvalidReason = 'too-long' | 'postcode-format' | 'characters' | 'missing';

/** An organisation as shown for one place at one moment. */
export interface ShownOrganisation {
  organisation: Organisation;
  /** Undefined when the hours are not known: no claim is made. */
  state: OpenState | undefined;
  chatState?: OpenState | undefined;
}

export interface HelpSections {
  emergency: ShownOrganisation[];
  /** Who serves this place: police unit, Veilig Thuis, regional organisations. */
  local: ShownOrganisation[];
  national: ShownOrganisation[];
}

export type HelpResult =
  | { kind: 'empty'; national: HelpSections }
  | { kind: 'invalid'; reason: InvalidReason; national: HelpSections }
  | { kind: 'choose'; query: string; places: Place[]; national: HelpSections }
  | { kind: 'unknown'; query: string; suggestions: Place[]; national: HelpSections }
  | { kind: 'found'; query: string; place: Place; sections: HelpSections };

export class OrganisationFileError extends Error {
  constructor(file: string, problems: readonly string[]) {
    super(`${file}: ${problems.join('; ')}`);
    this.name = 'OrganisationFileError';
  }
}

const MAX_QUERY = 100;
const kindOrder: readonly OrganisationKind[] = [
  'emergency',
  'police',
  'veilig-thuis',
  'sexual-violence-centre',
  'specialist-care',
  'care-coordinator',
  'online-abuse',
  'victim-support',
  'parent-support',
  'anonymous-tips',
  'youth-protection',
  'child-protection-board',
  'school',
  'gp',
];

function serves(organisation: Organisation, place: Place): boolean {
  const { area } = organisation;
  switch (area.type) {
    case 'national':
      return true;
    case 'province':
      return area.codes.includes(place.provinceCode);
    case 'veiligheidsregio':
      return area.codes.includes(place.safetyRegionCode);
    case 'police-unit':
      return area.names.includes(place.policeUnit);
    case 'municipalities':
      return area.codes.includes(place.code);
  }
}

const byKind = (a: ShownOrganisation, b: ShownOrganisation) =>
  kindOrder.indexOf(a.organisation.kind) - kindOrder.indexOf(b.organisation.kind) ||
  a.organisation.name.localeCompare(b.organisation.name, 'nl');

export function createHelpService(
  repo: HelpRepository,
  clock: () => Date = () => new Date(),
  options: { cacheMs?: number; flushMs?: number } = {},
) {
  const cacheMs = options.cacheMs ?? 60_000;
  let organisations: { list: Organisation[]; until: number } | undefined;
  let names: { list: string[]; until: number } | undefined;

  /*
   * The reference data is small (342 municipalities, ~4,100 postcode pairs) and changes a few times a year, so
   * lookups are answered from memory; it is reloaded after an import and at least every ten minutes (another
   * instance may have imported newer files).
   */
  type PlaceIndex = {
    byPostcode: Map<string, Place[]>;
    byKey: Map<string, Place[]>;
    byCode: Map<string, Place>;
    until: number;
  };
  let placeIndex: PlaceIndex | undefined;
  async function places(): Promise<PlaceIndex> {
    const now = clock().getTime();
    if (placeIndex === undefined || placeIndex.until <= now) {
      const loaded = await repo.loadPlaceIndex();
      const byCode = new Map(loaded.places.map((place) => [place.code, place]));
      const byPostcode = new Map<string, Place[]>();
      for (const { pc4, code } of loaded.postcodes) {
        const place = byCode.get(code);
        if (place === undefined) continue;
        byPostcode.set(pc4, [...(byPostcode.get(pc4) ?? []), place]);
      }
      const byKey = new Map<string, Place[]>();
      for (const place of loaded.places) {
        const key = placeKey(place.name);
        byKey.set(key, [...(byKey.get(key) ?? []), place]);
      }
      placeIndex = { byPostcode, byKey, byCode, until: now + 10 * 60_000 };
    }
    return placeIndex;
  }

  // Lookups, counted anonymously per day and veiligheidsregio (see createDailyCounter).
  const lookups = createDailyCounter<{ safetyRegionCode: string }>((counts) => repo.addLookupCounts(counts), {
    clock,
    ...(options.flushMs === undefined ? {} : { flushMs: options.flushMs }),
  });

  // Checks followed by a help lookup from their result page, per day, advice level and veiligheidsregio.
  const checkLookups = createDailyCounter<{ level: AdviceLevel; safetyRegionCode: string }>(
    (counts) => repo.addCheckLookupCounts(counts),
    { clock, ...(options.flushMs === undefined ? {} : { flushMs: options.flushMs }) },
  );

  /** "Open now" changes by the minute at most: one answer per organisation per minute. */
  const openCache = new Map<OpeningHours, { minute: number; state: OpenState }>();
  function openStateNow(hours: OpeningHours, instant: Date): OpenState {
    const minute = Math.floor(instant.getTime() / 60_000);
    const cached = openCache.get(hours);
    if (cached !== undefined && cached.minute === minute) return cached.state;
    const state = openState(hours, instant);
    openCache.set(hours, { minute, state });
    return state;
  }

  /** Organisations change rarely (the CMS will edit them); reading them once a minute is enough. */
  async function allOrganisations(): Promise<Organisation[]> {
    const now = clock().getTime();
    if (organisations === undefined || organisations.until <= now) {
      organisations = {
        // Demo organisations (seed-demo) exist for the case space only; they help nobody.
        list: (await repo.listOrganisations())
          .map((stored) => stored.organisation)
          .filter((organisation) => organisation.demo !== true),
        until: now + cacheMs,
      };
    }
    return organisations.list;
  }

  function show(organisation: Organisation, instant: Date): ShownOrganisation {
    return {
      organisation,
      state: organisation.hours === undefined ? undefined : openStateNow(organisation.hours, instant),
      chatState: organisation.chatHours === undefined ? undefined : openStateNow(organisation.chatHours, instant),
    };
  }

  async function sections(actor: Actor, place: Place | undefined): Promise<HelpSections> {
    const instant = clock();
    const visible = (await allOrganisations()).filter((organisation) =>
      can(actor, 'organisation', 'view', { verified: organisation.verified }),
    );
    const result: HelpSections = { emergency: [], local: [], national: [] };
    for (const organisation of visible) {
      const shown = show(organisation, instant);
      if (organisation.kind === 'emergency') result.emergency.push(shown);
      else if (organisation.kind === 'police' || organisation.kind === 'veilig-thuis') {
        // Police and Veilig Thuis serve every place; with a place known they head "who serves this place".
        (place === undefined ? result.national : result.local).push(shown);
      } else if (organisation.area.type !== 'national') {
        if (place !== undefined && serves(organisation, place)) result.local.push(shown);
      } else result.national.push(shown);
    }
    result.local.sort(byKind);
    result.national.sort(byKind);
    return result;
  }

  type Match =
    | { kind: 'empty' }
    | { kind: 'invalid'; reason: InvalidReason }
    | { kind: 'places'; query: string; places: Place[]; suggestions: Place[]; postcode?: string };

  /** What a visitor typed, read as a postcode or a place name: the places it names, counting nothing. */
  async function match(raw: string | undefined): Promise<Match> {
    const query = (raw ?? '').trim();
    if (query === '') return { kind: 'empty' };
    if (query.length > MAX_QUERY) return { kind: 'invalid', reason: 'too-long' };

    const compact = query.replace(/\s+/g, '');
    if (/^\d+[a-zA-Z]*$/.test(compact)) {
      const postcode = /^([1-9]\d{3})([a-zA-Z]{2})?$/.exec(compact);
      if (postcode === null) return { kind: 'invalid', reason: 'postcode-format' };
      const pc4 = postcode[1]!;
      return {
        kind: 'places',
        query: pc4,
        places: (await places()).byPostcode.get(pc4) ?? [],
        suggestions: [],
        postcode: `${pc4}${(postcode[2] ?? '').toUpperCase()}`,
      };
    }

    // Letters, accents, apostrophes, dots, brackets, dashes, spaces and commas ("Nuenen, Gerwen en Nederwetten").
    if (!/^[\p{L}\p{M}'’.(),\- ]+$/u.test(query)) return { kind: 'invalid', reason: 'characters' };
    const key = placeKey(query);
    const alias = placeAliases[key];
    const index = await places();
    let found = index.byKey.get(alias === undefined ? key : placeKey(alias)) ?? [];
    if (found.length === 0) {
      // "Bergen" matches "Bergen (L.)" and "Bergen (NH.)": offer both.
      found = [...index.byCode.values()].filter((place) => placeKey(place.name.replace(/\s*\([^)]*\)$/, '')) === key);
    }
    const suggestions = found.length === 0 ? await repo.findPlacesByNameKeyPrefix(key.slice(0, 4), 5) : [];
    return { kind: 'places', query, places: found, suggestions };
  }

  return {
    /**
     * Finds who can help for what a visitor typed: a 4-digit postcode, a full postcode in any common spelling,
     * or a municipality name. Never throws for bad input: it says what is wrong and still gives the national lines.
     */
    async lookup(actor: Actor, raw: string | undefined): Promise<HelpResult> {
      const found = await match(raw);
      switch (found.kind) {
        case 'empty':
          return { kind: 'empty', national: await sections(actor, undefined) };
        case 'invalid':
          return { kind: 'invalid', reason: found.reason, national: await sections(actor, undefined) };
        case 'places':
          return this.resolve(actor, found.query, found.places, found.suggestions);
      }
    },

    /**
     * Help looked up from a check's result page (issue 18): the advice level comes in the posted form, never in an
     * address. Counts one check lookup (day, level, the place's veiligheidsregio; nothing else) and answers where
     * the parent's help is: /hulp for the same postcode or place, which shows (and counts as a help lookup) the
     * results as any search does. A place whose postcode spans several regions is not counted (its region is not
     * known). Bad input is refused before anything is counted.
     */
    async lookUpFromCheck(
      actor: Actor,
      body: unknown,
    ): Promise<
      | { kind: 'redirect'; location: string; counted: boolean }
      | { kind: 'bad-level' }
      | { kind: 'invalid'; result: HelpResult; query: string }
    > {
      const fields =
        body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
      const level = fields.niveau;
      if (typeof level !== 'string' || !(adviceLevels as readonly string[]).includes(level))
        return { kind: 'bad-level' };
      const raw = fields.plaats;
      const text = typeof raw === 'string' ? raw : undefined;
      const found = await match(text);
      if (found.kind !== 'places') {
        const reason: InvalidReason = found.kind === 'empty' ? 'missing' : found.reason;
        return {
          kind: 'invalid',
          result: { kind: 'invalid', reason, national: await sections(actor, undefined) },
          query: (text ?? '').slice(0, MAX_QUERY),
        };
      }
      authorize(actor, 'checkOutcome', 'lookUpHelp', { level });
      const regionsFound = new Set(found.places.map((place) => place.safetyRegionCode));
      const [region] = regionsFound;
      const counted = regionsFound.size === 1 && region !== undefined;
      if (counted) checkLookups.add({ level: level as AdviceLevel, safetyRegionCode: region });
      // The address holds what /hulp's own form would put there: the postcode, or the place's code or name.
      const query =
        found.postcode !== undefined
          ? `postcode=${encodeURIComponent(found.postcode)}`
          : found.places.length === 1
            ? `gemeente=${encodeURIComponent(found.places[0]!.code)}`
            : `plaats=${encodeURIComponent(found.query)}`;
      return { kind: 'redirect', location: `/hulp?${query}`, counted };
    },

    /** A place chosen from a list by its municipality code (after a postcode that spans several). */
    async lookupByCode(actor: Actor, code: string): Promise<HelpResult> {
      const place = /^GM\d{4}$/.test(code) ? (await places()).byCode.get(code) : undefined;
      return this.resolve(actor, place?.name ?? code, place === undefined ? [] : [place], []);
    },

    async resolve(actor: Actor, query: string, places: Place[], suggestions: Place[]): Promise<HelpResult> {
      if (places.length === 0)
        return { kind: 'unknown', query, suggestions, national: await sections(actor, undefined) };
      if (places.length > 1) return { kind: 'choose', query, places, national: await sections(actor, undefined) };
      const place = places[0]!;
      // The only trace of a lookup: a count per day and veiligheidsregio. Never the postcode or the visitor.
      lookups.add({ safetyRegionCode: place.safetyRegionCode });
      return { kind: 'found', query, place, sections: await sections(actor, place) };
    },

    /** Counts a lookup that found `place` again, as resolve() does: for a result answered from the page cache. */
    countFound(place: Place): void {
      lookups.add({ safetyRegionCode: place.safetyRegionCode });
    },

    /** Municipality names for the form's suggestion list. */
    async municipalityNames(): Promise<string[]> {
      const now = clock().getTime();
      if (names === undefined || names.until <= now)
        names = { list: await repo.listMunicipalityNames(), until: now + cacheMs };
      return names.list;
    },

    /** Loads reference data from a folder of CSV files; re-running with the same or newer files is safe. */
    async importReferenceData(directory: string) {
      const data = readReferenceData(directory);
      await repo.replaceReferenceData(data);
      names = undefined;
      placeIndex = undefined;
      return repo.countReferenceData();
    },

    /** Seeds or updates organisations from the JSON file in the repository (by slug). */
    importOrganisations(file: string): Promise<number> {
      return this.addOrganisations(JSON.parse(readFileSync(file, 'utf8')), file);
    },

    /**
     * Adds or updates organisations (by slug) from data shaped like content/organisations.json, checked by its
     * schema; `source` names where it came from in the error. Returns how many were written.
     */
    async addOrganisations(data: unknown, source: string): Promise<number> {
      const parsed = organisationsFileSchema.safeParse(data);
      if (!parsed.success) {
        throw new OrganisationFileError(
          source,
          parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
        );
      }
      const written = await repo.upsertOrganisations(parsed.data.organisations, clock());
      organisations = undefined;
      return written;
    },

    /**
     * The organisations nobody checked in the last `months` months, or ever, oldest first (for the editorial
     * roles; a 404 for anyone else). `since` is the day that many months before today (Dutch time).
     */
    async organisationsToCheck(actor: Actor, months = 6) {
      authorize(actor, 'organisation', 'listChecks', { verified: true });
      const today = amsterdamClock(clock()).date;
      const [year, month, day] = today.split('-').map(Number) as [number, number, number];
      const since = new Date(Date.UTC(year, month - 1 - months, day)).toISOString().slice(0, 10);
      return { months, since, organisations: await repo.listUncheckedSince(since) };
    },

    /** Forgets the organisations held in memory (after a publish in the CMS wrote the table). */
    forgetOrganisations(): void {
      organisations = undefined;
    },

    hasReferenceData: async (): Promise<boolean> => (await repo.countReferenceData()).municipalities > 0,

    /** Writes pending lookup counts (help lookups and checks followed by one) now (tests, and before closing). */
    flush: async (): Promise<void> => {
      await Promise.all([lookups.flush(), checkLookups.flush()]);
    },

    close: async (): Promise<void> => {
      await Promise.all([lookups.close(), checkLookups.close()]);
    },
  };
}

export type HelpService = ReturnType<typeof createHelpService>;
