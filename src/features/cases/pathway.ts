import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describeLanguageProblem, languageProblems } from '../../shared/i18n/document-languages.js';
import { readVersionedFiles } from '../../shared/versioned-files.js';
import { type Pathway, pathwaySchema, type PathwayStep, type PathwayTrack } from './pathway.schema.js';

/*
 * The pathway of de lijn: every version in content/pathway/ is read and checked when the app starts, and the
 * app refuses to start when one is wrong (like the check's questionnaires). Besides the schema, the loader checks
 * the shape of each track: every step can be reached from the track's first step, and from every step the track
 * can still be finished. Loops are allowed; a step pointing to itself is not (the schema refuses it). A language
 * beside nl and en is in every text of a version or in none (src/shared/i18n/document-languages.ts, ADR 0056).
 */

/** The key of the national pathway, and of a regional variant: `region:<veiligheidsregio code>` (ADR 0037). */
export const nationalPathway = 'national';
export const regionKeyPattern = /^region:VR\d{2}$/;
export const regionKey = (code: string): string => `region:${code}`;
export const isPathwayKey = (key: string): boolean => key === nationalPathway || regionKeyPattern.test(key);

/** A pathway's versions under one key, oldest first; the last published one is that key's current one. */
export interface PathwayLine {
  key: string;
  versions: readonly Pathway[];
}

/**
 * All pathway versions: the national pathway and its regional variants. Version numbers are unique across all
 * keys, so a step move's `pathway_version` names exactly one pathway. Refilled after a publish in the CMS (the
 * registry object stays the same, so everyone holding it sees the new versions).
 */
export interface PathwayRegistry {
  /** The national pathway now. */
  readonly current: Pathway;
  /** A version by number (published or retired, of any key): a case's step moves name the version they were made in. */
  version(version: number): Pathway | undefined;
  /** Every version of every key, oldest first per key, the national ones first. */
  readonly all: readonly Pathway[];
  /** The key a version belongs to. */
  keyOf(version: number): string | undefined;
  /** What a case on this key follows now: the key's published version, else the national one. */
  currentFor(key: string | null | undefined): Pathway;
  /** The published regional variants, by region code. */
  readonly regions: readonly { code: string; pathway: Pathway }[];
  /** The key a new case in this veiligheidsregio follows: its variant when one is published, else national. */
  keyForRegion(code: string | null | undefined): string;
  /** Replaces every version (after a publish in the CMS, and at start from the editorial store). */
  refill(lines: readonly PathwayLine[]): void;
}

/**
 * The veiligheidsregio of an organisation's area, when it serves exactly one (ADR 0037): a case started by one of
 * its professionals follows that region's variant once one is published. Any other area (national, a province,
 * several regions, municipalities, a police unit) gives none: the national pathway.
 */
export function regionOfArea(area: { type: string; codes?: readonly string[] } | undefined): string | null {
  return area?.type === 'veiligheidsregio' && area.codes?.length === 1 ? (area.codes[0] ?? null) : null;
}

/** A registry over the given lines; the national line must have a published version. */
export function createPathwayRegistry(initial: readonly PathwayLine[]): PathwayRegistry {
  let lines: PathwayLine[] = [];
  let byVersion = new Map<number, { key: string; pathway: Pathway }>();
  let currents = new Map<string, Pathway>();
  const fill = (next: readonly PathwayLine[]) => {
    const national = next.find((line) => line.key === nationalPathway);
    const published = national?.versions.filter((entry) => entry.status === 'published').at(-1);
    if (published === undefined) throw new PathwayFileError(nationalPathway, ['no published pathway version']);
    const versions = new Map<number, { key: string; pathway: Pathway }>();
    const nowCurrent = new Map<string, Pathway>();
    for (const line of next) {
      for (const pathway of line.versions) {
        const taken = versions.get(pathway.version);
        if (taken !== undefined) {
          throw new PathwayFileError(line.key, [`version ${pathway.version} is also a version of ${taken.key}`]);
        }
        versions.set(pathway.version, { key: line.key, pathway });
      }
      const current = line.versions.filter((entry) => entry.status === 'published').at(-1);
      if (current !== undefined) nowCurrent.set(line.key, current);
    }
    lines = [...next].sort((a, b) => (a.key === nationalPathway ? -1 : b.key === nationalPathway ? 1 : 0));
    byVersion = versions;
    currents = nowCurrent;
  };
  fill(initial);
  return {
    get current() {
      return currents.get(nationalPathway)!;
    },
    version: (version) => byVersion.get(version)?.pathway,
    get all() {
      return lines.flatMap((line) => line.versions);
    },
    keyOf: (version) => byVersion.get(version)?.key,
    currentFor: (key) =>
      (key === null || key === undefined ? undefined : currents.get(key)) ?? currents.get(nationalPathway)!,
    get regions() {
      return [...currents]
        .filter(([key]) => key !== nationalPathway)
        .map(([key, pathway]) => ({ code: key.slice('region:'.length), pathway }))
        .sort((a, b) => a.code.localeCompare(b.code));
    },
    keyForRegion: (code) =>
      code !== null && code !== undefined && currents.has(regionKey(code)) ? regionKey(code) : nationalPathway,
    refill: fill,
  };
}

export class PathwayFileError extends Error {
  constructor(file: string, problems: readonly string[]) {
    super(`The pathway file ${file} is refused: ${problems.join('; ')}`);
    this.name = 'PathwayFileError';
  }
}

/** Where one track stands in a case (stored by the items part of the case space, one row per track). */
export interface TrackState {
  /** The step the track is at now; null when the track has not started or is finished. */
  current: string | null;
  /** The steps already done, oldest first (a step done twice, after a loop, appears twice). */
  done: readonly string[];
  /** Who is on this track, as the case page names them ("Politie, eenheid Noord-Nederland"). */
  onIt: readonly string[];
}

/** A case's state of the pathway: track id → where it stands. A track that is absent has not started. */
export type PathwayState = Readonly<Record<string, TrackState>>;

/** The track's steps that `from` leads to within the same track. */
function nextInTrack(track: PathwayTrack, from: PathwayStep): PathwayStep[] {
  return from.next.flatMap((id) => track.steps.filter((step) => step.id === id));
}

/** The step ids reachable from `start` (itself included) inside its track. */
export function reachableInTrack(track: PathwayTrack, start: PathwayStep): Set<string> {
  const seen = new Set<string>([start.id]);
  const queue = [start];
  for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
    for (const next of nextInTrack(track, item)) {
      if (!seen.has(next.id)) {
        seen.add(next.id);
        queue.push(next);
      }
    }
  }
  return seen;
}

/** What is wrong with the tracks' shapes (an empty list when nothing is). */
export function pathwayProblems(pathway: Pathway): string[] {
  const problems: string[] = [];
  for (const track of pathway.tracks) {
    const first = track.steps[0];
    if (first === undefined) continue;
    const reachable = reachableInTrack(track, first);
    for (const step of track.steps) {
      if (!reachable.has(step.id)) {
        problems.push(`track ${track.id}: step ${step.id} cannot be reached from the first step ${first.id}`);
      }
      const onward = reachableInTrack(track, step);
      if (!track.steps.some((candidate) => candidate.end && onward.has(candidate.id))) {
        problems.push(`track ${track.id}: from step ${step.id} the track can never be finished`);
      }
    }
  }
  return problems;
}

/**
 * Checks one parsed JSON value as a pathway; throws PathwayFileError naming every problem: its shape, its tracks,
 * and its languages (each in every text or in none, Dutch numbers kept; ADR 0056).
 */
export function parsePathway(raw: unknown, file: string): Pathway {
  const parsed = pathwaySchema.safeParse(raw);
  if (!parsed.success) {
    throw new PathwayFileError(
      file,
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'file'}: ${issue.message}`),
    );
  }
  const problems = [
    ...pathwayProblems(parsed.data),
    ...languageProblems(parsed.data).map((problem) => describeLanguageProblem(problem)),
  ];
  if (problems.length > 0) throw new PathwayFileError(file, problems);
  return parsed.data;
}

/**
 * Reads and checks every `vN.json` in the directory (the national pathway) and in `regions/<VRnn>/` (the regional
 * variants).
 */
export function loadPathways(directory: string): PathwayRegistry {
  const refuse = (file: string, problems: string[]) => new PathwayFileError(file, problems);
  const lines: PathwayLine[] = [
    { key: nationalPathway, versions: readVersionedFiles(directory, parsePathway, refuse) },
  ];
  const regions = path.join(directory, 'regions');
  if (existsSync(regions)) {
    for (const code of readdirSync(regions).sort()) {
      if (!/^VR\d{2}$/.test(code)) continue;
      const versions = readVersionedFiles(path.join(regions, code), parsePathway, refuse);
      const stray = versions.find((entry) => entry.region !== code);
      if (stray !== undefined) {
        throw new PathwayFileError(path.join(regions, code, `v${stray.version}.json`), [`"region" must be ${code}`]);
      }
      lines.push({ key: regionKey(code), versions });
    }
  }
  if (!lines[0]!.versions.some((entry) => entry.status === 'published')) {
    throw new PathwayFileError(directory, ['no published pathway version']);
  }
  return createPathwayRegistry(lines);
}

/** A track by id. */
export function findTrack(pathway: Pathway, trackId: string): PathwayTrack | undefined {
  return pathway.tracks.find((track) => track.id === trackId);
}

/** A step by id, with the track it belongs to. */
export function findStep(pathway: Pathway, stepId: string): { track: PathwayTrack; step: PathwayStep } | undefined {
  for (const track of pathway.tracks) {
    const step = track.steps.find((candidate) => candidate.id === stepId);
    if (step !== undefined) return { track, step };
  }
  return undefined;
}

/**
 * The steps a track may move to from where it stands: the steps after the current one within the track; when
 * the track has not started or is finished, its first step and every step another track points into (a track
 * can start where another one leads to it, e.g. the outcome of an investigation leads into protection).
 */
export function allowedMoves(pathway: Pathway, trackId: string, state: TrackState | undefined): PathwayStep[] {
  const track = findTrack(pathway, trackId);
  if (track === undefined) return [];
  const current = state?.current ?? null;
  if (current !== null) {
    const step = track.steps.find((candidate) => candidate.id === current);
    return step === undefined ? [] : nextInTrack(track, step);
  }
  const ownIds = new Set(track.steps.map((step) => step.id));
  const pointedInto = new Set(
    pathway.tracks
      .filter((other) => other.id !== track.id)
      .flatMap((other) => other.steps.flatMap((step) => step.next.filter((id) => ownIds.has(id)))),
  );
  return track.steps.filter((step, index) => index === 0 || pointedInto.has(step.id));
}
